#include "rules/rulelinter.h"

#include "core/fileio.h"
#include "core/glob.h"
#include "platform/catalog.h"
#include "rules/ruleargocd.h"
#include "rules/ruleengine.h"
#include "rules/rulesources.h"
#include "yaml/yamldocument.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <atomic>
#include <map>
#include <memory>
#include <thread>

#include <yaml-cpp/yaml.h>

namespace kanri::platform {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("kanri::platform", text);
}

const QString kConfigFile = QStringLiteral(".kanri.yaml");

QString kustomizationIn(const QString &dir)
{
    for (const char *name : {"kustomization.yaml", "kustomization.yml", "Kustomization"}) {
        const QString path = QDir(dir).filePath(QString::fromLatin1(name));
        if (QFileInfo::exists(path))
            return path;
    }
    return {};
}

QString imageRepositoryOf(const MapEntryRef &entry, const RuleConfig &config)
{
    for (const QString &field : config.repositoryFields) {
        const QString v = entry.fields.value(field).toString();
        if (!v.isEmpty())
            return v;
    }
    return {};
}

Finding renderFailure(const FindingPlace &place, const QString &dir, const Error &error,
                      const QString &service, const QString &environment)
{
    Finding f;
    f.rule = QStringLiteral("lint/render-failed");
    f.severity = Severity::Error;
    f.message = tr("%1 does not render: %2")
                    .arg(QDir(place.repositoryRoot).relativeFilePath(dir), error.message);
    f.hint = tr("run `kanri render %1` and fix the first error")
                 .arg(QDir(place.displayRoot).relativeFilePath(dir));
    f.repository = place.repositoryRoot;
    // The error's own file when it has one; otherwise the kustomization.
    QString file = error.file;
    if (!file.isEmpty() && QFileInfo(file).isRelative())
        file = QDir(dir).filePath(file);
    if (file.isEmpty() || !QFileInfo::exists(file)) {
        file = kustomizationIn(dir);
        f.line = 0;
    } else {
        f.line = error.line;
        f.column = error.column;
    }
    if (!file.isEmpty()) {
        f.path = QDir(place.repositoryRoot).relativeFilePath(file);
        f.file = QDir(place.displayRoot).relativeFilePath(file);
    }
    f.service = service;
    f.environment = environment;
    return f;
}

} // namespace

int LintResult::count(Severity severity) const
{
    return int(std::count_if(findings.begin(), findings.end(),
                             [severity](const Finding &f) { return f.severity == severity; }));
}

Linter::Linter(RenderFunction render, SourceReader read,
               QHash<QString, std::optional<QByteArray>> unsaved)
    : m_render(std::move(render))
    , m_read(std::move(read))
    , m_unsaved(std::move(unsaved))
{}

Result<RuleConfig> loadRuleConfig(const Workspace &workspace)
{
    RuleConfig config = RuleConfig::defaults();
    for (RepositoryRole role : {RepositoryRole::Accounts, RepositoryRole::Manifests}) {
        const RepositorySpec *spec = workspace.repository(role);
        if (!spec)
            continue;
        const QString root = workspace.repositoryPath(*spec);
        const QString path = QDir(root).filePath(kConfigFile);
        if (!QFileInfo::exists(path))
            continue;
        auto bytes = readFile(path);
        if (!bytes)
            return std::unexpected(bytes.error());
        if (auto applied = config.apply(*bytes, QDir(workspace.dir).relativeFilePath(path));
            !applied)
            return std::unexpected(applied.error());
    }
    return config;
}

Result<LintResult> Linter::lint(const Workspace &workspace) const
{
    auto catalog = Catalog::load(workspace);
    if (!catalog)
        return std::unexpected(catalog.error());
    return lint(*catalog);
}

void Linter::setReleaseCaches(std::function<void()> release, int every)
{
    m_release = std::move(release);
    m_releaseEvery = std::max(1, every);
}

namespace {

// The folders to search for the platform globs: each glob's literal leading folders (those
// before its first wildcard, the last component excluded), or the whole repository when one
// glob has none, names a hidden folder (the walk lists no hidden folders) or goes through a
// symbolic link (the walk does not descend into links).
QStringList platformRoots(const QString &repositoryRoot, const QStringList &globs)
{
    QStringList roots;
    for (const QString &glob : globs) {
        QStringList parts = glob.split(QLatin1Char('/'));
        parts.removeLast();
        QStringList literal;
        for (const QString &part : std::as_const(parts)) {
            if (part.isEmpty() || part.contains(QLatin1Char('*')) ||
                part.contains(QLatin1Char('?')) || part.contains(QLatin1Char('[')) ||
                part.contains(QLatin1Char('\\')) || part == QLatin1String(".") ||
                part == QLatin1String(".."))
                break;
            literal << part;
        }
        if (literal.isEmpty())
            return {QString()};
        QString path = repositoryRoot;
        for (const QString &part : std::as_const(literal)) {
            path += QLatin1Char('/') + part;
            if (part.startsWith(QLatin1Char('.')) || QFileInfo(path).isSymLink())
                return {QString()};
        }
        roots << literal.join(QLatin1Char('/'));
    }
    roots.removeDuplicates();
    // A root inside another is searched with it.
    std::sort(roots.begin(), roots.end());
    QStringList outer;
    for (const QString &r : std::as_const(roots)) {
        if (outer.isEmpty() ||
            !(r + QLatin1Char('/')).startsWith(outer.constLast() + QLatin1Char('/')))
            outer << r;
    }
    return outer;
}

} // namespace

Result<LintResult> Linter::lint(const Catalog &catalog) const
{
    auto loaded = loadRuleConfig(catalog.workspace);
    if (!loaded)
        return std::unexpected(loaded.error());
    const RuleConfig &config = *loaded;
    const QString displayRoot = catalog.workspace.dir;

    LintResult result;
    QList<Finding> findings;
    if (catalog.manifestsRoot.isEmpty()) {
        findings << checkCatalog(catalog, config, displayRoot, m_read, m_unsaved);
        findings << checkArgoCd(catalog, displayRoot, m_unsaved);
    } else {
        const FindingPlace place{displayRoot, catalog.manifestsRoot};
        QList<RenderTarget> targets;
        // Every service's image repository → its last position in the catalog's order: what
        // RenderTarget::otherRepositories would list, without a list per service.
        auto repositories = std::make_shared<QHash<QString, qsizetype>>();
        qsizetype position = 0;
        for (const MapEntryRef &m : catalog.microservices) {
            if (const QString r = imageRepositoryOf(m, config); !r.isEmpty())
                repositories->insert(r, position++);
        }
        for (const Service &s : catalog.services) {
            QString ns = s.name;
            QString own;
            if (s.microservice >= 0) {
                const MapEntryRef &entry = catalog.microservices.at(s.microservice);
                if (const QString v = entry.fields.value(QStringLiteral("namespace")).toString();
                    !v.isEmpty())
                    ns = v;
                own = imageRepositoryOf(entry, config);
            }
            QList<Environment> environments = s.environments;
            if (environments.isEmpty()) {
                // The catalog found no overlays (a layout it does not read, such as
                // `overlays: overlays/*`): take the default layout's, else the base.
                const QDir overlays(
                    QDir(catalog.manifestsRoot).filePath(s.path + QStringLiteral("/overlays")));
                for (const QString &env :
                     overlays.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
                    if (!kustomizationIn(overlays.filePath(env)).isEmpty())
                        environments << Environment{
                            env, {}, s.path + QStringLiteral("/overlays/") + env, {}};
                }
                const QString baseDir = s.path + QStringLiteral("/base");
                if (environments.isEmpty() &&
                    !kustomizationIn(QDir(catalog.manifestsRoot).filePath(baseDir)).isEmpty())
                    environments << Environment{QStringLiteral("base"), {}, baseDir, {}};
            }
            for (const Environment &env : std::as_const(environments)) {
                RenderTarget t;
                t.place = place;
                t.dir = QDir(catalog.manifestsRoot).filePath(env.overlay);
                t.service = s.name;
                t.environment = env.name;
                t.expectedNamespace = ns;
                t.ownRepository = own;
                t.repositoryOrder = repositories;
                targets << t;
            }
        }
        // Each target on its own: rendered (the render function shares parsed files between
        // targets) and checked on the worker threads, its findings kept in target order so that
        // the report does not depend on the threads.
        // One cache of parsed sources per worker thread: the overlays of one service, checked
        // one after the other, share their base's files.
        QMutex parsedMutex;
        std::map<std::thread::id, std::unique_ptr<ParsedSources>> parsedByThread;
        const auto parsedHere = [&]() -> ParsedSources * {
            const QMutexLocker lock(&parsedMutex);
            auto &parsed = parsedByThread[std::this_thread::get_id()];
            if (!parsed)
                parsed = std::make_unique<ParsedSources>();
            return parsed.get();
        };
        std::atomic_int rendered{0};
        const auto check = [&](const RenderTarget &t) -> QList<Finding> {
            auto out = m_render(t.dir);
            if (m_release && (rendered.fetch_add(1) + 1) % m_releaseEvery == 0)
                m_release();
            if (!out)
                return {renderFailure(place, t.dir, out.error(), t.service, t.environment)};
            const KustomizeSources sources(t.dir, m_read, parsedHere());
            return checkRendered(t, *out, config, sources);
        };
        // A pool of this lint's own: the live linter runs lint() on a thread of the global pool,
        // and two of them waiting there for map tasks queued behind them in that same pool (two
        // threads on two cores) would wait for ever.
        QThreadPool pool;
        pool.setMaxThreadCount(QThread::idealThreadCount());
        // The services' overlays render on the pool while this thread runs the rules that read
        // no rendered output and finds the platform folders.
        QFuture<QList<Finding>> services = QtConcurrent::mapped(&pool, targets, check);

        findings << checkCatalog(catalog, config, displayRoot, m_read, m_unsaved);
        findings << checkArgoCd(catalog, displayRoot, m_unsaved);

        // Platform folders: every folder with a kustomization that a platform glob names.
        QList<QRegularExpression> platformGlobs;
        for (const QString &glob : config.platformFolders)
            platformGlobs << globRegularExpression(glob);
        QStringList platformDirs;
        const QDir manifests(catalog.manifestsRoot);
        for (const QString &root : platformRoots(catalog.manifestsRoot, config.platformFolders)) {
            const QString top = root.isEmpty() ? catalog.manifestsRoot : manifests.filePath(root);
            if (!root.isEmpty() && !QFileInfo(top).isDir())
                continue;
            QDirIterator it(top, QDir::Dirs | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString rel = manifests.relativeFilePath(it.next());
                if (rel.startsWith(QLatin1String(".git")))
                    continue;
                for (const QRegularExpression &glob : std::as_const(platformGlobs)) {
                    if (glob.match(rel).hasMatch() && !kustomizationIn(it.filePath()).isEmpty()) {
                        platformDirs << rel;
                        break;
                    }
                }
            }
        }
        platformDirs.sort();
        QList<RenderTarget> platformTargets;
        for (const QString &rel : std::as_const(platformDirs)) {
            RenderTarget t;
            t.place = place;
            t.dir = manifests.filePath(rel);
            t.platform = true;
            platformTargets << t;
        }
        QFuture<QList<Finding>> platform = QtConcurrent::mapped(&pool, platformTargets, check);
        for (const QList<Finding> &f : services.results())
            findings << f;
        for (const QList<Finding> &f : platform.results())
            findings << f;
        result.renderedTargets = int(targets.size() + platformTargets.size());
    }
    result.findings = sortedUnique(applyConfig(findings, config));
    result.notes << catalog.assumptions;
    return result;
}

Result<void> extractTree(const QString &repositoryDir, const QString &ref, const QString &targetDir)
{
    QProcess archive, tar;
    archive.setWorkingDirectory(repositoryDir);
    archive.setStandardOutputProcess(&tar);
    tar.setWorkingDirectory(targetDir);
    archive.start(QStringLiteral("git"), {QStringLiteral("archive"), QStringLiteral("--format=tar"),
                                          ref + QStringLiteral("^{tree}")});
    tar.start(QStringLiteral("tar"), {QStringLiteral("-xf"), QStringLiteral("-")});
    if (!archive.waitForStarted() || !tar.waitForStarted())
        return fail(Error::Code::NotFound, tr("cannot run git and tar to extract %1").arg(ref));
    archive.waitForFinished(-1);
    tar.waitForFinished(-1);
    if (archive.exitStatus() != QProcess::NormalExit || archive.exitCode() != 0) {
        const QString err = QString::fromUtf8(archive.readAllStandardError()).trimmed();
        return fail(Error::Code::NotFound,
                    tr("cannot read %1 in %2: %3").arg(ref, repositoryDir, err));
    }
    if (tar.exitStatus() != QProcess::NormalExit || tar.exitCode() != 0)
        return fail(
            Error::Code::Io,
            tr("cannot unpack %1: %2").arg(ref, QString::fromUtf8(tar.readAllStandardError())));
    return {};
}

Result<LintResult> Linter::lintChange(const Workspace &workspace, const QString &baseRef) const
{
    auto head = lint(workspace);
    if (!head)
        return head;

    QTemporaryDir temp;
    if (!temp.isValid())
        return fail(Error::Code::Io, tr("cannot create a temporary folder"));
    Workspace base = workspace;
    base.dir = temp.path();
    QStringList notes;
    bool anyExtracted = false;
    for (RepositorySpec &spec : base.repositories) {
        const QString source = workspace.repositoryPath(spec);
        // Keep the same relative layout so that displayed file names match.
        QString rel = QDir(workspace.dir).relativeFilePath(source);
        if (rel.startsWith(QLatin1String("..")) || QFileInfo(rel).isAbsolute())
            rel = spec.name;
        const QString target = QDir(temp.path()).filePath(rel);
        QDir().mkpath(target);
        spec.path = rel;
        if (auto extracted = extractTree(source, baseRef, target); extracted) {
            anyExtracted = true;
        } else {
            notes << tr("%1: %2 does not exist there; compared with the working tree")
                         .arg(spec.name, baseRef);
            // Unchanged: lint the working tree's files there too.
            QDirIterator it(source, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString file = it.next();
                const QString r = QDir(source).relativeFilePath(file);
                if (r.startsWith(QLatin1String(".git/")))
                    continue;
                QDir().mkpath(QFileInfo(QDir(target).filePath(r)).path());
                // Through readFile, as every read of a repository file: no FIFO, no device,
                // nothing over the cap (a file it refuses is missing from the base).
                if (auto bytes = readFile(file)) {
                    QFile copy(QDir(target).filePath(r));
                    if (copy.open(QIODevice::WriteOnly))
                        copy.write(*bytes);
                }
            }
        }
    }
    if (!anyExtracted)
        return fail(Error::Code::NotFound,
                    tr("%1 is not a commit in any repository of the workspace").arg(baseRef));
    auto before = lint(base);
    if (!before)
        return std::unexpected(before.error());

    // Subtract by identity, counting: two identical findings at the base and three now leave one.
    QHash<QString, int> baseCounts;
    for (const Finding &f : before->findings)
        baseCounts[f.identity()] += 1;
    LintResult result;
    result.renderedTargets = head->renderedTargets;
    result.notes = head->notes + notes;
    for (const Finding &f : head->findings) {
        int &n = baseCounts[f.identity()];
        if (n > 0) {
            --n;
            continue;
        }
        result.findings << f;
    }
    return result;
}

Result<Workspace> workspaceForDirectory(const QString &dirArg)
{
    const QString dir = QDir(dirArg).absolutePath();
    if (!QFileInfo(dir).isDir())
        return failAt(Error::Code::NotFound, tr("no such folder"), dirArg);
    if (QFileInfo::exists(QDir(dir).filePath(QStringLiteral("workspace.yaml"))))
        return Workspace::load(dir);
    // A lone repository.
    RepositoryRole role = RepositoryRole::Manifests;
    bool decided = false;
    if (auto bytes = readFile(QDir(dir).filePath(kConfigFile)); bytes) {
        // A configuration that does not parse is reported by the linter when it reads it.
        if (const auto root = yaml::load(*bytes); root && root->IsMap()) {
            const YAML::Node r = (*root)["role"];
            if (r && r.IsScalar()) {
                if (auto known = roleFromName(QString::fromStdString(r.Scalar()))) {
                    role = *known;
                    decided = true;
                }
            }
        }
    }
    if (!decided) {
        const QStringList tf =
            QDir(dir).entryList({QStringLiteral("*.tf"), QStringLiteral("*.tfvars")}, QDir::Files);
        if (!tf.isEmpty() && kustomizationIn(dir).isEmpty())
            role = RepositoryRole::Accounts;
    }
    Workspace ws;
    ws.dir = dir;
    ws.name = QFileInfo(dir).fileName();
    RepositorySpec spec;
    spec.name = ws.name;
    spec.role = role;
    spec.path = QStringLiteral(".");
    ws.repositories << spec;
    return ws;
}

} // namespace kanri::platform
