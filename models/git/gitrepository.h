#pragma once

#include "core/result.h"
#include "git/gitlibrary.h"
#include "git/gitnetwork.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

struct git_repository;

namespace kanri::git {

struct Signature
{
    QString name, email;
};

enum class IdentityRole { Author, Committer };

// What goes into a commit besides what the index holds already: files to stage from the working
// tree (a deleted one leaves the index), files to take out of it (back to HEAD's version), or
// every change (`all`, like git add -A). Paths are relative to the working tree.
struct CommitContent
{
    QStringList stage;
    QStringList unstage;
    bool all = false;
};

// One line of `git status --porcelain`: index and worktree columns use git's letters
// (' ', 'M', 'A', 'D', 'R', 'T', '?', 'U' for a conflict).
struct StatusEntry
{
    QString path;
    QString oldPath; // the source of a rename, else empty
    char index = ' ';
    char worktree = ' ';
};

struct AheadBehind
{
    std::size_t ahead = 0;
    std::size_t behind = 0;
};

struct BranchInfo
{
    QString name;
    bool current = false;
    QString upstream; // "origin/main", or empty
};

enum class PullStrategy { Merge, Rebase };

struct PullResult
{
    enum class Outcome { UpToDate, FastForwarded, Merged, Rebased, Conflicts };
    Outcome outcome = Outcome::UpToDate;
    QString head;          // the branch's commit afterwards
    QStringList conflicts; // Outcome::Conflicts: the files; nothing was changed
};

// One side of a file's changes as `git diff` shows it: HEAD against the index (`staged`, like
// `git diff --cached -- PATH`) or the index against the working tree (like `git diff -- PATH`,
// an untracked file as a new one).
struct FileDiff
{
    enum class Kind {
        Text,     // `text` holds the unified diff (possibly cut at the cap: `truncated`)
        Binary,   // "binary file differs"
        TooLarge, // one side is bigger than the cap: not read
        Unchanged // nothing differs on this side
    };
    Kind kind = Kind::Unchanged;
    QByteArray text;
    bool truncated = false;
    qint64 size = 0; // the larger side's size in bytes
};

// Changes made on top of HEAD, carried over to another commit (Repository::planCarry): the
// content each file gets there (relative path → bytes; std::nullopt: the file is deleted).
struct CarriedChange
{
    QString baseCommit;
    QHash<QString, std::optional<QByteArray>> files;
};

enum class SetUpstream { No, Yes };
enum class SwitchTo { No, Yes };

// A git repository (a movable value owning the libgit2 handle). Not thread-safe: use one
// Repository per thread (open the same path again on a worker thread).
class Repository
{
    Q_DECLARE_TR_FUNCTIONS(kanri::git::Repository)

public:
    static Result<Repository> init(const QString &path, bool bare,
                                   const QString &initialBranch = QStringLiteral("main"));
    static Result<Repository> open(const QString &path);
    // A failed or cancelled clone leaves no folder behind (nor files in a folder that was
    // empty before). A password in the URL is used as the token for this clone only and is
    // not written to the remote's URL.
    static Result<Repository> clone(const QString &url, const QString &path,
                                    const NetworkOptions &options = {});

    Repository(Repository &&) noexcept;
    Repository &operator=(Repository &&) noexcept;
    ~Repository();

    QString currentBranch() const; // empty when HEAD is detached
    QString workdir() const;       // empty for a bare repository
    QString gitDir() const;
    bool isBare() const;

    // Working tree and index.
    Result<std::vector<StatusEntry>> status() const;
    Result<void> stageAll(); // like git add -A
    Result<void> stagePaths(const QStringList &paths);
    Result<void> unstagePaths(const QStringList &paths);
    // The diff of one file (path relative to the working tree). Files bigger than maxBytes
    // are not read (FileDiff::Kind::TooLarge); a longer diff text is cut at maxBytes.
    Result<FileDiff> diffFile(const QString &path, bool staged,
                              qint64 maxBytes = 1024 * 1024) const;
    // Commits the index with `content` staged on top of it. The staging happens in memory and
    // the index is written only once the commit exists: any failure (no author, nothing to
    // commit, conflicts) leaves the index on disk as it was. The author is `author` when given,
    // else identity(Author); the committer is identity(Committer), else the author.
    Result<QString> commit(const QString &message, const CommitContent &content,
                           const std::optional<Signature> &author = {});
    Result<QString> commit(const QString &message, const std::optional<Signature> &author = {})
    {
        return commit(message, CommitContent{}, author);
    }
    // Who a commit is by, as git decides it: GIT_AUTHOR_NAME and GIT_AUTHOR_EMAIL (for the
    // committer GIT_COMMITTER_NAME and GIT_COMMITTER_EMAIL) over user.name and user.email of
    // the repository's configuration (then the global and system ones), and EMAIL when no
    // e-mail is found. Fails, saying what to set, when the name or the e-mail is missing.
    Result<Signature> identity(IdentityRole role) const;
    // As far as it is known: a part that is not configured is empty.
    Signature partialIdentity(IdentityRole role) const;
    Result<Signature> defaultSignature() const { return identity(IdentityRole::Author); }

    // Branches.
    Result<std::vector<BranchInfo>> branches() const;
    Result<void> createBranch(const QString &name, SwitchTo switchTo = SwitchTo::Yes);
    // Checks out safely: local changes that the switch would overwrite stop it, untouched.
    Result<void> switchBranch(const QString &name);
    // Remote-tracking branches as "origin/feature" (without the remotes' HEAD), sorted.
    Result<QStringList> remoteBranches() const;
    // Checks out a remote-tracking branch ("origin/feature") as the local branch "feature"
    // with it as upstream, like `git switch feature`. When the local branch exists already it
    // is switched to as it is (its commits are kept, nothing is reset).
    Result<void> switchToRemoteBranch(const QString &remoteBranch);
    bool hasLocalBranch(const QString &name) const;
    // "origin/main" for a local branch, or NotFound.
    Result<QString> upstreamOf(const QString &branch) const;
    Result<AheadBehind> aheadBehind(const QString &branch) const;
    // Commits of the local branch that no remote-tracking branch holds: what pushing it as a
    // new branch would send.
    Result<std::size_t> commitsOnNoRemote(const QString &branch) const;
    Result<QString> headCommit() const;

    // Remotes. URLs with a password are refused (tokens never go into .git/config).
    Result<void> addRemote(const QString &name, const QString &url);
    Result<QString> remoteUrl(const QString &name) const;

    // Network. Every ref the server refuses is reported (Error::Code::Rejected);
    // a non-fast-forward push fails before sending anything and keeps the local commits.
    Result<void> fetch(const QString &remote, const NetworkOptions &options = {});
    Result<void> push(const QString &remote, const QString &branch, bool setUpstream,
                      const NetworkOptions &options = {});
    // Fetches the current branch's upstream and integrates it: fast-forward when possible,
    // else merge or rebase. All work happens in memory first; on conflicts (or local
    // changes in the way) nothing in the branch, index or working tree changes.
    Result<PullResult> pull(PullStrategy strategy, const NetworkOptions &options = {});

    // Additions for publishing a change from any branch (the wizards' flow).
    // Fetches `remote` like git fetch and answers the name of its default branch ("main"): the
    // branch the remote's HEAD names, else the local refs/remotes/REMOTE/HEAD, else the first
    // of `preferred`, main and master that the remote has. NotFound when there is none.
    Result<QString> fetchDefaultBranch(const QString &remote, const NetworkOptions &options = {},
                                       const QString &preferred = {});
    // The commit id a revision names ("refs/remotes/origin/main", "origin/main", "HEAD", an id).
    Result<QString> resolveCommit(const QString &revision) const;
    // Plans carrying `changes` (path relative to the working tree → its new content, made on
    // top of HEAD; std::nullopt deletes the file) over to `baseCommit`: each file's change
    // from HEAD is merged into the base's version. Changes nothing. Refuses with
    // Error::Code::Conflict, naming the files, when one of them has other uncommitted changes
    // (on disk or staged: neither HEAD's content nor the new one), when a change does not
    // merge into the base's version, or when switching to the result would overwrite other
    // local changes (modified, staged or untracked files that differ between HEAD and it).
    Result<CarriedChange> planCarry(const QString &baseCommit,
                                    const QHash<QString, std::optional<QByteArray>> &changes) const;
    // Creates the branch `branch` at a new commit on the plan's base holding its files, and
    // switches to it: the working tree's copies of those files get the committed content,
    // other local changes (modified or untracked files) stay as they are. The files on disk
    // may hold HEAD's content or the new one. A conflict stops it before anything is written;
    // the index matches the new commit for the carried files afterwards. Returns the commit.
    Result<QString> commitCarried(const QString &branch, const CarriedChange &change,
                                  const QString &message,
                                  const std::optional<Signature> &author = {});

private:
    struct Deleter
    {
        void operator()(git_repository *repo) const;
    };
    explicit Repository(git_repository *repo);
    Library m_library; // declared first: destroyed after the handle
    std::unique_ptr<git_repository, Deleter> m_repo;
};

// Removes a URL's user information (and any known secret) from text meant for people.
QString scrubSecrets(QString text, const QStringList &secrets = {});

// Sets user.name and user.email in the user's global git configuration (what `git config
// --global` writes: ~/.gitconfig, or $XDG_CONFIG_HOME/git/config when only that one exists),
// creating the file when there is none.
Result<void> setGlobalIdentity(const Signature &identity);

} // namespace kanri::git
