// End-to-end tests of `kanri clone|status|branch|commit|push|pull` against a loopback
// git http-backend server.

#include "githttpserver.h"
#include "gittestrepo.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using kanri::test::GitHttpServer;

namespace {

const QString token = QStringLiteral("cli-token-5d2e8b1f");

struct Run
{
    int exitCode = -1;
    QString out, err;
};

// Runs kanri with the token in KANRI_GITHUB_TOKEN and no keychain (no D-Bus session).
Run runKanri(const QStringList &args, const QString &dir, const QString &tokenValue = token)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("GITHUB_TOKEN"));
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS")); // no keychain lookups in tests
    env.insert(QStringLiteral("KANRI_GITHUB_TOKEN"), tokenValue);
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(dir);
    p.start(kanri::test::kanriBinary(), args);
    Run r;
    if (!p.waitForStarted() || !p.waitForFinished(120000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

using kanri::test::configureIdentity;
using kanri::test::gitOut;
using kanri::test::makeServerRepository;
using kanri::test::readAll;
using kanri::test::writeFile;

void identity(const QString &dir)
{
    configureIdentity(dir, QStringLiteral("Cli Tester"), QStringLiteral("cli@example.invalid"));
}

} // namespace

class TestGitCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cloneWithWrongTokenFailsWithOneLineAndNoFolder();
    void cloneCommitPushStatusRoundTrip();
    void branchCreatesAndSwitches();
    void pushRejectedTellsToPullFirst();
    void pullWithConflictListsFilesAndChangesNothing();
    void usageErrorsExitWithTwo_data();
    void usageErrorsExitWithTwo();
};

void TestGitCli::initTestCase()
{
    QVERIFY2(!kanri::test::kanriBinary().isEmpty(), "KANRI_BINARY is not set (run through ctest)");
}

void TestGitCli::cloneWithWrongTokenFailsWithOneLineAndNoFolder()
{
    QTemporaryDir tmp;
    QVERIFY(makeServerRepository(tmp.path()));
    GitHttpServer server(tmp.path(), token);
    QVERIFY(server.start());
    const Run r = runKanri({"clone", server.url("repo.git"), "out"}, tmp.path(), "bad-token-77");
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err,
             QStringLiteral("error: authentication failed for %1\n").arg(server.url("repo.git")));
    QVERIFY(!r.err.contains("bad-token-77"));
    QVERIFY(!QFileInfo::exists(tmp.filePath("out")));
}

void TestGitCli::cloneCommitPushStatusRoundTrip()
{
    QTemporaryDir tmp;
    QVERIFY(makeServerRepository(tmp.path()));
    GitHttpServer server(tmp.path(), token);
    QVERIFY(server.start());
    Run r = runKanri({"clone", server.url("repo.git"), "work"}, tmp.path());
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QString work = tmp.filePath("work");
    QCOMPARE(readAll(work + "/shared.txt"), QByteArray("line 1\nline 2\nline 3\n"));
    QVERIFY(!readAll(work + "/.git/config").contains(token.toUtf8()));
    identity(work);

    r = runKanri({"status"}, work);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QStringLiteral("## main...origin/main\n"));

    writeFile(work + "/sub/new.txt", "new\n");
    writeFile(work + "/shared.txt", "changed\n");
    writeFile(work + "/other.txt", "not committed\n");
    r = runKanri({"status"}, work);
    QCOMPARE(r.out, QStringLiteral(
                        "## main...origin/main\n?? other.txt\n M shared.txt\n?? sub/new.txt\n"));

    // PATHs are relative to the current folder.
    r = runKanri({"commit", "-m", "add new", "new.txt", "../shared.txt"}, work + "/sub");
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.startsWith("[main "), qPrintable(r.out));
    QCOMPARE(gitOut({"log", "-1", "--format=%an %s"}, work), QStringLiteral("Cli Tester add new"));
    r = runKanri({"status"}, work);
    QCOMPARE(r.out, QStringLiteral("## main...origin/main [ahead 1]\n?? other.txt\n"));

    r = runKanri({"push"}, work);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(gitOut({"show", "main:sub/new.txt"}, tmp.filePath("repo.git")), QStringLiteral("new"));
    r = runKanri({"status"}, work);
    QCOMPARE(r.out, QStringLiteral("## main...origin/main\n?? other.txt\n"));

    r = runKanri({"commit", "-m", "everything", "--all"}, work);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = runKanri({"commit", "-m", "nothing", "--all"}, work);
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err, QStringLiteral("error: nothing to commit\n"));
    r = runKanri({"push", "origin", "main"}, work);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(gitOut({"show", "main:other.txt"}, tmp.filePath("repo.git")),
             QStringLiteral("not committed"));
}

void TestGitCli::branchCreatesAndSwitches()
{
    QTemporaryDir tmp;
    QVERIFY(makeServerRepository(tmp.path()));
    GitHttpServer server(tmp.path(), token);
    QVERIFY(server.start());
    QCOMPARE(runKanri({"clone", server.url("repo.git"), "work"}, tmp.path()).exitCode, 0);
    const QString work = tmp.filePath("work");
    identity(work);
    Run r = runKanri({"branch", "feature/x"}, work);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(gitOut({"branch", "--show-current"}, work), QStringLiteral("feature/x"));
    writeFile(work + "/f.txt", "f\n");
    QCOMPARE(runKanri({"commit", "-m", "f", "--all"}, work).exitCode, 0);

    r = runKanri({"push"}, work);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("--set-upstream"), qPrintable(r.err));
    r = runKanri({"push", "--set-upstream"}, work);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(gitOut({"rev-parse", "feature/x"}, tmp.filePath("repo.git")),
             gitOut({"rev-parse", "HEAD"}, work));
    QCOMPARE(runKanri({"status"}, work).out, QStringLiteral("## feature/x...origin/feature/x\n"));

    r = runKanri({"branch", "main"}, work);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(gitOut({"branch", "--show-current"}, work), QStringLiteral("main"));
    QVERIFY(!QFile::exists(work + "/f.txt"));
    r = runKanri({"branch", "bad..name"}, work);
    QCOMPARE(r.exitCode, 2);
}

void TestGitCli::pushRejectedTellsToPullFirst()
{
    QTemporaryDir tmp;
    QVERIFY(makeServerRepository(tmp.path()));
    GitHttpServer server(tmp.path(), token);
    QVERIFY(server.start());
    QCOMPARE(runKanri({"clone", server.url("repo.git"), "alice"}, tmp.path()).exitCode, 0);
    QCOMPARE(runKanri({"clone", server.url("repo.git"), "bob"}, tmp.path()).exitCode, 0);
    const QString alice = tmp.filePath("alice"), bob = tmp.filePath("bob");
    identity(alice);
    identity(bob);
    writeFile(alice + "/a.txt", "a\n");
    QCOMPARE(runKanri({"commit", "-m", "a", "--all"}, alice).exitCode, 0);
    QCOMPARE(runKanri({"push"}, alice).exitCode, 0);
    writeFile(bob + "/b.txt", "b\n");
    QCOMPARE(runKanri({"commit", "-m", "b", "--all"}, bob).exitCode, 0);
    const QString bobHead = gitOut({"rev-parse", "HEAD"}, bob);
    Run r = runKanri({"push"}, bob);
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err,
             QStringLiteral(
                 "error: push rejected: the remote has commits you do not have; pull first\n"));
    QCOMPARE(gitOut({"rev-parse", "HEAD"}, bob), bobHead);
    r = runKanri({"pull"}, bob);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(QFile::exists(bob + "/a.txt"));
    QCOMPARE(runKanri({"push"}, bob).exitCode, 0);
    QCOMPARE(gitOut({"show", "main:b.txt"}, tmp.filePath("repo.git")), QStringLiteral("b"));
}

void TestGitCli::pullWithConflictListsFilesAndChangesNothing()
{
    QTemporaryDir tmp;
    QVERIFY(makeServerRepository(tmp.path()));
    GitHttpServer server(tmp.path(), token);
    QVERIFY(server.start());
    QCOMPARE(runKanri({"clone", server.url("repo.git"), "alice"}, tmp.path()).exitCode, 0);
    QCOMPARE(runKanri({"clone", server.url("repo.git"), "bob"}, tmp.path()).exitCode, 0);
    const QString alice = tmp.filePath("alice"), bob = tmp.filePath("bob");
    identity(alice);
    identity(bob);
    writeFile(alice + "/shared.txt", "line 1\nALICE\nline 3\n");
    QCOMPARE(runKanri({"commit", "-m", "a", "--all"}, alice).exitCode, 0);
    QCOMPARE(runKanri({"push"}, alice).exitCode, 0);
    writeFile(bob + "/shared.txt", "line 1\nBOB\nline 3\n");
    QCOMPARE(runKanri({"commit", "-m", "b", "--all"}, bob).exitCode, 0);
    const QString bobHead = gitOut({"rev-parse", "HEAD"}, bob);
    for (const QStringList &args : {QStringList{"pull"}, QStringList{"pull", "--rebase"}}) {
        const Run r = runKanri(args, bob);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(
            r.err.startsWith("error: pull stopped: conflicts in shared.txt; nothing was changed"),
            qPrintable(r.err));
        QCOMPARE(r.err.count('\n'), 1);
        QCOMPARE(gitOut({"rev-parse", "HEAD"}, bob), bobHead);
        QCOMPARE(readAll(bob + "/shared.txt"), QByteArray("line 1\nBOB\nline 3\n"));
        QCOMPARE(gitOut({"status", "--porcelain"}, bob), QString());
    }
}

void TestGitCli::usageErrorsExitWithTwo_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("clone without a folder") << QStringList{"clone", "http://x/r.git"};
    QTest::newRow("commit without a message") << QStringList{"commit", "--all"};
    QTest::newRow("commit with --all and paths") << QStringList{"commit", "-m", "x", "--all", "a"};
    QTest::newRow("branch without a name") << QStringList{"branch"};
    QTest::newRow("push with three words") << QStringList{"push", "a", "b", "c"};
    QTest::newRow("pull with an unknown option") << QStringList{"pull", "--hard"};
    QTest::newRow("status with an argument") << QStringList{"status", "x"};
}

void TestGitCli::usageErrorsExitWithTwo()
{
    QFETCH(QStringList, args);
    QTemporaryDir tmp;
    const Run r = runKanri(args, tmp.path());
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.startsWith("error: usage: kanri "), qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TestGitCli)
#include "tst_gitcli.moc"
