// Hostile files and races, through the library and through `kanri tf`/`kanri render` as the
// command line runs them (in process, with stderr captured): files that are not regular files,
// files over the size cap, a file changed between a command's read and its write, links out of
// the tree under `tf fmt --recursive`, and control characters from a repository in messages.
#include "app/cli/cmd_tf.h"
#include "app/cli/commands.h"
#include "core/fileio.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>

#include <cstdio>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace kanri;

namespace {

struct Run
{
    int status = -1;
    QString out;
    QString err;
};

// Runs a command in this process with stdout and stderr sent to files, and returns both.
Run capture(const std::function<int()> &command)
{
    QTemporaryFile out, err;
    if (!out.open() || !err.open())
        return {};
    std::fflush(stdout);
    std::fflush(stderr);
    const int savedOut = ::dup(1), savedErr = ::dup(2);
    ::dup2(out.handle(), 1);
    ::dup2(err.handle(), 2);
    Run run;
    run.status = command();
    std::fflush(stdout);
    std::fflush(stderr);
    ::dup2(savedOut, 1);
    ::dup2(savedErr, 2);
    ::close(savedOut);
    ::close(savedErr);
    out.seek(0);
    err.seek(0);
    run.out = QString::fromUtf8(out.readAll());
    run.err = QString::fromUtf8(err.readAll());
    return run;
}

Run tf(const QStringList &args, const cli::BeforeWrite &beforeWrite = {})
{
    return capture([&] { return cli::runTfWith(args, beforeWrite); });
}

QByteArray native(const QString &path)
{
    return QFile::encodeName(path);
}

bool write(const QString &path, const QByteArray &bytes)
{
    return writeFileAtomic(path, bytes).has_value();
}

const QByteArray kAccounts = "accounts = {\n"
                             "  dev = {\n"
                             "    id    = \"111\"\n"
                             "    owner = \"team-a\"\n"
                             "  }\n"
                             "  prd = {\n"
                             "    id = \"222\"\n"
                             "  }\n"
                             "}\n";

} // namespace

class TestSafeFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readRefusesWhatIsNotARegularFile_data();
    void readRefusesWhatIsNotARegularFile();
    void readRefusesAFileOverTheCap();
    void everyEditRefusesAFileChangedSinceItWasRead_data();
    void everyEditRefusesAFileChangedSinceItWasRead();
    void anEditOfAnUnchangedFileIsWritten();
    void fmtRecursiveStaysInTheTree();
    void tfSaysWhenTheOwnerCannotBeKept();
    void controlCharactersAreEscapedOnTheCommandLine();
    void yamlKeyControlCharactersAreEscapedOnTheCommandLine();
    void renderSaysWhenItsOutputCannotBeWritten();
};

void TestSafeFiles::readRefusesWhatIsNotARegularFile_data()
{
    // How to make the hostile file in DIR (returns its path), and what the message says.
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("message");
    QTest::newRow("a FIFO: refused without waiting for a writer")
        << QStringLiteral("fifo") << QStringLiteral("is a FIFO, not a regular file; not read");
    QTest::newRow("a link to a FIFO")
        << QStringLiteral("link-fifo")
        << QStringLiteral("leads to a FIFO, not a regular file; not read");
    QTest::newRow("a link to /dev/zero")
        << QStringLiteral("link-zero")
        << QStringLiteral("leads to a character device, not a regular file; not read");
    QTest::newRow("a character device") << QStringLiteral("device")
                                        << QStringLiteral("is a character device, not a regular "
                                                          "file; not read");
    QTest::newRow("a UNIX socket")
        << QStringLiteral("socket") << QStringLiteral("is a socket, not a regular file; not read");
    QTest::newRow("a folder named like a file")
        << QStringLiteral("folder") << QStringLiteral("is a folder, not a regular file; not read");
}

void TestSafeFiles::readRefusesWhatIsNotARegularFile()
{
    QFETCH(QString, kind);
    QFETCH(QString, message);
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("main.tf"));
    if (kind == u"fifo" || kind == u"link-fifo") {
        const QString fifo = dir.filePath(QStringLiteral("pipe"));
        QCOMPARE(::mkfifo(native(fifo).constData(), 0600), 0);
        if (kind == u"fifo")
            path = fifo;
        else
            QCOMPARE(::symlink("pipe", native(path).constData()), 0);
    } else if (kind == u"link-zero") {
        QCOMPARE(::symlink("/dev/zero", native(path).constData()), 0);
    } else if (kind == u"device") {
        path = QStringLiteral("/dev/null");
    } else if (kind == u"socket") {
        path = dir.filePath(QStringLiteral("s.tf"));
        const int s = ::socket(AF_UNIX, SOCK_STREAM, 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        std::strncpy(address.sun_path, native(path).constData(), sizeof address.sun_path - 1);
        QCOMPARE(::bind(s, reinterpret_cast<sockaddr *>(&address), sizeof address), 0);
        ::close(s);
    } else if (kind == u"folder") {
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("main.tf")));
    }

    QElapsedTimer timer;
    timer.start();
    const auto r = readFile(path);
    QVERIFY(!r);
    QCOMPARE(r.error().code, Error::Code::Io);
    QCOMPARE(r.error().message, message);
    QCOMPARE(r.error().file, path);

    // The command line says the same, located, and exits non-zero.
    const Run run = tf({QStringLiteral("get"), path, QStringLiteral("accounts")});
    QCOMPARE(run.status, 2);
    QCOMPARE(run.err, path + QStringLiteral(": error: ") + message + QLatin1Char('\n'));
    QVERIFY2(timer.elapsed() < 5000, "a read waited on the file");
}

void TestSafeFiles::readRefusesAFileOverTheCap()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("big.tf"));
    QVERIFY(write(path, QByteArray(1000, '#')));
    auto r = readFile(path, 100);
    QVERIFY(!r);
    QCOMPARE(r.error().message,
             QStringLiteral("1000 bytes, more than the limit of 100 bytes; not read"));
    QCOMPARE(readFile(path, 1000).value().size(), 1000);

    // The default cap, on a sparse file that takes no room: refused before a byte is read.
    const QString huge = dir.filePath(QStringLiteral("huge.tf"));
    {
        QFile f(huge);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.resize(kReadFileCap + 1));
    }
    QElapsedTimer timer;
    timer.start();
    r = readFile(huge);
    QVERIFY(!r);
    QCOMPARE(r.error().message,
             QStringLiteral("%1 bytes, more than the limit of %2 bytes; not read")
                 .arg(kReadFileCap + 1)
                 .arg(kReadFileCap));
    QVERIFY(timer.elapsed() < 1000);
    const Run run = tf({QStringLiteral("fmt"), huge});
    QCOMPARE(run.status, 2);
    QVERIFY2(run.err.startsWith(huge + QStringLiteral(": error: 67108865 bytes, more than")),
             qPrintable(run.err));
}

void TestSafeFiles::everyEditRefusesAFileChangedSinceItWasRead_data()
{
    QTest::addColumn<QStringList>("args"); // FILE is inserted after the subcommand
    QTest::newRow("set a field") << QStringList{
        QStringLiteral("set"), QStringLiteral("accounts.dev.id"), QStringLiteral("\"333\"")};
    QTest::newRow("unset a field")
        << QStringList{QStringLiteral("unset"), QStringLiteral("accounts.dev.owner")};
    QTest::newRow("add an entry") << QStringList{
        QStringLiteral("add"), QStringLiteral("accounts.stg"), QStringLiteral("{\"id\": \"444\"}")};
    QTest::newRow("remove an entry")
        << QStringList{QStringLiteral("remove"), QStringLiteral("accounts.prd")};
    QTest::newRow("rename an entry") << QStringList{
        QStringLiteral("rename"), QStringLiteral("accounts.prd"), QStringLiteral("prod")};
    QTest::newRow("format a file") << QStringList{QStringLiteral("fmt")};
}

void TestSafeFiles::everyEditRefusesAFileChangedSinceItWasRead()
{
    // Between the command's read and its write someone else saves the file: the command
    // refuses, says so in the agreed words, exits non-zero, and their change is on disk.
    QFETCH(QStringList, args);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("accounts.tfvars"));
    const QByteArray original = args.first() == u"fmt" ? QByteArray("a   = 1\n") : kAccounts;
    QVERIFY(write(path, original));
    args.insert(1, path);
    const QByteArray theirs = original + "# saved by someone else meanwhile\n";
    int calls = 0;
    const Run run = tf(args, [&](const QString &file) {
        ++calls;
        QCOMPARE(file, path);
        QVERIFY(write(file, theirs));
    });
    QCOMPARE(calls, 1);
    QCOMPARE(run.err, path + QStringLiteral(": error: changed on disk since it was read; not "
                                            "overwritten (run the command again)\n"));
    QCOMPARE(run.status, 2);
    QCOMPARE(readFile(path).value(), theirs);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
             QStringList{QStringLiteral("accounts.tfvars")});
}

void TestSafeFiles::anEditOfAnUnchangedFileIsWritten()
{
    // The same command with nobody writing in between writes its edit (the check is not a
    // refusal of every write).
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("accounts.tfvars"));
    QVERIFY(write(path, kAccounts));
    int calls = 0;
    const Run run = tf(
        {QStringLiteral("set"), path, QStringLiteral("accounts.dev.id"), QStringLiteral("\"333\"")},
        [&](const QString &) { ++calls; });
    QCOMPARE(run.err, QString());
    QCOMPARE(run.status, 0);
    QCOMPARE(calls, 1);
    QVERIFY(readFile(path).value().contains("\"333\""));
}

void TestSafeFiles::fmtRecursiveStaysInTheTree()
{
    // root/a.tf, root/sub/b.tf             formatted
    // root/out -> ../outside (a folder)    not descended, said on stderr
    // root/shared.tf -> ../outside/d.tf    not rewritten, said on stderr
    // root/same.tf -> sub/b.tf             inside the tree: written through, stays a link
    // root/sub/loop -> ..                  not descended (no endless recursion)
    QTemporaryDir dir;
    const QString root = dir.filePath(QStringLiteral("root"));
    const QString outside = dir.filePath(QStringLiteral("outside"));
    QVERIFY(QDir().mkpath(root + QStringLiteral("/sub")));
    QVERIFY(QDir().mkpath(outside));
    const QByteArray messy = "x   = 1\nlonger = 2\n";
    const QByteArray tidy = "x      = 1\nlonger = 2\n";
    for (const QString &f : {root + QStringLiteral("/a.tf"), root + QStringLiteral("/sub/b.tf"),
                             outside + QStringLiteral("/c.tf"), outside + QStringLiteral("/d.tf")})
        QVERIFY(write(f, messy));
    QCOMPARE(::symlink("../outside", native(root + QStringLiteral("/out")).constData()), 0);
    QCOMPARE(::symlink("../outside/d.tf", native(root + QStringLiteral("/shared.tf")).constData()),
             0);
    QCOMPARE(::symlink("sub/b.tf", native(root + QStringLiteral("/same.tf")).constData()), 0);
    QCOMPARE(::symlink("..", native(root + QStringLiteral("/sub/loop")).constData()), 0);

    const Run run = tf({QStringLiteral("fmt"), QStringLiteral("--recursive"), root});
    QCOMPARE(run.status, 0);
    QCOMPARE(readFile(root + QStringLiteral("/a.tf")).value(), tidy);
    QCOMPARE(readFile(root + QStringLiteral("/sub/b.tf")).value(), tidy);
    QCOMPARE(readFile(outside + QStringLiteral("/c.tf")).value(), messy);
    QCOMPARE(readFile(outside + QStringLiteral("/d.tf")).value(), messy);
    QVERIFY(QFileInfo(root + QStringLiteral("/same.tf")).isSymLink());
    QVERIFY(QFileInfo(root + QStringLiteral("/shared.tf")).isSymLink());
    const QString canonicalOutside = QFileInfo(outside).canonicalFilePath();
    QCOMPARE(run.err, root + QStringLiteral("/out: note: a link to a folder out of the tree (") +
                          canonicalOutside + QStringLiteral("); not descended\n") + root +
                          QStringLiteral("/shared.tf: note: a link out of the tree (") +
                          canonicalOutside + QStringLiteral("/d.tf); not formatted\n"));
}

void TestSafeFiles::tfSaysWhenTheOwnerCannotBeKept()
{
    // A user who may write in the folder but not give the file back to its owner: `kanri tf`
    // edits the file and says on stderr whose it was and whose it is now.
    if (::geteuid() != 0)
        QSKIP("making a file owned by another user needs root (CI runs the tests as root)");
    QTemporaryDir dir;
    QCOMPARE(::chmod(native(dir.path()).constData(), 0777), 0);
    const QString path = dir.filePath(QStringLiteral("accounts.tfvars"));
    QVERIFY(write(path, kAccounts));
    QCOMPARE(::chown(native(path).constData(), 4321, 4322), 0);
    QCOMPARE(::chmod(native(path).constData(), 0666), 0);
    QTemporaryFile report;
    QVERIFY(report.open());
    const pid_t pid = ::fork();
    if (pid == 0) {
        if (::setgid(65534) != 0 || ::setuid(65534) != 0)
            ::_exit(100);
        const Run run = tf({QStringLiteral("set"), path, QStringLiteral("accounts.dev.id"),
                            QStringLiteral("\"333\"")});
        const QByteArray text = QByteArray::number(run.status) + '\n' + run.err.toUtf8();
        (void)!::write(report.handle(), text.constData(), size_t(text.size()));
        ::_exit(0);
    }
    int status = 0;
    QCOMPARE(::waitpid(pid, &status, 0), pid);
    QCOMPARE(WEXITSTATUS(status), 0);
    report.seek(0);
    QCOMPARE(QString::fromUtf8(report.readAll()),
             QStringLiteral("0\n%1: warning: could not keep its owner and group 4321:4322 (%2); it "
                            "now belongs to 65534:65534\n")
                 .arg(path, qt_error_string(EPERM)));
    QVERIFY(readFile(path).value().contains("\"333\""));
}

void TestSafeFiles::controlCharactersAreEscapedOnTheCommandLine()
{
    // A file name with an escape sequence and a right-to-left override, holding a syntax error.
    QTemporaryDir dir;
    const QString name = QStringLiteral("evil\x1b[2J\x1b]0;owned\x07\u202Efd.tf");
    const QString path = dir.filePath(name);
    QVERIFY(write(path, "locals {\n  a = \n"));
    const Run run = tf({QStringLiteral("maps"), path});
    QCOMPARE(run.status, 2);
    QVERIFY2(run.err.startsWith(dir.path() +
                                QStringLiteral("/evil\\x1b[2J\\x1b]0;owned\\x07\\u202efd.tf:")),
             qPrintable(run.err));
    for (QChar c : run.err.chopped(1))
        QVERIFY2(c.unicode() >= 0x20 && c.unicode() != 0x7f && c.unicode() != 0x202e,
                 qPrintable(run.err));
}

void TestSafeFiles::yamlKeyControlCharactersAreEscapedOnTheCommandLine()
{
    // A kustomization whose unknown field carries ESC sequences and a bidi override (written
    // with YAML's own escapes): `kanri render` names the field, escaped.
    QTemporaryDir dir;
    QVERIFY(write(dir.filePath(QStringLiteral("kustomization.yaml")),
                  "apiVersion: kustomize.config.k8s.io/v1beta1\n"
                  "kind: Kustomization\n"
                  "\"evil\\e[31m\\u202Ekey\": 1\n"));
    const Run run = capture([&] { return cli::runRender({dir.path()}); });
    QVERIFY(run.status != 0);
    QVERIFY2(run.err.contains(QStringLiteral("evil\\x1b[31m\\u202ekey")), qPrintable(run.err));
    for (QChar c : run.err)
        QVERIFY2(c == u'\n' || (c.unicode() >= 0x20 && c.unicode() != 0x7f &&
                                c.unicode() != 0x202e && c.unicode() != 0x9b),
                 qPrintable(run.err));
}

void TestSafeFiles::renderSaysWhenItsOutputCannotBeWritten()
{
    // stdout on a full device: the write fails, and `kanri render` says so and exits 1 rather
    // than leaving a truncated stream behind a success.
    if (!QFileInfo::exists(QStringLiteral("/dev/full")))
        QSKIP("no /dev/full here");
    QTemporaryDir dir;
    QVERIFY(write(dir.filePath(QStringLiteral("kustomization.yaml")), "resources:\n- cm.yaml\n"));
    QVERIFY(write(dir.filePath(QStringLiteral("cm.yaml")),
                  "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: full\n"));
    QFile full(QStringLiteral("/dev/full"));
    QVERIFY(full.open(QIODevice::WriteOnly));
    QTemporaryFile err;
    QVERIFY(err.open());
    std::fflush(stdout);
    std::fflush(stderr);
    const int savedOut = ::dup(1), savedErr = ::dup(2);
    ::dup2(full.handle(), 1);
    ::dup2(err.handle(), 2);
    const int status = cli::runRender({dir.path()});
    std::fflush(stderr);
    ::dup2(savedOut, 1);
    ::dup2(savedErr, 2);
    ::close(savedOut);
    ::close(savedErr);
    err.seek(0);
    const QString message = QString::fromUtf8(err.readAll());
    QCOMPARE(status, 1);
    QVERIFY2(message.contains(QStringLiteral("kanri render: error: cannot write the output: ")),
             qPrintable(message));

    // The same render into a file succeeds (the failure above was the write's).
    const Run run = capture([&] { return cli::runRender({dir.path()}); });
    QCOMPARE(run.status, 0);
    QVERIFY2(run.out.contains(QStringLiteral("name: full")), qPrintable(run.out));
}

QTEST_GUILESS_MAIN(TestSafeFiles)
#include "tst_safefiles.moc"
