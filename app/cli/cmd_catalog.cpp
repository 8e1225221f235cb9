#include "app/cli/commands.h"
#include "app/cli/help.h"
#include "app/cli/output.h"

#include "diff/diffreport.h"
#include "diff/renderdiff.h"
#include "platform/catalogjson.h"
#include "platform/demoworkspace.h"
#include "platform/session.h"
#include "rules/rulelinter.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>

#include <optional>

#include <cstdio>

namespace kanri::cli {

namespace {

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
        writeErr(help::usage("catalog"));
        return 2;
    }
    auto ws = platform::openWorkspace(dir);
    if (!ws) {
        writeErr(ws.error().toString());
        return 1;
    }
    auto catalog = at.isEmpty() ? platform::Catalog::load(*ws) : platform::Catalog::loadAt(*ws, at);
    if (!catalog) {
        writeErr(catalog.error().toString());
        return 1;
    }
    for (const QString &a : std::as_const(catalog->assumptions))
        writeErr(QStringLiteral("note: assumed %1").arg(a));
    // Where each overlay goes (--json only): the Argo CD objects of the working tree (not read
    // with --at, whose files are a commit's). Broken objects are problems like the catalog's.
    std::optional<argocd::DeploymentMap> deployments;
    QList<Error> problems = catalog->problems;
    if (json && !catalog->manifestsRoot.isEmpty() && catalog->manifestsCommit.isEmpty()) {
        auto map = platform::catalogDeployments(*catalog);
        if (map) {
            for (const QString &a : std::as_const(map->assumptions))
                writeErr(QStringLiteral("note: assumed %1").arg(a));
            for (const Error &e : std::as_const(map->notes))
                writeErr(QStringLiteral("%1:%2:%3: note: %4")
                             .arg(escapeControls(QDir(catalog->manifestsRoot).filePath(e.file)))
                             .arg(e.line)
                             .arg(e.column)
                             .arg(escapeControls(e.message)));
            for (Error e : std::as_const(map->problems)) {
                if (!QDir::isAbsolutePath(e.file) && !e.file.isEmpty())
                    e.file = QDir(catalog->manifestsRoot).filePath(e.file);
                problems << e;
            }
            deployments = std::move(*map);
        } else {
            problems << map.error();
        }
    }
    // A broken file is an error: the catalog is printed without it, the exit status says so.
    const int status = problems.isEmpty() ? 0 : 1;
    if (json) {
        writeOut(
            QJsonDocument(platform::catalogToJson(*catalog, deployments ? &*deployments : nullptr))
                .toJson(QJsonDocument::Indented));
        for (const Error &e : std::as_const(problems))
            writeErr(e.toString());
        return status;
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
    for (const Error &e : std::as_const(problems))
        writeErr(e.toString());
    return status;
}

int runDiff(const QStringList &arguments)
{
    QStringList args = arguments;
    bool bad = false;
    const QString dir = takeWorkspace(args, &bad);
    QString base = QStringLiteral("HEAD");
    diff::ReportFormat format = diff::ReportFormat::Text;
    for (qsizetype i = 0; i < args.size();) {
        const QString a = args[i];
        const bool separate = i + 1 < args.size();
        if (a == QLatin1String("--base") && separate) {
            base = args[i + 1];
            args.remove(i, 2);
        } else if (a.startsWith(QLatin1String("--base="))) {
            base = a.mid(7);
            args.removeAt(i);
        } else if ((a == QLatin1String("--format") && separate) ||
                   a.startsWith(QLatin1String("--format="))) {
            const QString name = a.contains(QLatin1Char('=')) ? a.mid(9) : args[i + 1];
            args.remove(i, a.contains(QLatin1Char('=')) ? 1 : 2);
            const auto f = diff::reportFormatFromName(name);
            if (!f) {
                writeErr(QStringLiteral("kanri diff: error: unknown format '%1'").arg(name));
                bad = true;
                break;
            }
            format = *f;
        } else {
            ++i;
        }
    }
    if (bad || !args.isEmpty() || base.isEmpty()) {
        writeErr(help::usage("diff"));
        return 2;
    }
    // A folder without workspace.yaml that holds files is one repository (a CI checkout).
    const bool lone = QFileInfo(dir).isDir() &&
                      !QFileInfo::exists(QDir(dir).filePath(QStringLiteral("workspace.yaml"))) &&
                      !QDir(dir).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    auto ws = lone ? platform::workspaceForDirectory(dir) : platform::openWorkspace(dir);
    if (!ws) {
        writeErr(ws.error().toString());
        return 1;
    }
    // Errors without a file of their own name workspace.yaml, or the lone repository's folder.
    const QString where = lone ? dir : ws->fileName();
    auto session = platform::Session::open(*ws);
    if (!session) {
        // A repository that cannot be opened is named by the workspace file that lists it.
        Error e = session.error();
        if (e.file.isEmpty())
            e.file = where;
        writeErr(e.toString());
        return 1;
    }
    const platform::Catalog &c = (*session)->catalog();
    if (c.manifestsRoot.isEmpty()) {
        writeErr(
            Error{QStringLiteral("the workspace has no manifests repository"), where}.toString());
        return 1;
    }
    auto before = (*session)->overlayAtRevision(base);
    if (!before) {
        Error e = before.error();
        if (e.file.isEmpty())
            e.file = where;
        writeErr(e.toString());
        return 1;
    }
    const QString repoName = ws->repository(platform::RepositoryRole::Manifests)->name;
    int status = 0;
    QList<diff::OverlayDiff> overlays;
    QList<diff::RenderFailure> failures;
    for (const platform::Service &s : c.services) {
        for (const platform::Environment &e : s.environments) {
            auto old = (*session)->render(e.overlay, *before);
            auto now = (*session)->render(e.overlay, {});
            if (!now) {
                writeErr(now.error().toString());
                failures.append({repoName, e.overlay, now.error().toString()});
                status = 1;
                continue;
            }
            const QList<diff::ResourceText> oldTexts =
                old ? resourceTexts(*old) : QList<diff::ResourceText>();
            diff::OverlayDiff d{repoName, e.overlay,
                                diff::diffRenders(oldTexts, resourceTexts(*now))};
            if (d.diff.isEmpty())
                continue;
            writeErr(QStringLiteral("%1 %2: %3").arg(repoName, e.overlay, d.diff.summary()));
            overlays.append(std::move(d));
        }
    }
    diff::ReportOptions options(base);
    options.failures = failures;
    writeOut(diff::formatReport(overlays, format, options));
    if (overlays.isEmpty())
        writeErr(QStringLiteral("no rendered differences against %1").arg(base));
    return status;
}

} // namespace kanri::cli
