#include "yaml/yamlemitter.h"
#include "yaml/yamlvalue.h"

#include <QTest>

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
        // Decided in one pass for ASCII text (kubectl kustomize prints the same).
        QTest::newRow("a multi-line string with a space before a break is double-quoted")
            << QByteArray("a: \"l1 \\nl2\"\n") << QByteArray("a: \"l1 \\nl2\"\n");
        QTest::newRow("a multi-line string with a tab is double-quoted")
            << QByteArray("b: \"x\\ty\\nz\"\n") << QByteArray("b: \"x\\ty\\nz\"\n");
        QTest::newRow("a multi-line string with a trailing space is double-quoted")
            << QByteArray("c: \"l1\\nl2 \"\n") << QByteArray("c: \"l1\\nl2 \"\n");
        QTest::newRow("a multi-line string with a carriage return is double-quoted")
            << QByteArray("k: \"l1\\r\\nl2\"\n") << QByteArray("k: \"l1\\r\\nl2\"\n");
        QTest::newRow("':' and '#' inside a word stay plain, before or after a space quoted")
            << QByteArray("e: \"a:b\"\nf: \"x #y\"\ng: \"x:\"\nh: \"x#y\"\ni: \"http://a.b/c d\"\n"
                          "j: \"x: y\"\n")
            << QByteArray("e: a:b\nf: 'x #y'\ng: 'x:'\nh: x#y\ni: http://a.b/c d\nj: 'x: y'\n");
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

    // A large object printed with a memo of its earlier printing (what the renderer does after
    // an edit) prints exactly what a fresh printing prints: unchanged sub-trees are copied, the
    // edited path is printed again, and a memo of another object changes nothing.
    void memoisedPrintingIsTheSameText()
    {
        QByteArray text = "apiVersion: v1\nkind: Big\nspec:\n  versions:\n";
        for (int v = 0; v < 3; ++v) {
            text += "  - name: v" + QByteArray::number(v) + "\n    schema:\n      properties:\n";
            for (int p = 0; p < 30; ++p) {
                text += "        field" + QByteArray::number(p) +
                        ":\n          description: " + QByteArray("the field number ").repeated(6) +
                        QByteArray::number(p) +
                        "\n          type: string\n          enum: [a, b, '1', 'yes']\n"
                        "          nested:\n          - - x\n            - {k: v, n: 2}\n";
            }
        }
        auto parse = [](const QByteArray &t) {
            auto d = kanri::yaml::parseDocuments(t);
            return d && !d->empty() ? d->front() : Value();
        };
        const Value original = parse(text);
        QVERIFY(original.isMap());
        const std::string plain = kanri::yaml::emitKustomizeYaml(original);
        kanri::yaml::EmitMemo first;
        QCOMPARE(kanri::yaml::emitKustomizeYaml(original, nullptr, &first), plain);
        QVERIFY(!first.texts.empty());

        // One description changed deep inside.
        QByteArray editedText = text;
        const qsizetype at = editedText.indexOf("the field number the field number", 2000);
        QVERIFY(at > 0);
        editedText.insert(at, "edited ");
        const Value edited = parse(editedText);
        const std::string editedPlain = kanri::yaml::emitKustomizeYaml(edited);
        QVERIFY(editedPlain != plain);
        kanri::yaml::EmitMemo second;
        QCOMPARE(kanri::yaml::emitKustomizeYaml(edited, &first, &second), editedPlain);
        // Edited back: the first text again, from the memo of the edited one.
        QCOMPARE(kanri::yaml::emitKustomizeYaml(original, &second, nullptr), plain);
        // A memo of another object is no help and no harm.
        QCOMPARE(kanri::yaml::emitKustomizeYaml(parse("a: [1, 2]\n"), &first, nullptr),
                 kanri::yaml::emitKustomizeYaml(parse("a: [1, 2]\n")));
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

    // go-yaml's reader refuses what it refuses, at the offending byte.
    void badTextIsRefusedWhereItIs_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::newRow("a NUL byte is a control character")
            << QByteArray("a: 1\nb: x\0y\n", 12) << "control characters are not allowed" << 2 << 5;
        QTest::newRow("an escape character is a control character")
            << QByteArray("a: \x1b\n") << "control characters are not allowed" << 1 << 4;
        QTest::newRow("DEL is a control character")
            << QByteArray("a: \x7f\n") << "control characters are not allowed" << 1 << 4;
        // Long ASCII text is checked eight bytes at a time: a bad byte inside such a word, with
        // or without a line feed beside it, is still found where it is.
        QTest::newRow("a NUL in a long line is found at its byte")
            << QByteArray("key: abcdefghijklmnopqr\0stuvwxyz\n", 33)
            << "control characters are not allowed" << 1 << 24;
        QTest::newRow("an escape after a line feed in the same word is found")
            << QByteArray("key: abcdefghijklmnop\nq: r\x1bstuvwxyz\n")
            << "control characters are not allowed" << 2 << 5;
        QTest::newRow("DEL in a long line is found at its byte")
            << QByteArray("key: abcdefghijklmnopqrstuv\x7fwxyz\n")
            << "control characters are not allowed" << 1 << 28;
        QTest::newRow("a C1 control character (U+0080) is refused")
            << QByteArray("a: \xc2\x80\n") << "control characters are not allowed" << 1 << 4;
        QTest::newRow("a lone continuation byte is an invalid leading octet")
            << QByteArray("a: \x80\n") << "invalid leading UTF-8 octet" << 1 << 4;
        QTest::newRow("a sequence cut by the end of the file is incomplete")
            << QByteArray("a: \xe2\x82") << "incomplete UTF-8 octet sequence" << 1 << 4;
        QTest::newRow("a sequence cut by an ASCII byte has an invalid trailing octet")
            << QByteArray("a: \xe2x\n") << "invalid trailing UTF-8 octet" << 1 << 5;
        QTest::newRow("an overlong encoding has an invalid length")
            << QByteArray("a: \xc0\xaf\n") << "invalid length of a UTF-8 sequence" << 1 << 4;
        QTest::newRow("an encoded surrogate is an invalid character")
            << QByteArray("a: \xed\xa0\x80\n") << "invalid Unicode character" << 1 << 4;
        QTest::newRow("a double quote the file never closes")
            << QByteArray("a: 1\nb: \"x\n") << "found unexpected end of stream" << 2 << 4;
        QTest::newRow("a single quote the file never closes")
            << QByteArray("a: 'it''s\n") << "found unexpected end of stream" << 1 << 4;
        QTest::newRow("a key written twice in one mapping")
            << QByteArray("a:\n  b: 1\n  b: 2\n") << "mapping key \"b\" already defined at line 2"
            << 3 << 3;
    }
    void badTextIsRefusedWhereItIs()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, message);
        QFETCH(int, line);
        QFETCH(int, column);
        auto r = kanri::yaml::parseDocuments(text, QStringLiteral("r.yaml"));
        QVERIFY(!r);
        QVERIFY2(r.error().message.contains(message), qPrintable(r.error().message));
        QCOMPARE(r.error().file, QStringLiteral("r.yaml"));
        QCOMPARE(r.error().line, line);
        QCOMPARE(r.error().column, column);
    }

    void acceptedTextStaysAccepted()
    {
        // A BOM, tabs in content, CR LF, printable Unicode and closed quotes ('' and \" inside).
        auto r =
            kanri::yaml::parseDocuments("\xef\xbb\xbf"
                                        "a: \"x\\\"y\"\r\nb: 'it''s'\r\nc: \"\tt\"\nd: é日本\n");
        QVERIFY2(r.has_value(), r ? "" : qPrintable(r.error().toString()));
        QCOMPARE(r->front().str({"a"}), std::string("x\"y"));
        QCOMPARE(r->front().str({"b"}), std::string("it's"));
        QCOMPARE(r->front().str({"d"}), std::string("é日本"));
    }

    void duplicateKeysFollowTheDialect()
    {
        using DK = kanri::yaml::ParseLimits::DuplicateKeys;
        const QByteArray text = "a: 1\na: 2\nm: {x: 1, <<: {y: 2}, y: 3}\n";
        kanri::yaml::ParseLimits limits;
        limits.duplicateKeys = DK::KeepLast; // go-yaml v2: the last counts
        auto last = kanri::yaml::parseDocuments(text, {}, limits);
        QVERIFY(last.has_value());
        QCOMPARE(last->front().str({"a"}), std::string("2"));
        limits.duplicateKeys = DK::KeepFirst; // a kyaml node lookup: the first counts
        auto first = kanri::yaml::parseDocuments(text, {}, limits);
        QVERIFY(first.has_value());
        QCOMPARE(first->front().str({"a"}), std::string("1"));
        // A key that only a merge key brought in may be written again, in every dialect.
        limits.duplicateKeys = DK::Refuse;
        auto merged = kanri::yaml::parseDocuments("m: {x: 1, <<: {y: 2}, y: 3}\n", {}, limits);
        QVERIFY2(merged.has_value(), merged ? "" : qPrintable(merged.error().toString()));
        QCOMPARE(merged->front().str({"m", "y"}), std::string("3"));
    }

    void yaml11ResolvesAsGoYamlV2()
    {
        kanri::yaml::ParseLimits limits;
        limits.yaml11 = true;
        auto r = kanri::yaml::parseDocuments(
            "a: yes\nb: n\nc: On\nd: 2024-01-01\ne: \"yes\"\ny: 1\nf: 0x10\n", {}, limits);
        QVERIFY(r.has_value());
        const kanri::yaml::Value &v = r->front();
        QCOMPARE(v.at({"a"})->type, kanri::yaml::Value::Type::Bool);
        QCOMPARE(v.at({"b"})->type, kanri::yaml::Value::Type::Bool);
        QCOMPARE(v.at({"c"})->type, kanri::yaml::Value::Type::Bool);
        QCOMPARE(v.at({"d"})->type, kanri::yaml::Value::Type::String); // not a timestamp
        QCOMPARE(v.at({"e"})->type, kanri::yaml::Value::Type::String); // quoted
        QVERIFY(v.get("true"));                                        // the key y
        QCOMPARE(v.at({"f"})->type, kanri::yaml::Value::Type::Int);
        QCOMPARE(kanri::yaml::jsonScalarText(*v.at({"a"})), std::string("true"));
        QCOMPARE(kanri::yaml::jsonScalarText(*v.at({"b"})), std::string("false"));
        // The default (go-yaml v3) keeps yes a string.
        auto v3 = kanri::yaml::parseDocuments("a: yes\n");
        QCOMPARE(v3->front().at({"a"})->type, kanri::yaml::Value::Type::String);
    }

    void aNullKeepsItsText()
    {
        // kyaml's merge drops an empty value but keeps a written null: the text tells them apart.
        auto r = kanri::yaml::parseDocuments("a:\nb: ~\nc: null\nd: Null\ne: [~, null]\n");
        QVERIFY(r.has_value());
        const kanri::yaml::Value &v = r->front();
        QCOMPARE(v.at({"a"})->text, std::string());
        QCOMPARE(v.at({"b"})->text, std::string("~"));
        QCOMPARE(v.at({"c"})->text, std::string("null"));
        QCOMPARE(v.at({"d"})->text, std::string("Null"));
        QCOMPARE(v.at({"e"})->items[0].text, std::string("~"));
        for (const char *k : {"a", "b", "c", "d"})
            QVERIFY(v.at({k})->isNull());
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
