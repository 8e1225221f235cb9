// The reports of `kanri diff --format text|markdown|html|json` (models/diff/diffreport): the
// Markdown fits a GitHub pull-request comment and says what it cut, the HTML is one
// self-contained page, the JSON lists each overlay's resources by change, and no format ever
// shows a Secret's value.

#include "diff/diffreport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace kanri::diff;

class TestDiffReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void textIsTheRenderDiffOfEachOverlay();
    void markdownHasTheMarkerThenCountsThenFoldedDiffs();
    void markdownWithoutDifferencesSaysSo();
    void markdownFenceOutgrowsBackticksInTheDiff();
    void markdownOverTheLimitIsCutAndSaysWhat_data();
    void markdownOverTheLimitIsCutAndSaysWhat();
    void htmlIsSelfContainedAndEscaped();
    void jsonListsResourcesByChange();
    void secretValuesAppearInNoFormat_data();
    void secretValuesAppearInNoFormat();
    void formatNames();
    void overlaysThatDoNotRenderComeFirst();
};

namespace {

ResourceText resource(const QString &kind, const QString &name, const QByteArray &yaml)
{
    return {kind == QLatin1String("Deployment") ? QStringLiteral("apps/v1") : QStringLiteral("v1"),
            kind,
            QStringLiteral("payments"),
            name,
            yaml,
            {}};
}

QByteArray deployment(int replicas, const QByteArray &extra = {})
{
    return "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: payment-api\nspec:\n"
           "  replicas: " +
           QByteArray::number(replicas) + "\n" + extra;
}

// payment-api's prd overlay: a Deployment changed, a ConfigMap added; dev: a Secret changed.
QList<OverlayDiff> sample()
{
    const QList<ResourceText> prdBefore{
        resource(QStringLiteral("Deployment"), QStringLiteral("payment-api"), deployment(3))};
    const QList<ResourceText> prdAfter{
        resource(QStringLiteral("Deployment"), QStringLiteral("payment-api"), deployment(8)),
        resource(QStringLiteral("ConfigMap"), QStringLiteral("flags"),
                 "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: flags\ndata:\n"
                 "  mode: <script>alert(1)</script>\n")};
    const QList<ResourceText> devBefore{resource(
        QStringLiteral("Secret"), QStringLiteral("db"),
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: czNjcjN0LW9sZA==\n"
        "stringData:\n  token: hunter2-old\n")};
    const QList<ResourceText> devAfter{resource(
        QStringLiteral("Secret"), QStringLiteral("db"),
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n  labels:\n    rotated: \"yes\"\n"
        "data:\n  password: czNjcjN0LW5ldw==\nstringData:\n  token: hunter2-new\n")};
    return {
        {QStringLiteral("manifests"), QStringLiteral("services/payment-api/overlays/prd"),
         diffRenders(prdBefore, prdAfter)},
        {QStringLiteral("manifests"), QStringLiteral("services/payment-api/overlays/dev"),
         diffRenders(devBefore, devAfter)},
    };
}

// `count` overlays, each with one added ConfigMap of `lines` entries (an addition: cheap to diff).
QList<OverlayDiff> large(int count, int lines)
{
    QByteArray yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: flags\ndata:\n";
    for (int l = 0; l < lines; ++l)
        yaml += "  FLAG_" + QByteArray::number(l) + ": \"on\"\n";
    const RenderDiff one =
        diffRenders({}, {resource(QStringLiteral("ConfigMap"), QStringLiteral("flags"), yaml)});
    QList<OverlayDiff> out;
    for (int i = 0; i < count; ++i) {
        out.append({QStringLiteral("manifests"),
                    QStringLiteral("services/svc-%1/overlays/prd").arg(i, 4, 10, QLatin1Char('0')),
                    one});
    }
    return out;
}

// The lines of a Markdown text that open or close a code fence are balanced.
bool fencesBalanced(const QByteArray &markdown)
{
    static const QRegularExpression fence(QStringLiteral("^(`{3,})(\\S*)$"));
    QString open;
    for (const QString &line : QString::fromUtf8(markdown).split(QLatin1Char('\n'))) {
        const auto m = fence.match(line);
        if (!m.hasMatch())
            continue;
        if (open.isEmpty())
            open = m.captured(1);
        else if (m.captured(1).size() >= open.size() && m.captured(2).isEmpty())
            open.clear();
    }
    return open.isEmpty();
}

} // namespace

void TestDiffReport::textIsTheRenderDiffOfEachOverlay()
{
    const QList<OverlayDiff> overlays = sample();
    QCOMPARE(formatReport(overlays, ReportFormat::Text),
             formatRenderDiff(overlays[0].diff,
                              QStringLiteral("manifests services/payment-api/overlays/prd")) +
                 formatRenderDiff(overlays[1].diff,
                                  QStringLiteral("manifests services/payment-api/overlays/dev")));
}

void TestDiffReport::markdownHasTheMarkerThenCountsThenFoldedDiffs()
{
    const QByteArray md = formatReport(sample(), ReportFormat::Markdown, {QStringLiteral("main")});
    QVERIFY2(md.startsWith(QByteArray(kMarkdownMarker) + '\n'), md.constData());
    QVERIFY(md.contains("against `main`"));
    QVERIFY2(md.contains("2 overlay(s) differ: 2 resource(s) changed, 1 added, 0 removed"),
             md.constData());
    const qsizetype table = md.indexOf("| Overlay | Changed | Added | Removed | Renamed |");
    const qsizetype prdRow =
        md.indexOf("| `manifests services/payment-api/overlays/prd` | 1 | 1 | 0 | 0 |");
    const qsizetype firstDetails = md.indexOf("<details>");
    QVERIFY(table > 0);
    QVERIFY2(prdRow > table, md.constData());
    QVERIFY(firstDetails > prdRow);
    QCOMPARE(md.count("<details><summary>"), 3);
    QCOMPARE(md.count("</details>"), 3);
    QVERIFY(md.contains("<details><summary>Deployment payment-api (payments): changed</summary>\n\n"
                        "```diff\n@@ -3,4 +3,4 @@\n"));
    QVERIFY(md.contains("+  replicas: 8\n"));
    // HTML in a summary is escaped; in a fenced block it is text already.
    QVERIFY(md.contains("<summary>ConfigMap flags (payments): added</summary>"));
    QVERIFY(fencesBalanced(md));
    QVERIFY(!md.contains("truncated"));
}

void TestDiffReport::markdownWithoutDifferencesSaysSo()
{
    const QByteArray md = formatReport({}, ReportFormat::Markdown, {QStringLiteral("origin/main")});
    QCOMPARE(md, QByteArray("<!-- kanri-rendered-diff -->\n### Kanri: rendered diff against "
                            "`origin/main`\n\nNo rendered differences.\n"));
}

void TestDiffReport::markdownFenceOutgrowsBackticksInTheDiff()
{
    const QList<OverlayDiff> overlays{
        {QStringLiteral("manifests"), QStringLiteral("odd|`name`"),
         diffRenders({}, {resource(QStringLiteral("ConfigMap"), QStringLiteral("doc"),
                                   "data:\n  readme: |\n    ```\n    ````sh\n")})}};
    const QByteArray md = formatReport(overlays, ReportFormat::Markdown);
    QVERIFY2(md.contains("`````diff\n"), md.constData());
    QVERIFY(fencesBalanced(md));
    // A pipe in a table cell is escaped, a backtick inside a code span widens its fence.
    QVERIFY2(md.contains("| `` manifests odd\\|`name` `` |"), md.constData());
}

void TestDiffReport::markdownOverTheLimitIsCutAndSaysWhat_data()
{
    QTest::addColumn<int>("overlays");
    QTest::addColumn<int>("lines");
    QTest::addColumn<qsizetype>("limit");
    QTest::newRow("many overlays with small diffs, GitHub's limit")
        << 600 << 20 << qsizetype(65536);
    QTest::newRow("one huge resource diff is cut at a line") << 1 << 5000 << qsizetype(65536);
    QTest::newRow("so many overlays that the table itself is cut") << 3000 << 1 << qsizetype(65536);
    QTest::newRow("a small limit") << 10 << 10 << qsizetype(4000);
}

void TestDiffReport::markdownOverTheLimitIsCutAndSaysWhat()
{
    QFETCH(int, overlays);
    QFETCH(int, lines);
    QFETCH(qsizetype, limit);
    const QList<OverlayDiff> diffs = large(overlays, lines);
    const QByteArray whole =
        formatReport(diffs, ReportFormat::Markdown, {QStringLiteral("main"), 100'000'000});
    QVERIFY(whole.size() > limit);
    const QByteArray md =
        formatReport(diffs, ReportFormat::Markdown, {QStringLiteral("main"), limit});
    QVERIFY2(md.size() <= limit, QByteArray::number(md.size()).constData());
    QVERIFY(QString::fromUtf8(md).size() <= limit);
    QVERIFY(md.size() > limit / 2); // the room is used
    QVERIFY(md.startsWith(kMarkdownMarker));
    QVERIFY2(md.contains("**This comment is truncated**"), md.right(3000).constData());
    QVERIFY(md.contains("kanri diff --base main --format html"));
    QVERIFY2(md.contains("Overlays not shown in full:"), md.right(3000).constData());
    QVERIFY(fencesBalanced(md));
    QCOMPARE(md.count("<details>"), md.count("</details>"));
    const QRegularExpression leftOut(QStringLiteral("(\\d+) of (\\d+) resource diff"));
    const auto m = leftOut.match(QString::fromUtf8(md));
    QVERIFY(m.hasMatch());
    QCOMPARE(m.captured(2).toInt(), overlays);
    // Shown in full and left out add up (a cut one counts as left out).
    const int cut = md.contains("*Cut: the first") ? 1 : 0;
    QCOMPARE(int(md.count("<details>")) - cut + m.captured(1).toInt(), overlays);
}

void TestDiffReport::htmlIsSelfContainedAndEscaped()
{
    const QByteArray html = formatReport(sample(), ReportFormat::Html, {QStringLiteral("a<b")});
    QVERIFY(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"));
    QVERIFY(html.contains("<meta charset=\"utf-8\">"));
    QVERIFY(html.contains("<style>"));
    QVERIFY(html.trimmed().endsWith("</html>"));
    for (const char *external :
         {"<script", "<link", "src=", "http://", "https://", "@import", "url("})
        QVERIFY2(!html.contains(external), external);
    QVERIFY(html.contains("+  mode: &lt;script&gt;alert(1)&lt;/script&gt;"));
    QVERIFY(html.contains("against <code>a&lt;b</code>"));
    QVERIFY(html.contains("<span class=\"add\">+  replicas: 8</span>"));
    QVERIFY(html.contains("<span class=\"del\">-  replicas: 3</span>"));
    QVERIFY(html.contains("<a href=\"#overlay-2\">"));
    QVERIFY(html.contains("<section id=\"overlay-2\">"));
}

void TestDiffReport::jsonListsResourcesByChange()
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(
        formatReport(sample(), ReportFormat::Json, {QStringLiteral("main")}), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonObject root = doc.object();
    QCOMPARE(root.value(QStringLiteral("base")).toString(), QStringLiteral("main"));
    const QJsonArray overlays = root.value(QStringLiteral("overlays")).toArray();
    QCOMPARE(overlays.size(), 2);
    const QJsonObject prd = overlays[0].toObject();
    QCOMPARE(prd.value(QStringLiteral("repository")).toString(), QStringLiteral("manifests"));
    QCOMPARE(prd.value(QStringLiteral("overlay")).toString(),
             QStringLiteral("services/payment-api/overlays/prd"));
    QCOMPARE(prd.value(QStringLiteral("counts")).toObject().value(QStringLiteral("added")).toInt(),
             1);
    const QJsonArray changed = prd.value(QStringLiteral("changed")).toArray();
    QCOMPARE(changed.size(), 1);
    const QJsonObject dep = changed[0].toObject();
    QCOMPARE(dep.value(QStringLiteral("kind")).toString(), QStringLiteral("Deployment"));
    QCOMPARE(dep.value(QStringLiteral("apiVersion")).toString(), QStringLiteral("apps/v1"));
    QCOMPARE(dep.value(QStringLiteral("namespace")).toString(), QStringLiteral("payments"));
    QVERIFY(dep.value(QStringLiteral("diff")).toString().contains(QLatin1String("+  replicas: 8")));
    QCOMPARE(prd.value(QStringLiteral("added")).toArray().size(), 1);
    QCOMPARE(prd.value(QStringLiteral("removed")).toArray().size(), 0);
    QCOMPARE(prd.value(QStringLiteral("renamed")).toArray().size(), 0);
}

void TestDiffReport::secretValuesAppearInNoFormat_data()
{
    QTest::addColumn<int>("format");
    QTest::newRow("text") << int(ReportFormat::Text);
    QTest::newRow("markdown") << int(ReportFormat::Markdown);
    QTest::newRow("html") << int(ReportFormat::Html);
    QTest::newRow("json") << int(ReportFormat::Json);
}

void TestDiffReport::secretValuesAppearInNoFormat()
{
    QFETCH(int, format);
    const QByteArray out = formatReport(sample(), ReportFormat(format));
    for (const char *value : {"czNjcjN0", "hunter2"})
        QVERIFY2(!out.contains(value), out.constData());
    QVERIFY2(out.contains("*** (changed)"), out.constData());
    QVERIFY(out.contains("rotated"));
}

// A change that breaks an overlay's build must not read as "no differences" in the comment.
void TestDiffReport::overlaysThatDoNotRenderComeFirst()
{
    ReportOptions options{QStringLiteral("main")};
    options.failures = {{QStringLiteral("manifests"), QStringLiteral("services/web/overlays/prd"),
                         QStringLiteral("services/web/overlays/prd/kustomization.yaml:3:5: error: "
                                        "<b>bad</b> ") +
                             QString(2000, QLatin1Char('x'))}};
    const QByteArray md = formatReport({}, ReportFormat::Markdown, options);
    QVERIFY2(md.contains("**1 overlay(s) do not render**"), md.constData());
    QVERIFY(md.contains("`manifests services/web/overlays/prd`: `services/web/overlays/prd/"
                        "kustomization.yaml:3:5: error:"));
    QVERIFY2(md.size() < 1000, md.constData()); // the message is cut
    QVERIFY(md.indexOf("do not render") < md.indexOf("No rendered differences."));
    const QByteArray withDiffs = formatReport(sample(), ReportFormat::Markdown, options);
    QVERIFY(withDiffs.indexOf("do not render") < withDiffs.indexOf("| Overlay |"));

    const QByteArray html = formatReport({}, ReportFormat::Html, options);
    QVERIFY(html.contains("Overlays that do not render"));
    QVERIFY(html.contains("&lt;b&gt;bad&lt;/b&gt;"));
    QVERIFY(!html.contains("<b>bad</b>"));

    const QJsonObject json =
        QJsonDocument::fromJson(formatReport({}, ReportFormat::Json, options)).object();
    const QJsonArray failures = json.value(QStringLiteral("failures")).toArray();
    QCOMPARE(failures.size(), 1);
    QCOMPARE(failures[0].toObject().value(QStringLiteral("overlay")).toString(),
             QStringLiteral("services/web/overlays/prd"));
    QVERIFY(failures[0]
                .toObject()
                .value(QStringLiteral("error"))
                .toString()
                .contains(QStringLiteral("kustomization.yaml:3:5")));
}

void TestDiffReport::formatNames()
{
    QCOMPARE(reportFormatFromName(QStringLiteral("markdown")), ReportFormat::Markdown);
    QCOMPARE(reportFormatFromName(QStringLiteral("html")), ReportFormat::Html);
    QCOMPARE(reportFormatFromName(QStringLiteral("json")), ReportFormat::Json);
    QCOMPARE(reportFormatFromName(QStringLiteral("text")), ReportFormat::Text);
    QVERIFY(!reportFormatFromName(QStringLiteral("sarif")));
}

QTEST_GUILESS_MAIN(TestDiffReport)
#include "tst_diffreport.moc"
