// The evaluator one construct at a time, with the results Terraform gives (terraform console
// 1.9): references, variables and their types, tfvars order, for expressions, templates,
// functions, modules, and what it refuses to guess.
#include "terraform/tfevaluator.h"

#include "tests/testsupport/testutil.h"

#include <QElapsedTimer>
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

    void functions_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("expected");
        QTest::newRow("merge: later maps win") << "merge({a = 1, b = 2}, {b = 3, c = 4})"
                                               << "{ a = 1, b = 3, c = 4 }";
        QTest::newRow("merge skips null") << "merge({a = 1}, null)"
                                          << "{ a = 1 }";
        QTest::newRow("lookup finds a key") << "lookup({a = \"x\"}, \"a\")"
                                            << "\"x\"";
        QTest::newRow("lookup falls back to its default") << "lookup({a = \"x\"}, \"b\", \"d\")"
                                                          << "\"d\"";
        QTest::newRow("lookup without default fails on a missing key")
            << "lookup({a = \"x\"}, \"b\")"
            << "error";
        QTest::newRow("try takes the first that succeeds") << "try({a = 1}.b, \"fallback\")"
                                                           << "\"fallback\"";
        QTest::newRow("try fails when nothing succeeds") << "try({a = 1}.b)"
                                                         << "error";
        QTest::newRow("can of an error is false") << "can({a = 1}.b)"
                                                  << "false";
        QTest::newRow("can of a value is true") << "can(1 + 1)"
                                                << "true";
        QTest::newRow("contains finds an element") << "contains([\"a\", \"b\"], \"b\")"
                                                   << "true";
        QTest::newRow("contains compares type and value") << "contains([1, 2], \"1\")"
                                                          << "false";
        QTest::newRow("keys are sorted") << "keys({b = 1, a = 2})"
                                         << "[\"a\", \"b\"]";
        QTest::newRow("values follow the sorted keys") << "values({b = 1, a = 2})"
                                                       << "[2, 1]";
        QTest::newRow("toset sorts and removes duplicates") << "toset([\"b\", \"a\", \"b\"])"
                                                            << "[\"a\", \"b\"]";
        QTest::newRow("tomap unifies values to strings") << "tomap({a = 1, b = \"x\"})"
                                                         << "{ a = \"1\", b = \"x\" }";
        QTest::newRow("tolist of a set") << "tolist(toset([\"b\", \"a\"]))"
                                         << "[\"a\", \"b\"]";
        QTest::newRow("flatten flattens nested lists") << "flatten([[1, [2]], [], [3]])"
                                                       << "[1, 2, 3]";
        QTest::newRow("concat joins lists") << "concat([1], [2, 3])"
                                            << "[1, 2, 3]";
        QTest::newRow("coalesce skips empty strings") << "coalesce(\"\", \"b\")"
                                                      << "\"b\"";
        QTest::newRow("coalesce skips null") << "coalesce(null, 1)"
                                             << "1";
        QTest::newRow("coalesce with nothing fails") << "coalesce(null, \"\")"
                                                     << "error";
        QTest::newRow("format pads numbers") << "format(\"%s-%03d\", \"a\", 7)"
                                             << "\"a-007\"";
        QTest::newRow("format quotes with %q") << "format(\"%q\", \"x\")"
                                               << "\"\\\"x\\\"\"";
        QTest::newRow("format with width and precision")
            << "format(\"%5.1f|%-3s|\", 3.14159, \"a\")"
            << "\"  3.1|a  |\"";
        QTest::newRow("format %v of a bool") << "format(\"%v\", true)"
                                             << "\"true\"";
        QTest::newRow("format %d of a fraction fails") << "format(\"%d\", 1.5)"
                                                       << "error";
        QTest::newRow("format with too few arguments fails") << "format(\"%s %s\", 1)"
                                                             << "error";
        QTest::newRow("lower of non-ASCII") << "lower(\"ÄB\")"
                                            << "\"äb\"";
        QTest::newRow("upper") << "upper(\"ab\")"
                               << "\"AB\"";
        QTest::newRow("replace a substring") << "replace(\"a-b-c\", \"-\", \"_\")"
                                             << "\"a_b_c\"";
        QTest::newRow("replace a regular expression with a group")
            << "replace(\"hello world\", \"/o(\\\\w)/\", \"0$1\")"
            << "\"hello w0rld\"";
        QTest::newRow("length counts characters") << "length(\"héllo\")"
                                                  << "5";
        QTest::newRow("length of a list") << "length([1, 2])"
                                          << "2";
        QTest::newRow("length of a map") << "length({a = 1})"
                                         << "1";
        QTest::newRow("jsonencode sorts keys and keeps null")
            << "jsonencode({b = [1, \"x\"], a = null})"
            << "\"{\\\"a\\\":null,\\\"b\\\":[1,\\\"x\\\"]}\"";
        QTest::newRow("jsonencode escapes < > &") << "jsonencode(\"<&>\")"
                                                  << "\"\\\"\\\\u003c\\\\u0026\\\\u003e\\\"\"";
        QTest::newRow("setproduct of two lists")
            << "setproduct([\"a\", \"b\"], [1, 2])"
            << "[[\"a\", 1], [\"a\", 2], [\"b\", 1], [\"b\", 2]]";
        QTest::newRow("setproduct with an empty list is empty") << "setproduct([1], [])"
                                                                << "[]";
        QTest::newRow("join") << "join(\"-\", [\"a\", \"b\"])"
                              << "\"a-b\"";
        QTest::newRow("split") << "split(\",\", \"a,b\")"
                               << "[\"a\", \"b\"]";
        QTest::newRow("one of a single element list") << "one([\"x\"])"
                                                      << "\"x\"";
        QTest::newRow("distinct keeps the first") << "distinct([2, 1, 2])"
                                                  << "[2, 1]";
        QTest::newRow("alltrue") << "alltrue([true, 1 < 2])"
                                 << "true";
        QTest::newRow("zipmap") << "zipmap([\"a\", \"b\"], [1, 2])"
                                << "{ a = 1, b = 2 }";
        QTest::newRow("range with a step") << "range(1, 7, 2)"
                                           << "[1, 3, 5]";
        QTest::newRow("substr counts characters") << "substr(\"héllo\", 1, 3)"
                                                  << "\"éll\"";
        QTest::newRow("startswith") << "startswith(\"hello\", \"he\")"
                                    << "true";
    }

    void functions()
    {
        QFETCH(QString, expression);
        QFETCH(QString, expected);
        const QString got = eval(expression);
        if (expected == u"error")
            QVERIFY2(got.startsWith(QStringLiteral("error: ")), qPrintable(got));
        else
            QCOMPARE(got, expected);
    }

    void anUnknownFunctionIsReportedNotGuessed()
    {
        QStringList notes;
        QCOMPARE(eval(QStringLiteral("upper(timestamp())"), {}, &notes),
                 QStringLiteral("(known after apply)"));
        QCOMPARE(notes.size(), 1);
        QVERIFY2(notes[0].contains(QStringLiteral("timestamp")), qPrintable(notes[0]));
        QVERIFY2(notes[0].startsWith(QStringLiteral("<expression>:1:")), qPrintable(notes[0]));
    }

    void variablesTakeTfvarsInTerraformsOrder()
    {
        TfFiles files;
        files[QStringLiteral("variables.tf")] = "variable \"a\" { default = \"default\" }\n"
                                                "variable \"b\" { default = \"default\" }\n"
                                                "variable \"c\" { default = \"default\" }\n"
                                                "variable \"d\" { default = \"default\" }\n";
        files[QStringLiteral("terraform.tfvars")] =
            "b = \"tfvars\"\nc = \"tfvars\"\nd = \"tfvars\"\n";
        files[QStringLiteral("x.auto.tfvars")] = "c = \"x.auto\"\nd = \"x.auto\"\n";
        files[QStringLiteral("y.auto.tfvars")] = "d = \"y.auto\"\n";
        files[QStringLiteral("other.tfvars")] = "a = \"not read\"\n"; // only with -var-file
        QCOMPARE(eval(QStringLiteral("[var.a, var.b, var.c, var.d]"), files),
                 QStringLiteral("[\"default\", \"tfvars\", \"x.auto\", \"y.auto\"]"));
    }

    void optionalAttributesGetTheirDefaults()
    {
        TfFiles files;
        files[QStringLiteral("variables.tf")] = R"(
variable "people" {
  type = map(object({
    name  = string
    admin = optional(bool, false)
    team  = optional(string)
    tags  = optional(list(string), ["x"])
    age   = optional(number)
  }))
}
)";
        files[QStringLiteral("terraform.tfvars")] =
            "people = {\n  a = { name = \"A\", admin = true, age = \"42\" }\n  b = { name = 7, "
            "extra = 1 }\n}\n";
        QCOMPARE(
            eval(QStringLiteral("var.people"), files),
            QStringLiteral("{ a = { admin = true, age = 42, name = \"A\", tags = [\"x\"], team "
                           "= null }, b = { admin = false, age = null, name = \"7\", tags = "
                           "[\"x\"], team = null } }"));
    }

    void aMissingRequiredAttributeIsReported()
    {
        TfFiles files;
        files[QStringLiteral("variables.tf")] =
            "variable \"p\" {\n  type = object({ name = string })\n  default = {}\n}\n";
        QStringList notes;
        QCOMPARE(eval(QStringLiteral("var.p"), files, &notes),
                 QStringLiteral("(known after apply)"));
        QVERIFY2(notes.join(u'\n').contains(QStringLiteral("\"name\" is required")),
                 qPrintable(notes.join(u'\n')));
    }

    void aVariableWithoutValueIsUnknown()
    {
        TfFiles files;
        files[QStringLiteral("variables.tf")] = "variable \"region\" {\n  type = string\n}\n";
        QStringList notes;
        QCOMPARE(eval(QStringLiteral("\"r-${var.region}\""), files, &notes),
                 QStringLiteral("(known after apply)"));
        QVERIFY(notes.join(u'\n').contains(QStringLiteral("variables.tf:1:1: variable region "
                                                          "has no value")));
    }

    void nullableFalseTakesTheDefault()
    {
        TfFiles files;
        files[QStringLiteral("variables.tf")] =
            "variable \"x\" {\n  default = 3\n  nullable = false\n}\n";
        files[QStringLiteral("terraform.tfvars")] = "x = null\n";
        QCOMPARE(eval(QStringLiteral("var.x"), files), QStringLiteral("3"));
    }

    void resourcesAreTheirInstances()
    {
        TfFiles files;
        files[QStringLiteral("main.tf")] = R"(
resource "null_resource" "counted" {
  count = 2
  name  = "n-${count.index}"
}
resource "null_resource" "keyed" {
  for_each = toset(["a", "b"])
  name     = upper(each.key)
}
resource "null_resource" "single" {
  name = "s"
}
)";
        QCOMPARE(eval(QStringLiteral("null_resource.counted[1].name"), files),
                 QStringLiteral("\"n-1\""));
        QCOMPARE(
            eval(QStringLiteral("[for k, r in null_resource.keyed : \"${k}=${r.name}\"]"), files),
            QStringLiteral("[\"a=A\", \"b=B\"]"));
        // What the provider computes is unknown, not an error.
        QCOMPARE(eval(QStringLiteral("null_resource.single.id"), files),
                 QStringLiteral("(known after apply)"));
        QCOMPARE(eval(QStringLiteral("null_resource.single.name"), files), QStringLiteral("\"s\""));
        QVERIFY(eval(QStringLiteral("null_resource.missing.name"), files)
                    .startsWith(QStringLiteral("error: ")));
    }

    void aCycleOfLocalsIsAnErrorNotAHang()
    {
        TfFiles files;
        files[QStringLiteral("main.tf")] = "locals {\n  a = local.b\n  b = [local.a]\n}\n";
        const QString got = eval(QStringLiteral("local.a"), files);
        QVERIFY2(got.startsWith(QStringLiteral("error: ")) && got.contains(QStringLiteral("cycle")),
                 qPrintable(got));
    }

    void aLongChainOfLocalsStopsAtTheDepthLimit()
    {
        QByteArray text = "locals {\n  l0 = 0\n";
        for (int i = 1; i < 3000; ++i)
            text +=
                "  l" + QByteArray::number(i) + " = local.l" + QByteArray::number(i - 1) + " + 1\n";
        text += "}\n";
        TfFiles files;
        files[QStringLiteral("main.tf")] = text;
        QCOMPARE(eval(QStringLiteral("local.l50"), files), QStringLiteral("50"));
        const QString got = eval(QStringLiteral("local.l2999"), files);
        QVERIFY2(got.startsWith(QStringLiteral("error: ")) &&
                     got.contains(QStringLiteral("deeply")),
                 qPrintable(got));
    }

    void aModuleCallingItselfIsACycleNotARecursion()
    {
        TfFiles files;
        files[QStringLiteral("main.tf")] =
            "module \"again\" {\n  for_each = toset([\"a\", \"b\"])\n  source = \"./\"\n}\n"
            "resource \"r\" \"x\" {}\n";
        auto ev = evaluateModule(files);
        QVERIFY(ev.has_value());
        QVERIFY(ev->instances.contains(QStringLiteral("r.x")));
        QCOMPARE(ev->unknownPrefixes, QStringList{QStringLiteral("module.again")});
        QVERIFY2(ev->notes.join(u'\n').contains(QStringLiteral("a cycle")),
                 qPrintable(ev->notes.join(u'\n')));
    }

    void aWideTreeOfModulesIsCut()
    {
        // Fourteen levels of two instances each would be 32766 module instances: the level
        // that passes 5000 is cut and reported.
        TfFiles files;
        files[QStringLiteral("main.tf")] = "module \"m\" {\n  source = \"./l1\"\n}\n";
        QByteArray dir;
        for (int level = 1; level <= 14; ++level) {
            dir += (dir.isEmpty() ? "" : "/") + QByteArray("l") + QByteArray::number(level);
            files[QString::fromUtf8(dir + "/main.tf")] =
                "module \"m\" {\n  for_each = toset([\"a\", \"b\"])\n  source = \"./l" +
                QByteArray::number(level + 1) + "\"\n}\nresource \"r\" \"x\" {}\n";
        }
        QElapsedTimer t;
        t.start();
        auto ev = evaluateModule(files);
        QVERIFY(ev.has_value());
        QVERIFY(t.elapsed() < 20000);
        QVERIFY2(ev->notes.join(u'\n').contains(QStringLiteral("module instances are not "
                                                               "evaluated")),
                 qPrintable(ev->notes.join(u'\n')));
    }

    void dynamicBlocksAreExpanded()
    {
        TfFiles files;
        files[QStringLiteral("main.tf")] = R"(
resource "aws_security_group" "web" {
  dynamic "ingress" {
    for_each = { http = 80, https = 443 }
    content {
      from_port = ingress.value
      label     = ingress.key
    }
  }
  egress {
    to = "all"
  }
}
)";
        auto ev = evaluateModule(files);
        QVERIFY(ev.has_value());
        const InstanceInfo &web = ev->instances.at(QStringLiteral("aws_security_group.web"));
        QCOMPARE(web.arguments.size(), std::size_t(2));
        QCOMPARE(web.arguments[0].first, QStringLiteral("ingress"));
        QCOMPARE(web.arguments[0].second.render(),
                 QStringLiteral("[{ from_port = 80, label = \"http\" }, { from_port = 443, label = "
                                "\"https\" }]"));
        QCOMPARE(web.arguments[1].second.render(), QStringLiteral("[{ to = \"all\" }]"));
    }

    void pathAndWorkspaceAreKnown()
    {
        QCOMPARE(eval(QStringLiteral("[path.module, path.root, terraform.workspace]")),
                 QStringLiteral("[\".\", \".\", \"default\"]"));
    }

    void aHugeSetproductIsRefused()
    {
        QElapsedTimer t;
        t.start();
        const QString got = eval(QStringLiteral("length(setproduct(range(3000), range(3000)))"));
        QVERIFY2(got.startsWith(QStringLiteral("error: ")), qPrintable(got));
        QVERIFY(t.elapsed() < 5000);
    }

    void runawayEvaluationStopsWithinTheStepBudget()
    {
        TfFiles files;
        files[QStringLiteral("main.tf")] =
            "locals {\n  l = range(1000)\n  x = [for a in local.l : [for b in local.l : [for c "
            "in local.l : a + b + c]]]\n}\n";
        QElapsedTimer t;
        t.start();
        const QString got = eval(QStringLiteral("length(local.x)"), files);
        QVERIFY2(got.startsWith(QStringLiteral("error: ")), qPrintable(got));
        QVERIFY(t.elapsed() < 20000);
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
