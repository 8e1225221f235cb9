#include "core/fileio.h"
#include "github/githubblocking.h"
#include "github/githubreviewqueue.h"
#include "tests/testsupport/fakegithub.h"
#include "tests/testsupport/testutil.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLockFile>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace kanri::github;
using kanri::test::CannedResponse;
using kanri::test::FakeGitHub;
using namespace std::chrono_literals;

namespace {

const RepoRef repo{QStringLiteral("acme"), QStringLiteral("infra")};
const QString reviewsPath = QStringLiteral("/repos/acme/infra/pulls/7/reviews");
const QString commentsPath = QStringLiteral("/repos/acme/infra/issues/7/comments");

} // namespace

class TestGitHubReviewQueue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void queuedPostsSurviveARestart();
    void emptyTextsAreRefused();
    void syncPostsEachEntryOnceWithItsMarker();
    void offlineSyncKeepsEverythingQueued();
    void uncertainPostIsLookedUpNotResent();
    void uncertainPostNotFoundIsSentAgain();
    void refusedPostFailsAndTheRestGoOn();
    void secondSyncIsLockedOut();
    void postedEntriesCanBeForgotten();
    void lineCommentsPostWithTheReviewAsGitHubExpects();
    void theFormatIsVersioned();
    void markersAreStrippedForPeople();

private:
    std::unique_ptr<Client> makeClient(const QUrl &base);
    ApiResult<SyncReport> sync(ReviewQueue &queue, Client &client);

    std::unique_ptr<FakeGitHub> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestGitHubReviewQueue::init()
{
    m_server = std::make_unique<FakeGitHub>();
    QVERIFY(m_server->listen());
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestGitHubReviewQueue::cleanup()
{
    m_server.reset();
    m_dir.reset();
}

std::unique_ptr<Client> TestGitHubReviewQueue::makeClient(const QUrl &base)
{
    ClientOptions options;
    options.apiBase = base;
    options.timeout = 500ms;
    options.maxRetries = 0;
    return std::make_unique<Client>(
        options, kanri::credentials::TokenStore::fixed(QStringLiteral("t0ken-abc")));
}

ApiResult<SyncReport> TestGitHubReviewQueue::sync(ReviewQueue &queue, Client &client)
{
    return waitFor<SyncReport>(
        [&](QObject *context, auto done) { queue.sync(&client, context, std::move(done)); });
}

void TestGitHubReviewQueue::queuedPostsSurviveARestart()
{
    const QString folder = m_dir->filePath(QStringLiteral("queue"));
    QString key;
    {
        ReviewQueue queue(folder);
        NewReview review{ReviewEvent::RequestChanges,
                         QStringLiteral("alice must not get prod"),
                         {},
                         {{QStringLiteral("envs/prod/users.tf"), QStringLiteral("here"), 4,
                           QStringLiteral("RIGHT"), 0}}};
        const auto queued = queue.enqueueReview(repo, 7, review);
        QVERIFY(queued);
        key = queued->key;
        QVERIFY(queue.enqueueComment(repo, 7, QStringLiteral("see the diff")));
    }
    ReviewQueue reopened(folder); // a new process would do exactly this
    const QList<QueuedPost> posts = reopened.unsent();
    QCOMPARE(posts.size(), 2);
    QCOMPARE(posts[0].key, key);
    QCOMPARE(posts[0].kind, QueuedPost::Kind::Review);
    QCOMPARE(posts[0].review.event, ReviewEvent::RequestChanges);
    QCOMPARE(posts[0].review.body, QStringLiteral("alice must not get prod"));
    QCOMPARE(posts[0].review.comments.size(), 1);
    QCOMPARE(posts[0].review.comments[0].line, 4);
    QCOMPARE(posts[0].state, QueuedPost::State::Pending);
    QCOMPARE(posts[1].kind, QueuedPost::Kind::Comment);
    QCOMPARE(posts[1].comment, QStringLiteral("see the diff"));
    QCOMPARE(posts[1].repo, repo);
    QCOMPARE(posts[1].number, 7);
}

void TestGitHubReviewQueue::emptyTextsAreRefused()
{
    ReviewQueue queue(m_dir->path());
    QVERIFY(!queue.enqueueComment(repo, 7, QStringLiteral("  ")));
    QVERIFY(!queue.enqueueReview(repo, 7, NewReview{ReviewEvent::RequestChanges, {}, {}, {}}));
    QVERIFY(!queue.enqueueReview(repo, 0, NewReview{ReviewEvent::Approve, {}, {}, {}}));
    QVERIFY(queue.enqueueReview(repo, 7, NewReview{ReviewEvent::Approve, {}, {}, {}}));
}

void TestGitHubReviewQueue::syncPostsEachEntryOnceWithItsMarker()
{
    ReviewQueue queue(m_dir->path());
    const auto approval = queue.enqueueReview(repo, 7, NewReview{ReviewEvent::Approve, {}, {}, {}});
    const auto comment = queue.enqueueComment(repo, 7, QStringLiteral("Thanks!"));
    QVERIFY(approval && comment);
    m_server->on("POST", reviewsPath, CannedResponse::json(200, R"({"id":501,"state":"APPROVED",
        "html_url":"https://github.com/acme/infra/pull/7#pullrequestreview-501"})"));
    m_server->on("POST", commentsPath, CannedResponse::json(201, R"({"id":601,"body":"x"})"));
    auto client = makeClient(m_server->baseUrl());

    const auto report = sync(queue, *client);
    QVERIFY2(report, qPrintable(report ? QString() : report.error().toString()));
    QCOMPARE(report->posted, 2);
    QCOMPARE(report->remaining, 0);
    QVERIFY(!report->stoppedBy);
    QCOMPARE(m_server->requests.size(), 2);
    const QJsonObject reviewBody = m_server->requests[0].json();
    QCOMPARE(reviewBody.value(QLatin1String("event")).toString(), QStringLiteral("APPROVE"));
    QCOMPARE(reviewBody.value(QLatin1String("body")).toString(),
             ReviewQueue::markerFor(approval->key));
    QCOMPARE(m_server->requests[1].json().value(QLatin1String("body")).toString(),
             QStringLiteral("Thanks!\n\n") + ReviewQueue::markerFor(comment->key));

    const QList<QueuedPost> all = ReviewQueue(m_dir->path()).entries();
    QCOMPARE(all.size(), 2);
    QCOMPARE(all[0].state, QueuedPost::State::Posted);
    QCOMPARE(all[0].postedId, 501);
    QCOMPARE(all[0].postedUrl,
             QStringLiteral("https://github.com/acme/infra/pull/7#pullrequestreview-501"));

    // Syncing again (another run of the program) posts nothing.
    const auto again = sync(queue, *client);
    QVERIFY(again);
    QCOMPARE(again->posted, 0);
    QCOMPARE(m_server->requests.size(), 2);
}

void TestGitHubReviewQueue::offlineSyncKeepsEverythingQueued()
{
    ReviewQueue queue(m_dir->path());
    QVERIFY(queue.enqueueComment(repo, 7, QStringLiteral("one")));
    QVERIFY(queue.enqueueComment(repo, 7, QStringLiteral("two")));
    const QUrl base = m_server->baseUrl();
    m_server->close(); // GitHub is unreachable: connection refused
    auto offline = makeClient(base);
    const auto report = sync(queue, *offline);
    QVERIFY(report);
    QVERIFY(report->stoppedBy);
    QCOMPARE(report->stoppedBy->kind, ApiError::Kind::Network);
    QCOMPARE(report->posted, 0);
    QCOMPARE(report->remaining, 2);
    QCOMPARE(queue.unsent().size(), 2);

    // Back online (a fresh server, a fresh program): each is posted once, in order.
    FakeGitHub online;
    QVERIFY(online.listen());
    online.on("POST", commentsPath, CannedResponse::json(201, R"({"id":1})"));
    online.on("GET", commentsPath, CannedResponse::json(200, "[]"));
    auto client = makeClient(online.baseUrl());
    const auto synced = sync(queue, *client);
    QVERIFY(synced);
    QCOMPARE(synced->posted + synced->alreadyPosted, 2);
    QVERIFY(!synced->stoppedBy);
    int posts = 0;
    QStringList bodies;
    for (const auto &request : std::as_const(online.requests)) {
        if (request.method == "POST") {
            ++posts;
            bodies << request.json()
                          .value(QLatin1String("body"))
                          .toString()
                          .section(QLatin1Char('\n'), 0, 0);
        }
    }
    QCOMPARE(posts, 2);
    QCOMPARE(bodies, (QStringList{QStringLiteral("one"), QStringLiteral("two")}));
    QVERIFY(queue.unsent().isEmpty());
}

void TestGitHubReviewQueue::uncertainPostIsLookedUpNotResent()
{
    ReviewQueue queue(m_dir->path());
    const auto queued = queue.enqueueReview(
        repo, 7, NewReview{ReviewEvent::Comment, QStringLiteral("LGTM"), {}, {}});
    QVERIFY(queued);
    // GitHub takes the review but the answer never arrives (timeout): the outcome is unknown.
    CannedResponse silence;
    silence.behaviour = CannedResponse::Behaviour::NeverAnswer;
    m_server->on("POST", reviewsPath, silence);
    auto client = makeClient(m_server->baseUrl());
    const auto first = sync(queue, *client);
    QVERIFY(first);
    QVERIFY(first->stoppedBy);
    QCOMPARE(first->stoppedBy->kind, ApiError::Kind::Timeout);
    QCOMPARE(queue.unsent().value(0).state, QueuedPost::State::Sending);

    // The next sync finds the review by its marker and does not post it again.
    const QJsonArray existing{
        QJsonObject{{QLatin1String("id"), 900},
                    {QLatin1String("body"), queued->bodyWithMarker()},
                    {QLatin1String("html_url"), QLatin1String("https://x/900")}}};
    m_server->on("GET", reviewsPath, CannedResponse::json(200, QJsonDocument(existing).toJson()));
    const auto second = sync(queue, *client);
    QVERIFY(second);
    QCOMPARE(second->alreadyPosted, 1);
    QCOMPARE(second->posted, 0);
    int posts = 0;
    for (const auto &request : std::as_const(m_server->requests))
        posts += request.method == "POST";
    QCOMPARE(posts, 1);
    QCOMPARE(queue.entries().value(0).postedId, 900);
}

void TestGitHubReviewQueue::uncertainPostNotFoundIsSentAgain()
{
    ReviewQueue queue(m_dir->path());
    auto queued = queue.enqueueComment(repo, 7, QStringLiteral("ping"));
    QVERIFY(queued);
    queued->state = QueuedPost::State::Sending; // as left by a crash right after sending
    QVERIFY(queue.save(*queued));
    m_server->on("GET", commentsPath,
                 CannedResponse::json(200, R"([{"id":1,"body":"someone else"}])"));
    m_server->on("POST", commentsPath, CannedResponse::json(201, R"({"id":2})"));
    auto client = makeClient(m_server->baseUrl());
    const auto report = sync(queue, *client);
    QVERIFY(report);
    QCOMPARE(report->posted, 1);
    QCOMPARE(m_server->requests.size(), 2);
    QCOMPARE(m_server->requests[0].method, QByteArray("GET"));
    QCOMPARE(m_server->requests[1].method, QByteArray("POST"));
}

void TestGitHubReviewQueue::refusedPostFailsAndTheRestGoOn()
{
    ReviewQueue queue(m_dir->path());
    QVERIFY(queue.enqueueReview(repo, 7, NewReview{ReviewEvent::Approve, {}, {}, {}}));
    QVERIFY(queue.enqueueComment(repo, 7, QStringLiteral("after")));
    m_server->on("POST", reviewsPath,
                 CannedResponse::json(422, R"({"message":"Unprocessable Entity",
        "errors":["Can not approve your own pull request"]})"));
    m_server->on("POST", commentsPath, CannedResponse::json(201, R"({"id":3})"));
    auto client = makeClient(m_server->baseUrl());
    const auto report = sync(queue, *client);
    QVERIFY(report);
    QCOMPARE(report->failed, 1);
    QCOMPARE(report->posted, 1);
    QVERIFY(
        report->messages.value(0).contains(QLatin1String("Can not approve your own pull request")));
    const QList<QueuedPost> all = queue.entries();
    QCOMPARE(all[0].state, QueuedPost::State::Failed);
    QVERIFY(all[0].lastError.contains(QLatin1String("approve")));
    QCOMPARE(all[1].state, QueuedPost::State::Posted);
    // Failed entries are not retried.
    const auto again = sync(queue, *client);
    QVERIFY(again);
    QCOMPARE(m_server->requests.size(), 2);
}

void TestGitHubReviewQueue::secondSyncIsLockedOut()
{
    ReviewQueue queue(m_dir->path());
    QVERIFY(queue.enqueueComment(repo, 7, QStringLiteral("x")));
    QLockFile held(m_dir->filePath(QStringLiteral(".sync.lock")));
    QVERIFY(held.tryLock(0));
    auto client = makeClient(m_server->baseUrl());
    const auto report = sync(queue, *client);
    QVERIFY(!report);
    QVERIFY(report.error().toString().contains(QLatin1String("already")));
    QCOMPARE(m_server->requests.size(), 0);
    held.unlock();
    m_server->on("POST", commentsPath, CannedResponse::json(201, R"({"id":3})"));
    QVERIFY(sync(queue, *client));
    QCOMPARE(m_server->requests.size(), 1);
}

void TestGitHubReviewQueue::postedEntriesCanBeForgotten()
{
    ReviewQueue queue(m_dir->path());
    QVERIFY(queue.enqueueComment(repo, 7, QStringLiteral("x")));
    QVERIFY(queue.enqueueComment(repo, 7, QStringLiteral("y")));
    auto first = queue.entries().value(0);
    first.state = QueuedPost::State::Posted;
    QVERIFY(queue.save(first));
    QVERIFY(queue.removePosted());
    QCOMPARE(queue.entries().size(), 1);
    QCOMPARE(queue.entries().value(0).comment, QStringLiteral("y"));
}

void TestGitHubReviewQueue::lineCommentsPostWithTheReviewAsGitHubExpects()
{
    // The request body GitHub documents (pulls.reviews.create.json): commit_id, body, event and
    // comments[] each with path and body plus line and side.
    const QJsonObject fixture = kanri::test::loadFixture(
        qEnvironmentVariable("KANRI_SHARED"), QStringLiteral("pulls.reviews.create.json"));
    ReviewQueue queue(m_dir->path());
    NewReview review;
    review.event = ReviewEvent::Comment;
    review.commitId = QStringLiteral("ecdd80bb57125d7ba9641ffaa4d7d2c19d3f3091");
    review.comments = {{QStringLiteral("overlays/prd/kustomization.yaml"), QStringLiteral("Why 5?"),
                        13, QStringLiteral("RIGHT"), 0},
                       {QStringLiteral("base/deployment.yaml"), QStringLiteral("Was 1"), 6,
                        QStringLiteral("LEFT"), 0}};
    // No text of its own: the line comments are the review.
    const auto queued = queue.enqueueReview(repo, 7, review);
    QVERIFY2(queued, queued ? "" : qPrintable(queued.error().toString()));
    m_server->on("POST", reviewsPath, kanri::test::CannedResponse::json(200, R"({"id":80})"));
    auto client = makeClient(m_server->baseUrl());
    const auto report = sync(queue, *client);
    QVERIFY(report && report->posted == 1);
    QCOMPARE(report->postedPosts.size(), 1);
    QCOMPARE(report->postedPosts.first().key, queued->key);

    const QJsonObject sent = m_server->requests.first().json();
    QCOMPARE(sent.value(QLatin1String("event")).toString(), QStringLiteral("COMMENT"));
    QCOMPARE(sent.value(QLatin1String("commit_id")).toString(), review.commitId);
    QCOMPARE(sent.value(QLatin1String("body")).toString(), ReviewQueue::markerFor(queued->key));
    const QJsonArray comments = sent.value(QLatin1String("comments")).toArray();
    QCOMPARE(comments.size(), 2);
    QCOMPARE(
        comments[0].toObject(),
        (QJsonObject{{QLatin1String("path"), QStringLiteral("overlays/prd/kustomization.yaml")},
                     {QLatin1String("body"), QStringLiteral("Why 5?")},
                     {QLatin1String("line"), 13},
                     {QLatin1String("side"), QStringLiteral("RIGHT")}}));
    QCOMPARE(comments[1].toObject().value(QLatin1String("side")).toString(),
             QStringLiteral("LEFT"));
    if (!fixture.isEmpty()) {
        // The same keys as GitHub's own example, item by item (position or line/side).
        const QJsonObject example = fixture.value(QLatin1String("request"))
                                        .toObject()
                                        .value(QLatin1String("body"))
                                        .toObject();
        for (const QString &key : example.keys())
            QVERIFY2(sent.contains(key), qPrintable(key));
        for (const QString &key : {QStringLiteral("path"), QStringLiteral("body")})
            QVERIFY(comments[0].toObject().contains(key));
    }
}

void TestGitHubReviewQueue::theFormatIsVersioned()
{
    ReviewQueue queue(m_dir->path());
    const auto queued = queue.enqueueComment(repo, 7, QStringLiteral("hello"));
    QVERIFY(queued);
    const QString path = QDir(m_dir->path()).filePath(queued->key + QStringLiteral(".json"));
    const auto bytes = kanri::readFile(path);
    QVERIFY(bytes);
    QJsonObject o = QJsonDocument::fromJson(*bytes).object();
    QCOMPARE(o.value(QLatin1String("version")).toInt(), QueuedPost::formatVersion);

    // A file of the first format (no version) still reads; one of a newer Kanri is left alone.
    o.remove(QLatin1String("version"));
    QVERIFY(QueuedPost::fromJson(o));
    o.insert(QLatin1String("version"), QueuedPost::formatVersion + 1);
    QVERIFY(!QueuedPost::fromJson(o));
}

void TestGitHubReviewQueue::markersAreStrippedForPeople()
{
    const QString posted =
        QStringLiteral("LGTM\n\n") + ReviewQueue::markerFor(QStringLiteral("1234-abcd"));
    QCOMPARE(ReviewQueue::withoutMarkers(posted), QStringLiteral("LGTM"));
    QCOMPARE(ReviewQueue::withoutMarkers(ReviewQueue::markerFor(QStringLiteral("x"))), QString());
    QCOMPARE(ReviewQueue::withoutMarkers(QStringLiteral("<!-- a comment of theirs -->")),
             QStringLiteral("<!-- a comment of theirs -->"));
}

QTEST_GUILESS_MAIN(TestGitHubReviewQueue)
#include "tst_githubreviewqueue.moc"
