// The line diff and the rendered diff against the reference: the textbook Myers search as it
// was before issue 22 made it faster (the common prefix taken before the search, lines as
// numbers, O(D²) backtracking state, no search for an empty side). Randomised texts with few
// distinct lines make many equally short scripts, where a different tie-break would show; the
// rendered diffs add, remove, reorder and edit objects over several overlays.
#include "diff/linediff.h"
#include "diff/renderdiff.h"

#include <QHash>
#include <QRandomGenerator>
#include <QTest>

#include <vector>

using namespace kanri::diff;

namespace reference {

enum class Op { Keep, Insert, Delete };

// Myers' greedy algorithm with the V arrays kept for backtracking; the inputs here are
// rendered resources (hundreds of lines), for which O((N+M)·D) time and space is fine.
std::vector<Op> shortestEditScript(const QList<QByteArray> &a, const QList<QByteArray> &b)
{
    const int n = int(a.size()), m = int(b.size());
    const int max = n + m;
    const int offset = max + 1;
    std::vector<int> v(size_t(2 * max + 3), 0);
    std::vector<std::vector<int>> trace;
    int found = -1;
    for (int d = 0; d <= max && found < 0; ++d) {
        trace.push_back(v);
        for (int k = -d; k <= d; k += 2) {
            int x;
            if (k == -d || (k != d && v[size_t(offset + k - 1)] < v[size_t(offset + k + 1)]))
                x = v[size_t(offset + k + 1)];
            else
                x = v[size_t(offset + k - 1)] + 1;
            int y = x - k;
            while (x < n && y < m && a[x] == b[y]) {
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
    std::vector<Op> ops;
    int x = n, y = m;
    for (int d = found; d > 0; --d) {
        const std::vector<int> &pv = trace[size_t(d)];
        const int k = x - y;
        int prevK;
        if (k == -d || (k != d && pv[size_t(offset + k - 1)] < pv[size_t(offset + k + 1)]))
            prevK = k + 1;
        else
            prevK = k - 1;
        const int prevX = pv[size_t(offset + prevK)];
        const int prevY = prevX - prevK;
        while (x > prevX && y > prevY) {
            ops.push_back(Op::Keep);
            --x;
            --y;
        }
        ops.push_back(x == prevX ? Op::Insert : Op::Delete);
        x = prevX;
        y = prevY;
    }
    while (x > 0 && y > 0) {
        ops.push_back(Op::Keep);
        --x;
        --y;
    }
    return {ops.rbegin(), ops.rend()};
}

QList<Hunk> hunksOf(const QList<QByteArray> &a, const QList<QByteArray> &b, int context)
{
    const std::vector<Op> ops = shortestEditScript(a, b);

    // Every line with its numbers, then cut into hunks around the changes.
    QList<DiffLine> all;
    int i = 0, j = 0;
    for (Op op : ops) {
        switch (op) {
        case Op::Keep:
            all.append({DiffLine::Kind::Context, a[i], i + 1, j + 1});
            ++i;
            ++j;
            break;
        case Op::Delete:
            all.append({DiffLine::Kind::Removed, a[i], i + 1, 0});
            ++i;
            break;
        case Op::Insert:
            all.append({DiffLine::Kind::Added, b[j], 0, j + 1});
            ++j;
            break;
        }
    }

    QList<Hunk> hunks;
    const int total = int(all.size());
    int pos = 0;
    while (pos < total) {
        while (pos < total && all[pos].kind == DiffLine::Kind::Context)
            ++pos;
        if (pos >= total)
            break;
        int start = std::max(0, pos - context);
        int end = pos;
        // Extend while the next change is within 2*context lines.
        while (end < total) {
            if (all[end].kind != DiffLine::Kind::Context) {
                ++end;
                continue;
            }
            int next = end;
            while (next < total && all[next].kind == DiffLine::Kind::Context)
                ++next;
            if (next < total && next - end <= 2 * context) {
                end = next;
                continue;
            }
            end = std::min(total, end + context);
            break;
        }
        Hunk h;
        for (int k = start; k < end; ++k) {
            const DiffLine &l = all[k];
            h.lines.append(l);
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
                before = all[k].oldLine;
            h.oldStart = before;
        }
        if (!h.newStart) {
            int before = 0;
            for (int k = start - 1; k >= 0 && !before; --k)
                before = all[k].newLine;
            h.newStart = before;
        }
        hunks.append(h);
        pos = end;
    }
    return hunks;
}

} // namespace reference

namespace {

QList<Hunk> referenceDiffLines(const QByteArray &before, const QByteArray &after, int context)
{
    return reference::hunksOf(splitLines(before), splitLines(after), context);
}

// A text of `lines` lines drawn from `alphabet` distinct ones.
QByteArray randomText(QRandomGenerator &rng, int lines, int alphabet)
{
    QByteArray text;
    for (int i = 0; i < lines; ++i)
        text += "  line-" + QByteArray::number(rng.bounded(alphabet)) + '\n';
    return text;
}

// `text` with a few lines replaced, inserted or deleted.
QByteArray mutate(QRandomGenerator &rng, const QByteArray &text, int edits, int alphabet)
{
    QList<QByteArray> lines = splitLines(text);
    for (int e = 0; e < edits; ++e) {
        const int at = lines.isEmpty() ? 0 : int(rng.bounded(int(lines.size()) + 1));
        const QByteArray line = "  line-" + QByteArray::number(rng.bounded(alphabet)) + " *";
        switch (rng.bounded(3)) {
        case 0:
            lines.insert(at, line);
            break;
        case 1:
            if (at < lines.size())
                lines.removeAt(at);
            break;
        default:
            if (at < lines.size())
                lines[at] = line;
            break;
        }
    }
    QByteArray out;
    for (const QByteArray &l : std::as_const(lines))
        out += l + '\n';
    return out;
}

ResourceText object(int id, const QByteArray &yaml)
{
    return {QStringLiteral("apps/v1"),
            QStringLiteral("Deployment"),
            QStringLiteral("ns"),
            QStringLiteral("object-%1").arg(id),
            yaml,
            QString()};
}

// The rendered diff as the test expects it: every object of the after-render that is new or
// whose text differs, in that order, then the removed ones; each with the reference line diff.
QByteArray expectedRenderDiff(const QList<ResourceText> &before, const QList<ResourceText> &after)
{
    QHash<QString, QByteArray> old;
    for (const ResourceText &r : before)
        old.insert(r.key(), r.yaml);
    QByteArray out;
    QSet<QString> seen;
    for (const ResourceText &r : after) {
        seen.insert(r.key());
        const auto it = old.constFind(r.key());
        if (it != old.cend() && *it == r.yaml)
            continue;
        out += "=== env " + r.displayName().toUtf8() +
               (it == old.cend() ? ": added\n" : ": changed\n");
        out += formatHunks(referenceDiffLines(it == old.cend() ? QByteArray() : *it, r.yaml, 3));
    }
    for (const ResourceText &r : before) {
        if (!seen.contains(r.key()))
            out += "=== env " + r.displayName().toUtf8() + ": removed\n" +
                   formatHunks(referenceDiffLines(r.yaml, QByteArray(), 3));
    }
    return out;
}

} // namespace

class TestDiffEquivalence : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lineDiffMatchesTheReference_data();
    void lineDiffMatchesTheReference();
    void renderDiffMatchesTheReference();
    void wholeObjectAddedIsFast();
};

void TestDiffEquivalence::lineDiffMatchesTheReference_data()
{
    QTest::addColumn<int>("lines");
    QTest::addColumn<int>("alphabet");
    QTest::addColumn<int>("edits");
    QTest::newRow("short texts of three distinct lines, many ties") << 12 << 3 << 4;
    QTest::newRow("medium texts of repeated lines, a few edits") << 80 << 6 << 5;
    QTest::newRow("long texts of mostly distinct lines, one edit") << 600 << 400 << 1;
    QTest::newRow("long texts, many edits") << 400 << 50 << 60;
    QTest::newRow("texts unrelated to each other") << 60 << 8 << -1;
}

void TestDiffEquivalence::lineDiffMatchesTheReference()
{
    QFETCH(int, lines);
    QFETCH(int, alphabet);
    QFETCH(int, edits);
    QRandomGenerator rng(20261207u + quint32(lines * 31 + alphabet));
    for (int round = 0; round < 80; ++round) {
        const QByteArray a = randomText(rng, int(rng.bounded(lines + 1)), alphabet);
        const QByteArray b = edits < 0 ? randomText(rng, int(rng.bounded(lines + 1)), alphabet)
                                       : mutate(rng, a, 1 + int(rng.bounded(edits)), alphabet);
        for (int context : {0, 3}) {
            const QByteArray got = formatHunks(diffLines({a, b}, context));
            const QByteArray want = formatHunks(referenceDiffLines(a, b, context));
            if (got != want) {
                qWarning().noquote() << "before:\n" << a << "after:\n" << b;
                QCOMPARE(got, want);
            }
            // Either way round, and against nothing.
            QCOMPARE(formatHunks(diffLines({b, a}, context)),
                     formatHunks(referenceDiffLines(b, a, context)));
            QCOMPARE(formatHunks(diffLines({QByteArray(), a}, context)),
                     formatHunks(referenceDiffLines(QByteArray(), a, context)));
            QCOMPARE(formatHunks(diffLines({a, QByteArray()}, context)),
                     formatHunks(referenceDiffLines(a, QByteArray(), context)));
        }
    }
}

void TestDiffEquivalence::renderDiffMatchesTheReference()
{
    QRandomGenerator rng(22u);
    int next = 1000; // ids of added objects
    for (int overlay = 0; overlay < 40; ++overlay) {
        // An overlay's render, then an edit of it: objects edited, added, removed, reordered.
        QList<ResourceText> before;
        const int objects = 1 + int(rng.bounded(12));
        for (int i = 0; i < objects; ++i)
            before.append(object(i, randomText(rng, 5 + int(rng.bounded(60)), 10)));
        for (int edit = 0; edit < 10; ++edit) {
            QList<ResourceText> after = before;
            for (int change = int(rng.bounded(4)); change >= 0; --change) {
                const int at = int(rng.bounded(int(after.size()) + 1));
                switch (rng.bounded(4)) {
                case 0:
                    if (at < after.size())
                        after[at].yaml = mutate(rng, after[at].yaml, 1 + int(rng.bounded(3)), 10);
                    break;
                case 1:
                    after.insert(at, object(next++, randomText(rng, 1 + int(rng.bounded(20)), 10)));
                    break;
                case 2:
                    if (at < after.size())
                        after.removeAt(at);
                    break;
                default:
                    if (after.size() > 1)
                        after.move(at % after.size(), int(rng.bounded(int(after.size()))));
                    break;
                }
            }
            const QByteArray got =
                formatRenderDiff(diffRenders(before, after), QStringLiteral("env"));
            QCOMPARE(got, expectedRenderDiff(before, after));
            // The same render against itself, object for object: no difference at all.
            QVERIFY(diffRenders(after, after).isEmpty());
            before = after;
        }
    }
}

void TestDiffEquivalence::wholeObjectAddedIsFast()
{
    // A new overlay's diff is its whole render: a 40,000-line object added, and removed, is
    // one step each way (the textbook search kept a V array per line: minutes and gigabytes).
    QByteArray big;
    for (int i = 0; i < 40000; ++i)
        big += "      description: line " + QByteArray::number(i) + '\n';
    QElapsedTimer timer;
    timer.start();
    const QList<Hunk> added = diffLines({QByteArray(), big});
    const QList<Hunk> removed = diffLines({big, QByteArray()});
    QCOMPARE(added.size(), 1);
    QCOMPARE(added.first().newCount, 40000);
    QCOMPARE(removed.first().oldCount, 40000);
    // One line changed in the middle: the search runs over the lines after the common prefix.
    QByteArray changed = big;
    changed.replace("line 20000\n", "line twenty thousand\n");
    const QList<Hunk> one = diffLines({big, changed});
    QCOMPARE(one.size(), 1);
    QCOMPARE(formatHunks(one), formatHunks(referenceDiffLines(big, changed, 3)));
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
}

QTEST_GUILESS_MAIN(TestDiffEquivalence)
#include "tst_diffequivalence.moc"
