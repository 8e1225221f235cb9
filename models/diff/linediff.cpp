#include "diff/linediff.h"

#include <QHash>
#include <QString>

#include <cstring>
#include <optional>
#include <vector>

namespace kanri::diff {

QByteArray Hunk::header() const
{
    auto range = [](int start, int count) {
        if (count == 1)
            return QByteArray::number(start);
        return QByteArray::number(start) + ',' + QByteArray::number(count);
    };
    return "@@ -" + range(oldStart, oldCount) + " +" + range(newStart, newCount) + " @@";
}

QList<QByteArray> splitLines(const QByteArray &text)
{
    QList<QByteArray> lines = text.split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

namespace {

enum class Op { Keep, Insert, Delete };

// The lines of a text as splitLines() cuts them, as views into it (no copies: a diff of two
// large objects copies only the lines of its hunks).
using Lines = std::vector<QByteArrayView>;

Lines lineViews(const QByteArray &text)
{
    Lines lines;
    const char *p = text.constData();
    const char *end = p + text.size();
    lines.reserve(size_t(text.size() / 32) + 1);
    while (p < end) {
        const char *nl = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
        if (!nl) {
            lines.emplace_back(p, end - p);
            break;
        }
        lines.emplace_back(p, nl - p);
        p = nl + 1;
    }
    return lines;
}

Lines lineViews(const QList<QByteArray> &lines)
{
    Lines views;
    views.reserve(size_t(lines.size()));
    for (const QByteArray &l : lines)
        views.emplace_back(l);
    return views;
}

// Each line from `from` on as a number, equal lines the same number: the comparisons of the
// search are then integer comparisons.
std::array<std::vector<int>, 2> lineIds(const Lines &a, const Lines &b, int from)
{
    QHash<QByteArrayView, int> ids;
    ids.reserve(qsizetype(a.size() + b.size()) - 2 * from);
    std::array<std::vector<int>, 2> out;
    const Lines *sides[2] = {&a, &b};
    for (int side = 0; side < 2; ++side) {
        out[size_t(side)].reserve(sides[side]->size() - size_t(from));
        for (size_t i = size_t(from); i < sides[side]->size(); ++i) {
            const QByteArrayView line = (*sides[side])[i];
            auto it = ids.constFind(line);
            if (it == ids.cend())
                it = ids.insert(line, int(ids.size()));
            out[size_t(side)].push_back(*it);
        }
    }
    return out;
}

// Myers' greedy algorithm, forward, with what each round reached kept for backtracking, over
// the lines from `from` on (the common prefix before them is kept). `equal(x, y)` compares the
// x-th line after `from` of the old side with the y-th of the new. nullopt when the script
// needs more than `maxD` insertions and deletions.
template<typename Equal>
std::optional<std::vector<Op>> searchScript(int n, int m, const Equal &equal, int maxD)
{
    const int max = n + m;
    const int offset = max + 1;
    std::vector<int> v(size_t(2 * max + 3), 0);
    // trace[d] holds v[-d..d] as it was when round d began (v[k] for k in -d..d).
    std::vector<std::vector<int>> trace;
    int found = -1;
    for (int d = 0; d <= max && found < 0; ++d) {
        if (d > maxD)
            return std::nullopt;
        trace.emplace_back(v.begin() + (offset - d), v.begin() + (offset + d + 1));
        for (int k = -d; k <= d; k += 2) {
            int x;
            if (k == -d || (k != d && v[size_t(offset + k - 1)] < v[size_t(offset + k + 1)]))
                x = v[size_t(offset + k + 1)];
            else
                x = v[size_t(offset + k - 1)] + 1;
            int y = x - k;
            while (x < n && y < m && equal(x, y)) {
                ++x;
                ++y;
            }
            v[size_t(offset + k)] = x;
            if (x >= n && y >= m) {
                found = d;
                break;
            }
        }
    }
    std::vector<Op> tail;
    int x = n, y = m;
    for (int d = found; d > 0; --d) {
        const std::vector<int> &pv = trace[size_t(d)];
        auto at = [&](int k) { return pv[size_t(k + d)]; }; // v[k] when round d began
        const int k = x - y;
        int prevK;
        if (k == -d || (k != d && at(k - 1) < at(k + 1)))
            prevK = k + 1;
        else
            prevK = k - 1;
        const int prevX = at(prevK);
        const int prevY = prevX - prevK;
        while (x > prevX && y > prevY) {
            tail.push_back(Op::Keep);
            --x;
            --y;
        }
        tail.push_back(x == prevX ? Op::Insert : Op::Delete);
        x = prevX;
        y = prevY;
    }
    while (x > 0 && y > 0) {
        tail.push_back(Op::Keep);
        --x;
        --y;
    }
    return std::vector<Op>(tail.rbegin(), tail.rend());
}

// A search needing more edits than this compares lines as numbers (one hash of every line
// first); one needing fewer, the usual case of an edit, compares the lines it meets as bytes.
constexpr int kDirectCompareEdits = 64;

// The script is exactly the one of the textbook version (which kept the whole V array of every
// round): the common prefix is the snake of round 0, which every later path starts from, so it
// is taken before the search; a round d keeps only its diagonals -d..d (O(D²) space rather than
// O((N+M)·D)); a side with no lines is all insertions or all deletions; lines compared as bytes
// or as numbers compare the same. The common suffix is not cut off: it would change which of
// several equally short scripts is found.
std::vector<Op> shortestEditScript(const Lines &aLines, const Lines &bLines)
{
    const int n0 = int(aLines.size()), m0 = int(bLines.size());
    int prefix = 0;
    while (prefix < n0 && prefix < m0 && aLines[size_t(prefix)] == bLines[size_t(prefix)])
        ++prefix;
    std::vector<Op> ops(size_t(prefix), Op::Keep);
    if (prefix == n0 || prefix == m0) {
        ops.insert(ops.end(), size_t(n0 - prefix), Op::Delete);
        ops.insert(ops.end(), size_t(m0 - prefix), Op::Insert);
        return ops;
    }
    const int n = n0 - prefix, m = m0 - prefix;
    const QByteArrayView *a0 = aLines.data() + prefix, *b0 = bLines.data() + prefix;
    auto script = searchScript(
        n, m, [a0, b0](int x, int y) { return a0[x] == b0[y]; }, kDirectCompareEdits);
    if (!script) {
        const auto ids = lineIds(aLines, bLines, prefix);
        const int *a = ids[0].data(), *b = ids[1].data();
        script = searchScript(
            n, m, [a, b](int x, int y) { return a[x] == b[y]; }, n + m);
    }
    ops.insert(ops.end(), script->begin(), script->end());
    return ops;
}

QList<Hunk> hunksOf(const Lines &a, const Lines &b, int context)
{
    const std::vector<Op> ops = shortestEditScript(a, b);

    // Every line's kind and numbers (its text is copied only into a hunk), then cut into hunks
    // around the changes.
    struct Step
    {
        DiffLine::Kind kind;
        int oldLine, newLine;
    };
    std::vector<Step> all;
    all.reserve(ops.size());
    int i = 0, j = 0;
    for (Op op : ops) {
        switch (op) {
        case Op::Keep:
            all.push_back({DiffLine::Kind::Context, i + 1, j + 1});
            ++i;
            ++j;
            break;
        case Op::Delete:
            all.push_back({DiffLine::Kind::Removed, i + 1, 0});
            ++i;
            break;
        case Op::Insert:
            all.push_back({DiffLine::Kind::Added, 0, j + 1});
            ++j;
            break;
        }
    }
    auto textOf = [&](const Step &s) {
        return (s.kind == DiffLine::Kind::Added ? b[size_t(s.newLine - 1)]
                                                : a[size_t(s.oldLine - 1)])
            .toByteArray();
    };

    QList<Hunk> hunks;
    const int total = int(all.size());
    int pos = 0;
    while (pos < total) {
        while (pos < total && all[size_t(pos)].kind == DiffLine::Kind::Context)
            ++pos;
        if (pos >= total)
            break;
        int start = std::max(0, pos - context);
        int end = pos;
        // Extend while the next change is within 2*context lines.
        while (end < total) {
            if (all[size_t(end)].kind != DiffLine::Kind::Context) {
                ++end;
                continue;
            }
            int next = end;
            while (next < total && all[size_t(next)].kind == DiffLine::Kind::Context)
                ++next;
            if (next < total && next - end <= 2 * context) {
                end = next;
                continue;
            }
            end = std::min(total, end + context);
            break;
        }
        Hunk h;
        h.lines.reserve(end - start);
        for (int k = start; k < end; ++k) {
            const Step &l = all[size_t(k)];
            h.lines.append({l.kind, textOf(l), l.oldLine, l.newLine});
            if (l.kind != DiffLine::Kind::Added) {
                if (!h.oldStart)
                    h.oldStart = l.oldLine;
                ++h.oldCount;
            }
            if (l.kind != DiffLine::Kind::Removed) {
                if (!h.newStart)
                    h.newStart = l.newLine;
                ++h.newCount;
            }
        }
        // An empty side starts at the line before the hunk, as diff -u writes it.
        if (!h.oldStart) {
            int before = 0;
            for (int k = start - 1; k >= 0 && !before; --k)
                before = all[size_t(k)].oldLine;
            h.oldStart = before;
        }
        if (!h.newStart) {
            int before = 0;
            for (int k = start - 1; k >= 0 && !before; --k)
                before = all[size_t(k)].newLine;
            h.newStart = before;
        }
        hunks.append(h);
        pos = end;
    }
    return hunks;
}

} // namespace

QList<Hunk> diffLines(const std::array<QByteArray, 2> &sides, int context)
{
    if (sides[0].size() == sides[1].size() &&
        (sides[0].constData() == sides[1].constData() || sides[0] == sides[1]))
        return {}; // equal texts: no hunks, nothing to split
    return hunksOf(lineViews(sides[0]), lineViews(sides[1]), context);
}

QByteArray unifiedDiff(const QString &path, const std::array<QByteArray, 2> &sides, int context)
{
    if (sides[0] == sides[1])
        return {};
    // A split line never holds a line break, so one at its end marks the last line of a text
    // without a final line break: "x" and "x\n" are different lines, as diff -u sees them.
    auto lines = [](const QByteArray &text) {
        QList<QByteArray> l = splitLines(text);
        if (!text.isEmpty() && !text.endsWith('\n'))
            l.last() += '\n';
        return l;
    };
    QByteArray name = path.toUtf8();
    while (name.startsWith('/'))
        name.remove(0, 1);
    QByteArray out = "--- a/" + name + "\n+++ b/" + name + "\n";
    const QList<QByteArray> before = lines(sides[0]), after = lines(sides[1]);
    for (const Hunk &h : hunksOf(lineViews(before), lineViews(after), context)) {
        out += h.header() + '\n';
        for (const DiffLine &l : h.lines) {
            out += l.kind == DiffLine::Kind::Added     ? '+'
                   : l.kind == DiffLine::Kind::Removed ? '-'
                                                       : ' ';
            if (l.text.endsWith('\n'))
                out += l.text + "\\ No newline at end of file\n";
            else
                out += l.text + '\n';
        }
    }
    return out;
}

QByteArray formatHunks(const QList<Hunk> &hunks)
{
    QByteArray out;
    for (const Hunk &h : hunks) {
        out += h.header() + '\n';
        for (const DiffLine &l : h.lines) {
            out += l.kind == DiffLine::Kind::Added     ? '+'
                   : l.kind == DiffLine::Kind::Removed ? '-'
                                                       : ' ';
            out += l.text + '\n';
        }
    }
    return out;
}

IntraLineChange intraLineDiff(const QString &before, const QString &after)
{
    const qsizetype shortest = std::min(before.size(), after.size());
    qsizetype prefix = 0;
    while (prefix < shortest && before.at(prefix) == after.at(prefix))
        ++prefix;
    // A pair of surrogates is one character: do not stop between its halves.
    if (prefix > 0 && prefix < shortest && before.at(prefix - 1).isHighSurrogate())
        --prefix;
    qsizetype suffix = 0;
    while (suffix < shortest - prefix &&
           before.at(before.size() - 1 - suffix) == after.at(after.size() - 1 - suffix))
        ++suffix;
    if (suffix > 0 && suffix < shortest - prefix &&
        before.at(before.size() - suffix).isLowSurrogate())
        --suffix;
    IntraLineChange change;
    change.start = prefix;
    change.end = {before.size() - suffix, after.size() - suffix};
    return change;
}

} // namespace kanri::diff
