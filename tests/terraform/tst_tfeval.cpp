// The evaluator one construct at a time, with the results Terraform gives (terraform console
// 1.9): references, variables and their types, tfvars order, for expressions, templates,
// functions, modules, and what it refuses to guess.
#include "terraform/tfevaluator.h"

#include "tests/testsupport/testutil.h"

#include <QTest>

using namespace kanri::terraform;

namespace {

// `expression` evaluated in a root module holding `files`, rendered; "error: ..." on error.
QString eval(const QString &expression, const TfFiles &files = {}, QStringList *notes = nullptr)
{
    auto v = evaluateExpression(files, expression, notes);
    if (!v)
        return QStringLiteral("error: ") + v.error().message;
    return v->render();
}

} // namespace

class TestTfEval : public QObject
{
    Q_OBJECT

private slots:
    void expressions_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("expected");
        QTest::newRow("arithmetic follows precedence") << "1 + 2 * 3 - 4 / 2"
                                                       << "5";
        QTest::newRow("a string of digits is a number in arithmetic") << "\"3\" + 4"
                                                                      << "7";
        QTest::newRow("modulo") << "7 % 3"
                                << "1";
        QTest::newRow("comparison and logic") << "1 < 2 && !(3 >= 4) || false"
                                              << "true";
        QTest::newRow("equality is by type and value") << "1 == \"1\""
                                                       << "false";
        QTest::newRow("conditional picks one side") << "true ? \"a\" : \"b\""
                                                    << "\"a\"";
        QTest::newRow("template interpolates numbers and bools") << "\"n=${1 + 1} b=${true}\""
                                                                 << "\"n=2 b=true\"";
        QTest::newRow("template alone is the value itself") << "\"${[1, 2]}\""
                                                            << "[1, 2]";
        QTest::newRow("template if directive") << "\"%{ if 1 > 2 }big%{ else }small%{ endif }\""
                                               << "\"small\"";
        QTest::newRow("template for directive with strip markers")
            << "\"%{ for x in [\"a\", \"b\"] ~} ${x}, %{~ endfor }\""
            << "\"a,b,\"";
        QTest::newRow("escaped sequences stay literal") << "\"$${x} %%{y}\""
                                                        << "\"$${x} %%{y}\"";
        QTest::newRow("heredoc with indentation removed") << "<<-EOT\n    a ${1}\n      b\n    EOT"
                                                          << "\"a 1\\n  b\\n\"";
        QTest::newRow("tuple for expression with if")
            << "[for x in [1, 2, 3, 4] : x * 10 if x % 2 == 0]"
            << "[20, 40]";
        QTest::newRow("object for expression") << "{for k, v in {a = 1, b = 2} : upper(k) => v + 1}"
                                               << "{ A = 2, B = 3 }";
        QTest::newRow("object for expression groups with ...")
            << "{for s in [\"ax\", \"ay\", \"bz\"] : substr(s, 0, 1) => s...}"
            << "{ a = [\"ax\", \"ay\"], b = [\"bz\"] }";
        QTest::newRow("for over a list gives index and value")
            << "[for i, v in [\"a\", \"b\"] : \"${i}:${v}\"]"
            << "[\"0:a\", \"1:b\"]";
        QTest::newRow("duplicate key without ... is an error")
            << "{for s in [\"a\", \"a\"] : s => 1}"
            << "error";
        QTest::newRow("splat over a list of objects") << "[{a = 1}, {a = 2}][*].a"
                                                      << "[1, 2]";
        QTest::newRow("attribute splat") << "[{a = {b = 1}}].*.a.b"
                                         << "[1]";
        QTest::newRow("splat of null is empty") << "null[*]"
                                                << "[]";
        QTest::newRow("index into a map by string") << "{a = 1}[\"a\"]"
                                                    << "1";
        QTest::newRow("legacy index syntax") << "[5, 6].1"
                                             << "6";
        QTest::newRow("missing attribute is an error") << "{a = 1}.b"
                                                       << "error";
        QTest::newRow("out of range index is an error") << "[1][3]"
                                                        << "error";
        QTest::newRow("expanding a list into arguments") << "concat([1], [[2], [3]]...)"
                                                         << "[1, 2, 3]";
    }

    void expressions()
    {
        QFETCH(QString, expression);
        QFETCH(QString, expected);
        const QString got = eval(expression);
        if (expected == u"error")
            QVERIFY2(got.startsWith(QStringLiteral("error: ")), qPrintable(got));
        else
            QCOMPARE(got, expected);
    }
};

QTEST_GUILESS_MAIN(TestTfEval)
#include "tst_tfeval.moc"
