#include "diff/linediff.h"
#include "diff/renderdiff.h"

#include <QTest>

using namespace kanri::diff;

class TestDiff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void unifiedHunks_data();
    void unifiedHunks();
    void farApartChangesMakeTwoHunks();
    void fileDiff_data();
    void fileDiff();
    void resourcesAddedRemovedChanged();
    void hashSuffixChangeIsARename();
    void secretValuesAreMasked();
    void unchangedRenderIsEmpty();
    void intraLine_data();
    void intraLine();
};

void TestDiff::unifiedHunks_data()
{
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<QByteArray>("after");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("one line changed in the middle")
        << QByteArray("a\nb\nc\nd\ne\n") << QByteArray("a\nb\nX\nd\ne\n")
        << QByteArray("@@ -1,5 +1,5 @@\n a\n b\n-c\n+X\n d\n e\n");
    QTest::newRow("a line added at the end") << QByteArray("a\nb\n") << QByteArray("a\nb\nc\n")
                                             << QByteArray("@@ -1,2 +1,3 @@\n a\n b\n+c\n");
    QTest::newRow("everything added to an empty text")
        << QByteArray() << QByteArray("x\ny\n") << QByteArray("@@ -0,0 +1,2 @@\n+x\n+y\n");
    QTest::newRow("everything removed")
        << QByteArray("x\n") << QByteArray() << QByteArray("@@ -1 +0,0 @@\n-x\n");
    QTest::newRow("identical texts give no hunk")
        << QByteArray("same\n") << QByteArray("same\n") << QByteArray();
}

void TestDiff::unifiedHunks()
{
    QFETCH(QByteArray, before);
    QFETCH(QByteArray, after);
    QFETCH(QByteArray, expected);
    QCOMPARE(formatHunks(diffLines({before, after})), expected);
}

void TestDiff::farApartChangesMakeTwoHunks()
{
    QByteArray a, b;
    for (int i = 1; i <= 30; ++i) {
        a += "line " + QByteArray::number(i) + '\n';
        b += (i == 3 || i == 25 ? "changed " : "line ") + QByteArray::number(i) + '\n';
    }
    const QList<Hunk> hunks = diffLines({a, b});
    QCOMPARE(hunks.size(), 2);
    QCOMPARE(hunks[0].header(), QByteArray("@@ -1,6 +1,6 @@"));
    QCOMPARE(hunks[1].header(), QByteArray("@@ -22,7 +22,7 @@"));
}

static ResourceText res(const char *apiVersion, const char *kind, const char *name,
                        const QByteArray &yaml, const char *ns = "shop")
{
    return ResourceText{QString::fromLatin1(apiVersion),
                        QString::fromLatin1(kind),
                        QString::fromLatin1(ns),
                        QString::fromLatin1(name),
                        yaml,
                        {}};
}

// A file's unified diff, as `kanri tf ... --dry-run` prints it (diff -u's format, checked
// against GNU diff's output for the same inputs).
void TestDiff::fileDiff_data()
{
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<QByteArray>("after");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("equal texts give no diff")
        << QByteArray("a\n") << QByteArray("a\n") << QByteArray();
    QTest::newRow("a changed line with its context")
        << QByteArray("a\nb\nc\n") << QByteArray("a\nB\nc\n")
        << QByteArray("--- a/dir/x.tf\n+++ b/dir/x.tf\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n");
    QTest::newRow("a final line break added is a change of the last line")
        << QByteArray("a\nb") << QByteArray("a\nb\n")
        << QByteArray("--- a/dir/x.tf\n+++ b/dir/x.tf\n@@ -1,2 +1,2 @@\n a\n-b\n"
                      "\\ No newline at end of file\n+b\n");
    QTest::newRow("a last line without a line break stays marked as context")
        << QByteArray("a\nb\nc") << QByteArray("A\nb\nc")
        << QByteArray("--- a/dir/x.tf\n+++ b/dir/x.tf\n@@ -1,3 +1,3 @@\n-a\n+A\n b\n c\n"
                      "\\ No newline at end of file\n");
    QTest::newRow("a new file's lines are all added")
        << QByteArray() << QByteArray("x\n")
        << QByteArray("--- a/dir/x.tf\n+++ b/dir/x.tf\n@@ -0,0 +1 @@\n+x\n");
}

void TestDiff::fileDiff()
{
    QFETCH(QByteArray, before);
    QFETCH(QByteArray, after);
    QFETCH(QByteArray, expected);
    QCOMPARE(unifiedDiff(QStringLiteral("/dir/x.tf"), {before, after}), expected);
}

void TestDiff::resourcesAddedRemovedChanged()
{
    const QList<ResourceText> before{
        res("apps/v1", "Deployment", "api", "spec:\n  replicas: 2\n"),
        res("v1", "Service", "api", "spec:\n  port: 80\n"),
        res("v1", "ConfigMap", "old", "data: {}\n"),
    };
    const QList<ResourceText> after{
        res("apps/v1", "Deployment", "api", "spec:\n  replicas: 5\n"),
        res("v1", "Service", "api", "spec:\n  port: 80\n"),
        res("policy/v1", "PodDisruptionBudget", "api", "spec: {}\n"),
    };
    const RenderDiff d = diffRenders(before, after);
    QCOMPARE(d.changed, 1);
    QCOMPARE(d.added, 1);
    QCOMPARE(d.removed, 1);
    QCOMPARE(d.summary(), QStringLiteral("1 changed, 1 added, 1 removed"));
    QCOMPARE(d.resources[0].change, ResourceDiff::Change::Modified);
    QCOMPARE(formatHunks(d.resources[0].hunks),
             QByteArray("@@ -1,2 +1,2 @@\n spec:\n-  replicas: 2\n+  replicas: 5\n"));
    const QByteArray text = formatRenderDiff(d, QStringLiteral("prd"));
    QVERIFY(text.contains("=== prd Deployment api (shop): changed\n"));
    QVERIFY(text.contains("=== prd ConfigMap old (shop): removed\n"));
}

void TestDiff::hashSuffixChangeIsARename()
{
    const QList<ResourceText> before{
        res("v1", "ConfigMap", "app-config-5d8f7c9b2k", "data:\n  A: one\n")};
    const QList<ResourceText> after{
        res("v1", "ConfigMap", "app-config-hm7k9bt2g6", "data:\n  A: two\n")};
    const RenderDiff d = diffRenders(before, after);
    QCOMPARE(d.renamed, 1);
    QCOMPARE(d.added + d.removed, 0);
    QVERIFY(formatRenderDiff(d).contains("renamed from app-config-5d8f7c9b2k"));
    QCOMPARE(stripHashSuffix(QStringLiteral("app-config-5d8f7c9b2k")),
             QStringLiteral("app-config"));
    QVERIFY(!stripHashSuffix(QStringLiteral("payment-api")).has_value());
}

void TestDiff::secretValuesAreMasked()
{
    const QList<ResourceText> before{
        res("v1", "Secret", "db", "data:\n  password: c2VjcmV0\n  user: YWRtaW4=\nkind: Secret\n")};
    const QList<ResourceText> after{
        res("v1", "Secret", "db",
            "data:\n  password: bmV3LXNlY3JldA==\n  user: YWRtaW4=\nkind: Secret\n")};
    const RenderDiff d = diffRenders(before, after);
    QCOMPARE(d.changed, 1);
    const QByteArray text = formatRenderDiff(d);
    QVERIFY(!text.contains("c2VjcmV0"));
    QVERIFY(!text.contains("bmV3LXNlY3JldA"));
    QVERIFY(!text.contains("YWRtaW4"));
    QVERIFY(text.contains("+  password: '*** (changed)'"));
    QVERIFY(text.contains("  user: '***'"));
}

void TestDiff::unchangedRenderIsEmpty()
{
    const QList<ResourceText> same{res("v1", "Service", "a", "x: 1\n")};
    const RenderDiff d = diffRenders(same, same);
    QVERIFY(d.isEmpty());
    QCOMPARE(d.summary(), QStringLiteral("no changes"));
}

void TestDiff::intraLine_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::addColumn<QString>("removed"); // the changed characters of each side
    QTest::addColumn<QString>("added");
    QTest::newRow("a number changes inside a key: value line") << "  replicas: 2"
                                                               << "  replicas: 8"
                                                               << "2"
                                                               << "8";
    QTest::newRow("an image tag changes, the repository stays") << "image: ghcr.io/acme/api:1.2.3"
                                                                << "image: ghcr.io/acme/api:1.4.0"
                                                                << "2.3"
                                                                << "4.0";
    QTest::newRow("text inserted in the middle leaves the old side empty") << "cpu: 100m"
                                                                           << "cpu: 1000m"
                                                                           << ""
                                                                           << "0";
    QTest::newRow("equal lines have no change") << "a: b"
                                                << "a: b"
                                                << ""
                                                << "";
    QTest::newRow("the whole line differs") << "abc"
                                            << "xyz"
                                            << "abc"
                                            << "xyz";
    QTest::newRow("a changed emoji is not split between its surrogates")
        << QString::fromUtf8("v: \xF0\x9F\x98\x80!") << QString::fromUtf8("v: \xF0\x9F\x98\x81!")
        << QString::fromUtf8("\xF0\x9F\x98\x80") << QString::fromUtf8("\xF0\x9F\x98\x81");
}

void TestDiff::intraLine()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    QFETCH(QString, removed);
    QFETCH(QString, added);
    const kanri::diff::IntraLineChange c = kanri::diff::intraLineDiff(before, after);
    QCOMPARE(before.mid(c.start, c.end[0] - c.start), removed);
    QCOMPARE(after.mid(c.start, c.end[1] - c.start), added);
    QCOMPARE(c.isEmpty(), before == after);
}

QTEST_GUILESS_MAIN(TestDiff)
#include "tst_diff.moc"
