#include "git/gitworktree.h"

#include "core/fileio.h"
#include "core/workerpool.h"

#include "diff/linediff.h"
#include "git/giterrors.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QtConcurrentRun>

#include <algorithm>
#include <memory>

#include <git2.h>

namespace kanri::git {

using detail::gitFail;
using detail::tr;

namespace {

WorktreeStatus readOne(const WorktreeRef &ref, const QSet<QString> &unsaved,
                       const QStringList &secrets)
{
    WorktreeStatus changes;
    changes.name = ref.name;
    changes.path = ref.path;
    auto repo = Repository::open(ref.path);
    if (!repo) {
        changes.cloned = repo.error().code != Error::Code::NotFound;
        changes.error = scrubSecrets(repo.error().message, secrets);
        return changes;
    }
    changes.branch = repo->currentBranch();
    if (auto counts = repo->aheadBehind(changes.branch)) {
        changes.ahead = int(counts->ahead);
        changes.behind = int(counts->behind);
        changes.unpushed = changes.ahead;
    } else if (!changes.branch.isEmpty()) {
        changes.unpushed = int(repo->commitsOnNoRemote(changes.branch).value_or(0));
    }
    const QDir root(ref.path);
    QSet<QString> listed;
    if (auto status = repo->status()) {
        for (const StatusEntry &entry : *status) {
            WorktreeFile file;
            file.path = entry.path;
            file.oldPath = entry.oldPath;
            file.absolutePath = QDir::cleanPath(root.filePath(entry.path));
            file.index = entry.index;
            file.worktree = entry.worktree;
            file.unsaved = unsaved.contains(file.absolutePath);
            listed.insert(file.absolutePath);
            changes.files << file;
        }
    } else {
        changes.error = scrubSecrets(status.error().message, secrets);
    }
    for (const QString &path : unsaved) {
        if (listed.contains(path) || !path.startsWith(ref.path + QLatin1Char('/')))
            continue;
        WorktreeFile file;
        file.path = root.relativeFilePath(path);
        file.absolutePath = path;
        file.unsaved = true;
        changes.files << file;
    }
    std::sort(changes.files.begin(), changes.files.end(),
              [](const WorktreeFile &a, const WorktreeFile &b) { return a.path < b.path; });
    return changes;
}

using RepositoryPtr = std::unique_ptr<git_repository, decltype(&git_repository_free)>;
using ObjectPtr = std::unique_ptr<git_object, decltype(&git_object_free)>;
using BlobPtr = std::unique_ptr<git_blob, decltype(&git_blob_free)>;
using IndexPtr = std::unique_ptr<git_index, decltype(&git_index_free)>;

FileContent blobContent(const git_blob *blob, qint64 maxBytes)
{
    FileContent content;
    content.size = qint64(git_blob_rawsize(blob));
    content.tooLarge = content.size > maxBytes;
    if (!content.tooLarge)
        content.bytes = QByteArray(static_cast<const char *>(git_blob_rawcontent(blob)),
                                   qsizetype(content.size));
    return content;
}

Result<FileContent> readBlob(const QString &gitDir, const QString &path, FileVersion version,
                             qint64 maxBytes)
{
    // A handle of our own: Repository keeps its one private, and this runs on any thread.
    git_repository *raw = nullptr;
    int rc = git_repository_open(&raw, QFile::encodeName(gitDir).constData());
    if (rc < 0)
        return gitFail(rc, tr("cannot open the repository %1").arg(gitDir));
    const RepositoryPtr repo(raw, &git_repository_free);
    const QByteArray relative = path.toUtf8();
    if (version == FileVersion::Head) {
        git_object *object = nullptr;
        rc = git_revparse_single(&object, repo.get(), ("HEAD:" + relative).constData());
        if (rc == GIT_ENOTFOUND || rc == GIT_EUNBORNBRANCH) {
            git_error_clear();
            return fail(Error::Code::NotFound, tr("%1 matches no file").arg(path));
        }
        if (rc < 0)
            return gitFail(rc, tr("cannot read HEAD"));
        const ObjectPtr owned(object, &git_object_free);
        if (git_object_type(object) != GIT_OBJECT_BLOB)
            return fail(Error::Code::Usage, tr("%1 is a folder, not a file").arg(path));
        return blobContent(reinterpret_cast<const git_blob *>(object), maxBytes);
    }
    git_index *rawIndex = nullptr;
    if ((rc = git_repository_index(&rawIndex, repo.get())) < 0)
        return gitFail(rc, tr("cannot read a file from the repository"));
    const IndexPtr index(rawIndex, &git_index_free);
    const git_index_entry *entry = git_index_get_bypath(index.get(), relative.constData(), 0);
    if (!entry)
        return fail(Error::Code::NotFound, tr("%1 matches no file").arg(path));
    git_blob *blob = nullptr;
    if ((rc = git_blob_lookup(&blob, repo.get(), &entry->id)) < 0)
        return gitFail(rc, tr("cannot read a file from the repository"));
    const BlobPtr owned(blob, &git_blob_free);
    return blobContent(blob, maxBytes);
}

Result<FileContent> readDisk(const QString &absolutePath, const QString &path, qint64 maxBytes)
{
    const QFileInfo info(absolutePath);
    if (!info.exists())
        return fail(Error::Code::NotFound, tr("%1 matches no file").arg(path));
    if (info.isDir())
        return fail(Error::Code::Usage, tr("%1 is a folder, not a file").arg(path));
    FileContent content;
    content.size = info.size();
    content.tooLarge = content.size > maxBytes;
    if (content.tooLarge)
        return content;
    // A FIFO, a device or a link to one is refused before it is opened (it could block).
    auto bytes = readFile(absolutePath, maxBytes);
    if (!bytes) {
        Error e = bytes.error();
        e.file = path;
        return std::unexpected(e);
    }
    content.bytes = *bytes;
    return content;
}

// What saving the editor's content would change: the file on disk against it.
WorktreeDiffPart unsavedPart(const WorktreeDiffRequest &request)
{
    WorktreeDiffPart part;
    part.side = WorktreeDiffPart::Side::Unsaved;
    const QByteArray &edited = *request.unsaved;
    const QString absolute = QDir::cleanPath(QDir(request.repository.path).filePath(request.path));
    // A file not on disk yet (or unreadable) compares as empty.
    const FileContent disk =
        readDisk(absolute, request.path, request.maxBytes).value_or(FileContent{});
    if (disk.tooLarge || edited.size() > request.maxBytes) {
        part.note = WorktreeDiffPart::Note::TooLarge;
        part.size = std::max<qint64>(disk.size, edited.size());
    } else if (disk.bytes.contains('\0') || edited.contains('\0')) {
        part.note = WorktreeDiffPart::Note::Binary;
    } else {
        const QList<diff::Hunk> hunks = diff::diffLines({disk.bytes, edited});
        const QByteArray path = request.path.toUtf8();
        part.text = QString::fromUtf8("--- a/" + path + "\n+++ b/" + path + "\n" +
                                      diff::formatHunks(hunks));
        if (hunks.isEmpty())
            part.note = WorktreeDiffPart::Note::SameAsDisk;
    }
    return part;
}

} // namespace

QList<WorktreeStatus> readWorktreeStatus(const QList<WorktreeRef> &repositories,
                                         const QSet<QString> &unsaved, const QStringList &secrets)
{
    QList<WorktreeStatus> all;
    for (const WorktreeRef &ref : repositories)
        all << readOne(ref, unsaved, secrets);
    return all;
}

QFuture<QList<WorktreeStatus>> readWorktreeStatusAsync(const QList<WorktreeRef> &repositories,
                                                       const QSet<QString> &unsaved,
                                                       const QStringList &secrets)
{
    return QtConcurrent::run(taskPool(), [repositories, unsaved, secrets] {
        return readWorktreeStatus(repositories, unsaved, secrets);
    });
}

Result<FileContent> readFileVersion(const Repository &repository, const QString &path,
                                    FileVersion version, qint64 maxBytes)
{
    if (version == FileVersion::Worktree) {
        if (repository.isBare()) // no working tree: no file there
            return fail(Error::Code::NotFound, tr("%1 matches no file").arg(path));
        return readDisk(QDir::cleanPath(QDir(repository.workdir()).filePath(path)), path, maxBytes);
    }
    return readBlob(repository.gitDir(), path, version, maxBytes);
}

WorktreeFileDiff diffWorktreeFile(const WorktreeDiffRequest &request)
{
    WorktreeFileDiff diff;
    diff.repository = request.repository.name;
    diff.path = request.path;
    diff.unsaved = request.unsaved.has_value();
    auto repo = Repository::open(request.repository.path);
    if (!repo) {
        diff.error = scrubSecrets(repo.error().message, request.secrets);
        return diff;
    }
    for (const bool staged : {true, false}) {
        auto side = repo->diffFile(request.path, staged, request.maxBytes);
        if (!side) {
            diff.error = scrubSecrets(side.error().message, request.secrets);
            continue;
        }
        WorktreeDiffPart part;
        part.side = staged ? WorktreeDiffPart::Side::Staged : WorktreeDiffPart::Side::Unstaged;
        switch (side->kind) {
        case FileDiff::Kind::Unchanged:
            continue;
        case FileDiff::Kind::Binary:
            part.note = WorktreeDiffPart::Note::Binary;
            break;
        case FileDiff::Kind::TooLarge:
            part.note = WorktreeDiffPart::Note::TooLarge;
            part.size = side->size;
            break;
        case FileDiff::Kind::Text:
            part.text = QString::fromUtf8(side->text);
            if (side->truncated)
                part.note = WorktreeDiffPart::Note::Truncated;
            break;
        }
        diff.parts << part;
    }
    if (request.unsaved)
        diff.parts << unsavedPart(request);
    return diff;
}

QFuture<WorktreeFileDiff> diffWorktreeFileAsync(const WorktreeDiffRequest &request)
{
    return QtConcurrent::run(taskPool(), [request] { return diffWorktreeFile(request); });
}

Result<void> stage(const QString &repositoryPath, const QStringList &paths, Staging staging)
{
    auto repo = Repository::open(repositoryPath);
    if (!repo)
        return std::unexpected(repo.error());
    return staging == Staging::Stage ? repo->stagePaths(paths) : repo->unstagePaths(paths);
}

QFuture<Result<void>> stageAsync(const QString &repositoryPath, const QStringList &paths,
                                 Staging staging)
{
    return QtConcurrent::run(taskPool(), [repositoryPath, paths, staging] {
        return stage(repositoryPath, paths, staging);
    });
}

Result<QString> switchBranch(const QString &repositoryPath, const QString &branch,
                             BranchSource source)
{
    auto repo = Repository::open(repositoryPath);
    if (!repo)
        return std::unexpected(repo.error());
    const Result<void> switched = source == BranchSource::RemoteTracking
                                      ? repo->switchToRemoteBranch(branch)
                                      : repo->switchBranch(branch);
    if (!switched)
        return std::unexpected(switched.error());
    return repo->currentBranch();
}

QFuture<Result<QString>> switchBranchAsync(const QString &repositoryPath, const QString &branch,
                                           BranchSource source)
{
    return QtConcurrent::run(taskPool(), [repositoryPath, branch, source] {
        return switchBranch(repositoryPath, branch, source);
    });
}

Result<CommitDone> commitChecked(const QString &repositoryPath, const QStringList &checked,
                                 const QString &message, const Signature &author)
{
    auto repo = Repository::open(repositoryPath);
    if (!repo)
        return std::unexpected(repo.error());
    auto status = repo->status();
    if (!status)
        return std::unexpected(status.error());
    CommitContent content;
    for (const StatusEntry &entry : *status) {
        if (checked.contains(entry.path)) {
            if (entry.worktree != ' ')
                content.stage << entry.path;
        } else if (entry.index != ' ' && entry.index != '?') {
            content.unstage << entry.path;
        }
    }
    auto commit = repo->commit(message, content, author);
    if (!commit)
        return std::unexpected(commit.error());
    return CommitDone{*commit, repo->currentBranch()};
}

QFuture<Result<CommitDone>> commitCheckedAsync(const QString &repositoryPath,
                                               const QStringList &checked, const QString &message,
                                               const Signature &author)
{
    return QtConcurrent::run(taskPool(), [repositoryPath, checked, message, author] {
        return commitChecked(repositoryPath, checked, message, author);
    });
}

} // namespace kanri::git
