// The diff panel (ui/diff) puts a changed diff in by replacing only what differs, builds and
// puts in a large one by pieces, and colours only the lines that come into view (issue 22):
// what it shows must be exactly what a full set shows, and every line in view coloured as the
// diff highlighter colours it.
#include "diff/renderdiff.h"
#include "ui/diff/diffhighlighter.h"
#include "ui/diff/diffpanel.h"

#include <QComboBox>
#include <QPlainTextEdit>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QTest>
#include <QTextBlock>

using namespace kanri;
using platform::LiveDiff;

namespace {

diff::ResourceText object(int id, const QByteArray &yaml)
{
    return {QStringLiteral("apps/v1"),
            QStringLiteral("Deployment"),
            QStringLiteral("shop"),
            QStringLiteral("object-%1").arg(id),
            yaml,
            QString()};
}

QByteArray yamlOf(QRandomGenerator &rng, int lines)
{
    QByteArray y = "spec:\n";
    for (int i = 0; i < lines; ++i)
        y += "  key" + QByteArray::number(i) + ": value-" + QByteArray::number(rng.bounded(4)) +
             (i % 7 == 0 ? "  # a comment" : "") + '\n';
    return y;
}

LiveDiff::EnvironmentDiff environment(const QString &name, const QList<diff::ResourceText> &before,
                                      const QList<diff::ResourceText> &after)
{
    LiveDiff::EnvironmentDiff d;
    d.environment = name;
    d.overlay = QStringLiteral("services/shop/overlays/") + name;
    d.diff = diff::diffRenders(before, after);
    return d;
}

QPlainTextEdit *view(ui::DiffPanel &panel, const QString &name)
{
    for (auto *v : panel.findChildren<QPlainTextEdit *>())
        if (v->accessibleName() == name)
            return v;
    return nullptr;
}

const QStringList kViews{QStringLiteral("Rendered diff"), QStringLiteral("Rendered YAML at HEAD"),
                         QStringLiteral("Rendered YAML with your changes")};

// The formats of a block as the diff highlighter gives them, character by character.
QList<QTextCharFormat> expectedFormats(const QString &text, int previousLanguage)
{
    QList<QTextCharFormat> chars(text.size());
    for (const auto &r : ui::diffLineFormats(text, previousLanguage).runs)
        for (int i = r.start; i < r.start + r.length && i < chars.size(); ++i)
            chars[i] = r.format;
    return chars;
}

QList<QTextCharFormat> shownFormats(const QTextBlock &block)
{
    QList<QTextCharFormat> chars(block.text().size());
    for (const auto &r : block.layout()->formats())
        for (int i = r.start; i < r.start + r.length && i < chars.size(); ++i)
            chars[i] = r.format;
    return chars;
}

} // namespace

class TestDiffPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void incrementalUpdatesShowWhatAFullSetShows();
    void aLargeDiffComesInByPiecesAndEndsTheSame();
    void linesInViewAreColouredAsTheHighlighterColoursThem();
};

void TestDiffPanel::incrementalUpdatesShowWhatAFullSetShows()
{
    QRandomGenerator rng(42);
    ui::DiffPanel panel;
    panel.resize(800, 600);
    panel.show();
    QList<diff::ResourceText> head;
    for (int i = 0; i < 6; ++i)
        head.append(object(i, yamlOf(rng, 10 + int(rng.bounded(30)))));
    QList<diff::ResourceText> working = head;
    for (int round = 0; round < 60; ++round) {
        // An edit: a value changed, an object added, removed or moved; sometimes a second
        // environment and an accounts file come and go.
        const int at = int(rng.bounded(int(working.size())));
        switch (rng.bounded(4)) {
        case 0:
            working[at].yaml.replace("value-" + QByteArray::number(rng.bounded(4)),
                                     "edited-" + QByteArray::number(round));
            break;
        case 1:
            working.insert(at, object(100 + round, yamlOf(rng, 5)));
            break;
        case 2:
            if (working.size() > 1)
                working.removeAt(at);
            break;
        default:
            working.move(at, int(rng.bounded(int(working.size()))));
            break;
        }
        QList<LiveDiff::EnvironmentDiff> results{environment(QStringLiteral("dev"), head, working)};
        if (round % 3 == 0)
            results.append(environment(QStringLiteral("prd"), head, working.mid(1)));
        QList<LiveDiff::FileDiff> accounts;
        if (round % 4 == 1)
            accounts.append(
                {QStringLiteral("main.tf"),
                 diff::diffLines({"a = 1\n", "a = " + QByteArray::number(round) + "\n"})});
        panel.setResults(QStringLiteral("shop"), results);
        panel.setAccountsDiffs(accounts);
        ui::DiffPanel full; // a panel that never showed anything: a full set
        full.setResults(QStringLiteral("shop"), results);
        full.setAccountsDiffs(accounts);
        panel.finishPending();
        full.finishPending();
        for (const QString &name : kViews)
            QCOMPARE(view(panel, name)->toPlainText(), view(full, name)->toPlainText());
        QCOMPARE(panel.unifiedText(), full.unifiedText());
        QCOMPARE(panel.summaryText(), full.summaryText());
        QVERIFY(panel.isUpToDate());
        // The side-by-side columns' changed characters follow the text.
        for (int side : {1, 2}) {
            QStringList a, b;
            for (const auto &s : view(panel, kViews[side])->extraSelections())
                a << s.cursor.selectedText();
            for (const auto &s : view(full, kViews[side])->extraSelections())
                b << s.cursor.selectedText();
            QCOMPARE(a, b);
        }
    }
}

void TestDiffPanel::aLargeDiffComesInByPiecesAndEndsTheSame()
{
    // A new overlay: every object added, ~1 MB of diff. It is built on a worker and put in by
    // pieces: the panel is not up to date at once, and then is, with the full text.
    QRandomGenerator rng(7);
    QList<diff::ResourceText> objects;
    for (int i = 0; i < 40; ++i)
        objects.append(object(i, yamlOf(rng, 1200)));
    const QList<LiveDiff::EnvironmentDiff> results{environment(QStringLiteral("prd"), {}, objects)};
    ui::DiffPanel panel;
    panel.resize(800, 600);
    panel.show();
    panel.setResults(QStringLiteral("shop"), results);
    QVERIFY(!panel.isUpToDate());
    QTRY_VERIFY_WITH_TIMEOUT(panel.isUpToDate(), 30000);
    const QString text = view(panel, kViews[0])->toPlainText();
    QVERIFY(text.size() > 900'000);
    QCOMPARE(text,
             QString::fromUtf8(diff::formatRenderDiff(results[0].diff, QStringLiteral("prd ·"))));
    // One value changed in the middle: the rest stays in place, and the text is the new one.
    QList<diff::ResourceText> edited = objects;
    edited[20].yaml.replace("key400: ", "key400: changed-");
    const QList<LiveDiff::EnvironmentDiff> next{environment(QStringLiteral("prd"), {}, edited)};
    QPlainTextEdit *unified = view(panel, kViews[0]);
    unified->verticalScrollBar()->setValue(unified->verticalScrollBar()->maximum() / 2);
    const int scrolled = unified->verticalScrollBar()->value();
    panel.setResults(QStringLiteral("shop"), next);
    QTRY_VERIFY_WITH_TIMEOUT(panel.isUpToDate(), 30000);
    QCOMPARE(unified->toPlainText(),
             QString::fromUtf8(diff::formatRenderDiff(next[0].diff, QStringLiteral("prd ·"))));
    QCOMPARE(unified->verticalScrollBar()->value(), scrolled); // not thrown back to the top
    // Asked for its text while a large diff is under way, the panel finishes it first.
    panel.setResults(QStringLiteral("shop"), results);
    QCOMPARE(panel.unifiedText(), text);
    QVERIFY(panel.isUpToDate());
}

void TestDiffPanel::linesInViewAreColouredAsTheHighlighterColoursThem()
{
    QRandomGenerator rng(9);
    QList<diff::ResourceText> before, after;
    for (int i = 0; i < 30; ++i) {
        before.append(object(i, yamlOf(rng, 300)));
        after.append(object(i, yamlOf(rng, 300)));
    }
    QList<LiveDiff::FileDiff> accounts{
        {QStringLiteral("main.tf"),
         diff::diffLines({"a = \"x\" # old\n", "a = \"y\" // new\nb = 2\n"})}};
    ui::DiffPanel panel;
    panel.resize(800, 600);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.setResults(QStringLiteral("shop"), {environment(QStringLiteral("prd"), before, after)});
    panel.setAccountsDiffs(accounts);
    panel.finishPending();
    QPlainTextEdit *unified = view(panel, kViews[0]);
    auto *highlighter = unified->findChild<ui::DiffViewHighlighter *>();
    QVERIFY(highlighter);
    QTextDocument *doc = unified->document();
    QVERIFY(doc->blockCount() > 5000);
    QScrollBar *bar = unified->verticalScrollBar();
    // Top, middle, the accounts file at the end (Terraform colours), and back up.
    for (int value : {0, bar->maximum() / 2, bar->maximum(), bar->maximum() / 3}) {
        bar->setValue(value);
        QCoreApplication::processEvents();
        const int lines = unified->viewport()->height() / unified->fontMetrics().lineSpacing();
        for (int n = value; n < std::min(value + lines, doc->blockCount()); ++n) {
            const QTextBlock b = doc->findBlockByNumber(n);
            QVERIFY2(highlighter->isHighlighted(n), qPrintable(QString::number(n)));
            // The section's language: the last header above.
            QTextBlock h = b;
            while (h.isValid() && !h.text().startsWith(QLatin1String("===")))
                h = h.previous();
            const int language = h.isValid() ? ui::diffLineFormats(h.text(), -1).language : -1;
            QCOMPARE(shownFormats(b), expectedFormats(b.text(), language));
        }
    }
    // Far from anything shown, nothing was coloured: the work is a screenful, not the document.
    bar->setValue(0);
    QCoreApplication::processEvents();
    int coloured = 0;
    for (int n = 0; n < doc->blockCount(); ++n)
        coloured += highlighter->isHighlighted(n) ? 1 : 0;
    QVERIFY2(coloured < doc->blockCount() / 4, qPrintable(QString::number(coloured)));
    // The accounts section is Terraform: its string is coloured as a string.
    bar->setValue(bar->maximum());
    QCoreApplication::processEvents();
    const QTextBlock last = doc->lastBlock().previous();
    QVERIFY(last.text().startsWith(QLatin1Char('+')) || last.text().startsWith(QLatin1Char(' ')));
    QVERIFY(highlighter->isHighlighted(last.blockNumber()));
}

QTEST_MAIN(TestDiffPanel)
#include "tst_diffpanel.moc"
