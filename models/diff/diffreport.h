#pragma once

#include "diff/renderdiff.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace kanri::diff {

// The rendered diff of one kustomize overlay between a base revision and the working tree.
struct OverlayDiff
{
    QString repository; // the repository's name in the workspace ("manifests")
    QString overlay;    // the overlay's folder, relative to the repository
    RenderDiff diff;    // Secret values already masked (diffRenders' default)

    QString label() const; // "manifests services/payment-api/overlays/prd"
};

// How `kanri diff` prints a set of overlay diffs:
// text:     formatRenderDiff of each overlay, labelled with the repository and overlay;
// markdown: a pull-request comment: the marker, the per-overlay counts, then each resource's
//           diff folded in <details>; never longer than `markdownLimit` characters (cut at a
//           whole line and said so, with what was left out);
// html:     one self-contained page (inline CSS, no script, no external resource);
// json:     {"base", "overlays": [{repository, overlay, counts, added, removed, changed,
//           renamed}]}, each resource with its identity and its unified diff.
enum class ReportFormat { Text, Markdown, Html, Json };
std::optional<ReportFormat> reportFormatFromName(const QString &name);

// The first line of every Markdown report: a workflow finds its earlier comment by it.
inline constexpr char kMarkdownMarker[] = "<!-- kanri-rendered-diff -->";

// GitHub refuses a pull-request comment body over 65,536 characters.
inline constexpr qsizetype kGithubCommentLimit = 65536;

// An overlay that does not render in the working tree: a pull request that breaks the build of
// an overlay says so first, in every format but text (where it is on stderr).
struct RenderFailure
{
    QString repository;
    QString overlay;
    QString message; // "file:line:col: error: ..." as the command line prints it

    QString label() const; // as OverlayDiff::label()
};

struct ReportOptions
{
    ReportOptions(QString base = {}, qsizetype markdownLimit = kGithubCommentLimit)
        : base(std::move(base))
        , markdownLimit(markdownLimit)
    {}

    QString base;                                  // the revision compared against ("origin/main")
    qsizetype markdownLimit = kGithubCommentLimit; // in UTF-8 bytes, so never over in characters
    QList<RenderFailure> failures;
};

QByteArray formatReport(const QList<OverlayDiff> &overlays, ReportFormat format,
                        const ReportOptions &options = {});

} // namespace kanri::diff
