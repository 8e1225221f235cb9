#include "app/cli/commands.h"

#include "diff/renderdiff.h"
#include "platform/demoworkspace.h"
#include "platform/session.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace kanri::cli {

namespace {

void printErr(const QString &text)
{
    std::fprintf(stderr, "%s\n", qPrintable(text));
}

void writeOut(const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
}

// --workspace DIR / --workspace=DIR, removed from args; the default workspace when absent.
QString takeWorkspace(QStringList &args, bool *bad)
{
    QString dir;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--workspace")) {
            if (i + 1 >= args.size()) {
                *bad = true;
                return {};
            }
            dir = args[i + 1];
            args.remove(i, 2);
            break;
        }
        if (args[i].startsWith(QLatin1String("--workspace="))) {
            dir = args[i].mid(12);
            args.removeAt(i);
            break;
        }
    }
    return QFileInfo(dir.isEmpty() ? platform::defaultWorkspaceDir() : dir).absoluteFilePath();
}

QJsonObject entryJson(const platform::MapEntryRef &e)
{
    return QJsonObject{{QStringLiteral("key"), e.key},
                       {QStringLiteral("file"), e.file},
                       {QStringLiteral("line"), e.line},
                       {QStringLiteral("map"), e.map},
                       {QStringLiteral("owners"), QJsonArray::fromStringList(e.owners)},
                       {QStringLiteral("fields"), e.fields}};
}

QJsonObject catalogJson(const platform::Catalog &c)
{
    QJsonArray repositories;
    for (const platform::RepositorySpec &r : c.workspace.repositories) {
        QJsonObject repo{{QStringLiteral("name"), r.name},
                         {QStringLiteral("role"), platform::roleName(r.role)},
                         {QStringLiteral("path"), c.workspace.repositoryPath(r)},
                         {QStringLiteral("url"), r.url},
                         {QStringLiteral("defaultBranch"), r.defaultBranch}};
        // The commit read with --at; absent for a working tree.
        const QString commit =
            r.role == platform::RepositoryRole::Accounts ? c.accountsCommit : c.manifestsCommit;
        if (!commit.isEmpty())
            repo.insert(QStringLiteral("commit"), commit);
        repositories.append(repo);
    }
    QJsonArray developers, microservices, teams, services, problems;
    for (const auto &d : c.developers)
        developers.append(entryJson(d));
    for (const auto &m : c.microservices)
        microservices.append(entryJson(m));
    for (const auto &t : c.teams) {
        teams.append(QJsonObject{
            {QStringLiteral("name"), t.name},
            {QStringLiteral("services"), QJsonArray::fromStringList(t.services)},
            {QStringLiteral("microservices"), QJsonArray::fromStringList(t.microservices)}});
    }
    for (const auto &s : c.services) {
        QJsonArray envs;
        for (const auto &e : s.environments) {
            QJsonObject env{{QStringLiteral("name"), e.name},
                            {QStringLiteral("namespace"), e.namespaceName},
                            {QStringLiteral("overlay"), e.overlay}};
            if (!e.error.isEmpty())
                env.insert(QStringLiteral("error"), e.error);
            envs.append(env);
        }
        QJsonObject service{{QStringLiteral("id"), s.name},
                            {QStringLiteral("path"), s.path},
                            {QStringLiteral("team"), s.team},
                            {QStringLiteral("owners"), QJsonArray::fromStringList(s.owners)},
                            {QStringLiteral("microservice"), s.microservice >= 0},
                            {QStringLiteral("environments"), envs}};
        if (!s.error.isEmpty())
            service.insert(QStringLiteral("error"), s.error);
        services.append(service);
    }
    for (const Error &e : c.problems)
        problems.append(e.toString());
    return QJsonObject{{QStringLiteral("workspace"), c.workspace.dir},
                       {QStringLiteral("repositories"), repositories},
                       {QStringLiteral("developers"), developers},
                       {QStringLiteral("microservices"), microservices},
                       {QStringLiteral("teams"), teams},
                       {QStringLiteral("services"), services},
                       {QStringLiteral("assumptions"), QJsonArray::fromStringList(c.assumptions)},
                       {QStringLiteral("problems"), problems}};
}

QList<diff::ResourceText> resourceTexts(const kustomize::RenderOutput &out)
{
    QList<diff::ResourceText> list;
    for (const auto &r : out.resources)
        list.append({r.apiVersion, r.kind, r.nameSpace, r.name, r.yaml, r.originFile});
    return list;
}

} // namespace

int runCatalog(const QStringList &arguments)
{
    QStringList args = arguments;
    bool bad = false;
    const QString dir = takeWorkspace(args, &bad);
    const bool json = args.removeAll(QStringLiteral("--json")) > 0;
    QString at;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--at") && i + 1 < args.size()) {
            at = args[i + 1];
            args.remove(i, 2);
            break;
        }
        if (args[i].startsWith(QLatin1String("--at="))) {
            at = args[i].mid(5);
            args.removeAt(i);
            break;
        }
    }
    if (bad || !args.isEmpty()) {
        printErr(QStringLiteral("usage: kanri catalog [--workspace DIR] [--at REV] [--json]"));
        return 2;
    }
    auto ws = platform::openWorkspace(dir);
    if (!ws) {
        printErr(ws.error().toString());
        return 1;
    }
    auto catalog = at.isEmpty() ? platform::Catalog::load(*ws) : platform::Catalog::loadAt(*ws, at);
    if (!catalog) {
        printErr(catalog.error().toString());
        return 1;
    }
    for (const QString &a : std::as_const(catalog->assumptions))
        printErr(QStringLiteral("note: assumed %1").arg(a));
    if (json) {
        writeOut(QJsonDocument(catalogJson(*catalog)).toJson(QJsonDocument::Indented));
        return 0;
    }
    QByteArray out;
    out += "workspace " + catalog->workspace.dir.toUtf8() + '\n';
    if (!catalog->accountsCommit.isEmpty())
        out += "accounts at " + catalog->accountsCommit.toUtf8() + '\n';
    if (!catalog->manifestsCommit.isEmpty())
        out += "manifests at " + catalog->manifestsCommit.toUtf8() + '\n';
    for (const auto &t : catalog->teams)
        out += "team " + t.name.toUtf8() + ": " + t.services.join(QStringLiteral(", ")).toUtf8() +
               '\n';
    for (const auto &s : catalog->services) {
        QStringList envs;
        for (const auto &e : s.environments)
            envs << e.name + QLatin1Char('=') + e.namespaceName;
        out += "service " + s.name.toUtf8() + " (" + s.team.toUtf8() + ") " +
               envs.join(QLatin1Char(' ')).toUtf8() + (s.error.isEmpty() ? "" : " BROKEN") + '\n';
    }
    out += QByteArray::number(catalog->developers.size()) + " developers, " +
           QByteArray::number(catalog->microservices.size()) + " microservices\n";
    writeOut(out);
    for (const Error &e : std::as_const(catalog->problems))
        printErr(e.toString());
    return 0;
}

int runDiff(const QStringList &arguments)
{
    QStringList args = arguments;
    bool bad = false;
    const QString dir = takeWorkspace(args, &bad);
    QString base = QStringLiteral("HEAD");
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--base") && i + 1 < args.size()) {
            base = args[i + 1];
            args.remove(i, 2);
            break;
        }
        if (args[i].startsWith(QLatin1String("--base="))) {
            base = args[i].mid(7);
            args.removeAt(i);
            break;
        }
    }
    if (bad || !args.isEmpty()) {
        printErr(QStringLiteral("usage: kanri diff [--workspace DIR] [--base REF]"));
        return 2;
    }
    auto ws = platform::openWorkspace(dir);
    if (!ws) {
        printErr(ws.error().toString());
        return 1;
    }
    auto session = platform::Session::open(*ws);
    if (!session) {
        printErr(session.error().toString());
        return 1;
    }
    const platform::Catalog &c = (*session)->catalog();
    if (c.manifestsRoot.isEmpty()) {
        printErr(QStringLiteral("error: the workspace has no manifests repository"));
        return 1;
    }
    auto before = (*session)->overlayAtRevision(base);
    if (!before) {
        printErr(before.error().toString());
        return 1;
    }
    const QString repoName = ws->repository(platform::RepositoryRole::Manifests)->name;
    int status = 0;
    int differing = 0;
    for (const platform::Service &s : c.services) {
        for (const platform::Environment &e : s.environments) {
            auto old = (*session)->render(e.overlay, *before);
            auto now = (*session)->render(e.overlay, {});
            if (!now) {
                printErr(now.error().toString());
                status = 1;
                continue;
            }
            const QList<diff::ResourceText> oldTexts =
                old ? resourceTexts(*old) : QList<diff::ResourceText>();
            const diff::RenderDiff d = diff::diffRenders(oldTexts, resourceTexts(*now));
            if (d.isEmpty())
                continue;
            ++differing;
            writeOut(diff::formatRenderDiff(d, repoName + QLatin1Char(' ') + e.overlay));
            printErr(QStringLiteral("%1 %2: %3").arg(repoName, e.overlay, d.summary()));
        }
    }
    if (differing == 0)
        printErr(QStringLiteral("no rendered differences against %1").arg(base));
    return status;
}

} // namespace kanri::cli
