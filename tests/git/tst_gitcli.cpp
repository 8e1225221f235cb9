// End-to-end tests of `kanri clone|status|branch|commit|push|pull` against a loopback
// git http-backend server.

#include "tests/testsupport/githttpserver.h"
#include "tests/testsupport/gittestrepo.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using kanri::test::GitHttpServer;

namespace {

const QString token = QStringLiteral("cli-token-5d2e8b1f");

struct Run
{
    int exitCode = -1;
    QString out, err;
};

// Runs kanri with the token in KANRI_GITHUB_TOKEN and no keychain (no D-Bus session), with
// `environment` on top (an empty value removes the variable). The environment's token only goes
// to GitHub hosts: serve() makes the test's server the configured one.
Run runKanri(const QStringList &args, const QString &dir, const QString &tokenValue = token,
             const QHash<QString, QString> &environment = {})
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("GITHUB_TOKEN"));
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS")); // no keychain lookups in tests
    env.insert(QStringLiteral("KANRI_GITHUB_TOKEN"), tokenValue);
    for (auto it = environment.cbegin(); it != environment.cend(); ++it) {
        if (it.value().isEmpty())
            env.remove(it.key());
        else
            env.insert(it.key(), it.value());
    }
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

// Starts `server` and makes it the configured GitHub host (KANRI_GITHUB_API_URL, which kanri
// inherits), so that the environment's token may go to it.
bool serve(GitHttpServer &server)
{
    if (!server.start())
        return false;
    qputenv("KANRI_GITHUB_API_URL",
            QStringLiteral("http://127.0.0.1:%1/api/v3").arg(server.port()).toUtf8());
    return true;
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
    void init();
    void cloneWithWrongTokenFailsWithOneLineAndNoFolder();
    void theEnvironmentTokenGoesOnlyToTheConfiguredHost();
    void plainHttpToAnAllowedHostWarnsOnceOnStderr();
    void cloneCommitPushStatusRoundTrip();
    void branchCreatesAndSwitches();
    void pushRejectedTellsToPullFirst();
    void pullWithConflictListsFilesAndChangesNothing();
    void commitTakesItsAuthorLikeGitAndKeepsTheIndexWhenItFails();
    void usageErrorsExitWithTwo_data();
    void usageErrorsExitWithTwo();
};

void TestGitCli::initTestCase()
{
    QVERIFY2(!kanri::test::kanriBinary().isEmpty(), "KANRI_BINARY is not set (run through ctest)");
}

void TestGitCli::init()
{
    qunsetenv("KANRI_GITHUB_API_URL");
    qunsetenv("KANRI_ALLOW_HTTP_TOKEN_HOSTS");
}

void TestGitCli::theEnvironmentTokenGoesOnlyToTheConfiguredHost()
{
    QTemporaryDir tmp;
    QVERIFY(makeServerRepository(tmp.path()));
    GitHttpServer server(tmp.path(), token);
    QVERIFY(server.start()); // not the configured GitHub host
    const Run r = runKanri({"clone", server.url("repo.git"), "out"}, tmp.path());
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.startsWith(QStringLiteral("error: authentication failed for %1: the token in "
                                             "KANRI_GITHUB_TOKEN or GITHUB_TOKEN is only sent to")
                                  .arg(server.url("repo.git"))),
             qPrintable(r.err));
    QVERIFY(!r.err.contains(token));
    QVERIFY(server.presentedPasswords().isEmpty());
    QVERIFY(!QFileInfo::exists(tmp.filePath("out")));
}

// 0.0.0.0 reaches the loopback server on Linux without being a loopback address.
void TestGitCli::plainHttpToAnAllowedHostWarnsOnceOnStderr()
{
    QTemporaryDir tmp;
    QVERIFY(makeServerRepository(tmp.path()));
    GitHttpServer server(tmp.path(), token);
    QVERIFY(server.start());
    {
        QTcpSocket probe;
        probe.connectToHost(QStringLiteral("0.0.0.0"), server.port());
        if (!probe.waitForConnected(2000))
            QSKIP("this system does not route 0.0.0.0 to the loopback server");
    }
    const QString host = QStringLiteral("0.0.0.0:%1").arg(server.port());
    const QString url = QStringLiteral("http://%1/repo.git").arg(host);
    const QHash<QString, QString> configured{
        {"KANRI_GITHUB_API_URL", "http://" + host + "/api/v3"}};
    Run r = runKanri({"clone", url, "refused"}, tmp.path(), token, configured);
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err, QStringLiteral("error: authentication failed for %1: not sending the token "
                                   "for %2 over plain http; use https, or allow the host in the "
                                   "setting network/allowHttpTokenHosts (or "
                                   "KANRI_ALLOW_HTTP_TOKEN_HOSTS)\n")
                        .arg(url, host));
    QVERIFY(server.presentedPasswords().isEmpty());

    QHash<QString, QString> allowed = configured;
    allowed.insert("KANRI_ALLOW_HTTP_TOKEN_HOSTS", "ghe.example.com, 0.0.0.0");
    r = runKanri({"clone", url, "work"}, tmp.path(), token, allowed);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.err.count("warning: sending the token for " + host + " over plain http"), 1);
    QVERIFY(!r.err.contains(token));
    QVERIFY(server.presentedPasswords().contains(token));
    const QString work = tmp.filePath("work");
    identity(work);
    writeFile(work + "/new.txt", "new\n");
    QCOMPARE(runKanri({"commit", "-m", "add", "--all"}, work, token, allowed).exitCode, 0);
    r = runKanri({"push"}, work, token, allowed);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.err.count("warning: sending the token for"), 1);
}

void TestGitCli::cloneWithWrongTokenFailsWithOneLineAndNoFolder()
{
    QTemporaryDir tmp;
    QVERIFY(makeServerRepository(tmp.path()));
    GitHttpServer server(tmp.path(), token);
    QVERIFY(serve(server));
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
    QVERIFY(serve(server));
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
    QVERIFY(serve(server));
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
    QVERIFY(serve(server));
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
    QVERIFY(serve(server));
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

// No identity anywhere (HOME is empty): `kanri commit --all` fails, saying what to set, and
// stages nothing; GIT_AUTHOR_* and GIT_COMMITTER_* are then taken as git takes them.
void TestGitCli::commitTakesItsAuthorLikeGitAndKeepsTheIndexWhenItFails()
{
    QTemporaryDir tmp;
    QVERIFY(makeServerRepository(tmp.path()));
    const QString work = tmp.filePath("seed");
    const QString home = tmp.filePath("home");
    QDir().mkpath(home);
    QHash<QString, QString> env{{"HOME", home},
                                {"XDG_CONFIG_HOME", home + "/.config"},
                                {"GIT_AUTHOR_NAME", {}},
                                {"GIT_AUTHOR_EMAIL", {}},
                                {"GIT_COMMITTER_NAME", {}},
                                {"GIT_COMMITTER_EMAIL", {}},
                                {"EMAIL", {}}};
    writeFile(work + "/shared.txt", "changed\n");
    writeFile(work + "/new.txt", "new\n");
    writeFile(work + "/staged.txt", "staged\n");
    gitOut({"add", "staged.txt"}, work);
    const QString index = gitOut({"ls-files", "--stage"}, work);
    const QString status = gitOut({"status", "--porcelain"}, work);
    const QString head = gitOut({"rev-parse", "HEAD"}, work);

    Run r = runKanri({"commit", "-m", "nobody", "--all"}, work, token, env);
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err, QStringLiteral("error: no author configured: set user.name and user.email "
                                   "(git config --global), or GIT_AUTHOR_NAME and "
                                   "GIT_AUTHOR_EMAIL\n"));
    QCOMPARE(gitOut({"ls-files", "--stage"}, work), index);
    QCOMPARE(gitOut({"status", "--porcelain"}, work), status);
    QCOMPARE(gitOut({"rev-parse", "HEAD"}, work), head);
    r = runKanri({"commit", "-m", "nobody", "new.txt"}, work, token, env);
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(gitOut({"status", "--porcelain"}, work), status);

    // The author from GIT_AUTHOR_*, the committer from GIT_COMMITTER_*.
    env.insert("GIT_AUTHOR_NAME", "Env Author");
    env.insert("GIT_AUTHOR_EMAIL", "env.author@example.invalid");
    env.insert("GIT_COMMITTER_NAME", "Env Committer");
    env.insert("GIT_COMMITTER_EMAIL", "env.committer@example.invalid");
    r = runKanri({"commit", "-m", "from the environment", "--all"}, work, token, env);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(gitOut({"log", "-1", "--format=%an <%ae> / %cn <%ce>"}, work),
             QStringLiteral("Env Author <env.author@example.invalid> / "
                            "Env Committer <env.committer@example.invalid>"));
    QVERIFY(gitOut({"status", "--porcelain"}, work).isEmpty());

    // Only an author in the environment: it commits too (as git does, EMAIL fills e-mails).
    env.remove("GIT_COMMITTER_NAME");
    env.insert("GIT_COMMITTER_NAME", {});
    env.insert("GIT_COMMITTER_EMAIL", {});
    env.insert("GIT_AUTHOR_EMAIL", {});
    env.insert("EMAIL", "from.email@example.invalid");
    writeFile(work + "/more.txt", "more\n");
    r = runKanri({"commit", "-m", "author only", "more.txt"}, work, token, env);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(gitOut({"log", "-1", "--format=%an <%ae>"}, work),
             QStringLiteral("Env Author <from.email@example.invalid>"));
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
    // The command's own "error: usage: ..." or the dispatch's "kanri pull: error: unknown
    // option '--hard'" with the usage line after it.
    QVERIFY2(r.err.startsWith("error: usage: kanri ") || r.err.contains("\nusage: kanri "),
             qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TestGitCli)
#include "tst_gitcli.moc"
