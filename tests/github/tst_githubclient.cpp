#include "github/githubblocking.h"
#include "github/githubclient.h"
#include "github/githubdeviceflow.h"
#include "github/githubremote.h"
#include "tests/testsupport/fakegithub.h"
#include "tests/testsupport/testutil.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace kanri::github;
using kanri::test::CannedResponse;
using kanri::test::FakeGitHub;
using kanri::test::RecordedRequest;
using namespace std::chrono_literals;

namespace {

const QString token = QStringLiteral("kanri-test-token-0123456789");
const RepoRef helloWorld{QStringLiteral("octocat"), QStringLiteral("Hello-World")};

QByteArray pullJson(int number, const QString &head = QStringLiteral("topic"))
{
    return QJsonDocument(
               QJsonObject{
                   {QLatin1String("number"), number},
                   {QLatin1String("title"), QStringLiteral("PR %1").arg(number)},
                   {QLatin1String("state"), QLatin1String("open")},
                   {QLatin1String("html_url"),
                    QStringLiteral("https://github.com/octocat/Hello-World/pull/%1").arg(number)},
                   {QLatin1String("head"),
                    QJsonObject{{QLatin1String("ref"), head},
                                {QLatin1String("label"), QLatin1String("octocat:") + head}}},
                   {QLatin1String("base"),
                    QJsonObject{{QLatin1String("ref"), QLatin1String("main")}}},
               })
        .toJson(QJsonDocument::Compact);
}

QByteArray pullsArray(int from, int to)
{
    QByteArray out = "[";
    for (int n = from; n <= to; ++n)
        out += (n > from ? "," : "") + pullJson(n);
    return out + "]";
}

} // namespace

class TestGitHubClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    // Without ../shared: the client's own logic.
    void everyRequestCarriesTheRequiredHeaders();
    void noTokenMeansNoAuthorizationHeader();
    void listFollowsLinkNextAcrossPages();
    void pageLinkToAnotherHostIsRefused();
    void tokenNeverLeavesTheApiOrigin();
    void noTokenGoesOverPlainHttpToAHostNotAllowed();
    void theEnvironmentTokenGoesOnlyToTheConfiguredHost();
    void createPullSendsTheFields();
    void createPullAlreadyExistingReturnsThatPull();
    void createPullValidationFailures_data();
    void createPullValidationFailures();
    void rawDiffAsksForTheDiffMediaType();
    void pullFilesAcrossPages();
    void createReviewEvents_data();
    void createReviewEvents();
    void smallCallsSendTheRightRequests();
    void contentsAreDecodedFromBase64();
    void contentsWithBrokenBase64AreRefused();
    void primaryRateLimitWaitsUntilReset();
    void secondaryRateLimitHonoursRetryAfter();
    void secondaryRateLimitWithoutRetryAfterBacksOff();
    void rateLimitLongerThanTheCapFails();
    void badCredentialsSayCredentialsRefusedWithoutTheToken();
    void serverErrorThenSuccessIsRetried();
    void serverErrorsGiveUpAfterTheRetries();
    void droppedConnectionIsRetried();
    void silentServerTimesOut();
    void postIsNotResentAfterATimeout();
    void destroyedContextDropsTheCallback();
    void deviceFlowPendingSlowDownSuccess();
    void deviceFlowTerminalErrors_data();
    void deviceFlowTerminalErrors();
    void remoteUrls_data();
    void remoteUrls();
    void repositoriesOfRemotes_data();
    void repositoriesOfRemotes();
    void environmentOverridesTheApiBase();
    void configuredApiBaseComesAfterTheEnvironment();

    // With ../shared/fixtures/github-api: replay GitHub's own examples.
    void fixtureCreatePull_data();
    void fixtureCreatePull();
    void fixtureListTwoPages();
    void fixtureEnterpriseListKeepsApiV3();
    void fixtureReadCalls();
    void fixtureWriteCalls();
    void fixtureContents();
    void fixtureRateLimits_data();
    void fixtureRateLimits();
    void fixtureErrors_data();
    void fixtureErrors();
    void fixtureDeviceFlow();

private:
    std::unique_ptr<Client> makeClient(const QString &withToken = token);
    void checkHeaders(const RecordedRequest &request, const QByteArray &accept,
                      bool authenticated = true);
    QJsonObject fixture(const QString &name);
    void routeFixture(const QString &name);

    std::unique_ptr<FakeGitHub> m_server;
    ClientOptions m_options;
    QString m_shared;
};

void TestGitHubClient::init()
{
    m_server = std::make_unique<FakeGitHub>();
    QVERIFY(m_server->listen());
    m_options = ClientOptions{};
    m_options.apiBase = m_server->baseUrl();
    m_options.webBase = m_server->baseUrl();
    m_options.timeout = 3s;
    m_options.retryBaseDelay = 20ms;
    m_options.secondaryRateLimitWait = 300ms;
    m_shared = kanri::test::sharedDir();
}

void TestGitHubClient::cleanup()
{
    m_server.reset();
}

std::unique_ptr<Client> TestGitHubClient::makeClient(const QString &withToken)
{
    return std::make_unique<Client>(
        m_options,
        withToken.isEmpty() ? nullptr : kanri::credentials::TokenStore::fixed(withToken));
}

void TestGitHubClient::checkHeaders(const RecordedRequest &request, const QByteArray &accept,
                                    bool authenticated)
{
    QVERIFY2(request.header("user-agent").startsWith("Kanri/"), request.header("user-agent"));
    QVERIFY(request.header("user-agent").size() > 6);
    QCOMPARE(request.header("accept"), accept);
    QCOMPARE(request.header("x-github-api-version"), QByteArray("2022-11-28"));
    if (authenticated)
        QCOMPARE(request.header("authorization"), "Bearer " + token.toUtf8());
    else
        QVERIFY(!request.headers.contains("authorization"));
}

QJsonObject TestGitHubClient::fixture(const QString &name)
{
    return kanri::test::loadFixture(m_shared, name);
}

// Routes the fixture under its method and path (query stripped).
void TestGitHubClient::routeFixture(const QString &name)
{
    const QJsonObject f = fixture(name);
    const QUrl path(f.value(QLatin1String("path")).toString());
    m_server->on(f.value(QLatin1String("method")).toString().toLatin1(), path.path(),
                 m_server->fromFixture(f));
}

// ----- the client's own logic ------------------------------------------------------------------

void TestGitHubClient::everyRequestCarriesTheRequiredHeaders()
{
    m_server->on("GET", QStringLiteral("/user"),
                 CannedResponse::json(200, R"({"login":"octocat","id":1,"name":"The Octocat"})"));
    auto client = makeClient();
    const auto user = waitFor<User>(
        [&](QObject *context, auto done) { client->currentUser(context, std::move(done)); });
    QVERIFY2(user, qPrintable(user ? QString() : user.error().toString()));
    QCOMPARE(user->login, QStringLiteral("octocat"));
    QCOMPARE(user->id, 1);
    QCOMPARE(m_server->requests.size(), 1);
    QCOMPARE(m_server->requests[0].method, QByteArray("GET"));
    QCOMPARE(m_server->requests[0].path, QStringLiteral("/user"));
    checkHeaders(m_server->requests[0], "application/vnd.github+json");
    QCOMPARE(m_server->requests[0].header("user-agent"), QByteArray("Kanri/" KANRI_TEST_VERSION));
}

void TestGitHubClient::noTokenMeansNoAuthorizationHeader()
{
    m_server->on("GET", QStringLiteral("/repos/octocat/Hello-World"),
                 CannedResponse::json(200, R"({"id":7,"full_name":"octocat/Hello-World",
                                              "default_branch":"main"})"));
    auto client = makeClient(QString());
    const auto repo = waitFor<Repository>([&](QObject *context, auto done) {
        client->repository(helloWorld, context, std::move(done));
    });
    QVERIFY(repo);
    QCOMPARE(repo->defaultBranch, QStringLiteral("main"));
    checkHeaders(m_server->requests.value(0), "application/vnd.github+json", false);
}

void TestGitHubClient::listFollowsLinkNextAcrossPages()
{
    const QByteArray base = m_server->baseUrl().toString().toUtf8();
    // GitHub rewrites the path to /repositories/{id}/... and keeps the query; rel order varies.
    m_server->on("GET", QStringLiteral("/repos/octocat/Hello-World/pulls"),
                 CannedResponse::json(200, pullsArray(1, 3),
                                      {{"link", "<" + base +
                                                    "/repositories/42/pulls?state=open&per_page=100"
                                                    "&page=3>; rel=\"last\", <" +
                                                    base +
                                                    "/repositories/42/pulls?state=open&per_page=100"
                                                    "&page=2>; rel=\"next\""}}));
    m_server->on("GET", QStringLiteral("/repositories/42/pulls"),
                 CannedResponse::json(
                     200, pullsArray(4, 5),
                     {{"Link", "<" + base +
                                   "/repositories/42/pulls?state=open&per_page=100"
                                   "&page=3>; rel=\"next\", <" +
                                   base + "/repositories/42/pulls?page=1>; rel=\"first\""}}));
    m_server->on("GET", QStringLiteral("/repositories/42/pulls"),
                 CannedResponse::json(
                     200, pullsArray(6, 6),
                     {{"link", "<" + base + "/repositories/42/pulls?page=1>; rel=\"first\", <" +
                                   base + "/repositories/42/pulls?page=2>; rel=\"prev\""}}));
    auto client = makeClient();
    const auto pulls = waitFor<QList<PullRequest>>([&](QObject *context, auto done) {
        client->listOpenPulls(helloWorld, context, std::move(done));
    });
    QVERIFY2(pulls, qPrintable(pulls ? QString() : pulls.error().toString()));
    QCOMPARE(pulls->size(), 6);
    for (int i = 0; i < 6; ++i)
        QCOMPARE(pulls->at(i).number, i + 1);
    QCOMPARE(pulls->at(0).headLabel, QStringLiteral("octocat:topic"));
    QCOMPARE(m_server->requests.size(), 3);
    const auto &first = m_server->requests[0];
    QCOMPARE(first.query.queryItemValue(QStringLiteral("state")), QStringLiteral("open"));
    QCOMPARE(first.query.queryItemValue(QStringLiteral("per_page")), QStringLiteral("100"));
    QCOMPARE(m_server->requests[1].query.queryItemValue(QStringLiteral("page")),
             QStringLiteral("2"));
    QCOMPARE(m_server->requests[2].query.queryItemValue(QStringLiteral("page")),
             QStringLiteral("3"));
    for (const auto &request : std::as_const(m_server->requests)) {
        checkHeaders(request, "application/vnd.github+json");
        QCOMPARE(request.query.queryItemValue(QStringLiteral("state")), QStringLiteral("open"));
    }
}

void TestGitHubClient::pageLinkToAnotherHostIsRefused()
{
    m_server->on("GET", QStringLiteral("/orgs/acme/teams"),
                 CannedResponse::json(200, R"([{"id":1,"slug":"platform","name":"Platform"}])",
                                      {{"link", "<https://evil.example/orgs/acme/teams?page=2>; "
                                                "rel=\"next\""}}));
    auto client = makeClient();
    const auto teams = waitFor<QList<Team>>([&](QObject *context, auto done) {
        client->orgTeams(QStringLiteral("acme"), context, std::move(done));
    });
    QVERIFY(!teams);
    QCOMPARE(teams.error().kind, ApiError::Kind::Other);
    QVERIFY(teams.error().toString().contains(QLatin1String("evil.example")));
    QCOMPARE(m_server->requests.size(), 1);
}

void TestGitHubClient::tokenNeverLeavesTheApiOrigin()
{
    FakeGitHub other;
    QVERIFY(other.listen());
    other.on("GET", QStringLiteral("/file"), CannedResponse::json(200, "{}"));
    auto client = makeClient();
    Client::Request request;
    request.url = other.baseUrl().resolved(QUrl(QStringLiteral("/file")));
    const auto answer = waitFor<Client::Response>(
        [&](QObject *c, auto done) { client->send(request, c, std::move(done)); });
    QVERIFY(answer);
    QCOMPARE(other.requests.size(), 1);
    QVERIFY(!other.requests[0].headers.contains("authorization"));
}

// 0.0.0.0 reaches the loopback stand-in on Linux without being a loopback address: a host on
// the network for the token rule.
void TestGitHubClient::noTokenGoesOverPlainHttpToAHostNotAllowed()
{
    {
        QTcpSocket probe;
        probe.connectToHost(QStringLiteral("0.0.0.0"), m_server->baseUrl().port());
        if (!probe.waitForConnected(2000))
            QSKIP("this system does not route 0.0.0.0 to the loopback stand-in");
    }
    m_server->on("GET", QStringLiteral("/user"), CannedResponse::json(200, R"({"login":"me"})"));
    m_options.apiBase.setHost(QStringLiteral("0.0.0.0"));
    const QString host = QStringLiteral("0.0.0.0:%1").arg(m_options.apiBase.port());
    auto tokens = kanri::credentials::TokenStore::fixed(token);
    QStringList warnings;
    tokens->setWarning([&](const QString &warnedHost, const QString &) { warnings << warnedHost; });
    auto currentUser = [](Client &client) {
        return waitFor<User>(
            [&](QObject *c, auto done) { client.currentUser(c, std::move(done)); });
    };

    Client refused(m_options, tokens);
    auto user = currentUser(refused);
    QVERIFY(!user);
    QCOMPARE(user.error().kind, ApiError::Kind::Usage);
    QVERIFY2(user.error().toString().contains("plain http"), qPrintable(user.error().toString()));
    QVERIFY(user.error().toString().contains(host));
    QVERIFY(!user.error().toString().contains(token));
    QVERIFY(m_server->requests.isEmpty()); // failed before anything was sent
    // A token given later (the device flow's) is held back too, with or without a store.
    refused.setToken(QStringLiteral("gho_device"));
    QVERIFY(!currentUser(refused));
    Client withoutStore(m_options, nullptr);
    withoutStore.setToken(QStringLiteral("gho_device"));
    user = currentUser(withoutStore);
    QVERIFY(!user);
    QCOMPARE(user.error().kind, ApiError::Kind::Usage);
    QVERIFY(m_server->requests.isEmpty());
    QVERIFY(warnings.isEmpty());

    // Allowed by the user: sent, with a warning.
    tokens->setAllowedHttpHosts({QStringLiteral("0.0.0.0")});
    Client allowed(m_options, tokens);
    user = currentUser(allowed);
    QVERIFY2(user, qPrintable(user ? QString() : user.error().toString()));
    QCOMPARE(m_server->requests.size(), 1);
    QCOMPARE(m_server->requests[0].header("authorization"), "Bearer " + token.toUtf8());
    QCOMPARE(warnings, QStringList{host});
}

// The environment's token is for GitHub: a server that is not the configured GitHub host does
// not get it, and the request fails saying so rather than going without.
void TestGitHubClient::theEnvironmentTokenGoesOnlyToTheConfiguredHost()
{
    const QByteArray saved = qgetenv("KANRI_GITHUB_TOKEN");
    const QByteArray savedGitHub = qgetenv("GITHUB_TOKEN");
    auto restore = qScopeGuard([&] {
        saved.isNull() ? qunsetenv("KANRI_GITHUB_TOKEN") : qputenv("KANRI_GITHUB_TOKEN", saved);
        savedGitHub.isNull() ? qunsetenv("GITHUB_TOKEN") : qputenv("GITHUB_TOKEN", savedGitHub);
        qunsetenv("KANRI_GITHUB_API_URL");
    });
    qputenv("KANRI_GITHUB_TOKEN", token.toUtf8());
    qunsetenv("GITHUB_TOKEN");
    qunsetenv("KANRI_GITHUB_API_URL");
    m_server->on("GET", QStringLiteral("/user"), CannedResponse::json(200, R"({"login":"me"})"));
    auto tokens = std::make_shared<kanri::credentials::TokenStore>(
        kanri::credentials::TokenStore::Environment::Read, nullptr);

    Client notConfigured(m_options, tokens);
    auto user = waitFor<User>(
        [&](QObject *c, auto done) { notConfigured.currentUser(c, std::move(done)); });
    QVERIFY(!user);
    QCOMPARE(user.error().kind, ApiError::Kind::Usage);
    QVERIFY2(user.error().toString().contains(
                 QStringLiteral("not to 127.0.0.1:%1").arg(m_options.apiBase.port())),
             qPrintable(user.error().toString()));
    QVERIFY(!user.error().toString().contains(token));
    QVERIFY(m_server->requests.isEmpty());

    qputenv("KANRI_GITHUB_API_URL", m_server->baseUrl().toString().toUtf8());
    Client configured(m_options, tokens);
    user =
        waitFor<User>([&](QObject *c, auto done) { configured.currentUser(c, std::move(done)); });
    QVERIFY2(user, qPrintable(user ? QString() : user.error().toString()));
    QCOMPARE(m_server->requests.size(), 1);
    QCOMPARE(m_server->requests[0].header("authorization"), "Bearer " + token.toUtf8());
}

void TestGitHubClient::createPullSendsTheFields()
{
    m_server->on("POST", QStringLiteral("/repos/octocat/Hello-World/pulls"),
                 CannedResponse::json(201, pullJson(77, QStringLiteral("feature/x")),
                                      {{"location", "https://api.github.com/repos/octocat/"
                                                    "Hello-World/pulls/77"}}));
    auto client = makeClient();
    const NewPullRequest pull{QStringLiteral("Add alice to pagerduty"),
                              QStringLiteral("## staging\n+ alice"), QStringLiteral("feature/x"),
                              QStringLiteral("main"), true};
    const auto created = waitFor<CreatedPullRequest>([&](QObject *context, auto done) {
        client->createPull(helloWorld, pull, context, std::move(done));
    });
    QVERIFY2(created, qPrintable(created ? QString() : created.error().toString()));
    QCOMPARE(created->origin, CreatedPullRequest::Origin::Created);
    QCOMPARE(created->pull.number, 77);
    QCOMPARE(created->pull.htmlUrl,
             QStringLiteral("https://github.com/octocat/Hello-World/pull/77"));
    const RecordedRequest &request = m_server->requests.value(0);
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.path, QStringLiteral("/repos/octocat/Hello-World/pulls"));
    checkHeaders(request, "application/vnd.github+json");
    QVERIFY(request.header("content-type").startsWith("application/json"));
    const QJsonObject body = request.json();
    QCOMPARE(body.value(QLatin1String("title")).toString(), pull.title);
    QCOMPARE(body.value(QLatin1String("body")).toString(), pull.body);
    QCOMPARE(body.value(QLatin1String("head")).toString(), QStringLiteral("feature/x"));
    QCOMPARE(body.value(QLatin1String("base")).toString(), QStringLiteral("main"));
    QCOMPARE(body.value(QLatin1String("draft")).toBool(), true);
    QCOMPARE(body.size(), 5);
}

void TestGitHubClient::createPullAlreadyExistingReturnsThatPull()
{
    m_server->on("POST", QStringLiteral("/repos/octocat/Hello-World/pulls"),
                 CannedResponse::json(422, R"({"message":"Validation Failed","errors":[{"resource":
            "PullRequest","code":"custom","message":"A pull request already exists for
            octocat:fix+1."}],"documentation_url":"https://docs.github.com/rest","status":"422"})"));
    m_server->on("GET", QStringLiteral("/repos/octocat/Hello-World/pulls"),
                 CannedResponse::json(200, "[" + pullJson(12, QStringLiteral("fix+1")) + "]"));
    auto client = makeClient();
    const auto created = waitFor<CreatedPullRequest>([&](QObject *context, auto done) {
        client->createPull(
            helloWorld, {QStringLiteral("t"), {}, QStringLiteral("fix+1"), QStringLiteral("main")},
            context, std::move(done));
    });
    QVERIFY2(created, qPrintable(created ? QString() : created.error().toString()));
    QCOMPARE(created->origin, CreatedPullRequest::Origin::AlreadyExisted);
    QCOMPARE(created->pull.number, 12);
    QCOMPARE(m_server->requests.size(), 2);
    const RecordedRequest &lookup = m_server->requests[1];
    QCOMPARE(lookup.method, QByteArray("GET"));
    QCOMPARE(lookup.query.queryItemValue(QStringLiteral("head"), QUrl::FullyDecoded),
             QStringLiteral("octocat:fix+1"));
    QCOMPARE(lookup.query.queryItemValue(QStringLiteral("state")), QStringLiteral("open"));
    checkHeaders(lookup, "application/vnd.github+json");
}

void TestGitHubClient::createPullValidationFailures_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no commits between base and head")
        << QByteArray(R"({"message":"Validation Failed","errors":[{"resource":"PullRequest",
               "code":"custom","message":"No commits between main and topic"}]})")
        << QStringLiteral("Validation Failed: No commits between main and topic");
    QTest::newRow("head branch not pushed")
        << QByteArray(R"({"message":"Validation Failed","errors":[{"resource":"PullRequest",
               "field":"head","code":"invalid"}]})")
        << QStringLiteral("Validation Failed: PullRequest.head: invalid");
    QTest::newRow("simple validation error with strings")
        << QByteArray(R"({"message":"Unprocessable Entity","errors":["Body can't be blank"]})")
        << QStringLiteral("Unprocessable Entity: Body can't be blank");
}

void TestGitHubClient::createPullValidationFailures()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    m_server->on("POST", QStringLiteral("/repos/octocat/Hello-World/pulls"),
                 CannedResponse::json(422, body));
    auto client = makeClient();
    const auto created = waitFor<CreatedPullRequest>([&](QObject *context, auto done) {
        client->createPull(
            helloWorld, {QStringLiteral("t"), {}, QStringLiteral("topic"), QStringLiteral("main")},
            context, std::move(done));
    });
    QVERIFY(!created);
    QCOMPARE(created.error().kind, ApiError::Kind::Validation);
    QCOMPARE(created.error().httpStatus, 422);
    QVERIFY(!created.error().isPullRequestAlreadyExists());
    QVERIFY2(created.error().toString().contains(expected), qPrintable(created.error().toString()));
    QCOMPARE(m_server->requests.size(), 1); // no lookup, no retry
}

void TestGitHubClient::rawDiffAsksForTheDiffMediaType()
{
    const QByteArray diff = "diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n";
    CannedResponse response;
    response.body = diff;
    response.headers = {{"content-type", "application/vnd.github.diff; charset=utf-8"}};
    m_server->on("GET", QStringLiteral("/repos/octocat/Hello-World/pulls/5"), response);
    auto client = makeClient();
    const auto got = waitFor<QByteArray>([&](QObject *context, auto done) {
        client->pullDiff(helloWorld, 5, context, std::move(done));
    });
    QVERIFY(got);
    QCOMPARE(*got, diff);
    checkHeaders(m_server->requests.value(0), "application/vnd.github.diff");
}

void TestGitHubClient::pullFilesAcrossPages()
{
    const QByteArray base = m_server->baseUrl().toString().toUtf8();
    m_server->on("GET", QStringLiteral("/repos/octocat/Hello-World/pulls/5/files"),
                 CannedResponse::json(
                     200, R"([{"filename":"a.tf","status":"modified","additions":1,"patch":"@@"}])",
                     {{"link", "<" + base +
                                   "/repos/octocat/Hello-World/pulls/5/files?per_page=100&page=2>;"
                                   " rel=\"next\""}}));
    m_server->on("GET", QStringLiteral("/repos/octocat/Hello-World/pulls/5/files"),
                 CannedResponse::json(200, R"([{"filename":"b/new.yaml","status":"renamed",
                                               "previous_filename":"b/old.yaml"}])"));
    auto client = makeClient();
    const auto files = waitFor<QList<PullFile>>([&](QObject *context, auto done) {
        client->pullFiles(helloWorld, 5, context, std::move(done));
    });
    QVERIFY(files);
    QCOMPARE(files->size(), 2);
    QCOMPARE(files->at(0).additions, 1);
    QCOMPARE(files->at(1).previousFilename, QStringLiteral("b/old.yaml"));
    QCOMPARE(m_server->requests.size(), 2);
    QCOMPARE(m_server->requests[1].query.queryItemValue(QStringLiteral("page")),
             QStringLiteral("2"));
}

void TestGitHubClient::createReviewEvents_data()
{
    QTest::addColumn<int>("event");
    QTest::addColumn<QString>("wire");
    QTest::newRow("a comment") << int(ReviewEvent::Comment) << QStringLiteral("COMMENT");
    QTest::newRow("an approval") << int(ReviewEvent::Approve) << QStringLiteral("APPROVE");
    QTest::newRow("a change request")
        << int(ReviewEvent::RequestChanges) << QStringLiteral("REQUEST_CHANGES");
    QTest::newRow("a pending review sends no event") << int(ReviewEvent::Pending) << QString();
}

void TestGitHubClient::createReviewEvents()
{
    QFETCH(int, event);
    QFETCH(QString, wire);
    m_server->on("POST", QStringLiteral("/repos/octocat/Hello-World/pulls/9/reviews"),
                 CannedResponse::json(200, R"({"id":80,"state":"COMMENTED","body":"ok",
                                              "user":{"login":"octocat"}})"));
    auto client = makeClient();
    NewReview review;
    review.event = ReviewEvent(event);
    review.body = QStringLiteral("Looks fine");
    review.comments = {{QStringLiteral("envs/prod/main.tf"), QStringLiteral("why?"), 12,
                        QStringLiteral("RIGHT"), 0},
                       {QStringLiteral("README"), QStringLiteral("typo"), 0, {}, 3}};
    const auto posted = waitFor<Review>([&](QObject *context, auto done) {
        client->createReview(helloWorld, 9, review, context, std::move(done));
    });
    QVERIFY(posted);
    QCOMPARE(posted->id, 80);
    QCOMPARE(posted->user, QStringLiteral("octocat"));
    const RecordedRequest &request = m_server->requests.value(0);
    checkHeaders(request, "application/vnd.github+json");
    const QJsonObject body = request.json();
    QCOMPARE(body.value(QLatin1String("event")).toString(), wire);
    QCOMPARE(body.contains(QLatin1String("event")), !wire.isEmpty());
    QCOMPARE(body.value(QLatin1String("body")).toString(), QStringLiteral("Looks fine"));
    const QJsonArray comments = body.value(QLatin1String("comments")).toArray();
    QCOMPARE(comments.size(), 2);
    QCOMPARE(comments[0].toObject().value(QLatin1String("line")).toInt(), 12);
    QCOMPARE(comments[0].toObject().value(QLatin1String("side")).toString(),
             QStringLiteral("RIGHT"));
    QVERIFY(!comments[0].toObject().contains(QLatin1String("position")));
    QCOMPARE(comments[1].toObject().value(QLatin1String("position")).toInt(), 3);
    QCOMPARE(comments[1].toObject().value(QLatin1String("path")).toString(),
             QStringLiteral("README"));
}

void TestGitHubClient::smallCallsSendTheRightRequests()
{
    m_server->on(
        "GET", QStringLiteral("/repos/octocat/Hello-World/pulls/3/reviews"),
        CannedResponse::json(200, R"([{"id":1,"state":"APPROVED","user":{"login":"bob"}}])"));
    m_server->on("GET", QStringLiteral("/repos/octocat/Hello-World/issues/3/comments"),
                 CannedResponse::json(200, R"([{"id":2,"body":"hi","user":{"login":"ann"}}])"));
    m_server->on("GET", QStringLiteral("/repos/octocat/Hello-World/pulls/3/comments"),
                 CannedResponse::json(200, R"([{"id":3,"body":"nit","path":"a.tf","line":4}])"));
    m_server->on("GET", QStringLiteral("/repos/octocat/Hello-World/pulls/3/commits"),
                 CannedResponse::json(200, R"([{"sha":"abc","commit":{"message":"m",
                                              "author":{"name":"Ann"}}}])"));
    m_server->on("POST", QStringLiteral("/repos/octocat/Hello-World/issues/3/comments"),
                 CannedResponse::json(201, R"({"id":4,"body":"Me too"})"));
    m_server->on("POST", QStringLiteral("/repos/octocat/Hello-World/issues/3/labels"),
                 CannedResponse::json(200, R"([{"id":5,"name":"bug"},{"id":6,"name":"infra"}])"));
    m_server->on("POST", QStringLiteral("/repos/octocat/Hello-World/pulls/3/requested_reviewers"),
                 CannedResponse::json(201, pullJson(3)));
    m_server->on("GET", QStringLiteral("/orgs/acme corp/teams/sre/members"),
                 CannedResponse::json(200, R"([{"login":"carol","id":9}])"));
    auto client = makeClient();

    const auto reviews = waitFor<QList<Review>>(
        [&](QObject *c, auto done) { client->reviews(helloWorld, 3, c, std::move(done)); });
    QVERIFY(reviews && reviews->size() == 1 && reviews->at(0).state == QLatin1String("APPROVED"));
    const auto comments = waitFor<QList<IssueComment>>(
        [&](QObject *c, auto done) { client->issueComments(helloWorld, 3, c, std::move(done)); });
    QVERIFY(comments && comments->at(0).user == QLatin1String("ann"));
    const auto inline_ = waitFor<QList<PullComment>>(
        [&](QObject *c, auto done) { client->pullComments(helloWorld, 3, c, std::move(done)); });
    QVERIFY(inline_ && inline_->at(0).line == 4);
    const auto commits = waitFor<QList<Commit>>(
        [&](QObject *c, auto done) { client->pullCommits(helloWorld, 3, c, std::move(done)); });
    QVERIFY(commits && commits->at(0).authorName == QLatin1String("Ann"));
    const auto posted = waitFor<IssueComment>([&](QObject *c, auto done) {
        client->createIssueComment(helloWorld, 3, QStringLiteral("Me too"), c, std::move(done));
    });
    QVERIFY(posted && posted->id == 4);
    const auto labels = waitFor<QList<Label>>([&](QObject *c, auto done) {
        client->addLabels(helloWorld, 3, {QStringLiteral("bug"), QStringLiteral("infra")}, c,
                          std::move(done));
    });
    QVERIFY(labels && labels->size() == 2);
    const auto requested = waitFor<PullRequest>([&](QObject *c, auto done) {
        client->requestReviewers(helloWorld, 3, {QStringLiteral("bob")}, {}, c, std::move(done));
    });
    QVERIFY(requested && requested->number == 3);
    const auto members = waitFor<QList<User>>([&](QObject *c, auto done) {
        client->teamMembers(QStringLiteral("acme corp"), QStringLiteral("sre"), c, std::move(done));
    });
    QVERIFY2(members, qPrintable(members ? QString() : members.error().toString()));
    QCOMPARE(members->at(0).login, QStringLiteral("carol"));

    const auto &r = m_server->requests;
    QCOMPARE(r.size(), 8);
    for (const auto &request : r)
        checkHeaders(request, "application/vnd.github+json");
    for (int i = 0; i < 4; ++i)
        QCOMPARE(r[i].query.queryItemValue(QStringLiteral("per_page")), QStringLiteral("100"));
    QCOMPARE(r[4].json(), (QJsonObject{{QLatin1String("body"), QLatin1String("Me too")}}));
    QCOMPARE(r[5].json().value(QLatin1String("labels")).toArray(),
             QJsonArray({QLatin1String("bug"), QLatin1String("infra")}));
    QCOMPARE(r[6].json(),
             (QJsonObject{{QLatin1String("reviewers"), QJsonArray{QLatin1String("bob")}}}));
    QCOMPARE(r[7].query.queryItemValue(QStringLiteral("role")), QStringLiteral("all"));
}

void TestGitHubClient::contentsAreDecodedFromBase64()
{
    const QByteArray text = "resource \"x\" {}\nline two with more than sixty characters so that "
                            "GitHub wraps the base64\n";
    QByteArray wrapped;
    const QByteArray encoded = text.toBase64();
    for (qsizetype i = 0; i < encoded.size(); i += 60)
        wrapped += encoded.mid(i, 60) + "\n";
    m_server->on(
        "GET", QStringLiteral("/repos/octocat/Hello-World/contents/envs/prod x/main.tf"),
        CannedResponse::json(
            200,
            QJsonDocument(QJsonObject{{QLatin1String("type"), QLatin1String("file")},
                                      {QLatin1String("encoding"), QLatin1String("base64")},
                                      {QLatin1String("path"), QLatin1String("envs/prod x/main.tf")},
                                      {QLatin1String("sha"), QLatin1String("abc")},
                                      {QLatin1String("content"), QString::fromLatin1(wrapped)}})
                .toJson()));
    auto client = makeClient();
    const auto file = waitFor<FileContent>([&](QObject *c, auto done) {
        client->contents(helloWorld, QStringLiteral("envs/prod x/main.tf"), QStringLiteral("a+b"),
                         c, std::move(done));
    });
    QVERIFY2(file, qPrintable(file ? QString() : file.error().toString()));
    QCOMPARE(file->bytes, text);
    QCOMPARE(file->sha, QStringLiteral("abc"));
    const RecordedRequest &request = m_server->requests.value(0);
    QCOMPARE(request.query.queryItemValue(QStringLiteral("ref"), QUrl::FullyDecoded),
             QStringLiteral("a+b"));
}

void TestGitHubClient::contentsWithBrokenBase64AreRefused()
{
    m_server->on("GET", QStringLiteral("/repos/octocat/Hello-World/contents/README"),
                 CannedResponse::json(200, R"({"type":"file","encoding":"base64",
                                              "content":"SGVsbG8\\nV29y*bGQ="})"));
    auto client = makeClient();
    const auto file = waitFor<FileContent>([&](QObject *c, auto done) {
        client->contents(helloWorld, QStringLiteral("README"), {}, c, std::move(done));
    });
    QVERIFY(!file);
    QVERIFY(file.error().toString().contains(QLatin1String("base64")));
    QVERIFY(!m_server->requests.value(0).query.hasQueryItem(QStringLiteral("ref")));
}

void TestGitHubClient::primaryRateLimitWaitsUntilReset()
{
    const qint64 reset = QDateTime::currentSecsSinceEpoch() + 2;
    m_server->on("GET", QStringLiteral("/repos/octocat/Hello-World/pulls/1"),
                 CannedResponse::json(403,
                                      R"({"message":"API rate limit exceeded for user ID 1."})",
                                      {{"x-ratelimit-limit", "5000"},
                                       {"x-ratelimit-remaining", "0"},
                                       {"x-ratelimit-reset", QByteArray::number(reset)}}));
    m_server->on("GET", QStringLiteral("/repos/octocat/Hello-World/pulls/1"),
                 CannedResponse::json(200, pullJson(1)));
    auto client = makeClient();
    QSignalSpy waits(client.get(), &Client::waitingForRateLimit);
    const auto pull = waitFor<PullRequest>(
        [&](QObject *c, auto done) { client->pull(helloWorld, 1, c, std::move(done)); });
    QVERIFY2(pull, qPrintable(pull ? QString() : pull.error().toString()));
    QCOMPARE(pull->number, 1);
    QCOMPARE(waits.size(), 1);
    const int announced = waits[0][0].toInt();
    QVERIFY2(announced >= 1 && announced <= 2, qPrintable(QString::number(announced)));
    QVERIFY(waits[0][1].toString().contains(QLatin1String("API rate limit exceeded")));
    QCOMPARE(m_server->requests.size(), 2);
    QVERIFY2(m_server->requests[1].receivedAtMs >= reset * 1000,
             qPrintable(QStringLiteral("resent %1 ms before the reset")
                            .arg(reset * 1000 - m_server->requests[1].receivedAtMs)));
}

void TestGitHubClient::secondaryRateLimitHonoursRetryAfter()
{
    m_server->on("POST", QStringLiteral("/repos/octocat/Hello-World/issues/1/comments"),
                 CannedResponse::json(429,
                                      R"({"message":"You have exceeded a secondary rate limit."})",
                                      {{"retry-after", "1"}, {"x-ratelimit-remaining", "4000"}}));
    m_server->on("POST", QStringLiteral("/repos/octocat/Hello-World/issues/1/comments"),
                 CannedResponse::json(201, R"({"id":5,"body":"x"})"));
    auto client = makeClient();
    QSignalSpy waits(client.get(), &Client::waitingForRateLimit);
    const auto comment = waitFor<IssueComment>([&](QObject *c, auto done) {
        client->createIssueComment(helloWorld, 1, QStringLiteral("x"), c, std::move(done));
    });
    QVERIFY(comment);
    QCOMPARE(waits.size(), 1);
    QCOMPARE(waits[0][0].toInt(), 1);
    QCOMPARE(m_server->requests.size(), 2);
    const qint64 gap = m_server->requests[1].receivedAtMs - m_server->requests[0].receivedAtMs;
    QVERIFY2(gap >= 950, qPrintable(QString::number(gap)));
    QCOMPARE(m_server->requests[1].json(), m_server->requests[0].json());
}

void TestGitHubClient::secondaryRateLimitWithoutRetryAfterBacksOff()
{
    const auto answer = CannedResponse::json(
        403, R"({"message":"You have exceeded a secondary rate limit and have been temporarily
                 blocked from content creation."})",
        {{"x-ratelimit-remaining", "4868"}});
    m_server->on("POST", QStringLiteral("/repos/octocat/Hello-World/pulls"), answer);
    m_server->on("POST", QStringLiteral("/repos/octocat/Hello-World/pulls"), answer);
    m_server->on("POST", QStringLiteral("/repos/octocat/Hello-World/pulls"),
                 CannedResponse::json(201, pullJson(8)));
    auto client = makeClient();
    QSignalSpy waits(client.get(), &Client::waitingForRateLimit);
    const auto created = waitFor<CreatedPullRequest>([&](QObject *c, auto done) {
        client->createPull(
            helloWorld, {QStringLiteral("t"), {}, QStringLiteral("topic"), QStringLiteral("main")},
            c, std::move(done));
    });
    QVERIFY(created);
    QCOMPARE(m_server->requests.size(), 3);
    QCOMPARE(waits.size(), 2);
    const qint64 first = m_server->requests[1].receivedAtMs - m_server->requests[0].receivedAtMs;
    const qint64 second = m_server->requests[2].receivedAtMs - m_server->requests[1].receivedAtMs;
    QVERIFY2(first >= 280 && second >= 580,
             qPrintable(QStringLiteral("%1 %2").arg(first).arg(second)));
}

void TestGitHubClient::rateLimitLongerThanTheCapFails()
{
    m_server->on(
        "GET", QStringLiteral("/user"),
        CannedResponse::json(403, R"({"message":"API rate limit exceeded"})",
                             {{"x-ratelimit-remaining", "0"},
                              {"x-ratelimit-reset",
                               QByteArray::number(QDateTime::currentSecsSinceEpoch() + 7200)}}));
    auto client = makeClient();
    QSignalSpy waits(client.get(), &Client::waitingForRateLimit);
    const auto user =
        waitFor<User>([&](QObject *c, auto done) { client->currentUser(c, std::move(done)); });
    QVERIFY(!user);
    QCOMPARE(user.error().kind, ApiError::Kind::RateLimited);
    QVERIFY(user.error().retryAfter > 3600s);
    QVERIFY(user.error().toString().contains(QLatin1String("API rate limit exceeded")));
    QCOMPARE(waits.size(), 0);
    QCOMPARE(m_server->requests.size(), 1);
}

void TestGitHubClient::badCredentialsSayCredentialsRefusedWithoutTheToken()
{
    // A hostile body echoing the token must not bring it into a message either.
    m_server->on(
        "GET", QStringLiteral("/user"),
        CannedResponse::json(401, R"({"message":"Bad credentials )" + token.toUtf8() +
                                      R"(","documentation_url":"https://docs.github.com/rest"})"));
    auto client = makeClient();
    const auto user =
        waitFor<User>([&](QObject *c, auto done) { client->currentUser(c, std::move(done)); });
    QVERIFY(!user);
    QCOMPARE(user.error().kind, ApiError::Kind::Auth);
    QCOMPARE(user.error().httpStatus, 401);
    const QString text = user.error().toString();
    QVERIFY2(text.contains(QLatin1String("refused the credentials")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("Bad credentials")), qPrintable(text));
    QVERIFY2(!text.contains(token), qPrintable(text));
    QVERIFY(!user.error().toError().toString().contains(token));
    QCOMPARE(user.error().toError().code, kanri::Error::Code::Auth);

    // The refused token is not offered again.
    const auto again =
        waitFor<User>([&](QObject *c, auto done) { client->currentUser(c, std::move(done)); });
    QVERIFY(!again);
    QCOMPARE(again.error().kind, ApiError::Kind::Auth);
    QCOMPARE(m_server->requests.size(), 1);
}

void TestGitHubClient::serverErrorThenSuccessIsRetried()
{
    m_server->on("GET", QStringLiteral("/user"),
                 CannedResponse::json(502, R"({"message":"Server Error"})"));
    m_server->on("GET", QStringLiteral("/user"),
                 CannedResponse::json(200, R"({"login":"octocat"})"));
    auto client = makeClient();
    QSignalSpy retries(client.get(), &Client::retrying);
    const auto user =
        waitFor<User>([&](QObject *c, auto done) { client->currentUser(c, std::move(done)); });
    QVERIFY(user);
    QCOMPARE(m_server->requests.size(), 2);
    QCOMPARE(retries.size(), 1);
    QCOMPARE(retries[0][0].toInt(), 1);
}

void TestGitHubClient::serverErrorsGiveUpAfterTheRetries()
{
    m_server->on("GET", QStringLiteral("/user"),
                 CannedResponse::json(503, R"({"message":"Service Unavailable"})"));
    m_options.maxRetries = 3;
    auto client = makeClient();
    QSignalSpy retries(client.get(), &Client::retrying);
    const auto user =
        waitFor<User>([&](QObject *c, auto done) { client->currentUser(c, std::move(done)); });
    QVERIFY(!user);
    QCOMPARE(user.error().kind, ApiError::Kind::Server);
    QVERIFY(user.error().toString().contains(QLatin1String("Service Unavailable")));
    QCOMPARE(m_server->requests.size(), 4);
    QCOMPARE(retries.size(), 3);
    // Exponential: 20, 40, 80 ms.
    QCOMPARE(retries[0][1].toInt(), 20);
    QCOMPARE(retries[1][1].toInt(), 40);
    QCOMPARE(retries[2][1].toInt(), 80);
    const qint64 lastGap = m_server->requests[3].receivedAtMs - m_server->requests[2].receivedAtMs;
    QVERIFY(lastGap >= 75);
}

void TestGitHubClient::droppedConnectionIsRetried()
{
    CannedResponse drop;
    drop.behaviour = CannedResponse::Behaviour::CloseWithoutAnswer;
    m_server->on("GET", QStringLiteral("/user"), drop);
    m_server->on("GET", QStringLiteral("/user"),
                 CannedResponse::json(200, R"({"login":"octocat"})"));
    auto client = makeClient();
    const auto user =
        waitFor<User>([&](QObject *c, auto done) { client->currentUser(c, std::move(done)); });
    QVERIFY2(user, qPrintable(user ? QString() : user.error().toString()));
    QVERIFY(m_server->requests.size() >= 2);
}

void TestGitHubClient::silentServerTimesOut()
{
    CannedResponse silence;
    silence.behaviour = CannedResponse::Behaviour::NeverAnswer;
    m_server->on("GET", QStringLiteral("/user"), silence);
    m_options.timeout = 300ms;
    m_options.maxRetries = 1;
    auto client = makeClient();
    QElapsedTimer timer;
    timer.start();
    const auto user =
        waitFor<User>([&](QObject *c, auto done) { client->currentUser(c, std::move(done)); });
    QVERIFY(!user);
    QCOMPARE(user.error().kind, ApiError::Kind::Timeout);
    QVERIFY(user.error().toString().contains(QLatin1String("300 ms")));
    QCOMPARE(m_server->requests.size(), 2); // one retry for a GET
    QVERIFY(timer.elapsed() >= 600);
    QVERIFY(timer.elapsed() < 3000);
}

void TestGitHubClient::postIsNotResentAfterATimeout()
{
    CannedResponse silence;
    silence.behaviour = CannedResponse::Behaviour::NeverAnswer;
    m_server->on("POST", QStringLiteral("/repos/octocat/Hello-World/pulls/4/reviews"), silence);
    m_options.timeout = 200ms;
    auto client = makeClient();
    const auto review = waitFor<Review>([&](QObject *c, auto done) {
        client->createReview(helloWorld, 4, NewReview{ReviewEvent::Approve, {}, {}, {}}, c,
                             std::move(done));
    });
    QVERIFY(!review);
    QCOMPARE(review.error().kind, ApiError::Kind::Timeout);
    QCOMPARE(m_server->requests.size(), 1);
}

void TestGitHubClient::destroyedContextDropsTheCallback()
{
    auto client = makeClient();
    bool called = false;
    m_server->clearRoutes();
    CannedResponse late = CannedResponse::json(200, R"({"login":"late"})");
    late.delayMs = 300;
    m_server->on("GET", QStringLiteral("/user"), late);
    m_server->on("GET", QStringLiteral("/user"),
                 CannedResponse::json(200, R"({"login":"octocat"})"));
    auto context = std::make_unique<QObject>();
    client->currentUser(context.get(), [&](ApiResult<User>) { called = true; });
    QTRY_COMPARE(m_server->requests.size(), 1);
    context.reset(); // while the answer is still on its way
    // A second call on the same client proves the loop ran past the first answer.
    const auto user =
        waitFor<User>([&](QObject *c, auto done) { client->currentUser(c, std::move(done)); });
    QVERIFY(user);
    QVERIFY(!called);
    QCOMPARE(m_server->requests.size(), 2);
}

void TestGitHubClient::deviceFlowPendingSlowDownSuccess()
{
    m_server->on("POST", QStringLiteral("/login/device/code"),
                 CannedResponse::json(200, R"({"device_code":"dc-1","user_code":"ABCD-1234",
                     "verification_uri":"https://github.com/login/device","expires_in":900,
                     "interval":5})"));
    const QString path = QStringLiteral("/login/oauth/access_token");
    m_server->on("POST", path, CannedResponse::json(200, R"({"error":"authorization_pending"})"));
    m_server->on("POST", path, CannedResponse::json(200, R"({"error":"slow_down","interval":10})"));
    m_server->on("POST", path, CannedResponse::json(200, R"({"access_token":"gho_new",
                     "token_type":"bearer","scope":"repo,read:org"})"));
    auto client = makeClient(QString());
    DeviceFlow flow(client.get(), QStringLiteral("Iv1.test"),
                    {QStringLiteral("repo"), QStringLiteral("read:org")});
    flow.setSecondLength(20ms);
    QSignalSpy code(&flow, &DeviceFlow::codeReady);
    QSignalSpy success(&flow, &DeviceFlow::succeeded);
    QSignalSpy failure(&flow, &DeviceFlow::failed);
    flow.start();
    QTRY_COMPARE_WITH_TIMEOUT(success.size() + failure.size(), 1, 5000);
    QCOMPARE(failure.size(), 0);
    QCOMPARE(success[0][0].toString(), QStringLiteral("gho_new"));
    QCOMPARE(code.size(), 1);
    QCOMPARE(code[0][0].toString(), QStringLiteral("ABCD-1234"));
    QCOMPARE(flow.currentInterval(), 10);

    const auto &r = m_server->requests;
    QCOMPARE(r.size(), 4);
    for (const auto &request : r) {
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.header("accept"), QByteArray("application/json"));
        QCOMPARE(request.header("content-type"), QByteArray("application/x-www-form-urlencoded"));
        QVERIFY(request.header("user-agent").startsWith("Kanri/"));
        QVERIFY(!request.headers.contains("authorization"));
    }
    const QUrlQuery first(QString::fromLatin1(r[0].body));
    QCOMPARE(first.queryItemValue(QStringLiteral("client_id")), QStringLiteral("Iv1.test"));
    QCOMPARE(first.queryItemValue(QStringLiteral("scope"), QUrl::FullyDecoded),
             QStringLiteral("repo read:org"));
    const QUrlQuery poll(QString::fromLatin1(r[1].body));
    QCOMPARE(poll.queryItemValue(QStringLiteral("device_code")), QStringLiteral("dc-1"));
    QCOMPARE(poll.queryItemValue(QStringLiteral("grant_type"), QUrl::FullyDecoded),
             QStringLiteral("urn:ietf:params:oauth:grant-type:device_code"));
    // 5 "seconds" before each poll, then 10 after slow_down.
    const qint64 gap1 = r[2].receivedAtMs - r[1].receivedAtMs;
    const qint64 gap2 = r[3].receivedAtMs - r[2].receivedAtMs;
    QVERIFY2(gap1 >= 95 && gap2 >= 195, qPrintable(QStringLiteral("%1 %2").arg(gap1).arg(gap2)));

    // The new token is used from now on.
    client->setToken(success[0][0].toString());
    m_server->on("GET", QStringLiteral("/user"), CannedResponse::json(200, R"({"login":"me"})"));
    const auto user =
        waitFor<User>([&](QObject *c, auto done) { client->currentUser(c, std::move(done)); });
    QVERIFY(user);
    QCOMPARE(m_server->requests.last().header("authorization"), QByteArray("Bearer gho_new"));
}

void TestGitHubClient::deviceFlowTerminalErrors_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("oauthError");
    QTest::newRow("the user pressed cancel")
        << QStringLiteral("/login/oauth/access_token") << 200
        << QByteArray(R"({"error":"access_denied"})") << QStringLiteral("access_denied");
    QTest::newRow("the code expired")
        << QStringLiteral("/login/oauth/access_token") << 200
        << QByteArray(R"({"error":"expired_token"})") << QStringLiteral("expired_token");
    QTest::newRow("the app has no device flow")
        << QStringLiteral("/login/device/code") << 400
        << QByteArray(R"({"error":"device_flow_disabled","error_description":"Device Flow must be
               explicitly enabled for this App"})")
        << QStringLiteral("device_flow_disabled");
}

void TestGitHubClient::deviceFlowTerminalErrors()
{
    QFETCH(QString, path);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, oauthError);
    if (path != QLatin1String("/login/device/code"))
        m_server->on("POST", QStringLiteral("/login/device/code"),
                     CannedResponse::json(200, R"({"device_code":"dc","user_code":"U",
                                                  "interval":1,"expires_in":60,
                                                  "verification_uri":"x"})"));
    m_server->on("POST", path, CannedResponse::json(status, body));
    auto client = makeClient(QString());
    DeviceFlow flow(client.get(), QStringLiteral("Iv1.test"), {});
    flow.setSecondLength(10ms);
    QSignalSpy success(&flow, &DeviceFlow::succeeded);
    QSignalSpy failure(&flow, &DeviceFlow::failed);
    flow.start();
    QTRY_COMPARE_WITH_TIMEOUT(failure.size(), 1, 3000);
    QCOMPARE(success.size(), 0);
    const auto error = failure[0][0].value<ApiError>();
    QCOMPARE(error.kind, ApiError::Kind::DeviceFlow);
    QCOMPARE(error.oauthError, oauthError);
    QVERIFY(!flow.isRunning());
}

void TestGitHubClient::remoteUrls_data()
{
    QTest::addColumn<QString>("remote");
    QTest::addColumn<QString>("api");
    QTest::addColumn<QString>("owner");
    QTest::addColumn<QString>("name");
    const QString dotcom = QStringLiteral("https://api.github.com");
    const QString ghes = QStringLiteral("https://git.corp.example/api/v3");
    QTest::newRow("scp-like ssh to github.com")
        << QStringLiteral("git@github.com:octocat/Hello-World.git") << dotcom
        << QStringLiteral("octocat") << QStringLiteral("Hello-World");
    QTest::newRow("https to github.com without .git")
        << QStringLiteral("https://github.com/octocat/Hello-World") << dotcom
        << QStringLiteral("octocat") << QStringLiteral("Hello-World");
    QTest::newRow("https with credentials and a trailing slash")
        << QStringLiteral("https://user:pw@github.com/octocat/Hello-World.git/") << dotcom
        << QStringLiteral("octocat") << QStringLiteral("Hello-World");
    QTest::newRow("ssh url over port 443")
        << QStringLiteral("ssh://git@ssh.github.com:443/octocat/Hello-World.git") << dotcom
        << QStringLiteral("octocat") << QStringLiteral("Hello-World");
    QTest::newRow("enterprise over scp-like ssh")
        << QStringLiteral("git@git.corp.example:platform/infra.git") << ghes
        << QStringLiteral("platform") << QStringLiteral("infra");
    QTest::newRow("enterprise over https")
        << QStringLiteral("https://git.corp.example/platform/infra.git") << ghes
        << QStringLiteral("platform") << QStringLiteral("infra");
    QTest::newRow("enterprise over ssh url")
        << QStringLiteral("ssh://git@git.corp.example:2222/platform/infra") << ghes
        << QStringLiteral("platform") << QStringLiteral("infra");
    QTest::newRow("a local path is not a GitHub remote")
        << QStringLiteral("/srv/git/infra.git") << QString() << QString() << QString();
    QTest::newRow("a path too deep is not a repository")
        << QStringLiteral("https://github.com/octocat/Hello-World/tree/main") << QString()
        << QString() << QString();
}

void TestGitHubClient::repositoriesOfRemotes_data()
{
    QTest::addColumn<QString>("remote");
    QTest::addColumn<QString>("fullName"); // empty: none
    QTest::newRow("a GitHub remote names its repository")
        << QStringLiteral("git@github.com:octocat/Hello-World.git")
        << QStringLiteral("octocat/Hello-World");
    QTest::newRow("a local bare repository is named by its last two folders")
        << QStringLiteral("/srv/acme/manifests.git") << QStringLiteral("acme/manifests");
    QTest::newRow("a file url too")
        << QStringLiteral("file:///srv/acme/accounts") << QStringLiteral("acme/accounts");
    QTest::newRow("a relative path names nothing")
        << QStringLiteral("remotes/manifests.git") << QString();
    QTest::newRow("a folder at the root names nothing")
        << QStringLiteral("/manifests.git") << QString();
}

void TestGitHubClient::repositoriesOfRemotes()
{
    QFETCH(QString, remote);
    QFETCH(QString, fullName);
    const auto repo = repoForRemote(remote);
    QCOMPARE(repo ? repo->fullName() : QString(), fullName);
}

void TestGitHubClient::remoteUrls()
{
    QFETCH(QString, remote);
    QFETCH(QString, api);
    QFETCH(QString, owner);
    QFETCH(QString, name);
    const auto location = parseRemoteUrl(remote);
    if (api.isEmpty()) {
        QVERIFY(!location);
        return;
    }
    QVERIFY(location);
    QCOMPARE(location->repo.owner, owner);
    QCOMPARE(location->repo.name, name);
    QCOMPARE(apiBaseForHost(location->host, location->scheme).toString(), api);
    qunsetenv("KANRI_GITHUB_API_URL");
    const ClientOptions options = ClientOptions::forRemote(remote);
    QCOMPARE(options.apiBase.toString(), api);
    QCOMPARE(options.webBase.toString(), api == QLatin1String("https://api.github.com")
                                             ? QStringLiteral("https://github.com")
                                             : QStringLiteral("https://git.corp.example"));
}

// The setting github/apiUrl (the GUI and the publishing flow pass it) wins over the remote's
// host and loses to KANRI_GITHUB_API_URL; the token host follows the chosen API.
void TestGitHubClient::configuredApiBaseComesAfterTheEnvironment()
{
    const QUrl configured(QStringLiteral("https://ghe.corp.example/api/v3"));
    qunsetenv("KANRI_GITHUB_API_URL");
    ClientOptions options =
        ClientOptions::forRemote(QStringLiteral("git@github.com:a/b"), configured);
    QCOMPARE(options.apiBase, configured);
    QCOMPARE(options.webBase.toString(), QStringLiteral("https://ghe.corp.example"));
    QCOMPARE(tokenHostForApiBase(options.apiBase), QStringLiteral("ghe.corp.example"));
    QCOMPARE(
        tokenHostForApiBase(ClientOptions::forRemote(QStringLiteral("git@github.com:a/b")).apiBase),
        QStringLiteral("github.com"));

    qputenv("KANRI_GITHUB_API_URL", "http://127.0.0.1:9/api/v3/");
    options = ClientOptions::forRemote(QStringLiteral("git@github.com:a/b"), configured);
    qunsetenv("KANRI_GITHUB_API_URL");
    QCOMPARE(options.apiBase.toString(), QStringLiteral("http://127.0.0.1:9/api/v3"));
}

void TestGitHubClient::environmentOverridesTheApiBase()
{
    qputenv("KANRI_GITHUB_API_URL", "http://127.0.0.1:9/api/v3/");
    const ClientOptions options = ClientOptions::forRemote(QStringLiteral("git@github.com:a/b"));
    qunsetenv("KANRI_GITHUB_API_URL");
    QCOMPARE(options.apiBase.toString(), QStringLiteral("http://127.0.0.1:9/api/v3"));
    QCOMPARE(options.webBase.toString(), QStringLiteral("http://127.0.0.1:9"));

    // Paths are appended under the base's own path.
    m_options.apiBase = m_server->baseUrl().resolved(QUrl(QStringLiteral("/api/v3")));
    m_server->on("GET", QStringLiteral("/api/v3/user"),
                 CannedResponse::json(200, R"({"login":"e"})"));
    auto client = makeClient();
    const auto user =
        waitFor<User>([&](QObject *c, auto done) { client->currentUser(c, std::move(done)); });
    QVERIFY(user);
}

// ----- fixtures ----------------------------------------------------------------------------------

#define REQUIRE_SHARED()                                                                           \
    if (m_shared.isEmpty())                                                                        \
    QSKIP("../shared (KANRI_SHARED) is absent: GitHub fixtures not replayed")

void TestGitHubClient::fixtureCreatePull_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("expectedKind"); // -1: success
    QTest::newRow("created with 201") << QStringLiteral("pulls.create.json") << -1;
    QTest::newRow("a pull request already exists for the branch")
        << QStringLiteral("pulls.create.422-already-exists.json") << -1;
    QTest::newRow("no commits between base and head")
        << QStringLiteral("pulls.create.422-no-commits.json") << int(ApiError::Kind::Validation);
    QTest::newRow("the head branch was never pushed")
        << QStringLiteral("pulls.create.422-invalid-head.json") << int(ApiError::Kind::Validation);
}

void TestGitHubClient::fixtureCreatePull()
{
    REQUIRE_SHARED();
    QFETCH(QString, file);
    QFETCH(int, expectedKind);
    const QJsonObject f = fixture(file);
    QVERIFY(!f.isEmpty());
    routeFixture(file);
    const bool exists = file.contains(QLatin1String("already-exists"));
    if (exists) {
        // The lookup answers with the first page of open PRs for that head.
        const QJsonObject list = fixture(QStringLiteral("pulls.list.json"));
        CannedResponse page = m_server->fromFixture(list);
        page.setHeader("link", {});
        m_server->on("GET", QStringLiteral("/repos/octocat/Hello-World/pulls"), page);
    }
    const QJsonObject sent =
        f.value(QLatin1String("request")).toObject().value(QLatin1String("body")).toObject();
    const NewPullRequest pull{sent.value(QLatin1String("title")).toString(),
                              sent.value(QLatin1String("body")).toString(),
                              sent.value(QLatin1String("head")).toString(),
                              sent.value(QLatin1String("base")).toString(), false};
    auto client = makeClient();
    const auto created = waitFor<CreatedPullRequest>(
        [&](QObject *c, auto done) { client->createPull(helloWorld, pull, c, std::move(done)); });

    const RecordedRequest &request = m_server->requests.value(0);
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.path, QStringLiteral("/repos/octocat/Hello-World/pulls"));
    checkHeaders(request, "application/vnd.github+json");
    QCOMPARE(request.json(), sent);

    if (expectedKind >= 0) {
        QVERIFY(!created);
        QCOMPARE(int(created.error().kind), expectedKind);
        const QJsonObject item = f.value(QLatin1String("body"))
                                     .toObject()
                                     .value(QLatin1String("errors"))
                                     .toArray()
                                     .at(0)
                                     .toObject();
        const QString detail = item.contains(QLatin1String("message"))
                                   ? item.value(QLatin1String("message")).toString()
                                   : item.value(QLatin1String("code")).toString();
        QVERIFY2(created.error().toString().contains(detail),
                 qPrintable(created.error().toString()));
        QVERIFY(created.error().toString().contains(QLatin1String("Validation Failed")));
        QCOMPARE(m_server->requests.size(), 1);
        return;
    }
    QVERIFY2(created, qPrintable(created ? QString() : created.error().toString()));
    if (exists) {
        QCOMPARE(created->origin, CreatedPullRequest::Origin::AlreadyExisted);
        QCOMPARE(m_server->requests.size(), 2);
        QCOMPARE(m_server->requests[1].query.queryItemValue(QStringLiteral("head")),
                 QStringLiteral("octocat:new-topic"));
        QCOMPARE(created->pull.number, 1347);
    } else {
        QCOMPARE(created->origin, CreatedPullRequest::Origin::Created);
        QCOMPARE(created->pull.number, 1347);
        QCOMPARE(created->pull.title, QStringLiteral("Amazing new feature"));
        QCOMPARE(created->pull.headRef, QStringLiteral("new-topic"));
    }
}

void TestGitHubClient::fixtureListTwoPages()
{
    REQUIRE_SHARED();
    const QJsonObject first = fixture(QStringLiteral("pulls.list.json"));
    const QJsonObject second = fixture(QStringLiteral("pulls.list.page-2.json"));
    m_server->on("GET", QStringLiteral("/repos/octocat/Hello-World/pulls"),
                 m_server->fromFixture(first));
    // Page 2 of the fixture links on to page 3: cut that link so page 2 is the last.
    CannedResponse last = m_server->fromFixture(second);
    const QByteArray base = m_server->baseUrl().toString().toUtf8();
    last.setHeader("link",
                   "<" + base +
                       "/repositories/1296269/pulls?state=open&per_page=30&page=1>; "
                       "rel=\"prev\", <" +
                       base +
                       "/repositories/1296269/pulls?state=open&per_page=30&page=1>; rel=\"first\"");
    m_server->on("GET", QStringLiteral("/repositories/1296269/pulls"), last);
    auto client = makeClient();
    const auto pulls = waitFor<QList<PullRequest>>(
        [&](QObject *c, auto done) { client->listOpenPulls(helloWorld, c, std::move(done)); });
    QVERIFY2(pulls, qPrintable(pulls ? QString() : pulls.error().toString()));
    const int expected = first.value(QLatin1String("body")).toArray().size() +
                         second.value(QLatin1String("body")).toArray().size();
    QCOMPARE(pulls->size(), expected);
    QCOMPARE(m_server->requests.size(), 2);
    QCOMPARE(m_server->requests[1].path, QStringLiteral("/repositories/1296269/pulls"));
    const QUrlQuery expectedQuery(QUrl(QString::fromUtf8(first.value(QLatin1String("headers"))
                                                             .toObject()
                                                             .value(QLatin1String("link"))
                                                             .toString()
                                                             .toUtf8())
                                           .section(QLatin1Char('>'), 0, 0)
                                           .mid(1)));
    QCOMPARE(m_server->requests[1].query.queryItemValue(QStringLiteral("page")),
             expectedQuery.queryItemValue(QStringLiteral("page")));
    QCOMPARE(m_server->requests[1].query.queryItemValue(QStringLiteral("state")),
             QStringLiteral("open"));
    for (const auto &request : std::as_const(m_server->requests))
        checkHeaders(request, "application/vnd.github+json");
}

void TestGitHubClient::fixtureEnterpriseListKeepsApiV3()
{
    REQUIRE_SHARED();
    m_options.apiBase = m_server->baseUrl().resolved(QUrl(QStringLiteral("/api/v3")));
    const QJsonObject list = fixture(QStringLiteral("ghes.pulls.list.json"));
    const QJsonObject user = fixture(QStringLiteral("ghes.user.get.json"));
    m_server->on("GET", QStringLiteral("/api/v3/repos/octocat/Hello-World/pulls"),
                 m_server->fromFixture(list));
    CannedResponse page2 = CannedResponse::json(200, "[" + pullJson(99) + "]");
    m_server->on("GET", QStringLiteral("/api/v3/repositories/1296269/pulls"), page2);
    m_server->on("GET", QStringLiteral("/api/v3/user"), m_server->fromFixture(user));
    auto client = makeClient();
    const auto pulls = waitFor<QList<PullRequest>>(
        [&](QObject *c, auto done) { client->listOpenPulls(helloWorld, c, std::move(done)); });
    QVERIFY2(pulls, qPrintable(pulls ? QString() : pulls.error().toString()));
    QCOMPARE(pulls->size(), list.value(QLatin1String("body")).toArray().size() + 1);
    QCOMPARE(m_server->requests.value(1).path,
             QStringLiteral("/api/v3/repositories/1296269/pulls"));
    const auto me =
        waitFor<User>([&](QObject *c, auto done) { client->currentUser(c, std::move(done)); });
    QVERIFY(me);
    QCOMPARE(me->login,
             user.value(QLatin1String("body")).toObject().value(QLatin1String("login")).toString());
}

void TestGitHubClient::fixtureReadCalls()
{
    REQUIRE_SHARED();
    for (const char *name :
         {"user.get.json", "repo.get.json", "pulls.get.json", "pulls.files.list.consistent.json",
          "pulls.commits.list.json", "orgs.teams.list.json", "orgs.team-members.list.json"})
        routeFixture(QString::fromLatin1(name));
    // Reviews are listed on PR 12 in the fixture; the diff shares its path with pulls.get.
    routeFixture(QStringLiteral("pulls.reviews.list.json"));
    auto client = makeClient();

    const auto user =
        waitFor<User>([&](QObject *c, auto done) { client->currentUser(c, std::move(done)); });
    QVERIFY(user && user->login == QLatin1String("octocat"));
    const auto repo = waitFor<Repository>(
        [&](QObject *c, auto done) { client->repository(helloWorld, c, std::move(done)); });
    QVERIFY(repo && repo->fullName == QLatin1String("octocat/Hello-World"));
    const auto pull = waitFor<PullRequest>(
        [&](QObject *c, auto done) { client->pull(helloWorld, 1347, c, std::move(done)); });
    QVERIFY(pull && pull->number == 1347 && pull->baseRef == QLatin1String("master"));
    const auto files = waitFor<QList<PullFile>>(
        [&](QObject *c, auto done) { client->pullFiles(helloWorld, 1347, c, std::move(done)); });
    QVERIFY(files);
    QCOMPARE(files->size(), 2);
    QCOMPARE(files->at(1).filename, QStringLiteral("src/greeting.txt"));
    QCOMPARE(files->at(1).status, QStringLiteral("added"));
    const auto commits = waitFor<QList<Commit>>(
        [&](QObject *c, auto done) { client->pullCommits(helloWorld, 1347, c, std::move(done)); });
    QVERIFY(commits && !commits->isEmpty() && !commits->at(0).sha.isEmpty());
    const auto reviews = waitFor<QList<Review>>(
        [&](QObject *c, auto done) { client->reviews(helloWorld, 12, c, std::move(done)); });
    QVERIFY(reviews && !reviews->isEmpty() && reviews->at(0).user == QLatin1String("octocat"));
    // orgs.teams.list links to a page 2 the fixtures do not have: the stand-in repeats page 1
    // under /organizations/1/teams, which proves the link was followed.
    const QJsonObject teamsFixture = fixture(QStringLiteral("orgs.teams.list.json"));
    CannedResponse teamsLast = m_server->fromFixture(teamsFixture);
    teamsLast.setHeader("link", {});
    m_server->on("GET", QStringLiteral("/organizations/1/teams"), teamsLast);
    const auto teams = waitFor<QList<Team>>([&](QObject *c, auto done) {
        client->orgTeams(QStringLiteral("github"), c, std::move(done));
    });
    QVERIFY2(teams, qPrintable(teams ? QString() : teams.error().toString()));
    QCOMPARE(teams->size(), 2 * teamsFixture.value(QLatin1String("body")).toArray().size());
    QCOMPARE(teams->at(0).slug, QStringLiteral("justice-league"));
    const auto members = waitFor<QList<User>>([&](QObject *c, auto done) {
        client->teamMembers(QStringLiteral("github"), QStringLiteral("justice-league"), c,
                            std::move(done));
    });
    QVERIFY(members && members->at(0).login == QLatin1String("octocat"));

    // The raw diff, on a fresh route of its own.
    m_server->clearRoutes();
    routeFixture(QStringLiteral("pulls.get.diff.json"));
    const auto diff = waitFor<QByteArray>(
        [&](QObject *c, auto done) { client->pullDiff(helloWorld, 1347, c, std::move(done)); });
    QVERIFY(diff);
    QCOMPARE(*diff, fixture(QStringLiteral("pulls.get.diff.json"))
                        .value(QLatin1String("body"))
                        .toString()
                        .toUtf8());
    checkHeaders(m_server->requests.last(), "application/vnd.github.diff");

    for (const auto &request : std::as_const(m_server->requests)) {
        QCOMPARE(request.method, QByteArray("GET"));
        QCOMPARE(request.header("x-github-api-version"), QByteArray("2022-11-28"));
        QCOMPARE(request.header("authorization"), "Bearer " + token.toUtf8());
    }
    const RecordedRequest membersRequest = m_server->requests[m_server->requests.size() - 2];
    QCOMPARE(membersRequest.query.queryItemValue(QStringLiteral("role")), QStringLiteral("all"));
}

void TestGitHubClient::fixtureWriteCalls()
{
    REQUIRE_SHARED();
    for (const char *name : {"pulls.reviews.create.json", "issues.comments.create.json",
                             "issues.labels.add.json", "pulls.requested-reviewers.create.json"})
        routeFixture(QString::fromLatin1(name));
    auto client = makeClient();
    auto sentBody = [&](const char *name) {
        return fixture(QString::fromLatin1(name))
            .value(QLatin1String("request"))
            .toObject()
            .value(QLatin1String("body"))
            .toObject();
    };

    const QJsonObject reviewBody = sentBody("pulls.reviews.create.json");
    NewReview review;
    review.event = ReviewEvent::RequestChanges;
    review.body = reviewBody.value(QLatin1String("body")).toString();
    review.commitId = reviewBody.value(QLatin1String("commit_id")).toString();
    const QJsonObject c0 = reviewBody.value(QLatin1String("comments")).toArray().at(0).toObject();
    review.comments = {{c0.value(QLatin1String("path")).toString(),
                        c0.value(QLatin1String("body")).toString(),
                        0,
                        {},
                        c0.value(QLatin1String("position")).toInt()}};
    const auto posted = waitFor<Review>([&](QObject *c, auto done) {
        client->createReview(helloWorld, 12, review, c, std::move(done));
    });
    QVERIFY(posted);
    QCOMPARE(posted->state, QStringLiteral("CHANGES_REQUESTED"));
    QCOMPARE(m_server->requests.last().json(), reviewBody);

    const auto comment = waitFor<IssueComment>([&](QObject *c, auto done) {
        client->createIssueComment(helloWorld, 1347, QStringLiteral("Me too"), c, std::move(done));
    });
    QVERIFY(comment && comment->body == QLatin1String("Me too"));
    QCOMPARE(m_server->requests.last().json(), sentBody("issues.comments.create.json"));

    const auto labels = waitFor<QList<Label>>([&](QObject *c, auto done) {
        client->addLabels(helloWorld, 1347, {QStringLiteral("bug"), QStringLiteral("enhancement")},
                          c, std::move(done));
    });
    QVERIFY(labels && !labels->isEmpty());
    QCOMPARE(m_server->requests.last().json(), sentBody("issues.labels.add.json"));

    const auto requested = waitFor<PullRequest>([&](QObject *c, auto done) {
        client->requestReviewers(
            helloWorld, 1347,
            {QStringLiteral("octocat"), QStringLiteral("hubot"), QStringLiteral("other_user")},
            {QStringLiteral("justice-league")}, c, std::move(done));
    });
    QVERIFY(requested && requested->number == 1347);
    QCOMPARE(m_server->requests.last().json(), sentBody("pulls.requested-reviewers.create.json"));

    for (const auto &request : std::as_const(m_server->requests)) {
        QCOMPARE(request.method, QByteArray("POST"));
        checkHeaders(request, "application/vnd.github+json");
        QVERIFY(request.header("content-type").startsWith("application/json"));
    }
}

void TestGitHubClient::fixtureContents()
{
    REQUIRE_SHARED();
    routeFixture(QStringLiteral("repos.contents.get-file.realistic.json"));
    routeFixture(QStringLiteral("repos.contents.get-file.json"));
    auto client = makeClient();
    const QJsonObject realistic = fixture(QStringLiteral("repos.contents.get-file.realistic.json"));
    const auto file = waitFor<FileContent>([&](QObject *c, auto done) {
        client->contents(helloWorld, QStringLiteral("README"), QStringLiteral("new-topic"), c,
                         std::move(done));
    });
    QVERIFY2(file, qPrintable(file ? QString() : file.error().toString()));
    QCOMPARE(file->bytes, realistic.value(QLatin1String("decoded_content")).toString().toUtf8());
    QCOMPARE(m_server->requests.last().query.queryItemValue(QStringLiteral("ref")),
             QStringLiteral("new-topic"));

    // The official example carries the two characters '\' 'n' inside its base64: refused, not
    // decoded into garbled bytes.
    const auto official = waitFor<FileContent>([&](QObject *c, auto done) {
        client->contents({QStringLiteral("octokit"), QStringLiteral("octokit.rb")},
                         QStringLiteral("README.md"), {}, c, std::move(done));
    });
    QVERIFY(!official);
    QVERIFY(official.error().toString().contains(QLatin1String("base64")));
}

void TestGitHubClient::fixtureRateLimits_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("patchHeader");
    QTest::newRow("403 primary limit waits for x-ratelimit-reset")
        << QStringLiteral("error.403-primary-rate-limit.json") << QByteArray("x-ratelimit-reset");
    QTest::newRow("429 primary limit waits for x-ratelimit-reset")
        << QStringLiteral("error.429-primary-rate-limit.json") << QByteArray("x-ratelimit-reset");
    QTest::newRow("403 secondary limit honours retry-after")
        << QStringLiteral("error.403-secondary-rate-limit.json") << QByteArray("retry-after");
    QTest::newRow("429 secondary limit honours retry-after")
        << QStringLiteral("error.429-secondary-rate-limit.json") << QByteArray("retry-after");
    QTest::newRow("403 content-creation block without retry-after backs off")
        << QStringLiteral("error.403-secondary-rate-limit-content-creation.json") << QByteArray();
}

void TestGitHubClient::fixtureRateLimits()
{
    REQUIRE_SHARED();
    QFETCH(QString, file);
    QFETCH(QByteArray, patchHeader);
    const QJsonObject f = fixture(file);
    CannedResponse limited = m_server->fromFixture(f);
    // The fixtures' reset lies in the past and their retry-after is a minute: bring them to 1 s.
    const qint64 reset = QDateTime::currentSecsSinceEpoch() + 1;
    if (patchHeader == "x-ratelimit-reset")
        limited.setHeader(patchHeader, QByteArray::number(reset));
    else if (!patchHeader.isEmpty())
        limited.setHeader(patchHeader, "1");
    const QString method = f.value(QLatin1String("method")).toString();
    const QString path = f.value(QLatin1String("path")).toString();
    m_server->on(method.toLatin1(), path, limited);
    m_server->on(
        method.toLatin1(), path,
        CannedResponse::json(method == QLatin1String("POST") ? 201 : 200,
                             path.endsWith(QLatin1String("/comments")) ? R"({"id":1})" : "[]"));
    auto client = makeClient();
    QSignalSpy waits(client.get(), &Client::waitingForRateLimit);
    ApiResult<Client::Response> result;
    Client::Request request;
    request.method = method.toLatin1();
    request.path = path;
    if (method == QLatin1String("POST"))
        request.body = QJsonDocument(f.value(QLatin1String("request"))
                                         .toObject()
                                         .value(QLatin1String("body"))
                                         .toObject())
                           .toJson(QJsonDocument::Compact);
    result = waitFor<Client::Response>(
        [&](QObject *c, auto done) { client->send(request, c, std::move(done)); });
    QVERIFY2(result, qPrintable(result ? QString() : result.error().toString()));
    QCOMPARE(m_server->requests.size(), 2);
    QCOMPARE(waits.size(), 1);
    const QString message =
        f.value(QLatin1String("body")).toObject().value(QLatin1String("message")).toString();
    QVERIFY2(waits[0][1].toString().contains(message.left(30)), qPrintable(waits[0][1].toString()));
    const qint64 gap = m_server->requests[1].receivedAtMs - m_server->requests[0].receivedAtMs;
    if (patchHeader == "x-ratelimit-reset")
        QVERIFY(m_server->requests[1].receivedAtMs >= reset * 1000);
    else if (!patchHeader.isEmpty())
        QVERIFY2(gap >= 950, qPrintable(QString::number(gap)));
    else
        QVERIFY2(gap >= 280, qPrintable(QString::number(gap)));
}

void TestGitHubClient::fixtureErrors_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("kind");
    QTest::newRow("401 bad credentials")
        << QStringLiteral("error.401-bad-credentials.json") << int(ApiError::Kind::Auth);
    QTest::newRow("404 not found")
        << QStringLiteral("error.404-not-found.json") << int(ApiError::Kind::NotFound);
    QTest::newRow("enterprise without rate limiting")
        << QStringLiteral("ghes.rate-limit.404-disabled.json") << int(ApiError::Kind::NotFound);
}

void TestGitHubClient::fixtureErrors()
{
    REQUIRE_SHARED();
    QFETCH(QString, file);
    QFETCH(int, kind);
    const QJsonObject f = fixture(file);
    routeFixture(file);
    auto client = makeClient();
    Client::Request request;
    request.url = m_server->baseUrl().resolved(QUrl(f.value(QLatin1String("path")).toString()));
    const auto result = waitFor<Client::Response>(
        [&](QObject *c, auto done) { client->send(request, c, std::move(done)); });
    QVERIFY(!result);
    QCOMPARE(int(result.error().kind), kind);
    const QString message =
        f.value(QLatin1String("body")).toObject().value(QLatin1String("message")).toString();
    QCOMPARE(result.error().message, message);
    QVERIFY(!result.error().toString().contains(token));
    if (kind == int(ApiError::Kind::Auth))
        QVERIFY(result.error().toString().contains(QLatin1String("refused the credentials")));
    QCOMPARE(m_server->requests.size(), 1);
}

void TestGitHubClient::fixtureDeviceFlow()
{
    REQUIRE_SHARED();
    routeFixture(QStringLiteral("device-flow.code.json"));
    for (const char *name : {"device-flow.token.authorization-pending.json",
                             "device-flow.token.slow-down.json", "device-flow.token.success.json"})
        routeFixture(QString::fromLatin1(name));
    const QJsonObject code = fixture(QStringLiteral("device-flow.code.json"));
    auto client = makeClient(QString());
    DeviceFlow flow(client.get(), QStringLiteral("Iv1.0123456789abcdef"),
                    {QStringLiteral("repo"), QStringLiteral("read:org")});
    flow.setSecondLength(10ms);
    QSignalSpy ready(&flow, &DeviceFlow::codeReady);
    QSignalSpy success(&flow, &DeviceFlow::succeeded);
    QSignalSpy failure(&flow, &DeviceFlow::failed);
    flow.start();
    QTRY_COMPARE_WITH_TIMEOUT(success.size() + failure.size(), 1, 5000);
    QCOMPARE(failure.size(), 0);
    QCOMPARE(
        ready[0][0].toString(),
        code.value(QLatin1String("body")).toObject().value(QLatin1String("user_code")).toString());
    const QJsonObject ok = fixture(QStringLiteral("device-flow.token.success.json"));
    QCOMPARE(
        success[0][0].toString(),
        ok.value(QLatin1String("body")).toObject().value(QLatin1String("access_token")).toString());
    QCOMPARE(flow.currentInterval(), 10);
    const auto &r = m_server->requests;
    QCOMPARE(r.size(), 4);
    const QJsonObject sentForm = fixture(QStringLiteral("device-flow.token.success.json"))
                                     .value(QLatin1String("request"))
                                     .toObject()
                                     .value(QLatin1String("body_form"))
                                     .toObject();
    const QUrlQuery poll(QString::fromLatin1(r[3].body));
    for (auto it = sentForm.begin(); it != sentForm.end(); ++it)
        QCOMPARE(poll.queryItemValue(it.key(), QUrl::FullyDecoded), it.value().toString());
    const QJsonObject codeForm = code.value(QLatin1String("request"))
                                     .toObject()
                                     .value(QLatin1String("body_form"))
                                     .toObject();
    const QUrlQuery first(QString::fromLatin1(r[0].body));
    for (auto it = codeForm.begin(); it != codeForm.end(); ++it)
        QCOMPARE(first.queryItemValue(it.key(), QUrl::FullyDecoded), it.value().toString());
}

QTEST_GUILESS_MAIN(TestGitHubClient)
#include "tst_githubclient.moc"
