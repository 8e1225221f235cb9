// Every real file of the HCL corpus (../shared/conformance/hcl), alone and with the other files
// of its folder, as a root module: the evaluation never crashes or hangs (bounded time), a file
// that does not parse is a syntax error with its position, and everything that cannot be
// evaluated is said: each note has a position or a file name, and every resource or module
// whose instances are not listed is named in a note.
#include "terraform/tfevaluator.h"
#include "terraform/tfimpact.h"

#include "tests/testsupport/testutil.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace kanri::terraform;

namespace {

QString corpusDir()
{
    return kanri::test::sharedSubdir(QStringLiteral("conformance/hcl/files"));
}

// The name a corpus file takes in a module: the part after its owner__repo__ prefix, folders
// flattened (the evaluator reads one folder as one module).
QString moduleName(const QString &corpusName)
{
    QString base = corpusName.section(QStringLiteral("__"), -1);
    if (base.endsWith(QStringLiteral(".hcl")) || base.endsWith(QStringLiteral(".t")) ||
        base.endsWith(QStringLiteral(".tofu")))
        base = base.section(u'.', 0, 0) + QStringLiteral(".tf");
    return base;
}

// owner__repo__dir of a corpus file: the files of one folder form one module.
QString folderOf(const QString &corpusName)
{
    return corpusName.section(QStringLiteral("__"), 0, -2);
}

} // namespace

class TestTfCorpus : public QObject
{
    Q_OBJECT

private slots:
    void evaluation_data()
    {
        QTest::addColumn<TfFiles>("files");
        QTest::addColumn<bool>("parses");
        const QDir dir(corpusDir());
        QMap<QString, TfFiles> folders;
        QMap<QString, bool> folderParses;
        for (const QString &name : dir.entryList(QDir::Files, QDir::Name)) {
            if (name.endsWith(QStringLiteral(".expect.json")) ||
                name.endsWith(QStringLiteral(".md")))
                continue;
            const QByteArray bytes = kanri::test::readAll(dir.filePath(name));
            const QJsonObject expect =
                QJsonDocument::fromJson(kanri::test::readAll(dir.filePath(name + ".expect.json")))
                    .object();
            const bool parses = expect.value(QStringLiteral("parse_ok")).toBool(true);
            TfFiles files;
            files.insert(moduleName(name), bytes);
            QTest::addRow("%s alone", qPrintable(name)) << files << parses;
            folders[folderOf(name)].insert(moduleName(name), bytes);
            folderParses[folderOf(name)] = folderParses.value(folderOf(name), true) && parses;
        }
        for (auto it = folders.begin(); it != folders.end(); ++it)
            if (it->size() > 1)
                QTest::addRow("folder %s", qPrintable(it.key())) << *it << folderParses[it.key()];
    }

    void evaluation()
    {
        QFETCH(TfFiles, files);
        QFETCH(bool, parses);
        QElapsedTimer t;
        t.start();
        auto same = computeImpact(files, files);
        auto fromNothing = computeImpact(TfFiles(), files);
        QVERIFY2(t.elapsed() < 10000, "the evaluation took more than 10 s");
        if (!parses) {
            QVERIFY(!same.has_value());
            QCOMPARE(same.error().code, kanri::Error::Code::Syntax);
            QVERIFY(same.error().line > 0);
            return;
        }
        QVERIFY2(same.has_value(), qPrintable(same.error().toString()));
        QVERIFY2(fromNothing.has_value(), qPrintable(fromNothing.error().toString()));
        QVERIFY(same->isEmpty()); // a module compared with itself changes nothing
        QCOMPARE(fromNothing->toRemove(), 0);
        // Every note says where: "file:line:col: what" or "file: what".
        const QRegularExpression where(QStringLiteral("^[^:\\s]+(:\\d+:\\d+)?: \\S"));
        for (const QString &n : std::as_const(fromNothing->notEvaluated))
            QVERIFY2(where.match(n).hasMatch(), qPrintable(n));
        auto ev = evaluateModule(files);
        QVERIFY(ev.has_value());
        for (const QString &prefix : std::as_const(ev->unknownPrefixes))
            QVERIFY2(std::any_of(ev->notes.begin(), ev->notes.end(),
                                 [&](const QString &n) { return n.contains(prefix); }),
                     qPrintable(prefix + QStringLiteral(" is left out without a note")));
        // Every instance listed is added when the module is new.
        QCOMPARE(qsizetype(fromNothing->toAdd()), qsizetype(ev->instances.size()));
    }
};

KANRI_TEST_MAIN_IF(TestTfCorpus, QCoreApplication, !corpusDir().isEmpty(),
                   "../shared/conformance/hcl (KANRI_SHARED) is absent: no corpus to evaluate")
#include "tst_tfcorpus.moc"
