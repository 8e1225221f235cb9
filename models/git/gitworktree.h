#pragma once

// A working tree as the Changes panel and the commit dialog see it: each repository's branch,
// ahead/behind and changed files (with the editor's unsaved edits folded in), one file's diff
// (staged, unstaged and what saving the editor's content would change), staging and committing
// exactly the files the user checked. Plain values: no text for people beyond git's own messages
// (the application words the notes), no handle shared across threads. The *Async functions run
// on a worker (QtConcurrent), each opening its own Repository there.

#include "core/result.h"
#include "git/gitrepository.h"

#include <QByteArray>
#include <QFuture>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace kanri::git {

// One changed file: git's status letters (as `git status --porcelain` writes them, 'U' for a
// conflict) and whether the editor holds unsaved edits of it.
struct WorktreeFile
{
    QString path;         // relative to the repository
    QString absolutePath; // cleaned
    QString oldPath;      // the source of a rename, else empty
    char index = ' ';
    char worktree = ' ';
    bool unsaved = false;

    bool staged() const { return index != ' ' && index != '?' && index != 'U'; }
    bool unstaged() const { return worktree != ' '; }
};

struct WorktreeStatus
{
    QString name;
    QString path; // the working tree
    QString branch;
    int ahead = -1; // -1: no upstream
    int behind = -1;
    // Commits a push would send: `ahead`, or for a branch without upstream the commits that
    // no remote-tracking branch holds.
    int unpushed = 0;
    QString error;             // the repository could not be read (git's message, secrets scrubbed)
    bool cloned = true;        // false: there is no repository at `path` yet (`error` says so)
    QList<WorktreeFile> files; // sorted by path
};

// A repository of the workspace, by name and working-tree path.
struct WorktreeRef
{
    QString name;
    QString path;
};

// Reads each repository's branch, ahead/behind and status. `unsaved` holds the cleaned
// absolute paths of files with unsaved edits: a listed file is marked, an unlisted one inside
// the working tree is added with blank status letters. `secrets` are scrubbed from messages.
QList<WorktreeStatus> readWorktreeStatus(const QList<WorktreeRef> &repositories,
                                         const QSet<QString> &unsaved,
                                         const QStringList &secrets = {});
QFuture<QList<WorktreeStatus>> readWorktreeStatusAsync(const QList<WorktreeRef> &repositories,
                                                       const QSet<QString> &unsaved,
                                                       const QStringList &secrets = {});

// Which version of a file readFileVersion reads.
enum class FileVersion { Head, Index, Worktree };

struct FileContent
{
    QByteArray bytes;
    qint64 size = 0;       // in bytes, also when it was not read
    bool tooLarge = false; // bigger than the cap: `bytes` is empty
};

// A file (path relative to the working tree) at HEAD, in the index or on disk. NotFound when
// that version has no such file.
Result<FileContent> readFileVersion(const Repository &repository, const QString &path,
                                    FileVersion version, qint64 maxBytes = 1024 * 1024);

// One side of a file's changes, as `git diff` shows it.
struct WorktreeDiffPart
{
    enum class Side {
        Staged,   // HEAD → index (git diff --cached)
        Unstaged, // index → working tree (git diff)
        Unsaved,  // file on disk → the editor's unsaved content
    };
    // Why `text` is empty or cut; the application words it.
    enum class Note {
        None,
        Binary,     // binary file differs
        TooLarge,   // a side is bigger than the cap (`size` bytes): not read
        Truncated,  // the diff text is longer than the cap: cut at a line
        SameAsDisk, // Unsaved: the editor's content equals the file on disk
    };
    Side side = Side::Unstaged;
    QString text; // unified diff
    Note note = Note::None;
    qint64 size = 0; // TooLarge: the larger side's size in bytes
};

struct WorktreeFileDiff
{
    QString repository;            // its name
    QString path;                  // relative to the repository
    QList<WorktreeDiffPart> parts; // staged, unstaged, unsaved; a side without changes is left out
    QString error;                 // git's message (secrets scrubbed); parts read may remain
    bool unsaved = false;          // the editor holds unsaved edits of the file
};

struct WorktreeDiffRequest
{
    WorktreeRef repository;
    QString path;                      // relative to the working tree
    std::optional<QByteArray> unsaved; // the editor's content, when it has unsaved edits
    QStringList secrets;
    qint64 maxBytes = 1024 * 1024;
};

// The staged and unstaged diff of the file as git prints them, and (with unsaved content) the
// line diff from the file on disk to it (diff/linediff.h).
WorktreeFileDiff diffWorktreeFile(const WorktreeDiffRequest &request);
QFuture<WorktreeFileDiff> diffWorktreeFileAsync(const WorktreeDiffRequest &request);

enum class Staging { Stage, Unstage };

// Stages the paths from the working tree (a deleted file leaves the index) or takes them out
// of the index (back to HEAD's version).
Result<void> stage(const QString &repositoryPath, const QStringList &paths, Staging staging);
QFuture<Result<void>> stageAsync(const QString &repositoryPath, const QStringList &paths,
                                 Staging staging);

enum class BranchSource { Local, RemoteTracking };

// Switches the working tree to a local branch, or to a remote-tracking one ("origin/feature") as
// a local tracking branch (Repository::switchToRemoteBranch); local changes the switch would
// overwrite stop it, untouched. Gives the branch checked out.
Result<QString> switchBranch(const QString &repositoryPath, const QString &branch,
                             BranchSource source);
QFuture<Result<QString>> switchBranchAsync(const QString &repositoryPath, const QString &branch,
                                           BranchSource source);

struct CommitDone
{
    QString id, branch;
};

// Commits exactly the `checked` files (relative paths): their working-tree changes are staged,
// every other staged change is taken out of the commit, all in memory with the commit (when it
// fails the index is as it was: Repository::commit).
Result<CommitDone> commitChecked(const QString &repositoryPath, const QStringList &checked,
                                 const QString &message, const Signature &author);
QFuture<Result<CommitDone>> commitCheckedAsync(const QString &repositoryPath,
                                               const QStringList &checked, const QString &message,
                                               const Signature &author);

} // namespace kanri::git
