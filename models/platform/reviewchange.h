#pragma once

#include "renderdiff.h"
#include "result.h"
#include "rulefinding.h"

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

} // namespace kanri::platform
