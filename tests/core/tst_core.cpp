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

QTEST_GUILESS_MAIN(TestCore)
#include "tst_core.moc"
