#include "core/fileio.h"
#include "core/result.h"

#include <QTemporaryDir>
#include <QTest>

using namespace kanri;

class TestCore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void errorFormat_data();
    void errorFormat();
    void atomicWriteReplacesContent();
    void atomicWriteFailureKeepsOldContent();
    void readMissingFileIsNotFound();
    void writeIfUnchangedWritesOverWhatWasRead();
    void writeIfUnchangedCreatesWhenNothingWasThere();
    void writeIfUnchangedRefusesAChangedFile_data();
    void writeIfUnchangedRefusesAChangedFile();
};

void TestCore::errorFormat_data()
{
    QTest::addColumn<Error>("error");
    QTest::addColumn<QString>("expected");
    QTest::newRow("file, line and column")
        << Error{QStringLiteral("unexpected '}'"), QStringLiteral("a.tf"), 3, 7,
                 Error::Code::Syntax}
        << QStringLiteral("a.tf:3:7: error: unexpected '}'");
    QTest::newRow("file and line only")
        << Error{QStringLiteral("bad"), QStringLiteral("b.yaml"), 12, 0, Error::Code::Syntax}
        << QStringLiteral("b.yaml:12: error: bad");
    QTest::newRow("no file") << Error{QStringLiteral("nothing to do"), {}, 0, 0, Error::Code::Usage}
                             << QStringLiteral("error: nothing to do");
}

void TestCore::errorFormat()
{
    QFETCH(Error, error);
    QFETCH(QString, expected);
    QCOMPARE(error.toString(), expected);
}

void TestCore::atomicWriteReplacesContent()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("f.txt"));
    QVERIFY(writeFileAtomic(path, "one").has_value());
    QVERIFY(writeFileAtomic(path, "two").has_value());
    QCOMPARE(readFile(path).value(), QByteArray("two"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1); // no temporary left behind
}

void TestCore::atomicWriteFailureKeepsOldContent()
{
    // The target is a folder holding a file: the rename over it fails, and both the folder and
    // its content are left exactly as they were, with no temporary file beside them.
    QTemporaryDir dir;
    const QString target = dir.filePath(QStringLiteral("target"));
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("target")));
    QVERIFY(writeFileAtomic(target + QStringLiteral("/inside.txt"), "keep me").has_value());
    const auto result = writeFileAtomic(target, "lost");
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().code, Error::Code::Io);
    QVERIFY(QFileInfo(target).isDir());
    QCOMPARE(readFile(target + QStringLiteral("/inside.txt")).value(), QByteArray("keep me"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot).size(), 1);
}

void TestCore::readMissingFileIsNotFound()
{
    const auto r = readFile(QStringLiteral("/nonexistent/kanri/file"));
    QVERIFY(!r.has_value());
    QCOMPARE(r.error().code, Error::Code::NotFound);
    QVERIFY(!writeFileAtomic(QStringLiteral("/nonexistent/kanri/file"), "x").has_value());
}

void TestCore::writeIfUnchangedWritesOverWhatWasRead()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("f.tf"));
    QVERIFY(writeFileAtomic(path, "old").has_value());
    const auto r = writeFileAtomicIfUnchanged(path, QByteArray("old"), "new");
    QVERIFY2(r.has_value(), qPrintable(r ? QString() : r.error().toString()));
    QCOMPARE(readFile(path).value(), QByteArray("new"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);
}

void TestCore::writeIfUnchangedCreatesWhenNothingWasThere()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("new.tf"));
    QVERIFY(writeFileAtomicIfUnchanged(path, std::nullopt, "created").has_value());
    QCOMPARE(readFile(path).value(), QByteArray("created"));
}

void TestCore::writeIfUnchangedRefusesAChangedFile_data()
{
    // What the writer read (null: no file), what is on disk when it writes (null: no file).
    QTest::addColumn<QByteArray>("read");
    QTest::addColumn<QByteArray>("onDisk");
    QTest::newRow("the content was edited meanwhile")
        << QByteArray("a = 1\n") << QByteArray("a = 2\n");
    QTest::newRow("only a byte at the end was added")
        << QByteArray("a = 1\n") << QByteArray("a = 1\n\n");
    QTest::newRow("the file was emptied") << QByteArray("a = 1\n") << QByteArray("");
    QTest::newRow("the file was deleted") << QByteArray("a = 1\n") << QByteArray();
    QTest::newRow("a file appeared where there was none") << QByteArray() << QByteArray("b");
    QTest::newRow("an empty file appeared where there was none") << QByteArray() << QByteArray("");
}

void TestCore::writeIfUnchangedRefusesAChangedFile()
{
    QFETCH(QByteArray, read);
    QFETCH(QByteArray, onDisk);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("f.tf"));
    if (!onDisk.isNull())
        QVERIFY(writeFileAtomic(path, onDisk).has_value());
    const std::optional<QByteArray> expected =
        read.isNull() ? std::nullopt : std::optional<QByteArray>(read);
    const auto r = writeFileAtomicIfUnchanged(path, expected, "mine");
    QVERIFY(!r.has_value());
    QCOMPARE(r.error().code, Error::Code::Stale);
    QCOMPARE(r.error().file, path);
    QCOMPARE(r.error().message,
             QStringLiteral("changed on disk since it was read; not overwritten"));
    // Nothing written, no temporary file left.
    if (onDisk.isNull()) {
        QVERIFY(!QFileInfo::exists(path));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 0);
    } else {
        QCOMPARE(readFile(path).value(), onDisk);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);
    }
}

QTEST_GUILESS_MAIN(TestCore)
#include "tst_core.moc"
