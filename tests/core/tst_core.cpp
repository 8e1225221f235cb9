#include "core/fileio.h"
#include "core/result.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <fcntl.h>
#include <functional>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

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
    void readCostsFewSystemCalls();
    void readRegularFileRefusesWhatIsNotAFile();
    void writeIfUnchangedWritesOverWhatWasRead();
    void writeIfUnchangedCreatesWhenNothingWasThere();
    void writeIfUnchangedRefusesAChangedFile_data();
    void writeIfUnchangedRefusesAChangedFile();
    void escapedInMessages_data();
    void escapedInMessages();
    void writeKeepsTheMode();
    void writeOfANewFileFollowsTheUmask();
    void writeThroughASymbolicLink();
    void writeSaysAHardLinkWasSplit();
    void writeSaysWhyItFailed();
    void writeKeepsOwnerAndGroupAsRoot();
    void writeWarnsWhenTheOwnerCannotBeKept();
};

namespace {

QString shown(const Result<void> &r)
{
    return r ? QStringLiteral("(succeeded)") : r.error().toString();
}

mode_t modeOf(const QString &path)
{
    struct stat st = {};
    ::stat(QFile::encodeName(path).constData(), &st);
    return st.st_mode & 07777;
}

// Runs `body` in a forked child and returns what it wrote to the pipe, so a test can change
// what only a whole process can change (resource limits, its user) without touching this one.
QByteArray inChild(const std::function<QByteArray()> &body)
{
    int fds[2];
    if (::pipe(fds) != 0)
        return "pipe failed";
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::close(fds[0]);
        const QByteArray out = body();
        (void)!::write(fds[1], out.constData(), size_t(out.size()));
        ::_exit(0);
    }
    ::close(fds[1]);
    QByteArray out;
    char buffer[4096];
    ssize_t n;
    while ((n = ::read(fds[0], buffer, sizeof buffer)) > 0)
        out.append(buffer, n);
    ::close(fds[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    return out;
}

} // namespace

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

// A file read whole: stat, open, fstat, one read (the size fstat gave, no read that returns 0),
// close; readRegularFile, for a loader that stat'ed it itself, without the stat. A file larger
// than its first buffer still reads whole.
void TestCore::readCostsFewSystemCalls()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("f.yaml"));
    const QByteArray content(100000, 'x');
    QVERIFY(writeFileAtomic(path, content).has_value());
    quint64 before = fileSystemCalls();
    QCOMPARE(readFile(path).value(), content);
    QCOMPARE(fileSystemCalls() - before, quint64(5));
    before = fileSystemCalls();
    QCOMPARE(readRegularFile(path).value(), content);
    QCOMPARE(fileSystemCalls() - before, quint64(4));
    struct stat st = {};
    before = fileSystemCalls();
    QCOMPARE(statPath(path, &st, FollowLinks::No), 0);
    QCOMPARE(fileSystemCalls() - before, quint64(1));
    QCOMPARE(qint64(st.st_size), qint64(content.size()));
    // An empty file: the read that returns 0 is the only way to know.
    const QString empty = dir.filePath(QStringLiteral("empty"));
    QVERIFY(writeFileAtomic(empty, {}).has_value());
    QCOMPARE(readRegularFile(empty).value(), QByteArray());
}

void TestCore::readRegularFileRefusesWhatIsNotAFile()
{
    QTemporaryDir dir;
    const auto folder = readRegularFile(dir.path());
    QVERIFY(!folder.has_value());
    QCOMPARE(folder.error().code, Error::Code::Io);
    QVERIFY(folder.error().message.contains(QStringLiteral("not a regular file")));
    // A FIFO (swapped in after the caller's stat) is opened without blocking and refused.
    const QString fifo = dir.filePath(QStringLiteral("fifo"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    const auto r = readRegularFile(fifo);
    QVERIFY(!r.has_value());
    QVERIFY(r.error().message.contains(QStringLiteral("FIFO")));
    const auto missing = readRegularFile(dir.filePath(QStringLiteral("none")));
    QVERIFY(!missing.has_value());
    QCOMPARE(missing.error().code, Error::Code::NotFound);
    QVERIFY(readRegularFile(dir.path() + QStringLiteral("/none"), 10).error().code ==
            Error::Code::NotFound);
    const QString big = dir.filePath(QStringLiteral("big"));
    QVERIFY(writeFileAtomic(big, QByteArray(100, 'y')).has_value());
    const auto capped = readRegularFile(big, 10);
    QVERIFY(!capped.has_value());
    QVERIFY(capped.error().message.contains(QStringLiteral("more than the limit")));
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

void TestCore::escapedInMessages_data()
{
    QTest::addColumn<Error>("error");
    QTest::addColumn<QString>("expected");
    QTest::newRow("an escape sequence in a file name")
        << Error{QStringLiteral("bad"), QStringLiteral("a\x1b[2J\x1b[31m.tf"), 1, 2,
                 Error::Code::Syntax}
        << QStringLiteral("a\\x1b[2J\\x1b[31m.tf:1:2: error: bad");
    QTest::newRow("an escape sequence in a quoted YAML key")
        << Error{QStringLiteral("unknown field \"evil\x1b]0;title\x07\""), QStringLiteral("k.yaml"),
                 3, 0, Error::Code::Syntax}
        << QStringLiteral("k.yaml:3: error: unknown field \"evil\\x1b]0;title\\x07\"");
    QTest::newRow("a right-to-left override and an isolate")
        << Error{QStringLiteral("key \u202egnp.exe\u2066x\u2069"), QStringLiteral("b\u202e.tf"), 0,
                 0, Error::Code::Syntax}
        << QStringLiteral("b\\u202e.tf: error: key \\u202egnp.exe\\u2066x\\u2069");
    QTest::newRow("a carriage return, a tab, DEL and a C1 control")
        << Error{QStringLiteral("one\rtwo\tthree\x7f\u009b"), {}, 0, 0, Error::Code::Generic}
        << QStringLiteral("error: one\\x0dtwo\\x09three\\x7f\\x9b");
    QTest::newRow("a line break in a file name is escaped, in a message kept")
        << Error{QStringLiteral("first problem\nsecond problem"), QStringLiteral("a\nb.tf"), 0, 0,
                 Error::Code::Usage}
        << QStringLiteral("a\\x0ab.tf: error: first problem\nsecond problem");
    QTest::newRow("printable text, backslashes and Japanese stay as they are")
        << Error{QStringLiteral("\\x1b is fine, 設定 too"), QStringLiteral("ü.tf"), 0, 0,
                 Error::Code::Generic}
        << QStringLiteral("ü.tf: error: \\x1b is fine, 設定 too");
}

void TestCore::escapedInMessages()
{
    QFETCH(Error, error);
    QFETCH(QString, expected);
    QCOMPARE(error.toString(), expected);
}

void TestCore::writeKeepsTheMode()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("run.sh"));
    QVERIFY(writeFileAtomic(path, "old").has_value());
    QCOMPARE(::chmod(QFile::encodeName(path).constData(), 0750), 0);
    QVERIFY(writeFileAtomic(path, "new").has_value());
    QCOMPARE(modeOf(path), mode_t(0750));
    QCOMPARE(::chmod(QFile::encodeName(path).constData(), 0604), 0);
    QVERIFY(writeFileAtomicIfUnchanged(path, QByteArray("new"), "newer").has_value());
    QCOMPARE(modeOf(path), mode_t(0604));
}

void TestCore::writeOfANewFileFollowsTheUmask()
{
    QTemporaryDir dir;
    const mode_t old = ::umask(027);
    const auto r = writeFileAtomic(dir.filePath(QStringLiteral("new.tf")), "x");
    ::umask(old);
    QVERIFY2(r.has_value(), qPrintable(shown(r)));
    QCOMPARE(modeOf(dir.filePath(QStringLiteral("new.tf"))), mode_t(0640));
}

void TestCore::writeThroughASymbolicLink()
{
    // The link stays a link; the file it leads to (through a relative link, and a link to that
    // link) gets the content.
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("shared")));
    const QString real = dir.filePath(QStringLiteral("shared/common.tf"));
    QVERIFY(writeFileAtomic(real, "old").has_value());
    const QString link = dir.filePath(QStringLiteral("common.tf"));
    const QString linkToLink = dir.filePath(QStringLiteral("again.tf"));
    QCOMPARE(::symlink("shared/common.tf", QFile::encodeName(link).constData()), 0);
    QCOMPARE(::symlink("common.tf", QFile::encodeName(linkToLink).constData()), 0);

    QVERIFY(writeFileAtomicIfUnchanged(linkToLink, QByteArray("old"), "new").has_value());
    QVERIFY(QFileInfo(link).isSymLink());
    QVERIFY(QFileInfo(linkToLink).isSymLink());
    QCOMPARE(readFile(real).value(), QByteArray("new"));
    QCOMPARE(QDir(dir.filePath(QStringLiteral("shared"))).entryList(QDir::Files | QDir::Hidden),
             QStringList{QStringLiteral("common.tf")});

    // A dangling link creates the file it names.
    const QString dangling = dir.filePath(QStringLiteral("later.tf"));
    QCOMPARE(::symlink("shared/later.tf", QFile::encodeName(dangling).constData()), 0);
    QVERIFY(writeFileAtomicIfUnchanged(dangling, std::nullopt, "made").has_value());
    QVERIFY(QFileInfo(dangling).isSymLink());
    QCOMPARE(readFile(dir.filePath(QStringLiteral("shared/later.tf"))).value(), QByteArray("made"));

    // A loop of links is an error in the system's words, not a hang.
    const QString loop = dir.filePath(QStringLiteral("loop.tf"));
    QCOMPARE(::symlink("loop.tf", QFile::encodeName(loop).constData()), 0);
    const auto r = writeFileAtomic(loop, "x");
    QVERIFY(!r);
    QVERIFY2(r.error().message.contains(QLatin1String("symbolic links")), qPrintable(shown(r)));
}

void TestCore::writeSaysAHardLinkWasSplit()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("a.tf"));
    const QString other = dir.filePath(QStringLiteral("b.tf"));
    QVERIFY(writeFileAtomic(path, "old").has_value());
    QCOMPARE(::link(QFile::encodeName(path).constData(), QFile::encodeName(other).constData()), 0);
    WriteReport report;
    QVERIFY(writeFileAtomic(path, "new", &report).has_value());
    QCOMPARE(report.warnings,
             QStringList{QStringLiteral("it had 2 hard links; this name now has its own copy, the "
                                        "others keep the old content")});
    QCOMPARE(readFile(path).value(), QByteArray("new"));
    QCOMPARE(readFile(other).value(), QByteArray("old"));
    report.warnings.clear();
    QVERIFY(writeFileAtomic(path, "newer", &report).has_value());
    QCOMPARE(report.warnings, QStringList()); // one name now: nothing to say
}

void TestCore::writeSaysWhyItFailed()
{
    // A file size limit (RLIMIT_FSIZE, SIGXFSZ ignored) makes the write fail with EFBIG in a
    // child process: the message is the system's reason, the old content and the folder are as
    // they were. (ENOSPC takes the same path; a full file system cannot be made portably.)
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("big.tf"));
    QVERIFY(writeFileAtomic(path, "old content").has_value());
    const QByteArray message = inChild([&] {
        ::signal(SIGXFSZ, SIG_IGN);
        struct rlimit limit = {};
        ::getrlimit(RLIMIT_FSIZE, &limit);
        limit.rlim_cur = 4096;
        ::setrlimit(RLIMIT_FSIZE, &limit);
        const auto r = writeFileAtomic(path, QByteArray(64 * 1024, 'x'));
        return r ? QByteArray("(succeeded)") : r.error().toString().toUtf8();
    });
    QCOMPARE(QString::fromUtf8(message),
             path + QStringLiteral(": error: cannot write: ") + qt_error_string(EFBIG));
    QVERIFY(message.contains("File too large"));
    QCOMPARE(readFile(path).value(), QByteArray("old content"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
             QStringList{QStringLiteral("big.tf")});

    // A folder the temporary file cannot be created in.
    const auto r = writeFileAtomic(dir.filePath(QStringLiteral("no/such/folder.tf")), "x");
    QVERIFY(!r);
    QCOMPARE(r.error().message, QStringLiteral("cannot create a temporary file beside it: ") +
                                    qt_error_string(ENOENT));
    QVERIFY(!r.error().message.contains(QLatin1String("Unknown error")));
}

void TestCore::writeKeepsOwnerAndGroupAsRoot()
{
    if (::geteuid() != 0)
        QSKIP("keeping another user's owner and group needs root (CI runs the tests as root)");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("theirs.tf"));
    QVERIFY(writeFileAtomic(path, "old").has_value());
    const QByteArray name = QFile::encodeName(path);
    QCOMPARE(::chown(name.constData(), 4321, 4322), 0);
    QCOMPARE(::chmod(name.constData(), 02640), 0); // set-group-ID survives the chown
    WriteReport report;
    QVERIFY(writeFileAtomic(path, "new", &report).has_value());
    struct stat st = {};
    QCOMPARE(::stat(name.constData(), &st), 0);
    QCOMPARE(st.st_uid, uid_t(4321));
    QCOMPARE(st.st_gid, gid_t(4322));
    QCOMPARE(st.st_mode & 07777, mode_t(02640));
    QCOMPARE(report.warnings, QStringList());
}

void TestCore::writeWarnsWhenTheOwnerCannotBeKept()
{
    // A user who may write in the folder but not give the file away: the write happens (the
    // folder is theirs to change) and the report says whose the file was and whose it is now.
    if (::geteuid() != 0)
        QSKIP("making a file owned by another user needs root (CI runs the tests as root)");
    QTemporaryDir dir;
    QCOMPARE(::chmod(QFile::encodeName(dir.path()).constData(), 0777), 0);
    const QString path = dir.filePath(QStringLiteral("theirs.tf"));
    QVERIFY(writeFileAtomic(path, "old").has_value());
    QCOMPARE(::chown(QFile::encodeName(path).constData(), 4321, 4322), 0);
    QCOMPARE(::chmod(QFile::encodeName(path).constData(), 0666), 0);
    const QByteArray out = inChild([&] {
        if (::setgid(65534) != 0 || ::setuid(65534) != 0)
            return QByteArray("cannot become nobody");
        WriteReport report;
        const auto r = writeFileAtomic(path, "new", &report);
        return r ? report.warnings.join(u'|').toUtf8() : r.error().toString().toUtf8();
    });
    QCOMPARE(QString::fromUtf8(out),
             QStringLiteral("could not keep its owner and group 4321:4322 (%1); it now belongs "
                            "to 65534:65534")
                 .arg(qt_error_string(EPERM)));
    QCOMPARE(readFile(path).value(), QByteArray("new"));
}

QTEST_GUILESS_MAIN(TestCore)
#include "tst_core.moc"
