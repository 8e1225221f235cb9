#pragma once

#include "core/result.h"
#include "git/gitlibrary.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

struct git_repository;
struct git_tree;

namespace kanri::git {

// The files of one commit, read straight from the object database without touching the
// working tree or the index: what reviews ("merge base vs head"), `--base REF` and the
// "before" side of a live diff read. A movable value; use one per thread.
class Snapshot
{
public:
    // `revision` is anything git rev-parse accepts: "HEAD", "main", "origin/main", a commit id.
    static Result<Snapshot> open(const QString &repositoryPath, const QString &revision);
    // The best common ancestor of two revisions, as a commit id.
    static Result<QString> mergeBase(const QString &repositoryPath, const QString &a,
                                     const QString &b);

    Snapshot(Snapshot &&) noexcept;
    Snapshot &operator=(Snapshot &&) noexcept;
    ~Snapshot();

    QString commitId() const { return m_commitId; }
    QString repositoryPath() const { return m_path; }

    // A file's bytes at this commit; std::nullopt when the commit has no such file.
    Result<std::optional<QByteArray>> read(const QString &relativePath) const;
    // Every file of the commit, repository-relative, sorted.
    Result<QStringList> files() const;
    // Paths whose content differs between this commit and the working tree, including files
    // the working tree added (untracked, not ignored) or removed.
    Result<QStringList> changedInWorkTree() const;
    // Paths that differ between this commit and `other` (another snapshot of the same
    // repository).
    Result<QStringList> changedSince(const Snapshot &other) const;
    // Writes every file of the commit below `dir` (created when missing).
    Result<void> extractTo(const QString &dir) const;

private:
    struct Deleter
    {
        void operator()(git_repository *repo) const;
        void operator()(git_tree *tree) const;
    };
    Snapshot() = default;
    Library m_library;
    std::unique_ptr<git_repository, Deleter> m_repo;
    std::unique_ptr<git_tree, Deleter> m_tree;
    QString m_commitId;
    QString m_path;
};

} // namespace kanri::git
