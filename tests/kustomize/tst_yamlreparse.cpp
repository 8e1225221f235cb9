#include "tests/testsupport/testutil.h"
#include "yaml/yamlvalue.h"

#include <QDirIterator>
#include <QFile>
#include <QTest>

using kanri::yaml::ParseIndex;
using kanri::yaml::ParseLimits;
using kanri::yaml::Value;

// yaml::reparseEdited splices an edit inside one scalar into parsed documents. Whatever it
// accepts must give exactly the documents (types and texts) and the index that a full parse of
// the new text gives; whatever a full parse refuses it must refuse.
class TestYamlReparse : public QObject
{
    Q_OBJECT

private:
    struct Tally
    {
        int accepted = 0, refused = 0;
    };

    static bool sameIndex(const ParseIndex &a, const ParseIndex &b)
    {
        if (a.nodes.size() != b.nodes.size() || a.scalars.size() != b.scalars.size())
            return false;
        for (size_t i = 0; i < a.nodes.size(); ++i)
            if (a.nodes[i].parent != b.nodes[i].parent || a.nodes[i].index != b.nodes[i].index)
                return false;
        for (size_t i = 0; i < a.scalars.size(); ++i) {
            const auto &x = a.scalars[i], &y = b.scalars[i];
            if (x.start != y.start || x.end != y.end || x.parent != y.parent ||
                x.index != y.index || x.style != y.style)
                return false;
        }
        return true;
    }

    // Edits every `step`-th indexed scalar of `text` in several ways and checks each splice
    // against a full parse.
    static void checkEdits(const QByteArray &text, const ParseLimits &limits, size_t step,
                           Tally &tally)
    {
        ParseIndex index;
        auto docs = kanri::yaml::parseDocuments(text, {}, limits, &index);
        QVERIFY(docs);
        const std::vector<ParseIndex::Scalar> scalars = index.scalars;
        // Replacements of the token's bytes [from, to) (offsets from its start; -1: its end).
        struct Edit
        {
            int from, to;
            QByteArray with;
        };
        const Edit edits[] = {
            {-1, -1, "x"},       {-1, -1, " more words"},
            {0, 0, "a"},         {1, 1, "Q"},
            {1, 2, ""},          {0, -1, "42"},
            {0, -1, "true"},     {0, -1, "null"},
            {0, -1, "1.50"},     {0, -1, "2001-12-14"},
            {0, -1, "yes"},      {1, 1, ": "},
            {1, 1, " #c"},       {-1, -1, ":"},
            {0, 0, "-"},         {0, 0, "&a "},
            {0, 0, "'"},         {0, 0, "\""},
            {1, 1, "'"},         {1, 1, "\""},
            {1, 1, "''"},        {1, 1, "\\"},
            {1, 1, "\n"},        {-1, -1, " "},
            {0, -1, ""},         {1, 1, "\t"},
            {-1, -1, "\n  # c"}, {1, 1, "\xC2\x85"},
            {1, 1, "\xC3\xA9"},  {1, 1, "\x01"},
            {0, -1, "[a, b]"},   {0, -1, "{a: 1}"},
            {1, 1, " "},         {0, 1, ""},
            {-2, -1, ""},        {0, -1, "a: b"},
        };
        for (size_t s = 0; s < scalars.size(); s += step) {
            const auto &sc = scalars[s];
            const int len = int(sc.end - sc.start);
            for (const Edit &e : edits) {
                const int from = e.from < 0 ? len + e.from + 1 : e.from;
                const int to = e.to < 0 ? len + e.to + 1 : e.to;
                if (from < 0 || to > len || from > to)
                    continue;
                QByteArray edited = text;
                edited.replace(qsizetype(sc.start) + from, to - from, e.with);
                std::vector<Value> spliced = *docs;
                ParseIndex splicedIndex = index;
                const bool ok =
                    kanri::yaml::reparseEdited(text, edited, limits, spliced, splicedIndex);
                ParseIndex fullIndex;
                const auto full = kanri::yaml::parseDocuments(edited, {}, limits, &fullIndex);
                if (!ok) {
                    ++tally.refused;
                    QVERIFY(spliced == *docs); // untouched
                    continue;
                }
                ++tally.accepted;
                if (!full)
                    QFAIL(qPrintable(QStringLiteral("spliced an edit a full parse refuses: %1")
                                         .arg(QString::fromUtf8(edited.mid(sc.start, len + 8)))));
                if (!(spliced == *full))
                    QFAIL(qPrintable(QStringLiteral("spliced documents differ after: %1")
                                         .arg(QString::fromUtf8(edited.mid(sc.start, len + 8)))));
                QVERIFY2(sameIndex(splicedIndex, fullIndex),
                         qPrintable(QString::fromUtf8(edited.mid(sc.start, len + 8))));
            }
        }
    }

private Q_SLOTS:
    void spliceEqualsFullParse_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("kio");
        QTest::addColumn<bool>("yaml11");
        QTest::newRow("plain, quoted and numeric values of a mapping")
            << QByteArray("a: plain value\nb: 'single it''s'\nc: \"double\"\nd: 3\n"
                          "e:\n  f: nested # comment\n  g: x:y\n")
            << false << false;
        QTest::newRow("sequences of values and of mappings")
            << QByteArray("items:\n- one\n- 'two'\n- name: three\n  image: repo/x:1.2\n"
                          "- - deep\n  - deeper\n")
            << false << false;
        QTest::newRow("a plain value folded over lines, with an empty line")
            << QByteArray("spec:\n  description: first line of text\n    continues here\n\n"
                          "    after a blank line\n  other: value\n")
            << false << false;
        QTest::newRow("flow collections are left to a full parse")
            << QByteArray("a: [x, y]\nb: {c: d}\nc: plain\n") << false << false;
        QTest::newRow("anchors and aliases are left to a full parse")
            << QByteArray("a: &x value\nb: *x\nc: plain\n") << false << false;
        QTest::newRow("a merge key is left to a full parse")
            << QByteArray("base: &b {k: v}\nm:\n  <<: *b\n  z: plain\n") << false << false;
        QTest::newRow("documents cut as kyaml cuts them, with non-ASCII text")
            << QByteArray("kind: A\nmetadata:\n  name: caf\xC3\xA9 one\n---\n# c\nkind: B\n"
                          "data:\n  k: v\xC3\xA9rit\xC3\xA9\n  n: 'x'\n")
            << true << false;
        QTest::newRow("a kustomization read as YAML 1.1")
            << QByteArray("namePrefix: dev-\nresources:\n- a.yaml\nimages:\n- name: x\n"
                          "  newTag: on\n")
            << false << true;
        QTest::newRow("repeated keys are left to a full parse")
            << QByteArray("a: 1\nb: two\na: 3\n") << false << true;
    }
    void spliceEqualsFullParse()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, kio);
        QFETCH(bool, yaml11);
        ParseLimits limits;
        limits.kioSplit = kio;
        if (yaml11) {
            limits.yaml11 = true;
            limits.duplicateKeys = ParseLimits::DuplicateKeys::KeepLast;
        }
        Tally tally;
        checkEdits(text, limits, 1, tally);
        if (QTest::currentTestFailed())
            return;
        if (QByteArray(QTest::currentDataTag()).contains("left to a full parse"))
            return;
        QVERIFY2(tally.accepted > 10, "the incremental path was not taken");
        QVERIFY(tally.refused > 10);
    }

    void recordsOnlyWhatIsLocal()
    {
        ParseIndex index;
        auto docs = kanri::yaml::parseDocuments("a: &x v\nb: *x\n", {}, {}, &index);
        QVERIFY(docs);
        QVERIFY(index.scalars.empty());
        docs = kanri::yaml::parseDocuments("a: [x, y]\nb: \"e\\n\"\nc: |\n  lit\n", {}, {}, &index);
        QVERIFY(docs);
        QVERIFY(index.scalars.empty());
        docs = kanri::yaml::parseDocuments("a: v\nb:\n- w\n", {}, {}, &index);
        QVERIFY(docs);
        QCOMPARE(index.scalars.size(), size_t(2));
    }

    // The large CRDs of the real-world corpus (../shared), sampled.
    void spliceEqualsFullParseOnRealCrds()
    {
        const QString root =
            kanri::test::sharedSubdir(QStringLiteral("conformance/kustomize-real"));
        if (root.isEmpty())
            QSKIP("../shared/conformance/kustomize-real not found (KANRI_SHARED)");
        QStringList files;
        QDirIterator it(root + QStringLiteral("/cases"), {QStringLiteral("*.yaml")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString f = it.next();
            if (QFileInfo(f).size() > 300 * 1024 && !f.endsWith(QLatin1String("expected.yaml")))
                files << f;
        }
        files.sort();
        QVERIFY(!files.isEmpty());
        files = files.mid(0, 1);
        ParseLimits limits;
        limits.kioSplit = true;
        Tally tally;
        for (const QString &f : files) {
            QFile in(f);
            QVERIFY(in.open(QIODevice::ReadOnly));
            checkEdits(in.readAll(), limits, 5000, tally);
            if (QTest::currentTestFailed())
                return;
        }
        QVERIFY(tally.accepted > 20);
    }
};

QTEST_GUILESS_MAIN(TestYamlReparse)
#include "tst_yamlreparse.moc"
