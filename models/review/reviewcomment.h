#pragma once

#include "github/githubtypes.h"

#include <QString>

#include <optional>

namespace kanri::review {

// A line of a file's patch as GitHub shows it in a pull request (github::PullFile::patch: hunks
// `@@ -a,b +c,d @@` and their ` `/`-`/`+` lines, no file header): what a review comment on that
// line names. Removed lines are on the LEFT (the base's line number), the others on the RIGHT.
struct PatchLine
{
    int line = 0;
    QString side; // "LEFT" or "RIGHT"
    QString text; // without the prefix
};

// The patch line at `index` (0-based line of the patch text); nullopt for a hunk header, a
// "\ No newline" note, or an index outside the patch.
std::optional<PatchLine> patchLineAt(const QString &patch, int index);

// Whether `line` of `side` is part of the patch's hunks: GitHub refuses a review comment on a
// line outside them (422 "line must be part of the diff").
bool patchCovers(const QString &patch, int line, const QString &side);

// The comment GitHub gets for a line of the rendered diff, posted on the source line that
// produced it: the rendered line quoted (with the environment and object it belongs to), then
// the reviewer's text.
QString renderedLineCommentBody(const QString &where, const QString &renderedLine,
                                const QString &text);

// A line comment that cannot be placed on the diff (its source line is outside the patch) goes
// into the review's body instead, named by file and line.
QString unplacedCommentText(const github::ReviewComment &comment);

} // namespace kanri::review
