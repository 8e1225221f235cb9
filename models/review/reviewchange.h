#pragma once

#include "core/result.h"
#include "diff/renderdiff.h"
#include "git/gitnetwork.h"
#include "rules/rulefinding.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace kanri::platform {

// One kustomization rendered at both sides of a change.
struct OverlayReview
{
    QString overlay; // folder relative to the repository: "services/a/overlays/prd"
    diff::RenderDiff diff;
    QString baseError, headError; // "file:line:col: error: ..." when a side does not render
    bool addedOnHead = false, removedOnHead = false;
};

// One sentence about a Terraform map entry: "alice gains pagerduty", "bob: email changed from
// \"a\" to \"b\"", "carol removed".
struct TerraformChange
{
    enum class Kind { EntryAdded, EntryRemoved, FieldAdded, FieldRemoved, FieldChanged };
    Kind kind = Kind::FieldChanged;
    QString file; // relative to the repository
    QString map;  // hcl::MapInfo::name
    QString key;
    QString field; // empty for EntryAdded and EntryRemoved
    QString sentence;
};

// A change between two commits of one repository ("merge base vs head of a PR"), for people:
// the rendered kustomize diff of every kustomization it affects, the Terraform map entries it
// changes field by field, the rule findings the head adds, and who must review it.
struct ChangeReview
{
    QString repositoryPath;
    QString baseCommit, headCommit;
    QStringList changedFiles; // repository-relative, sorted
    QList<OverlayReview> overlays;
    QList<TerraformChange> terraform;
    QList<Finding> newFindings; // findings at head that the base did not have
    bool rulesRan = false;
    QStringList owners; // CODEOWNERS owners (at head) of the changed files, first-seen order
    QStringList notes;  // what could not be done ("platform/x does not render at base: ...")
    // Where each side was extracted (absolute; empty when nothing needed the trees): the
    // rendered objects' origin files are under them, and a rendered line is located there.
    QString baseTree, headTree;
};

struct ReviewOptions
{
    // Where each side is extracted: CACHE/<repository folder name>/<commit id>. Empty:
    // reviewCacheDir().
    QString cacheDir;
    bool runRules = true;
};

// AppDataLocation + "/reviews".
QString reviewCacheDir();

// Reviews base..head of the git repository at `repositoryPath`. Both sides are read as git
// snapshots and extracted (once per commit; a finished extraction is marked and reused) into
// the cache, then rendered there with a fresh in-process kustomize renderer, so the working
// tree is never touched and the review works offline.
//
// Affected kustomizations: the render roots (folders with a kustomization file that sit in an
// `overlays` folder, or that are neither a base nor a component nor the parent of other
// kustomizations: platform folders, Argo CD apps) that contain a changed file, plus every
// overlay whose service folder (the parent of its `overlays` folder) contains one, which covers
// changes in a base.
Result<ChangeReview> reviewChange(const QString &repositoryPath, const QString &baseRevision,
                                  const QString &headRevision, const ReviewOptions &options = {});

// The Terraform sentences for one file at both sides (either may be missing).
QList<TerraformChange> terraformChanges(const QString &file, const std::optional<QByteArray> &base,
                                        const std::optional<QByteArray> &head);

// Text for the terminal: per overlay a summary line and the unified diff (Secrets masked), the
// Terraform sentences, the new findings, the owners.
QByteArray formatReview(const ChangeReview &review);

// A pull request title and Markdown body generated from the review. `fallbackTitle` (the
// branch name or the head commit's summary) is used when the review says nothing specific.
QString reviewTitle(const ChangeReview &review, const QString &fallbackTitle);
QString reviewBody(const ChangeReview &review);

// Where a pull request made available offline keeps its commits in the local repository:
// refs/kanri/pull/N/head and refs/kanri/pull/N/base.
QString pullHeadRef(int number);
QString pullBaseRef(int number);
bool hasPullHead(const QString &repositoryPath, int number);

// Fetches refs/pull/N/head and, when `baseBranch` is set, refs/heads/BASE from the remote
// `origin` into the refs above (libgit2; blocking: run it on a worker). `options` carries
// progress and cancellation.
Result<void> fetchPullRefs(const QString &repositoryPath, int number, const QString &baseBranch,
                           const git::NetworkOptions &options = {});

// The review of a fetched pull request: from the merge base of its base (the fetched base ref,
// else `baseSha`) and its head. Works offline.
Result<ChangeReview> reviewFetchedPull(const QString &repositoryPath, int number,
                                       const QString &baseSha, const ReviewOptions &options = {});

// What "create a pull request" proposes for the current branch of a repository: the branch
// must be on the remote (its upstream, or origin/BRANCH); the title and body come from the
// review of the pushed commits against origin/BASE. Error::Code::NotFound when the branch is
// not on the remote, Error::Code::Usage when HEAD is detached. An empty `base` only checks the
// branch (no review, no title or body).
struct PullDraft
{
    QString branch;    // the head
    QString pushedRef; // refs/remotes/origin/feature
    bool hasUnpushedCommits = false;
    QString title, body;  // generated; the branch name and "" when nothing was found
    QString note;         // why nothing was generated, when it was not
    QStringList overlays; // the reviewed change's kustomizations (OverlayReview::overlay)
};

Result<PullDraft> draftPull(const QString &repositoryPath, const QString &base,
                            const ReviewOptions &options = {});

} // namespace kanri::platform
