#include "publish/wizardmicroservice.h"

#include "core/fileio.h"
#include "hcl/hcldocument.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>

namespace kanri::platform {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("kanri::platform", text);
}

const QRegularExpression kName(QStringLiteral("^[a-z]([a-z0-9-]{0,38}[a-z0-9])?$"));
const QRegularExpression kQuantity(QStringLiteral("^[0-9]+(\\.[0-9]+)?(m|Ki|Mi|Gi|Ti|k|M|G|T)?$"));

// Templates relative to the microservice template folder.
Result<QByteArray> readTemplate(const Catalog &catalog, const SourceReader &read,
                                const QString &name)
{
    if (!catalog.manifestsRoot.isEmpty()) {
        const QString own = QDir(catalog.manifestsRoot)
                                .filePath(QStringLiteral(".kanri/templates/microservice/") + name);
        if (auto bytes = read(own))
            return bytes;
    }
    auto bytes = readFile(QStringLiteral(":/templates/microservice/") + name);
    if (!bytes)
        return failAt(Error::Code::NotFound, tr("the template is missing from this build of Kanri"),
                      name);
    return bytes;
}

// Adds `- item` after the last item of the top-level `resources:` list of a kustomization,
// keeping its indentation. Text edit, so that comments and order stay.
Result<QByteArray> appendResource(const QByteArray &text, const QString &item, const QString &file)
{
    QList<QByteArray> lines = text.split('\n');
    int start = -1;
    for (int i = 0; i < lines.size(); ++i) {
        if (lines.at(i).startsWith("resources:")) {
            start = i;
            break;
        }
    }
    if (start < 0)
        return failAt(Error::Code::NotFound, tr("no resources list to add %1 to").arg(item), file);
    int last = start;
    QByteArray indent = "  ";
    for (int i = start + 1; i < lines.size(); ++i) {
        const QByteArray t = lines.at(i).trimmed();
        if (t.startsWith("- ")) {
            last = i;
            indent = lines.at(i).left(lines.at(i).indexOf('-'));
            continue;
        }
        if (t.isEmpty() || t.startsWith('#'))
            continue;
        break;
    }
    lines.insert(last + 1, indent + "- " + item.toUtf8());
    return lines.join('\n');
}

// Adds `/services/<name>/  owner` after the last /services/ line of a CODEOWNERS file, with
// the owner in the same column as that line's.
QByteArray addCodeOwnersLine(const QByteArray &text, const QString &pattern, const QString &owner)
{
    QList<QByteArray> lines = text.split('\n');
    int last = -1;
    int column = 0;
    for (int i = 0; i < lines.size(); ++i) {
        const QByteArray &l = lines.at(i);
        if (l.startsWith("/services/") || l.startsWith("services/")) {
            last = i;
            const qsizetype space = l.indexOf(' ');
            qsizetype ownerAt = space;
            while (ownerAt >= 0 && ownerAt < l.size() && l.at(ownerAt) == ' ')
                ++ownerAt;
            column = int(ownerAt);
        }
    }
    QByteArray line = pattern.toUtf8();
    line += QByteArray(std::max<qsizetype>(1, column - line.size()), ' ');
    line += owner.toUtf8();
    if (last < 0) {
        if (!lines.isEmpty() && lines.constLast().isEmpty())
            lines.insert(lines.size() - 1, line);
        else
            lines << line;
    } else {
        lines.insert(last + 1, line);
    }
    return lines.join('\n');
}

QString organizationOf(const Catalog &catalog)
{
    for (const Team &t : catalog.teams) {
        if (t.name.startsWith(QLatin1Char('@')) && t.name.contains(QLatin1Char('/')))
            return t.name.mid(1).section(QLatin1Char('/'), 0, 0);
    }
    return {};
}

} // namespace

QStringList microserviceTeams(const Catalog &catalog)
{
    QStringList out;
    for (const MapEntryRef &m : catalog.microservices) {
        const QString team = m.fields.value(QStringLiteral("team")).toString();
        if (!team.isEmpty() && !out.contains(team))
            out << team;
    }
    out.sort();
    return out;
}

MicroserviceDraft microserviceDefaults(const Catalog &catalog, const SourceReader &read,
                                       const QString &team)
{
    MicroserviceDraft d;
    d.team = team;
    // The registry prefix of the first service whose base Deployment names its image as
    // REGISTRY/REPOSITORY/IMAGE:TAG.
    static const QRegularExpression image(QStringLiteral("^\\s*image:\\s*\"?([^\"\\s]+)"),
                                          QRegularExpression::MultilineOption);
    for (const Service &s : catalog.services) {
        auto bytes = read(
            QDir(catalog.manifestsRoot).filePath(s.path + QStringLiteral("/base/deployment.yaml")));
        if (!bytes)
            continue;
        const QString ref =
            image.match(QString::fromUtf8(*bytes)).captured(1).section(QLatin1Char(':'), 0, 0);
        if (ref.count(QLatin1Char('/')) >= 3) {
            d.registry = ref.section(QLatin1Char('/'), 0, -3);
            QStringList envs;
            for (const Environment &e : s.environments)
                envs << e.name;
            if (!envs.isEmpty())
                d.environments = envs;
            break;
        }
    }
    if (d.registry.isEmpty())
        d.registry = QStringLiteral("registry.example.com");
    return d;
}

QString checkMicroserviceName(const Catalog &catalog, const QString &name)
{
    if (name.isEmpty())
        return tr("enter a name");
    if (!kName.match(name).hasMatch())
        return tr("a name is a DNS label: lower-case letters, digits and dashes, starting with a "
                  "letter, at most 40 characters");
    if (catalog.service(name))
        return tr("the manifests repository already has a service %1").arg(name);
    if (catalog.microserviceIndex(name) >= 0)
        return tr("the accounts repository already has a microservice %1").arg(name);
    if (!catalog.manifestsRoot.isEmpty() &&
        QFileInfo::exists(QDir(catalog.manifestsRoot).filePath(QStringLiteral("services/") + name)))
        return tr("services/%1 already exists").arg(name);
    return {};
}

QStringList microserviceServiceProblems(const Catalog &catalog, const MicroserviceDraft &d)
{
    QStringList out;
    if (const QString n = checkMicroserviceName(catalog, d.name); !n.isEmpty())
        out << n;
    if (!microserviceTeams(catalog).contains(d.team))
        out << tr("choose a team that has a microservices map");
    if (d.description.trimmed().isEmpty())
        out << tr("enter a one-line description");
    if (d.environments.isEmpty())
        out << tr("choose at least one environment");
    return out;
}

QStringList microserviceDraftProblems(const Catalog &catalog, const MicroserviceDraft &d)
{
    return microserviceServiceProblems(catalog, d) + microserviceContainerProblems(d);
}

QStringList microserviceContainerProblems(const MicroserviceDraft &d)
{
    QStringList out;
    if (d.registry.isEmpty() || d.registry.contains(QLatin1Char(' ')))
        out << tr("enter the image registry");
    if (d.tag.isEmpty() || d.tag == QLatin1String("latest") || d.tag.contains(QLatin1Char(':')) ||
        d.tag.contains(QLatin1Char(' ')))
        out << tr("the first image tag must be a pinned version (not latest)");
    for (const QString &q : {d.cpuRequest, d.memoryRequest, d.cpuLimit, d.memoryLimit}) {
        if (!kQuantity.match(q).hasMatch())
            out << tr("%1 is not a Kubernetes quantity").arg(q);
    }
    if (d.port < 1 || d.port > 65535)
        out << tr("the port is 1 to 65535");
    return out;
}

Result<WizardPlan> planNewMicroservice(const Catalog &catalog, const SourceReader &read,
                                       const MicroserviceDraft &d)
{
    if (const QStringList problems = microserviceDraftProblems(catalog, d); !problems.isEmpty())
        return fail(Error::Code::Usage, problems.join(QLatin1Char('\n')));
    if (catalog.manifestsRoot.isEmpty())
        return fail(Error::Code::NotFound, tr("the workspace has no manifests repository"));

    const QDir manifests(catalog.manifestsRoot);
    const QDir workspace(catalog.workspace.dir);
    WizardPlan plan;
    plan.description = tr("Add microservice %1").arg(d.name);
    auto addFile = [&](const QString &path, const QByteArray &after) -> Result<void> {
        if (read(path))
            return failAt(Error::Code::Rejected, tr("the file already exists"), path);
        plan.files << PlannedFile{path, workspace.relativeFilePath(path), std::nullopt, after};
        return {};
    };

    // An existing Application tells the Git URL of the manifests repository.
    QString repoURL;
    {
        static const QRegularExpression rx(QStringLiteral("^\\s*repoURL:\\s*(\\S+)"),
                                           QRegularExpression::MultilineOption);
        const QDir apps(manifests.filePath(QStringLiteral("argocd/applications")));
        for (const QString &f :
             apps.entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name)) {
            if (auto bytes = read(apps.filePath(f))) {
                if (auto m = rx.match(QString::fromUtf8(*bytes)); m.hasMatch()) {
                    repoURL = m.captured(1);
                    break;
                }
            }
        }
    }
    const QString organization = organizationOf(catalog);
    QHash<QString, QString> values{
        {QStringLiteral("name"), d.name},
        {QStringLiteral("namespace"), d.name},
        {QStringLiteral("team"), d.team},
        {QStringLiteral("image"), d.image()},
        {QStringLiteral("tag"), d.tag},
        {QStringLiteral("port"), QString::number(d.port)},
        {QStringLiteral("cpuRequest"), d.cpuRequest},
        {QStringLiteral("memoryRequest"), d.memoryRequest},
        {QStringLiteral("cpuLimit"), d.cpuLimit},
        {QStringLiteral("memoryLimit"), d.memoryLimit},
        {QStringLiteral("repoURL"), repoURL},
        {QStringLiteral("cluster"), d.cluster},
        {QStringLiteral("organization"), organization},
    };
    // YAML needs quotes around a bare number such as cpu "1".
    for (const char *key : {"cpuRequest", "cpuLimit"}) {
        QString &v = values[QLatin1String(key)];
        static const QRegularExpression plain(QStringLiteral("^[0-9.]+$"));
        if (plain.match(v).hasMatch())
            v = QLatin1Char('"') + v + QLatin1Char('"');
    }

    const QString serviceDir = QStringLiteral("services/") + d.name;
    for (const char *file : {"kustomization.yaml", "deployment.yaml", "service.yaml", "hpa.yaml"}) {
        auto text = readTemplate(catalog, read, QStringLiteral("base/") + QLatin1String(file));
        if (!text)
            return std::unexpected(text.error());
        if (auto r = addFile(
                manifests.filePath(serviceDir + QStringLiteral("/base/") + QLatin1String(file)),
                fillTemplate(*text, values));
            !r)
            return std::unexpected(r.error());
    }
    auto overlay = readTemplate(catalog, read, QStringLiteral("overlays/kustomization.yaml"));
    auto application = readTemplate(catalog, read, QStringLiteral("argocd-application.yaml"));
    auto ns = readTemplate(catalog, read, QStringLiteral("namespace.yaml"));
    for (const auto *t : {&overlay, &application, &ns}) {
        if (!*t)
            return std::unexpected(t->error());
    }
    const QString appsKustomization =
        manifests.filePath(QStringLiteral("argocd/applications/kustomization.yaml"));
    auto apps = read(appsKustomization);
    for (const QString &env : d.environments) {
        QHash<QString, QString> v = values;
        v.insert(QStringLiteral("env"), env);
        const bool production = env == QLatin1String("prd");
        v.insert(QStringLiteral("minReplicas"),
                 production ? QStringLiteral("2") : QStringLiteral("1"));
        v.insert(QStringLiteral("maxReplicas"),
                 production ? QStringLiteral("10") : QStringLiteral("2"));
        if (auto r = addFile(manifests.filePath(serviceDir + QStringLiteral("/overlays/") + env +
                                                QStringLiteral("/kustomization.yaml")),
                             fillTemplate(*overlay, v));
            !r)
            return std::unexpected(r.error());
        if (apps) {
            const QString appFile = QStringLiteral("%1-%2.yaml").arg(d.name, env);
            if (auto r =
                    addFile(manifests.filePath(QStringLiteral("argocd/applications/") + appFile),
                            fillTemplate(*application, v));
                !r)
                return std::unexpected(r.error());
            auto updated = appendResource(*apps, appFile, appsKustomization);
            if (!updated)
                return std::unexpected(updated.error());
            apps = *updated;
        }
    }
    if (apps) {
        auto before = read(appsKustomization);
        plan.files << PlannedFile{appsKustomization, workspace.relativeFilePath(appsKustomization),
                                  *before, *apps};
    }
    // The namespace, where the platform keeps them.
    const QString nsKustomization =
        manifests.filePath(QStringLiteral("platform/namespaces/kustomization.yaml"));
    if (auto nsList = read(nsKustomization)) {
        const QString nsFile = d.name + QStringLiteral(".yaml");
        if (auto r = addFile(manifests.filePath(QStringLiteral("platform/namespaces/") + nsFile),
                             fillTemplate(*ns, values));
            !r)
            return std::unexpected(r.error());
        auto updated = appendResource(*nsList, nsFile, nsKustomization);
        if (!updated)
            return std::unexpected(updated.error());
        plan.files << PlannedFile{nsKustomization, workspace.relativeFilePath(nsKustomization),
                                  *nsList, *updated};
    }
    // CODEOWNERS: the team owns its folder.
    const QString owner = organization.isEmpty()
                              ? QStringLiteral("@") + d.team
                              : QStringLiteral("@%1/%2").arg(organization, d.team);
    if (!catalog.manifestsOwners.fileName().isEmpty()) {
        const QString path = manifests.filePath(catalog.manifestsOwners.fileName());
        if (auto text = read(path)) {
            plan.files << PlannedFile{
                path, workspace.relativeFilePath(path), *text,
                addCodeOwnersLine(*text, QLatin1Char('/') + serviceDir + QLatin1Char('/'), owner)};
        }
    }
    // The microservices map entry, in the team's own file.
    if (!catalog.accountsRoot.isEmpty()) {
        const MapEntryRef *teamEntry = nullptr;
        for (const MapEntryRef &m : catalog.microservices) {
            if (m.fields.value(QStringLiteral("team")).toString() == d.team)
                teamEntry = &m;
        }
        if (!teamEntry)
            return fail(Error::Code::NotFound,
                        tr("the team %1 has no microservices map yet; ask the SRE team to add "
                           "its file")
                            .arg(d.team));
        const QString path = QDir(catalog.accountsRoot).filePath(teamEntry->file);
        auto bytes = read(path);
        if (!bytes)
            return std::unexpected(bytes.error());
        auto doc = hcl::Document::parse(*bytes, teamEntry->file);
        if (!doc)
            return std::unexpected(doc.error());
        if (!catalog.microserviceSchema.isEmpty())
            doc->attachSchema(teamEntry->map, catalog.microserviceSchema);
        QJsonObject fields;
        QStringList known;
        for (const hcl::FieldSchema &f : catalog.microserviceSchema)
            known << f.name;
        auto put = [&](const QString &field, const QJsonValue &value) {
            if (known.isEmpty() || known.contains(field))
                fields.insert(field, value);
        };
        put(QStringLiteral("team"), d.team);
        put(QStringLiteral("description"), d.description.trimmed());
        put(QStringLiteral("namespace"), d.name);
        put(QStringLiteral("gar_repository"), d.name);
        if (d.cluster != QLatin1String("gke"))
            put(QStringLiteral("clusters"), QJsonArray{d.cluster});
        // The team's on-call group and alert channel, as its other services have them.
        for (const char *copied : {"slack_usergroup", "slack_channel"}) {
            const QJsonValue v = teamEntry->fields.value(QLatin1String(copied));
            if (v.isString())
                put(QLatin1String(copied), v);
        }
        if (auto r = doc->addEntry(teamEntry->map, d.name, fields); !r)
            return std::unexpected(r.error());
        plan.files << PlannedFile{path, workspace.relativeFilePath(path), *bytes, doc->text()};
        plan.notes << tr("The entry in %1 creates the Artifact Registry repository %2, the "
                         "Slack user group and the default monitors.")
                          .arg(teamEntry->file, d.name);
    }
    std::sort(plan.files.begin(), plan.files.end(),
              [](const PlannedFile &a, const PlannedFile &b) { return a.display < b.display; });
    return plan;
}

} // namespace kanri::platform
