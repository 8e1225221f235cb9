#include "github/githubblocking.h"
#include "github/githubpullstore.h"
#include "tests/testsupport/fakegithub.h"
#include "tests/testsupport/testutil.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace kanri::github;
using kanri::test::CannedResponse;
using kanri::test::FakeGitHub;
using namespace std::chrono_literals;

namespace {

const RepoRef repo{QStringLiteral("acme"), QStringLiteral("infra")};
const QByteArray diff = "diff --git a/envs/prod/users.tf b/envs/prod/users.tf\n"
                        "--- a/envs/prod/users.tf\n+++ b/envs/prod/users.tf\n"
                        "@@ -1 +1,2 @@\n alice = {}\n+bob = {}\n";

} // namespace

class TestGitHubPullStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void fetchedPullReadsBackOffline();
    void oneFailingCallFailsTheFetch();
    void missingAndUnsafeNamesAreRefused();
    void fixturePullReadsBackOffline();

private:
    void routeInline(FakeGitHub &server, const QString &pullPath);
    ApiResult<OfflinePull> fetch(const QUrl &base, int number);

    std::unique_ptr<FakeGitHub> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestGitHubPullStore::init()
{
    m_server = std::make_unique<FakeGitHub>();
    QVERIFY(m_server->listen());
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestGitHubPullStore::cleanup()
{
    m_server.reset();
    m_dir.reset();
}

void TestGitHubPullStore::routeInline(FakeGitHub &server, const QString &pullPath)
{
    server.on("GET", pullPath + QStringLiteral("/files"),
              CannedResponse::json(200, R"([{"filename":"envs/prod/users.tf","status":"modified",
                                           "additions":1,"patch":"@@ -1 +1,2 @@"}])"));
    server.on("GET", pullPath + QStringLiteral("/commits"),
              CannedResponse::json(200, R"([{"sha":"c0ffee","commit":{"message":"add bob"}}])"));
    server.on("GET", pullPath + QStringLiteral("/reviews"),
              CannedResponse::json(200, R"([{"id":1,"state":"COMMENTED","body":"hm",
                                           "user":{"login":"carol"}}])"));
    server.on("GET", pullPath + QStringLiteral("/comments"),
              CannedResponse::json(200, R"([{"id":2,"path":"envs/prod/users.tf","line":2,
                                           "body":"why bob?"}])"));
    const QString issuePath =
        QString(pullPath).replace(QLatin1String("/pulls/"), QLatin1String("/issues/"));
    server.on("GET", issuePath + QStringLiteral("/comments"),
              CannedResponse::json(200, R"([{"id":3,"body":"ping","user":{"login":"dave"}}])"));
}

ApiResult<OfflinePull> TestGitHubPullStore::fetch(const QUrl &base, int number)
{
    ClientOptions options;
    options.apiBase = base;
    options.timeout = 2s;
    options.maxRetries = 0;
    Client client(options, nullptr);
    return waitFor<OfflinePull>([&](QObject *context, auto done) {
        fetchOfflinePull(&client, repo, number, context, std::move(done));
    });
}

void TestGitHubPullStore::fetchedPullReadsBackOffline()
{
    const QString pullPath = QStringLiteral("/repos/acme/infra/pulls/7");
    routeInline(*m_server, pullPath);
    // The JSON and the diff share a path; the Accept header tells them apart.
    m_server->on("GET", pullPath, CannedResponse::json(200, R"({"number":7,"title":"Add bob",
        "head":{"ref":"add-bob","sha":"c0ffee"},"base":{"ref":"main","sha":"beef"}})"));
    m_server->onAccept("GET", pullPath, "application/vnd.github.diff",
                       CannedResponse{200, {}, diff});
    auto fetched = fetch(m_server->baseUrl(), 7);
    QVERIFY2(fetched, qPrintable(fetched ? QString() : fetched.error().toString()));
    QCOMPARE(fetched->pull.number, 7);
    QCOMPARE(m_server->requests.size(), 7);

    const PullStore store(m_dir->filePath(QStringLiteral("pulls")));
    QVERIFY(store.save(repo, *fetched));
    m_server.reset(); // offline from here on

    const PullStore reopened(m_dir->filePath(QStringLiteral("pulls")));
    QCOMPARE(reopened.numbers(repo), QList<int>{7});
    const auto loaded = reopened.load(repo, 7);
    QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().toString()));
    QCOMPARE(loaded->pull.title, QStringLiteral("Add bob"));
    QCOMPARE(loaded->pull.headSha, QStringLiteral("c0ffee"));
    QCOMPARE(loaded->pull.baseRef, QStringLiteral("main"));
    QCOMPARE(loaded->files.size(), 1);
    QCOMPARE(loaded->files[0].filename, QStringLiteral("envs/prod/users.tf"));
    QCOMPARE(loaded->commits.value(0).sha, QStringLiteral("c0ffee"));
    QCOMPARE(loaded->reviews.value(0).user, QStringLiteral("carol"));
    QCOMPARE(loaded->comments.value(0).user, QStringLiteral("dave"));
    QCOMPARE(loaded->reviewComments.value(0).line, 2);
    QCOMPARE(loaded->diff, diff);
    QCOMPARE(loaded->fetchedAt, fetched->fetchedAt);
    QVERIFY(reopened.remove(repo, 7));
    QVERIFY(!reopened.contains(repo, 7));
}

void TestGitHubPullStore::oneFailingCallFailsTheFetch()
{
    const QString pullPath = QStringLiteral("/repos/acme/infra/pulls/8");
    routeInline(*m_server, pullPath);
    m_server->on("GET", pullPath, CannedResponse::json(404, R"({"message":"Not Found"})"));
    const auto fetched = fetch(m_server->baseUrl(), 8);
    QVERIFY(!fetched);
    QCOMPARE(fetched.error().kind, ApiError::Kind::NotFound);
}

void TestGitHubPullStore::missingAndUnsafeNamesAreRefused()
{
    const PullStore store(m_dir->path());
    const auto missing = store.load(repo, 3);
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, kanri::Error::Code::NotFound);
    QVERIFY(missing.error().message.contains(QLatin1String("fetch it first")));
    OfflinePull evil;
    evil.pull.number = 1;
    QVERIFY(!store.save(RepoRef{QStringLiteral(".."), QStringLiteral("x")}, evil));
    QVERIFY(!store.save(RepoRef{QStringLiteral("a"), QStringLiteral("b/../../c")}, evil));
    QVERIFY(store.numbers(RepoRef{QStringLiteral(".."), QStringLiteral("..")}).isEmpty());
}

void TestGitHubPullStore::fixturePullReadsBackOffline()
{
    const QString shared = kanri::test::sharedDir();
    if (shared.isEmpty())
        QSKIP("../shared (KANRI_SHARED) is absent: GitHub fixtures not replayed");
    const RepoRef hello{QStringLiteral("octocat"), QStringLiteral("Hello-World")};
    const QString pullPath = QStringLiteral("/repos/octocat/Hello-World/pulls/1347");
    for (const char *name : {"pulls.files.list.consistent.json", "pulls.commits.list.json"}) {
        const QJsonObject f = kanri::test::loadFixture(shared, QString::fromLatin1(name));
        m_server->on("GET", QUrl(f.value(QLatin1String("path")).toString()).path(),
                     m_server->fromFixture(f));
    }
    m_server->on("GET", pullPath + QStringLiteral("/reviews"), CannedResponse::json(200, "[]"));
    m_server->on("GET", pullPath + QStringLiteral("/comments"), CannedResponse::json(200, "[]"));
    m_server->on("GET", QStringLiteral("/repos/octocat/Hello-World/issues/1347/comments"),
                 CannedResponse::json(200, "[]"));
    const QJsonObject json = kanri::test::loadFixture(shared, QStringLiteral("pulls.get.json"));
    const QJsonObject text =
        kanri::test::loadFixture(shared, QStringLiteral("pulls.get.diff.json"));
    m_server->on("GET", pullPath, m_server->fromFixture(json));
    m_server->onAccept("GET", pullPath, "application/vnd.github.diff", m_server->fromFixture(text));

    ClientOptions options;
    options.apiBase = m_server->baseUrl();
    Client client(options, nullptr);
    const auto fetched = waitFor<OfflinePull>([&](QObject *context, auto done) {
        fetchOfflinePull(&client, hello, 1347, context, std::move(done));
    });
    QVERIFY2(fetched, qPrintable(fetched ? QString() : fetched.error().toString()));
    QCOMPARE(fetched->pull.number, 1347);
    const PullStore store(m_dir->path());
    QVERIFY(store.save(hello, *fetched));
    const auto loaded = store.load(hello, 1347);
    QVERIFY(loaded);
    QCOMPARE(loaded->diff, text.value(QLatin1String("body")).toString().toUtf8());
    QCOMPARE(loaded->files.size(), 2);
    QCOMPARE(loaded->pull.json, fetched->pull.json);
}

QTEST_GUILESS_MAIN(TestGitHubPullStore)
#include "tst_githubpullstore.moc"
