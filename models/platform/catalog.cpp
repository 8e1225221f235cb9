#include "catalog.h"

#include "fileio.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QRegularExpression>

#include <yaml-cpp/yaml.h>

#include <map>

namespace kanri::platform {

namespace {

const QString kConfigFile = QStringLiteral(".kanri.yaml");

QRegularExpression globRegex(const QString &glob)
{
    // Path-aware: `*` does not cross a slash, as in a shell.
    return QRegularExpression(QRegularExpression::wildcardToRegularExpression(glob));
}

QString scalar(const YAML::Node &node, const char *key)
{
    const YAML::Node v = node[key];
    return v && v.IsScalar() ? QString::fromStdString(v.Scalar()) : QString();
}

// Reads a YAML file with yaml-cpp; a parse failure becomes a file:line:col error.
Result<YAML::Node> loadYaml(const QString &path, const QString &displayName)
{
    auto bytes = readFile(path);
    if (!bytes)
        return std::unexpected(bytes.error());
    try {
        return YAML::Load(bytes->toStdString());
    } catch (const YAML::Exception &e) {
        return failAt(Error::Code::Syntax, QString::fromStdString(e.msg), displayName,
                      e.mark.line + 1, e.mark.column + 1);
    }
}

// "FILE#variable.NAME" and "FILE-GLOB#[SOURCE.]MAP-GLOB".
std::optional<MapLocation> parseLocation(const YAML::Node &node)
{
    if (!node || !node.IsMap())
        return std::nullopt;
    MapLocation loc;
    const QString schema = scalar(node, "schema");
    if (!schema.isEmpty()) {
        loc.schemaFile = schema.section(QLatin1Char('#'), 0, 0);
        loc.schemaVariable = schema.section(QLatin1Char('#'), 1)
                                 .remove(QRegularExpression(QStringLiteral("^variable\\.")));
    }
    const QString entries = scalar(node, "entries");
    if (entries.isEmpty())
        return std::nullopt;
    loc.entriesGlob = entries.section(QLatin1Char('#'), 0, 0);
    QString map = entries.section(QLatin1Char('#'), 1);
    static const QStringList sources{QStringLiteral("locals"), QStringLiteral("tfvars"),
                                     QStringLiteral("variable"), QStringLiteral("module")};
    const QString first = map.section(QLatin1Char('.'), 0, 0);
    if (sources.contains(first) && map.contains(QLatin1Char('.')) &&
        first != QLatin1String("module")) {
        loc.entriesSource =
            first == QLatin1String("variable") ? QStringLiteral("variable.default") : first;
        map = map.section(QLatin1Char('.'), 1);
    }
    loc.entriesMapGlob = map.isEmpty() ? QStringLiteral("*") : map;
    return loc;
}

bool isTerraformFile(const QString &name)
{
    return name.endsWith(QLatin1String(".tf")) || name.endsWith(QLatin1String(".tfvars")) ||
           name.endsWith(QLatin1String(".tofu")) || name.endsWith(QLatin1String(".tf.json")) ||
           name.endsWith(QLatin1String(".tfvars.json"));
}

int environmentRank(const QString &name)
{
    static const QStringList order{
        QStringLiteral("dev"), QStringLiteral("develop"), QStringLiteral("development"),
        QStringLiteral("qa"),  QStringLiteral("stg"),     QStringLiteral("staging"),
        QStringLiteral("prd"), QStringLiteral("prod"),    QStringLiteral("production")};
    const int i = int(order.indexOf(name));
    return i < 0 ? int(order.size()) : i;
}

QString kustomizationFile(const QString &dir)
{
    for (const char *name : {"kustomization.yaml", "kustomization.yml", "Kustomization"}) {
        const QString path = QDir(dir).filePath(QString::fromLatin1(name));
        if (QFileInfo::exists(path))
            return path;
    }
    return {};
}

QString teamOf(const QStringList &owners)
{
    for (const QString &owner : owners) {
        if (owner.startsWith(QLatin1Char('@')) && owner.contains(QLatin1Char('/')))
            return owner;
    }
    return owners.value(0);
}

CodeOwners loadCodeOwners(const QString &root, QList<Error> &problems)
{
    // GitHub looks in .github/, then the root, then docs/, and uses the first it finds.
    for (const char *candidate : {".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"}) {
        const QString rel = QString::fromLatin1(candidate);
        const QString path = QDir(root).filePath(rel);
        if (!QFileInfo::exists(path))
            continue;
        auto bytes = readFile(path);
        if (!bytes) {
            problems.append(bytes.error());
            return {};
        }
        CodeOwners co = CodeOwners::parse(*bytes, rel);
        problems.append(co.problems());
        return co;
    }
    return {};
}

// Parsed Terraform files of the accounts repository, by relative path.
class TerraformFiles
{
public:
    TerraformFiles(QString root, QList<Error> &problems)
        : m_root(std::move(root))
        , m_problems(problems)
    {
        QDirIterator it(m_root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            const QString rel = QDir(m_root).relativeFilePath(path);
            if (rel.startsWith(QLatin1String(".git/")) ||
                rel.contains(QLatin1String(".terraform/")))
                continue;
            if (isTerraformFile(rel))
                m_paths.append(rel);
        }
        m_paths.sort();
    }

    const QStringList &paths() const { return m_paths; }

    const hcl::Document *document(const QString &rel)
    {
        auto it = m_docs.find(rel);
        if (it != m_docs.end())
            return it->second ? &*it->second : nullptr;
        std::optional<hcl::Document> doc;
        auto bytes = readFile(QDir(m_root).filePath(rel));
        if (!bytes) {
            m_problems.append(bytes.error());
        } else if (auto parsed = hcl::Document::parse(*bytes, rel); parsed) {
            doc = std::move(*parsed);
        } else {
            m_problems.append(parsed.error());
        }
        auto [pos, _] = m_docs.emplace(rel, std::move(doc));
        return pos->second ? &*pos->second : nullptr;
    }

private:
    QString m_root;
    QList<Error> &m_problems;
    QStringList m_paths;
    std::map<QString, std::optional<hcl::Document>> m_docs;
};

struct FoundMap
{
    QString file;
    hcl::MapInfo map;
};

QList<FoundMap> findMaps(TerraformFiles &files, const MapLocation &loc)
{
    QList<FoundMap> found;
    const QRegularExpression fileRx = globRegex(loc.entriesGlob);
    const QRegularExpression mapRx = globRegex(loc.entriesMapGlob);
    for (const QString &rel : files.paths()) {
        if (!fileRx.match(rel).hasMatch())
            continue;
        const hcl::Document *doc = files.document(rel);
        if (!doc)
            continue;
        for (const hcl::MapInfo &map : doc->maps()) {
            if (map.isList || !mapRx.match(map.name).hasMatch())
                continue;
            if (!loc.entriesSource.isEmpty() && map.source != loc.entriesSource)
                continue;
            found.append({rel, map});
        }
    }
    return found;
}

std::optional<QList<hcl::FieldSchema>> findSchema(TerraformFiles &files, const QString &file,
                                                  const QString &variable)
{
    const QStringList candidates = file.isEmpty() ? files.paths() : QStringList{file};
    for (const QString &rel : candidates) {
        if (const hcl::Document *doc = files.document(rel)) {
            if (auto schema = hcl::variableSchema(*doc, variable))
                return schema;
        }
    }
    return std::nullopt;
}

void collectEntries(const QList<FoundMap> &maps, const CodeOwners &owners, QList<MapEntryRef> &out,
                    QStringList &fields)
{
    for (const FoundMap &found : maps) {
        const QStringList fileOwners = owners.ownersOf(found.file);
        for (const hcl::MapEntry &entry : found.map.entries) {
            out.append(MapEntryRef{entry.key, entry.fields, found.file, found.map.name, entry.line,
                                   fileOwners});
        }
        for (const QString &f : found.map.fields) {
            if (!fields.contains(f))
                fields.append(f);
        }
    }
}

QStringList schemaFields(const QList<hcl::FieldSchema> &schema)
{
    QStringList names;
    for (const auto &f : schema)
        names << f.name;
    return names;
}

void loadAccounts(Catalog &c)
{
    const QString root = c.accountsRoot;
    c.accountsOwners = loadCodeOwners(root, c.problems);

    AccountsLayout layout;
    const QString configPath = QDir(root).filePath(kConfigFile);
    if (QFileInfo::exists(configPath)) {
        auto config = loadYaml(configPath, kConfigFile);
        if (!config) {
            c.problems.append(config.error());
        } else {
            layout.developers = parseLocation((*config)["developers"]);
            layout.microservices = parseLocation((*config)["microservices"]);
        }
    }

    TerraformFiles files(root, c.problems);
    // Without configuration, a map of objects with a `github` field holds developers and one
    // with a `team` or `namespace` field holds microservices.
    auto discover = [&](const char *what, auto predicate) -> std::optional<MapLocation> {
        for (const QString &rel : files.paths()) {
            const hcl::Document *doc = files.document(rel);
            if (!doc)
                continue;
            for (const hcl::MapInfo &map : doc->maps()) {
                if (map.isList || map.entries.isEmpty() || !predicate(map.fields))
                    continue;
                c.assumptions << QStringLiteral("%1: the map '%2' in %3 (no %4 entry in %5)")
                                     .arg(QString::fromLatin1(what), map.name, rel,
                                          QString::fromLatin1(what), kConfigFile);
                return MapLocation{{}, map.name, rel, map.source, map.name};
            }
        }
        return std::nullopt;
    };
    if (!layout.developers)
        layout.developers = discover("developers", [](const QStringList &fields) {
            return fields.contains(QLatin1String("github"));
        });
    if (!layout.microservices)
        layout.microservices = discover("microservices", [](const QStringList &fields) {
            return !fields.contains(QLatin1String("github")) &&
                   (fields.contains(QLatin1String("team")) ||
                    fields.contains(QLatin1String("namespace")));
        });

    if (layout.developers) {
        const MapLocation &loc = *layout.developers;
        collectEntries(findMaps(files, loc), c.accountsOwners, c.developers, c.developerFields);
        if (auto schema = findSchema(files, loc.schemaFile,
                                     loc.schemaVariable.isEmpty() ? QStringLiteral("developers")
                                                                  : loc.schemaVariable)) {
            c.developerSchema = *schema;
            c.developerFields = schemaFields(*schema);
        }
    }
    if (layout.microservices) {
        const MapLocation &loc = *layout.microservices;
        collectEntries(findMaps(files, loc), c.accountsOwners, c.microservices,
                       c.microserviceFields);
        if (auto schema = findSchema(files, loc.schemaFile,
                                     loc.schemaVariable.isEmpty() ? QStringLiteral("microservices")
                                                                  : loc.schemaVariable)) {
            c.microserviceSchema = *schema;
            c.microserviceFields = schemaFields(*schema);
        }
    }
}

Environment readEnvironment(const QString &root, const QString &overlayRel)
{
    Environment env;
    env.name = QFileInfo(overlayRel).fileName();
    env.overlay = overlayRel;
    const QString file = kustomizationFile(QDir(root).filePath(overlayRel));
    auto node = loadYaml(file, QDir(root).relativeFilePath(file));
    if (!node) {
        env.error = node.error().toString();
        return env;
    }
    if (node->IsMap())
        env.namespaceName = scalar(*node, "namespace");
    return env;
}

void loadManifests(Catalog &c)
{
    const QString root = c.manifestsRoot;
    c.manifestsOwners = loadCodeOwners(root, c.problems);

    ManifestsLayout layout;
    const QString configPath = QDir(root).filePath(kConfigFile);
    if (QFileInfo::exists(configPath)) {
        auto config = loadYaml(configPath, kConfigFile);
        if (!config) {
            c.problems.append(config.error());
        } else if (config->IsMap()) {
            if (const QString s = scalar(*config, "services"); !s.isEmpty())
                layout.servicesGlob = s;
            if (const QString s = scalar(*config, "base"); !s.isEmpty())
                layout.base = s;
            if (QString s = scalar(*config, "overlays"); !s.isEmpty()) {
                if (s.endsWith(QLatin1String("/*"))) // "overlays/*": every folder in overlays/
                    s.chop(2);
                layout.overlays = s;
            }
        }
    }

    const QRegularExpression servicesRx = globRegex(layout.servicesGlob);
    QStringList serviceDirs;
    QDirIterator it(root, QDir::Dirs | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString rel = QDir(root).relativeFilePath(it.next());
        if (rel.startsWith(QLatin1String(".git")))
            continue;
        if (servicesRx.match(rel).hasMatch())
            serviceDirs << rel;
    }
    serviceDirs.sort();

    for (const QString &rel : std::as_const(serviceDirs)) {
        Service s;
        s.name = QFileInfo(rel).fileName();
        s.path = rel;
        s.owners = c.manifestsOwners.ownersOf(rel, true);
        s.team = teamOf(s.owners);
        const QString overlaysDir = QDir(root).filePath(rel + QLatin1Char('/') + layout.overlays);
        const QStringList envs = QDir(overlaysDir).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        for (const QString &env : envs) {
            if (kustomizationFile(QDir(overlaysDir).filePath(env)).isEmpty())
                continue;
            Environment e = readEnvironment(root, rel + QLatin1Char('/') + layout.overlays +
                                                      QLatin1Char('/') + env);
            if (!e.error.isEmpty() && s.error.isEmpty())
                s.error = e.error;
            s.environments.append(e);
        }
        if (s.environments.isEmpty()) {
            const QString baseDir = QDir(root).filePath(rel + QLatin1Char('/') + layout.base);
            const QString own = kustomizationFile(QDir(root).filePath(rel));
            if (kustomizationFile(baseDir).isEmpty() && own.isEmpty())
                continue; // not a service folder
            if (!own.isEmpty())
                s.environments.append(readEnvironment(root, rel));
        }
        std::sort(s.environments.begin(), s.environments.end(),
                  [](const Environment &a, const Environment &b) {
                      const int ra = environmentRank(a.name), rb = environmentRank(b.name);
                      return ra != rb ? ra < rb : a.name < b.name;
                  });
        c.services.append(s);
    }
}

void linkAndGroup(Catalog &c)
{
    std::map<QString, Team> teams;
    for (Service &s : c.services) {
        s.microservice = c.microserviceIndex(s.name);
        if (!s.team.isEmpty()) {
            Team &t = teams[s.team];
            t.name = s.team;
            t.services << s.name;
        }
    }
    for (const MapEntryRef &m : std::as_const(c.microservices)) {
        const QString team = teamOf(m.owners);
        if (team.isEmpty())
            continue;
        Team &t = teams[team];
        t.name = team;
        t.microservices << m.key;
    }
    for (auto &[name, team] : teams)
        c.teams.append(team);
}

} // namespace

Result<Catalog> Catalog::load(const Workspace &workspace)
{
    Catalog c;
    c.workspace = workspace;
    if (const RepositorySpec *r = workspace.repository(RepositoryRole::Accounts))
        c.accountsRoot = workspace.repositoryPath(*r);
    if (const RepositorySpec *r = workspace.repository(RepositoryRole::Manifests))
        c.manifestsRoot = workspace.repositoryPath(*r);
    if (c.accountsRoot.isEmpty() && c.manifestsRoot.isEmpty())
        return failAt(Error::Code::NotFound, QStringLiteral("the workspace has no repositories"),
                      workspace.fileName());
    if (!c.accountsRoot.isEmpty())
        loadAccounts(c);
    if (!c.manifestsRoot.isEmpty())
        loadManifests(c);
    linkAndGroup(c);
    return c;
}

const Service *Catalog::service(const QString &name) const
{
    for (const Service &s : services) {
        if (s.name == name)
            return &s;
    }
    return nullptr;
}

int Catalog::microserviceIndex(const QString &name) const
{
    for (qsizetype i = 0; i < microservices.size(); ++i) {
        if (microservices[i].key == name)
            return int(i);
    }
    return -1;
}

} // namespace kanri::platform
