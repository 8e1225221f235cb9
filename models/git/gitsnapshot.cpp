#include "git/gitsnapshot.h"

#include "core/fileio.h"
#include "git/giterrors.h"

#include <QDir>
#include <QFileInfo>

#include <git2.h>

namespace kanri::git {

using detail::gitError;

void Snapshot::Deleter::operator()(git_repository *repo) const
{
    git_repository_free(repo);
}
void Snapshot::Deleter::operator()(git_tree *tree) const
{
    git_tree_free(tree);
}

Snapshot::Snapshot(Snapshot &&) noexcept = default;
Snapshot &Snapshot::operator=(Snapshot &&) noexcept = default;
Snapshot::~Snapshot() = default;

namespace {

QString oidString(const git_oid *oid)
{
    char buf[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(buf, sizeof buf, oid);
    return QString::fromLatin1(buf);
}

Result<git_oid> resolveCommit(git_repository *repo, const QString &revision)
{
    git_object *obj = nullptr;
    if (int rc = git_revparse_single(&obj, repo, revision.toUtf8().constData()); rc < 0)
        return std::unexpected(gitError(rc, QStringLiteral("cannot resolve '%1'").arg(revision)));
    git_object *commit = nullptr;
    const int rc = git_object_peel(&commit, obj, GIT_OBJECT_COMMIT);
    git_object_free(obj);
    if (rc < 0)
        return std::unexpected(gitError(rc, QStringLiteral("'%1' is not a commit").arg(revision)));
    const git_oid oid = *git_object_id(commit);
    git_object_free(commit);
    return oid;
}

int collectDelta(const git_diff_delta *delta, float, void *payload)
{
    auto *paths = static_cast<QStringList *>(payload);
    const char *path = delta->new_file.path ? delta->new_file.path : delta->old_file.path;
    paths->append(QString::fromUtf8(path));
    if (delta->status == GIT_DELTA_RENAMED && delta->old_file.path)
        paths->append(QString::fromUtf8(delta->old_file.path));
    return 0;
}

Result<QStringList> deltaPaths(git_diff *diff)
{
    QStringList paths;
    const int rc = git_diff_foreach(diff, collectDelta, nullptr, nullptr, nullptr, &paths);
    git_diff_free(diff);
    if (rc < 0)
        return std::unexpected(gitError(rc, QStringLiteral("cannot compare trees")));
    paths.removeDuplicates();
    paths.sort();
    return paths;
}

} // namespace

Result<Snapshot> Snapshot::open(const QString &repositoryPath, const QString &revision)
{
    Snapshot s;
    s.m_path = repositoryPath;
    git_repository *repo = nullptr;
    if (int rc = git_repository_open(&repo, repositoryPath.toUtf8().constData()); rc < 0)
        return std::unexpected(
            gitError(rc, QStringLiteral("cannot open repository %1").arg(repositoryPath)));
    s.m_repo.reset(repo);
    auto oid = resolveCommit(repo, revision);
    if (!oid)
        return std::unexpected(oid.error());
    git_commit *commit = nullptr;
    if (int rc = git_commit_lookup(&commit, repo, &*oid); rc < 0)
        return std::unexpected(gitError(rc, QStringLiteral("cannot read commit")));
    git_tree *tree = nullptr;
    const int rc = git_commit_tree(&tree, commit);
    git_commit_free(commit);
    if (rc < 0)
        return std::unexpected(gitError(rc, QStringLiteral("cannot read the commit's tree")));
    s.m_tree.reset(tree);
    s.m_commitId = oidString(&*oid);
    return s;
}

Result<QString> Snapshot::mergeBase(const QString &repositoryPath, const QString &a,
                                    const QString &b)
{
    Library library;
    git_repository *raw = nullptr;
    if (int rc = git_repository_open(&raw, repositoryPath.toUtf8().constData()); rc < 0)
        return std::unexpected(
            gitError(rc, QStringLiteral("cannot open repository %1").arg(repositoryPath)));
    std::unique_ptr<git_repository, decltype(&git_repository_free)> repo(raw, git_repository_free);
    auto oa = resolveCommit(raw, a);
    if (!oa)
        return std::unexpected(oa.error());
    auto ob = resolveCommit(raw, b);
    if (!ob)
        return std::unexpected(ob.error());
    git_oid base;
    if (int rc = git_merge_base(&base, raw, &*oa, &*ob); rc < 0)
        return std::unexpected(
            gitError(rc, QStringLiteral("'%1' and '%2' have no common ancestor").arg(a, b)));
    return oidString(&base);
}

Result<std::optional<QByteArray>> Snapshot::read(const QString &relativePath) const
{
    git_tree_entry *entry = nullptr;
    const int rc = git_tree_entry_bypath(&entry, m_tree.get(), relativePath.toUtf8().constData());
    if (rc == GIT_ENOTFOUND)
        return std::optional<QByteArray>();
    if (rc < 0)
        return std::unexpected(gitError(rc, QStringLiteral("cannot read %1").arg(relativePath)));
    std::unique_ptr<git_tree_entry, decltype(&git_tree_entry_free)> guard(entry,
                                                                          git_tree_entry_free);
    if (git_tree_entry_type(entry) != GIT_OBJECT_BLOB)
        return std::optional<QByteArray>();
    git_blob *blob = nullptr;
    if (int r = git_blob_lookup(&blob, m_repo.get(), git_tree_entry_id(entry)); r < 0)
        return std::unexpected(gitError(r, QStringLiteral("cannot read %1").arg(relativePath)));
    QByteArray bytes(static_cast<const char *>(git_blob_rawcontent(blob)),
                     qsizetype(git_blob_rawsize(blob)));
    git_blob_free(blob);
    return std::optional<QByteArray>(std::move(bytes));
}

namespace {

struct WalkPayload
{
    QStringList *files;
};

int collectFile(const char *root, const git_tree_entry *entry, void *payload)
{
    if (git_tree_entry_type(entry) == GIT_OBJECT_BLOB) {
        auto *p = static_cast<WalkPayload *>(payload);
        p->files->append(QString::fromUtf8(root) + QString::fromUtf8(git_tree_entry_name(entry)));
    }
    return 0;
}

} // namespace

Result<QStringList> Snapshot::files() const
{
    QStringList files;
    WalkPayload payload{&files};
    if (int rc = git_tree_walk(m_tree.get(), GIT_TREEWALK_PRE, collectFile, &payload); rc < 0)
        return std::unexpected(gitError(rc, QStringLiteral("cannot list the commit's files")));
    files.sort();
    return files;
}

Result<QStringList> Snapshot::changedInWorkTree() const
{
    git_diff_options options = GIT_DIFF_OPTIONS_INIT;
    options.flags = GIT_DIFF_INCLUDE_UNTRACKED | GIT_DIFF_RECURSE_UNTRACKED_DIRS;
    git_diff *diff = nullptr;
    if (int rc = git_diff_tree_to_workdir_with_index(&diff, m_repo.get(), m_tree.get(), &options);
        rc < 0)
        return std::unexpected(gitError(rc, QStringLiteral("cannot compare with the work tree")));
    return deltaPaths(diff);
}

Result<QStringList> Snapshot::changedSince(const Snapshot &other) const
{
    git_diff *diff = nullptr;
    if (int rc =
            git_diff_tree_to_tree(&diff, m_repo.get(), other.m_tree.get(), m_tree.get(), nullptr);
        rc < 0)
        return std::unexpected(gitError(rc, QStringLiteral("cannot compare commits")));
    return deltaPaths(diff);
}

Result<void> Snapshot::extractTo(const QString &dir) const
{
    auto all = files();
    if (!all)
        return std::unexpected(all.error());
    for (const QString &rel : std::as_const(*all)) {
        auto bytes = read(rel);
        if (!bytes)
            return std::unexpected(bytes.error());
        const QString target = QDir(dir).filePath(rel);
        if (!QDir().mkpath(QFileInfo(target).absolutePath()))
            return failAt(Error::Code::Io, QStringLiteral("cannot create folder"), target);
        if (auto r = writeFileAtomic(target, bytes->value_or(QByteArray())); !r)
            return r;
    }
    return {};
}

} // namespace kanri::git
