// Typed values (hcl::Value) and the hostile-input rules of the HCL engine: get then set of the
// same value leaves every file byte-identical, heredocs, numbers, escapes, template keys,
// "Attribute redefined", the nesting limit, path validation, blank lines after a removal, and
// the same through `kanri tf`.
#include "hcl/hcldocument.h"
#include "hcl/hcllexer.h"
#include "tests/testsupport/testutil.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace kanri;
using namespace kanri::hcl;

namespace {

Document parsed(const QByteArray &text, const QString &name = QStringLiteral("test.tfvars"))
{
    auto d = Document::parse(text, name);
    if (!d)
        qWarning("%s", qPrintable(d.error().toString()));
    return d ? *d : Document();
}

// value() then setField() of what it gave, for every entry and field of every map: the bytes
// must not change. Returns how many values were set back, or -1 with *problem set.
int setBackEveryValue(const QByteArray &bytes, const QString &name, QString *problem)
{
    auto doc = Document::parse(bytes, name);
    if (!doc) {
        *problem = doc.error().toString();
        return -1;
    }
    int count = 0;
    for (const MapInfo &m : doc->maps()) {
        QSet<QString> twice, seen;
        for (const MapEntry &e : m.entries) {
            if (seen.contains(e.key))
                twice.insert(e.key);
            seen.insert(e.key);
        }
        for (const MapEntry &e : m.entries) {
            if (twice.contains(e.key))
                continue; // ambiguous: refused by design
            QList<QStringList> paths{{m.name, e.key}};
            for (auto it = e.fields.begin(); it != e.fields.end(); ++it)
                paths.append({m.name, e.key, it.key()});
            for (const QStringList &path : paths) {
                auto v = doc->value(path);
                if (!v) {
                    // a field written twice in one entry is refused too
                    if (v.error().code == Error::Code::Usage)
                        continue;
                    *problem = path.join(u'.') + QStringLiteral(": ") + v.error().toString();
                    return -1;
                }
                // through the typed JSON, as the command line carries it
                auto back = Value::fromTypedJson(v->toTypedJson());
                if (!back || !(*back == *v)) {
                    *problem = path.join(u'.') +
                               QStringLiteral(": typed JSON does not read back: ") +
                               QString::fromUtf8(v->toTypedJson());
                    return -1;
                }
                Document copy = *doc;
                auto r = copy.setField(path[0], path[1], path.value(2), *back);
                if (!r) {
                    *problem = path.join(u'.') + QStringLiteral(": ") + r.error().toString();
                    return -1;
                }
                if (copy.text() != bytes) {
                    *problem = path.join(u'.') + QStringLiteral(" changed the file with ") +
                               QString::fromUtf8(v->toTypedJson());
                    return -1;
                }
                ++count;
            }
        }
    }
    return count;
}

} // namespace

class TestHclValues : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void setBackIsByteIdenticalOnTheDemo();
    void setBackIsByteIdenticalOnTheCorpus();
    void literalsAndExpressionsAreTellable_data();
    void literalsAndExpressionsAreTellable();
    void typedJsonEncoding();
    void expressionsAreWrittenAsSource();
    void heredocValues_data();
    void heredocValues();
    void heredocSetKeepsItsForm_data();
    void heredocSetKeepsItsForm();
    void numbersKeepEveryDigit();
    void escapesAreReadAndWrittenAsHclDefinesThem();
    void templateKeys();
    void attributeRedefined_data();
    void attributeRedefined();
    void deepNestingIsAnError_data();
    void deepNestingIsAnError();
    void pathsAreValidated_data();
    void pathsAreValidated();
    void removeLeavesNoDoubleBlankLine();
    void aKeyWrittenTwiceIsRefusedNamingBothLines();
    void modelEntriesNameTheirExpressions();
    void commandLine();
};

void TestHclValues::setBackIsByteIdenticalOnTheDemo()
{
    const QString root = test::sourceDir() + QStringLiteral("/resources/demo");
    QDirIterator it(root, {QStringLiteral("*.tf"), QStringLiteral("*.tfvars")}, QDir::Files,
                    QDirIterator::Subdirectories);
    int files = 0, values = 0;
    while (it.hasNext()) {
        const QString path = it.next();
        QString problem;
        const int n = setBackEveryValue(test::readAll(path), path, &problem);
        QVERIFY2(n >= 0, qPrintable(path + QStringLiteral(": ") + problem));
        values += n;
        ++files;
    }
    QVERIFY(files >= 10);
    QVERIFY(values > 100);
    qInfo("%d demo files, %d values set back unchanged", files, values);
}

void TestHclValues::setBackIsByteIdenticalOnTheCorpus()
{
    const QString dir = test::sharedSubdir(QStringLiteral("conformance/hcl/files"));
    if (dir.isEmpty())
        QSKIP("the HCL corpus ($KANRI_SHARED/conformance/hcl) is not available");
    int files = 0, values = 0;
    for (const QString &f : QDir(dir).entryList(QDir::Files, QDir::Name)) {
        if (f.endsWith(QLatin1String(".expect.json")))
            continue;
        const QByteArray bytes = test::readAll(dir + QLatin1Char('/') + f);
        if (!Document::parse(bytes, f))
            continue; // the two invalid spec-suite files
        QString problem;
        const int n = setBackEveryValue(bytes, f, &problem);
        QVERIFY2(n >= 0, qPrintable(f + QStringLiteral(": ") + problem));
        values += n;
        ++files;
    }
    QVERIFY(files >= 30);
    QVERIFY(values > 1000);
    qInfo("%d corpus files, %d values set back unchanged", files, values);
}

void TestHclValues::literalsAndExpressionsAreTellable_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QByteArray>("typed");
    QTest::newRow("a reference is an expression, not the string \"var.y\"")
        << QByteArray("var.y") << QByteArray(R"j({"kind":"expression","source":"var.y"})j");
    QTest::newRow("the string \"var.y\" is a literal")
        << QByteArray("\"var.y\"") << QByteArray(R"j({"kind":"literal","value":"var.y"})j");
    QTest::newRow("a function call is an expression")
        << QByteArray("lower(\"A\")")
        << QByteArray(R"j({"kind":"expression","source":"lower(\"A\")"})j");
    QTest::newRow("a template with an interpolation is an expression")
        << QByteArray("\"${var.p}-x\"")
        << QByteArray(R"j({"kind":"expression","source":"\"${var.p}-x\""})j");
    QTest::newRow("a string with escaped template sequences is a literal")
        << QByteArray("\"$${x} %%{y}\"")
        << QByteArray(R"j({"kind":"literal","value":"${x} %{y}"})j");
    QTest::newRow("a for expression is an expression")
        << QByteArray("[for s in var.l : s]")
        << QByteArray(R"j({"kind":"expression","source":"[for s in var.l : s]"})j");
    QTest::newRow("a negative number is a literal")
        << QByteArray("-1.5e3") << QByteArray(R"j({"kind":"literal","value":-1.5e3})j");
    QTest::newRow("a number in parentheses is an expression")
        << QByteArray("(1)") << QByteArray(R"j({"kind":"expression","source":"(1)"})j");
    QTest::newRow("an object of literals is a literal")
        << QByteArray("{ b = true, \"c d\" = [1, null] }")
        << QByteArray(R"j({"kind":"literal","value":{"b":true,"c d":[1,null]}})j");
    QTest::newRow("an object holding a reference is an expression")
        << QByteArray("{ b = var.x }")
        << QByteArray(R"j({"kind":"expression","source":"{ b = var.x }"})j");
    QTest::newRow("an object with a parenthesised key is an expression")
        << QByteArray("{ (var.k) = 1 }")
        << QByteArray(R"j({"kind":"expression","source":"{ (var.k) = 1 }"})j");
}

void TestHclValues::literalsAndExpressionsAreTellable()
{
    QFETCH(QByteArray, value);
    QFETCH(QByteArray, typed);
    const Document doc = parsed("m = {\n  k = {\n    f = " + value + "\n  }\n}\n");
    const auto v = doc.value({QStringLiteral("m"), QStringLiteral("k"), QStringLiteral("f")});
    QVERIFY2(v, qPrintable(v ? QString() : v.error().toString()));
    QCOMPARE(v->toTypedJson(), typed);
    const MapEntry e = doc.map(QStringLiteral("m"))->entries.front();
    QCOMPARE(e.expressions.contains(QStringLiteral("f")), v->isExpression());
    QCOMPARE(e.field(QStringLiteral("f")).isExpression(), v->isExpression());
    QCOMPARE(e.expression, v->isExpression());
}

void TestHclValues::typedJsonEncoding()
{
    auto lit = Value::fromTypedJson(R"j({"kind": "literal", "value": {"a": [1.50, "x"]}})j");
    QVERIFY(lit);
    QCOMPARE(lit->type(), Value::Type::Object);
    QCOMPARE(lit->members().front().second.items().front().numberText(), QByteArray("1.50"));
    auto expr = Value::fromTypedJson(R"j({"source": "var.x", "kind": "expression"})j");
    QVERIFY(expr && expr->isExpression());
    QCOMPARE(expr->source(), QStringLiteral("var.x"));
    for (const char *bad : {"{\"kind\": \"literal\"}", "{\"kind\": \"expression\", \"source\": 1}",
                            "{\"kind\": \"other\", \"value\": 1}", "{\"value\": 1}", "\"var.x\"",
                            "{\"kind\": \"literal\", \"value\": 1, \"extra\": 2}",
                            "{\"kind\": \"literal\", \"value\": }",
                            "{\"kind\": \"literal\", \"value\": \"\\uD800\"}"}) {
        auto r = Value::fromTypedJson(bad);
        QVERIFY2(!r, bad);
        QCOMPARE(r.error().code, Error::Code::Usage);
    }
    // numbers compare by value, objects in any order
    QVERIFY(*Value::fromJsonText("{\"a\": 1.0, \"b\": 2}") ==
            *Value::fromJsonText("{\"b\": 2e0, \"a\": 1}"));
    QVERIFY(!(*Value::fromJsonText("1") == *Value::fromJsonText("\"1\"")));
    QVERIFY(
        !(Value::string(QStringLiteral("var.x")) == Value::expression(QStringLiteral("var.x"))));
}

void TestHclValues::expressionsAreWrittenAsSource()
{
    const QByteArray text = "m = {\n  k = {\n    a = \"x\"\n    b = 1\n  }\n  j = { a = 1 }\n}\n";
    Document doc = parsed(text);
    const QString m = QStringLiteral("m"), k = QStringLiteral("k"), a = QStringLiteral("a");
    QVERIFY(doc.setField(m, k, a, Value::expression(QStringLiteral("var.team"))));
    QCOMPARE(doc.text(), QByteArray("m = {\n  k = {\n    a = var.team\n    b = 1\n  }\n"
                                    "  j = { a = 1 }\n}\n"));
    QVERIFY(doc.value({m, k, a})->isExpression());
    // the same source again changes nothing; the string "var.team" is another value
    const QByteArray once = doc.text();
    QVERIFY(doc.setField(m, k, a, Value::expression(QStringLiteral("var.team"))));
    QCOMPARE(doc.text(), once);
    QVERIFY(doc.setField(m, k, a, Value::string(QStringLiteral("var.team"))));
    QVERIFY(doc.text().contains("a = \"var.team\"\n"));
    // not one expression: refused, nothing changes
    const QByteArray before = doc.text();
    for (const char *bad : {"var.", "1 +", "a = 1", "x # comment", "var.a\nb = 2", "", " var.x"}) {
        auto r = doc.setField(m, k, a, Value::expression(QString::fromUtf8(bad)));
        QVERIFY2(!r, bad);
        QCOMPARE(r.error().code, Error::Code::Usage);
        QCOMPARE(doc.text(), before);
    }
    // a heredoc written into a one-line object would swallow the closing brace: refused
    auto r =
        doc.setField(m, QStringLiteral("j"), a, Value::expression(QStringLiteral("<<EOT\nx\nEOT")));
    QVERIFY(!r);
    QCOMPARE(doc.text(), before);
    QVERIFY(doc.value({m, QStringLiteral("j"), a}));
    // ... and accepted on a line of its own
    QVERIFY(doc.setField(m, k, a, Value::expression(QStringLiteral("<<EOT\n${x}\nEOT"))));
    QVERIFY(Document::parse(doc.text(), QStringLiteral("t.tfvars")));
    QCOMPARE(doc.value({m, k, a})->source(), QStringLiteral("<<EOT\n${x}\nEOT"));
    // objects with expressions inside
    QVERIFY(doc.addEntry(
        m, QStringLiteral("n"),
        Value::object({{QStringLiteral("team"), Value::expression(QStringLiteral("local.t"))},
                       {QStringLiteral("on"), Value::boolean(true)}})));
    // (one line, as its last sibling is written)
    QVERIFY2(doc.text().contains("  n = { team = local.t, on = true }\n"), doc.text().constData());
}

void TestHclValues::heredocValues_data()
{
    QTest::addColumn<QByteArray>("heredoc");
    QTest::addColumn<QString>("value");
    QTest::newRow("a heredoc holding JSON with braces and quotes")
        << QByteArray("<<EOT\n{\n  \"a\": [\"b\", {\"c\": 1}]\n}\nEOT")
        << QStringLiteral("{\n  \"a\": [\"b\", {\"c\": 1}]\n}\n");
    QTest::newRow("<<- removes the smallest indentation of non-blank lines")
        << QByteArray("<<-EOT\n    a\n\n      b\n   \n    EOT")
        << QStringLiteral("a\n\n  b\n   \n");
    QTest::newRow("<<- counts a tab as one, like a space")
        << QByteArray("<<-EOT\n\t\ta\n\t  b\n  EOT") << QStringLiteral("a\n b\n");
    QTest::newRow("escaped template sequences are decoded")
        << QByteArray("<<EOT\n$${a} %%{ if } ${\"\"}\nEOT") << QString();
    QTest::newRow("escaped sequences alone")
        << QByteArray("<<-EOT\n  $${a} %%{b} $ % \"q\" \\n\n  EOT")
        << QStringLiteral("${a} %{b} $ % \"q\" \\n\n");
    QTest::newRow("a line that only ends with the marker does not close it")
        << QByteArray("<<EOT\nnot EOT\nEOT") << QStringLiteral("not EOT\n");
    QTest::newRow("an empty heredoc") << QByteArray("<<EOT\nEOT") << QString();
    QTest::newRow("CRLF line breaks are part of the value")
        << QByteArray("<<EOT\r\na\r\nEOT") << QStringLiteral("a\r\n");
}

void TestHclValues::heredocValues()
{
    QFETCH(QByteArray, heredoc);
    QFETCH(QString, value);
    const QByteArray text = "m = {\n  k = {\n    f = " + heredoc + "\n  }\n}\n";
    const Document doc = parsed(text);
    const auto v = doc.value({QStringLiteral("m"), QStringLiteral("k"), QStringLiteral("f")});
    QVERIFY2(v, qPrintable(v ? QString() : v.error().toString()));
    if (value.isNull() && heredoc.contains("${\"")) {
        QVERIFY(v->isExpression()); // a real interpolation: the source text
        QCOMPARE(v->source().toUtf8(), heredoc);
        return;
    }
    QCOMPARE(v->type(), Value::Type::String);
    QCOMPARE(v->str(), value.isNull() ? QString() : value);
    // and setting it back leaves the file as it is
    Document copy = doc;
    QVERIFY(copy.setField(QStringLiteral("m"), QStringLiteral("k"), QStringLiteral("f"), *v));
    QCOMPARE(copy.text(), text);
}

void TestHclValues::heredocSetKeepsItsForm_data()
{
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("after");
    QTest::newRow("<<- keeps its marker and indentation")
        << QByteArray("    f = <<-EOT\n      old\n      EOT\n")
        << QStringLiteral("one\n  two ${x} \"q\"\n\nthree\n")
        << QByteArray(
               "    f = <<-EOT\n      one\n        two $${x} \"q\"\n\n      three\n      EOT\n");
    QTest::newRow("<< keeps its marker")
        << QByteArray("    f = <<POLICY\n{}\nPOLICY\n") << QStringLiteral("{\n  \"a\": 1\n}\n")
        << QByteArray("    f = <<POLICY\n{\n  \"a\": 1\n}\nPOLICY\n");
    QTest::newRow("a heredoc with a template becomes a heredoc with the new text")
        << QByteArray("    f = <<-EOT\n      ${var.x}\n      EOT\n") << QStringLiteral("a\nb\n")
        << QByteArray("    f = <<-EOT\n      a\n      b\n      EOT\n");
    QTest::newRow("a value without a final line break is written quoted")
        << QByteArray("    f = <<EOT\nold\nEOT\n") << QStringLiteral("a\nb")
        << QByteArray("    f = \"a\\nb\"\n");
    QTest::newRow("a line equal to the marker would close it: quoted")
        << QByteArray("    f = <<EOT\nold\nEOT\n") << QStringLiteral("a\nEOT\n")
        << QByteArray("    f = \"a\\nEOT\\n\"\n");
    QTest::newRow("<<- cannot hold a value whose lines are all indented: quoted")
        << QByteArray("    f = <<-EOT\n  old\n  EOT\n") << QStringLiteral("  a\n  b\n")
        << QByteArray("    f = \"  a\\n  b\\n\"\n");
    QTest::newRow("<<- keeps a line of Unicode white space as it is (HCL leaves it)")
        << QByteArray("    f = <<-EOT\n      old\n      EOT\n")
        << QStringLiteral("a\n\u2003\u2003\n  b\n")
        << QByteArray("    f = <<-EOT\n      a\n\xE2\x80\x83\xE2\x80\x83\n        b\n      EOT\n");
    QTest::newRow("a multi-line value on a quoted string stays quoted")
        << QByteArray("    f = \"old\"\n") << QStringLiteral("a\nb\n")
        << QByteArray("    f = \"a\\nb\\n\"\n");
}

void TestHclValues::heredocSetKeepsItsForm()
{
    QFETCH(QByteArray, before);
    QFETCH(QString, value);
    QFETCH(QByteArray, after);
    Document doc = parsed("m = {\n  k = {\n" + before + "  }\n}\n");
    const QStringList path{QStringLiteral("m"), QStringLiteral("k"), QStringLiteral("f")};
    QVERIFY(doc.setField(path[0], path[1], path[2], Value::string(value)));
    QCOMPARE(doc.text(), "m = {\n  k = {\n" + after + "  }\n}\n");
    QCOMPARE(doc.value(path)->str(), value);
}

void TestHclValues::numbersKeepEveryDigit()
{
    const QByteArray text = "m = {\n  k = {\n    big   = 12345678901234567890123\n"
                            "    small = 0.000000000000000000000000001\n    odd   = 007\n"
                            "    exp   = 1.e5\n    neg   = - 5\n  }\n}\n";
    Document doc = parsed(text);
    auto get = [&](const char *f) {
        return doc.value({QStringLiteral("m"), QStringLiteral("k"), QString::fromLatin1(f)})
            .value_or(Value());
    };
    QCOMPARE(get("big").toJsonText(), QByteArray("12345678901234567890123"));
    QCOMPARE(get("small").toJsonText(), QByteArray("0.000000000000000000000000001"));
    QCOMPARE(get("odd").toJsonText(), QByteArray("7")); // JSON has no leading zeros
    QCOMPARE(get("exp").toJsonText(), QByteArray("1e5"));
    QCOMPARE(get("neg").toJsonText(), QByteArray("-5"));
    // the same numbers however written change nothing
    for (const char *same : {"7", "7.0", "0.7e1", "700e-2"}) {
        Document copy = doc;
        QVERIFY(copy.setField(QStringLiteral("m"), QStringLiteral("k"), QStringLiteral("odd"),
                              *Value::fromJsonText(same)));
        QCOMPARE(copy.text(), text);
    }
    QVERIFY(doc.setField(QStringLiteral("m"), QStringLiteral("k"), QStringLiteral("big"),
                         *Value::fromJsonText("123456789012345678901234567890.123456789")));
    QVERIFY(doc.text().contains("big   = 123456789012345678901234567890.123456789\n"));
    // Qt's JSON for the models: the nearest double
    QCOMPARE(doc.map(QStringLiteral("m"))->entries.front().fields.value(u"odd").toDouble(), 7.0);
}

void TestHclValues::escapesAreReadAndWrittenAsHclDefinesThem()
{
    const Document doc = parsed("m = {\n  k = \"\\u00e9\\U0001F600\\t\\\"\\\\ $${x}\"\n}\n");
    QCOMPARE(doc.value({QStringLiteral("m"), QStringLiteral("k")})->str(),
             QStringLiteral("é\U0001F600\t\"\\ ${x}"));
    // U+FEFF is a character like any other inside a string (QString::fromUtf8 would drop it)
    const Document bom = parsed("m = {\n  k = \"\xEF\xBB\xBF"
                                "a\"\n  \"\\ufeffb\" = \"\\ufeff\"\n}\n");
    QCOMPARE(bom.value({QStringLiteral("m"), QStringLiteral("k")})->str(),
             QStringLiteral("\uFEFFa"));
    QCOMPARE(bom.map(QStringLiteral("m"))->entries.back().key, QStringLiteral("\uFEFFb"));
    QCOMPARE(bom.value({QStringLiteral("m"), QStringLiteral("\uFEFFb")})->str(),
             QStringLiteral("\uFEFF"));
    // a byte-order mark at the start is skipped, kept in the text, dropped by fmt (as HCL does)
    const QByteArray withBom = "\xEF\xBB\xBFm = { a = 1 }\n";
    QCOMPARE(parsed(withBom).text(), withBom);
    QCOMPARE(formatHcl(withBom), withBom.mid(3));
    // invalid escapes and encodings are errors, with a line and column
    for (const QByteArray &bad :
         {QByteArray("m = { k = \"\\uD800\" }\n"), QByteArray("m = { k = \"\\uDFFF\" }\n"),
          QByteArray("m = { k = \"\\U00110000\" }\n"), QByteArray("m = { k = \"\\q\" }\n"),
          QByteArray("m = { k = \"\\u00e\" }\n"), QByteArray("m = { k = \"\\x41\" }\n"),
          QByteArray("m = { k = \"\xC3\x28\" }\n"), QByteArray("m = { k = \"\xED\xA0\x80\" }\n"),
          QByteArray("m = { k = \"\xC0\xAF\" }\n"),
          QByteArray("m = {\n  k = <<EOT\n\xFF\nEOT\n}\n")}) {
        auto r = Document::parse(bad, QStringLiteral("bad.tf"));
        QVERIFY2(!r, bad.toPercentEncoding().constData());
        QCOMPARE(r.error().code, Error::Code::Syntax);
        QVERIFY(r.error().line > 0 && r.error().column > 0);
    }
    // writing: escaped as hclwrite escapes, never a '?'
    Document edit = parsed("m = {\n  k = \"x\"\n}\n");
    QVERIFY(
        edit.setField(QStringLiteral("m"), QStringLiteral("k"), QString(),
                      Value::string(QStringLiteral("é\U0001F600\t\"\\ ${x} %{y} \u00a0\u0001"))));
    QCOMPARE(edit.text(), QByteArray("m = {\n  k = \"\xC3\xA9\xF0\x9F\x98\x80\\t\\\"\\\\ $${x} "
                                     "%%{y} \\u00a0\\u0001\"\n}\n"));
    QCOMPARE(edit.value({QStringLiteral("m"), QStringLiteral("k")})->str(),
             QStringLiteral("é\U0001F600\t\"\\ ${x} %{y} \u00a0\u0001"));
}

void TestHclValues::templateKeys()
{
    const QByteArray text = "m = {\n  \"${var.prefix}-x\" = {\n    a = 1\n  }\n"
                            "  plain = {\n    a = 2\n  }\n}\n";
    Document doc = parsed(text);
    const QString key = QStringLiteral("${var.prefix}-x");
    QCOMPARE(doc.map(QStringLiteral("m"))->entries.front().key, key);
    QCOMPARE(doc.value({QStringLiteral("m"), key, QStringLiteral("a")})->toJsonText(),
             QByteArray("1"));
    QVERIFY(doc.setField(QStringLiteral("m"), key, QStringLiteral("a"), Value::number("3")));
    QVERIFY(doc.text().contains("  \"${var.prefix}-x\" = {\n    a = 3\n"));
    QVERIFY(doc.renameEntry(QStringLiteral("m"), key, QStringLiteral("${var.prefix}-${var.y}")));
    QVERIFY(doc.text().contains("  \"${var.prefix}-${var.y}\" = {\n"));
    QVERIFY(!doc.renameEntry(QStringLiteral("m"), QStringLiteral("${var.prefix}-${var.y}"),
                             QStringLiteral("${unclosed")));
    // a literal key stays literal: its ${ is escaped
    QVERIFY(
        doc.renameEntry(QStringLiteral("m"), QStringLiteral("plain"), QStringLiteral("${lit}")));
    QVERIFY(doc.text().contains("  \"$${lit}\" = {\n"));
    QCOMPARE(doc.map(QStringLiteral("m"))->entries.back().key, QStringLiteral("${lit}"));
    QVERIFY(doc.removeEntry(QStringLiteral("m"), QStringLiteral("${var.prefix}-${var.y}")));
    QCOMPARE(doc.map(QStringLiteral("m"))->entries.size(), 1);
}

void TestHclValues::attributeRedefined_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("first");
    QTest::newRow("at the top level (a .tfvars file)")
        << QByteArray("developers = {}\nteams = {}\ndevelopers = { a = 1 }\n") << 3 << 1;
    QTest::newRow("in a locals block") << QByteArray("locals {\n  a = 1\n\n  a = 2\n}\n") << 4 << 2;
    QTest::newRow("in a nested block")
        << QByteArray("resource \"x\" \"y\" {\n  b {\n    c = 1\n    c = 1\n  }\n}\n") << 4 << 3;
}

void TestHclValues::attributeRedefined()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    QFETCH(int, first);
    auto r = Document::parse(text, QStringLiteral("x.tf"));
    QVERIFY(!r);
    QCOMPARE(r.error().line, line);
    QVERIFY2(r.error().message.contains(QStringLiteral("Attribute redefined")) &&
                 r.error().message.contains(QStringLiteral("line %1").arg(first)),
             qPrintable(r.error().message));
    // the same name in two blocks is fine
    QVERIFY(
        Document::parse("locals {\n  a = 1\n}\nlocals {\n  a = 2\n}\n", QStringLiteral("x.tf")));
}

void TestHclValues::deepNestingIsAnError_data()
{
    QTest::addColumn<QByteArray>("open");
    QTest::addColumn<QByteArray>("close");
    QTest::newRow("8,000 brackets") << QByteArray("[") << QByteArray("]");
    QTest::newRow("8,000 braces") << QByteArray("{ a = ") << QByteArray("}");
    QTest::newRow("8,000 parentheses") << QByteArray("(") << QByteArray(")");
    QTest::newRow("8,000 negations") << QByteArray("!") << QByteArray();
    QTest::newRow("8,000 minus signs") << QByteArray("-") << QByteArray();
    QTest::newRow("8,000 interpolations") << QByteArray("\"${") << QByteArray("}\"");
    QTest::newRow("8,000 blocks") << QByteArray("b {\n") << QByteArray("}\n");
}

void TestHclValues::deepNestingIsAnError()
{
    QFETCH(QByteArray, open);
    QFETCH(QByteArray, close);
    auto nest = [&](int n) {
        const bool blocks = open.startsWith('b');
        QByteArray t = blocks ? QByteArray() : "m = { a = ";
        t += open.repeated(n) + (blocks ? "x = 1\n" : "1") + close.repeated(n);
        return t + (blocks ? "" : " }\n");
    };
    auto deep = Document::parse(nest(8000), QStringLiteral("deep.tf"));
    QVERIFY(!deep);
    QCOMPARE(deep.error().code, Error::Code::Syntax);
    QVERIFY2(deep.error().message.contains(QStringLiteral("nesting")),
             qPrintable(deep.error().message));
    QVERIFY(deep.error().line > 0);
    QVERIFY2(Document::parse(nest(50), QStringLiteral("ok.tf")), "50 levels are fine");
    QCOMPARE(formatHcl(nest(8000)), nest(8000)); // not parsed: returned as it is
}

void TestHclValues::pathsAreValidated_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("valid");
    QTest::newRow("map.key.field") << QStringLiteral("m.k.f") << true;
    QTest::newRow("a quoted part with dots") << QStringLiteral("m.\"a.b\".f") << true;
    QTest::newRow("an empty quoted field") << QStringLiteral("m.k.\"\"") << false;
    QTest::newRow("an empty part") << QStringLiteral("m..f") << false;
    QTest::newRow("a trailing dot") << QStringLiteral("m.k.") << false;
    QTest::newRow("an empty path") << QString() << false;
    QTest::newRow("an unclosed quote") << QStringLiteral("m.\"k.f") << false;
    QTest::newRow("a quote inside a part") << QStringLiteral("m.k\"x\".f") << false;
    QTest::newRow("text after a quoted part") << QStringLiteral("m.\"k\"x.f") << false;
    QTest::newRow("four parts") << QStringLiteral("m.k.f.g") << false;
    QTest::newRow("a module map") << QStringLiteral("module.m.members.0.name") << true;
}

void TestHclValues::pathsAreValidated()
{
    QFETCH(QString, path);
    QFETCH(bool, valid);
    auto r = parsePath(path);
    QCOMPARE(bool(r), valid);
    if (!r)
        QCOMPARE(r.error().code, Error::Code::Usage);
}

void TestHclValues::removeLeavesNoDoubleBlankLine()
{
    const QByteArray text = "m = {\n  a = 1\n\n  b = {\n    x = 1\n  }\n\n  c = 3\n}\n";
    Document doc = parsed(text);
    QVERIFY(doc.removeEntry(QStringLiteral("m"), QStringLiteral("b")));
    QCOMPARE(doc.text(), QByteArray("m = {\n  a = 1\n\n  c = 3\n}\n"));
    // add then remove gives the bytes back
    Document again = parsed(text);
    QVERIFY(again.addEntry(QStringLiteral("m"), QStringLiteral("d"), Value::number("4")));
    QVERIFY(again.removeEntry(QStringLiteral("m"), QStringLiteral("d")));
    QCOMPARE(again.text(), text);
}

void TestHclValues::aKeyWrittenTwiceIsRefusedNamingBothLines()
{
    Document doc = parsed("m = {\n  a = {\n    f = 1\n    f = 2\n  }\n  b = 1\n  b = 2\n}\n");
    const QByteArray before = doc.text();
    for (const QStringList &path :
         {QStringList{QStringLiteral("m"), QStringLiteral("a"), QStringLiteral("f")},
          QStringList{QStringLiteral("m"), QStringLiteral("b")}}) {
        const auto v = doc.value(path);
        QVERIFY(!v);
        QCOMPARE(v.error().code, Error::Code::Usage);
    }
    auto r = doc.setField(QStringLiteral("m"), QStringLiteral("a"), QStringLiteral("f"),
                          Value::number("3"));
    QVERIFY(!r);
    QVERIFY2(r.error().message.contains(QStringLiteral("lines 3 and 4")),
             qPrintable(r.error().message));
    r = doc.setField(QStringLiteral("m"), QStringLiteral("b"), QString(), Value::number("3"));
    QVERIFY(!r);
    QVERIFY2(r.error().message.contains(QStringLiteral("lines 6 and 7")),
             qPrintable(r.error().message));
    QCOMPARE(doc.text(), before);
}

void TestHclValues::modelEntriesNameTheirExpressions()
{
    const Document doc = parsed("m = {\n  k = {\n    a = \"x\"\n    b = var.y\n    c = [var.z]\n"
                                "    d = <<EOT\nline\nline\nEOT\n  }\n}\n");
    const MapEntry e = doc.map(QStringLiteral("m"))->entries.front();
    QCOMPARE(e.expressions, (QStringList{QStringLiteral("b"), QStringLiteral("c")}));
    QCOMPARE(e.fields.value(u"b").toString(), QStringLiteral("var.y"));
    QCOMPARE(e.fields.value(u"d").toString(), QStringLiteral("line\nline\n"));
    QVERIFY(e.field(QStringLiteral("b")).isExpression());
    QCOMPARE(e.field(QStringLiteral("a")).str(), QStringLiteral("x"));
    QVERIFY(e.expression);
}

void TestHclValues::commandLine()
{
    const QString kanri = test::kanriBinary();
    if (kanri.isEmpty() || !QFileInfo::exists(kanri))
        QSKIP("the kanri executable is not built (KANRI_BINARY unset)");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("terraform.tfvars"));
    const QByteArray text =
        "developers = {\n  alice = {\n    github = \"al\"\n    team   = var.team\n"
        "    big    = 12345678901234567890123\n    bio    = <<-EOT\n"
        "      {\"a\": \"b\"}\n        $${x}\n      EOT\n  }\n\n"
        "  \"${var.p}-x\" = {\n    github = \"px\"\n  }\n\n"
        "  bob = {\n    github = \"b\"\n  }\n}\n";
    QVERIFY(test::writeFile(file, text));
    auto run = [&](const QStringList &args) {
        return test::run(kanri, QStringList{QStringLiteral("tf")} + args);
    };
    auto get = [&](const QString &path, bool typed) {
        QStringList args{QStringLiteral("get"), file, path};
        if (typed)
            args << QStringLiteral("--typed");
        return run(args);
    };
    // plain get: literals as JSON, expressions as source text
    QCOMPARE(get(QStringLiteral("developers.alice.github"), false).out, QByteArray("\"al\"\n"));
    QCOMPARE(get(QStringLiteral("developers.alice.team"), false).out, QByteArray("var.team\n"));
    QCOMPARE(get(QStringLiteral("developers.alice.big"), false).out,
             QByteArray("12345678901234567890123\n"));
    QCOMPARE(get(QStringLiteral("developers.alice.bio"), false).out,
             QByteArray("\"{\\\"a\\\": \\\"b\\\"}\\n  ${x}\\n\"\n"));
    QCOMPARE(get(QStringLiteral("developers.alice.team"), true).out,
             QByteArray("{\"kind\":\"expression\",\"source\":\"var.team\"}\n"));
    QCOMPARE(get(QStringLiteral("developers.\"${var.p}-x\".github"), true).out,
             QByteArray("{\"kind\":\"literal\",\"value\":\"px\"}\n"));
    // get --typed then set --typed of every value: the file does not change
    for (const char *p : {"developers.alice.github", "developers.alice.team",
                          "developers.alice.big", "developers.alice.bio", "developers.alice",
                          "developers.bob", "developers.\"${var.p}-x\""}) {
        const auto typed = get(QString::fromLatin1(p), true);
        QCOMPARE(typed.exitCode, 0);
        const auto set = run({QStringLiteral("set"), file, QString::fromLatin1(p),
                              QString::fromUtf8(typed.out.trimmed()), QStringLiteral("--typed")});
        QVERIFY2(set.exitCode == 0, set.err.constData());
        QCOMPARE(test::readAll(file), text);
    }
    // --expr writes source text; a plain JSON string stays a string
    auto r = run({QStringLiteral("set"), file, QStringLiteral("developers.bob.team"),
                  QStringLiteral("local.teams[\"core\"]"), QStringLiteral("--expr"),
                  QStringLiteral("--dry-run")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("+    team   = local.teams[\"core\"]\n"), r.out.constData());
    r = run({QStringLiteral("set"), file, QStringLiteral("developers.bob.github"),
             QStringLiteral("var.x +"), QStringLiteral("--expr")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("not an HCL expression"));
    // a multi-line string on the heredoc keeps it a heredoc
    r = run({QStringLiteral("set"), file, QStringLiteral("developers.alice.bio"),
             QStringLiteral("\"one\\ntwo\\n\""), QStringLiteral("--dry-run")});
    QVERIFY2(r.out.contains("+      one\n+      two\n"), r.out.constData());
    // numbers keep their digits
    r = run({QStringLiteral("set"), file, QStringLiteral("developers.bob.n"),
             QStringLiteral("98765432109876543210.25"), QStringLiteral("--dry-run")});
    QVERIFY2(r.out.contains("98765432109876543210.25"), r.out.constData());
    // every path part is checked before anything is written
    for (const char *bad :
         {"developers.alice.\"\"", "developers..github", "developers.\"alice",
          "developers.alice.github.x", "nomap.alice.github", "developers.nobody.github"}) {
        r = run({QStringLiteral("set"), file, QString::fromLatin1(bad), QStringLiteral("\"v\"")});
        QVERIFY2(r.exitCode == 1 || r.exitCode == 2, bad);
        QVERIFY2(r.err.contains("error:"), bad);
        QCOMPARE(test::readAll(file), text);
    }
    QCOMPARE(run({QStringLiteral("set"), file, QStringLiteral("developers.alice.github"),
                  QStringLiteral("{\"kind\": \"literal\"}"), QStringLiteral("--typed")})
                 .exitCode,
             2);
    QCOMPARE(run({QStringLiteral("get"), file, QStringLiteral("developers.alice"),
                  QStringLiteral("--expr")})
                 .exitCode,
             2);
    // rename and remove a template key; remove leaves no double blank line
    QCOMPARE(run({QStringLiteral("rename"), file, QStringLiteral("developers.\"${var.p}-x\""),
                  QStringLiteral("${var.p}-y")})
                 .exitCode,
             0);
    QVERIFY(test::readAll(file).contains("  \"${var.p}-y\" = {\n"));
    QCOMPARE(
        run({QStringLiteral("remove"), file, QStringLiteral("developers.\"${var.p}-y\"")}).exitCode,
        0);
    QVERIFY(!test::readAll(file).contains("\n\n\n"));
    QVERIFY(test::readAll(file).contains("  }\n\n  bob = {\n"));
    // an argument set twice is refused with both lines
    const QString twice = dir.filePath(QStringLiteral("twice.tfvars"));
    QVERIFY(test::writeFile(twice, "a = {}\nb = 1\na = { x = 1 }\n"));
    r = run({QStringLiteral("set"), twice, QStringLiteral("a.x"), QStringLiteral("1")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.startsWith(twice.toUtf8() + ":3:1: error: Attribute redefined"),
             r.err.constData());
    QVERIFY(r.err.contains("line 1"));
}

QTEST_GUILESS_MAIN(TestHclValues)
#include "tst_hclvalues.moc"
