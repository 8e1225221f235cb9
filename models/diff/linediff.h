#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <array>

namespace kanri::diff {

// A line-based diff (Myers' O(ND) algorithm) grouped into unified-diff hunks.
struct DiffLine
{
    enum class Kind { Context, Added, Removed };
    Kind kind = Kind::Context;
    QByteArray text; // without the line break
    int oldLine = 0; // 1-based line in the old text; 0 for an added line
    int newLine = 0; // 1-based line in the new text; 0 for a removed line
};

struct Hunk
{
    int oldStart = 0, oldCount = 0, newStart = 0, newCount = 0;
    QList<DiffLine> lines;
    QByteArray header() const; // "@@ -a,b +c,d @@"
};

QList<QByteArray> splitLines(const QByteArray &text);

// Hunks turning `sides[0]` into `sides[1]`, with `context` unchanged lines around changes.
QList<Hunk> diffLines(const std::array<QByteArray, 2> &sides, int context = 3);

// A file's change as `diff -u` / git write it: "--- a/PATH", "+++ b/PATH", then the hunks, with
// "\ No newline at end of file" after a last line that has no line break. Empty when equal.
QByteArray unifiedDiff(const QString &path, const std::array<QByteArray, 2> &sides,
                       int context = 3);

// The changed characters of a line replaced by another: what lies between their common prefix and
// their common suffix (the two never overlap, and never split a UTF-16 surrogate pair). Indexes
// are in UTF-16 code units, `end` exclusive, per side [before, after]; equal lines give empty
// ranges. This is what a side-by-side view marks inside a changed line.
struct IntraLineChange
{
    qsizetype start = 0;
    std::array<qsizetype, 2> end{};

    bool isEmpty() const { return end[0] == start && end[1] == start; }
};

IntraLineChange intraLineDiff(const QString &before, const QString &after);

// The hunks as unified-diff text (header lines and `+`/`-`/` ` prefixed lines).
QByteArray formatHunks(const QList<Hunk> &hunks);

} // namespace kanri::diff
