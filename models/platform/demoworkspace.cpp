#include "platform/demoworkspace.h"

#include "git/gitrepository.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

namespace kanri::platform {

namespace {

struct DemoRepository
{
    const char *name;
    RepositoryRole role;
};

constexpr DemoRepository kDemoRepositories[] = {
    {"accounts", RepositoryRole::Accounts},
    {"manifests", RepositoryRole::Manifests},
};

Result<void> copyTree(const QString &from, const QString &to)
{
    if (!QDir().mkpath(to))
        return failAt(Error::Code::Io, QStringLiteral("cannot create folder"), to);
    QDirIterator it(from, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString source = it.next();
        const QString relative = QDir(from).relativeFilePath(source);
        const QString target = QDir(to).filePath(relative);
        if (!QDir().mkpath(QFileInfo(target).absolutePath()))
            return failAt(Error::Code::Io, QStringLiteral("cannot create folder"), target);
        QFile::remove(target);
        if (!QFile::copy(source, target))
            return failAt(Error::Code::Io, QStringLiteral("cannot copy %1").arg(source), target);
        // Files from Qt resources are read-only; the working tree must be editable.
        QFile::setPermissions(target, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                          QFileDevice::ReadGroup | QFileDevice::ReadOther);
    }
    return {};
}

Result<void> makeRepository(const QString &workTree, const QString &bareRemote)
{
    const git::Signature author{QStringLiteral("Kanri Demo"), QStringLiteral("demo@kanri.invalid")};
    auto bare = git::Repository::init(bareRemote, true);
    if (!bare)
        return std::unexpected(bare.error());
    auto repo = git::Repository::init(workTree, false);
    if (!repo)
        return std::unexpected(repo.error());
    if (auto r = repo->stageAll(); !r)
        return r;
    if (auto c = repo->commit(QStringLiteral("Demo platform: initial import"), author); !c)
        return std::unexpected(c.error());
    if (auto r = repo->addRemote(QStringLiteral("origin"), bareRemote); !r)
        return r;
    return repo->push(QStringLiteral("origin"), QStringLiteral("main"), true);
}

} // namespace

Result<Workspace> materialiseDemo(const QString &sourceRoot, const QString &targetDir)
{
    const QString target = QFileInfo(targetDir).absoluteFilePath();
    if (QFileInfo::exists(target) && !QDir(target).isEmpty())
        return failAt(Error::Code::Rejected,
                      QFileInfo::exists(QDir(target).filePath(QStringLiteral("workspace.yaml")))
                          ? QStringLiteral("a workspace already exists here")
                          : QStringLiteral("the folder is not empty"),
                      target);

    // workspace.yaml is written last: until then the folder is not a workspace, and any
    // failure removes everything this function created.
    Workspace ws;
    ws.dir = target;
    ws.name = QStringLiteral("demo");
    auto cleanUp = [&](const Error &e) -> Result<Workspace> {
        QDir(target).removeRecursively();
        return std::unexpected(e);
    };

    for (const DemoRepository &demo : kDemoRepositories) {
        const QString name = QString::fromLatin1(demo.name);
        const QString source = QDir(sourceRoot).filePath(name);
        if (!QFileInfo(source).isDir())
            return cleanUp(Error{QStringLiteral("the demo repository is missing"), source, 0, 0,
                                 Error::Code::NotFound});
        const QString workTree = QDir(target).filePath(name);
        if (auto r = copyTree(source, workTree); !r)
            return cleanUp(r.error());
        const QString remote = QDir(target).filePath(QStringLiteral("remotes/%1.git").arg(name));
        if (auto r = makeRepository(workTree, remote); !r)
            return cleanUp(r.error());
        RepositorySpec spec;
        spec.name = name;
        spec.role = demo.role;
        spec.url = remote;
        spec.path = name;
        ws.repositories.append(spec);
    }
    if (auto r = ws.save(); !r)
        return cleanUp(r.error());
    return ws;
}

Result<Workspace> openWorkspace(const QString &dir)
{
    const QString file = QDir(dir).filePath(QStringLiteral("workspace.yaml"));
    const bool empty = !QFileInfo::exists(dir) ||
                       QDir(dir).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    if (!QFileInfo::exists(file) && empty)
        return materialiseDemo(QStringLiteral(":/demo"), dir);
    return Workspace::load(dir);
}

} // namespace kanri::platform
