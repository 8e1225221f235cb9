#include "argocd/deployments.h"

#include "argocd/argocdinternal.h"
#include "core/fileio.h"
#include "yaml/yamldocument.h"
#include "yaml/yamlvalue.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>
#include <deque>

namespace kanri::argocd {

namespace detail {

RepoFiles::RepoFiles(const QString &root, const kustomize::FileOverlay *overlay)
    : m_root(QDir::cleanPath(QFileInfo(root).absoluteFilePath()))
    , m_overlay(overlay)
{
    // Every file but those under .git (not descended into); links to folders are not followed,
    // links to files only when they stay inside the repository.
    const QDir base(m_root);
    const QString canonicalRoot = QFileInfo(m_root).canonicalFilePath() + QLatin1Char('/');
    QStringList pending{m_root};
    while (!pending.isEmpty()) {
        QDirIterator it(pending.takeLast(), QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
        while (it.hasNext()) {
            const QFileInfo info = it.nextFileInfo();
            if (info.isDir()) {
                if (!info.isSymLink() && info.fileName() != QLatin1String(".git"))
                    pending << info.filePath();
            } else if (info.isFile() &&
                       (!info.isSymLink() || info.canonicalFilePath().startsWith(canonicalRoot))) {
                m_fileSet.insert(base.relativeFilePath(info.filePath()));
            }
        }
    }
    if (m_overlay) {
        const QString prefix = m_root + QLatin1Char('/');
        for (auto i = m_overlay->files.cbegin(); i != m_overlay->files.cend(); ++i) {
            if (!i.key().startsWith(prefix))
                continue;
            const QString rel = i.key().mid(prefix.size());
            if (i.value())
                m_fileSet.insert(rel);
            else
                m_fileSet.remove(rel);
        }
    }
    m_files = QStringList(m_fileSet.cbegin(), m_fileSet.cend());
    std::sort(m_files.begin(), m_files.end());
    for (const QString &file : std::as_const(m_files)) {
        QString dir = file.section(QLatin1Char('/'), 0, -2);
        while (!dir.isEmpty() && !m_directorySet.contains(dir)) {
            m_directorySet.insert(dir);
            dir = dir.section(QLatin1Char('/'), 0, -2);
        }
    }
    m_directories = QStringList(m_directorySet.cbegin(), m_directorySet.cend());
    std::sort(m_directories.begin(), m_directories.end());
}

bool RepoFiles::isDirectory(const QString &rel) const
{
    return rel.isEmpty() || rel == QLatin1String(".") || m_directorySet.contains(rel);
}

QString RepoFiles::absolute(const QString &rel) const
{
    return rel.isEmpty() || rel == QLatin1String(".") ? m_root : m_root + QLatin1Char('/') + rel;
}

Result<QByteArray> RepoFiles::read(const QString &rel) const
{
    const QString path = absolute(rel);
    if (m_overlay) {
        const auto i = m_overlay->files.constFind(path);
        if (i != m_overlay->files.cend()) {
            if (!*i)
                return failAt(Error::Code::NotFound, QStringLiteral("no such file"), rel);
            return **i;
        }
    }
    auto bytes = readFile(path);
    if (!bytes) {
        Error e = bytes.error();
        e.file = rel;
        return std::unexpected(e);
    }
    return bytes;
}

QString text(const YAML::Node &node)
{
    return node && node.IsScalar() ? QString::fromStdString(node.Scalar()) : QString();
}

YAML::Node child(const YAML::Node &node, const char *key)
{
    if (!node || !node.IsMap())
        return YAML::Node(YAML::NodeType::Undefined);
    const YAML::Node &c = node;
    return c[key];
}

YAML::Node child(const YAML::Node &node, const std::string &key)
{
    return child(node, key.c_str());
}

Error problemAt(const QString &file, const YAML::Node &node, const QString &message)
{
    int line = 0, column = 0;
    if (node && node.Mark().line >= 0) {
        line = node.Mark().line + 1;
        column = node.Mark().column + 1;
    }
    return Error{message, file, line, column, Error::Code::Syntax};
}

QString sanitizeName(const QString &name)
{
    static const QRegularExpression invalid(QStringLiteral("[^-a-z0-9.]"));
    QString s = name.toLower();
    s.replace(invalid, QStringLiteral("-"));
    s.truncate(253);
    qsizetype b = 0, e = s.size();
    while (b < e && (s.at(b) == QLatin1Char('-') || s.at(b) == QLatin1Char('.')))
        ++b;
    while (e > b && (s.at(e - 1) == QLatin1Char('-') || s.at(e - 1) == QLatin1Char('.')))
        --e;
    return s.mid(b, e - b);
}

QVariant scalarValue(const YAML::Node &scalar)
{
    const std::string &t = scalar.Scalar();
    if (scalar.Tag() != "?")
        return QString::fromStdString(t); // quoted, or explicitly tagged
    switch (yaml::resolvePlain(t)) {
    case yaml::Value::Type::Null:
        return QVariant::fromValue(nullptr);
    case yaml::Value::Type::Bool:
        return t == "true" || t == "True" || t == "TRUE";
    case yaml::Value::Type::Int:
    case yaml::Value::Type::Float: {
        bool ok = false;
        QString s = QString::fromStdString(t);
        s.remove(QLatin1Char('_'));
        double d = s.toDouble(&ok);
        if (!ok) {
            const qlonglong n = s.toLongLong(&ok, 0);
            d = double(n);
        }
        return ok ? QVariant(d) : QVariant(QString::fromStdString(t));
    }
    default:
        return QString::fromStdString(t);
    }
}

QVariant toVariant(const YAML::Node &node, int depth)
{
    if (!node || node.IsNull() || depth > 100)
        return QVariant::fromValue(nullptr);
    if (node.IsMap()) {
        QVariantMap m;
        for (auto it = node.begin(); it != node.end(); ++it)
            m.insert(text(it->first), toVariant(it->second, depth + 1));
        return m;
    }
    if (node.IsSequence()) {
        QVariantList l;
        for (const YAML::Node &item : node)
            l.append(toVariant(item, depth + 1));
        return l;
    }
    return scalarValue(node);
}

} // namespace detail

using namespace detail;

namespace {

const QString kInClusterName = QStringLiteral("in-cluster");
const QString kInClusterServer = QStringLiteral("https://kubernetes.default.svc");
const char *const kSecretTypeLabel = "argocd.argoproj.io/secret-type";
const char *const kSyncWave = "argocd.argoproj.io/sync-wave";

bool isArgoKind(const QString &apiVersion, const QString &kind)
{
    return apiVersion.startsWith(QLatin1String("argoproj.io/")) &&
           (kind == QLatin1String("Application") || kind == QLatin1String("ApplicationSet"));
}

bool isYamlFile(const QString &rel)
{
    return rel.endsWith(QLatin1String(".yaml")) || rel.endsWith(QLatin1String(".yml")) ||
           rel.endsWith(QLatin1String(".json"));
}

QMap<QString, QString> stringMap(const YAML::Node &node)
{
    QMap<QString, QString> out;
    if (!node || !node.IsMap())
        return out;
    for (auto it = node.begin(); it != node.end(); ++it)
        out.insert(text(it->first), text(it->second));
    return out;
}

// A cluster Secret's field: stringData wins over data (base64), as the API server merges them.
QString secretField(const YAML::Node &doc, const char *key)
{
    const YAML::Node s = child(child(doc, "stringData"), key);
    if (s && s.IsScalar())
        return text(s);
    const YAML::Node d = child(child(doc, "data"), key);
    if (d && d.IsScalar())
        return QString::fromUtf8(QByteArray::fromBase64(text(d).toLatin1()));
    return {};
}

// One Argo CD object or cluster Secret read from a file or rendered.
struct Object
{
    YAML::Node node;
    QString kind, name;
    QString file; // relative to the root
    int line = 0;
    QString parent;         // the app-of-apps that renders it
    QString applicationSet; // the ApplicationSet that generated it
    int depth = 0;          // app-of-apps levels above it
};

int documentLine(const YAML::Node &doc)
{
    return doc && doc.Mark().line >= 0 ? doc.Mark().line + 1 : 0;
}

// The clean relative path of a source path; nullopt when it leaves the repository.
std::optional<QString> cleanSourcePath(const QString &path)
{
    QString p = path.trimmed();
    if (p.isEmpty() || p == QLatin1String("/"))
        return QStringLiteral(".");
    if (p.startsWith(QLatin1Char('/')))
        p.remove(0, 1);
    p = QDir::cleanPath(p);
    if (p == QLatin1String("..") || p.startsWith(QLatin1String("../")) || QDir::isAbsolutePath(p))
        return std::nullopt;
    return p;
}

class Reader
{
public:
    Reader(const QString &root, const Options &options)
        : m_files(root, options.overlay)
        , m_options(options)
    {
        for (const QString &url : options.repoUrls)
            m_repoUrls.insert(normaliseRepoUrl(url));
        if (!options.renderer) {
            m_ownRenderer = std::make_unique<kustomize::Renderer>();
            m_renderer = m_ownRenderer.get();
        } else {
            m_renderer = options.renderer;
        }
    }

    DeploymentMap read();

private:
    void readConfig();
    void chooseRepository();
    void scan();
    void addDocuments(const std::vector<YAML::Node> &docs, const QString &file,
                      const QString &parent, int depth, std::vector<Object> &into);
    void readClusters();
    void process(std::deque<Object> queue);
    void addApplication(const Object &app, std::deque<Object> &queue);
    std::vector<Object> appOfApps(const Object &app, const QString &path, int depth);
    bool isThisRepository(const QString &repoURL) const;
    bool isThisRevision(const QString &targetRevision) const;
    void resolveCluster(Deployment &d) const;

    RepoFiles m_files;
    const Options &m_options;
    QSet<QString> m_repoUrls;
    std::unique_ptr<kustomize::Renderer> m_ownRenderer;
    kustomize::Renderer *m_renderer = nullptr;

    std::vector<Object> m_scanned; // Applications and ApplicationSets read from files
    std::vector<Object> m_secrets; // cluster Secrets read from files
    QSet<QString> m_argoFolders;   // folders holding (below them) a file with Argo CD objects
    DeploymentMap m_map;
    QSet<QString> m_seen;          // kind/name of the objects read
    QSet<QString> m_renderedFiles; // files an app of apps rendered: their raw objects do not count
    QHash<QString, QString> m_appFolderOwner; // app-of-apps folder → the application rendering it
};

void Reader::addDocuments(const std::vector<YAML::Node> &docs, const QString &file,
                          const QString &parent, int depth, std::vector<Object> &into)
{
    for (const YAML::Node &doc : docs) {
        if (!doc || !doc.IsMap())
            continue;
        const QString apiVersion = text(child(doc, "apiVersion"));
        const QString kind = text(child(doc, "kind"));
        if (!isArgoKind(apiVersion, kind))
            continue;
        Object o;
        o.node = doc;
        o.kind = kind;
        o.name = text(child(child(doc, "metadata"), "name"));
        o.file = file;
        o.line = documentLine(doc);
        o.parent = parent;
        o.depth = depth;
        if (o.name.isEmpty()) {
            m_map.problems.append(
                problemAt(file, doc, QStringLiteral("%1 without metadata.name").arg(kind)));
            continue;
        }
        into.push_back(std::move(o));
    }
}

void Reader::scan()
{
    for (const QString &rel : m_files.files()) {
        if (!isYamlFile(rel))
            continue;
        auto bytes = m_files.read(rel);
        if (!bytes)
            continue;
        const bool argo = bytes->contains("argoproj.io/");
        const bool secret = bytes->contains(kSecretTypeLabel);
        if (!argo && !secret)
            continue;
        auto docs = yaml::loadAll(*bytes, rel);
        if (!docs) {
            // Only files that look like Argo CD objects are reported: other YAML is not ours,
            // and neither are templates (a Helm chart's templates/, a file with {{ }}).
            const bool templated = bytes->contains("{{") ||
                                   rel.startsWith(QLatin1String("templates/")) ||
                                   rel.contains(QLatin1String("/templates/"));
            if (argo && !templated && bytes->contains("kind: Application"))
                m_map.problems.append(docs.error());
            continue;
        }
        const qsizetype before = qsizetype(m_scanned.size());
        addDocuments(*docs, rel, {}, 0, m_scanned);
        if (qsizetype(m_scanned.size()) > before) {
            QString dir = rel.section(QLatin1Char('/'), 0, -2);
            m_argoFolders.insert(dir.isEmpty() ? QStringLiteral(".") : dir);
            while (!dir.isEmpty()) {
                dir = dir.section(QLatin1Char('/'), 0, -2);
                m_argoFolders.insert(dir.isEmpty() ? QStringLiteral(".") : dir);
            }
        }
        if (!secret)
            continue;
        for (const YAML::Node &doc : *docs) {
            if (!doc || !doc.IsMap() || text(child(doc, "kind")) != QLatin1String("Secret"))
                continue;
            const YAML::Node labels = child(child(doc, "metadata"), "labels");
            if (text(child(labels, kSecretTypeLabel)) != QLatin1String("cluster"))
                continue;
            Object o;
            o.node = doc;
            o.kind = QStringLiteral("Secret");
            o.file = rel;
            o.line = documentLine(doc);
            m_secrets.push_back(o);
        }
    }
}

void Reader::readClusters()
{
    QList<Cluster> clusters;
    for (const Object &s : m_secrets) {
        Cluster c;
        c.name = secretField(s.node, "name");
        c.server = secretField(s.node, "server");
        c.project = secretField(s.node, "project");
        const YAML::Node meta = child(s.node, "metadata");
        c.labels = stringMap(child(meta, "labels"));
        c.annotations = stringMap(child(meta, "annotations"));
        c.file = s.file;
        c.line = s.line;
        if (c.server.isEmpty()) {
            m_map.problems.append(
                problemAt(s.file, s.node, QStringLiteral("cluster Secret without a server")));
            continue;
        }
        if (c.name.isEmpty())
            c.name = c.server;
        clusters.append(c);
    }
    if (!clusters.isEmpty()) {
        m_map.clusterSource = ClusterSource::Secrets;
    } else if (!m_options.workspaceClusters.isEmpty()) {
        clusters = m_options.workspaceClusters;
        m_map.clusterSource = ClusterSource::Workspace;
    }
    // Argo CD always knows the cluster it runs in, unless a Secret declares its server.
    const bool declared = std::any_of(clusters.cbegin(), clusters.cend(), [](const Cluster &c) {
        return c.server == kInClusterServer;
    });
    if (!declared)
        clusters.append(Cluster{kInClusterName, kInClusterServer, {}, {}, {}, {}, 0});
    std::sort(clusters.begin(), clusters.end(),
              [](const Cluster &a, const Cluster &b) { return a.name < b.name; });
    m_map.clusters = clusters;
}

bool Reader::isThisRepository(const QString &repoURL) const
{
    return m_repoUrls.contains(normaliseRepoUrl(repoURL));
}

// .kanri.yaml: `argocd: {repoURL: URL}` or `argocd: {repoURL: [URL, ...]}`.
void Reader::readConfig()
{
    const QString name = QStringLiteral(".kanri.yaml");
    if (!m_files.isFile(name))
        return;
    auto bytes = m_files.read(name);
    if (!bytes)
        return;
    auto root = yaml::load(*bytes, name);
    if (!root)
        return; // the catalog reports a broken .kanri.yaml
    const YAML::Node url = child(child(*root, "argocd"), "repoURL");
    if (url && url.IsScalar()) {
        m_repoUrls.insert(normaliseRepoUrl(text(url)));
    } else if (url && url.IsSequence()) {
        for (const YAML::Node &u : url)
            if (u.IsScalar())
                m_repoUrls.insert(normaliseRepoUrl(text(u)));
    } else if (url) {
        m_map.problems.append(
            problemAt(name, url, QStringLiteral("argocd.repoURL must be a URL or a list of URLs")));
    }
}

// When no configured URL is the repoURL of an Application in the repository's files, the one
// most of them use for paths that exist here names this repository.
void Reader::chooseRepository()
{
    QMap<QString, int> votes;
    QHash<QString, QString> spelled;
    for (const Object &o : m_scanned) {
        if (o.kind != QLatin1String("Application"))
            continue;
        const YAML::Node spec = child(o.node, "spec");
        std::vector<YAML::Node> sources;
        const YAML::Node many = child(spec, "sources");
        if (many && many.IsSequence())
            for (const YAML::Node &x : many)
                sources.push_back(x);
        else if (const YAML::Node one = child(spec, "source"))
            sources.push_back(one);
        for (const YAML::Node &src : sources) {
            const QString url = text(child(src, "repoURL"));
            const QString normal = normaliseRepoUrl(url);
            if (m_repoUrls.contains(normal))
                return;
            const auto path = cleanSourcePath(text(child(src, "path")));
            if (url.isEmpty() || !child(src, "path") || !path || !m_files.isDirectory(*path))
                continue;
            ++votes[normal];
            spelled.insert(normal, url);
        }
    }
    QString best;
    for (auto it = votes.cbegin(); it != votes.cend(); ++it) {
        if (best.isEmpty() || it.value() > votes.value(best))
            best = it.key();
    }
    if (best.isEmpty())
        return;
    m_repoUrls.insert(best);
    m_map.assumptions << QStringLiteral(
                             "Argo CD reads this repository from %1 (the repoURL of %2 "
                             "Applications whose path is in it; set argocd.repoURL in .kanri.yaml)")
                             .arg(spelled.value(best))
                             .arg(votes.value(best));
}

bool Reader::isThisRevision(const QString &targetRevision) const
{
    QString r = targetRevision.trimmed();
    for (const char *prefix : {"refs/heads/", "refs/tags/"}) {
        if (r.startsWith(QLatin1String(prefix)))
            r = r.mid(qsizetype(qstrlen(prefix)));
    }
    if (r.isEmpty() || r == QLatin1String("HEAD"))
        return m_options.revision == m_options.defaultBranch;
    return r == m_options.revision;
}

void Reader::resolveCluster(Deployment &d) const
{
    for (const Cluster &c : m_map.clusters) {
        if (!d.cluster.isEmpty() && c.name == d.cluster) {
            if (d.server.isEmpty())
                d.server = c.server;
            return;
        }
        if (d.cluster.isEmpty() && !d.server.isEmpty() && c.server == d.server) {
            d.cluster = c.name;
            return;
        }
    }
}

QString syncPolicyText(const Deployment &d)
{
    if (!d.automated)
        return QStringLiteral("manual");
    QStringList flags;
    if (d.prune)
        flags << QStringLiteral("prune");
    if (d.selfHeal)
        flags << QStringLiteral("selfHeal");
    return flags.isEmpty() ? QStringLiteral("automated")
                           : QStringLiteral("automated (%1)").arg(flags.join(QStringLiteral(", ")));
}

bool isTrue(const YAML::Node &node)
{
    return text(node) == QLatin1String("true");
}

void Reader::addApplication(const Object &app, std::deque<Object> &queue)
{
    const YAML::Node spec = child(app.node, "spec");
    if (!spec || !spec.IsMap()) {
        m_map.problems.append(problemAt(
            app.file, app.node, QStringLiteral("Application %1 without a spec").arg(app.name)));
        return;
    }
    Deployment base;
    base.application = app.name;
    base.applicationSet = app.applicationSet;
    base.parent = app.parent;
    base.file = app.file;
    base.line = app.line;
    base.project = text(child(spec, "project"));
    if (base.project.isEmpty())
        base.project = QStringLiteral("default");
    const YAML::Node dest = child(spec, "destination");
    base.cluster = text(child(dest, "name"));
    base.server = text(child(dest, "server"));
    base.nameSpace = text(child(dest, "namespace"));
    resolveCluster(base);
    const YAML::Node automated = child(child(spec, "syncPolicy"), "automated");
    base.automated = automated && automated.IsMap() &&
                     text(child(automated, "enabled")) != QLatin1String("false");
    base.prune = base.automated && isTrue(child(automated, "prune"));
    base.selfHeal = base.automated && isTrue(child(automated, "selfHeal"));
    base.syncPolicy = syncPolicyText(base);
    const YAML::Node annotations = child(child(app.node, "metadata"), "annotations");
    const YAML::Node wave = child(annotations, kSyncWave);
    if (wave && wave.IsScalar()) {
        bool ok = false;
        base.syncWave = text(wave).trimmed().toInt(&ok);
        if (!ok) {
            base.syncWave = 0;
            m_map.problems.append(problemAt(app.file, wave,
                                            QStringLiteral("sync wave '%1' of %2 is not an integer")
                                                .arg(text(wave), app.name)));
        }
    }

    std::vector<YAML::Node> sources;
    const YAML::Node many = child(spec, "sources");
    if (many && many.IsSequence()) {
        for (const YAML::Node &s : many)
            sources.push_back(s);
    } else {
        const YAML::Node one = child(spec, "source");
        if (one)
            sources.push_back(one);
    }
    if (sources.empty()) {
        m_map.problems.append(problemAt(
            app.file, spec, QStringLiteral("Application %1 has no source").arg(app.name)));
        return;
    }
    for (const YAML::Node &source : sources) {
        if (!source.IsMap())
            continue;
        // A Helm chart from a registry, or a multi-source `ref:` entry that only names a repository
        // for $values: no path of a repository is deployed.
        if (child(source, "chart") || !child(source, "path"))
            continue;
        Deployment d = base;
        d.repoURL = text(child(source, "repoURL"));
        d.targetRevision = text(child(source, "targetRevision"));
        const auto path = cleanSourcePath(text(child(source, "path")));
        d.thisRepository = isThisRepository(d.repoURL) && isThisRevision(d.targetRevision);
        if (!path) {
            if (d.thisRepository)
                m_map.problems.append(problemAt(
                    app.file, child(source, "path"),
                    QStringLiteral("the path of %1 leaves the repository").arg(app.name)));
            continue;
        }
        d.path = *path;
        m_map.applications.append(d);
        if (!d.thisRepository)
            continue;
        m_map.byPath[d.path].append(d);
        // App of apps: a folder of this repository holding Argo CD objects.
        if (m_argoFolders.contains(d.path) && m_files.isDirectory(d.path)) {
            for (Object &child : appOfApps(app, d.path, app.depth + 1))
                queue.push_back(std::move(child));
        }
    }
}

std::vector<Object> Reader::appOfApps(const Object &app, const QString &path, int depth)
{
    std::vector<Object> out;
    const auto owner = m_appFolderOwner.constFind(path);
    if (owner != m_appFolderOwner.cend()) {
        if (*owner != app.name)
            m_map.problems.append(
                Error{QStringLiteral("%1 and %2 both render the applications of %3: a cycle or a "
                                     "duplicate app of apps")
                          .arg(*owner, app.name, path),
                      app.file, app.line, 1, Error::Code::Generic});
        return out;
    }
    m_appFolderOwner.insert(path, app.name);
    if (depth > m_options.maxAppOfAppsDepth) {
        m_map.problems.append(
            Error{QStringLiteral("app of apps %1 is more than %2 levels deep; %3 is not read")
                      .arg(app.name)
                      .arg(m_options.maxAppOfAppsDepth)
                      .arg(path),
                  app.file, app.line, 1, Error::Code::Generic});
        return out;
    }
    const QString prefix = path == QLatin1String(".") ? QString() : path + QLatin1Char('/');
    const bool kustomized = m_files.isFile(prefix + QStringLiteral("kustomization.yaml")) ||
                            m_files.isFile(prefix + QStringLiteral("kustomization.yml")) ||
                            m_files.isFile(prefix + QStringLiteral("Kustomization"));
    if (kustomized) {
        auto rendered = m_renderer->render(m_files.absolute(path), {}, m_options.overlay);
        if (!rendered) {
            Error e = rendered.error();
            if (e.file.startsWith(m_files.root() + QLatin1Char('/')))
                e.file = e.file.mid(m_files.root().size() + 1);
            m_map.problems.append(e);
            return out;
        }
        // Each rendered object is attributed to the file it came from, at the line of its
        // document there.
        for (const kustomize::RenderedResource &r : rendered->resources) {
            if (!isArgoKind(r.apiVersion, r.kind))
                continue;
            auto doc = yaml::load(r.yaml);
            if (!doc)
                continue;
            QString file = r.originFile;
            if (file.startsWith(m_files.root() + QLatin1Char('/')))
                file = file.mid(m_files.root().size() + 1);
            m_renderedFiles.insert(file);
            std::vector<Object> one;
            addDocuments({*doc}, file, app.name, depth, one);
            for (Object &o : one) {
                o.line = 0;
                for (const Object &s : m_scanned) {
                    if (s.file == file && s.name == o.name && s.kind == o.kind)
                        o.line = s.line;
                }
                out.push_back(std::move(o));
            }
        }
        return out;
    }
    // A plain directory source: its YAML and JSON files (with directory.recurse, those below).
    const bool recurse = false;
    for (const Object &s : m_scanned) {
        const QString dir = s.file.section(QLatin1Char('/'), 0, -2);
        const QString sdir = dir.isEmpty() ? QStringLiteral(".") : dir;
        if (sdir == path || (recurse && s.file.startsWith(prefix))) {
            Object o = s;
            o.parent = app.name;
            o.depth = depth;
            out.push_back(o);
        }
    }
    return out;
}

void Reader::process(std::deque<Object> queue)
{
    // Each object is read once: the first definition reached wins.
    while (!queue.empty()) {
        Object o = std::move(queue.front());
        queue.pop_front();
        const QString key = o.kind + QLatin1Char('/') + o.name;
        if (m_seen.contains(key))
            continue;
        m_seen.insert(key);
        if (o.kind == QLatin1String("ApplicationSet")) {
            QList<Error> problems;
            const GeneratorContext context{m_files, m_map.clusters,
                                           [this](const QString &url, const QString &revision) {
                                               return isThisRepository(url) &&
                                                      isThisRevision(revision);
                                           },
                                           m_options.maxGeneratedApplications};
            const auto apps = generateApplications(o.node, o.file, context, problems);
            m_map.problems.append(problems);
            for (const YAML::Node &a : apps) {
                Object app;
                app.node = a;
                app.kind = QStringLiteral("Application");
                app.name = text(child(child(a, "metadata"), "name"));
                app.file = o.file;
                app.line = o.line;
                app.parent = o.parent;
                app.applicationSet = o.name;
                app.depth = o.depth;
                if (app.name.isEmpty()) {
                    m_map.problems.append(Error{
                        QStringLiteral("ApplicationSet %1 generates an Application without a name")
                            .arg(o.name),
                        o.file, o.line, 1, Error::Code::Syntax});
                    continue;
                }
                queue.push_front(app);
            }
            continue;
        }
        addApplication(o, queue);
    }
}

DeploymentMap Reader::read()
{
    readConfig();
    scan();
    chooseRepository();
    m_map.repoUrls = QStringList(m_repoUrls.cbegin(), m_repoUrls.cend());
    std::sort(m_map.repoUrls.begin(), m_map.repoUrls.end());
    readClusters();
    // Roots first: the objects in folders that no application sources (applied by hand or by
    // the cluster's bootstrap), so that what an app of apps renders is attributed to it. Then
    // the objects no root reached (app-of-apps cycles: the root that manages itself), each
    // app of apps among them before the plain applications.
    QSet<QString> sourced;
    for (const Object &o : m_scanned) {
        const YAML::Node src = child(child(o.node, "spec"), "source");
        if (const auto p = cleanSourcePath(text(child(src, "path"))))
            sourced.insert(*p);
    }
    std::deque<Object> roots;
    std::vector<Object> appsOfApps, others;
    for (const Object &o : m_scanned) {
        const QString dir = o.file.section(QLatin1Char('/'), 0, -2);
        const YAML::Node src = child(child(o.node, "spec"), "source");
        const auto p = cleanSourcePath(text(child(src, "path")));
        if (!sourced.contains(dir.isEmpty() ? QStringLiteral(".") : dir))
            roots.push_back(o);
        else if (p && m_argoFolders.contains(*p))
            appsOfApps.push_back(o);
        else
            others.push_back(o);
    }
    process(std::move(roots));
    // An object in a file that an app of apps rendered counts as rendered (kustomize may have
    // renamed it): its raw form is not read again.
    for (std::vector<Object> *group : {&appsOfApps, &others}) {
        for (Object &o : *group) {
            if (!m_renderedFiles.contains(o.file))
                process(std::deque<Object>{std::move(o)});
        }
    }

    auto byNameThenPath = [](const Deployment &a, const Deployment &b) {
        return std::tie(a.application, a.path, a.cluster) <
               std::tie(b.application, b.path, b.cluster);
    };
    std::sort(m_map.applications.begin(), m_map.applications.end(), byNameThenPath);
    // What could not be evaluated offline is a note, not a problem.
    for (qsizetype i = 0; i < m_map.problems.size();) {
        if (m_map.problems[i].code == Error::Code::Unsupported)
            m_map.notes.append(m_map.problems.takeAt(i));
        else
            ++i;
    }
    for (auto &list : m_map.byPath)
        std::sort(list.begin(), list.end(), byNameThenPath);
    return std::move(m_map);
}

} // namespace

QStringList DeploymentMap::clustersOf(const QString &path) const
{
    QStringList out;
    for (const Deployment &d : byPath.value(path)) {
        const QString name = d.cluster.isEmpty() ? d.server : d.cluster;
        if (!out.contains(name))
            out.append(name);
    }
    std::sort(out.begin(), out.end());
    return out;
}

const Cluster *DeploymentMap::cluster(const QString &name) const
{
    for (const Cluster &c : clusters) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

Result<DeploymentMap> readDeployments(const QString &manifestsRoot, const Options &options)
{
    if (!QFileInfo(manifestsRoot).isDir())
        return failAt(Error::Code::NotFound, QStringLiteral("no such folder"), manifestsRoot);
    Reader reader(manifestsRoot, options);
    return reader.read();
}

Result<QList<Cluster>> readWorkspaceClusters(const QString &workspaceFile)
{
    QList<Cluster> out;
    if (!QFileInfo::exists(workspaceFile))
        return out;
    auto bytes = readFile(workspaceFile);
    if (!bytes)
        return std::unexpected(bytes.error());
    auto root = yaml::load(*bytes, workspaceFile);
    if (!root)
        return std::unexpected(root.error());
    const YAML::Node list = child(*root, "clusters");
    if (!list || list.IsNull())
        return out;
    if (!list.IsSequence()) {
        Error e = problemAt(workspaceFile, list, QStringLiteral("'clusters' must be a list"));
        return std::unexpected(e);
    }
    for (const YAML::Node &item : list) {
        if (!item.IsMap())
            return std::unexpected(
                problemAt(workspaceFile, item, QStringLiteral("a cluster must be a mapping")));
        Cluster c;
        c.name = text(child(item, "name"));
        c.server = text(child(item, "server"));
        const YAML::Node labels = child(item, "labels");
        if (labels && !labels.IsNull() && !labels.IsMap())
            return std::unexpected(
                problemAt(workspaceFile, labels, QStringLiteral("'labels' must be a mapping")));
        c.labels = stringMap(labels);
        c.annotations = stringMap(child(item, "annotations"));
        c.file = workspaceFile;
        c.line = documentLine(item);
        if (c.name.isEmpty() || c.server.isEmpty())
            return std::unexpected(problemAt(
                workspaceFile, item, QStringLiteral("a cluster needs a name and a server")));
        out.append(c);
    }
    return out;
}

QString normaliseRepoUrl(const QString &url)
{
    QString u = url.trimmed();
    while (u.endsWith(QLatin1Char('/')))
        u.chop(1);
    if (u.endsWith(QLatin1String(".git")))
        u.chop(4);
    // scp-like "user@host:path"
    static const QRegularExpression scp(QStringLiteral("^(?:[^@/:]+@)?([^/:]+):(?!//)(.*)$"));
    if (!u.contains(QLatin1String("://"))) {
        const auto m = scp.match(u);
        if (m.hasMatch() && !QDir::isAbsolutePath(u))
            return m.captured(1).toLower() + QLatin1Char('/') + m.captured(2);
        return QDir::cleanPath(u);
    }
    const QUrl q(u);
    if (q.scheme() == QLatin1String("file"))
        return QDir::cleanPath(q.path());
    QString path = q.path();
    if (path.startsWith(QLatin1Char('/')))
        path.remove(0, 1);
    return q.host().toLower() + QLatin1Char('/') + path;
}

} // namespace kanri::argocd
