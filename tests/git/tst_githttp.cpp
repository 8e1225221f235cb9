// Network operations against a real git server on loopback: `git http-backend` behind HTTP
// basic authentication (githttpserver.h).

#include "credentials/tokenstore.h"
#include "git/gitasync.h"
#include "git/gitrepository.h"
#include "tests/testsupport/githttpserver.h"
#include "tests/testsupport/gittestrepo.h"
#include "tests/testsupport/holdqtpool.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace kanri;
using namespace kanri::git;
using kanri::test::GitHttpServer;

namespace {

using kanri::test::configureIdentity;
using kanri::test::gitOut;
using kanri::test::makeServerRepository;
using kanri::test::readAll;
using kanri::test::why;
using kanri::test::writeFile;

const QString token = QStringLiteral("tok-3f9a1c77e2b54d10");
const Signature author{QStringLiteral("Test Author"), QStringLiteral("author@example.invalid")};

// Neither the environment nor the keychain: no token at all.
std::shared_ptr<credentials::TokenStore> noTokens()
{
    return std::make_shared<credentials::TokenStore>(credentials::TokenStore::Environment::Ignore,
                                                     nullptr);
}

NetworkOptions withToken(const QString &value)
{
    NetworkOptions options;
    options.tokens = credentials::TokenStore::fixed(value);
    return options;
}

// count files of incompressible content under blob/, so that transfers take a while.
QMap<QString, QByteArray> bigFiles(int count)
{
    QMap<QString, QByteArray> files;
    QRandomGenerator random(42);
    for (int i = 0; i < count; ++i) {
        QByteArray data(16 * 1024, Qt::Uninitialized);
        random.fillRange(reinterpret_cast<quint32 *>(data.data()), data.size() / 4);
        files.insert(QStringLiteral("blob/%1.bin").arg(i), data);
    }
    return files;
}

} // namespace

class TestGitHttp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wrongTokenFailsAndLeavesNoFolder();
    void missingTokenFailsWithAuthenticationError();
    void rightTokenClonesWithThrottledProgress();
    void commitAndPushLandsOnTheServer();
    void pushRejectedAsNonFastForwardKeepsTheLocalCommit();
    void droppedConnectionDuringCloneIsANetworkError();
    void droppedConnectionDuringFetchIsANetworkError();
    void cancelledCloneLeavesNoFolder();
    void cancelledAsyncCloneLeavesNoFolder();
    void asyncCloneAndFetchLeaveQtsPoolToPainting();
    void pullWithConflictListsFilesAndChangesNothing();
    void tokenInTheUrlIsNeverWritten();
    void theEnvironmentTokenGoesOnlyToTheConfiguredGitHubHost();
    void noTokenGoesOverPlainHttpToAHostNotAllowed();
    void untrustedTlsCertificateIsRefused();
    void scrubSecretsRemovesUserInfo_data();
    void scrubSecretsRemovesUserInfo();
};

void TestGitHttp::wrongTokenFailsAndLeavesNoFolder()
{
    QTemporaryDir tmp;
    QVERIFY(makeServerRepository(tmp.path()));
    GitHttpServer server(tmp.path(), token);
    QVERIFY(server.start());
    const QString target = tmp.filePath("clone");
    auto cloned = Repository::clone(server.url("repo.git"), target, withToken("wrong-token"));
    QVERIFY(!cloned);
    QCOMPARE(cloned.error().code, Error::Code::Auth);
    QCOMPARE(cloned.error().message,
             QStringLiteral("authentication failed for %1").arg(server.url("repo.git")));
    QVERIFY(!QFileInfo::exists(target));
    // The refused token was offered exactly once.
    QCOMPARE(server.presentedPasswords(), QStringList{"wrong-token"});
}

void TestGitHttp::missingTokenFailsWithAuthenticationError()
{
    QTemporaryDir tmp;
    QVERIFY(makeServerRepository(tmp.path()));
    GitHttpServer server(tmp.path(), token);
    QVERIFY(server.start());
    NetworkOptions options;
    options.tokens = noTokens();
    auto cloned = Repository::clone(server.url("repo.git"), tmp.filePath("clone"), options);
    QVERIFY(!cloned);
    QCOMPARE(cloned.error().code, Error::Code::Auth);
    QVERIFY2(cloned.error().message.contains("KANRI_GITHUB_TOKEN"), why(cloned));
    QVERIFY(!QFileInfo::exists(tmp.filePath("clone")));
}

void TestGitHttp::rightTokenClonesWithThrottledProgress()
{
    QTemporaryDir tmp;
    QVERIFY(makeServerRepository(tmp.path(), bigFiles(100)));
    GitHttpServer server(tmp.path(), token);
    QVERIFY(server.start());
    server.setWriteDelay(2);
    NetworkOptions options = withToken(token);
    std::vector<qint64> times;
    std::vector<TransferProgress> reports;
    QElapsedTimer clock;
    clock.start();
    options.progress = [&](const TransferProgress &p) {
        times.push_back(clock.elapsed());
        reports.push_back(p);
    };
    const QString target = tmp.filePath("clone");
    auto cloned = Repository::clone(server.url("repo.git"), target, options);
    QVERIFY2(cloned, why(cloned));
    QCOMPARE(readAll(target + "/README.md"), QByteArray("# demo\n"));
    QCOMPARE(cloned->currentBranch(), QStringLiteral("main"));
    QCOMPARE(*cloned->remoteUrl("origin"), server.url("repo.git"));
    QVERIFY(!readAll(target + "/.git/config").contains(token.toUtf8()));
    QVERIFY(!reports.empty());
    QCOMPARE(reports.back().stage, TransferProgress::Stage::Done);
    // At most one report per 100 ms, apart from the final one.
    for (size_t i = 1; i + 1 < times.size(); ++i)
        QVERIFY2(times[i] - times[i - 1] >= 95,
                 qPrintable(QString::number(times[i] - times[i - 1])));
    bool sawObjects = false;
    for (const auto &r : reports)
        sawObjects = sawObjects || r.receivedBytes > 0;
    QVERIFY(sawObjects);
}

void TestGitHttp::commitAndPushLandsOnTheServer()
{
    QTemporaryDir tmp;
    QVERIFY(makeServerRepository(tmp.path()));
    GitHttpServer server(tmp.path(), token);
    QVERIFY(server.start());
    const QString target = tmp.filePath("clone");
    auto repo = Repository::clone(server.url("repo.git"), target, withToken(token));
    QVERIFY2(repo, why(repo));
    writeFile(target + "/new.txt", "pushed\n");
    QVERIFY(repo->stageAll());
    auto id = repo->commit("add new.txt", author);
    QVERIFY(id);
    auto pushed = repo->push("origin", "main", false, withToken(token));
    QVERIFY2(pushed, why(pushed));
    const QString bare = tmp.filePath("repo.git");
    QCOMPARE(gitOut({"rev-parse", "main"}, bare), *id);
    QCOMPARE(gitOut({"show", "main:new.txt"}, bare), QStringLiteral("pushed"));
    QCOMPARE(gitOut({"log", "-1", "--format=%an"}, bare), QStringLiteral("Test Author"));

    // A new branch with --set-upstream.
    QVERIFY(repo->createBranch("feature"));
    writeFile(target + "/feature.txt", "f\n");
    QVERIFY(repo->stageAll());
    QVERIFY(repo->commit("feature", author));
    QVERIFY(repo->push("origin", "feature", true, withToken(token)));
    QCOMPARE(*repo->upstreamOf("feature"), QStringLiteral("origin/feature"));
    QCOMPARE(gitOut({"rev-parse", "feature"}, bare), *repo->headCommit());
}

void TestGitHttp::pushRejectedAsNonFastForwardKeepsTheLocalCommit()
{
    QTemporaryDir tmp;
    QVERIFY(makeServerRepository(tmp.path()));
    GitHttpServer server(tmp.path(), token);
    QVERIFY(server.start());
    auto alice = Repository::clone(server.url("repo.git"), tmp.filePath("alice"), withToken(token));
    auto bob = Repository::clone(server.url("repo.git"), tmp.filePath("bob"), withToken(token));
    QVERIFY(alice && bob);
    writeFile(tmp.filePath("alice/a.txt"), "a\n");
    QVERIFY(alice->stageAll());
    QVERIFY(alice->commit("alice", author));
    QVERIFY(alice->push("origin", "main", false, withToken(token)));

    writeFile(tmp.filePath("bob/b.txt"), "b\n");
    QVERIFY(bob->stageAll());
    auto bobCommit = bob->commit("bob", author);
    QVERIFY(bobCommit);
    auto pushed = bob->push("origin", "main", false, withToken(token));
    QVERIFY(!pushed);
    QCOMPARE(pushed.error().code, Error::Code::Rejected);
    QCOMPARE(pushed.error().message,
             QStringLiteral("push rejected: the remote has commits you do not have; pull first"));
    QCOMPARE(*bob->headCommit(), *bobCommit);
    QCOMPARE(readAll(tmp.filePath("bob/b.txt")), QByteArray("b\n"));
    QVERIFY(gitOut({"rev-parse", "main"}, tmp.filePath("repo.git")) != *bobCommit);

    // The obvious next step works: pull, then push.
    configureIdentity(tmp.filePath("bob"));
    auto pulled = bob->pull(PullStrategy::Rebase, withToken(token));
    QVERIFY2(pulled, why(pulled));
    QCOMPARE(pulled->outcome, PullResult::Outcome::Rebased);
    auto again = bob->push("origin", "main", false, withToken(token));
    QVERIFY2(again, why(again));
    QCOMPARE(gitOut({"show", "main:b.txt"}, tmp.filePath("repo.git")), QStringLiteral("b"));
}

void TestGitHttp::droppedConnectionDuringCloneIsANetworkError()
{
    QTemporaryDir tmp;
    QVERIFY(makeServerRepository(tmp.path(), bigFiles(50)));
    GitHttpServer server(tmp.path(), token);
    QVERIFY(server.start());
    server.dropUploadPackAfter(64 * 1024);
    const QString target = tmp.filePath("clone");
    auto cloned = Repository::clone(server.url("repo.git"), target, withToken(token));
    QVERIFY(!cloned);
    qInfo("%s", why(cloned));
    QCOMPARE(cloned.error().code, Error::Code::Network);
    QVERIFY2(cloned.error().message.contains(server.url("repo.git")), why(cloned));
    QVERIFY(!QFileInfo::exists(target));
}

void TestGitHttp::droppedConnectionDuringFetchIsANetworkError()
{
    QTemporaryDir tmp;
    QVERIFY(makeServerRepository(tmp.path()));
    GitHttpServer server(tmp.path(), token);
    QVERIFY(server.start());
    const QString target = tmp.filePath("clone");
    auto repo = Repository::clone(server.url("repo.git"), target, withToken(token));
    QVERIFY2(repo, why(repo));
    const QString before = *repo->headCommit();

    // New, incompressible commits on the server.
    auto seed = Repository::open(tmp.filePath("seed"));
    QVERIFY(seed);
    QRandomGenerator random(7);
    for (int i = 0; i < 40; ++i) {
        QByteArray data(16 * 1024, Qt::Uninitialized);
        random.fillRange(reinterpret_cast<quint32 *>(data.data()), data.size() / 4);
        writeFile(tmp.filePath(QStringLiteral("seed/more/%1.bin").arg(i)), data);
    }
    QVERIFY(seed->stageAll());
    QVERIFY(seed->commit("more", author));
    QVERIFY(seed->push("origin", "main", false));

    server.dropUploadPackAfter(32 * 1024);
    auto fetched = repo->fetch("origin", withToken(token));
    QVERIFY(!fetched);
    qInfo("%s", why(fetched));
    QCOMPARE(fetched.error().code, Error::Code::Network);
    QCOMPARE(*repo->headCommit(), before);
    QCOMPARE(gitOut({"rev-parse", "origin/main"}, target), before);
    // And the next fetch works.
    auto retried = repo->fetch("origin", withToken(token));
    QVERIFY2(retried, why(retried));
    QCOMPARE(gitOut({"rev-parse", "origin/main"}, target), *seed->headCommit());
}

void TestGitHttp::cancelledCloneLeavesNoFolder()
{
    QTemporaryDir tmp;
    QVERIFY(makeServerRepository(tmp.path(), bigFiles(100)));
    GitHttpServer server(tmp.path(), token);
    QVERIFY(server.start());
    server.setWriteDelay(5);
    std::stop_source stop;
    NetworkOptions options = withToken(token);
    options.stop = stop.get_token();
    options.progress = [&](const TransferProgress &p) {
        if (p.receivedObjects > 0)
            stop.request_stop();
    };
    const QString target = tmp.filePath("clone");
    auto cloned = Repository::clone(server.url("repo.git"), target, options);
    QVERIFY(!cloned);
    qInfo("%s", why(cloned));
    QCOMPARE(cloned.error().code, Error::Code::Cancelled);
    QVERIFY(!QFileInfo::exists(target));

    // A folder that existed (empty) before stays, empty.
    QVERIFY(QDir().mkpath(target));
    std::stop_source stop2;
    options.stop = stop2.get_token();
    options.progress = [&](const TransferProgress &p) {
        if (p.receivedObjects > 0)
            stop2.request_stop();
    };
    cloned = Repository::clone(server.url("repo.git"), target, options);
    QVERIFY(!cloned);
    QVERIFY(QFileInfo(target).isDir());
    QVERIFY(QDir(target).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden));
}

void TestGitHttp::cancelledAsyncCloneLeavesNoFolder()
{
    QTemporaryDir tmp;
    QVERIFY(makeServerRepository(tmp.path(), bigFiles(100)));
    GitHttpServer server(tmp.path(), token);
    QVERIFY(server.start());
    server.setWriteDelay(20);
    std::atomic<bool> started{false};
    NetworkOptions options = withToken(token);
    options.progress = [&](const TransferProgress &p) {
        if (p.receivedObjects > 0)
            started = true;
    };
    const QString target = tmp.filePath("clone");
    QFuture<Result<void>> future = cloneAsync(server.url("repo.git"), target, options);
    QTRY_VERIFY_WITH_TIMEOUT(started.load() || future.isFinished(), 20000);
    QVERIFY(!future.isFinished());
    future.cancel();
    future.waitForFinished();
    QVERIFY(!QFileInfo::exists(target));
}

// Qt's raster engine (6.4) fills large areas in jobs on QThreadPool::globalInstance() and waits
// for them on the GUI thread: a clone or a fetch must not take that pool's threads, and must not
// wait for them either (here every one is held until the git work is done).
void TestGitHttp::asyncCloneAndFetchLeaveQtsPoolToPainting()
{
    QTemporaryDir tmp;
    QVERIFY(makeServerRepository(tmp.path()));
    GitHttpServer server(tmp.path(), token);
    QVERIFY(server.start());
    test::HoldQtPool qtPool;
    QVERIFY(qtPool.holdsAll());

    const QString target = tmp.filePath("clone");
    QFuture<Result<void>> clone = cloneAsync(server.url("repo.git"), target, withToken(token));
    QTRY_VERIFY_WITH_TIMEOUT(clone.isFinished(), 30000);
    QVERIFY2(clone.result(), why(clone.result()));
    QFuture<Result<void>> fetch = fetchAsync(target, QStringLiteral("origin"), withToken(token));
    QTRY_VERIFY_WITH_TIMEOUT(fetch.isFinished(), 30000);
    QVERIFY2(fetch.result(), why(fetch.result()));
    QVERIFY(qtPool.stillHeld()); // the git work ran elsewhere
}

void TestGitHttp::pullWithConflictListsFilesAndChangesNothing()
{
    QTemporaryDir tmp;
    QVERIFY(makeServerRepository(tmp.path()));
    GitHttpServer server(tmp.path(), token);
    QVERIFY(server.start());
    auto alice = Repository::clone(server.url("repo.git"), tmp.filePath("alice"), withToken(token));
    auto bob = Repository::clone(server.url("repo.git"), tmp.filePath("bob"), withToken(token));
    QVERIFY(alice && bob);
    configureIdentity(tmp.filePath("bob"));
    writeFile(tmp.filePath("alice/shared.txt"), "line 1\nALICE\nline 3\n");
    QVERIFY(alice->stageAll());
    QVERIFY(alice->commit("alice", author));
    QVERIFY(alice->push("origin", "main", false, withToken(token)));
    writeFile(tmp.filePath("bob/shared.txt"), "line 1\nBOB\nline 3\n");
    QVERIFY(bob->stageAll());
    auto bobCommit = bob->commit("bob", author);
    writeFile(tmp.filePath("bob/README.md"), "# local edit, not committed\n");
    auto pulled = bob->pull(PullStrategy::Merge, withToken(token));
    QVERIFY2(pulled, why(pulled));
    QCOMPARE(pulled->outcome, PullResult::Outcome::Conflicts);
    QCOMPARE(pulled->conflicts, QStringList{"shared.txt"});
    QCOMPARE(*bob->headCommit(), *bobCommit);
    QCOMPARE(readAll(tmp.filePath("bob/shared.txt")), QByteArray("line 1\nBOB\nline 3\n"));
    QCOMPARE(readAll(tmp.filePath("bob/README.md")), QByteArray("# local edit, not committed\n"));
    QCOMPARE(gitOut({"status", "--porcelain"}, tmp.filePath("bob")), QStringLiteral("M README.md"));
}

void TestGitHttp::tokenInTheUrlIsNeverWritten()
{
    QTemporaryDir tmp;
    QVERIFY(makeServerRepository(tmp.path()));
    GitHttpServer server(tmp.path(), token);
    QVERIFY(server.start());
    const QString withCredentials = QStringLiteral("http://x-access-token:%1@127.0.0.1:%2/repo.git")
                                        .arg(token)
                                        .arg(server.port());
    NetworkOptions none;
    none.tokens = noTokens();
    const QString target = tmp.filePath("clone");
    auto repo = Repository::clone(withCredentials, target, none);
    QVERIFY2(repo, why(repo));
    QVERIFY(!readAll(target + "/.git/config").contains(token.toUtf8()));
    QVERIFY(!repo->remoteUrl("origin")->contains(token));

    // A wrong token in the URL: the error names the URL without it.
    const QString wrong =
        QStringLiteral("http://x-access-token:wrong-secret-99@127.0.0.1:%1/repo.git")
            .arg(server.port());
    auto failed = Repository::clone(wrong, tmp.filePath("clone2"), none);
    QVERIFY(!failed);
    QCOMPARE(failed.error().code, Error::Code::Auth);
    qInfo("%s", why(failed));
    QVERIFY2(!failed.error().toString().contains("wrong-secret-99"), why(failed));
    QVERIFY(!QFileInfo::exists(tmp.filePath("clone2")));

    // A wrong token from the token source does not appear either.
    auto failed2 = Repository::clone(server.url("repo.git"), tmp.filePath("clone3"),
                                     withToken("wrong-secret-42"));
    QVERIFY(!failed2);
    QVERIFY(!failed2.error().toString().contains("wrong-secret-42"));
}

void TestGitHttp::untrustedTlsCertificateIsRefused()
{
    // A TLS server with a self-signed certificate: `openssl s_server`, when the machine has it.
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty())
        QSKIP("openssl is not installed: cannot start a TLS server");
    QTemporaryDir tmp;
    const QString cert = tmp.filePath("cert.pem"), key = tmp.filePath("key.pem");
    auto made =
        kanri::test::run(openssl, {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj",
                                   "/CN=127.0.0.1", "-days", "1", "-keyout", key, "-out", cert});
    QVERIFY2(made.exitCode == 0, made.err.constData());
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    QProcess tls;
    tls.start(openssl, {"s_server", "-quiet", "-accept", QStringLiteral("127.0.0.1:%1").arg(port),
                        "-cert", cert, "-key", key, "-www"});
    QVERIFY(tls.waitForStarted());
    auto listening = [port] {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        return socket.waitForConnected(200);
    };
    QTRY_VERIFY_WITH_TIMEOUT(listening(), 10000);

    NetworkOptions options;
    bool asked = false;
    options.tokens = credentials::TokenStore::fixed(token);
    options.progress = [&](const TransferProgress &) { asked = true; };
    const QString target = tmp.filePath("clone");
    auto cloned = Repository::clone(QStringLiteral("https://127.0.0.1:%1/repo.git").arg(port),
                                    target, options);
    tls.kill();
    tls.waitForFinished();
    QVERIFY(!cloned);
    qInfo("%s", why(cloned));
    QCOMPARE(cloned.error().code, Error::Code::Network);
    QVERIFY2(cloned.error().message.contains("could not be verified"), why(cloned));
    QVERIFY(!QFileInfo::exists(target));
    QVERIFY(!asked);
}

// The environment's token is for GitHub: a loopback server is not GitHub unless it is the
// configured one (KANRI_GITHUB_API_URL); then the token flows to it.
void TestGitHttp::theEnvironmentTokenGoesOnlyToTheConfiguredGitHubHost()
{
    QTemporaryDir tmp;
    QVERIFY(makeServerRepository(tmp.path()));
    GitHttpServer server(tmp.path(), token);
    QVERIFY(server.start());
    const QByteArray savedToken = qgetenv("KANRI_GITHUB_TOKEN");
    const QByteArray savedApi = qgetenv("KANRI_GITHUB_API_URL");
    qputenv("KANRI_GITHUB_TOKEN", token.toUtf8());
    qunsetenv("KANRI_GITHUB_API_URL");
    auto restore = qScopeGuard([&] {
        savedToken.isNull() ? qunsetenv("KANRI_GITHUB_TOKEN")
                            : qputenv("KANRI_GITHUB_TOKEN", savedToken);
        savedApi.isNull() ? qunsetenv("KANRI_GITHUB_API_URL")
                          : qputenv("KANRI_GITHUB_API_URL", savedApi);
    });
    NetworkOptions options;
    options.tokens = std::make_shared<credentials::TokenStore>(
        credentials::TokenStore::Environment::Read, nullptr);

    auto cloned = Repository::clone(server.url("repo.git"), tmp.filePath("first"), options);
    QVERIFY(!cloned);
    QCOMPARE(cloned.error().code, Error::Code::Auth);
    QVERIFY2(
        cloned.error().message.contains(QStringLiteral("not to 127.0.0.1:%1").arg(server.port())),
        why(cloned));
    QVERIFY(!cloned.error().message.contains(token));
    QVERIFY(server.presentedPasswords().isEmpty());
    QVERIFY(!QFileInfo::exists(tmp.filePath("first")));

    qputenv("KANRI_GITHUB_API_URL",
            QStringLiteral("http://127.0.0.1:%1/api/v3").arg(server.port()).toUtf8());
    cloned = Repository::clone(server.url("repo.git"), tmp.filePath("second"), options);
    QVERIFY2(cloned, why(cloned));
    QVERIFY(server.presentedPasswords().contains(token));
}

// 0.0.0.0 reaches this machine's loopback server on Linux but is no loopback address: a host
// on the network for the token rule. libgit2's credential callback holds the token back (even
// one in the URL) unless the host is allowed, then sends it with a warning.
void TestGitHttp::noTokenGoesOverPlainHttpToAHostNotAllowed()
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
    const QString url = QStringLiteral("http://0.0.0.0:%1/repo.git").arg(server.port());
    auto tokens = credentials::TokenStore::fixed(token);
    QStringList warnings;
    tokens->setWarning([&](const QString &host, const QString &) { warnings << host; });
    NetworkOptions options;
    options.tokens = tokens;

    auto cloned = Repository::clone(url, tmp.filePath("refused"), options);
    QVERIFY(!cloned);
    QCOMPARE(cloned.error().code, Error::Code::Unsupported);
    QVERIFY2(cloned.error().message.contains("plain http"), why(cloned));
    QVERIFY2(cloned.error().message.contains(QStringLiteral("0.0.0.0:%1").arg(server.port())),
             why(cloned));
    QVERIFY2(cloned.error().message.contains("network/allowHttpTokenHosts"), why(cloned));
    QVERIFY(!cloned.error().message.contains(token));
    // A token written into the URL is held back as well.
    const QString withUserInfo = QStringLiteral("http://x-access-token:%1@0.0.0.0:%2/repo.git")
                                     .arg(token)
                                     .arg(server.port());
    cloned = Repository::clone(withUserInfo, tmp.filePath("refused-too"), options);
    QVERIFY(!cloned);
    QCOMPARE(cloned.error().code, Error::Code::Unsupported);
    QVERIFY(!cloned.error().message.contains(token));
    // (libgit2 sends the URL's user name with an empty password itself: no token.)
    QVERIFY(!server.presentedPasswords().contains(token));
    QVERIFY(warnings.isEmpty());

    // Allowed by the user: sent, and warned about.
    tokens->setAllowedHttpHosts({QStringLiteral("0.0.0.0")});
    cloned = Repository::clone(url, tmp.filePath("allowed"), options);
    QVERIFY2(cloned, why(cloned));
    QVERIFY(server.presentedPasswords().contains(token));
    QCOMPARE(warnings, QStringList{QStringLiteral("0.0.0.0:%1").arg(server.port())});
}

void TestGitHttp::scrubSecretsRemovesUserInfo_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("a token in an https URL is dropped")
        << "failed for https://x-access-token:abc@github.com/o/r.git"
        << "failed for https://github.com/o/r.git";
    QTest::newRow("a user name alone is dropped too") << "ssh://git@host/r"
                                                      << "ssh://host/r";
    QTest::newRow("text without URLs is unchanged") << "nothing here"
                                                    << "nothing here";
}

void TestGitHttp::scrubSecretsRemovesUserInfo()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(scrubSecrets(input), expected);
    QCOMPARE(scrubSecrets("token abc123 leaked", {"abc123"}), QStringLiteral("token *** leaked"));
}

QTEST_GUILESS_MAIN(TestGitHttp)
#include "tst_githttp.moc"
