// models/argocd/gotemplate: Go's text/template with sprig, as Argo CD's ApplicationSet
// controller renders `goTemplate: true` templates. Expected outputs are what Go 1.22 with
// sprig v3 prints for the same template and data (JSON numbers are float64 in Go).

#include "argocd/gotemplate.h"

#include <QJsonDocument>
#include <QTest>

using namespace kanri;
using namespace kanri::argocd;

class TestGoTemplate : public QObject
{
    Q_OBJECT

private slots:
    void renders_data();
    void renders();
    void errors_data();
    void errors();
    void missingKeyErrorOption();
    void unknownOptionIsRefused();
    void hostileTemplatesEndWithAnError();
};

namespace {

// The parameters of a git directory generator for services/payment-api/overlays/prd, plus a few
// list-generator style values.
const char *const kData = R"({
  "path": {
    "path": "services/payment-api/overlays/prd",
    "basename": "prd",
    "basenameNormalized": "prd",
    "segments": ["services", "payment-api", "overlays", "prd"]
  },
  "name": "gke-prd",
  "server": "https://gke-prd.example",
  "replicas": 3,
  "ratio": 0.25,
  "enabled": true,
  "empty": "",
  "nothing": null,
  "labels": {"team": "payments", "env": "prd"},
  "zones": ["a", "b", "c"]
})";

// As encoding/json decodes into interface{}: every number is a float64 (Qt would make the
// integral ones qlonglong).
QVariant asGo(const QVariant &v)
{
    if (v.typeId() == QMetaType::QVariantMap) {
        QVariantMap m = v.toMap();
        for (auto it = m.begin(); it != m.end(); ++it)
            *it = asGo(*it);
        return m;
    }
    if (v.typeId() == QMetaType::QVariantList) {
        QVariantList l = v.toList();
        for (QVariant &item : l)
            item = asGo(item);
        return l;
    }
    if (v.typeId() == QMetaType::LongLong || v.typeId() == QMetaType::Int)
        return v.toDouble();
    return v;
}

QVariant data()
{
    return asGo(QJsonDocument::fromJson(kData).toVariant());
}

} // namespace

void TestGoTemplate::renders_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");

    QTest::newRow("text without actions stays as it is") << "plain {text}"
                                                         << "plain {text}";
    QTest::newRow("a field") << "{{.name}}"
                             << "gke-prd";
    QTest::newRow("a nested field, as the git generator gives it") << "{{.path.basename}}"
                                                                   << "prd";
    QTest::newRow("index of the path segments picks the service")
        << "{{index .path.segments 1}}-{{.path.basename}}"
        << "payment-api-prd";
    QTest::newRow("a JSON number prints as Go prints a float64") << "{{.replicas}}"
                                                                 << "3";
    QTest::newRow("a fraction prints shortest") << "{{.ratio}}"
                                                << "0.25";
    QTest::newRow("a missing key prints <no value> by default") << "{{.nope}}"
                                                                << "<no value>";
    QTest::newRow("null prints <nil>") << "{{.nothing}}"
                                       << "<nil>";
    QTest::newRow("a map prints as map[k:v] with sorted keys") << "{{.labels}}"
                                                               << "map[env:prd team:payments]";
    QTest::newRow("a list prints as [a b c]") << "{{.zones}}"
                                              << "[a b c]";
    QTest::newRow("a pipeline into a sprig function") << "{{.name | upper}}"
                                                      << "GKE-PRD";
    QTest::newRow("a pipeline of several functions") << R"({{ .name | replace "-" "_" | upper }})"
                                                     << "GKE_PRD";
    QTest::newRow("trim markers remove the spaces around an action")
        << "a  {{- .path.basename -}}  b"
        << "aprdb";
    QTest::newRow("a trim marker also removes newlines") << "x\n{{- \"y\" }}\n"
                                                         << "xy\n";
    QTest::newRow("a comment prints nothing") << "a{{/* note */}}b"
                                              << "ab";
    QTest::newRow("a trimmed comment") << "a {{- /* note */ -}} b"
                                       << "ab";
    QTest::newRow("if and else") << R"({{if eq .path.basename "prd"}}manual{{else}}auto{{end}})"
                                 << "manual";
    QTest::newRow("else if")
        << R"({{if eq .name "a"}}1{{else if hasPrefix "gke" .name}}2{{else}}3{{end}})"
        << "2";
    QTest::newRow("an empty string is false") << "{{if .empty}}yes{{else}}no{{end}}"
                                              << "no";
    QTest::newRow("range with index and value")
        << "{{range $i, $s := .path.segments}}{{if $i}}/{{end}}{{$s}}{{end}}"
        << "services/payment-api/overlays/prd";
    QTest::newRow("range over a map goes in key order")
        << "{{range $k, $v := .labels}}{{$k}}={{$v}};{{end}}"
        << "env=prd;team=payments;";
    QTest::newRow("range sets dot") << "{{range .zones}}<{{.}}>{{end}}"
                                    << "<a><b><c>";
    QTest::newRow("range else on null") << "{{range .nothing}}x{{else}}none{{end}}"
                                        << "none";
    QTest::newRow("break and continue")
        << R"({{range .zones}}{{if eq . "b"}}{{continue}}{{end}}{{if eq . "c"}}{{break}}{{end}}{{.}}{{end}})"
        << "a";
    QTest::newRow("with sets dot") << "{{with .labels}}{{.team}}{{end}}"
                                   << "payments";
    QTest::newRow("with else") << "{{with .empty}}x{{else}}empty{{end}}"
                               << "empty";
    QTest::newRow("a variable") << R"({{$env := .path.basename}}{{$env}}-{{$env}})"
                                << "prd-prd";
    QTest::newRow("a variable assigned in a range")
        << R"({{$n := 0}}{{range .zones}}{{$n = add $n 1}}{{end}}{{$n}})"
        << "3";
    QTest::newRow("$ is the data inside range") << "{{range .zones}}{{$.name}} {{end}}"
                                                << "gke-prd gke-prd gke-prd ";
    QTest::newRow("printf with padding") << R"({{printf "%s-%03d" .name 7}})"
                                         << "gke-prd-007";
    QTest::newRow("printf %v of a float64") << R"({{printf "%v" .replicas}})"
                                            << "3";
    QTest::newRow("printf %d of a float64 shows Go's complaint") << R"({{printf "%d" .replicas}})"
                                                                 << "%!d(float64=3)";
    QTest::newRow("printf %d after int") << R"({{printf "%d" (int .replicas)}})"
                                         << "3";
    QTest::newRow("printf %q") << R"({{printf "%q" .name}})"
                               << "\"gke-prd\"";
    QTest::newRow("print joins operands") << R"({{print "a" 1 2 "b"}})"
                                          << "a1 2b";
    QTest::newRow("add gives an int64") << "{{add .replicas 1}}"
                                        << "4";
    QTest::newRow("sub, mul, div and mod") << "{{sub 10 3}} {{mul 2 3}} {{div 7 2}} {{mod 7 2}}"
                                           << "7 6 3 1";
    QTest::newRow("default replaces a missing value") << R"({{.nope | default "x"}})"
                                                      << "x";
    QTest::newRow("default keeps a present value") << R"({{.name | default "x"}})"
                                                   << "gke-prd";
    QTest::newRow("default replaces an empty string") << R"({{default "x" .empty}})"
                                                      << "x";
    QTest::newRow("coalesce") << R"({{coalesce .empty .nope "z"}})"
                              << "z";
    QTest::newRow("ternary") << R"({{ternary "yes" "no" .enabled}})"
                             << "yes";
    QTest::newRow("and returns the deciding value") << R"({{and .enabled .name}})"
                                                    << "gke-prd";
    QTest::newRow("or returns the first true value") << R"({{or .empty .name}})"
                                                     << "gke-prd";
    QTest::newRow("and stops before a failing argument") << R"({{and .empty (fail "never")}})"
                                                         << "";
    QTest::newRow("not") << "{{not .enabled}}"
                         << "false";
    QTest::newRow("comparisons") << R"({{lt 1 2}} {{ge .replicas 3}} {{ne "a" "b"}})"
                                 << "true true true";
    QTest::newRow("eq with several candidates") << R"({{eq .path.basename "dev" "prd"}})"
                                                << "true";
    QTest::newRow("len of a list, a map and a string")
        << "{{len .zones}} {{len .labels}} {{len .name}}"
        << "3 2 7";
    QTest::newRow("slice") << "{{slice .path.segments 1 2}}"
                           << "[payment-api]";
    QTest::newRow("trunc") << "{{.name | trunc 3}}"
                           << "gke";
    QTest::newRow("trunc from the end") << "{{trunc -3 .name}}"
                                        << "prd";
    QTest::newRow("trimPrefix and trimSuffix")
        << R"({{trimPrefix "gke-" .name}} {{trimSuffix "-prd" .name}})"
        << "prd gke";
    QTest::newRow("trim, trimAll") << R"({{trim "  x "}}|{{trimAll "-" "--x--"}})"
                                   << "x|x";
    QTest::newRow("title and lower") << R"({{title "hello world"}} {{lower "ABC"}})"
                                     << "Hello World abc";
    QTest::newRow("quote and squote") << "{{quote .name}} {{squote .name}}"
                                      << "\"gke-prd\" 'gke-prd'";
    QTest::newRow("contains, hasPrefix, hasSuffix")
        << R"({{contains "prd" .name}} {{hasPrefix "eks" .name}} {{hasSuffix "prd" .name}})"
        << "true false true";
    QTest::newRow("splitList and last") << R"({{splitList "/" .path.path | last}})"
                                        << "prd";
    QTest::newRow("join of a list") << R"({{join "." .zones}})"
                                    << "a.b.c";
    QTest::newRow("first and rest") << "{{first .zones}} {{rest .zones}}"
                                    << "a [b c]";
    QTest::newRow("list, append and has")
        << R"({{ $l := list "x" "y" }}{{ has "y" (append $l "z") }} {{ len (append $l "z") }})"
        << "true 3";
    QTest::newRow("dict, get, hasKey and keys")
        << R"({{ $d := dict "a" "1" "b" "2" }}{{ get $d "b" }} {{ hasKey $d "c" }} {{ keys $d | sortAlpha }})"
        << "2 false [a b]";
    QTest::newRow("regexReplaceAll with a group")
        << R"({{regexReplaceAll "^gke-(.*)$" .name "${1}-cluster"}})"
        << "prd-cluster";
    QTest::newRow("regexMatch") << R"({{regexMatch "^(gke|eks)-" .name}})"
                                << "true";
    QTest::newRow("b64enc and b64dec") << R"({{b64enc "abc"}} {{b64dec "YWJj"}})"
                                       << "YWJj abc";
    QTest::newRow("sha256sum") << R"({{sha256sum "abc" | trunc 8}})"
                               << "ba7816bf";
    QTest::newRow("snakecase, kebabcase and camelcase")
        << R"({{snakecase "PaymentApi"}} {{kebabcase "PaymentApi"}} {{camelcase "payment_api"}})"
        << "payment_api payment-api PaymentApi";
    QTest::newRow("toJson of a map") << "{{toJson .labels}}"
                                     << R"({"env":"prd","team":"payments"})";
    QTest::newRow("toYaml with nindent") << "labels:{{toYaml .labels | nindent 2}}"
                                         << "labels:\n  env: prd\n  team: payments";
    QTest::newRow("toYaml quotes what would not read back as a string")
        << R"({{toYaml (dict "a" "true" "b" "1.0" "c" "x")}})"
        << "a: 'true'\nb: '1.0'\nc: x";
    QTest::newRow("fromYaml") << R"({{(fromYaml "a: 1\nb: x").b}})"
                              << "x";
    QTest::newRow("Argo CD's normalize") << R"({{normalize "Payment_API.v2"}})"
                                         << "payment-api.v2";
    QTest::newRow("Argo CD's slugify") << R"({{slugify 12 true "Payment API for the shop"}})"
                                       << "payment-api";
    QTest::newRow("a parenthesised pipeline with a field") << R"({{(dict "x" .labels).x.team}})"
                                                           << "payments";
    QTest::newRow("string escapes") << R"({{"a\tb\n"}})"
                                    << "a\tb\n";
    QTest::newRow("a raw string") << "{{`a\\tb`}}"
                                  << "a\\tb";
    QTest::newRow("a character constant is a number") << "{{'a'}}"
                                                      << "97";
    QTest::newRow("a hexadecimal number") << "{{0x1F}}"
                                          << "31";
    QTest::newRow("Japanese text passes through") << "{{.labels.team}}：決済"
                                                  << "payments：決済";
}

void TestGoTemplate::renders()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    auto r = renderGoTemplate(text, data());
    if (!r)
        QFAIL(qPrintable(r.error().message));
    QCOMPARE(*r, expected);
}

void TestGoTemplate::errors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");

    QTest::newRow("an unclosed action") << "{{.name"
                                        << "template: :1:1: unclosed action";
    QTest::newRow("an unknown function") << "{{nope .name}}"
                                         << "function \"nope\" not defined";
    QTest::newRow("if without a value") << "{{if}}x{{end}}"
                                        << "missing value for if";
    QTest::newRow("an end without a block") << "{{end}}"
                                            << "unexpected {{end}}";
    QTest::newRow("a range without end") << "{{range .zones}}x"
                                         << "unexpected EOF";
    QTest::newRow("a field of a string") << "{{.name.x}}"
                                         << "can't evaluate field x in type string";
    QTest::newRow("a field of a missing value") << "{{.nope.x}}"
                                                << "nil pointer evaluating interface {}.x";
    QTest::newRow("index out of range") << "{{index .path.segments 9}}"
                                        << "error calling index: index out of range: 9";
    QTest::newRow("define is not supported") << R"({{define "x"}}y{{end}})"
                                             << "{{define}} is not supported";
    QTest::newRow("an undefined variable") << "{{$x}}"
                                           << "undefined variable: $x";
    QTest::newRow("an unterminated string") << R"({{"abc}})"
                                            << "unterminated quoted string";
    QTest::newRow("fail") << R"({{fail "stop here"}})"
                          << "error calling fail: stop here";
    QTest::newRow("division by zero") << "{{div 1 0}}"
                                      << "integer divide by zero";
    QTest::newRow("break outside range") << "{{break}}"
                                         << "{{break}} outside {{range}}";
    QTest::newRow("wrong argument count") << "{{upper}}"
                                          << "wrong number of args for upper";
    QTest::newRow("an unclosed comment") << "{{/* x"
                                         << "unclosed comment";
    QTest::newRow("an unclosed parenthesis") << "{{(upper .name}}"
                                             << "unclosed left paren";
}

void TestGoTemplate::errors()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    auto r = renderGoTemplate(text, data());
    QVERIFY2(!r.has_value(), qPrintable(r.value_or(QString())));
    QVERIFY2(r.error().message.contains(message), qPrintable(r.error().message));
    QVERIFY2(r.error().message.startsWith(QLatin1String("template: ")),
             qPrintable(r.error().message));
}

void TestGoTemplate::missingKeyErrorOption()
{
    auto options = parseGoTemplateOptions({QStringLiteral("missingkey=error")});
    QVERIFY(options.has_value());
    QVERIFY(options->missingKeyError);
    auto r = renderGoTemplate(QStringLiteral("{{.path.nope}}"), data(), *options);
    QVERIFY(!r.has_value());
    QCOMPARE(r.error().message,
             QStringLiteral("template: :1:3: executing \"\" at <.path.nope>: map has no entry for "
                            "key \"nope\""));
    // Present keys still render.
    auto ok = renderGoTemplate(QStringLiteral("{{.path.basename}}"), data(), *options);
    QCOMPARE(ok.value_or(QString()), QStringLiteral("prd"));
}

void TestGoTemplate::unknownOptionIsRefused()
{
    auto options = parseGoTemplateOptions({QStringLiteral("missingkey=explode")});
    QVERIFY(!options.has_value());
    QVERIFY(options.error().message.contains(QLatin1String("missingkey=explode")));
}

void TestGoTemplate::hostileTemplatesEndWithAnError()
{
    // Deep parentheses, deep nesting, a range that would run forever, output that would grow
    // without bound: each ends with an error, none with a crash or a hang.
    const QString parens =
        QString(5000, QLatin1Char('(')) + QStringLiteral(".name") + QString(5000, QLatin1Char(')'));
    QVERIFY(!renderGoTemplate(QStringLiteral("{{") + parens + QStringLiteral("}}"), data()));
    QString nested;
    for (int i = 0; i < 5000; ++i)
        nested += QStringLiteral("{{if true}}");
    QVERIFY(!renderGoTemplate(nested, data()));
    QVERIFY(!renderGoTemplate(QStringLiteral("{{range 100000000}}x{{end}}"), data()));
    QVERIFY(
        !renderGoTemplate(QStringLiteral("{{range until 100000}}{{range until 100000}}xxxxxxxxxx"
                                         "{{end}}{{end}}"),
                          data()));
    QVERIFY(!renderGoTemplate(QStringLiteral("{{repeat 100000000 \"x\"}}"), data()));
}

QTEST_GUILESS_MAIN(TestGoTemplate)
#include "tst_gotemplate.moc"
