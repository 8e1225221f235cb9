#include "yamlemitter.h"
#include "yamlvalue.h"

#include <QtTest>

using kanri::yaml::Value;

// The emitter must print exactly what kustomize v5.5.0 prints (JSON round trip, then go-yaml v2).
class TestYamlEmitter : public QObject
{
    Q_OBJECT

private:
    static QByteArray roundTrip(const QByteArray &in)
    {
        auto docs = kanri::yaml::parseDocuments(in);
        if (!docs || docs->empty())
            return "<parse error>";
        return QByteArray::fromStdString(kanri::yaml::emitKustomizeYaml(docs->front()));
    }

private Q_SLOTS:
    void scalars_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("YAML 1.1 booleans stay strings and are quoted")
            << QByteArray("a: yes\nb: \"on\"\nc: \"y\"\n")
            << QByteArray("a: \"yes\"\nb: \"on\"\nc: \"y\"\n");
        QTest::newRow("the key n is quoted") << QByteArray("n: 1\n") << QByteArray("\"n\": 1\n");
        QTest::newRow("numbers are normalised through JSON")
            << QByteArray("a: 1.0\nb: 1e3\nc: 0x1F\nd: 007\ne: 1.5\n")
            << QByteArray("a: 1\nb: 1000\nc: 31\nd: 7\ne: 1.5\n");
        QTest::newRow("quoted numbers stay strings")
            << QByteArray("a: \"12\"\nb: '1e3'\n") << QByteArray("a: \"12\"\nb: \"1e3\"\n");
        QTest::newRow("an unquoted date becomes an RFC 3339 string")
            << QByteArray("d: 2001-12-14\n") << QByteArray("d: \"2001-12-14T00:00:00Z\"\n");
        QTest::newRow("null and tilde print as null")
            << QByteArray("a: ~\nb: null\nc:\n") << QByteArray("a: null\nb: null\nc: null\n");
        QTest::newRow("indicators are single-quoted")
            << QByteArray("a: \"*x\"\nb: \"a: b\"\nc: \" x\"\nd: \"it's\"\n")
            << QByteArray("a: '*x'\nb: 'a: b'\nc: ' x'\nd: it's\n");
        QTest::newRow("tabs force double quotes with escapes")
            << QByteArray("a: \"x\\ty\"\n") << QByteArray("a: \"x\\ty\"\n");
        QTest::newRow("multi-line strings become literal blocks")
            << QByteArray("a: \"l1\\nl2\\n\"\nb: \"l1\\nl2\"\n")
            << QByteArray("a: |\n  l1\n  l2\nb: |-\n  l1\n  l2\n");
        QTest::newRow("empty collections stay in flow style")
            << QByteArray("a: {}\nb: []\n") << QByteArray("a: {}\nb: []\n");
        QTest::newRow("sequences are not indented under their key")
            << QByteArray("a:\n  - x\n  - y: 1\n    z: 2\n")
            << QByteArray("a:\n- x\n- \"y\": 1\n  z: 2\n");
        QTest::newRow("keys sort in go-yaml order")
            << QByteArray("b: 1\nx10: 1\nx9: 1\nB: 1\n_u: 1\na: 1\n")
            << QByteArray("_u: 1\nB: 1\na: 1\nb: 1\nx9: 1\nx10: 1\n");
    }
    void scalars()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, expected);
        QCOMPARE(roundTrip(input), expected);
    }

    void longStringsFoldAtEightyColumns()
    {
        QByteArray words;
        for (int i = 0; i < 30; ++i)
            words += "word ";
        words.chop(1);
        const QByteArray out = roundTrip("k: \"" + words + "\"\n");
        const QList<QByteArray> lines = out.split('\n');
        QVERIFY(lines.size() > 2);
        QVERIFY(lines[1].startsWith("  word"));
        QCOMPARE(QByteArray(out).replace("\n  ", " ").trimmed(), "k: " + words);
    }

    void aliasBombIsRefused()
    {
        QByteArray bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
        char prev = 'a';
        for (char c = 'b'; c <= 'k'; ++c) {
            bomb += QByteArray(1, c) + ": &" + QByteArray(1, c) + " [";
            for (int i = 0; i < 10; ++i)
                bomb += QByteArray(i ? ", *" : "*") + QByteArray(1, prev);
            bomb += "]\n";
            prev = c;
        }
        auto r = kanri::yaml::parseDocuments(bomb);
        QVERIFY(!r);
        QVERIFY2(r.error().message.contains(QLatin1String("too many nodes")),
                 qPrintable(r.error().message));
    }

    void deepNestingIsRefused()
    {
        const QByteArray deep = QByteArray(5000, '[') + QByteArray(5000, ']');
        auto r = kanri::yaml::parseDocuments(deep);
        QVERIFY(!r);
        QVERIFY2(r.error().message.contains(QLatin1String("deep")), qPrintable(r.error().message));
    }

    void hugeDocumentIsRefused()
    {
        kanri::yaml::ParseLimits limits;
        limits.maxBytes = 1024;
        auto r =
            kanri::yaml::parseDocuments(QByteArray(4096, 'a'), QStringLiteral("big.yaml"), limits);
        QVERIFY(!r);
        QCOMPARE(r.error().file, QStringLiteral("big.yaml"));
    }

    void syntaxErrorsCarryPositions()
    {
        auto r = kanri::yaml::parseDocuments("a: [1, 2\nb: 3\n", QStringLiteral("x.yaml"));
        QVERIFY(!r);
        QCOMPARE(r.error().file, QStringLiteral("x.yaml"));
        QVERIFY(r.error().line > 0);
    }
};

QTEST_GUILESS_MAIN(TestYamlEmitter)
#include "tst_yamlemitter.moc"
