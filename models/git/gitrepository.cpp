#include "git/gitrepository.h"

#include "core/fileio.h"
#include "git/giterrors.h"
#include "git/gitoperation.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QUrl>

#include <git2.h>

namespace kanri::git {

using detail::gitFail;
using detail::tr;

namespace {

template<typename T, void (*Free)(T *)> struct Freer
{
    void operator()(T *p) const { Free(p); }
};
template<typename T, void (*Free)(T *)> using Owned = std::unique_ptr<T, Freer<T, Free>>;

using ReferencePtr = Owned<git_reference, git_reference_free>;
using CommitPtr = Owned<git_commit, git_commit_free>;
using TreePtr = Owned<git_tree, git_tree_free>;
using IndexPtr = Owned<git_index, git_index_free>;
using RemotePtr = Owned<git_remote, git_remote_free>;
using SignaturePtr = Owned<git_signature, git_signature_free>;
using AnnotatedPtr = Owned<git_annotated_commit, git_annotated_commit_free>;
using RebasePtr = Owned<git_rebase, git_rebase_free>;
using StatusListPtr = Owned<git_status_list, git_status_list_free>;
using BranchIteratorPtr = Owned<git_branch_iterator, git_branch_iterator_free>;
using ConflictIteratorPtr = Owned<git_index_conflict_iterator, git_index_conflict_iterator_free>;
using DiffPtr = Owned<git_diff, git_diff_free>;
using PatchPtr = Owned<git_patch, git_patch_free>;

QString oidText(const git_oid &oid)
{
    char buffer[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(buffer, sizeof buffer, &oid);
    return QString::fromLatin1(buffer);
}

// Pathspecs for libgit2; the byte arrays must outlive the strarray.
struct PathSpec
{
    explicit PathSpec(const QStringList &paths)
    {
        for (const QString &p : paths)
            bytes.push_back(QFile::encodeName(p));
        for (QByteArray &b : bytes)
            pointers.push_back(b.data());
        array.strings = pointers.data();
        array.count = pointers.size();
    }
    std::vector<QByteArray> bytes;
    std::vector<char *> pointers;
    git_strarray array{};
};

QStringList conflictedPaths(git_index *index)
{
    QStringList paths;
    git_index_conflict_iterator *raw = nullptr;
    if (git_index_conflict_iterator_new(&raw, index) < 0)
        return paths;
    ConflictIteratorPtr it(raw);
    const git_index_entry *ancestor = nullptr, *ours = nullptr, *theirs = nullptr;
    while (git_index_conflict_next(&ancestor, &ours, &theirs, it.get()) == 0) {
        const git_index_entry *any = ours ? ours : theirs ? theirs : ancestor;
        const QString path = QString::fromUtf8(any->path);
        if (!paths.contains(path))
            paths << path;
    }
    return paths;
}

void removeFailedClone(const QString &path, bool existedBefore)
{
    QDir dir(path);
    if (!existedBefore) {
        dir.removeRecursively();
        return;
    }
    // The folder was there (empty) before: leave it, empty again.
    const auto entries =
        dir.entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
    for (const QFileInfo &entry : entries) {
        if (entry.isDir() && !entry.isSymLink())
            QDir(entry.absoluteFilePath()).removeRecursively();
        else
            QFile::remove(entry.absoluteFilePath());
    }
}

int collectConflict(git_checkout_notify_t why, const char *path, const git_diff_file *,
                    const git_diff_file *, const git_diff_file *, void *payload)
{
    if (why == GIT_CHECKOUT_NOTIFY_CONFLICT)
        static_cast<QStringList *>(payload)->append(QString::fromUtf8(path));
    return 0;
}

using ConfigPtr = Owned<git_config, git_config_free>;

QString environment(const char *name)
{
    return qEnvironmentVariable(name).trimmed();
}

// Stages `paths` into `index` (in memory) like git add: a file that is gone leaves the index.
Result<void> stageInto(git_index *index, const QString &workdir, const QStringList &paths)
{
    if (paths.isEmpty())
        return {};
    const QDir root(workdir);
    for (const QString &path : paths) {
        if (QFileInfo::exists(root.filePath(path)))
            continue;
        // A deleted file is staged by removing it from the index; it must be known there.
        size_t position = 0;
        const QByteArray prefix = QFile::encodeName(path);
        if (git_index_find_prefix(&position, index, prefix.constData()) < 0) {
            git_error_clear();
            return fail(Error::Code::NotFound, tr("%1 matches no file").arg(path));
        }
    }
    PathSpec spec(paths);
    int rc = 0;
    if ((rc = git_index_add_all(index, &spec.array, GIT_INDEX_ADD_DEFAULT, nullptr, nullptr)) < 0 ||
        (rc = git_index_update_all(index, &spec.array, nullptr, nullptr)) < 0)
        return gitFail(rc, tr("cannot stage %1").arg(paths.join(QStringLiteral(", "))));
    return {};
}

// Puts HEAD's version of each file back into `index` (in memory), or takes the file out when
// HEAD lacks it, like git reset -- PATH. Conflict entries of those files go too.
Result<void> unstageInto(git_repository *repo, git_index *index, const QStringList &paths)
{
    if (paths.isEmpty())
        return {};
    TreePtr tree; // none on an unborn branch: every path leaves the index
    git_object *head = nullptr;
    int rc = git_revparse_single(&head, repo, "HEAD^{tree}");
    if (rc == 0)
        tree.reset(reinterpret_cast<git_tree *>(head));
    else if (rc == GIT_ENOTFOUND || rc == GIT_EUNBORNBRANCH)
        git_error_clear();
    else
        return gitFail(rc, tr("cannot read HEAD"));
    for (const QString &path : paths) {
        const QByteArray bytes = QFile::encodeName(path);
        if (git_index_conflict_remove(index, bytes.constData()) < 0)
            git_error_clear(); // no conflict for it
        git_tree_entry *rawEntry = nullptr;
        if (tree && git_tree_entry_bypath(&rawEntry, tree.get(), bytes.constData()) == 0) {
            std::unique_ptr<git_tree_entry, decltype(&git_tree_entry_free)> entry(
                rawEntry, &git_tree_entry_free);
            if (git_tree_entry_type(entry.get()) != GIT_OBJECT_BLOB)
                return fail(Error::Code::Usage, tr("%1 is a folder, not a file").arg(path));
            git_index_entry indexEntry{};
            indexEntry.mode = git_tree_entry_filemode(entry.get());
            git_oid_cpy(&indexEntry.id, git_tree_entry_id(entry.get()));
            indexEntry.path = bytes.constData();
            if ((rc = git_index_add(index, &indexEntry)) < 0)
                return gitFail(rc, tr("cannot unstage %1").arg(path));
        } else {
            git_error_clear();
            if ((rc = git_index_remove_bypath(index, bytes.constData())) < 0)
                return gitFail(rc, tr("cannot unstage %1").arg(path));
        }
    }
    return {};
}

} // namespace

void Repository::Deleter::operator()(git_repository *repo) const
{
    git_repository_free(repo);
}

Repository::Repository(git_repository *repo)
    : m_repo(repo)
{}
Repository::Repository(Repository &&) noexcept = default;
Repository &Repository::operator=(Repository &&) noexcept = default;
Repository::~Repository() = default;

Result<Repository> Repository::init(const QString &path, bool bare, const QString &initialBranch)
{
    Library library;
    git_repository_init_options options = GIT_REPOSITORY_INIT_OPTIONS_INIT;
    options.flags = GIT_REPOSITORY_INIT_MKPATH;
    if (bare)
        options.flags |= GIT_REPOSITORY_INIT_BARE;
    const QByteArray head = initialBranch.toUtf8();
    options.initial_head = head.constData();
    git_repository *repo = nullptr;
    const int rc = git_repository_init_ext(&repo, QFile::encodeName(path).constData(), &options);
    if (rc < 0)
        return gitFail(rc, tr("cannot create a repository in %1").arg(path));
    return Repository(repo);
}

Result<Repository> Repository::open(const QString &path)
{
    Library library;
    git_repository *repo = nullptr;
    const int rc = git_repository_open_ext(&repo, QFile::encodeName(path).constData(), 0, nullptr);
    if (rc == GIT_ENOTFOUND) {
        git_error_clear();
        return fail(Error::Code::NotFound, tr("not a git repository: %1").arg(path));
    }
    if (rc < 0)
        return gitFail(rc, tr("cannot open the repository %1").arg(path));
    return Repository(repo);
}

Result<Repository> Repository::clone(const QString &url, const QString &path,
                                     const NetworkOptions &options)
{
    Library library;
    QString cleanUrl = url;
    std::optional<QString> urlToken;
    if (url.contains(QLatin1String("://"))) {
        QUrl parsed(url);
        if (parsed.isValid() && !parsed.password().isEmpty()) {
            urlToken = parsed.password(QUrl::FullyDecoded);
            parsed.setPassword({});
            cleanUrl = parsed.toString(QUrl::FullyEncoded);
        }
    }
    // A local path (not a URL, not scp-like user@host:path) must exist.
    const bool isUrl = url.contains(QLatin1String("://")) ||
                       (url.contains(QLatin1Char(':')) && !url.startsWith(QLatin1Char('/')) &&
                        !url.startsWith(QLatin1Char('.')));
    if (!isUrl && !QFileInfo::exists(url))
        return fail(Error::Code::NotFound, tr("no repository at %1").arg(url));
    const QFileInfo target(path);
    const bool existed = target.exists();
    if (existed && (!target.isDir() || !QDir(path).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot |
                                                           QDir::Hidden | QDir::System)))
        return fail(Error::Code::Io, tr("%1 already exists and is not an empty folder").arg(path));

    detail::Operation operation(options, cleanUrl);
    if (urlToken)
        operation.setUrlToken(*urlToken);
    git_clone_options cloneOptions = GIT_CLONE_OPTIONS_INIT;
    operation.install(cloneOptions.fetch_opts.callbacks);
    cloneOptions.checkout_opts.checkout_strategy = GIT_CHECKOUT_SAFE;
    operation.installCheckout(cloneOptions.checkout_opts);

    git_repository *repo = nullptr;
    const int rc = git_clone(&repo, cleanUrl.toUtf8().constData(),
                             QFile::encodeName(path).constData(), &cloneOptions);
    if (rc < 0) {
        Error error = operation.failure(rc, tr("cannot clone %1").arg(operation.displayUrl()));
        if (repo)
            git_repository_free(repo);
        removeFailedClone(path, existed);
        return std::unexpected(std::move(error));
    }
    TransferProgress done;
    done.stage = TransferProgress::Stage::Done;
    operation.report(done, true);
    return Repository(repo);
}

QString Repository::currentBranch() const
{
    git_reference *raw = nullptr;
    if (git_reference_lookup(&raw, m_repo.get(), "HEAD") < 0) {
        git_error_clear();
        return {};
    }
    ReferencePtr head(raw);
    if (git_reference_type(head.get()) != GIT_REFERENCE_SYMBOLIC)
        return {};
    const QString target = QString::fromUtf8(git_reference_symbolic_target(head.get()));
    const QString prefix = QStringLiteral("refs/heads/");
    return target.startsWith(prefix) ? target.mid(prefix.size()) : QString();
}

QString Repository::workdir() const
{
    const char *dir = git_repository_workdir(m_repo.get());
    return dir ? QDir::cleanPath(QFile::decodeName(dir)) : QString();
}

QString Repository::gitDir() const
{
    return QDir::cleanPath(QFile::decodeName(git_repository_path(m_repo.get())));
}

bool Repository::isBare() const
{
    return git_repository_is_bare(m_repo.get()) == 1;
}

Result<QString> Repository::headCommit() const
{
    git_oid oid;
    const int rc = git_reference_name_to_id(&oid, m_repo.get(), "HEAD");
    if (rc < 0)
        return gitFail(rc, tr("the branch has no commits yet"));
    return oidText(oid);
}

Result<std::vector<StatusEntry>> Repository::status() const
{
    if (isBare())
        return fail(Error::Code::Usage, tr("a bare repository has no working tree"));
    git_status_options options = GIT_STATUS_OPTIONS_INIT;
    options.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
    options.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS |
                    GIT_STATUS_OPT_RENAMES_HEAD_TO_INDEX | GIT_STATUS_OPT_SORT_CASE_SENSITIVELY;
    git_status_list *raw = nullptr;
    const int rc = git_status_list_new(&raw, m_repo.get(), &options);
    if (rc < 0)
        return gitFail(rc, tr("cannot read the status"));
    StatusListPtr list(raw);
    std::vector<StatusEntry> entries;
    const size_t count = git_status_list_entrycount(list.get());
    for (size_t i = 0; i < count; ++i) {
        const git_status_entry *e = git_status_byindex(list.get(), i);
        const unsigned s = e->status;
        if (s == GIT_STATUS_CURRENT || (s & GIT_STATUS_IGNORED))
            continue;
        StatusEntry entry;
        if (s & GIT_STATUS_CONFLICTED) {
            entry.index = entry.worktree = 'U';
        } else if (s & GIT_STATUS_WT_NEW && !(s & GIT_STATUS_INDEX_NEW)) {
            entry.index = entry.worktree = '?';
        } else {
            if (s & GIT_STATUS_INDEX_NEW)
                entry.index = 'A';
            else if (s & GIT_STATUS_INDEX_MODIFIED)
                entry.index = 'M';
            else if (s & GIT_STATUS_INDEX_DELETED)
                entry.index = 'D';
            else if (s & GIT_STATUS_INDEX_RENAMED)
                entry.index = 'R';
            else if (s & GIT_STATUS_INDEX_TYPECHANGE)
                entry.index = 'T';
            if (s & GIT_STATUS_WT_MODIFIED)
                entry.worktree = 'M';
            else if (s & GIT_STATUS_WT_DELETED)
                entry.worktree = 'D';
            else if (s & GIT_STATUS_WT_TYPECHANGE)
                entry.worktree = 'T';
            else if (s & GIT_STATUS_WT_RENAMED)
                entry.worktree = 'R';
        }
        const git_diff_delta *delta = e->head_to_index ? e->head_to_index : e->index_to_workdir;
        entry.path = QString::fromUtf8(delta->new_file.path);
        if (e->head_to_index && (s & GIT_STATUS_INDEX_RENAMED))
            entry.oldPath = QString::fromUtf8(e->head_to_index->old_file.path);
        entries.push_back(std::move(entry));
    }
    return entries;
}

Result<void> Repository::stageAll()
{
    if (isBare())
        return fail(Error::Code::Usage, tr("a bare repository has no working tree"));
    git_index *raw = nullptr;
    int rc = git_repository_index(&raw, m_repo.get());
    if (rc < 0)
        return gitFail(rc, tr("cannot read the index"));
    IndexPtr index(raw);
    PathSpec all(QStringList{QStringLiteral("*")});
    if ((rc = git_index_add_all(index.get(), &all.array, GIT_INDEX_ADD_DEFAULT, nullptr, nullptr)) <
            0 ||
        (rc = git_index_update_all(index.get(), &all.array, nullptr, nullptr)) < 0 ||
        (rc = git_index_write(index.get())) < 0)
        return gitFail(rc, tr("cannot stage the changes"));
    return {};
}

Result<void> Repository::stagePaths(const QStringList &paths)
{
    if (isBare())
        return fail(Error::Code::Usage, tr("a bare repository has no working tree"));
    if (paths.isEmpty())
        return {};
    git_index *raw = nullptr;
    int rc = git_repository_index(&raw, m_repo.get());
    if (rc < 0)
        return gitFail(rc, tr("cannot read the index"));
    IndexPtr index(raw);
    if (auto staged = stageInto(index.get(), workdir(), paths); !staged) {
        if (git_index_read(index.get(), 1) < 0)
            git_error_clear();
        return staged;
    }
    if ((rc = git_index_write(index.get())) < 0)
        return gitFail(rc, tr("cannot stage %1").arg(paths.join(QStringLiteral(", "))));
    return {};
}

Result<void> Repository::unstagePaths(const QStringList &paths)
{
    if (paths.isEmpty())
        return {};
    git_object *head = nullptr;
    int rc = git_revparse_single(&head, m_repo.get(), "HEAD^{commit}");
    if (rc < 0 && rc != GIT_ENOTFOUND)
        return gitFail(rc, tr("cannot read HEAD"));
    git_error_clear();
    PathSpec spec(paths);
    rc = git_reset_default(m_repo.get(), head, &spec.array);
    git_object_free(head);
    if (rc < 0)
        return gitFail(rc, tr("cannot unstage %1").arg(paths.join(QStringLiteral(", "))));
    return {};
}

Result<FileDiff> Repository::diffFile(const QString &path, bool staged, qint64 maxBytes) const
{
    if (isBare())
        return fail(Error::Code::Usage, tr("a bare repository has no working tree"));
    git_diff_options options = GIT_DIFF_OPTIONS_INIT;
    PathSpec spec({path});
    options.pathspec = spec.array;
    options.flags = GIT_DIFF_DISABLE_PATHSPEC_MATCH;
    if (!staged)
        options.flags |= GIT_DIFF_INCLUDE_UNTRACKED | GIT_DIFF_RECURSE_UNTRACKED_DIRS |
                         GIT_DIFF_SHOW_UNTRACKED_CONTENT;
    options.max_size = maxBytes;
    git_diff *rawDiff = nullptr;
    int rc = 0;
    if (staged) {
        TreePtr tree; // none on an unborn branch: everything in the index is new
        git_object *head = nullptr;
        rc = git_revparse_single(&head, m_repo.get(), "HEAD^{tree}");
        if (rc == 0) {
            tree.reset(reinterpret_cast<git_tree *>(head));
        } else if (rc == GIT_ENOTFOUND || rc == GIT_EUNBORNBRANCH) {
            git_error_clear();
        } else {
            return gitFail(rc, tr("cannot read HEAD"));
        }
        rc = git_diff_tree_to_index(&rawDiff, m_repo.get(), tree.get(), nullptr, &options);
    } else {
        rc = git_diff_index_to_workdir(&rawDiff, m_repo.get(), nullptr, &options);
    }
    if (rc < 0)
        return gitFail(rc, tr("cannot compare %1").arg(path));
    DiffPtr diff(rawDiff);
    FileDiff result;
    if (git_diff_num_deltas(diff.get()) == 0)
        return result;
    const git_diff_delta *delta = git_diff_get_delta(diff.get(), 0);
    qint64 size = qint64(std::max(delta->old_file.size, delta->new_file.size));
    if (!staged) {
        const QFileInfo onDisk(QDir(workdir()).filePath(path));
        if (onDisk.isFile())
            size = std::max(size, onDisk.size());
    }
    result.size = size;
    if (size > maxBytes) {
        result.kind = FileDiff::Kind::TooLarge;
        return result;
    }
    git_patch *rawPatch = nullptr;
    if ((rc = git_patch_from_diff(&rawPatch, diff.get(), 0)) < 0)
        return gitFail(rc, tr("cannot compare %1").arg(path));
    PatchPtr patch(rawPatch);
    // No patch: binary or unchanged (git_patch_from_diff marks the delta).
    const git_diff_delta *loaded = patch ? git_patch_get_delta(patch.get()) : delta;
    if (loaded->flags & GIT_DIFF_FLAG_BINARY) {
        result.kind = FileDiff::Kind::Binary;
        return result;
    }
    if (!patch)
        return result;
    git_buf buffer = GIT_BUF_INIT;
    if ((rc = git_patch_to_buf(&buffer, patch.get())) < 0)
        return gitFail(rc, tr("cannot compare %1").arg(path));
    result.text = QByteArray(buffer.ptr, qsizetype(buffer.size));
    git_buf_dispose(&buffer);
    result.kind = FileDiff::Kind::Text;
    if (result.text.size() > maxBytes) {
        const qsizetype cut = result.text.lastIndexOf('\n', qsizetype(maxBytes));
        result.text.truncate(cut > 0 ? cut + 1 : qsizetype(maxBytes));
        result.truncated = true;
    }
    return result;
}

Signature Repository::partialIdentity(IdentityRole role) const
{
    const bool author = role == IdentityRole::Author;
    Signature who{environment(author ? "GIT_AUTHOR_NAME" : "GIT_COMMITTER_NAME"),
                  environment(author ? "GIT_AUTHOR_EMAIL" : "GIT_COMMITTER_EMAIL")};
    if (who.name.isEmpty() || who.email.isEmpty()) {
        git_config *raw = nullptr;
        if (git_repository_config_snapshot(&raw, m_repo.get()) == 0) {
            ConfigPtr config(raw);
            auto read = [&config](const char *key) {
                const char *value = nullptr;
                if (git_config_get_string(&value, config.get(), key) < 0) {
                    git_error_clear();
                    return QString();
                }
                return QString::fromUtf8(value).trimmed();
            };
            if (who.name.isEmpty())
                who.name = read("user.name");
            if (who.email.isEmpty())
                who.email = read("user.email");
        } else {
            git_error_clear();
        }
    }
    if (who.email.isEmpty())
        who.email = environment("EMAIL");
    return who;
}

Result<Signature> Repository::identity(IdentityRole role) const
{
    const Signature who = partialIdentity(role);
    if (!who.name.isEmpty() && !who.email.isEmpty())
        return who;
    const bool author = role == IdentityRole::Author;
    QStringList missing;
    if (who.name.isEmpty())
        missing << QStringLiteral("user.name");
    if (who.email.isEmpty())
        missing << QStringLiteral("user.email");
    return fail(Error::Code::Generic,
                tr("no %1 configured: set %2 (git config --global), or %3")
                    .arg(author ? tr("author") : tr("committer"),
                         missing.join(QStringLiteral(" and ")),
                         author ? QStringLiteral("GIT_AUTHOR_NAME and GIT_AUTHOR_EMAIL")
                                : QStringLiteral("GIT_COMMITTER_NAME and GIT_COMMITTER_EMAIL")));
}

Result<QString> Repository::commit(const QString &message, const CommitContent &content,
                                   const std::optional<Signature> &author)
{
    if (message.trimmed().isEmpty())
        return fail(Error::Code::Usage, tr("the commit message is empty"));
    if (isBare() && (content.all || !content.stage.isEmpty() || !content.unstage.isEmpty()))
        return fail(Error::Code::Usage, tr("a bare repository has no working tree"));
    // Who, before anything else: without an author nothing is staged.
    Signature authorSig;
    if (author) {
        authorSig = *author;
    } else {
        auto configured = identity(IdentityRole::Author);
        if (!configured)
            return std::unexpected(configured.error());
        authorSig = *configured;
    }
    const Signature committerValue = identity(IdentityRole::Committer).value_or(authorSig);

    git_index *rawIndex = nullptr;
    int rc = git_repository_index(&rawIndex, m_repo.get());
    if (rc < 0)
        return gitFail(rc, tr("cannot read the index"));
    IndexPtr index(rawIndex);
    // The staging below happens in the index in memory: on failure it is read from disk again.
    auto unwind = [&index](Error error) -> Result<QString> {
        if (git_index_read(index.get(), 1) < 0)
            git_error_clear();
        return std::unexpected(std::move(error));
    };
    if (content.all) {
        PathSpec all(QStringList{QStringLiteral("*")});
        if ((rc = git_index_add_all(index.get(), &all.array, GIT_INDEX_ADD_DEFAULT, nullptr,
                                    nullptr)) < 0 ||
            (rc = git_index_update_all(index.get(), &all.array, nullptr, nullptr)) < 0)
            return unwind(gitFail(rc, tr("cannot stage the changes")).error());
    }
    if (auto staged = stageInto(index.get(), workdir(), content.stage); !staged)
        return unwind(staged.error());
    if (auto unstaged = unstageInto(m_repo.get(), index.get(), content.unstage); !unstaged)
        return unwind(unstaged.error());

    if (git_index_has_conflicts(index.get()))
        return unwind(
            fail(Error::Code::Conflict, tr("resolve the conflicts before committing")).error());
    git_oid treeId;
    if ((rc = git_index_write_tree(&treeId, index.get())) < 0)
        return unwind(gitFail(rc, tr("cannot write the tree")).error());

    CommitPtr parent;
    git_oid parentId;
    rc = git_reference_name_to_id(&parentId, m_repo.get(), "HEAD");
    if (rc == 0) {
        git_commit *raw = nullptr;
        if ((rc = git_commit_lookup(&raw, m_repo.get(), &parentId)) < 0)
            return unwind(gitFail(rc, tr("cannot read HEAD")).error());
        parent.reset(raw);
        if (git_oid_equal(git_commit_tree_id(parent.get()), &treeId))
            return unwind(fail(Error::Code::Usage, tr("nothing to commit")).error());
    } else if (rc == GIT_ENOTFOUND || rc == GIT_EUNBORNBRANCH) {
        git_error_clear();
        if (git_index_entrycount(index.get()) == 0)
            return unwind(fail(Error::Code::Usage, tr("nothing to commit")).error());
    } else {
        return unwind(gitFail(rc, tr("cannot read HEAD")).error());
    }

    git_tree *rawTree = nullptr;
    if ((rc = git_tree_lookup(&rawTree, m_repo.get(), &treeId)) < 0)
        return unwind(gitFail(rc, tr("cannot read the tree")).error());
    TreePtr tree(rawTree);

    git_signature *rawAuthor = nullptr, *rawCommitter = nullptr;
    if ((rc = git_signature_now(&rawAuthor, authorSig.name.toUtf8().constData(),
                                authorSig.email.toUtf8().constData())) < 0)
        return unwind(gitFail(rc, tr("invalid author")).error());
    SignaturePtr authorPtr(rawAuthor);
    if ((rc = git_signature_now(&rawCommitter, committerValue.name.toUtf8().constData(),
                                committerValue.email.toUtf8().constData())) < 0)
        return unwind(gitFail(rc, tr("invalid committer")).error());
    SignaturePtr committerPtr(rawCommitter);

    QByteArray text = message.toUtf8();
    if (!text.endsWith('\n'))
        text.append('\n');
    const git_commit *parents[] = {parent.get()};
    git_oid commitId;
    rc = git_commit_create(&commitId, m_repo.get(), "HEAD", authorPtr.get(), committerPtr.get(),
                           nullptr, text.constData(), tree.get(), parent ? 1 : 0, parents);
    if (rc < 0)
        return unwind(gitFail(rc, tr("cannot create the commit")).error());
    if ((rc = git_index_write(index.get())) < 0)
        return gitFail(rc, tr("committed %1, but the index could not be written: git status "
                              "may show the committed files as changed")
                               .arg(oidText(commitId).left(8)));
    return oidText(commitId);
}

Result<std::vector<BranchInfo>> Repository::branches() const
{
    git_branch_iterator *rawIt = nullptr;
    int rc = git_branch_iterator_new(&rawIt, m_repo.get(), GIT_BRANCH_LOCAL);
    if (rc < 0)
        return gitFail(rc, tr("cannot list the branches"));
    BranchIteratorPtr it(rawIt);
    std::vector<BranchInfo> result;
    git_reference *raw = nullptr;
    git_branch_t type;
    while ((rc = git_branch_next(&raw, &type, it.get())) == 0) {
        ReferencePtr ref(raw);
        BranchInfo info;
        const char *name = nullptr;
        git_branch_name(&name, ref.get());
        info.name = QString::fromUtf8(name);
        info.current = git_branch_is_head(ref.get()) == 1;
        git_reference *rawUp = nullptr;
        if (git_branch_upstream(&rawUp, ref.get()) == 0) {
            ReferencePtr up(rawUp);
            const char *upName = nullptr;
            git_branch_name(&upName, up.get());
            info.upstream = QString::fromUtf8(upName);
        }
        git_error_clear();
        result.push_back(std::move(info));
    }
    if (rc != GIT_ITEROVER)
        return gitFail(rc, tr("cannot list the branches"));
    git_error_clear();
    std::sort(result.begin(), result.end(),
              [](const BranchInfo &a, const BranchInfo &b) { return a.name < b.name; });
    return result;
}

bool Repository::hasLocalBranch(const QString &name) const
{
    git_reference *raw = nullptr;
    const int rc =
        git_branch_lookup(&raw, m_repo.get(), name.toUtf8().constData(), GIT_BRANCH_LOCAL);
    git_reference_free(raw);
    git_error_clear();
    return rc == 0;
}

// Checks the commit out over the working tree without overwriting local changes; on
// conflicts nothing is written and the files are named.
static Result<void> checkoutSafely(git_repository *repo, const git_oid &commitId)
{
    git_commit *raw = nullptr;
    int rc = git_commit_lookup(&raw, repo, &commitId);
    if (rc < 0)
        return gitFail(rc, tr("cannot read the commit to check out"));
    CommitPtr commit(raw);
    QStringList conflicts;
    git_checkout_options options = GIT_CHECKOUT_OPTIONS_INIT;
    options.checkout_strategy = GIT_CHECKOUT_SAFE;
    options.notify_flags = GIT_CHECKOUT_NOTIFY_CONFLICT;
    options.notify_cb = &collectConflict;
    options.notify_payload = &conflicts;
    rc = git_checkout_tree(repo, reinterpret_cast<const git_object *>(commit.get()), &options);
    if (rc == GIT_ECONFLICT || (rc < 0 && !conflicts.isEmpty())) {
        git_error_clear();
        return fail(Error::Code::Conflict,
                    tr("your local changes to %1 would be overwritten; commit or discard them "
                       "first")
                        .arg(conflicts.join(QStringLiteral(", "))));
    }
    if (rc < 0)
        return gitFail(rc, tr("cannot check out"));
    return {};
}

Result<void> Repository::createBranch(const QString &name, SwitchTo switchTo)
{
    int valid = 0;
    const QByteArray nameBytes = name.toUtf8();
    if (git_branch_name_is_valid(&valid, nameBytes.constData()) < 0 || !valid) {
        git_error_clear();
        return fail(Error::Code::Usage, tr("'%1' is not a valid branch name").arg(name));
    }
    git_oid headId;
    int rc = git_reference_name_to_id(&headId, m_repo.get(), "HEAD");
    if (rc < 0)
        return gitFail(rc, tr("cannot create a branch before the first commit"));
    git_commit *rawCommit = nullptr;
    if ((rc = git_commit_lookup(&rawCommit, m_repo.get(), &headId)) < 0)
        return gitFail(rc, tr("cannot read HEAD"));
    CommitPtr head(rawCommit);
    git_reference *raw = nullptr;
    rc = git_branch_create(&raw, m_repo.get(), nameBytes.constData(), head.get(), 0);
    if (rc == GIT_EEXISTS) {
        git_error_clear();
        return fail(Error::Code::Usage, tr("a branch named %1 already exists").arg(name));
    }
    if (rc < 0)
        return gitFail(rc, tr("cannot create the branch %1").arg(name));
    git_reference_free(raw);
    if (switchTo == SwitchTo::Yes)
        return switchBranch(name);
    return {};
}

Result<void> Repository::switchBranch(const QString &name)
{
    const QByteArray nameBytes = name.toUtf8();
    git_reference *raw = nullptr;
    int rc = git_branch_lookup(&raw, m_repo.get(), nameBytes.constData(), GIT_BRANCH_LOCAL);
    if (rc < 0)
        return gitFail(rc, tr("no branch named %1").arg(name));
    ReferencePtr branch(raw);
    const git_oid *target = git_reference_target(branch.get());
    if (auto checkedOut = checkoutSafely(m_repo.get(), *target); !checkedOut)
        return checkedOut;
    if ((rc = git_repository_set_head(m_repo.get(), git_reference_name(branch.get()))) < 0)
        return gitFail(rc, tr("cannot switch to %1").arg(name));
    return {};
}

Result<QStringList> Repository::remoteBranches() const
{
    git_branch_iterator *rawIt = nullptr;
    int rc = git_branch_iterator_new(&rawIt, m_repo.get(), GIT_BRANCH_REMOTE);
    if (rc < 0)
        return gitFail(rc, tr("cannot list the remote branches"));
    BranchIteratorPtr it(rawIt);
    QStringList names;
    git_reference *raw = nullptr;
    git_branch_t type;
    while ((rc = git_branch_next(&raw, &type, it.get())) == 0) {
        ReferencePtr ref(raw);
        // refs/remotes/origin/HEAD is a symbolic pointer at the remote's default branch.
        if (git_reference_type(ref.get()) == GIT_REFERENCE_SYMBOLIC)
            continue;
        const char *name = nullptr;
        if (git_branch_name(&name, ref.get()) == 0)
            names << QString::fromUtf8(name);
    }
    if (rc != GIT_ITEROVER)
        return gitFail(rc, tr("cannot list the remote branches"));
    git_error_clear();
    names.sort();
    return names;
}

Result<void> Repository::switchToRemoteBranch(const QString &remoteBranch)
{
    git_reference *raw = nullptr;
    int rc =
        git_branch_lookup(&raw, m_repo.get(), remoteBranch.toUtf8().constData(), GIT_BRANCH_REMOTE);
    if (rc < 0)
        return gitFail(rc, tr("no remote branch named %1").arg(remoteBranch));
    ReferencePtr remote(raw);
    git_buf remoteName = GIT_BUF_INIT;
    rc = git_branch_remote_name(&remoteName, m_repo.get(), git_reference_name(remote.get()));
    if (rc < 0)
        return gitFail(rc, tr("cannot tell which remote %1 belongs to").arg(remoteBranch));
    const QString prefix = QString::fromUtf8(remoteName.ptr) + QLatin1Char('/');
    git_buf_dispose(&remoteName);
    const QString local = remoteBranch.mid(prefix.size());
    if (hasLocalBranch(local))
        return switchBranch(local);

    git_commit *rawCommit = nullptr;
    if ((rc = git_commit_lookup(&rawCommit, m_repo.get(), git_reference_target(remote.get()))) < 0)
        return gitFail(rc, tr("cannot read %1").arg(remoteBranch));
    CommitPtr commit(rawCommit);
    // Check out first, so that a refused checkout leaves no new branch behind.
    if (auto checkedOut = checkoutSafely(m_repo.get(), *git_commit_id(commit.get())); !checkedOut)
        return checkedOut;
    git_reference *rawLocal = nullptr;
    if ((rc = git_branch_create(&rawLocal, m_repo.get(), local.toUtf8().constData(), commit.get(),
                                0)) < 0)
        return gitFail(rc, tr("cannot create the branch %1").arg(local));
    ReferencePtr localRef(rawLocal);
    if ((rc = git_branch_set_upstream(localRef.get(), remoteBranch.toUtf8().constData())) < 0)
        return gitFail(rc, tr("cannot set the upstream of %1 to %2").arg(local, remoteBranch));
    if ((rc = git_repository_set_head(m_repo.get(), git_reference_name(localRef.get()))) < 0)
        return gitFail(rc, tr("cannot switch to %1").arg(local));
    return {};
}

Result<QString> Repository::upstreamOf(const QString &branch) const
{
    git_reference *raw = nullptr;
    int rc = git_branch_lookup(&raw, m_repo.get(), branch.toUtf8().constData(), GIT_BRANCH_LOCAL);
    if (rc < 0)
        return gitFail(rc, tr("no branch named %1").arg(branch));
    ReferencePtr local(raw);
    git_reference *rawUp = nullptr;
    rc = git_branch_upstream(&rawUp, local.get());
    if (rc < 0) {
        git_error_clear();
        return fail(Error::Code::NotFound, tr("the branch %1 has no upstream").arg(branch));
    }
    ReferencePtr up(rawUp);
    const char *name = nullptr;
    git_branch_name(&name, up.get());
    return QString::fromUtf8(name);
}

Result<AheadBehind> Repository::aheadBehind(const QString &branch) const
{
    auto upstream = upstreamOf(branch);
    if (!upstream)
        return std::unexpected(upstream.error());
    git_oid local, remote;
    int rc = git_reference_name_to_id(&local, m_repo.get(),
                                      ("refs/heads/" + branch).toUtf8().constData());
    if (rc == 0)
        rc = git_reference_name_to_id(&remote, m_repo.get(),
                                      ("refs/remotes/" + *upstream).toUtf8().constData());
    if (rc < 0)
        return gitFail(rc, tr("cannot compare %1 with %2").arg(branch, *upstream));
    AheadBehind counts;
    if ((rc = git_graph_ahead_behind(&counts.ahead, &counts.behind, m_repo.get(), &local,
                                     &remote)) < 0)
        return gitFail(rc, tr("cannot compare %1 with %2").arg(branch, *upstream));
    return counts;
}

Result<std::size_t> Repository::commitsOnNoRemote(const QString &branch) const
{
    git_oid local;
    int rc = git_reference_name_to_id(&local, m_repo.get(),
                                      ("refs/heads/" + branch).toUtf8().constData());
    if (rc < 0)
        return gitFail(rc, tr("no branch named %1").arg(branch));
    git_revwalk *raw = nullptr;
    if ((rc = git_revwalk_new(&raw, m_repo.get())) < 0)
        return gitFail(rc, tr("cannot read the history of %1").arg(branch));
    std::unique_ptr<git_revwalk, decltype(&git_revwalk_free)> walk(raw, &git_revwalk_free);
    if ((rc = git_revwalk_push(walk.get(), &local)) < 0)
        return gitFail(rc, tr("cannot read the history of %1").arg(branch));
    if ((rc = git_revwalk_hide_glob(walk.get(), "refs/remotes/*")) < 0)
        return gitFail(rc, tr("cannot read the remote branches"));
    std::size_t count = 0;
    git_oid id;
    while ((rc = git_revwalk_next(&id, walk.get())) == 0)
        ++count;
    if (rc != GIT_ITEROVER)
        return gitFail(rc, tr("cannot read the history of %1").arg(branch));
    git_error_clear();
    return count;
}

Result<void> Repository::addRemote(const QString &name, const QString &url)
{
    if (url.contains(QLatin1String("://")) && !QUrl(url).password().isEmpty())
        return fail(Error::Code::Usage,
                    tr("refusing to store a remote URL that contains a password or token: %1")
                        .arg(scrubSecrets(url)));
    git_remote *raw = nullptr;
    const int rc =
        git_remote_create(&raw, m_repo.get(), name.toUtf8().constData(), url.toUtf8().constData());
    if (rc < 0)
        return gitFail(rc, tr("cannot add the remote %1").arg(name));
    git_remote_free(raw);
    return {};
}

Result<QString> Repository::remoteUrl(const QString &name) const
{
    git_remote *raw = nullptr;
    const int rc = git_remote_lookup(&raw, m_repo.get(), name.toUtf8().constData());
    if (rc < 0)
        return gitFail(rc, tr("no remote named %1").arg(name));
    RemotePtr remote(raw);
    return QString::fromUtf8(git_remote_url(remote.get()));
}

Result<void> Repository::fetch(const QString &remoteName, const NetworkOptions &options)
{
    git_remote *raw = nullptr;
    int rc = git_remote_lookup(&raw, m_repo.get(), remoteName.toUtf8().constData());
    if (rc < 0)
        return gitFail(rc, tr("no remote named %1").arg(remoteName));
    RemotePtr remote(raw);
    detail::Operation operation(options, QString::fromUtf8(git_remote_url(remote.get())));
    git_fetch_options fetchOptions = GIT_FETCH_OPTIONS_INIT;
    operation.install(fetchOptions.callbacks);
    rc = git_remote_fetch(remote.get(), nullptr, &fetchOptions, nullptr);
    if (rc < 0)
        return std::unexpected(
            operation.failure(rc, tr("cannot fetch from %1").arg(operation.displayUrl())));
    TransferProgress done;
    done.stage = TransferProgress::Stage::Done;
    operation.report(done, true);
    return {};
}

Result<void> Repository::push(const QString &remoteName, const QString &branch, bool setUpstream,
                              const NetworkOptions &options)
{
    if (!hasLocalBranch(branch))
        return fail(Error::Code::NotFound, tr("no branch named %1").arg(branch));
    git_remote *raw = nullptr;
    int rc = git_remote_lookup(&raw, m_repo.get(), remoteName.toUtf8().constData());
    if (rc < 0)
        return gitFail(rc, tr("no remote named %1").arg(remoteName));
    RemotePtr remote(raw);
    detail::Operation operation(options, QString::fromUtf8(git_remote_url(remote.get())));
    const QString ref = QStringLiteral("refs/heads/") + branch;
    PathSpec refspecs(QStringList{ref + QLatin1Char(':') + ref});
    git_push_options pushOptions = GIT_PUSH_OPTIONS_INIT;
    operation.install(pushOptions.callbacks);
    rc = git_remote_push(remote.get(), &refspecs.array, &pushOptions);
    if (rc < 0)
        return std::unexpected(
            operation.failure(rc, tr("cannot push to %1").arg(operation.displayUrl())));
    const QStringList rejected = operation.rejectedRefs();
    if (!rejected.isEmpty()) {
        const QString joined = rejected.join(QStringLiteral(", "));
        if (joined.contains(QLatin1String("fast-forward")) ||
            joined.contains(QLatin1String("fetch first")))
            return fail(Error::Code::Rejected,
                        tr("push rejected: the remote has commits you do not have; pull first"));
        return fail(Error::Code::Rejected,
                    scrubSecrets(tr("push rejected by %1: %2").arg(operation.displayUrl(), joined),
                                 operation.secrets()));
    }
    if (setUpstream) {
        git_reference *rawLocal = nullptr;
        rc = git_branch_lookup(&rawLocal, m_repo.get(), branch.toUtf8().constData(),
                               GIT_BRANCH_LOCAL);
        if (rc < 0)
            return gitFail(rc, tr("no branch named %1").arg(branch));
        ReferencePtr local(rawLocal);
        const QString upstream = remoteName + QLatin1Char('/') + branch;
        if ((rc = git_branch_set_upstream(local.get(), upstream.toUtf8().constData())) < 0)
            return gitFail(rc, tr("pushed, but cannot set the upstream to %1").arg(upstream));
    }
    TransferProgress done;
    done.stage = TransferProgress::Stage::Done;
    operation.report(done, true);
    return {};
}

Result<PullResult> Repository::pull(PullStrategy strategy, const NetworkOptions &options)
{
    const QString branch = currentBranch();
    if (branch.isEmpty())
        return fail(Error::Code::Usage, tr("HEAD is detached; switch to a branch before pulling"));
    const QByteArray localRef = ("refs/heads/" + branch).toUtf8();

    git_buf buffer = GIT_BUF_INIT;
    int rc = git_branch_upstream_remote(&buffer, m_repo.get(), localRef.constData());
    if (rc < 0) {
        git_error_clear();
        return fail(
            Error::Code::NotFound,
            tr("the branch %1 has no upstream; push it with --set-upstream first").arg(branch));
    }
    const QString remoteName = QString::fromUtf8(buffer.ptr);
    git_buf_dispose(&buffer);
    if ((rc = git_branch_upstream_name(&buffer, m_repo.get(), localRef.constData())) < 0)
        return gitFail(rc, tr("cannot read the upstream of %1").arg(branch));
    const QByteArray upstreamRef(buffer.ptr);
    git_buf_dispose(&buffer);

    if (auto fetched = fetch(remoteName, options); !fetched)
        return std::unexpected(fetched.error());

    git_reference *rawUp = nullptr;
    if ((rc = git_reference_lookup(&rawUp, m_repo.get(), upstreamRef.constData())) < 0) {
        git_error_clear();
        return fail(Error::Code::NotFound,
                    tr("%1 does not exist on %2").arg(QString::fromUtf8(upstreamRef), remoteName));
    }
    ReferencePtr upstream(rawUp);
    git_annotated_commit *rawTheirs = nullptr;
    if ((rc = git_annotated_commit_from_ref(&rawTheirs, m_repo.get(), upstream.get())) < 0)
        return gitFail(rc, tr("cannot read %1").arg(QString::fromUtf8(upstreamRef)));
    AnnotatedPtr theirs(rawTheirs);
    const git_oid theirsId = *git_annotated_commit_id(theirs.get());

    git_merge_analysis_t analysis;
    git_merge_preference_t preference;
    const git_annotated_commit *heads[] = {theirs.get()};
    if ((rc = git_merge_analysis(&analysis, &preference, m_repo.get(), heads, 1)) < 0)
        return gitFail(rc, tr("cannot compare %1 with its upstream").arg(branch));

    PullResult result;
    if (analysis & GIT_MERGE_ANALYSIS_UP_TO_DATE) {
        auto head = headCommit();
        result.head = head ? *head : QString();
        return result;
    }

    git_oid newHead = theirsId;
    if (analysis & (GIT_MERGE_ANALYSIS_FASTFORWARD | GIT_MERGE_ANALYSIS_UNBORN)) {
        result.outcome = PullResult::Outcome::FastForwarded;
    } else {
        git_oid oursId;
        if ((rc = git_reference_name_to_id(&oursId, m_repo.get(), localRef.constData())) < 0)
            return gitFail(rc, tr("cannot read %1").arg(branch));
        git_commit *rawOurs = nullptr, *rawTheirsCommit = nullptr;
        if ((rc = git_commit_lookup(&rawOurs, m_repo.get(), &oursId)) < 0)
            return gitFail(rc, tr("cannot read %1").arg(branch));
        CommitPtr oursCommit(rawOurs);
        if ((rc = git_commit_lookup(&rawTheirsCommit, m_repo.get(), &theirsId)) < 0)
            return gitFail(rc, tr("cannot read the upstream commit"));
        CommitPtr theirsCommit(rawTheirsCommit);
        auto who = defaultSignature();
        if (!who)
            return std::unexpected(who.error());
        git_signature *rawSig = nullptr;
        if ((rc = git_signature_now(&rawSig, who->name.toUtf8().constData(),
                                    who->email.toUtf8().constData())) < 0)
            return gitFail(rc, tr("invalid committer"));
        SignaturePtr signature(rawSig);

        if (strategy == PullStrategy::Merge) {
            git_index *rawIndex = nullptr;
            git_merge_options mergeOptions = GIT_MERGE_OPTIONS_INIT;
            if ((rc = git_merge_commits(&rawIndex, m_repo.get(), oursCommit.get(),
                                        theirsCommit.get(), &mergeOptions)) < 0)
                return gitFail(rc, tr("cannot merge %1").arg(QString::fromUtf8(upstreamRef)));
            IndexPtr merged(rawIndex);
            if (git_index_has_conflicts(merged.get())) {
                result.outcome = PullResult::Outcome::Conflicts;
                result.conflicts = conflictedPaths(merged.get());
                result.head = oidText(oursId);
                return result;
            }
            git_oid treeId;
            if ((rc = git_index_write_tree_to(&treeId, merged.get(), m_repo.get())) < 0)
                return gitFail(rc, tr("cannot write the merged tree"));
            git_tree *rawTree = nullptr;
            if ((rc = git_tree_lookup(&rawTree, m_repo.get(), &treeId)) < 0)
                return gitFail(rc, tr("cannot read the merged tree"));
            TreePtr tree(rawTree);
            const QString upstreamName =
                QString::fromUtf8(upstreamRef).mid(int(qstrlen("refs/remotes/")));
            const QByteArray message =
                QStringLiteral("Merge remote-tracking branch '%1'\n").arg(upstreamName).toUtf8();
            const git_commit *parents[] = {oursCommit.get(), theirsCommit.get()};
            // No ref is updated here: the branch moves only after the checkout succeeded.
            if ((rc = git_commit_create(&newHead, m_repo.get(), nullptr, signature.get(),
                                        signature.get(), nullptr, message.constData(), tree.get(),
                                        2, parents)) < 0)
                return gitFail(rc, tr("cannot create the merge commit"));
            result.outcome = PullResult::Outcome::Merged;
        } else {
            git_annotated_commit *rawOursAnnotated = nullptr;
            if ((rc = git_annotated_commit_lookup(&rawOursAnnotated, m_repo.get(), &oursId)) < 0)
                return gitFail(rc, tr("cannot read %1").arg(branch));
            AnnotatedPtr oursAnnotated(rawOursAnnotated);
            git_rebase_options rebaseOptions = GIT_REBASE_OPTIONS_INIT;
            rebaseOptions.inmemory = 1;
            git_rebase *rawRebase = nullptr;
            if ((rc = git_rebase_init(&rawRebase, m_repo.get(), oursAnnotated.get(), theirs.get(),
                                      nullptr, &rebaseOptions)) < 0)
                return gitFail(rc, tr("cannot rebase %1").arg(branch));
            RebasePtr rebase(rawRebase);
            git_rebase_operation *step = nullptr;
            while ((rc = git_rebase_next(&step, rebase.get())) == 0) {
                git_index *rawIndex = nullptr;
                if ((rc = git_rebase_inmemory_index(&rawIndex, rebase.get())) < 0)
                    return gitFail(rc, tr("cannot rebase %1").arg(branch));
                IndexPtr index(rawIndex);
                if (git_index_has_conflicts(index.get())) {
                    result.outcome = PullResult::Outcome::Conflicts;
                    result.conflicts = conflictedPaths(index.get());
                    result.head = oidText(oursId);
                    git_rebase_abort(rebase.get());
                    git_error_clear();
                    return result;
                }
                git_oid rebased;
                rc = git_rebase_commit(&rebased, rebase.get(), nullptr, signature.get(), nullptr,
                                       nullptr);
                if (rc == GIT_EAPPLIED) {
                    git_error_clear();
                    continue; // the upstream already has this change
                }
                if (rc < 0)
                    return gitFail(rc, tr("cannot rebase %1").arg(branch));
                newHead = rebased;
            }
            if (rc != GIT_ITEROVER)
                return gitFail(rc, tr("cannot rebase %1").arg(branch));
            git_error_clear();
            result.outcome = PullResult::Outcome::Rebased;
        }
    }

    if (!isBare()) {
        if (auto checkedOut = checkoutSafely(m_repo.get(), newHead); !checkedOut)
            return std::unexpected(checkedOut.error());
    }
    git_reference *rawMoved = nullptr;
    const QByteArray reflog =
        QStringLiteral("pull: %1").arg(QString::fromUtf8(upstreamRef)).toUtf8();
    if ((rc = git_reference_create(&rawMoved, m_repo.get(), localRef.constData(), &newHead, 1,
                                   reflog.constData())) < 0)
        return gitFail(rc, tr("cannot move %1").arg(branch));
    git_reference_free(rawMoved);
    result.head = oidText(newHead);
    return result;
}

// --- publishing a change from any branch: the remote's default branch, carrying a change ---

namespace {

// A file in a tree (blobs only: a folder at the path counts as no file).
struct TreeFile
{
    bool present = false;
    git_oid id{};
    git_filemode_t mode = GIT_FILEMODE_BLOB;
};

TreeFile treeFile(git_tree *tree, const QString &path)
{
    TreeFile out;
    if (!tree)
        return out;
    git_tree_entry *raw = nullptr;
    if (git_tree_entry_bypath(&raw, tree, path.toUtf8().constData()) < 0) {
        git_error_clear();
        return out;
    }
    if (git_tree_entry_type(raw) == GIT_OBJECT_BLOB) {
        out.present = true;
        out.id = *git_tree_entry_id(raw);
        out.mode = git_tree_entry_filemode(raw);
    }
    git_tree_entry_free(raw);
    return out;
}

Result<QByteArray> blobBytes(git_repository *repo, const git_oid &id)
{
    git_blob *raw = nullptr;
    const int rc = git_blob_lookup(&raw, repo, &id);
    if (rc < 0)
        return gitFail(rc, tr("cannot read a file from the repository"));
    QByteArray bytes(static_cast<const char *>(git_blob_rawcontent(raw)),
                     qsizetype(git_blob_rawsize(raw)));
    git_blob_free(raw);
    return bytes;
}

git_oid blobId(const QByteArray &bytes)
{
    git_oid id;
    git_odb_hash(&id, bytes.constData(), size_t(bytes.size()), GIT_OBJECT_BLOB);
    return id;
}

// The file's content as the tree has it (both absent, or the same blob).
bool sameContent(const std::optional<QByteArray> &bytes, const TreeFile &file)
{
    if (!bytes || !file.present)
        return !bytes && !file.present;
    const git_oid id = blobId(*bytes);
    return git_oid_equal(&id, &file.id) != 0;
}

std::optional<QByteArray> diskBytes(const QString &path)
{
    // Only a regular file, under readFile's size cap; anything else counts as absent.
    auto bytes = readFile(path);
    return bytes ? std::optional<QByteArray>(*bytes) : std::nullopt;
}

Result<CommitPtr> lookupCommit(git_repository *repo, const QString &revision)
{
    git_object *raw = nullptr;
    int rc = git_revparse_single(&raw, repo, revision.toUtf8().constData());
    if (rc < 0)
        return gitFail(rc, tr("no commit named %1").arg(revision));
    git_object *peeled = nullptr;
    rc = git_object_peel(&peeled, raw, GIT_OBJECT_COMMIT);
    git_object_free(raw);
    if (rc < 0)
        return gitFail(rc, tr("%1 is not a commit").arg(revision));
    return CommitPtr(reinterpret_cast<git_commit *>(peeled));
}

Result<TreePtr> commitTree(git_commit *commit)
{
    git_tree *raw = nullptr;
    const int rc = git_commit_tree(&raw, commit);
    if (rc < 0)
        return gitFail(rc, tr("cannot read a commit's files"));
    return TreePtr(raw);
}

// `tree` with `files` written over it (std::nullopt removes the file). New files take their
// mode from `modes` when it has them.
Result<TreePtr> treeWith(git_repository *repo, git_tree *tree,
                         const QHash<QString, std::optional<QByteArray>> &files, git_tree *modes)
{
    QStringList paths = files.keys();
    paths.sort();
    std::vector<QByteArray> pathBytes;
    pathBytes.reserve(std::size_t(paths.size()));
    std::vector<git_tree_update> updates;
    for (const QString &path : std::as_const(paths)) {
        pathBytes.push_back(path.toUtf8());
        const TreeFile there = treeFile(tree, path);
        const std::optional<QByteArray> &content = files.value(path);
        git_tree_update update{};
        update.path = pathBytes.back().constData();
        if (content) {
            const int rc = git_blob_create_from_buffer(&update.id, repo, content->constData(),
                                                       size_t(content->size()));
            if (rc < 0)
                return gitFail(rc, tr("cannot store %1").arg(path));
            update.action = GIT_TREE_UPDATE_UPSERT;
            const TreeFile other = treeFile(modes, path);
            update.filemode = there.present   ? there.mode
                              : other.present ? other.mode
                                              : GIT_FILEMODE_BLOB;
        } else {
            if (!there.present)
                continue;
            update.action = GIT_TREE_UPDATE_REMOVE;
        }
        updates.push_back(update);
    }
    git_oid id;
    int rc = git_tree_create_updated(&id, repo, tree, updates.size(), updates.data());
    if (rc < 0)
        return gitFail(rc, tr("cannot build the commit's files"));
    git_tree *raw = nullptr;
    if ((rc = git_tree_lookup(&raw, repo, &id)) < 0)
        return gitFail(rc, tr("cannot build the commit's files"));
    return TreePtr(raw);
}

// Checks `target` out safely over a working tree that holds `baseline` plus local changes;
// answers the files whose local changes stand in the way (nothing written then).
Result<QStringList> checkoutOver(git_repository *repo, git_tree *target, git_tree *baseline,
                                 bool dryRun)
{
    QStringList conflicts;
    git_checkout_options options = GIT_CHECKOUT_OPTIONS_INIT;
    options.checkout_strategy = GIT_CHECKOUT_SAFE | (dryRun ? unsigned(GIT_CHECKOUT_DRY_RUN) : 0u);
    options.baseline = baseline;
    options.notify_flags = GIT_CHECKOUT_NOTIFY_CONFLICT;
    options.notify_cb = &collectConflict;
    options.notify_payload = &conflicts;
    const int rc = git_checkout_tree(repo, reinterpret_cast<const git_object *>(target), &options);
    if (rc == GIT_ECONFLICT || (rc < 0 && !conflicts.isEmpty())) {
        git_error_clear();
        conflicts.removeDuplicates();
        return conflicts;
    }
    if (rc < 0)
        return gitFail(rc, tr("cannot check out"));
    return conflicts;
}

} // namespace

Result<QString> Repository::fetchDefaultBranch(const QString &remoteName,
                                               const NetworkOptions &options,
                                               const QString &preferred)
{
    git_remote *raw = nullptr;
    int rc = git_remote_lookup(&raw, m_repo.get(), remoteName.toUtf8().constData());
    if (rc < 0)
        return gitFail(rc, tr("no remote named %1").arg(remoteName));
    RemotePtr remote(raw);
    detail::Operation operation(options, QString::fromUtf8(git_remote_url(remote.get())));
    git_fetch_options fetchOptions = GIT_FETCH_OPTIONS_INIT;
    operation.install(fetchOptions.callbacks);
    rc = git_remote_fetch(remote.get(), nullptr, &fetchOptions, nullptr);
    if (rc < 0)
        return std::unexpected(
            operation.failure(rc, tr("cannot fetch from %1").arg(operation.displayUrl())));
    TransferProgress done;
    done.stage = TransferProgress::Stage::Done;
    operation.report(done, true);

    const QString tracking = QStringLiteral("refs/remotes/") + remoteName + QLatin1Char('/');
    const auto exists = [&](const QString &branch) {
        git_oid id;
        if (branch.isEmpty() ||
            git_reference_name_to_id(&id, m_repo.get(), (tracking + branch).toUtf8().constData()) <
                0) {
            git_error_clear();
            return false;
        }
        return true;
    };
    // What the remote advertises as its HEAD (the refs stay readable after the fetch).
    git_buf buffer = GIT_BUF_INIT;
    if (git_remote_default_branch(&buffer, remote.get()) == 0) {
        QString name = QString::fromUtf8(buffer.ptr);
        git_buf_dispose(&buffer);
        name.remove(QRegularExpression(QStringLiteral("^refs/heads/")));
        if (exists(name))
            return name;
    } else {
        git_error_clear();
    }
    // The remote's HEAD as the clone recorded it.
    git_reference *rawHead = nullptr;
    if (git_reference_lookup(&rawHead, m_repo.get(),
                             (tracking + QStringLiteral("HEAD")).toUtf8().constData()) == 0) {
        ReferencePtr head(rawHead);
        if (git_reference_type(head.get()) == GIT_REFERENCE_SYMBOLIC) {
            const QString target = QString::fromUtf8(git_reference_symbolic_target(head.get()));
            if (target.startsWith(tracking) && exists(target.mid(tracking.size())))
                return target.mid(tracking.size());
        }
    } else {
        git_error_clear();
    }
    for (const QString &name : {preferred, QStringLiteral("main"), QStringLiteral("master")})
        if (exists(name))
            return name;
    return fail(Error::Code::NotFound,
                tr("%1 names no default branch and has no main or master branch")
                    .arg(operation.displayUrl()));
}

Result<QString> Repository::resolveCommit(const QString &revision) const
{
    auto commit = lookupCommit(m_repo.get(), revision);
    if (!commit)
        return std::unexpected(commit.error());
    return oidText(*git_commit_id(commit->get()));
}

Result<CarriedChange>
Repository::planCarry(const QString &baseCommit,
                      const QHash<QString, std::optional<QByteArray>> &changes) const
{
    if (isBare())
        return fail(Error::Code::Usage, tr("a bare repository has no working tree"));
    auto base = lookupCommit(m_repo.get(), baseCommit);
    if (!base)
        return std::unexpected(base.error());
    auto head = lookupCommit(m_repo.get(), QStringLiteral("HEAD"));
    if (!head)
        return std::unexpected(head.error());
    auto baseTree = commitTree(base->get());
    auto headTree =
        baseTree ? commitTree(head->get()) : Result<TreePtr>(std::unexpected(baseTree.error()));
    if (!headTree)
        return std::unexpected(headTree.error());
    git_index *rawIndex = nullptr;
    int rc = git_repository_index(&rawIndex, m_repo.get());
    if (rc < 0)
        return gitFail(rc, tr("cannot read the index"));
    IndexPtr index(rawIndex);

    CarriedChange out;
    out.baseCommit = oidText(*git_commit_id(base->get()));
    QHash<QString, std::optional<QByteArray>> onDisk;
    QStringList dirty, conflicts;
    QStringList paths = changes.keys();
    paths.sort();
    const QDir root(workdir());
    for (const QString &path : std::as_const(paths)) {
        const std::optional<QByteArray> &wanted = changes.value(path);
        const TreeFile ancestor = treeFile(headTree->get(), path);
        const TreeFile theirs = treeFile(baseTree->get(), path);
        const std::optional<QByteArray> disk = diskBytes(root.filePath(path));
        onDisk.insert(path, disk);
        // On disk and in the index: HEAD's content or the new one, nothing else.
        const bool diskIsNew =
            disk.has_value() == wanted.has_value() && (!disk || *disk == *wanted);
        const git_index_entry *staged =
            git_index_get_bypath(index.get(), path.toUtf8().constData(), 0);
        bool indexOk = false;
        if (!staged)
            indexOk = !ancestor.present || !wanted;
        else if (ancestor.present && git_oid_equal(&staged->id, &ancestor.id))
            indexOk = true;
        else if (wanted) {
            const git_oid id = blobId(*wanted);
            indexOk = git_oid_equal(&staged->id, &id) != 0;
        }
        if (!(sameContent(disk, ancestor) || diskIsNew) || !indexOk) {
            dirty << path;
            continue;
        }
        if (ancestor.present == theirs.present &&
            (!ancestor.present || git_oid_equal(&ancestor.id, &theirs.id))) {
            out.files.insert(path, wanted); // the base has HEAD's version
            continue;
        }
        if (sameContent(wanted, theirs)) {
            out.files.insert(path, wanted);
            continue;
        }
        if (sameContent(wanted, ancestor)) { // not changed: the base's version stays
            if (theirs.present) {
                auto bytes = blobBytes(m_repo.get(), theirs.id);
                if (!bytes)
                    return std::unexpected(bytes.error());
                out.files.insert(path, *bytes);
            } else {
                out.files.insert(path, std::nullopt);
            }
            continue;
        }
        if (!wanted) {
            conflicts << tr("%1 (deleted here, changed there)").arg(path);
            continue;
        }
        if (!theirs.present) {
            conflicts << tr("%1 (not there)").arg(path);
            continue;
        }
        if (!ancestor.present) {
            conflicts << tr("%1 (a different file of that name is there)").arg(path);
            continue;
        }
        auto ancestorBytes = blobBytes(m_repo.get(), ancestor.id);
        auto theirsBytes = blobBytes(m_repo.get(), theirs.id);
        if (!ancestorBytes || !theirsBytes)
            return std::unexpected(!ancestorBytes ? ancestorBytes.error() : theirsBytes.error());
        const QByteArray pathBytes = path.toUtf8();
        git_merge_file_input common = GIT_MERGE_FILE_INPUT_INIT, ours = GIT_MERGE_FILE_INPUT_INIT,
                             mine = GIT_MERGE_FILE_INPUT_INIT;
        common.ptr = ancestorBytes->constData();
        common.size = size_t(ancestorBytes->size());
        common.path = pathBytes.constData();
        common.mode = ancestor.mode;
        ours.ptr = theirsBytes->constData();
        ours.size = size_t(theirsBytes->size());
        ours.path = pathBytes.constData();
        ours.mode = theirs.mode;
        mine.ptr = wanted->constData();
        mine.size = size_t(wanted->size());
        mine.path = pathBytes.constData();
        mine.mode = ancestor.mode;
        git_merge_file_result merged{};
        if ((rc = git_merge_file(&merged, &common, &ours, &mine, nullptr)) < 0)
            return gitFail(rc, tr("cannot merge %1").arg(path));
        if (merged.automergeable)
            out.files.insert(path, QByteArray(merged.ptr, qsizetype(merged.len)));
        else
            conflicts << tr("%1 (the same lines changed there)").arg(path);
        git_merge_file_result_free(&merged);
    }
    if (!dirty.isEmpty())
        return fail(Error::Code::Conflict,
                    tr("%1 has uncommitted changes that are not part of this change; commit or "
                       "discard them first")
                        .arg(dirty.join(QStringLiteral(", "))));
    if (!conflicts.isEmpty())
        return fail(Error::Code::Conflict,
                    tr("the change does not apply to %1: %2")
                        .arg(out.baseCommit.left(8), conflicts.join(QStringLiteral(", "))));
    // Would switching to the result overwrite other local changes?
    auto target = treeWith(m_repo.get(), baseTree->get(), out.files, headTree->get());
    if (!target)
        return std::unexpected(target.error());
    auto baseline = treeWith(m_repo.get(), headTree->get(), onDisk, headTree->get());
    if (!baseline)
        return std::unexpected(baseline.error());
    auto inTheWay = checkoutOver(m_repo.get(), target->get(), baseline->get(), true);
    if (!inTheWay)
        return std::unexpected(inTheWay.error());
    if (!inTheWay->isEmpty())
        return fail(Error::Code::Conflict,
                    tr("your local changes to %1 would be overwritten by switching to %2; "
                       "commit, stash or discard them first")
                        .arg(inTheWay->join(QStringLiteral(", ")), out.baseCommit.left(8)));
    return out;
}

Result<QString> Repository::commitCarried(const QString &branch, const CarriedChange &change,
                                          const QString &message,
                                          const std::optional<Signature> &author)
{
    if (message.trimmed().isEmpty())
        return fail(Error::Code::Usage, tr("the commit message is empty"));
    int valid = 0;
    const QByteArray nameBytes = branch.toUtf8();
    if (git_branch_name_is_valid(&valid, nameBytes.constData()) < 0 || !valid) {
        git_error_clear();
        return fail(Error::Code::Usage, tr("'%1' is not a valid branch name").arg(branch));
    }
    if (hasLocalBranch(branch))
        return fail(Error::Code::Usage, tr("a branch named %1 already exists").arg(branch));
    auto base = lookupCommit(m_repo.get(), change.baseCommit);
    if (!base)
        return std::unexpected(base.error());
    auto head = lookupCommit(m_repo.get(), QStringLiteral("HEAD"));
    if (!head)
        return std::unexpected(head.error());
    auto baseTree = commitTree(base->get());
    if (!baseTree)
        return std::unexpected(baseTree.error());
    auto headTree = commitTree(head->get());
    if (!headTree)
        return std::unexpected(headTree.error());
    auto target = treeWith(m_repo.get(), baseTree->get(), change.files, headTree->get());
    if (!target)
        return std::unexpected(target.error());
    if (git_oid_equal(git_tree_id(target->get()), git_tree_id(baseTree->get())))
        return fail(Error::Code::Usage, tr("nothing to commit"));

    Signature authorSig;
    if (author) {
        authorSig = *author;
    } else {
        auto configured = defaultSignature();
        if (!configured)
            return std::unexpected(configured.error());
        authorSig = *configured;
    }
    const Signature committerValue = identity(IdentityRole::Committer).value_or(authorSig);
    git_signature *rawAuthor = nullptr, *rawCommitter = nullptr;
    int rc = git_signature_now(&rawAuthor, authorSig.name.toUtf8().constData(),
                               authorSig.email.toUtf8().constData());
    if (rc < 0)
        return gitFail(rc, tr("invalid author"));
    SignaturePtr authorPtr(rawAuthor);
    if ((rc = git_signature_now(&rawCommitter, committerValue.name.toUtf8().constData(),
                                committerValue.email.toUtf8().constData())) < 0)
        return gitFail(rc, tr("invalid committer"));
    SignaturePtr committerPtr(rawCommitter);
    QByteArray text = message.toUtf8();
    if (!text.endsWith('\n'))
        text.append('\n');
    const git_commit *parents[] = {base->get()};
    git_oid commitId;
    // No ref moves yet: the branch is made only after the checkout succeeded.
    if ((rc = git_commit_create(&commitId, m_repo.get(), nullptr, authorPtr.get(),
                                committerPtr.get(), nullptr, text.constData(), target->get(), 1,
                                parents)) < 0)
        return gitFail(rc, tr("cannot create the commit"));

    // The carried files on disk now (HEAD's content, or the new one when saved already).
    QHash<QString, std::optional<QByteArray>> onDisk;
    const QDir root(workdir());
    for (auto it = change.files.constBegin(); it != change.files.constEnd(); ++it)
        onDisk.insert(it.key(), diskBytes(root.filePath(it.key())));
    auto baseline = treeWith(m_repo.get(), headTree->get(), onDisk, headTree->get());
    if (!baseline)
        return std::unexpected(baseline.error());
    auto inTheWay = checkoutOver(m_repo.get(), target->get(), baseline->get(), false);
    if (!inTheWay)
        return std::unexpected(inTheWay.error());
    if (!inTheWay->isEmpty())
        return fail(Error::Code::Conflict,
                    tr("your local changes to %1 would be overwritten; commit or discard them "
                       "first")
                        .arg(inTheWay->join(QStringLiteral(", "))));
    git_commit *rawCommit = nullptr;
    if ((rc = git_commit_lookup(&rawCommit, m_repo.get(), &commitId)) < 0)
        return gitFail(rc, tr("cannot read the new commit"));
    CommitPtr commit(rawCommit);
    git_reference *rawRef = nullptr;
    if ((rc = git_branch_create(&rawRef, m_repo.get(), nameBytes.constData(), commit.get(), 0)) < 0)
        return gitFail(rc, tr("cannot create the branch %1").arg(branch));
    ReferencePtr ref(rawRef);
    if ((rc = git_repository_set_head(m_repo.get(), git_reference_name(ref.get()))) < 0)
        return gitFail(rc, tr("cannot switch to %1").arg(branch));
    // The carried files in the index as committed (a file whose new content was on disk
    // already was not touched by the checkout).
    git_index *rawIndex = nullptr;
    if ((rc = git_repository_index(&rawIndex, m_repo.get())) < 0)
        return gitFail(rc, tr("cannot read the index"));
    IndexPtr index(rawIndex);
    if ((rc = git_index_read(index.get(), 1)) < 0)
        return gitFail(rc, tr("cannot read the index"));
    for (auto it = change.files.constBegin(); it != change.files.constEnd(); ++it) {
        const QByteArray path = it.key().toUtf8();
        if (it.value())
            rc = git_index_add_bypath(index.get(), path.constData());
        else if (git_index_get_bypath(index.get(), path.constData(), 0))
            rc = git_index_remove_bypath(index.get(), path.constData());
        else
            rc = 0;
        if (rc < 0)
            return gitFail(rc, tr("cannot stage %1").arg(it.key()));
    }
    if ((rc = git_index_write(index.get())) < 0)
        return gitFail(rc, tr("cannot write the index"));
    return oidText(commitId);
}

Result<void> setGlobalIdentity(const Signature &identity)
{
    if (identity.name.trimmed().isEmpty() || identity.email.trimmed().isEmpty())
        return fail(Error::Code::Usage, tr("both a name and an e-mail address are needed"));
    Library library;
    // The file git config --global writes: ~/.gitconfig when it exists, else the XDG one when
    // that exists, else a new ~/.gitconfig.
    QString path;
    git_buf found = GIT_BUF_INIT;
    if (git_config_find_global(&found) == 0 || git_config_find_xdg(&found) == 0)
        path = QFile::decodeName(QByteArray(found.ptr, qsizetype(found.size)));
    git_buf_dispose(&found);
    git_error_clear();
    if (path.isEmpty())
        path = QDir::homePath() + QStringLiteral("/.gitconfig");
    git_config *raw = nullptr;
    int rc = git_config_open_ondisk(&raw, QFile::encodeName(path).constData());
    if (rc < 0)
        return gitFail(rc, tr("cannot open %1").arg(path));
    ConfigPtr config(raw);
    // Each value is written through a lock file and renamed into place.
    if ((rc = git_config_set_string(config.get(), "user.name",
                                    identity.name.trimmed().toUtf8().constData())) < 0 ||
        (rc = git_config_set_string(config.get(), "user.email",
                                    identity.email.trimmed().toUtf8().constData())) < 0)
        return gitFail(rc, tr("cannot write %1").arg(path));
    return {};
}

} // namespace kanri::git
