// The publishing flow (models/publish) without a window: a session on the demo workspace whose
// bare remotes `git http-backend` serves on loopback behind a token, and the GitHub stand-in.
// Branch, commit and push per repository, then the pull requests linked both ways; failures
// part-way (a push the server rejects, a pull request GitHub refuses) say what was done; a
// refused token is asked for through the injected credentials.

#include "credentials/keychain.h"
#include "credentials/tokenstore.h"
#include "github/githubremote.h"
#include "platform/demoworkspace.h"
#include "platform/session.h"
#include "publish/publishflow.h"
#include "tests/testsupport/fakegithub.h"
#include "tests/testsupport/githttpserver.h"
#include "tests/testsupport/testutil.h"

#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace kanri;
using kanri::test::CannedResponse;
using kanri::test::FakeGitHub;
using kanri::test::GitHttpServer;

namespace {

const QString gitToken = QStringLiteral("git-tok-7e57ab1e");
const QString wrongToken = QStringLiteral("git-tok-wrong-0001");
const QString githubToken = QStringLiteral("gh-tok-1f2e3d4c");
const QString branch = QStringLiteral("kanri/publish-test");

QString gitOut(const QStringList &args, const QString &dir)
{
    return QString::fromUtf8(kanri::test::run(QStringLiteral("git"), args, dir).out).trimmed();
}

QByteArray json(const QJsonValue &v)
{
    return v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                       : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact);
}

} // namespace

class TestPublishFlow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void twoRepositoriesArePublishedAndTheirPullRequestsLinkBothWays();
    void anExistingFirstPullRequestIsShownAndNotEdited();
    void aRejectedPushKeepsTheCommitsAndSaysWhatWasDone();
    void aRefusedPullRequestPartWaySaysWhichWereOpened();
    void aRefusedTokenIsAskedForThroughTheCredentials();
    void withNobodyToAskARefusedTokenStopsBeforeAnythingIsSaved();

private:
    QString repoPath(const QString &name) const { return m_ws + QLatin1Char('/') + name; }
    QString barePath(const QString &name) const
    {
        return m_ws + QStringLiteral("/remotes/") + name + QStringLiteral(".git");
    }
    // A new file in each repository, edited (unsaved) in the session, as a two-step request.
    platform::PublishRequest twoRepositoryRequest();
    // Runs the flow to its end.
    const platform::PublishOutcome &run(platform::PublishRequest request);
    QList<kanri::test::RecordedRequest> requestsTo(const QByteArray &method,
                                                   const QString &path) const;

    QTemporaryDir m_tmp;
    int m_case = 0;
    QString m_ws;
    std::unique_ptr<GitHttpServer> m_server;
    std::unique_ptr<FakeGitHub> m_fake;
    std::unique_ptr<platform::Session> m_session;
    std::unique_ptr<platform::PublishFlow> m_flow;
    std::shared_ptr<credentials::MemoryKeychain> m_keychain;
    std::shared_ptr<credentials::TokenStore> m_tokens; // the flow's, over m_keychain
    QString gitHost() const
    {
        return credentials::hostOfUrl(QUrl(m_server->url(QStringLiteral("remotes/accounts.git"))));
    }
    // The git token kept in the keychain (one asked to be remembered, once it has worked).
    std::optional<QString> keptGitToken() const
    {
        return m_keychain->read(credentials::TokenStore::keychainKey(gitHost()));
    }
    QStringList m_progress;
};

void TestPublishFlow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(QFileInfo::exists(GitHttpServer::httpBackend()));
}

void TestPublishFlow::init()
{
    m_ws = m_tmp.filePath(QStringLiteral("case%1/ws").arg(++m_case));
    auto ws = platform::materialiseDemo(QStringLiteral(":/demo"), m_ws);
    QVERIFY2(ws.has_value(), qPrintable(ws ? QString() : ws.error().toString()));
    m_server = std::make_unique<GitHttpServer>(m_ws, gitToken);
    QVERIFY(m_server->start());
    for (const QString &name : {QStringLiteral("accounts"), QStringLiteral("manifests")}) {
        gitOut({"remote", "set-url", "origin", m_server->url("remotes/" + name + ".git")},
               repoPath(name));
    }
    m_fake = std::make_unique<FakeGitHub>();
    QVERIFY(m_fake->listen());
    qputenv("KANRI_GITHUB_API_URL", m_fake->baseUrl().toString().toUtf8());
    auto session = platform::Session::open(*ws);
    QVERIFY2(session.has_value(), qPrintable(session ? QString() : session.error().toString()));
    m_session = std::move(*session);
    m_flow = std::make_unique<platform::PublishFlow>(m_session.get());
    connect(m_flow.get(), &platform::PublishFlow::progress, this,
            [this](const QString &text, int) { m_progress << text; });
    // The git server and the GitHub stand-in are two ports of 127.0.0.1: two token hosts.
    m_keychain = std::make_shared<credentials::MemoryKeychain>();
    m_tokens = std::make_shared<credentials::TokenStore>(
        credentials::TokenStore::Environment::Ignore, m_keychain);
    m_tokens->setSessionToken(gitHost(), gitToken, credentials::TokenStore::Remember::Yes);
    m_tokens->setSessionToken(github::tokenHostForApiBase(m_fake->baseUrl()), githubToken);
}

void TestPublishFlow::cleanup()
{
    m_flow.reset();
    m_session.reset();
    m_fake.reset();
    m_server.reset();
    m_progress.clear();
    qunsetenv("KANRI_GITHUB_API_URL");
}

platform::PublishRequest TestPublishFlow::twoRepositoryRequest()
{
    platform::PublishRequest request;
    request.author =
        git::Signature{QStringLiteral("Pub Lisher"), QStringLiteral("publisher@example.invalid")};
    for (const QString &name : {QStringLiteral("accounts"), QStringLiteral("manifests")}) {
        const QString file = repoPath(name) + QStringLiteral("/PUBLISHED.md");
        m_session->buffers()->edit(file, "published from " + name.toUtf8() + "\n",
                                   QStringLiteral("test"));
        platform::PublishStep step;
        step.repository = name;
        step.path = repoPath(name);
        step.baseBranch = QStringLiteral("main");
        step.files = {file};
        step.displayFiles = {QStringLiteral("PUBLISHED.md")};
        step.branch = branch;
        step.commitMessage = QStringLiteral("Publish %1\n").arg(name);
        step.title = QStringLiteral("Publish %1").arg(name);
        step.body = QStringLiteral("The body of %1.").arg(name);
        request.steps << step;
    }
    return request;
}

const platform::PublishOutcome &TestPublishFlow::run(platform::PublishRequest request)
{
    m_flow->setTokens(m_tokens);
    QSignalSpy finished(m_flow.get(), &platform::PublishFlow::finished);
    m_flow->start(std::move(request));
    if (finished.isEmpty())
        finished.wait(120000);
    [&] { QCOMPARE(finished.size(), 1); }();
    return m_flow->outcome();
}

QList<kanri::test::RecordedRequest> TestPublishFlow::requestsTo(const QByteArray &method,
                                                                const QString &path) const
{
    QList<kanri::test::RecordedRequest> out;
    for (const auto &r : m_fake->requests)
        if (r.method == method && r.path == path)
            out << r;
    return out;
}

void TestPublishFlow::twoRepositoriesArePublishedAndTheirPullRequestsLinkBothWays()
{
    const QUrl base = m_fake->baseUrl();
    m_fake->on("POST", QStringLiteral("/repos/remotes/accounts/pulls"),
               CannedResponse::json(
                   201, json(test::createdPullJson(base, QStringLiteral("accounts"), 41, branch))));
    m_fake->on("POST", QStringLiteral("/repos/remotes/manifests/pulls"),
               CannedResponse::json(
                   201, json(test::createdPullJson(base, QStringLiteral("manifests"), 7, branch))));
    m_fake->on("PATCH", QStringLiteral("/repos/remotes/accounts/pulls/41"),
               CannedResponse::json(
                   200, json(test::createdPullJson(base, QStringLiteral("accounts"), 41, branch))));
    QVERIFY(!keptGitToken()); // kept only once it has worked

    const platform::PublishOutcome &outcome = run(twoRepositoryRequest());
    QVERIFY2(outcome.ok, qPrintable(outcome.message));
    QVERIFY(outcome.saved);
    QCOMPARE(outcome.steps.size(), 2);
    const QString accountsUrl = base.toString() + QStringLiteral("/remotes/accounts/pull/41");
    const QString manifestsUrl = base.toString() + QStringLiteral("/remotes/manifests/pull/7");
    QCOMPARE(outcome.steps.at(0).pullNumber, 41);
    QCOMPARE(outcome.steps.at(0).pullUrl, accountsUrl);
    QCOMPARE(outcome.steps.at(1).pullNumber, 7);
    for (const QString &name : {QStringLiteral("accounts"), QStringLiteral("manifests")}) {
        // One commit over main on the remote, by the request's author, with the file.
        QCOMPARE(gitOut({"rev-list", "--count", "main.." + branch}, barePath(name)),
                 QStringLiteral("1"));
        QCOMPARE(gitOut({"log", "-1", "--format=%an|%s", branch}, barePath(name)),
                 QStringLiteral("Pub Lisher|Publish ") + name);
        QCOMPARE(gitOut({"show", branch + ":PUBLISHED.md"}, barePath(name)),
                 QStringLiteral("published from ") + name);
        QCOMPARE(gitOut({"rev-parse", "--abbrev-ref", "HEAD"}, repoPath(name)), branch);
        QVERIFY(
            !m_session->buffers()->isModified(repoPath(name) + QStringLiteral("/PUBLISHED.md")));
    }
    // Each pull request targets main; the second links to the first, the first is edited to
    // link to the second.
    const auto first = requestsTo("POST", QStringLiteral("/repos/remotes/accounts/pulls"));
    const auto second = requestsTo("POST", QStringLiteral("/repos/remotes/manifests/pulls"));
    const auto patch = requestsTo("PATCH", QStringLiteral("/repos/remotes/accounts/pulls/41"));
    QCOMPARE(first.size(), 1);
    QCOMPARE(second.size(), 1);
    QCOMPARE(patch.size(), 1);
    QCOMPARE(first.first().json().value(QStringLiteral("body")).toString(),
             QStringLiteral("The body of accounts."));
    QCOMPARE(first.first().json().value(QStringLiteral("base")).toString(), QStringLiteral("main"));
    QCOMPARE(first.first().json().value(QStringLiteral("head")).toString(), branch);
    QCOMPARE(second.first().json().value(QStringLiteral("body")).toString(),
             QStringLiteral("The body of manifests.\n\nPart of the same change:\n- accounts: ") +
                 accountsUrl);
    QCOMPARE(patch.first().json().value(QStringLiteral("body")).toString(),
             QStringLiteral("The body of accounts.\n\nPart of the same change:\n- manifests: ") +
                 manifestsUrl);
    QCOMPARE(first.first().header("authorization"), "Bearer " + githubToken.toUtf8());
    // Said in words; the token that worked is reported (and so kept, as asked); progress was
    // shown.
    QVERIFY2(
        outcome.message.contains(QStringLiteral("opened pull request #41: ") + accountsUrl) &&
            outcome.message.contains(QStringLiteral("opened pull request #7: ") + manifestsUrl),
        qPrintable(outcome.message));
    QTRY_VERIFY(keptGitToken() == gitToken);
    QVERIFY(m_progress.contains(QStringLiteral("accounts: opening the pull request…")));
    QCOMPARE(m_progress.last(), QStringLiteral("Done"));
}

void TestPublishFlow::anExistingFirstPullRequestIsShownAndNotEdited()
{
    const QUrl base = m_fake->baseUrl();
    m_fake->on("POST", QStringLiteral("/repos/remotes/accounts/pulls"),
               CannedResponse::json(
                   422, "{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":"
                        "\"PullRequest\",\"code\":\"custom\",\"message\":\"A pull request "
                        "already exists for remotes:kanri/publish-test.\"}]}"));
    m_fake->on("GET", QStringLiteral("/repos/remotes/accounts/pulls"),
               CannedResponse::json(200, json(QJsonArray{test::createdPullJson(
                                             base, QStringLiteral("accounts"), 8, branch)})));
    m_fake->on("POST", QStringLiteral("/repos/remotes/manifests/pulls"),
               CannedResponse::json(
                   201, json(test::createdPullJson(base, QStringLiteral("manifests"), 9, branch))));

    const platform::PublishOutcome &outcome = run(twoRepositoryRequest());
    QVERIFY2(outcome.ok, qPrintable(outcome.message));
    QCOMPARE(outcome.steps.at(0).pullNumber, 8);
    QVERIFY(outcome.steps.at(0).pullExisted);
    QVERIFY(!outcome.steps.at(1).pullExisted);
    QVERIFY2(outcome.message.contains(QStringLiteral("pull request #8 was already open")),
             qPrintable(outcome.message));
    // The second still links to the first; the first one, not ours, is left as it is.
    const auto second = requestsTo("POST", QStringLiteral("/repos/remotes/manifests/pulls"));
    QCOMPARE(second.size(), 1);
    QVERIFY(second.first()
                .json()
                .value(QStringLiteral("body"))
                .toString()
                .endsWith(QStringLiteral("- accounts: ") + base.toString() +
                          QStringLiteral("/remotes/accounts/pull/8")));
    QCOMPARE(requestsTo("PATCH", QStringLiteral("/repos/remotes/accounts/pulls/8")).size(), 0);
}

void TestPublishFlow::aRejectedPushKeepsTheCommitsAndSaysWhatWasDone()
{
    // The manifests remote refuses every push (a server-side hook).
    const QString hook =
        barePath(QStringLiteral("manifests")) + QStringLiteral("/hooks/pre-receive");
    QFile file(hook);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("#!/bin/sh\necho 'pushes are frozen' >&2\nexit 1\n");
    file.close();
    QVERIFY(file.setPermissions(file.permissions() | QFileDevice::ExeOwner));

    const platform::PublishOutcome &outcome = run(twoRepositoryRequest());
    QVERIFY(!outcome.ok);
    QVERIFY(!outcome.cancelled);
    QVERIFY(outcome.anythingCommitted());
    QCOMPARE(outcome.steps.size(), 2);
    QVERIFY(outcome.steps.at(0).pushed);
    QVERIFY(!outcome.steps.at(1).commit.isEmpty());
    QVERIFY(!outcome.steps.at(1).pushed);
    // The accounts branch is on its remote, the manifests one only here.
    QCOMPARE(
        gitOut({"rev-list", "--count", "main.." + branch}, barePath(QStringLiteral("accounts"))),
        QStringLiteral("1"));
    QCOMPARE(gitOut({"branch", "--list", branch}, barePath(QStringLiteral("manifests"))),
             QString());
    QCOMPARE(gitOut({"rev-parse", branch}, repoPath(QStringLiteral("manifests"))),
             outcome.steps.at(1).commit);
    const QString accountsDone =
        QStringLiteral("accounts: committed %1 on branch %2 and pushed it.")
            .arg(outcome.steps.at(0).commit.left(8), branch);
    const QString manifestsFailed =
        QStringLiteral("manifests: committed %1 on branch %2, push failed: ")
            .arg(outcome.steps.at(1).commit.left(8), branch);
    QVERIFY2(outcome.message.contains(accountsDone) && outcome.message.contains(manifestsFailed) &&
                 outcome.message.contains(QStringLiteral("Push again from Repository ▸ Push.")),
             qPrintable(outcome.message));
    // No pull request was asked for.
    QCOMPARE(m_fake->requests.size(), 0);
}

void TestPublishFlow::aRefusedPullRequestPartWaySaysWhichWereOpened()
{
    const QUrl base = m_fake->baseUrl();
    m_fake->on("POST", QStringLiteral("/repos/remotes/accounts/pulls"),
               CannedResponse::json(
                   201, json(test::createdPullJson(base, QStringLiteral("accounts"), 41, branch))));
    // A 422 that is not "already exists": the base branch is not there.
    m_fake->on("POST", QStringLiteral("/repos/remotes/manifests/pulls"),
               CannedResponse::json(422,
                                    "{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":"
                                    "\"PullRequest\",\"field\":\"base\",\"code\":\"invalid\"}]}"));

    const platform::PublishOutcome &outcome = run(twoRepositoryRequest());
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.steps.size(), 2);
    QVERIFY(outcome.steps.at(0).pushed && outcome.steps.at(1).pushed);
    QCOMPARE(outcome.steps.at(0).pullNumber, 41);
    QCOMPARE(outcome.steps.at(1).pullNumber, 0);
    QVERIFY2(outcome.message.contains(QStringLiteral("opened pull request #41: ") +
                                      base.toString() +
                                      QStringLiteral("/remotes/accounts/pull/41")) &&
                 outcome.message.contains(
                     QStringLiteral("manifests: the pull request could not be opened: ")) &&
                 outcome.message.contains(QStringLiteral("Pull Requests ▸ Create Pull Request")),
             qPrintable(outcome.message));
    QCOMPARE(
        gitOut({"rev-list", "--count", "main.." + branch}, barePath(QStringLiteral("manifests"))),
        QStringLiteral("1"));
    QCOMPARE(requestsTo("PATCH", QStringLiteral("/repos/remotes/accounts/pulls/41")).size(), 0);
}

void TestPublishFlow::aRefusedTokenIsAskedForThroughTheCredentials()
{
    m_tokens->setSessionToken(gitHost(), wrongToken);
    QStringList asked;
    m_tokens->setPrompt([this, &asked](const QString &url, const Error &error,
                                       std::function<void()> retry, std::function<void()>) {
        asked << url;
        if (error.code != Error::Code::Auth)
            return false;
        m_tokens->setSessionToken(gitHost(), gitToken, credentials::TokenStore::Remember::Yes);
        QMetaObject::invokeMethod(QCoreApplication::instance(), std::move(retry),
                                  Qt::QueuedConnection);
        return true;
    });
    QCOMPARE(m_tokens->secrets(), (QStringList{gitToken, githubToken, wrongToken}));
    platform::PublishRequest request = twoRepositoryRequest();
    request.openPullRequests = false;

    const platform::PublishOutcome &outcome = run(std::move(request));
    QVERIFY2(outcome.ok, qPrintable(outcome.message));
    // Asked once, for the first remote fetched; the preflight ran again with the new token.
    QCOMPARE(asked, QStringList{m_server->url(QStringLiteral("remotes/accounts.git"))});
    QVERIFY(m_progress.contains(QStringLiteral("Waiting for a token for 127.0.0.1…")));
    QTRY_VERIFY(keptGitToken() == gitToken); // it worked
    QVERIFY(m_server->presentedPasswords().contains(wrongToken));
    QCOMPARE(
        gitOut({"rev-list", "--count", "main.." + branch}, barePath(QStringLiteral("manifests"))),
        QStringLiteral("1"));
    QVERIFY(!outcome.message.contains(gitToken) && !outcome.message.contains(wrongToken));
    QCOMPARE(m_fake->requests.size(), 0);
}

void TestPublishFlow::withNobodyToAskARefusedTokenStopsBeforeAnythingIsSaved()
{
    m_tokens->setSessionToken(gitHost(), wrongToken); // and nobody to ask for another
    const QString head = gitOut({"rev-parse", "HEAD"}, repoPath(QStringLiteral("accounts")));
    const platform::PublishOutcome &outcome = run(twoRepositoryRequest());
    QVERIFY(!outcome.ok);
    QVERIFY(!outcome.saved);
    QVERIFY(!outcome.anythingCommitted());
    QVERIFY2(outcome.message.contains(
                 QStringLiteral("accounts: the default branch could not be fetched from origin")) &&
                 outcome.message.contains(QStringLiteral("Nothing was saved or committed.")) &&
                 outcome.message.contains(QStringLiteral("127.0.0.1 refused the credentials")),
             qPrintable(outcome.message));
    QVERIFY(!outcome.message.contains(wrongToken));
    QVERIFY(m_session->buffers()->isModified(repoPath(QStringLiteral("accounts")) +
                                             QStringLiteral("/PUBLISHED.md")));
    QCOMPARE(gitOut({"rev-parse", "HEAD"}, repoPath(QStringLiteral("accounts"))), head);
    QCOMPARE(gitOut({"rev-parse", "--abbrev-ref", "HEAD"}, repoPath(QStringLiteral("accounts"))),
             QStringLiteral("main"));
}

QTEST_GUILESS_MAIN(TestPublishFlow)
#include "tst_publishflow.moc"
