#include "platform/catalog.h"

#include "platform/environmentorder.h"

#include "core/fileio.h"
#include "core/glob.h"
#include "core/workerpool.h"
#include "git/gitsnapshot.h"
#include "yaml/yamldocument.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QtConcurrent/QtConcurrentMap>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>

namespace kanri::platform {

namespace {

const QString kConfigFile = QStringLiteral(".kanri.yaml");

// What the catalog reads one repository through: its working tree or one commit. Paths are
// relative to the repository's root; the listing is sorted and leaves out .git.
class RepoFiles
{
public:
    virtual ~RepoFiles() = default;
    virtual Result<QByteArray> read(const QString &rel) const = 0;
    // Whether read() may be called from several threads at once.
    virtual bool concurrentReads() const { return false; }

    const QStringList &files() const { return m_files; }
    bool exists(const QString &rel) const
    {
        return std::binary_search(m_files.cbegin(), m_files.cend(), rel);
    }
    // Every folder holding a file, sorted ("" is the root, not listed).
    const QStringList &dirs() const { return m_dirs; }
    // The folders directly inside `dir`, by name.
    QStringList subdirs(const QString &dir) const
    {
        QStringList names;
        const QString prefix = dir.isEmpty() ? QString() : dir + QLatin1Char('/');
        auto it = std::lower_bound(m_dirs.cbegin(), m_dirs.cend(), prefix);
        for (; it != m_dirs.cend() && it->startsWith(prefix); ++it) {
            const QString rest = it->mid(prefix.size());
            if (!rest.isEmpty() && !rest.contains(QLatin1Char('/')))
                names << rest;
        }
        return names;
    }

protected:
    void setFiles(QStringList files)
    {
        files.sort();
        m_files = std::move(files);
        QSet<QString> dirs;
        for (const QString &f : std::as_const(m_files)) {
            for (qsizetype slash = f.lastIndexOf(QLatin1Char('/')); slash > 0;
                 slash = f.lastIndexOf(QLatin1Char('/'), slash - 1)) {
                const QString dir = f.left(slash);
                if (dirs.contains(dir))
                    break;
                dirs.insert(dir);
            }
        }
        m_dirs = QStringList(dirs.cbegin(), dirs.cend());
        m_dirs.sort();
    }

private:
    QStringList m_files, m_dirs;
};

class WorkTreeFiles : public RepoFiles
{
public:
    explicit WorkTreeFiles(QString root)
        : m_root(std::move(root))
    {
        QStringList files;
        const qsizetype prefix = m_root.size() + 1;
        // FIFOs, devices and sockets are listed too: when one has the name of a file the catalog
        // reads, the read refuses it with a message instead of the file silently not counting.
        QDirIterator it(m_root, QDir::Files | QDir::Hidden | QDir::System,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QString rel = it.next().mid(prefix);
            if (rel.startsWith(QLatin1String(".git/")) ||
                rel.contains(QLatin1String(".terraform/")))
                continue;
            files << std::move(rel);
        }
        setFiles(std::move(files));
    }
    Result<QByteArray> read(const QString &rel) const override
    {
        return readFile(m_root + QLatin1Char('/') + rel);
    }
    bool concurrentReads() const override { return true; }

private:
    QString m_root;
};

// One folder of a working tree with unsaved files over it (absolute path → content;
// std::nullopt: deleted): the files a service made by a wizard has before it is saved.
class UnsavedFolderFiles : public RepoFiles
{
public:
    UnsavedFolderFiles(QString root, const QString &folder,
                       const QHash<QString, std::optional<QByteArray>> &unsaved)
        : m_root(std::move(root))
        , m_unsaved(unsaved)
    {
        QSet<QString> files;
        const qsizetype prefix = m_root.size() + 1;
        const QString dir = m_root + QLatin1Char('/') + folder;
        QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext())
            files.insert(it.next().mid(prefix));
        for (auto u = unsaved.cbegin(); u != unsaved.cend(); ++u) {
            if (!u.key().startsWith(dir + QLatin1Char('/')))
                continue;
            if (u.value())
                files.insert(u.key().mid(prefix));
            else
                files.remove(u.key().mid(prefix));
        }
        setFiles(QStringList(files.cbegin(), files.cend()));
    }
    Result<QByteArray> read(const QString &rel) const override
    {
        const QString path = m_root + QLatin1Char('/') + rel;
        if (auto it = m_unsaved.constFind(path); it != m_unsaved.constEnd()) {
            if (!*it)
                return failAt(Error::Code::NotFound, QStringLiteral("no such file"), rel);
            return **it;
        }
        return readFile(path);
    }

private:
    QString m_root;
    QHash<QString, std::optional<QByteArray>> m_unsaved;
};

class CommitFiles : public RepoFiles
{
public:
    static Result<std::unique_ptr<CommitFiles>> open(const QString &root, const QString &revision)
    {
        auto snapshot = git::Snapshot::open(root, revision);
        if (!snapshot)
            return std::unexpected(snapshot.error());
        auto files = snapshot->files();
        if (!files)
            return std::unexpected(files.error());
        auto result = std::unique_ptr<CommitFiles>(new CommitFiles(std::move(*snapshot)));
        files->removeIf(
            [](const QString &rel) { return rel.contains(QLatin1String(".terraform/")); });
        result->setFiles(std::move(*files));
        return result;
    }
    Result<QByteArray> read(const QString &rel) const override
    {
        auto bytes = m_snapshot.read(rel);
        if (!bytes)
            return std::unexpected(bytes.error());
        if (!*bytes)
            return failAt(Error::Code::NotFound,
                          QStringLiteral("no such file at %1").arg(m_snapshot.commitId().left(12)),
                          rel);
        return **bytes;
    }
    QString commitId() const { return m_snapshot.commitId(); }

private:
    explicit CommitFiles(git::Snapshot snapshot)
        : m_snapshot(std::move(snapshot))
    {}
    git::Snapshot m_snapshot;
};

QString scalar(const YAML::Node &node, const char *key)
{
    const YAML::Node v = node[key];
    return v && v.IsScalar() ? QString::fromStdString(v.Scalar()) : QString();
}

// Reads a YAML file with yaml-cpp; a parse failure becomes a file:line:col error.
Result<YAML::Node> loadYaml(const RepoFiles &files, const QString &rel)
{
    auto bytes = files.read(rel);
    if (!bytes)
        return std::unexpected(bytes.error());
    return yaml::load(*bytes, rel);
}

// Whether a path from .kanri.yaml stays inside the repository.
bool insideRepository(const QString &rel)
{
    const QString clean = QDir::cleanPath(rel);
    return !QDir::isAbsolutePath(clean) && clean != QLatin1String("..") &&
           !clean.startsWith(QLatin1String("../"));
}

// "FILE#variable.NAME" and "FILE-GLOB#[SOURCE.]MAP-GLOB". A schema file outside the repository
// is a problem at its line of .kanri.yaml, and is not read.
std::optional<MapLocation> parseLocation(const YAML::Node &node, QList<Error> &problems)
{
    if (!node || !node.IsMap())
        return std::nullopt;
    MapLocation loc;
    const QString schema = scalar(node, "schema");
    if (!schema.isEmpty() && !insideRepository(schema.section(QLatin1Char('#'), 0, 0))) {
        const YAML::Mark mark = node["schema"].Mark();
        problems.append(Error{QStringLiteral("the schema file %1 is outside the repository")
                                  .arg(schema.section(QLatin1Char('#'), 0, 0)),
                              kConfigFile, mark.line + 1, mark.column + 1, Error::Code::Syntax});
    } else if (!schema.isEmpty()) {
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

// The kustomization file of a folder (relative paths), or empty.
QString kustomizationFile(const RepoFiles &files, const QString &dir)
{
    const QString prefix = dir.isEmpty() ? QString() : dir + QLatin1Char('/');
    for (const char *name : {"kustomization.yaml", "kustomization.yml", "Kustomization"}) {
        const QString path = prefix + QLatin1String(name);
        if (files.exists(path))
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

CodeOwners loadCodeOwners(const RepoFiles &files, QList<Error> &problems)
{
    for (const QString &rel : Catalog::codeOwnersLocations()) {
        if (!files.exists(rel))
            continue;
        auto bytes = files.read(rel);
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

// CODEOWNERS lookups for many paths: CodeOwners::ruleFor only tries the rules whose literal
// leading folders the path starts with (one rule per service: a handful per path).
class OwnersLookup
{
public:
    explicit OwnersLookup(const CodeOwners &owners)
        : m_owners(owners)
    {}

    QStringList ownersOf(const QString &path, bool isFolder) const
    {
        return m_owners.ownersOf(path, isFolder);
    }

private:
    const CodeOwners &m_owners;
};

// Parsed Terraform files of the accounts repository, by relative path.
class TerraformFiles
{
public:
    TerraformFiles(const RepoFiles &files, QList<Error> &problems)
        : m_files(files)
        , m_problems(problems)
    {
        for (const QString &rel : files.files()) {
            if (isTerraformFile(rel))
                m_paths.append(rel);
        }
    }

    const QStringList &paths() const { return m_paths; }

    const hcl::Document *document(const QString &rel)
    {
        auto it = m_docs.find(rel);
        if (it != m_docs.end())
            return it->second ? &*it->second : nullptr;
        std::optional<hcl::Document> doc;
        // Only the repository's own files are read (parseLocation reports a path that leaves it).
        if (insideRepository(rel)) {
            auto bytes = m_files.read(rel);
            if (!bytes)
                m_problems.append(bytes.error());
            else if (auto parsed = hcl::Document::parse(*bytes, rel); parsed)
                doc = std::move(*parsed);
            else
                m_problems.append(parsed.error());
        }
        auto [pos, _] = m_docs.emplace(rel, std::move(doc));
        return pos->second ? &*pos->second : nullptr;
    }

private:
    const RepoFiles &m_files;
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
    const QRegularExpression fileRx = globRegularExpression(loc.entriesGlob);
    const QRegularExpression mapRx = globRegularExpression(loc.entriesMapGlob);
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

void collectEntries(const QList<FoundMap> &maps, const CodeOwners &owners, TerraformFiles &files,
                    Catalog &c, QList<MapEntryRef> &out, QStringList &fields)
{
    for (const FoundMap &found : maps) {
        if (!c.accountsDocuments.contains(found.file)) {
            if (const hcl::Document *doc = files.document(found.file))
                c.accountsDocuments.insert(found.file, *doc);
        }
        const QStringList fileOwners = owners.ownersOf(found.file);
        for (const hcl::MapEntry &entry : found.map.entries) {
            out.append(MapEntryRef{entry.key, entry.fields, found.file, found.map.name, entry.line,
                                   fileOwners, entry.expressions});
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

void loadAccounts(Catalog &c, const RepoFiles &repo)
{
    c.accountsOwners = loadCodeOwners(repo, c.problems);

    AccountsLayout layout;
    if (repo.exists(kConfigFile)) {
        auto config = loadYaml(repo, kConfigFile);
        if (!config) {
            c.problems.append(config.error());
        } else if (config->IsMap()) {
            layout.developers = parseLocation((*config)["developers"], c.problems);
            layout.microservices = parseLocation((*config)["microservices"], c.problems);
        } else if (!config->IsNull()) {
            c.problems.append(Error{QStringLiteral("expected a mapping"), kConfigFile,
                                    config->Mark().line + 1, config->Mark().column + 1,
                                    Error::Code::Syntax});
        }
    }

    TerraformFiles files(repo, c.problems);
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
        collectEntries(findMaps(files, loc), c.accountsOwners, files, c, c.developers,
                       c.developerFields);
        if (auto schema = findSchema(files, loc.schemaFile,
                                     loc.schemaVariable.isEmpty() ? QStringLiteral("developers")
                                                                  : loc.schemaVariable)) {
            c.developerSchema = *schema;
            c.developerFields = schemaFields(*schema);
        }
    }
    if (layout.microservices) {
        const MapLocation &loc = *layout.microservices;
        collectEntries(findMaps(files, loc), c.accountsOwners, files, c, c.microservices,
                       c.microserviceFields);
        if (auto schema = findSchema(files, loc.schemaFile,
                                     loc.schemaVariable.isEmpty() ? QStringLiteral("microservices")
                                                                  : loc.schemaVariable)) {
            c.microserviceSchema = *schema;
            c.microserviceFields = schemaFields(*schema);
        }
    }
}

Environment readEnvironment(const RepoFiles &repo, const QString &overlayRel,
                            const QString &kustomization)
{
    Environment env;
    env.name = QFileInfo(overlayRel).fileName();
    env.overlay = overlayRel;
    auto node = loadYaml(repo, kustomization);
    if (!node) {
        env.error = node.error().toString();
        return env;
    }
    if (node->IsMap())
        env.namespaceName = scalar(*node, "namespace");
    return env;
}

// The services in `serviceDirs` (folders that match the layout's services glob; those that
// hold no kustomization are left out).
QList<Service> readServices(const RepoFiles &repo, const ManifestsLayout &layout,
                            const QStringList &serviceDirs, const CodeOwners &codeOwners)
{
    // Every overlay to read, then read in parallel: yaml-cpp is most of the load time of a
    // repository with thousands of services.
    struct Pending
    {
        qsizetype service;
        QString overlay, kustomization;
    };
    QList<Pending> pending;
    QList<Service> services;
    const OwnersLookup owners(codeOwners);
    for (const QString &rel : std::as_const(serviceDirs)) {
        Service s;
        s.name = QFileInfo(rel).fileName();
        s.path = rel;
        const QString overlaysDir = rel + QLatin1Char('/') + layout.overlays;
        for (const QString &env : repo.subdirs(overlaysDir)) {
            const QString overlay = overlaysDir + QLatin1Char('/') + env;
            const QString k = kustomizationFile(repo, overlay);
            if (!k.isEmpty())
                pending.append({services.size(), overlay, k});
        }
        if (pending.isEmpty() || pending.constLast().service != services.size()) {
            const QString own = kustomizationFile(repo, rel);
            if (kustomizationFile(repo, rel + QLatin1Char('/') + layout.base).isEmpty() &&
                own.isEmpty())
                continue; // not a service folder
            if (!own.isEmpty())
                pending.append({services.size(), rel, own});
        }
        s.owners = owners.ownersOf(rel, true);
        s.team = teamOf(s.owners);
        services.append(s);
    }
    auto read = [&repo](const Pending &p) {
        return readEnvironment(repo, p.overlay, p.kustomization);
    };
    QList<Environment> environments;
    if (repo.concurrentReads() && pending.size() > 1) {
        // Kanri's pool, not Qt's global one: the window paints meanwhile (see workerPool()).
        environments =
            QtConcurrent::blockingMapped<QList<Environment>>(workerPool(), pending, read);
    } else {
        for (const Pending &p : std::as_const(pending))
            environments.append(read(p));
    }
    for (qsizetype i = 0; i < pending.size(); ++i) {
        Service &s = services[pending[i].service];
        const Environment &e = environments[i];
        if (!e.error.isEmpty() && s.error.isEmpty())
            s.error = e.error;
        s.environments.append(e);
    }
    for (Service &s : services) {
        std::sort(s.environments.begin(), s.environments.end(),
                  [](const Environment &a, const Environment &b) {
                      return environmentLess(a.name, b.name);
                  });
    }
    return services;
}

void loadManifests(Catalog &c, const RepoFiles &repo)
{
    c.manifestsOwners = loadCodeOwners(repo, c.problems);

    ManifestsLayout layout;
    if (repo.exists(kConfigFile)) {
        auto config = loadYaml(repo, kConfigFile);
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

    c.manifestsLayout = layout;
    const QRegularExpression servicesRx = globRegularExpression(layout.servicesGlob);
    QStringList serviceDirs;
    for (const QString &rel : repo.dirs()) {
        if (rel.startsWith(QLatin1String(".git")))
            continue;
        if (servicesRx.match(rel).hasMatch())
            serviceDirs << rel;
    }
    c.services = readServices(repo, layout, serviceDirs, c.manifestsOwners);
}

// Problems name files relative to their repository while it is read; the catalog's say which
// repository: the working tree's path (also when read at a commit, where the file would be).
void qualifyProblems(QList<Error> &problems, qsizetype from, const QString &root)
{
    for (qsizetype i = from; i < problems.size(); ++i) {
        Error &e = problems[i];
        if (!e.file.isEmpty() && QFileInfo(e.file).isRelative())
            e.file = QDir(root).filePath(e.file);
    }
}

void linkAndGroup(Catalog &c)
{
    c.teams.clear();
    std::map<QString, Team> teams;
    // microserviceIndex() for each service would be quadratic: the first entry of each key.
    QHash<QString, int> entries;
    for (qsizetype i = c.microservices.size() - 1; i >= 0; --i)
        entries.insert(c.microservices[i].key, int(i));
    for (Service &s : c.services) {
        s.microservice = entries.value(s.name, -1);
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
    return loadAt(workspace, {}, {});
}

Result<Catalog> Catalog::loadAt(const Workspace &workspace, const QString &accountsRevision,
                                const QString &manifestsRevision)
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
    auto open = [](const QString &root, const QString &revision,
                   QString &commit) -> Result<std::unique_ptr<RepoFiles>> {
        if (revision.isEmpty())
            return std::make_unique<WorkTreeFiles>(root);
        auto files = CommitFiles::open(root, revision);
        if (!files)
            return std::unexpected(files.error());
        commit = (*files)->commitId();
        return std::unique_ptr<RepoFiles>(std::move(*files));
    };
    if (!c.accountsRoot.isEmpty()) {
        auto files = open(c.accountsRoot, accountsRevision, c.accountsCommit);
        if (!files)
            return std::unexpected(files.error());
        const qsizetype before = c.problems.size();
        loadAccounts(c, **files);
        qualifyProblems(c.problems, before, c.accountsRoot);
    }
    if (!c.manifestsRoot.isEmpty()) {
        auto files = open(c.manifestsRoot, manifestsRevision, c.manifestsCommit);
        if (!files)
            return std::unexpected(files.error());
        const qsizetype before = c.problems.size();
        loadManifests(c, **files);
        qualifyProblems(c.problems, before, c.manifestsRoot);
    }
    linkAndGroup(c);
    return c;
}

Result<Catalog> Catalog::loadAt(const Workspace &workspace, const QString &revision)
{
    QString revisions[2];
    QStringList notes;
    const RepositoryRole roles[2] = {RepositoryRole::Accounts, RepositoryRole::Manifests};
    bool any = false;
    for (int i = 0; i < 2; ++i) {
        const RepositorySpec *r = workspace.repository(roles[i]);
        if (!r)
            continue;
        if (git::Snapshot::open(workspace.repositoryPath(*r), revision)) {
            revisions[i] = revision;
            any = true;
        } else {
            notes << QStringLiteral("%1: '%2' is not one of its revisions, so its working tree "
                                    "was read")
                         .arg(r->name, revision);
        }
    }
    if (!any)
        return fail(Error::Code::NotFound,
                    QStringLiteral("'%1' is not a revision of any repository of the workspace")
                        .arg(revision));
    auto c = loadAt(workspace, revisions[0], revisions[1]);
    if (c)
        c->assumptions << notes;
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

QString Catalog::serviceFolderOf(const QString &relativePath) const
{
    // The services glob matches folders; the file's folder or one of its parents is the one.
    const QRegularExpression rx = globRegularExpression(manifestsLayout.servicesGlob);
    for (qsizetype slash = relativePath.indexOf(QLatin1Char('/')); slash > 0;
         slash = relativePath.indexOf(QLatin1Char('/'), slash + 1)) {
        const QString dir = relativePath.left(slash);
        if (rx.match(dir).hasMatch())
            return dir;
    }
    return {};
}

std::optional<Service>
Catalog::readService(const QString &folder,
                     const QHash<QString, std::optional<QByteArray>> &unsaved) const
{
    if (manifestsRoot.isEmpty() || folder.isEmpty())
        return std::nullopt;
    const UnsavedFolderFiles files(manifestsRoot, folder, unsaved);
    QList<Service> found = readServices(files, manifestsLayout, {folder}, manifestsOwners);
    if (found.isEmpty())
        return std::nullopt;
    Service s = found.takeFirst();
    s.microservice = microserviceIndex(s.name);
    return s;
}

void Catalog::regroup()
{
    linkAndGroup(*this);
}

QStringList Catalog::codeOwnersLocations()
{
    // GitHub looks in .github/, then the root, then docs/, and uses the first it finds.
    return {QStringLiteral(".github/CODEOWNERS"), QStringLiteral("CODEOWNERS"),
            QStringLiteral("docs/CODEOWNERS")};
}

bool Catalog::setAccountsOwners(CodeOwners owners)
{
    accountsOwners = std::move(owners);
    const OwnersLookup lookup(accountsOwners);
    bool changed = false;
    QHash<QString, QStringList> byFile; // the entries of a file share its owners
    for (QList<MapEntryRef> *entries : {&developers, &microservices}) {
        for (MapEntryRef &e : *entries) {
            auto it = byFile.constFind(e.file);
            if (it == byFile.constEnd())
                it = byFile.insert(e.file, lookup.ownersOf(e.file, false));
            if (e.owners != *it) {
                e.owners = *it;
                changed = true;
            }
        }
    }
    if (changed)
        regroup();
    return changed;
}

bool Catalog::setManifestsOwners(CodeOwners owners)
{
    manifestsOwners = std::move(owners);
    const OwnersLookup lookup(manifestsOwners);
    bool changed = false;
    for (Service &s : services) {
        QStringList fresh = lookup.ownersOf(s.path, true);
        if (fresh != s.owners) {
            s.owners = std::move(fresh);
            s.team = teamOf(s.owners);
            changed = true;
        }
    }
    if (changed)
        regroup();
    return changed;
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
