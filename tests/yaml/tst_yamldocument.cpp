#include "tests/testsupport/testutil.h"
#include "yaml/yamldocument.h"

#include <QDirIterator>
#include <QTest>

#include <yaml-cpp/yaml.h>

using namespace kanri;
using namespace kanri::yaml;

Q_DECLARE_METATYPE(kanri::yaml::ScalarStyle)

namespace {

// "spec/containers/name=app/0": '/' separates segments, all-digit segments are indexes.
YamlPath path(const QString &text)
{
    std::vector<YamlPathSegment> segs;
    if (text.isEmpty())
        return {};
    for (const QString &part : text.split(QLatin1Char('/'))) {
        bool isNumber = false;
        const int index = part.toInt(&isNumber);
        segs.push_back(isNumber ? YamlPathSegment(index) : YamlPathSegment(part));
    }
    return YamlPath(std::move(segs));
}

YAML::Node yamlValue(const QByteArray &text)
{
    return YAML::Load(text.toStdString());
}

// All paths to scalars, mappings and sequences of a document (no aliases), depth first.
void collectPaths(const YamlDocument &doc, int d, const YamlPath &at, QList<YamlPath> &scalars,
                  QList<YamlPath> &mappings, QList<YamlPath> &sequences, int depth = 0)
{
    if (depth > 40)
        return;
    switch (doc.kind(at, d)) {
    case YamlNodeKind::Scalar:
        scalars << at;
        break;
    case YamlNodeKind::Mapping: {
        mappings << at;
        const QStringList keys = doc.keys(at, d);
        for (const QString &k : keys) {
            if (keys.count(k) == 1 && !k.isEmpty())
                collectPaths(doc, d, at / k, scalars, mappings, sequences, depth + 1);
        }
        break;
    }
    case YamlNodeKind::Sequence: {
        sequences << at;
        for (int i = 0; i < doc.size(at, d); ++i)
            collectPaths(doc, d, at / i, scalars, mappings, sequences, depth + 1);
        break;
    }
    default:
        break;
    }
}

QList<QByteArray> lines(const QByteArray &text)
{
    return text.split('\n');
}

// The changed line range of `after` against `before`: lines [first, lastBefore] of `before`
// were replaced. Returns {first, lastBefore, lastAfter} (0-based), or first == -1 if equal.
struct LineDiff
{
    int first = -1;
    int lastBefore = -1;
    int lastAfter = -1;
};

LineDiff diffLines(const QByteArray &before, const QByteArray &after)
{
    const QList<QByteArray> a = lines(before);
    const QList<QByteArray> b = lines(after);
    int prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix])
        ++prefix;
    if (prefix == a.size() && prefix == b.size())
        return {};
    int suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
           a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
        ++suffix;
    return {prefix, int(a.size()) - 1 - suffix, int(b.size()) - 1 - suffix};
}

} // namespace

class TestYamlDocument : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void reading();
    void setScalar_data();
    void setScalar();
    void insertKey_data();
    void insertKey();
    void setValue_data();
    void setValue();
    void remove_data();
    void remove();
    void insertItem_data();
    void insertItem();
    void refusals_data();
    void refusals();
    void parseErrors_data();
    void parseErrors();
    void loadRefusesWhatParseRefuses_data() { parseErrors_data(); }
    void loadRefusesWhatParseRefuses();
    void loadKeepsMarksAndDocuments();
    void undoRestoresBytes();
    void inPlaceEditsEqualFullParse_data();
    void inPlaceEditsEqualFullParse();
    void inPlaceEditsTakeTheFastPath();
    void inlinePatchEdit();
    void layoutDetection();
    void loadFromFile();
    void corpus_data();
    void corpus();
    void cleanupTestCase();

private:
    int m_corpusCounts[5] = {};
};

void TestYamlDocument::roundTrip_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("documents");
    QTest::newRow("an empty file has no documents") << QByteArray() << 0;
    QTest::newRow("a simple mapping") << QByteArray("a: 1\nb: two\n") << 1;
    QTest::newRow("several documents with --- and ...")
        << QByteArray("---\na: 1\n...\n---\nb: 2\n...\n") << 2;
    QTest::newRow("comments, CRLF and no final newline")
        << QByteArray("# head\r\na: 1 # one\r\n\r\nb:\r\n  - x") << 1;
    QTest::newRow("anchors, aliases and block scalars")
        << QByteArray("base: &b\n  x: 1\nother: *b\ntext: |\n  line\n  more\nf: >-\n  folded\n")
        << 1;
    QTest::newRow("a byte order mark") << QByteArray("\xEF\xBB\xBF"
                                                     "a: 1\n")
                                       << 1;
}

void TestYamlDocument::roundTrip()
{
    QFETCH(QByteArray, input);
    QFETCH(int, documents);
    auto doc = YamlDocument::parse(input, QStringLiteral("t.yaml"));
    QVERIFY2(doc, qPrintable(doc ? QString() : doc.error().toString()));
    QCOMPARE(doc->text(), input);
    QCOMPARE(doc->documentCount(), documents);
}

void TestYamlDocument::reading()
{
    const QByteArray text = "apiVersion: apps/v1\n"
                            "kind: Deployment\n"
                            "metadata:\n"
                            "  name: web # the name\n"
                            "spec:\n"
                            "  replicas: 2\n"
                            "  template:\n"
                            "    spec:\n"
                            "      containers:\n"
                            "      - name: app\n"
                            "        image: \"nginx:1.25\"\n"
                            "        resources:\n"
                            "          requests:\n"
                            "            cpu: 100m\n"
                            "      - name: sidecar\n"
                            "        image: envoy\n"
                            "---\n"
                            "kind: Service\n"
                            "metadata:\n"
                            "  name: web\n";
    auto doc = YamlDocument::parse(text);
    QVERIFY(doc);
    QCOMPARE(doc->documentCount(), 2);
    QCOMPARE(doc->scalar({"spec", "replicas"}).value(), QStringLiteral("2"));
    QCOMPARE(
        doc->scalar({"spec", "template", "spec", "containers", 0, "resources", "requests", "cpu"})
            .value(),
        QStringLiteral("100m"));
    QCOMPARE(
        doc->scalar({"spec", "template", "spec", "containers", "name=sidecar", "image"}).value(),
        QStringLiteral("envoy"));
    QCOMPARE(doc->kind({"spec", "template", "spec", "containers"}), YamlNodeKind::Sequence);
    QCOMPARE(doc->kind({"spec", "nothing"}), YamlNodeKind::Missing);
    QCOMPARE(doc->size({"spec", "template", "spec", "containers"}), 2);
    QCOMPARE(doc->keys({"metadata"}), QStringList{QStringLiteral("name")});
    QCOMPARE(doc->findDocument(QStringLiteral("Service"), QStringLiteral("web")), 1);
    QCOMPARE(doc->findDocument(QStringLiteral("Deployment")), 0);
    QCOMPARE(doc->findDocument(QStringLiteral("Secret")), -1);
    const auto loc = doc->location({"spec", "replicas"});
    QVERIFY(loc);
    QCOMPARE(loc->line, 6);
    QCOMPARE(loc->column, 13);
    QCOMPARE(text.mid(loc->offset, loc->length), QByteArray("2"));
    const auto node = doc->node({"spec", "template", "spec", "containers", 0});
    QVERIFY(node);
    QCOMPARE((*node)["image"].as<std::string>(), std::string("nginx:1.25"));
    QCOMPARE(doc->scalar({"kind"}, 1).value(), QStringLiteral("Service"));
    QVERIFY(!doc->scalar({"spec"}));
    QCOMPARE(doc->scalar({"spec"}).error().code, Error::Code::Generic);
    QCOMPARE(doc->scalar({"spec", "x"}).error().code, Error::Code::NotFound);

    auto aliased = YamlDocument::parse("base: &b\n  x: 1\nother: *b\n");
    QVERIFY(aliased);
    QCOMPARE(aliased->kind({"other"}), YamlNodeKind::Alias);
    QCOMPARE(aliased->scalar({"other", "x"}).value(), QStringLiteral("1"));
}

void TestYamlDocument::setScalar_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("document");
    QTest::addColumn<QString>("value");
    QTest::addColumn<ScalarStyle>("style");
    QTest::addColumn<QByteArray>("expected");

    const auto keep = ScalarStyle::Keep;
    QTest::newRow("a replicas change is a one-line diff")
        << QByteArray("kind: Deployment\nspec:\n  replicas: 2 # keep me\n  paused: false\n")
        << "spec/replicas" << 0 << "3" << keep
        << QByteArray("kind: Deployment\nspec:\n  replicas: 3 # keep me\n  paused: false\n");
    QTest::newRow("a double-quoted value stays double-quoted")
        << QByteArray("image: \"nginx:1.0\"\n") << "image" << 0 << "nginx:1.1" << keep
        << QByteArray("image: \"nginx:1.1\"\n");
    QTest::newRow("a single-quoted value stays single-quoted and doubles its quotes")
        << QByteArray("a: 'x'\n") << "a" << 0 << "it's" << keep << QByteArray("a: 'it''s'\n");
    QTest::newRow("a plain string set to yes is quoted")
        << QByteArray("name: app\n") << "name" << 0 << "yes" << keep
        << QByteArray("name: \"yes\"\n");
    QTest::newRow("a plain string set to 1.0 is quoted")
        << QByteArray("tag: latest\n") << "tag" << 0 << "1.0" << keep
        << QByteArray("tag: \"1.0\"\n");
    QTest::newRow("a value with a leading star is quoted")
        << QByteArray("a: b\n") << "a" << 0 << "*x" << keep << QByteArray("a: \"*x\"\n");
    QTest::newRow("a value with colon space is quoted")
        << QByteArray("a: b\n") << "a" << 0 << "k: v" << keep << QByteArray("a: \"k: v\"\n");
    QTest::newRow("a number stays a plain number") << QByteArray("replicas: 2\n") << "replicas" << 0
                                                   << "10" << keep << QByteArray("replicas: 10\n");
    QTest::newRow("auto style writes a number-like value plain")
        << QByteArray("a: \"x\"\n") << "a" << 0 << "1.5" << ScalarStyle::Auto
        << QByteArray("a: 1.5\n");
    QTest::newRow("double-quoted style escapes quotes and backslashes")
        << QByteArray("a: x\n") << "a" << 0 << "say \"hi\" \\o/" << ScalarStyle::DoubleQuoted
        << QByteArray("a: \"say \\\"hi\\\" \\\\o/\"\n");
    QTest::newRow("an empty value gets a value")
        << QByteArray("a:\nb: 1\n") << "a" << 0 << "x" << keep << QByteArray("a: x\nb: 1\n");
    QTest::newRow("an empty value followed by a comment")
        << QByteArray("a: # note\nb: 1\n") << "a" << 0 << "x" << keep
        << QByteArray("a: x # note\nb: 1\n");
    QTest::newRow("a null literal is replaced")
        << QByteArray("a: ~ # c\n") << "a" << 0 << "v" << keep << QByteArray("a: v # c\n");
    QTest::newRow("CRLF line ends are kept")
        << QByteArray("a: 1\r\nb: 2\r\nc: 3\r\n") << "b" << 0 << "20" << keep
        << QByteArray("a: 1\r\nb: 20\r\nc: 3\r\n");
    QTest::newRow("a file without a final newline keeps it that way")
        << QByteArray("a: 1\nb: 2") << "b" << 0 << "3" << keep << QByteArray("a: 1\nb: 3");
    QTest::newRow("a literal block stays a literal block")
        << QByteArray("data:\n  f: |\n    line1\n    line2\nx: 1\n") << "data/f" << 0
        << "new1\nnew2\nnew3\n"
        << keep << QByteArray("data:\n  f: |\n    new1\n    new2\n    new3\nx: 1\n");
    QTest::newRow("a literal block without a final newline uses strip chomping")
        << QByteArray("f: |\n  a\nx: 1\n") << "f" << 0 << "a\nb" << keep
        << QByteArray("f: |-\n  a\n  b\nx: 1\n");
    QTest::newRow("a folded block with one line stays folded")
        << QByteArray("f: >-\n  some text\nx: 1\n") << "f" << 0 << "other text" << keep
        << QByteArray("f: >-\n  other text\nx: 1\n");
    QTest::newRow("a multi-line value in a plain scalar becomes a literal block")
        << QByteArray("m:\n  f: x\n") << "m/f" << 0 << "a\nb\n"
        << keep << QByteArray("m:\n  f: |\n    a\n    b\n");
    QTest::newRow("a literal block takes the place of trailing blanks and keeps the comment")
        << QByteArray("a: x   # note\nb: y  \nc: 1\n") << "a" << 0 << "p\nq" << keep
        << QByteArray("a: |- # note\n  p\n  q\nb: y  \nc: 1\n");
    QTest::newRow("a literal block at the end of a file keeps a final line break")
        << QByteArray("a: x") << "a" << 0 << "p\nq\n"
        << keep << QByteArray("a: |\n  p\n  q\n");
    QTest::newRow("a literal block with CRLF line ends")
        << QByteArray("a: |\r\n  x\r\nb: 1\r\n") << "a" << 0 << "p\nq\n"
        << keep << QByteArray("a: |\r\n  p\r\n  q\r\nb: 1\r\n");
    QTest::newRow("a multi-line value in a flow mapping is double-quoted")
        << QByteArray("m: {f: x}\n") << "m/f" << 0 << "a\nb" << keep
        << QByteArray("m: {f: \"a\\nb\"}\n");
    QTest::newRow("the second document is edited")
        << QByteArray("a: 1\n---\na: 2\n") << "a" << 1 << "5" << keep
        << QByteArray("a: 1\n---\na: 5\n");
    QTest::newRow("documents with end markers")
        << QByteArray("---\na: 1\n...\n---\nb: 2\n...\n") << "b" << 1 << "3" << keep
        << QByteArray("---\na: 1\n...\n---\nb: 3\n...\n");
    QTest::newRow("a value in a flow mapping") << QByteArray("m: {a: 1, b: 2}\n") << "m/b" << 0
                                               << "30" << keep << QByteArray("m: {a: 1, b: 30}\n");
    QTest::newRow("a flow item that needs quoting in flow context")
        << QByteArray("l: [a, b]\n") << "l/1" << 0 << "x,y" << keep
        << QByteArray("l: [a, \"x,y\"]\n");
    QTest::newRow("a sequence item selected by name")
        << QByteArray("c:\n- name: app\n  image: a\n- name: web\n  image: b\n")
        << "c/name=web/image" << 0 << "c" << keep
        << QByteArray("c:\n- name: app\n  image: a\n- name: web\n  image: c\n");
    QTest::newRow("the key of a selector itself can be changed")
        << QByteArray("c:\n- name: app\n") << "c/name=app/name" << 0 << "web" << keep
        << QByteArray("c:\n- name: web\n");
    QTest::newRow("an anchored scalar keeps its anchor")
        << QByteArray("a: &x 1\nb: *x\n") << "a" << 0 << "2" << keep
        << QByteArray("a: &x 2\nb: *x\n");
    QTest::newRow("a tagged scalar keeps its tag")
        << QByteArray("a: !!str 1\n") << "a" << 0 << "2" << keep << QByteArray("a: !!str 2\n");
    QTest::newRow("a plain scalar over several lines is replaced whole")
        << QByteArray("a: one\n  two\nb: 1\n") << "a" << 0 << "x" << keep
        << QByteArray("a: x\nb: 1\n");
    QTest::newRow("comments and blank lines around the edit stay")
        << QByteArray("# top\n\na: 1 # one\n\n# middle\nb: 2\n") << "a" << 0 << "9" << keep
        << QByteArray("# top\n\na: 9 # one\n\n# middle\nb: 2\n");
    QTest::newRow("a file with a byte order mark") << QByteArray("\xEF\xBB\xBF"
                                                                 "a: 1\nb: 2\n")
                                                   << "a" << 0 << "3" << keep
                                                   << QByteArray("\xEF\xBB\xBF"
                                                                 "a: 3\nb: 2\n");
    QTest::newRow("a scalar item of a block sequence")
        << QByteArray("l:\n  - a\n  - b\n") << "l/1" << 0 << "c" << keep
        << QByteArray("l:\n  - a\n  - c\n");
    QTest::newRow("a quoted key is found by its value")
        << QByteArray("\"a b\": 1\n") << "a b" << 0 << "2" << keep << QByteArray("\"a b\": 2\n");
    QTest::newRow("a document with a %YAML directive")
        << QByteArray("%YAML 1.2\n---\na: 1\n") << "a" << 0 << "2" << keep
        << QByteArray("%YAML 1.2\n---\na: 2\n");
    QTest::newRow("a value under an explicit key") << QByteArray("? a\n: 1\nb: 2\n") << "a" << 0
                                                   << "3" << keep << QByteArray("? a\n: 3\nb: 2\n");
    QTest::newRow("a value in a tagged mapping") << QByteArray("m: !!map\n  a: 1\n") << "m/a" << 0
                                                 << "2" << keep << QByteArray("m: !!map\n  a: 2\n");
    QTest::newRow("a value in a flow mapping over several lines with comments")
        << QByteArray("m: {\n  a: 1, # one\n  b: 2\n}\n") << "m/b" << 0 << "x y" << keep
        << QByteArray("m: {\n  a: 1, # one\n  b: x y\n}\n");
    QTest::newRow("an item of a nested sequence")
        << QByteArray("- - a\n  - b\n- c\n") << "0/1" << 0 << "z" << keep
        << QByteArray("- - a\n  - z\n- c\n");
    QTest::newRow("a scalar that is the whole document")
        << QByteArray("--- text\n") << "" << 0 << "other" << keep << QByteArray("--- other\n");
    QTest::newRow("a non-ASCII value stays plain")
        << QByteArray("a: x\n") << "a" << 0 << QString::fromUtf8("管理") << keep
        << QByteArray("a: 管理\n");
}

void TestYamlDocument::setScalar()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, path);
    QFETCH(int, document);
    QFETCH(QString, value);
    QFETCH(ScalarStyle, style);
    QFETCH(QByteArray, expected);
    auto doc = YamlDocument::parse(input, QStringLiteral("t.yaml"));
    QVERIFY2(doc, qPrintable(doc ? QString() : doc.error().toString()));
    const auto splice = doc->setScalar(::path(path), value, style, document);
    QVERIFY2(splice, qPrintable(splice ? QString() : splice.error().toString()));
    QCOMPARE(doc->text(), expected);
    // Whether the edit took the in-place path or a full parse, the result reads like a fresh
    // parse of the new text.
    const auto fresh = YamlDocument::parse(expected);
    QVERIFY(fresh);
    const YamlPath p = ::path(path);
    QCOMPARE(doc->kind(p, document), fresh->kind(p, document));
    QCOMPARE(doc->scalar(p, document).value_or(QString()),
             fresh->scalar(p, document).value_or(QString()));
    if (fresh->contains(p, document)) { // not when the edit changed a selector's own key
        QCOMPARE(doc->location(p, document)->offset, fresh->location(p, document)->offset);
        QCOMPARE(doc->location(p, document)->length, fresh->location(p, document)->length);
        QCOMPARE(doc->node(p, document)->Tag(), fresh->node(p, document)->Tag());
    }
    const auto followingKeys = fresh->keys({}, document);
    for (const QString &k : followingKeys) {
        QCOMPARE(doc->location({k}, document)->offset, fresh->location({k}, document)->offset);
    }
    // Undo gives the original bytes back.
    QVERIFY(doc->apply(splice->inverted()));
    QCOMPARE(doc->text(), input);
}

void TestYamlDocument::insertKey_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("value");
    QTest::addColumn<ScalarStyle>("style");
    QTest::addColumn<QByteArray>("expected");

    const auto keep = ScalarStyle::Keep;
    QTest::newRow("a new key is appended to a block mapping")
        << QByteArray("metadata:\n  name: x\nkind: A\n") << "metadata/namespace"
        << "prod" << keep << QByteArray("metadata:\n  name: x\n  namespace: prod\nkind: A\n");
    QTest::newRow("intermediate mappings use the file's indentation")
        << QByteArray("spec:\n    template:\n        a: 1\n") << "spec/selector/matchLabels/app"
        << "web" << keep
        << QByteArray("spec:\n    template:\n        a: 1\n    selector:\n        matchLabels:\n"
                      "            app: web\n");
    QTest::newRow("a key is added to a flow mapping")
        << QByteArray("m: {a: 1}\n") << "m/b"
        << "2" << keep << QByteArray("m: {a: 1, b: 2}\n");
    QTest::newRow("a key is added to an empty flow mapping")
        << QByteArray("m: {}\n") << "m/b"
        << "2" << keep << QByteArray("m: {b: 2}\n");
    QTest::newRow("nested keys in a flow mapping are flow too")
        << QByteArray("m: {a: 1}\n") << "m/b/c"
        << "2" << keep << QByteArray("m: {a: 1, b: {c: 2}}\n");
    QTest::newRow("a key is added under an empty value")
        << QByteArray("metadata:\nkind: A\n") << "metadata/name"
        << "x" << keep << QByteArray("metadata:\n  name: x\nkind: A\n");
    QTest::newRow("a key is added under a null with a comment")
        << QByteArray("metadata: ~ # later\nkind: A\n") << "metadata/name"
        << "x" << keep << QByteArray("metadata: # later\n  name: x\nkind: A\n");
    QTest::newRow("a key is added at the end of a file without a final newline")
        << QByteArray("a: 1") << "b"
        << "2" << keep << QByteArray("a: 1\nb: 2");
    QTest::newRow("a key is added to a sequence item's mapping")
        << QByteArray("c:\n- name: app\n  image: x\n- name: web\n") << "c/name=app/tag"
        << "v" << keep << QByteArray("c:\n- name: app\n  image: x\n  tag: v\n- name: web\n");
    QTest::newRow("a key is added with CRLF line ends")
        << QByteArray("a: 1\r\n") << "b"
        << "2" << keep << QByteArray("a: 1\r\nb: 2\r\n");
    QTest::newRow("a key goes after the last entry's trailing comment, before later comments")
        << QByteArray("a:\n  b: 1 # c\n# tail\nz: 0\n") << "a/d"
        << "2" << keep << QByteArray("a:\n  b: 1 # c\n  d: 2\n# tail\nz: 0\n");
    QTest::newRow("a key after a nested mapping goes at the outer indentation")
        << QByteArray("spec:\n  template:\n    x: 1\nz: 0\n") << "spec/replicas"
        << "3" << keep << QByteArray("spec:\n  template:\n    x: 1\n  replicas: 3\nz: 0\n");
    QTest::newRow("a string key value that reads as a number is quoted when asked")
        << QByteArray("a: 1\n") << "b"
        << "1.0" << ScalarStyle::String << QByteArray("a: 1\nb: \"1.0\"\n");
    QTest::newRow("a key that needs quoting is quoted")
        << QByteArray("a: 1\n") << "annotations/x: y"
        << "1" << keep << QByteArray("a: 1\nannotations:\n  \"x: y\": 1\n");
    QTest::newRow("a key is added to an empty sequence item")
        << QByteArray("l:\n-\n- b\n") << "l/0/k"
        << "v" << keep << QByteArray("l:\n- k: v\n- b\n");
    QTest::newRow("a key is added to an empty file") << QByteArray() << "a"
                                                     << "x" << keep << QByteArray("a: x\n");
    QTest::newRow("a key is added to a file with only a comment and no final newline")
        << QByteArray("# c") << "a/b"
        << "x" << keep << QByteArray("# c\na:\n  b: x\n");
    QTest::newRow("a key is added to a document that is only a marker")
        << QByteArray("---\n") << "a"
        << "x" << keep << QByteArray("---\na: x\n");
    QTest::newRow("a multi-line value in a new key is a literal block")
        << QByteArray("data:\n  a: 1\n") << "data/b"
        << "x\ny\n"
        << keep << QByteArray("data:\n  a: 1\n  b: |\n    x\n    y\n");
}

void TestYamlDocument::insertKey()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, path);
    QFETCH(QString, value);
    QFETCH(ScalarStyle, style);
    QFETCH(QByteArray, expected);
    auto doc = YamlDocument::parse(input);
    QVERIFY(doc);
    const auto splice = doc->setScalar(::path(path), value, style);
    QVERIFY2(splice, qPrintable(splice ? QString() : splice.error().toString()));
    QCOMPARE(doc->text(), expected);
    QVERIFY(doc->apply(splice->inverted()));
    QCOMPARE(doc->text(), input);
}

void TestYamlDocument::setValue_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("a new mapping value is written in block style")
        << QByteArray("kind: A\n") << "metadata" << QByteArray("{name: web, labels: {app: web}}")
        << QByteArray("kind: A\nmetadata:\n  name: web\n  labels:\n    app: web\n");
    QTest::newRow("a new sequence follows the file's sequence indentation")
        << QByteArray("a:\n  - x\nb: 1\n") << "c" << QByteArray("[p, q]")
        << QByteArray("a:\n  - x\nb: 1\nc:\n  - p\n  - q\n");
    QTest::newRow("a scalar is replaced by a mapping")
        << QByteArray("a: 1\nb: 2\n") << "a" << QByteArray("{x: 1}")
        << QByteArray("a:\n  x: 1\nb: 2\n");
    QTest::newRow("a mapping is replaced by a scalar")
        << QByteArray("a:\n  x: 1\nb: 2\n") << "a" << QByteArray("v") << QByteArray("a: v\nb: 2\n");
    QTest::newRow("a quoted scalar stays a string")
        << QByteArray("a: x\n") << "a" << QByteArray("\"true\"") << QByteArray("a: \"true\"\n");
    QTest::newRow("a value inside a flow mapping is flow")
        << QByteArray("m: {a: 1}\n") << "m/a" << QByteArray("[1, 2]")
        << QByteArray("m: {a: [1, 2]}\n");
    QTest::newRow("a flow collection is replaced in flow style")
        << QByteArray("labels: {}\nx: 1\n") << "labels" << QByteArray("{app: web}")
        << QByteArray("labels: {app: web}\nx: 1\n");
    QTest::newRow("a list of mappings in a new key")
        << QByteArray("spec: {}\nx: 1\n") << "patches"
        << QByteArray("[{path: p.yaml, target: {kind: Deployment}}]")
        << QByteArray(
               "spec: {}\nx: 1\npatches:\n- path: p.yaml\n  target:\n    kind: Deployment\n");
}

void TestYamlDocument::setValue()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, path);
    QFETCH(QByteArray, value);
    QFETCH(QByteArray, expected);
    auto doc = YamlDocument::parse(input);
    QVERIFY(doc);
    const auto splice = doc->setValue(::path(path), yamlValue(value));
    QVERIFY2(splice, qPrintable(splice ? QString() : splice.error().toString()));
    QCOMPARE(doc->text(), expected);
    QVERIFY(doc->apply(splice->inverted()));
    QCOMPARE(doc->text(), input);
}

void TestYamlDocument::remove_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("a key is removed with its line")
        << QByteArray("a: 1\nb: 2 # two\nc: 3\n") << "b" << QByteArray("a: 1\nc: 3\n");
    QTest::newRow("a nested mapping value goes with all its lines")
        << QByteArray("a: 1\nb:\n  x: 1\n  y:\n    - z\nc: 3\n") << "b"
        << QByteArray("a: 1\nc: 3\n");
    QTest::newRow("the first key of a sequence item pulls the next key up")
        << QByteArray("- name: a\n  image: x\n") << "0/name" << QByteArray("- image: x\n");
    QTest::newRow("the only key leaves an empty mapping")
        << QByteArray("m:\n  a: 1\nz: 0\n") << "m/a" << QByteArray("m: {}\nz: 0\n");
    QTest::newRow("a middle key of a flow mapping")
        << QByteArray("m: {a: 1, b: 2, c: 3}\n") << "m/b" << QByteArray("m: {a: 1, c: 3}\n");
    QTest::newRow("the last key of a flow mapping")
        << QByteArray("m: {a: 1, b: 2, c: 3}\n") << "m/c" << QByteArray("m: {a: 1, b: 2}\n");
    QTest::newRow("the only key of a flow mapping")
        << QByteArray("m: {a: 1}\n") << "m/a" << QByteArray("m: {}\n");
    QTest::newRow("the last line of a file without a final newline")
        << QByteArray("a: 1\nb: 2") << "b" << QByteArray("a: 1");
    QTest::newRow("a key with CRLF line ends")
        << QByteArray("a: 1\r\nb: 2\r\nc: 3\r\n") << "b" << QByteArray("a: 1\r\nc: 3\r\n");
    QTest::newRow("a block scalar value goes with its lines")
        << QByteArray("a: |\n  x\n  y\nb: 1\n") << "a" << QByteArray("b: 1\n");
    QTest::newRow("a block sequence item")
        << QByteArray("l:\n- a\n- b\n- c\n") << "l/1" << QByteArray("l:\n- a\n- c\n");
    QTest::newRow("a flow sequence item")
        << QByteArray("l: [a, b, c]\n") << "l/0" << QByteArray("l: [b, c]\n");
    QTest::newRow("the only item leaves an empty sequence")
        << QByteArray("l:\n  - a\nz: 1\n") << "l/0" << QByteArray("l: []\nz: 1\n");
    QTest::newRow("an item selected by name")
        << QByteArray("c:\n- name: app\n  image: a\n- name: sidecar\n  image: b\n")
        << "c/name=sidecar" << QByteArray("c:\n- name: app\n  image: a\n");
    QTest::newRow("a key in the second document")
        << QByteArray("a: 1\n---\nb: 1\nc: 2\n") << "c" << QByteArray("a: 1\n---\nb: 1\n");
}

void TestYamlDocument::remove()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, path);
    QFETCH(QByteArray, expected);
    auto doc = YamlDocument::parse(input);
    QVERIFY(doc);
    const int document = input.contains("---") ? 1 : 0;
    const auto splice = doc->remove(::path(path), document);
    QVERIFY2(splice, qPrintable(splice ? QString() : splice.error().toString()));
    QCOMPARE(doc->text(), expected);
    QVERIFY(doc->apply(splice->inverted()));
    QCOMPARE(doc->text(), input);
}

void TestYamlDocument::insertItem_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("index");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("a scalar is appended to a block sequence")
        << QByteArray("l:\n- a\n- b\nz: 1\n") << "l" << -1 << QByteArray("c")
        << QByteArray("l:\n- a\n- b\n- c\nz: 1\n");
    QTest::newRow("a scalar is inserted before the first item")
        << QByteArray("l:\n  - a\n  - b\n") << "l" << 0 << QByteArray("c")
        << QByteArray("l:\n  - c\n  - a\n  - b\n");
    QTest::newRow("a mapping item takes the sequence's indentation")
        << QByteArray("c:\n  - name: a\n    image: x\n") << "c" << -1
        << QByteArray("{name: b, image: y}")
        << QByteArray("c:\n  - name: a\n    image: x\n  - name: b\n    image: y\n");
    QTest::newRow("an item is appended at the end of a file without a final newline")
        << QByteArray("l:\n- a") << "l" << -1 << QByteArray("b") << QByteArray("l:\n- a\n- b");
    QTest::newRow("an item is appended to a flow sequence")
        << QByteArray("l: [a, b]\n") << "l" << -1 << QByteArray("c")
        << QByteArray("l: [a, b, c]\n");
    QTest::newRow("an item is inserted at the front of a flow sequence")
        << QByteArray("l: [a, b]\n") << "l" << 0 << QByteArray("c") << QByteArray("l: [c, a, b]\n");
    QTest::newRow("an item goes into an empty flow sequence")
        << QByteArray("l: []\n") << "l" << -1 << QByteArray("{k: v}")
        << QByteArray("l: [{k: v}]\n");
    QTest::newRow("a missing sequence is created")
        << QByteArray("spec:\n  x: 1\n") << "spec/l" << -1 << QByteArray("a")
        << QByteArray("spec:\n  x: 1\n  l:\n  - a\n");
    QTest::newRow("a quoted string that reads as a number stays quoted")
        << QByteArray("l:\n- a\n") << "l" << -1 << QByteArray("\"1.0\"")
        << QByteArray("l:\n- a\n- \"1.0\"\n");
    QTest::newRow("an item is inserted in the middle with CRLF line ends")
        << QByteArray("l:\r\n- a\r\n- b\r\n") << "l" << 1 << QByteArray("x")
        << QByteArray("l:\r\n- a\r\n- x\r\n- b\r\n");
    QTest::newRow("an item is inserted before a nested sequence's first item")
        << QByteArray("- - a\n  - b\n") << "0" << 0 << QByteArray("z")
        << QByteArray("- - z\n  - a\n  - b\n");
}

void TestYamlDocument::insertItem()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, path);
    QFETCH(int, index);
    QFETCH(QByteArray, value);
    QFETCH(QByteArray, expected);
    auto doc = YamlDocument::parse(input);
    QVERIFY(doc);
    const auto splice = doc->insertItem(::path(path), index, yamlValue(value));
    QVERIFY2(splice, qPrintable(splice ? QString() : splice.error().toString()));
    QCOMPARE(doc->text(), expected);
    QVERIFY(doc->apply(splice->inverted()));
    QCOMPARE(doc->text(), input);
}

void TestYamlDocument::refusals_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("code");

    QTest::newRow("an edit through an alias is refused")
        << QByteArray("base: &b\n  x: 1\nother: *b\n") << "other/x"
        << int(Error::Code::Unsupported);
    QTest::newRow("an edit of an alias itself is refused")
        << QByteArray("a: &x 1\nb: *x\n") << "b" << int(Error::Code::Unsupported);
    QTest::newRow("a mapping is not overwritten by a scalar")
        << QByteArray("a:\n  b: 1\n") << "a" << int(Error::Code::Unsupported);
    QTest::newRow("a missing sequence item is not created")
        << QByteArray("l: [a]\n") << "l/3" << int(Error::Code::NotFound);
    QTest::newRow("a missing selector is not created")
        << QByteArray("l:\n- name: a\n") << "l/name=b/image" << int(Error::Code::NotFound);
    QTest::newRow("a key cannot be added under a scalar")
        << QByteArray("a: 1\n") << "a/b" << int(Error::Code::Unsupported);
}

void TestYamlDocument::refusals()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, path);
    QFETCH(int, code);
    auto doc = YamlDocument::parse(input, QStringLiteral("r.yaml"));
    QVERIFY(doc);
    const auto splice = doc->setScalar(::path(path), QStringLiteral("v"));
    QVERIFY(!splice);
    QCOMPARE(int(splice.error().code), code);
    QVERIFY(splice.error().toString().startsWith(QLatin1String("r.yaml")));
    QCOMPARE(doc->text(), input);
}

void TestYamlDocument::parseErrors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("message");

    QTest::newRow("a syntax error names file, line and column")
        << QByteArray("a: 1\nb: [1, 2\n") << QString();
    QTest::newRow("a bad indentation is an error") << QByteArray("a: b\n  c: d\n") << QString();
    QByteArray bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
    for (int i = 1; i < 9; ++i) {
        bomb += "a" + QByteArray::number(i) + ": &a" + QByteArray::number(i) + " [";
        for (int k = 0; k < 10; ++k)
            bomb += (k ? ", *a" : "*a") + QByteArray::number(i - 1);
        bomb += "]\n";
    }
    QTest::newRow("an alias bomb is refused") << bomb << QStringLiteral("alias");
    QTest::newRow("nesting deeper than the limit is refused")
        << QByteArray(300, '[') + QByteArray(300, ']') << QStringLiteral("nesting");
    QByteArray deepBlock;
    for (int i = 0; i < 250; ++i)
        deepBlock += QByteArray(i, ' ') + "k:\n";
    deepBlock += QByteArray(250, ' ') + "v: 1\n";
    QTest::newRow("deep block nesting is refused") << deepBlock << QStringLiteral("nesting");
    QTest::newRow("a file over 32 MiB is refused")
        << QByteArray(YamlDocument::MaxBytes + 1, '#') << QStringLiteral("MiB");
    // Found by the hostile suite: yaml-cpp took a quoted scalar cut off by the end of the file.
    QTest::newRow("a double-quoted scalar that the end of the file cuts off is refused")
        << QByteArray("role: accounts\nx: \"abc\n")
        << QStringLiteral("bad.yaml:2:4: error: found "
                          "unexpected end of stream");
    QTest::newRow("a single-quoted scalar that the end of the file cuts off is refused")
        << QByteArray("x: 'it''s\n")
        << QStringLiteral("bad.yaml:1:4: error: found unexpected "
                          "end of stream");
}

void TestYamlDocument::parseErrors()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, message);
    const auto doc = YamlDocument::parse(input, QStringLiteral("bad.yaml"));
    QVERIFY(!doc);
    const QString text = doc.error().toString();
    QVERIFY2(text.startsWith(QLatin1String("bad.yaml")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String(": error: ")), qPrintable(text));
    if (message.isEmpty()) {
        static const QRegularExpression located(QStringLiteral("^bad\\.yaml:\\d+:\\d+: error: "));
        QVERIFY2(located.match(text).hasMatch(), qPrintable(text));
    } else {
        QVERIFY2(text.contains(message), qPrintable(text));
    }
}

// yaml::load/loadAll, which the platform and the rules read configuration and rendered output
// with, refuse exactly what YamlDocument refuses, at the same place.
void TestYamlDocument::loadRefusesWhatParseRefuses()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, message);
    const auto docs = kanri::yaml::loadAll(input, QStringLiteral("bad.yaml"));
    QVERIFY(!docs);
    const auto doc = YamlDocument::parse(input, QStringLiteral("bad.yaml"));
    QCOMPARE(docs.error().toString(), doc.error().toString());
    QVERIFY(!kanri::yaml::load(input, QStringLiteral("bad.yaml")));
}

void TestYamlDocument::loadKeepsMarksAndDocuments()
{
    const QByteArray input = "# comment\na: 1\n---\nkind: Service\nmetadata:\n  name: web\n";
    const auto docs = kanri::yaml::loadAll(input, QStringLiteral("two.yaml"));
    QVERIFY(docs);
    QCOMPARE(int(docs->size()), 2);
    QCOMPARE((*docs)[1]["metadata"]["name"].as<std::string>(), std::string("web"));
    // Rule findings point into files through yaml-cpp's marks (0-based lines).
    QCOMPARE((*docs)[1]["metadata"]["name"].Mark().line, 5);
    const auto first = kanri::yaml::load(input);
    QVERIFY(first);
    QCOMPARE((*first)["a"].as<int>(), 1);
    const auto empty = kanri::yaml::load(QByteArray());
    QVERIFY(empty);
    QVERIFY(!empty->IsDefined() || empty->IsNull());
}

// How the catalog edits a field inside an inline strategic-merge patch: the block scalar is a
// YAML document of its own; writing it back keeps the literal block, so one line changes.
void TestYamlDocument::inlinePatchEdit()
{
    const QByteArray input = "resources:\n"
                             "- ../../base\n"
                             "patches:\n"
                             "- patch: |-\n"
                             "    apiVersion: apps/v1\n"
                             "    kind: Deployment\n"
                             "    metadata:\n"
                             "      name: web\n"
                             "    spec:\n"
                             "      replicas: 2\n"
                             "  target:\n"
                             "    kind: Deployment\n";
    auto outer = YamlDocument::parse(input);
    QVERIFY(outer);
    auto inner = YamlDocument::parse(outer->scalar({"patches", 0, "patch"})->toUtf8());
    QVERIFY(inner);
    QVERIFY(inner->setScalar({"spec", "replicas"}, QStringLiteral("5")));
    QVERIFY(outer->setScalar({"patches", 0, "patch"}, QString::fromUtf8(inner->text())));
    QByteArray expected = input;
    expected.replace("replicas: 2", "replicas: 5");
    QCOMPARE(outer->text(), expected);

    // A new strategic-merge patch appended to the overlay's patches.
    YAML::Node patch(YAML::NodeType::Map);
    patch["patch"] = std::string("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n"
                                 "spec:\n  replicas: 3\n");
    patch["target"]["kind"] = "Deployment";
    patch["target"]["name"] = "api";
    QVERIFY(outer->insertItem({"patches"}, -1, patch));
    QCOMPARE(outer->text(), expected + "- patch: |\n"
                                       "    apiVersion: apps/v1\n"
                                       "    kind: Deployment\n"
                                       "    metadata:\n"
                                       "      name: api\n"
                                       "    spec:\n"
                                       "      replicas: 3\n"
                                       "  target:\n"
                                       "    kind: Deployment\n"
                                       "    name: api\n");
}

void TestYamlDocument::layoutDetection()
{
    // Four-space mappings and indented sequences: new nested content follows them.
    auto doc = YamlDocument::parse("a:\n    b:\n        - x\n");
    QVERIFY(doc);
    YAML::Node value(YAML::NodeType::Map);
    value["d"].push_back("y");
    QVERIFY(doc->setValue({"c"}, value));
    QCOMPARE(doc->text(), QByteArray("a:\n    b:\n        - x\nc:\n    d:\n        - y\n"));
}

void TestYamlDocument::undoRestoresBytes()
{
    const QByteArray input = "# deploy\nspec:\n  replicas: 2\n  template: {}\n";
    auto doc = YamlDocument::parse(input);
    QVERIFY(doc);
    const auto first = doc->setScalar({"spec", "replicas"}, QStringLiteral("4"));
    QVERIFY(first);
    const auto second = doc->setScalar({"spec", "paused"}, QStringLiteral("true"));
    QVERIFY(second);
    QCOMPARE(doc->text(),
             QByteArray("# deploy\nspec:\n  replicas: 4\n  template: {}\n  paused: true\n"));
    // An inverse applied out of order no longer matches the text.
    QVERIFY(doc->apply(second->inverted()));
    QVERIFY(doc->apply(first->inverted()));
    QCOMPARE(doc->text(), input);
    const auto stale = doc->apply(second->inverted());
    QVERIFY(!stale);
    QCOMPARE(stale.error().code, Error::Code::Conflict);
    QCOMPARE(doc->text(), input);
    // Redo.
    QVERIFY(doc->apply(*first));
    QCOMPARE(doc->scalar({"spec", "replicas"}).value(), QStringLiteral("4"));
}

void TestYamlDocument::inPlaceEditsEqualFullParse_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::newRow("block mapping values of every scalar style, with comments")
        << QByteArray("# head\n"
                      "plain: value # trailing\n"
                      "single: 'it''s'\n"
                      "double: \"a\\tb\" # c\n"
                      "number: 42\n"
                      "empty: ''\n"
                      "tilde: ~\n"
                      "literal: |\n"
                      "  line one\n"
                      "\n"
                      "  line two\n"
                      "folded: >-\n"
                      "  folded one\n"
                      "  folded two\n"
                      "after: x\n");
    QTest::newRow("a CRD's multi-line plain description between sibling keys")
        << QByteArray("spec:\n"
                      "  versions:\n"
                      "  - name: v1\n"
                      "    schema:\n"
                      "      openAPIV3Schema:\n"
                      "        description: WorkflowTaskSet holds a set of tasks to be executed "
                      "as part of\n"
                      "          a workflow.\n"
                      "\n"
                      "          Second paragraph.\n"
                      "        # a comment line\n"
                      "        properties:\n"
                      "          apiVersion:\n"
                      "            description: |-\n"
                      "              APIVersion defines the versioned schema.\n"
                      "              More info: https://example.com/#resources\n"
                      "            type: string\n"
                      "  - name: v2\n"
                      "    served: false\n");
    QTest::newRow("sequences: nested, indentless, compact mappings, items on the next line")
        << QByteArray("list:\n"
                      "- a\n"
                      "- multi\n"
                      "  line\n"
                      "- - inner\n"
                      "  - \"quoted\"\n"
                      "- k: v\n"
                      "  other: w\n"
                      "-\n"
                      "  next line item\n"
                      "indented:\n"
                      "  - b\n"
                      "  - c # note\n");
    QTest::newRow("flow collections inside block ones")
        << QByteArray("a: {x: 1, y: 'two', z: \"3\"}\n"
                      "b: [p, q, 'r']\n"
                      "c:\n"
                      "  d: [1, {e: f}]\n");
    QTest::newRow("anchors, aliases and tags") << QByteArray("base: &b value\n"
                                                             "copy: *b\n"
                                                             "tagged: !!str 12\n"
                                                             "custom: !thing text\n"
                                                             "anchored: &m\n"
                                                             "  k: v\n"
                                                             "use: *m\n"
                                                             "after: end\n");
    QTest::newRow("several documents, the last without a final line break")
        << QByteArray("---\n"
                      "kind: A\n"
                      "spec:\n"
                      "  text: first document\n"
                      "...\n"
                      "---\n"
                      "kind: B\n"
                      "spec:\n"
                      "  text: >\n"
                      "    folded\n"
                      "    text\n"
                      "---\n"
                      "kind: C\n"
                      "last: no break");
    QTest::newRow("CRLF line ends and a byte order mark") << QByteArray("\xEF\xBB\xBFkind: A\r\n"
                                                                        "spec:\r\n"
                                                                        "  replicas: 2\r\n"
                                                                        "  text: |\r\n"
                                                                        "    one\r\n"
                                                                        "    two\r\n"
                                                                        "  plain: long\r\n"
                                                                        "    continued\r\n"
                                                                        "  end: x\r\n");
    QTest::newRow("block scalars with indentation and chomping indicators")
        << QByteArray("a: |2\n"
                      "    indented by two more\n"
                      "b: |+\n"
                      "  keep\n"
                      "\n"
                      "c: >-\n"
                      "  strip\n"
                      "d: last\n");
}

// Every scalar of the input set to values of every kind: each edit that takes the in-place path
// gives the layout a fresh parse of the new text gives, and its undo restores the bytes and the
// original layout. Edits that the in-place path cannot take must still be right (full parse).
void TestYamlDocument::inPlaceEditsEqualFullParse()
{
    QFETCH(QByteArray, input);
    auto original = YamlDocument::parse(input);
    QVERIFY2(original, qPrintable(original ? QString() : original.error().toString()));
    const QByteArray originalDump = original->layoutDump();
    QCOMPARE(originalDump, YamlDocument::parse(input)->layoutDump());
    const QStringList values = {QStringLiteral("new"),
                                QStringLiteral("7"),
                                QStringLiteral("null"),
                                QString(),
                                QStringLiteral("two\nlines"),
                                QStringLiteral("a: b # not a comment"),
                                QStringLiteral("trailing\n"),
                                QStringLiteral("A much longer replacement that goes on and on, "
                                               "longer than the line was before it.")};
    const QList<ScalarStyle> styles = {ScalarStyle::Keep,         ScalarStyle::Auto,
                                       ScalarStyle::String,       ScalarStyle::SingleQuoted,
                                       ScalarStyle::DoubleQuoted, ScalarStyle::Literal};
    int inPlace = 0, edits = 0;
    for (int d = 0; d < original->documentCount(); ++d) {
        QList<YamlPath> scalars, mappings, sequences;
        collectPaths(*original, d, {}, scalars, mappings, sequences);
        for (const YamlPath &p : std::as_const(scalars)) {
            for (const QString &value : values) {
                for (ScalarStyle style : styles) {
                    YamlDocument doc = *original;
                    const auto splice = doc.setScalar(p, value, style, d);
                    if (!splice)
                        continue; // refused (an alias, a block scalar in flow): nothing changed
                    ++edits;
                    const QString what = QStringLiteral("%1 = '%2' (style %3)")
                                             .arg(p.toString(), value)
                                             .arg(int(style));
                    inPlace += doc.lastEditInPlace() ? 1 : 0;
                    const auto fresh = YamlDocument::parse(doc.text());
                    QVERIFY2(fresh, qPrintable(what));
                    QVERIFY2(doc.layoutDump() == fresh->layoutDump(),
                             qPrintable(what + QStringLiteral(":\n") +
                                        QString::fromUtf8(doc.text()) + QStringLiteral("\n") +
                                        QString::fromUtf8(doc.layoutDump()) +
                                        QStringLiteral("\nfresh:\n") +
                                        QString::fromUtf8(fresh->layoutDump())));
                    QCOMPARE(doc.scalar(p, d).value_or(QStringLiteral("<missing>")),
                             fresh->scalar(p, d).value_or(QStringLiteral("<missing>")));
                    // A second edit on the edited document, then undo both.
                    const auto again = doc.setScalar(p, QStringLiteral("again"), style, d);
                    QVERIFY2(again, qPrintable(what));
                    QVERIFY2(doc.layoutDump() == YamlDocument::parse(doc.text())->layoutDump(),
                             qPrintable(what + QStringLiteral(", then 'again'")));
                    QVERIFY2(doc.apply(again->inverted()), qPrintable(what));
                    QVERIFY2(doc.apply(splice->inverted()), qPrintable(what));
                    QCOMPARE(doc.text(), input);
                    QVERIFY2(doc.layoutDump() == originalDump,
                             qPrintable(what + QStringLiteral(", undone")));
                }
            }
        }
    }
    QVERIFY(edits > 0);
    qInfo("%d of %d edits in place", inPlace, edits);
    QVERIFY2(inPlace > edits / 4,
             qPrintable(QStringLiteral("%1 of %2 edits in place").arg(inPlace).arg(edits)));
}

// The edits the session makes on every keystroke take the in-place path (no full parse).
void TestYamlDocument::inPlaceEditsTakeTheFastPath()
{
    const QByteArray input = "spec:\n"
                             "  versions:\n"
                             "  - name: v1\n"
                             "    schema:\n"
                             "      openAPIV3Schema:\n"
                             "        description: Holds a set of tasks to be executed as part of\n"
                             "          a workflow.\n"
                             "        properties:\n"
                             "          kind:\n"
                             "            description: |-\n"
                             "              Kind is a string value.\n"
                             "              More info: https://example.com\n"
                             "            type: string\n"
                             "  replicas: 2 # scaled\n"
                             "  image: 'nginx:1.0'\n";
    auto doc = YamlDocument::parse(input);
    QVERIFY(doc);
    const YamlPath description{"spec",   "versions",        "name=v1",
                               "schema", "openAPIV3Schema", "description"};
    const auto first = doc->setScalar(description, QStringLiteral("Edited."), ScalarStyle::String);
    QVERIFY(first);
    QVERIFY(doc->lastEditInPlace());
    const auto second =
        doc->setScalar(description, QStringLiteral("Edited again."), ScalarStyle::String);
    QVERIFY(second);
    QVERIFY(doc->lastEditInPlace());
    QVERIFY(doc->apply(second->inverted()));
    QVERIFY(doc->lastEditInPlace());
    QVERIFY(doc->apply(first->inverted())); // back to the two-line plain scalar
    QVERIFY(doc->lastEditInPlace());
    QCOMPARE(doc->text(), input);
    const YamlPath literal{"spec", "versions",   0, "schema", "openAPIV3Schema", "properties",
                           "kind", "description"};
    QVERIFY(doc->setScalar(literal, QStringLiteral("one\ntwo"), ScalarStyle::Keep));
    QVERIFY(doc->lastEditInPlace());
    QCOMPARE(doc->scalar(literal).value(), QStringLiteral("one\ntwo"));
    QVERIFY(doc->setScalar({"spec", "replicas"}, QStringLiteral("5"), ScalarStyle::Auto));
    QVERIFY(doc->lastEditInPlace());
    QVERIFY(doc->setScalar({"spec", "image"}, QStringLiteral("nginx:1.1"), ScalarStyle::Keep));
    QVERIFY(doc->lastEditInPlace());
    QCOMPARE(doc->layoutDump(), YamlDocument::parse(doc->text())->layoutDump());
    // A structural edit parses the whole text again.
    QVERIFY(doc->setScalar({"spec", "paused"}, QStringLiteral("true"), ScalarStyle::Auto));
    QVERIFY(!doc->lastEditInPlace());
}

void TestYamlDocument::loadFromFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("k.yaml"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("resources:\n- a.yaml\n");
    f.close();
    auto doc = YamlDocument::load(file);
    QVERIFY(doc);
    QCOMPARE(doc->fileName(), file);
    QCOMPARE(doc->scalar({"resources", 0}).value(), QStringLiteral("a.yaml"));
    const auto missing = YamlDocument::load(dir.filePath(QStringLiteral("none.yaml")));
    QVERIFY(!missing);
}

// Every YAML file of the kustomize conformance corpus: it parses back to the same bytes, and
// edits of a sample of its scalars, mappings and sequences change only what they should.
void TestYamlDocument::corpus_data()
{
    QTest::addColumn<QString>("file");
    const QString shared = kanri::test::sharedDir();
    const QString root = shared + QStringLiteral("/conformance/kustomize");
    if (shared.isEmpty() || !QDir(root).exists()) {
        QTest::newRow("the corpus is absent") << QString();
        return;
    }
    QStringList files;
    QDirIterator it(root, {QStringLiteral("*.yaml"), QStringLiteral("*.yml")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    files.sort();
    for (const QString &file : std::as_const(files))
        QTest::newRow(qPrintable(QDir(root).relativeFilePath(file))) << file;
}

void TestYamlDocument::corpus()
{
    QFETCH(QString, file);
    if (file.isEmpty())
        QSKIP("../shared/conformance/kustomize (KANRI_SHARED) is absent: no corpus to run over");

    QStringList failures;
    auto failed = [&](const QString &, const QString &what) { failures << what; };
    int &parsed = m_corpusCounts[0], &scalarEdits = m_corpusCounts[1], &inserts = m_corpusCounts[2],
        &removals = m_corpusCounts[3], &itemEdits = m_corpusCounts[4];

    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray original = f.readAll();
        auto loaded = YamlDocument::parse(original, file);
        if (!loaded) {
            // Invalid YAML in the error cases; yaml-cpp must agree that it is invalid.
            bool yamlCppFails = false;
            try {
                YAML::LoadAll(original.toStdString());
            } catch (const YAML::Exception &) {
                yamlCppFails = true;
            }
            QVERIFY2(yamlCppFails, qPrintable(loaded.error().toString()));
            return;
        }
        ++parsed;
        if (loaded->text() != original)
            failed(file, QStringLiteral("round trip changed the text"));

        for (int d = 0; d < loaded->documentCount(); ++d) {
            QList<YamlPath> scalars, mappings, sequences;
            collectPaths(*loaded, d, {}, scalars, mappings, sequences);

            // Scalars: a sample spread over the document.
            const int step = std::max<int>(1, int(scalars.size()) / 4);
            for (int i = 0; i < scalars.size(); i += step) {
                YamlDocument doc = *loaded;
                const YamlPath &p = scalars[i];
                const auto loc = doc.location(p, d);
                const QString value = QStringLiteral("kanri-%1").arg(i);
                const auto splice = doc.setScalar(p, value, ScalarStyle::Keep, d);
                if (!splice) {
                    failed(file, p.toString() + QStringLiteral(": ") + splice.error().toString());
                    continue;
                }
                ++scalarEdits;
                const auto reread = YamlDocument::parse(doc.text());
                if (!reread || reread->scalar(p, d).value_or(QString()) != value)
                    failed(file, p.toString() + QStringLiteral(": value not read back"));
                // The edited document's layout (fast path or not) equals a fresh parse's.
                // (The first in-place edit of each document: the dumps cost time.)
                if (reread && doc.lastEditInPlace() && i == 0 &&
                    doc.layoutDump() != reread->layoutDump())
                    failed(file, p.toString() + QStringLiteral(": the layout after the edit "
                                                               "differs from a fresh parse's"));
                for (int k = 0; reread && k < scalars.size(); k += std::max(step, 8)) {
                    const auto a = doc.location(scalars[k], d);
                    const auto b = reread->location(scalars[k], d);
                    if (!a || !b || a->offset != b->offset || a->length != b->length ||
                        a->line != b->line)
                        failed(file, scalars[k].toString() +
                                         QStringLiteral(": layout differs after editing ") +
                                         p.toString());
                }
                const LineDiff diff = diffLines(original, doc.text());
                const int firstLine = loc->line - 1;
                const int lastLine = int(original.left(loc->offset + loc->length).count('\n'));
                if (diff.first < firstLine || diff.lastBefore > lastLine || diff.first < 0)
                    failed(file, p.toString() +
                                     QStringLiteral(": lines %1-%2 changed, scalar is on %3-%4")
                                         .arg(diff.first + 1)
                                         .arg(diff.lastBefore + 1)
                                         .arg(firstLine + 1)
                                         .arg(lastLine + 1));
                if (!doc.apply(splice->inverted()) || doc.text() != original)
                    failed(file, p.toString() + QStringLiteral(": undo did not restore"));
            }

            // Insert a key into a few mappings, then remove it again.
            for (int i = 0; i < mappings.size() && i < 2; ++i) {
                YamlDocument doc = *loaded;
                const YamlPath p = mappings[i] / QStringLiteral("kanriInserted");
                const auto splice = doc.setScalar(p, QStringLiteral("x"), ScalarStyle::Keep, d);
                if (!splice) {
                    failed(file, p.toString() + QStringLiteral(": ") + splice.error().toString());
                    continue;
                }
                ++inserts;
                const LineDiff diff = diffLines(original, doc.text());
                // One new line in block style, or one line changed in flow style.
                const bool oneLine =
                    (diff.lastAfter - diff.first <= 0 && diff.lastBefore - diff.first <= 0) ||
                    (diff.lastBefore < diff.first && diff.lastAfter == diff.first);
                if (!oneLine && !original.isEmpty() && original.endsWith('\n'))
                    failed(file,
                           p.toString() + QStringLiteral(": insert changed more than one line"));
                if (doc.scalar(p, d).value_or(QString()) != QStringLiteral("x"))
                    failed(file, p.toString() + QStringLiteral(": inserted key not read back"));
                const auto removed = doc.remove(p, d);
                if (!removed || doc.text() != original)
                    failed(file,
                           p.toString() + QStringLiteral(": removing the new key did not restore"));
            }

            // Remove an existing key of a mapping with several keys.
            for (const YamlPath &m : std::as_const(mappings)) {
                const QStringList keys = loaded->keys(m, d);
                if (keys.size() < 2 ||
                    QSet<QString>(keys.begin(), keys.end()).size() != keys.size())
                    continue;
                YamlDocument doc = *loaded;
                const QString victim = keys.at(keys.size() / 2);
                const auto splice = doc.remove(m / victim, d);
                if (!splice && splice.error().message.contains(QLatin1String("anchor"))) {
                    // It held an anchor that an alias elsewhere still uses: refused, correctly.
                    QCOMPARE(doc.text(), original);
                    continue;
                }
                if (!splice) {
                    failed(file, (m / victim).toString() + QStringLiteral(": ") +
                                     splice.error().toString());
                    break;
                }
                ++removals;
                QStringList expected = keys;
                expected.removeAt(keys.size() / 2);
                if (doc.keys(m, d) != expected)
                    failed(file, (m / victim).toString() + QStringLiteral(": keys after removal"));
                for (const QString &k : std::as_const(expected)) {
                    const auto before = loaded->node(m / k, d);
                    const auto after = doc.node(m / k, d);
                    if (!before || !after || YAML::Dump(*before) != YAML::Dump(*after))
                        failed(file, (m / k).toString() + QStringLiteral(": sibling changed"));
                }
                break;
            }

            // Sequences: append an item, remove it; remove the first item.
            for (int i = 0; i < sequences.size() && i < 2; ++i) {
                const YamlPath &s = sequences[i];
                YamlDocument doc = *loaded;
                const int size = doc.size(s, d);
                const auto added = doc.insertItem(s, -1, YAML::Node("kanri-item"), d);
                if (!added) {
                    failed(file, s.toString() + QStringLiteral(": ") + added.error().toString());
                    continue;
                }
                ++itemEdits;
                if (doc.size(s, d) != size + 1 ||
                    doc.scalar(s / size, d).value_or(QString()) != QStringLiteral("kanri-item"))
                    failed(file, s.toString() + QStringLiteral(": appended item not read back"));
                const auto removed = doc.remove(s / size, d);
                if (!removed || doc.text() != original)
                    failed(file, s.toString() +
                                     QStringLiteral(": removing the new item did not restore"));
                if (size == 0)
                    continue;
                YamlDocument again = *loaded;
                const auto first = again.remove(s / 0, d);
                if (!first) {
                    failed(file, s.toString() + QStringLiteral(": ") + first.error().toString());
                    continue;
                }
                ++itemEdits;
                if (again.size(s, d) != std::max(size - 1, 0) &&
                    !(size == 1 && again.size(s, d) == 0))
                    failed(file, s.toString() + QStringLiteral(": size after removing item 0"));
            }
        }
    }
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
}

void TestYamlDocument::cleanupTestCase()
{
    if (m_corpusCounts[0] > 0)
        qInfo("corpus: %d files parsed, %d scalar edits, %d key inserts, %d key removals, %d "
              "item edits",
              m_corpusCounts[0], m_corpusCounts[1], m_corpusCounts[2], m_corpusCounts[3],
              m_corpusCounts[4]);
}

QTEST_GUILESS_MAIN(TestYamlDocument)
#include "tst_yamldocument.moc"
