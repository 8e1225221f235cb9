#include "hcl/hcldocument.h"
#include "tests/testsupport/testutil.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <utility>

using namespace kanri;
using namespace kanri::hcl;

namespace {

using kanri::test::readAll;

QString corpusDir()
{
    const QString shared = test::sharedDir();
    if (shared.isEmpty())
        return {};
    const QString dir = shared + QStringLiteral("/conformance/hcl/files");
    return QDir(dir).exists() ? dir : QString();
}

QList<QByteArray> splitLines(const QByteArray &t)
{
    QList<QByteArray> lines;
    qsizetype pos = 0;
    while (pos < t.size()) {
        qsizetype nl = t.indexOf('\n', pos);
        if (nl < 0)
            nl = t.size() - 1;
        lines.append(t.mid(pos, nl - pos + 1));
        pos = nl + 1;
    }
    return lines;
}

// How many times two blank lines follow each other.
int blankRuns(const QByteArray &text)
{
    const QList<QByteArray> lines = splitLines(text);
    int runs = 0;
    for (qsizetype i = 1; i < lines.size(); ++i)
        runs += lines[i].trimmed().isEmpty() && lines[i - 1].trimmed().isEmpty() ? 1 : 0;
    return runs;
}

QByteArray squeeze(QByteArray l)
{
    l.replace(' ', "").replace('\t', "");
    return l;
}

// Lines [first, last] (1-based) of an entry: from its key to the line where its brackets
// balance again (a heredoc runs to its closing marker).
struct Span
{
    int first = 0;
    int last = 0;
    bool contains(int line) const { return first > 0 && line >= first && line <= last; }
};

Span entrySpan(const Document &doc, const QString &map, const QString &key, int = 0)
{
    const auto info = doc.map(map);
    if (!info)
        return {};
    for (const MapEntry &e : info->entries) {
        if (e.key != key)
            continue;
        const QList<QByteArray> lines = splitLines(doc.text());
        int depth = 0;
        int i = e.line - 1;
        for (; i < lines.size(); ++i) {
            const QByteArray &l = lines[i];
            const qsizetype h = l.indexOf("<<");
            if (h >= 0) {
                QByteArray marker = l.mid(h + 2).trimmed();
                if (marker.startsWith('-'))
                    marker = marker.mid(1);
                while (++i < lines.size() && lines[i].trimmed() != marker) {
                }
                if (depth <= 0)
                    break;
                continue;
            }
            bool inString = false;
            for (qsizetype c = 0; c < l.size(); ++c) {
                const char ch = l[c];
                if (ch == '\\' && inString) {
                    ++c;
                    continue;
                }
                if (ch == '"')
                    inString = !inString;
                if (ch == '#' && !inString)
                    break;
                if (inString)
                    continue;
                if (ch == '{' || ch == '[' || ch == '(')
                    ++depth;
                if (ch == '}' || ch == ']' || ch == ')')
                    --depth;
            }
            if (depth <= 0)
                break;
        }
        return {e.line, i + 1};
    }
    return {};
}

// Checks that before -> after only changed the entry (spans in each version) and, elsewhere,
// whitespace (alignment padding); exactly nothing elsewhere when `strict`.
QString confinementProblem(const QByteArray &before, const QByteArray &after, const Span &oldSpan,
                           const Span &newSpan, bool strict)
{
    const QList<QByteArray> a = splitLines(before), b = splitLines(after);
    QList<QByteArray> restA, restB;
    for (qsizetype i = 0; i < a.size(); ++i)
        if (!oldSpan.contains(int(i) + 1))
            restA.append(a[i]);
    for (qsizetype i = 0; i < b.size(); ++i)
        if (!newSpan.contains(int(i) + 1))
            restB.append(b[i]);
    if (restA.size() != restB.size())
        return QStringLiteral("%1 lines outside the entry before, %2 after")
            .arg(restA.size())
            .arg(restB.size());
    for (qsizetype i = 0; i < restA.size(); ++i) {
        // a tuple element gains or loses the ',' that separates it from a new neighbour
        auto noComma = [](QByteArray l) {
            l = l.trimmed();
            return l.endsWith(',') ? l.chopped(1) : l;
        };
        if (restA[i] != restB[i] && noComma(restA[i]) == noComma(restB[i]))
            continue;
        if (strict ? restA[i] != restB[i] : squeeze(restA[i]) != squeeze(restB[i]))
            return QStringLiteral("line outside the entry changed: -%1 +%2")
                .arg(QString::fromUtf8(restA[i]), QString::fromUtf8(restB[i]));
    }
    return {};
}

Document parsed(const QByteArray &text, const QString &name = QStringLiteral("test.tf"))
{
    auto d = Document::parse(text, name);
    if (!d)
        qWarning("%s", qPrintable(d.error().toString()));
    return d ? *d : Document();
}

QStringList entryKeys(const MapInfo &m)
{
    QStringList keys;
    for (const MapEntry &e : m.entries)
        keys.append(e.key);
    return keys;
}

QJsonObject mapsAsSidecar(const Document &doc)
{
    QJsonObject all;
    for (const MapInfo &m : doc.maps()) {
        QJsonObject o;
        o.insert(QStringLiteral("source"), m.source);
        o.insert(QStringLiteral("line"), m.line);
        o.insert(QStringLiteral("kind"), m.isList ? QStringLiteral("list") : QStringLiteral("map"));
        o.insert(QStringLiteral("count"), int(m.entries.size()));
        if (!m.isList)
            o.insert(QStringLiteral("entries"), QJsonArray::fromStringList(entryKeys(m)));
        o.insert(QStringLiteral("fields"), QJsonArray::fromStringList(m.fields));
        QJsonArray kinds;
        for (ValueKind k : m.valueKinds)
            kinds.append(valueKindName(k));
        o.insert(QStringLiteral("value_kinds"), kinds);
        all.insert(m.name, o);
    }
    return all;
}

} // namespace

class TestHcl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void corpusRoundTripRejectionAndDiscovery();
    void corpusFormat();
    void corpusEdits();

    void syntheticRoundTrip_data();
    void syntheticRoundTrip();
    void rejectsInvalidInput_data();
    void rejectsInvalidInput();
    void discoveryOfEverySource();
    void schemaFromVariableType();
    void editsKeepAlignment();
    void editsOnRaggedFileTouchNothingElse();
    void setSameValueIsByteIdentical();
    void addThenRemoveRestoresBytes_data();
    void addThenRemoveRestoresBytes();
    void duplicateKeysAreNotEdited();
    void quotingOfKeysAndValues();
    void crlfEdits();
    void tabIndentedEdits();
    void listMaps();
    void jsonSyntax();
    void formatRules_data();
    void formatRules();
    void terraformFmtRewrites_data();
    void terraformFmtRewrites();
    void pathParsing();
    void commandLine();
};

void TestHcl::corpusRoundTripRejectionAndDiscovery()
{
    const QString dir = corpusDir();
    if (dir.isEmpty())
        QSKIP("the HCL corpus ($KANRI_SHARED/conformance/hcl) is not available");
    const QStringList sidecars =
        QDir(dir).entryList({QStringLiteral("*.expect.json")}, QDir::Files, QDir::Name);
    QVERIFY(!sidecars.isEmpty());
    for (const QString &s : sidecars) {
        const QJsonObject sidecar =
            QJsonDocument::fromJson(readAll(dir + QLatin1Char('/') + s)).object();
        const QString file = sidecar.value(u"file").toString();
        const QByteArray bytes = readAll(dir + QLatin1Char('/') + file);
        auto doc = Document::parse(bytes, file);
        if (!sidecar.value(u"parse_ok").toBool()) {
            QVERIFY2(!doc, qPrintable(file + QStringLiteral(" should be rejected")));
            QCOMPARE(doc.error().code, Error::Code::Syntax);
            QVERIFY(doc.error().line > 0);
            QVERIFY(doc.error().toString().startsWith(file + QLatin1Char(':')));
            continue;
        }
        QVERIFY2(doc, qPrintable(doc ? QString() : doc.error().toString()));
        QCOMPARE(doc->text(), bytes); // lossless round trip
        const QJsonObject got = mapsAsSidecar(*doc);
        const QJsonObject want = sidecar.value(u"maps").toObject();
        QCOMPARE(QStringList(got.keys()), QStringList(want.keys()));
        for (const QString &name : want.keys()) {
            const QJsonObject g = got.value(name).toObject();
            const QJsonObject w = want.value(name).toObject();
            for (const char *field :
                 {"source", "line", "kind", "count", "entries", "fields", "value_kinds"}) {
                const QString f = QString::fromLatin1(field);
                QVERIFY2(
                    g.value(f) == w.value(f),
                    qPrintable(QStringLiteral("%1 %2 %3: got %4, expected %5")
                                   .arg(file, name, f,
                                        QString::fromUtf8(QJsonDocument(QJsonArray{g.value(f)})
                                                              .toJson(QJsonDocument::Compact)),
                                        QString::fromUtf8(QJsonDocument(QJsonArray{w.value(f)})
                                                              .toJson(QJsonDocument::Compact)))));
            }
        }
    }
}

void TestHcl::corpusFormat()
{
    const QString dir = corpusDir();
    if (dir.isEmpty())
        QSKIP("the HCL corpus ($KANRI_SHARED/conformance/hcl) is not available");
    const QStringList sidecars =
        QDir(dir).entryList({QStringLiteral("*.expect.json")}, QDir::Files, QDir::Name);
    int clean = 0;
    for (const QString &s : sidecars) {
        const QJsonObject sidecar =
            QJsonDocument::fromJson(readAll(dir + QLatin1Char('/') + s)).object();
        const QJsonObject fmt = sidecar.value(u"fmt").toObject();
        if (fmt.isEmpty())
            continue;
        const QString file = sidecar.value(u"file").toString();
        const QByteArray bytes = readAll(dir + QLatin1Char('/') + file);
        const QByteArray formatted = formatHcl(bytes);
        if (fmt.value(u"hclwrite_format_clean").toBool()) {
            ++clean;
            QVERIFY2(formatted == bytes, qPrintable(file + QStringLiteral(" is format-clean")));
        } else if (fmt.value(u"hclwrite_changed_lines").toInt() > 0) {
            QVERIFY2(formatted != bytes, qPrintable(file + QStringLiteral(" needs formatting")));
        }
        // hclwrite never adds or removes line breaks: count the lines it changes
        const QList<QByteArray> before = bytes.split('\n');
        const QList<QByteArray> after = formatted.split('\n');
        QCOMPARE(after.size(), before.size());
        int changed = 0;
        for (qsizetype i = 0; i < before.size(); ++i)
            changed += before[i] != after[i] ? 1 : 0;
        QVERIFY2(changed == fmt.value(u"hclwrite_changed_lines").toInt(),
                 qPrintable(QStringLiteral("%1: %2 changed lines, the sidecar says %3")
                                .arg(file)
                                .arg(changed)
                                .arg(fmt.value(u"hclwrite_changed_lines").toInt())));
        QCOMPARE(formatHcl(formatted), formatted); // idempotent
        // terraform fmt = hclwrite + the Terraform-only rewrites the sidecar lists
        if (fmt.value(u"terraform_fmt_extra_changes").toArray().isEmpty())
            QCOMPARE(formatTerraform(bytes), formatted);
    }
    QVERIFY(clean > 0);
}

void TestHcl::corpusEdits()
{
    const QString dir = corpusDir();
    if (dir.isEmpty())
        QSKIP("the HCL corpus ($KANRI_SHARED/conformance/hcl) is not available");
    const QStringList sidecars =
        QDir(dir).entryList({QStringLiteral("*.expect.json")}, QDir::Files, QDir::Name);
    int edits = 0;
    for (const QString &s : sidecars) {
        const QJsonObject sidecar =
            QJsonDocument::fromJson(readAll(dir + QLatin1Char('/') + s)).object();
        if (!sidecar.value(u"parse_ok").toBool())
            continue;
        const QString file = sidecar.value(u"file").toString();
        const bool json = sidecar.value(u"syntax").toString() == u"json";
        const bool clean =
            sidecar.value(u"fmt").toObject().value(u"hclwrite_format_clean").toBool();
        const QByteArray bytes = readAll(dir + QLatin1Char('/') + file);
        const Document original = parsed(bytes, file);
        for (const MapInfo &m : original.maps()) {
            const QString ctx = file + QLatin1Char(' ') + m.name;
            auto check = [&](const Document &edited, const QString &what, const Span &oldSpan,
                             const Span &newSpan) {
                const QByteArray after = edited.text();
                auto re = Document::parse(after, file);
                QVERIFY2(re, qPrintable(ctx + QLatin1Char(' ') + what + QStringLiteral(": ") +
                                        (re ? QString() : re.error().toString())));
                if (!json && clean)
                    QVERIFY2(formatHcl(after) == after,
                             qPrintable(ctx + QLatin1Char(' ') + what +
                                        QStringLiteral(": not format-clean:\n") +
                                        QString::fromUtf8(after)));
                const QString problem =
                    confinementProblem(bytes, after, oldSpan, newSpan, !clean || json);
                QVERIFY2(problem.isEmpty(), qPrintable(ctx + QLatin1Char(' ') + what +
                                                       QStringLiteral(": ") + problem));
                ++edits;
            };
            const int lastLine = int(splitLines(bytes).size());
            // add, then remove again
            const QString newKey =
                m.isList ? QString::number(m.entries.size()) : QStringLiteral("kanri-test-entry");
            QJsonValue newValue;
            if (m.valueKinds.contains(ValueKind::Object) || m.entries.isEmpty()) {
                QJsonObject o;
                for (const QString &f : m.fields.mid(0, 3))
                    o.insert(f, QStringLiteral("x"));
                if (o.isEmpty())
                    o.insert(QStringLiteral("name"), QStringLiteral("x"));
                newValue = o;
            } else {
                newValue = QStringLiteral("value");
            }
            Document added = original;
            auto r = added.addEntry(m.name, newKey, newValue);
            QVERIFY2(r, qPrintable(ctx + QStringLiteral(" add: ") +
                                   (r ? QString() : r.error().toString())));
            // `x = {}` becomes a multi-line map: only there may the map's own lines change
            const bool inlineEmpty =
                m.entries.isEmpty() && !bytes.contains(m.name.toUtf8() + " = {\n");
            if (!inlineEmpty) {
                const Span ns = entrySpan(added, m.name, newKey);
                const int delta = int(splitLines(added.text()).size() - splitLines(bytes).size());
                check(added, QStringLiteral("add"), {ns.first, ns.last - delta}, ns);
            }
            QCOMPARE(added.get({m.name, newKey}).value_or(QJsonValue()), newValue);
            Document removedAgain = added;
            QVERIFY(removedAgain.removeEntry(m.name, newKey));
            QVERIFY2(inlineEmpty || removedAgain.text() == bytes,
                     qPrintable(ctx + QStringLiteral(": add+remove is not identity:\n") +
                                QString::fromUtf8(removedAgain.text())));
            if (m.entries.isEmpty())
                continue;
            // every entry: remove; rename (maps)
            for (const MapEntry &e : m.entries) {
                Document removed = original;
                QVERIFY(removed.removeEntry(m.name, e.key));
                Span os = entrySpan(original, m.name, e.key);
                const int delta = int(splitLines(removed.text()).size() - splitLines(bytes).size());
                if (-delta == os.last - os.first + 2) {
                    // between two blank lines: the one after it went with it
                    const QList<QByteArray> lines = splitLines(bytes);
                    QVERIFY(lines.value(os.first - 2).trimmed().isEmpty());
                    QVERIFY(lines.value(os.last).trimmed().isEmpty());
                    ++os.last;
                }
                QVERIFY2(blankRuns(removed.text()) <= blankRuns(bytes),
                         qPrintable(ctx + QStringLiteral(": removing ") + e.key +
                                    QStringLiteral(" left a double blank line")));
                check(removed, QStringLiteral("remove ") + e.key, os, {os.first, os.last + delta});
                if (!m.isList) {
                    Document renamed = original;
                    const QString nk = e.key + QStringLiteral("-renamed-longer");
                    QVERIFY(renamed.renameEntry(m.name, e.key, nk));
                    QCOMPARE(entryKeys(*renamed.map(m.name)).indexOf(nk),
                             entryKeys(m).indexOf(e.key));
                    check(renamed, QStringLiteral("rename ") + e.key,
                          entrySpan(original, m.name, e.key, lastLine),
                          entrySpan(renamed, m.name, nk, lastLine));
                }
            }
            // first and last object entries: set each field, add a field, unset each field
            for (const MapEntry &e : {m.entries.front(), m.entries.back()}) {
                if (e.kind != ValueKind::Object) {
                    Document same = original;
                    QVERIFY(same.setField(m.name, e.key, QString(), e.value));
                    Document set = original;
                    QVERIFY(set.setField(m.name, e.key, QString(), QStringLiteral("changed")));
                    check(set, QStringLiteral("set ") + e.key,
                          entrySpan(original, m.name, e.key, lastLine),
                          entrySpan(set, m.name, e.key, lastLine));
                    continue;
                }
                const Span oldSpan = entrySpan(original, m.name, e.key, lastLine);
                for (auto it = e.fields.begin(); it != e.fields.end(); ++it) {
                    Document same = original;
                    // literal strings, numbers and bools: setting them again changes nothing
                    const bool literalString =
                        it.value().isString() &&
                        bytes.contains('"' + it.value().toString().toUtf8() + '"');
                    if (literalString || it.value().isBool() || it.value().isDouble()) {
                        QVERIFY(same.setField(m.name, e.key, it.key(), it.value()));
                        QVERIFY2(
                            same.text() == bytes,
                            qPrintable(ctx + QStringLiteral(": set same value changed the file")));
                    }
                    Document set = original;
                    QVERIFY(set.setField(m.name, e.key, it.key(), QStringLiteral("new \"value\"")));
                    QCOMPARE(set.get({m.name, e.key, it.key()}).value_or(QJsonValue()),
                             QJsonValue(QStringLiteral("new \"value\"")));
                    check(set, QStringLiteral("set ") + e.key + QLatin1Char('.') + it.key(),
                          oldSpan, entrySpan(set, m.name, e.key, lastLine + 5));
                    Document unset = original;
                    QVERIFY(unset.unsetField(m.name, e.key, it.key()));
                    QVERIFY(!unset.get({m.name, e.key, it.key()}));
                    check(unset, QStringLiteral("unset ") + e.key + QLatin1Char('.') + it.key(),
                          oldSpan, entrySpan(unset, m.name, e.key, lastLine));
                }
                Document addField = original;
                QVERIFY(addField.setField(m.name, e.key, QStringLiteral("kanri_new_field"),
                                          QJsonArray{QStringLiteral("a"), 1, true}));
                QCOMPARE(addField.get({m.name, e.key, QStringLiteral("kanri_new_field")})
                             .value_or(QJsonValue()),
                         QJsonValue(QJsonArray{QStringLiteral("a"), 1, true}));
                check(addField, QStringLiteral("add field to ") + e.key, oldSpan,
                      entrySpan(addField, m.name, e.key, lastLine + 5));
            }
        }
    }
    QVERIFY(edits > 100);
}

void TestHcl::syntheticRoundTrip_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QStringList>("keys");
    QTest::newRow("a file with CRLF line endings round-trips")
        << QByteArray("locals {\r\n  users = {\r\n    alice = { gcp = \"a\" }\r\n    bob   = {\r\n"
                      "      gcp = \"b\" # note\r\n    }\r\n  }\r\n}\r\n")
        << QStringList{QStringLiteral("alice"), QStringLiteral("bob")};
    QTest::newRow("tab indentation round-trips")
        << QByteArray("locals {\n\tusers = {\n\t\talice = {\n\t\t\tgcp = \"a\"\n\t\t}\n\t}\n}\n")
        << QStringList{QStringLiteral("alice")};
    QTest::newRow("template directives inside map values round-trip")
        << QByteArray(
               "users = {\n  a = \"%{ if x }yes%{ else }no%{ endif }\"\n"
               "  b = \"%{~ for n in names ~}${n}, %{~ endfor ~}\"\n  c = \"$${lit} %%{lit}\"\n}\n")
        << QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
    QTest::newRow("a heredoc closing marker followed by spaces still closes it")
        << QByteArray("users = {\n  a = <<-EOT\n    x\n    EOT  \n  b = { gcp = \"b\" }\n}\n")
        << QStringList{QStringLiteral("a"), QStringLiteral("b")};
    QTest::newRow("for expressions with conditions and grouping round-trip")
        << QByteArray("users = {\n  a = [for x in var.l : upper(x) if x != \"\"]\n"
                      "  b = { for k, v in var.m : k => v... if v.on }\n}\n")
        << QStringList{QStringLiteral("a"), QStringLiteral("b")};
    QTest::newRow("block comments inside a map round-trip")
        << QByteArray("users = {\n  /* first */ alice = { gcp = \"a\" /* inline */ }\n  /* multi\n"
                      "     line */\n  bob = { gcp = \"b\" }\n}\n")
        << QStringList{QStringLiteral("alice"), QStringLiteral("bob")};
    QTest::newRow("parenthesised keys round-trip")
        << QByteArray("users = {\n  (var.name) = { gcp = \"a\" }\n  \"plain\" = {}\n}\n")
        << QStringList{QStringLiteral("var.name"), QStringLiteral("plain")};
    QTest::newRow("heredocs inside map entries round-trip")
        << QByteArray(
               "users = {\n  alice = {\n    bio = <<-EOT\n      Hello ${name}\n      EOT not end\n"
               "    EOT\n    gcp = \"a\"\n  }\n  bob = { note = <<EOT\nraw\nEOT\n  }\n}\n")
        << QStringList{QStringLiteral("alice"), QStringLiteral("bob")};
    QTest::newRow("a file without a final newline round-trips")
        << QByteArray("users = {\n  alice = \"a\"\n}") << QStringList{QStringLiteral("alice")};
    QTest::newRow("expressions of every sort are kept opaque")
        << QByteArray(
               "users = {\n  a = var.x[0].y[*].z\n  b = foo(1, [2, 3]...)\n  c = x ? 1 : -2\n"
               "  d = [for k, v in m : v if k != \"\"]\n  e = { for k in l : k => 1 }\n"
               "  f = !true && 1 + 2 * 3 >= 4 || null == null\n  g = provider::p::f(1)\n"
               "  h = a.*.b\n  i = -1.5e3\n  j = (1 + 2)\n}\n")
        << QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"),
                       QStringLiteral("d"), QStringLiteral("e"), QStringLiteral("f"),
                       QStringLiteral("g"), QStringLiteral("h"), QStringLiteral("i"),
                       QStringLiteral("j")};
    QTest::newRow("colon separators, commas and quoted keys round-trip")
        << QByteArray(
               "users = {\n  \"a.b\" : { x : 1, y : 2, },\n  c-d = { \"q\" = [1, 2,] }, e = 3\n}\n")
        << QStringList{QStringLiteral("a.b"), QStringLiteral("c-d"), QStringLiteral("e")};
}

void TestHcl::syntheticRoundTrip()
{
    QFETCH(QByteArray, text);
    QFETCH(QStringList, keys);
    auto doc = Document::parse(text, QStringLiteral("synthetic.tfvars"));
    QVERIFY2(doc, qPrintable(doc ? QString() : doc.error().toString()));
    QCOMPARE(doc->text(), text);
    const auto maps = doc->maps();
    QVERIFY(!maps.isEmpty());
    QCOMPARE(entryKeys(maps.front()), keys);
    // editing the first entry must keep the file parseable and the rest byte-identical
    Document edited = *doc;
    const QString first = keys.front();
    if (maps.front().entries.front().kind == ValueKind::Object)
        QVERIFY(edited.setField(maps.front().name, first, QStringLiteral("kanri"), 1));
    else
        QVERIFY(edited.setField(maps.front().name, first, QString(), QStringLiteral("v")));
    QVERIFY(Document::parse(edited.text(), QStringLiteral("synthetic.tfvars")));
    Document removed = *doc;
    QVERIFY(removed.removeEntry(maps.front().name, keys.back()));
    QVERIFY(Document::parse(removed.text(), QStringLiteral("synthetic.tfvars")));
    QCOMPARE(entryKeys(*removed.map(maps.front().name)), keys.mid(0, keys.size() - 1));
    // fmt never changes tokens: removing all whitespace gives the same bytes
    QCOMPARE(squeeze(formatHcl(text)).replace("\r", ""), squeeze(text).replace("\r", ""));
}

void TestHcl::rejectsInvalidInput_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::newRow("two attributes on one line are rejected")
        << QByteArray("a = \"a\", b = \"b\"\n") << 1;
    QTest::newRow("a one-line block with two arguments is rejected")
        << QByteArray("ok = 1\na { b = 1, c = 2 }\n") << 2;
    QTest::newRow("a one-line block with a nested block is rejected")
        << QByteArray("a { d {} }\n") << 1;
    QTest::newRow("an unterminated string is rejected") << QByteArray("a = \"abc\nb = 1\n") << 1;
    QTest::newRow("an unterminated heredoc is rejected") << QByteArray("a = <<EOT\nxx\n") << 3;
    QTest::newRow("a missing closing brace is rejected") << QByteArray("m = {\n  a = 1\n") << 3;
    QTest::newRow("tuple elements need commas") << QByteArray("m = [1 2]\n") << 1;
    QTest::newRow("an unterminated block comment is rejected") << QByteArray("/* x\n") << 1;
    QTest::newRow("a carriage return without a line feed is rejected")
        << QByteArray("a = 1\nb = {\r c = 1\n}\n") << 2;
    QTest::newRow("an unknown template directive is rejected")
        << QByteArray("a = \"%{ ify x }y%{ endif }\"\n") << 1;
    QTest::newRow("an if directive without endif is rejected")
        << QByteArray("a = <<EOT\n%{ if x }y\nEOT\n") << 2;
    QTest::newRow("an endfor closing an if is rejected")
        << QByteArray("a = \"%{ if x }y%{ endfor }\"\n") << 1;
    QTest::newRow("a for expression without 'in' is rejected")
        << QByteArray("a = [for x y : x]\n") << 1;
    QTest::newRow("an object for expression without '=>' is rejected")
        << QByteArray("ok = 1\na = {\n  for k, v in m : k\n}\n") << 4;
    // Found by the hostile suite: the message printed the raw byte (a NUL, an escape sequence).
    QTest::newRow("a NUL is rejected and shown as U+0000") << QByteArray("a\0b = 1\n", 8) << 1;
    QTest::newRow("an ESC is rejected and shown as U+001B")
        << QByteArray("ok = 1\n\x1b = 1\n") << 2;
    QTest::newRow("a C1 control in an escape is shown as U+0085")
        << QByteArray("a = \"\\\xc2\x85\"\n") << 1;
}

void TestHcl::rejectsInvalidInput()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    auto doc = Document::parse(text, QStringLiteral("bad.tf"));
    QVERIFY(!doc);
    QCOMPARE(doc.error().code, Error::Code::Syntax);
    QCOMPARE(doc.error().line, line);
    QVERIFY(doc.error().column > 0);
    QVERIFY(doc.error().toString().startsWith(QStringLiteral("bad.tf:%1:").arg(line)));
    // A message never carries a raw control character from the file.
    for (const QChar c : doc.error().message)
        QVERIFY2(c.unicode() >= 0x20 && !(c.unicode() >= 0x7f && c.unicode() < 0xa0),
                 qPrintable(doc.error().message.toUtf8().toPercentEncoding()));
    if (QByteArray(QTest::currentDataTag()).contains("U+"))
        QVERIFY2(
            doc.error().message.contains(
                QString::fromLatin1(QTest::currentDataTag()).section(QStringLiteral("as "), 1)),
            qPrintable(doc.error().message));
}

void TestHcl::discoveryOfEverySource()
{
    const QByteArray text = "variable \"developers\" {\n"
                            "  type = map(object({\n"
                            "    github = string\n"
                            "    admin  = optional(bool, false)\n"
                            "  }))\n"
                            "  default = {\n"
                            "    alice = { github = \"al\" }\n"
                            "  }\n"
                            "}\n"
                            "locals {\n"
                            "  teams  = { core = [\"a\"] }\n"
                            "  merged = merge(local.teams, {})\n"
                            "  loop   = { for k in [] : k => k }\n"
                            "  empty  = {}\n"
                            "}\n"
                            "module \"m\" {\n"
                            "  source  = \"./m\"\n"
                            "  members = [{ name = \"x\" }, { name = \"y\", team = \"t\" }]\n"
                            "}\n";
    const Document doc = parsed(text, QStringLiteral("main.tf"));
    const QJsonObject maps = mapsAsSidecar(doc);
    QCOMPARE(QStringList(maps.keys()),
             (QStringList{QStringLiteral("developers"), QStringLiteral("empty"),
                          QStringLiteral("module.m.members"), QStringLiteral("teams")}));
    const QJsonObject dev = maps.value(u"developers").toObject();
    QCOMPARE(dev.value(u"source").toString(), QStringLiteral("variable.default"));
    QCOMPARE(dev.value(u"line").toInt(), 6);
    const QJsonObject members = maps.value(u"module.m.members").toObject();
    QCOMPARE(members.value(u"kind").toString(), QStringLiteral("list"));
    QCOMPARE(members.value(u"count").toInt(), 2);
    QCOMPARE(members.value(u"fields").toArray(),
             (QJsonArray{QStringLiteral("name"), QStringLiteral("team")}));
    QCOMPARE(maps.value(u"teams").toObject().value(u"value_kinds").toArray(),
             QJsonArray{QStringLiteral("list")});
    QCOMPARE(maps.value(u"empty").toObject().value(u"count").toInt(), 0);
    QCOMPARE(
        doc.get({QStringLiteral("developers"), QStringLiteral("alice"), QStringLiteral("github")})
            .value_or(QJsonValue()),
        QJsonValue(QStringLiteral("al")));
    QVERIFY(!doc.get({QStringLiteral("developers"), QStringLiteral("bob")}));
    QCOMPARE(doc.get({QStringLiteral("developers"), QStringLiteral("bob")}).error().code,
             Error::Code::NotFound);

    const QByteArray kinds = "m = {\n  s = \"x\"\n  t = \"${x}\"\n  h = <<EOT\none\nEOT\n"
                             "  h2 = <<EOT\none\ntwo\nEOT\n  n = 1\n  b = true\n  z = null\n"
                             "  e = var.x\n  l = []\n  o = {}\n}\n";
    const auto info = parsed(kinds, QStringLiteral("k.tfvars")).map(QStringLiteral("m"));
    QVERIFY(info);
    QList<ValueKind> got;
    for (const MapEntry &e : info->entries)
        got.append(e.kind);
    QCOMPARE(got, (QList<ValueKind>{ValueKind::String, ValueKind::Template, ValueKind::String,
                                    ValueKind::Template, ValueKind::Number, ValueKind::Bool,
                                    ValueKind::Null, ValueKind::Expression, ValueKind::List,
                                    ValueKind::Object}));
    QCOMPARE(info->entries[2].value.toString(), QStringLiteral("one\n"));
    QCOMPARE(info->entries[7].value.toString(), QStringLiteral("var.x"));
}

void TestHcl::schemaFromVariableType()
{
    const QByteArray vars = "variable \"developers\" {\n"
                            "  type = map(object({\n"
                            "    github = string\n"
                            "    teams  = optional(list(string), [])\n"
                            "    admin  = optional(bool)\n"
                            "  }))\n"
                            "}\n";
    const Document varsDoc = parsed(vars, QStringLiteral("variables.tf"));
    const auto schema = variableSchema(varsDoc, QStringLiteral("developers"));
    QVERIFY(schema);
    QCOMPARE(schema->size(), 3);
    QCOMPARE(schema->at(0).name, QStringLiteral("github"));
    QCOMPARE(schema->at(0).type, QStringLiteral("string"));
    QVERIFY(!schema->at(0).optional);
    QCOMPARE(schema->at(1).type, QStringLiteral("list(string)"));
    QVERIFY(schema->at(1).optional);
    QCOMPARE(schema->at(1).defaultValue.value_or(QJsonValue()), QJsonValue(QJsonArray{}));
    QVERIFY(schema->at(2).optional);
    QVERIFY(!schema->at(2).defaultValue);
    QVERIFY(!variableSchema(varsDoc, QStringLiteral("nope")));

    // attach to a .tfvars map: new entries follow the schema's field order
    Document tfvars = parsed("developers = {\n  alice = {\n    github = \"al\"\n  }\n}\n",
                             QStringLiteral("terraform.tfvars"));
    tfvars.attachSchema(QStringLiteral("developers"), *schema);
    QCOMPARE(tfvars.map(QStringLiteral("developers"))->schema.size(), 3);
    QVERIFY(tfvars.addEntry(QStringLiteral("developers"), QStringLiteral("bob"),
                            QJsonObject{{QStringLiteral("admin"), true},
                                        {QStringLiteral("teams"), QJsonArray{QStringLiteral("x")}},
                                        {QStringLiteral("github"), QStringLiteral("bo")}}));
    QCOMPARE(tfvars.text(), QByteArray("developers = {\n  alice = {\n    github = \"al\"\n  }\n"
                                       "  bob = {\n    github = \"bo\"\n    teams  = [\"x\"]\n"
                                       "    admin  = true\n  }\n}\n"));
}

void TestHcl::editsKeepAlignment()
{
    const QByteArray text = "locals {\n"
                            "  users = {\n"
                            "    al  = { gcp = \"a\" } # one\n"
                            "    bob = { gcp = \"b\" } # two\n"
                            "  }\n"
                            "  other = 1\n"
                            "}\n";
    QCOMPARE(formatHcl(text), text);
    Document doc = parsed(text);
    QVERIFY(doc.renameEntry(QStringLiteral("users"), QStringLiteral("al"),
                            QStringLiteral("alexandra")));
    QCOMPARE(doc.text(), QByteArray("locals {\n"
                                    "  users = {\n"
                                    "    alexandra = { gcp = \"a\" } # one\n"
                                    "    bob       = { gcp = \"b\" } # two\n"
                                    "  }\n"
                                    "  other = 1\n"
                                    "}\n"));
    QCOMPARE(formatHcl(doc.text()), doc.text());
    QVERIFY(doc.setField(QStringLiteral("users"), QStringLiteral("bob"), QStringLiteral("gcp"),
                         QStringLiteral("longer value")));
    QCOMPARE(formatHcl(doc.text()), doc.text());
    QVERIFY(doc.text().contains("    bob       = { gcp = \"longer value\" } # two\n"));
    QVERIFY(doc.text().contains("    alexandra = { gcp = \"a\" }            # one\n"));
    QVERIFY(doc.removeEntry(QStringLiteral("users"), QStringLiteral("bob")));
    QCOMPARE(doc.text(), QByteArray("locals {\n"
                                    "  users = {\n"
                                    "    alexandra = { gcp = \"a\" } # one\n"
                                    "  }\n"
                                    "  other = 1\n"
                                    "}\n"));
    // unset the last field of a one-line entry gives {}
    QVERIFY(doc.unsetField(QStringLiteral("users"), QStringLiteral("alexandra"),
                           QStringLiteral("gcp")));
    QVERIFY(doc.text().contains("    alexandra = {} # one\n"));
    QCOMPARE(formatHcl(doc.text()), doc.text());
}

void TestHcl::editsOnRaggedFileTouchNothingElse()
{
    const QByteArray text = "users = {\n"
                            "    \"a\"     = { email = \"a\", roles = [\"x\"] },\n"
                            "    \"bb\" = { email = \"b\", roles = [\"y\",] },\n"
                            "}\n";
    Document doc = parsed(text, QStringLiteral("u.tfvars"));
    QVERIFY(doc.addEntry(QStringLiteral("users"), QStringLiteral("c.d"),
                         QJsonObject{{QStringLiteral("email"), QStringLiteral("c")}}));
    QCOMPARE(doc.text(), QByteArray("users = {\n"
                                    "    \"a\"     = { email = \"a\", roles = [\"x\"] },\n"
                                    "    \"bb\" = { email = \"b\", roles = [\"y\",] },\n"
                                    "    \"c.d\" = { email = \"c\" },\n"
                                    "}\n"));
    QVERIFY(doc.setField(QStringLiteral("users"), QStringLiteral("a"), QStringLiteral("email"),
                         QStringLiteral("new")));
    QVERIFY(doc.text().contains("    \"a\"     = { email = \"new\", roles = [\"x\"] },\n"));
    QVERIFY(doc.removeEntry(QStringLiteral("users"), QStringLiteral("c.d")));
    QVERIFY(doc.setField(QStringLiteral("users"), QStringLiteral("a"), QStringLiteral("email"),
                         QStringLiteral("a")));
    QCOMPARE(doc.text(), text);
}

void TestHcl::setSameValueIsByteIdentical()
{
    const QByteArray text =
        "m = {\n  a = { n = 1.0, s = \"x\\u0041\", b = true, l = [1, \"2\"] }\n}\n";
    Document doc = parsed(text, QStringLiteral("m.tfvars"));
    QVERIFY(doc.setField(QStringLiteral("m"), QStringLiteral("a"), QStringLiteral("n"), 1));
    QVERIFY(doc.setField(QStringLiteral("m"), QStringLiteral("a"), QStringLiteral("s"),
                         QStringLiteral("xA")));
    QVERIFY(doc.setField(QStringLiteral("m"), QStringLiteral("a"), QStringLiteral("b"), true));
    QVERIFY(doc.setField(QStringLiteral("m"), QStringLiteral("a"), QStringLiteral("l"),
                         QJsonArray{1, QStringLiteral("2")}));
    QCOMPARE(doc.text(), text);
}

void TestHcl::addThenRemoveRestoresBytes_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("a multi-line map of multi-line objects") << QByteArray(
        "developers = {\n  alice = {\n    github = \"al\"\n    gcp    = \"a@x\"\n  }\n}\n");
    QTest::newRow("an empty map written on one line") << QByteArray("developers = {}\nother = 1\n");
    QTest::newRow("an empty map over two lines") << QByteArray("developers = {\n}\n");
    QTest::newRow("a map with a trailing comment and comma")
        << QByteArray("developers = {\n  a = { x = 1 }, # c\n}\n");
    QTest::newRow("a map without a final newline")
        << QByteArray("developers = {\n  a = {\n    x = 1\n  }\n}");
    QTest::newRow("a one-line map with a trailing comma")
        << QByteArray("developers = { a = \"x\",   }\n");
    QTest::newRow("a list whose closing bracket follows the last element")
        << QByteArray("developers = [{ a = 1 }, {\n    b = 2 }]\n");
    QTest::newRow("a map whose closing brace follows the last entry")
        << QByteArray("developers = {\n  a = { x = 1 }\n  b = { x = 2 } }\n");
}

void TestHcl::addThenRemoveRestoresBytes()
{
    QFETCH(QByteArray, text);
    Document doc = parsed(text, QStringLiteral("d.tfvars"));
    const std::optional<MapInfo> before = doc.map(QStringLiteral("developers"));
    QVERIFY(before);
    // a list appends; its new entry is known by its index
    const QString key =
        before->isList ? QString::number(before->entries.size()) : QStringLiteral("new-one");
    QVERIFY(doc.addEntry(
        QStringLiteral("developers"), key,
        QJsonObject{{QStringLiteral("github"), QStringLiteral("n")}, {QStringLiteral("x"), 2}}));
    QVERIFY(Document::parse(doc.text(), QStringLiteral("d.tfvars")));
    QCOMPARE(formatHcl(doc.text()), formatHcl(doc.text())); // parses and formats
    if (formatHcl(text) == text)
        QCOMPARE(formatHcl(doc.text()), doc.text());
    QCOMPARE(
        doc.get({QStringLiteral("developers"), key, QStringLiteral("x")}).value_or(QJsonValue()),
        QJsonValue(2));
    QVERIFY(doc.removeEntry(QStringLiteral("developers"), key));
    if (text.contains("{}"))
        QCOMPARE(doc.text(), QByteArray(text).replace("{}", "{\n}"));
    else
        QCOMPARE(doc.text(), text);
}

void TestHcl::duplicateKeysAreNotEdited()
{
    const QByteArray text =
        "developers = {\n  a = { x = 1 }\n  b = { x = 2 }\n  \"a\" = { x = 3 }\n}\n";
    Document doc = parsed(text, QStringLiteral("d.tfvars"));
    auto r = doc.setField(QStringLiteral("developers"), QStringLiteral("a"), QStringLiteral("x"),
                          QJsonValue(1));
    QVERIFY(!r);
    QVERIFY2(r.error().message.contains(QStringLiteral("lines 2 and 4")),
             qPrintable(r.error().message));
    QVERIFY(!doc.removeEntry(QStringLiteral("developers"), QStringLiteral("a")));
    QVERIFY(
        !doc.renameEntry(QStringLiteral("developers"), QStringLiteral("a"), QStringLiteral("c")));
    QCOMPARE(doc.text(), text);
    // the other entries stay editable
    QVERIFY(doc.setField(QStringLiteral("developers"), QStringLiteral("b"), QStringLiteral("x"),
                         QJsonValue(5)));
}

void TestHcl::quotingOfKeysAndValues()
{
    Document doc = parsed("m = {\n  a = \"x\"\n}\n", QStringLiteral("m.tfvars"));
    QVERIFY(doc.addEntry(QStringLiteral("m"), QStringLiteral("needs quotes.x"),
                         QStringLiteral("a \"q\" \\ ${x} %{y} \n end")));
    QVERIFY(
        doc.text().contains("  \"needs quotes.x\" = \"a \\\"q\\\" \\\\ $${x} %%{y} \\n end\"\n"));
    QCOMPARE(
        doc.get({QStringLiteral("m"), QStringLiteral("needs quotes.x")}).value_or(QJsonValue()),
        QJsonValue(QStringLiteral("a \"q\" \\ ${x} %{y} \n end")));
    QVERIFY(doc.renameEntry(QStringLiteral("m"), QStringLiteral("a"), QStringLiteral("true")));
    QVERIFY(doc.text().contains("\"true\""));
    QVERIFY(!doc.renameEntry(QStringLiteral("m"), QStringLiteral("true"),
                             QStringLiteral("needs quotes.x")));
    QCOMPARE(doc.renameEntry(QStringLiteral("m"), QStringLiteral("zzz"), QStringLiteral("y"))
                 .error()
                 .code,
             Error::Code::NotFound);
    QCOMPARE(formatHcl(doc.text()), doc.text());
}

void TestHcl::crlfEdits()
{
    const QByteArray text = "developers = {\r\n  alice = {\r\n    gcp = \"a\"\r\n  }\r\n}\r\n";
    Document doc = parsed(text, QStringLiteral("d.tfvars"));
    QVERIFY(doc.addEntry(QStringLiteral("developers"), QStringLiteral("bob"),
                         QJsonObject{{QStringLiteral("gcp"), QStringLiteral("b")}}));
    QVERIFY(doc.setField(QStringLiteral("developers"), QStringLiteral("alice"),
                         QStringLiteral("github"), QStringLiteral("al")));
    QCOMPARE(doc.text(), QByteArray("developers = {\r\n  alice = {\r\n    gcp    = \"a\"\r\n"
                                    "    github = \"al\"\r\n  }\r\n  bob = {\r\n    gcp = \"b\"\r\n"
                                    "  }\r\n}\r\n"));
    QCOMPARE(formatHcl(doc.text()), doc.text());
    QVERIFY(!QByteArray(doc.text()).replace("\r\n", "").contains('\n'));
}

void TestHcl::tabIndentedEdits()
{
    const QByteArray text = "developers = {\n\talice = {\n\t\tgcp = \"a\"\n\t}\n}\n";
    Document doc = parsed(text, QStringLiteral("d.tfvars"));
    QVERIFY(doc.addEntry(QStringLiteral("developers"), QStringLiteral("bob"),
                         QJsonObject{{QStringLiteral("gcp"), QStringLiteral("b")}}));
    QCOMPARE(doc.text(), QByteArray("developers = {\n\talice = {\n\t\tgcp = \"a\"\n\t}\n"
                                    "\tbob = {\n\t\tgcp = \"b\"\n\t}\n}\n"));
    // fmt turns the tabs into two-space indentation
    QCOMPARE(formatHcl(text), QByteArray("developers = {\n  alice = {\n    gcp = \"a\"\n  }\n}\n"));
}

void TestHcl::listMaps()
{
    const QByteArray text = "variable \"users\" {\n"
                            "  default = [\n"
                            "    {\n"
                            "      name = \"a\"\n"
                            "    },\n"
                            "    {\n"
                            "      name = \"b\"\n"
                            "    },\n"
                            "  ]\n"
                            "}\n";
    Document doc = parsed(text, QStringLiteral("v.tf"));
    QVERIFY(doc.setField(QStringLiteral("users"), QStringLiteral("1"), QStringLiteral("name"),
                         QStringLiteral("c")));
    QVERIFY(doc.addEntry(QStringLiteral("users"), QString(),
                         QJsonObject{{QStringLiteral("name"), QStringLiteral("d")}}));
    QCOMPARE(doc.map(QStringLiteral("users"))->entries.size(), 3);
    QCOMPARE(doc.get({QStringLiteral("users"), QStringLiteral("2"), QStringLiteral("name")})
                 .value_or(QJsonValue()),
             QJsonValue(QStringLiteral("d")));
    QCOMPARE(formatHcl(doc.text()), doc.text());
    QVERIFY(doc.removeEntry(QStringLiteral("users"), QStringLiteral("2")));
    QVERIFY(doc.setField(QStringLiteral("users"), QStringLiteral("1"), QStringLiteral("name"),
                         QStringLiteral("b")));
    QCOMPARE(doc.text(), text);
}

void TestHcl::jsonSyntax()
{
    const QByteArray text = "{\n"
                            "  \"variable\": {\n"
                            "    \"devs\": {\n"
                            "      \"default\": {\n"
                            "        \"alice\": {\n"
                            "          \"gcp\": \"a\"\n"
                            "        },\n"
                            "        \"bob\": {\"gcp\": \"b\"}\n"
                            "      }\n"
                            "    }\n"
                            "  },\n"
                            "  \"locals\": [{\"teams\": {\"core\": [\"x\"]}}]\n"
                            "}\n";
    Document doc = parsed(text, QStringLiteral("main.tf.json"));
    QCOMPARE(doc.syntax(), Syntax::Json);
    QCOMPARE(doc.text(), text);
    const QJsonObject maps = mapsAsSidecar(doc);
    QCOMPARE(QStringList(maps.keys()),
             (QStringList{QStringLiteral("devs"), QStringLiteral("teams")}));
    QCOMPARE(maps.value(u"devs").toObject().value(u"line").toInt(), 3);
    QCOMPARE(maps.value(u"devs").toObject().value(u"entries").toArray(),
             (QJsonArray{QStringLiteral("alice"), QStringLiteral("bob")}));
    QVERIFY(doc.setField(QStringLiteral("devs"), QStringLiteral("alice"), QStringLiteral("github"),
                         QStringLiteral("al")));
    QVERIFY(doc.text().contains("          \"gcp\": \"a\",\n          \"github\": \"al\"\n"));
    QVERIFY(doc.addEntry(QStringLiteral("devs"), QStringLiteral("carl"),
                         QJsonObject{{QStringLiteral("gcp"), QStringLiteral("c")}}));
    QVERIFY(
        doc.text().contains("        \"carl\": {\n          \"gcp\": \"c\"\n        }\n      }"));
    QVERIFY(
        doc.renameEntry(QStringLiteral("devs"), QStringLiteral("bob"), QStringLiteral("bobby")));
    QVERIFY(doc.removeEntry(QStringLiteral("devs"), QStringLiteral("carl")));
    QVERIFY(
        doc.unsetField(QStringLiteral("devs"), QStringLiteral("alice"), QStringLiteral("github")));
    QVERIFY(
        doc.renameEntry(QStringLiteral("devs"), QStringLiteral("bobby"), QStringLiteral("bob")));
    QCOMPARE(doc.text(), text);
    QVERIFY(QJsonDocument::fromJson(doc.text()).isObject());

    Document vars = parsed("{\"devs\": {\"a\": \"x\"}}", QStringLiteral("t.tfvars.json"));
    QCOMPARE(vars.map(QStringLiteral("devs"))->source, QStringLiteral("tfvars"));
    QVERIFY(vars.addEntry(QStringLiteral("devs"), QStringLiteral("b"), QStringLiteral("y")));
    QCOMPARE(vars.text(), QByteArray("{\"devs\": {\"a\": \"x\", \"b\": \"y\"}}"));
    auto bad = Document::parse("{\"a\": }", QStringLiteral("x.tf.json"));
    QVERIFY(!bad);
    QCOMPARE(bad.error().line, 1);
}

void TestHcl::formatRules_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("equals signs of a run are aligned")
        << QByteArray("a = 1\nlonger = 2\n\nx    = 3\n")
        << QByteArray("a      = 1\nlonger = 2\n\nx = 3\n");
    QTest::newRow("nested levels are indented by two spaces")
        << QByteArray("b {\nc = [\n1,\n]\n}\n") << QByteArray("b {\n  c = [\n    1,\n  ]\n}\n");
    QTest::newRow("spaces between tokens are normalised")
        << QByteArray("a = {  x=1 ,y=[ 1,2 ] , z = f( 1 ) }\n")
        << QByteArray("a = { x = 1, y = [1, 2], z = f(1) }\n");
    QTest::newRow("interpolations lose inner spaces but string text is kept")
        << QByteArray("a = \"  ${ var.x }  \"\n") << QByteArray("a = \"  ${var.x}  \"\n");
    QTest::newRow("trailing comments are aligned")
        << QByteArray("a = 1 # x\nbbb = 22 # y\n") << QByteArray("a   = 1  # x\nbbb = 22 # y\n");
    QTest::newRow("unary minus and colons")
        << QByteArray("a = { \"k\":-1, b = x ? - 1 : 2-3 }\n")
        << QByteArray("a = { \"k\" : -1, b = x ? -1 : 2 - 3 }\n");
    QTest::newRow("heredoc bodies are never touched")
        << QByteArray("a = <<EOT\n   keep  this\nEOT\nbb = 1\n")
        << QByteArray("a  = <<EOT\n   keep  this\nEOT\nbb = 1\n");
    QTest::newRow("trailing whitespace is removed and blank lines emptied")
        << QByteArray("a = 1   \n   \nb = 2") << QByteArray("a = 1\n\nb = 2");
    QTest::newRow("CRLF line endings are kept")
        << QByteArray("a = 1\r\nbb = 2\r\n") << QByteArray("a  = 1\r\nbb = 2\r\n");
    QTest::newRow("width counts grapheme clusters") << QByteArray("j\xC3\xB6rg = 1\nabcde = 2\n")
                                                    << QByteArray("j\xC3\xB6rg  = 1\nabcde = 2\n");
    QTest::newRow("consecutive template sequences stay together")
        << QByteArray("a = \"${ x }${ y }%{ if z }w%{ endif }\"\n")
        << QByteArray("a = \"${x}${y}%{if z}w%{endif}\"\n");
    QTest::newRow("an interpolated object keeps spaces inside the braces")
        << QByteArray("a = \"${{a = 1}}\"\n") << QByteArray("a = \"${ { a = 1 } }\"\n");
    QTest::newRow("empty braces and index brackets")
        << QByteArray("a = { }\nb = x [0]\nc = ! true\n")
        << QByteArray("a = {}\nb = x[0]\nc = !true\n");
}

void TestHcl::formatRules()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QCOMPARE(formatHcl(input), expected);
    QCOMPARE(formatHcl(expected), expected);
}

void TestHcl::terraformFmtRewrites_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("legacy quoted variable types become type expressions")
        << QByteArray("variable \"a\" {\n  type = \"string\"\n}\nvariable \"b\" {\n  type = "
                      "\"list\"\n}\nvariable \"c\" {\n  type = \"map\"\n}\n")
        << QByteArray("variable \"a\" {\n  type = string\n}\nvariable \"b\" {\n  type = "
                      "list(string)\n}\nvariable \"c\" {\n  type = map(string)\n}\n");
    QTest::newRow("bare collection types get the element type any")
        << QByteArray("variable \"a\" {\n  type = list\n}\nvariable \"b\" {\n  type    = set\n"
                      "  default = []\n}\n")
        << QByteArray("variable \"a\" {\n  type = list(any)\n}\nvariable \"b\" {\n  type    = "
                      "set(any)\n  default = []\n}\n");
    QTest::newRow("type attributes outside variable blocks are left alone")
        << QByteArray("type = \"string\"\nresource \"x\" \"y\" {\n  type = list\n}\n")
        << QByteArray("type = \"string\"\nresource \"x\" \"y\" {\n  type = list\n}\n");
    QTest::newRow("a single interpolation as an attribute value is unwrapped")
        << QByteArray("a = \"${var.x}\"\nlocals {\n  b = \"${ local.y[0] }\"\n}\n")
        << QByteArray("a = var.x\nlocals {\n  b = local.y[0]\n}\n");
    QTest::newRow("templates with text, two interpolations or in objects are kept")
        << QByteArray("a = \"x${var.y}\"\nb = \"${var.y}${var.z}\"\nc = { d = \"${var.z}\" }\n")
        << QByteArray("a = \"x${var.y}\"\nb = \"${var.y}${var.z}\"\nc = { d = \"${var.z}\" }\n");
    QTest::newRow("an interpolation holding a quoted template is unwrapped once")
        << QByteArray("a = \"${\"${var.x}-y\"}\"\n") << QByteArray("a = \"${var.x}-y\"\n");
    QTest::newRow("a multi-line interpolation is wrapped in parentheses")
        << QByteArray("a = \"${\nvar.x ?\n1 : 2\n}\"\n") << QByteArray("a = (var.x ?\n1 : 2)\n");
    QTest::newRow("block labels are written quoted")
        << QByteArray("resource aws_instance \"web\" {\n  ami = \"x\"\n}\nmodule m {}\n")
        << QByteArray("resource \"aws_instance\" \"web\" {\n  ami = \"x\"\n}\nmodule \"m\" {}\n");
    QTest::newRow("the layout follows the rewrites")
        << QByteArray("variable \"v\" {\n  type = \"map\"\n  default = {}\n}\n")
        << QByteArray("variable \"v\" {\n  type    = map(string)\n  default = {}\n}\n");
}

void TestHcl::terraformFmtRewrites()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QCOMPARE(formatTerraform(input), expected);
    QCOMPARE(formatTerraform(expected), expected);
    QVERIFY(Document::parse(expected, QStringLiteral("main.tf")));
    QVERIFY(isTerraformFile(QStringLiteral("a/main.tf")));
    QVERIFY(isTerraformFile(QStringLiteral("prod.tfvars")));
    QVERIFY(isTerraformFile(QStringLiteral("x.tftest.hcl")));
    QVERIFY(!isTerraformFile(QStringLiteral("x.tf.json")));
    QVERIFY(!isTerraformFile(QStringLiteral("x.hcl")));
}

void TestHcl::pathParsing()
{
    QCOMPARE(
        parsePath(QStringLiteral("developers.\"a.b\".gcp")).value_or(QStringList()),
        (QStringList{QStringLiteral("developers"), QStringLiteral("a.b"), QStringLiteral("gcp")}));
    QCOMPARE(parsePath(QStringLiteral("module.m.members.0.name")).value_or(QStringList()),
             (QStringList{QStringLiteral("module.m.members"), QStringLiteral("0"),
                          QStringLiteral("name")}));
    QVERIFY(!parsePath(QStringLiteral("a..b")));
    QVERIFY(!parsePath(QStringLiteral("a.\"b")));
}

void TestHcl::commandLine()
{
    const QString kanri = test::kanriBinary();
    if (kanri.isEmpty() || !QFileInfo::exists(kanri))
        QSKIP("the kanri executable is not built (KANRI_BINARY unset)");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("terraform.tfvars"));
    const QByteArray text = "developers = {\n  alice = {\n    github = \"al\"\n  }\n  \"a.b\" = {\n"
                            "    github = \"ab\"\n  }\n}\n";
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text);
    }
    auto run = [&](const QStringList &args) {
        return test::run(kanri, QStringList{QStringLiteral("tf")} + args);
    };

    auto r = run({QStringLiteral("maps"), file, QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject m = QJsonDocument::fromJson(r.out)
                              .object()
                              .value(u"maps")
                              .toObject()
                              .value(u"developers")
                              .toObject();
    QCOMPARE(m.value(u"count").toInt(), 2);
    QCOMPARE(m.value(u"source").toString(), QStringLiteral("tfvars"));
    QCOMPARE(m.value(u"entries").toArray(),
             (QJsonArray{QStringLiteral("alice"), QStringLiteral("a.b")}));
    for (const char *k : {"source", "line", "kind", "count", "entries", "fields", "value_kinds"})
        QVERIFY(m.contains(QLatin1String(k)));

    r = run({QStringLiteral("get"), file, QStringLiteral("developers.\"a.b\".github")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.trimmed(), QByteArray("\"ab\""));
    r = run({QStringLiteral("get"), file, QStringLiteral("developers.nobody")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains("error:"));
    r = run({QStringLiteral("get"), file});
    QCOMPARE(r.exitCode, 2);
    r = run({QStringLiteral("frobnicate"), file});
    QCOMPARE(r.exitCode, 2);

    r = run({QStringLiteral("set"), file, QStringLiteral("developers.alice.gcp"),
             QStringLiteral("\"al@x\""), QStringLiteral("--dry-run")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.startsWith("--- a/"));
    QVERIFY(r.out.contains("\n+    gcp    = \"al@x\"\n"));
    QVERIFY(!r.out.contains("\n-")); // github is the widest key: its line stays as it is
    QCOMPARE(readAll(file), text);   // dry run writes nothing

    r = run({QStringLiteral("set"), file, QStringLiteral("developers.alice.gcp"),
             QStringLiteral("not json")});
    QCOMPARE(r.exitCode, 2);
    r = run(
        {QStringLiteral("set"), file, QStringLiteral("developers.zed.gcp"), QStringLiteral("1")});
    QCOMPARE(r.exitCode, 1);

    QCOMPARE(run({QStringLiteral("add"), file, QStringLiteral("developers.carl"),
                  QStringLiteral("{\"github\": \"c\"}")})
                 .exitCode,
             0);
    QCOMPARE(run({QStringLiteral("rename"), file, QStringLiteral("developers.carl"),
                  QStringLiteral("carla")})
                 .exitCode,
             0);
    QCOMPARE(
        run({QStringLiteral("unset"), file, QStringLiteral("developers.carla.github")}).exitCode,
        0);
    QCOMPARE(run({QStringLiteral("remove"), file, QStringLiteral("developers.carla")}).exitCode, 0);
    QCOMPARE(readAll(file), text);

    r = run({QStringLiteral("fmt"), QStringLiteral("--check"), file});
    QCOMPARE(r.exitCode, 0);
    const QString ragged = dir.filePath(QStringLiteral("ragged.tf"));
    {
        QFile f(ragged);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("locals {\na = 1\n  bbb = 2\n}\n");
    }
    r = run({QStringLiteral("fmt"), QStringLiteral("--check"), ragged});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(run({QStringLiteral("fmt"), ragged}).exitCode, 0);
    QCOMPARE(readAll(ragged), QByteArray("locals {\n  a   = 1\n  bbb = 2\n}\n"));

    // a directory: its .tf/.tfvars files get terraform fmt's rewrites too; JSON is left alone
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("mod/nested")));
    const QString legacy = dir.filePath(QStringLiteral("mod/variables.tf"));
    const QString nested = dir.filePath(QStringLiteral("mod/nested/main.tf"));
    const QString json = dir.filePath(QStringLiteral("mod/x.tf.json"));
    for (const auto &[path, bytes] :
         {std::pair{legacy, QByteArray("variable v {\n  type = \"map\"\n  default = {}\n}\n")},
          std::pair{nested, QByteArray("a   = 1\n")}, std::pair{json, QByteArray("{ }")}}) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    }
    r = run(
        {QStringLiteral("fmt"), QStringLiteral("--check"), dir.filePath(QStringLiteral("mod"))});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.out, legacy.toUtf8() + '\n');
    QCOMPARE(run({QStringLiteral("fmt"), dir.filePath(QStringLiteral("mod"))}).exitCode, 0);
    QCOMPARE(readAll(legacy),
             QByteArray("variable \"v\" {\n  type    = map(string)\n  default = {}\n}\n"));
    QCOMPARE(readAll(nested), QByteArray("a   = 1\n")); // not recursive by default
    QCOMPARE(readAll(json), QByteArray("{ }"));
    QCOMPARE(run({QStringLiteral("fmt"), QStringLiteral("--recursive"),
                  dir.filePath(QStringLiteral("mod"))})
                 .exitCode,
             0);
    QCOMPARE(readAll(nested), QByteArray("a = 1\n"));

    const QString broken = dir.filePath(QStringLiteral("broken.tf"));
    {
        QFile f(broken);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("a = {\n");
    }
    r = run({QStringLiteral("maps"), broken});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.startsWith(broken.toUtf8() + ":2:"), r.err.constData());
}

QTEST_GUILESS_MAIN(TestHcl)
#include "tst_hcl.moc"
