// review::PullSync against the GitHub stand-in and a real repository: a bare remote holding
// refs/pull/7/head (testsupport/githubtestrepo.h) and a reviewer's clone of it.

#include "credentials/tokenstore.h"
#include "github/githubpullstore.h"
#include "review/pullsync.h"
#include "review/reviewchange.h"
#include "tests/testsupport/fakegithub.h"
#include "tests/testsupport/githttpserver.h"
#include "tests/testsupport/githubtestrepo.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace kanri;
using kanri::test::CannedResponse;
using kanri::test::FakeGitHub;
using namespace std::chrono_literals;

namespace {

const github::RepoRef repo{QStringLiteral("acme"), QStringLiteral("manifests")};

QByteArray pullJson(int number, const QString &headSha)
{
    return QJsonDocument(
               QJsonObject{{QStringLiteral("number"), number},
                           {QStringLiteral("state"), QStringLiteral("open")},
                           {QStringLiteral("title"), QStringLiteral("Pull %1").arg(number)},
                           {QStringLiteral("head"),
                            QJsonObject{{QStringLiteral("ref"), QStringLiteral("feature")},
                                        {QStringLiteral("sha"), headSha}}},
                           {QStringLiteral("base"),
                            QJsonObject{{QStringLiteral("ref"), QStringLiteral("main")}}}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

class TestPullSync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void summaryCountsWhatWasMadeAvailable_data();
    void summaryCountsWhatWasMadeAvailable();
    void initTestCase();
    void init();
    void cleanup();
    void theStoreIsWrittenOnlyAfterTheCommitsAreFetched();
    void aFailedRefFetchStoresNothingAndTheNextPullGoesOn();
    void aRemoteWithoutThePullHeadStoresNothing();
    void allOpenPullsAreListedThenFetched();
    void cancelWhileGitHubAnswersDropsTheAnswers();
    void cancelDuringTheRefFetchStoresNothing();
    void gitHubOutOfReachEndsTheSyncAtTheFirstPull();
    void theFetchUsesTheTokenStoreItIsGiven();

private:
    void routePull(int number);
    std::unique_ptr<github::Client> client(const QUrl &base) const;
    github::PullStore store() const
    {
        return github::PullStore(m_tmp.filePath(QStringLiteral("pulls")));
    }
    QList<review::PullTarget> targets(github::Client *c, const QList<int> &numbers) const;
    static review::PullSyncReport waitForReport(QSignalSpy &finished);

    QTemporaryDir m_tmp;
    QString m_clone;
    QByteArray m_headSha;
    std::unique_ptr<FakeGitHub> m_fake;
};

void TestPullSync::summaryCountsWhatWasMadeAvailable_data()
{
    QTest::addColumn<int>("total");
    QTest::addColumn<int>("done");
    QTest::addColumn<int>("failed");
    QTest::addColumn<QString>("summary");
    QTest::newRow("all stored") << 2 << 2 << 0 << "2 pull request(s) available offline.";
    QTest::newRow("one refused, the rest stored")
        << 3 << 2 << 1 << "2 of 3 available offline; #9: refused";
    QTest::newRow("the network went away after the first: the rest were not tried")
        << 4 << 1 << 1
        << "1 of 4 available offline; #9: refused (2 not tried: GitHub could not "
           "be reached)";
    QTest::newRow("the list itself could not be read")
        << 0 << 0 << 1 << "None available offline; #9: refused";
}

void TestPullSync::summaryCountsWhatWasMadeAvailable()
{
    QFETCH(int, total);
    QFETCH(int, done);
    QFETCH(int, failed);
    QFETCH(QString, summary);
    kanri::review::PullSyncReport report;
    report.total = total;
    report.done = done;
    for (int i = 0; i < failed; ++i)
        report.failures.append({9, kanri::Error{}, QStringLiteral("#9: refused")});
    // Without the English translation loaded (the program loads it), "(s)" stays as written.
    QCOMPARE(report.summary(), summary);
}

void TestPullSync::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    QVERIFY(
        kanri::test::makeManifestsRepository(m_tmp.filePath(QStringLiteral("acme/manifests.git")),
                                             m_tmp.filePath(QStringLiteral("work")), &m_headSha));
    m_clone = m_tmp.filePath(QStringLiteral("reviewer"));
    QVERIFY(kanri::test::git(m_tmp.path(),
                             {QStringLiteral("clone"), QStringLiteral("-q"), QStringLiteral("-b"),
                              QStringLiteral("main"),
                              m_tmp.filePath(QStringLiteral("acme/manifests.git")), m_clone}));
}

void TestPullSync::init()
{
    m_fake = std::make_unique<FakeGitHub>();
    QVERIFY(m_fake->listen());
    // Every test starts with nothing offline: no store, no fetched refs.
    QVERIFY(QDir(m_tmp.filePath(QStringLiteral("pulls"))).removeRecursively());
    for (int n : {7, 8, 9})
        kanri::test::git(m_clone, {QStringLiteral("update-ref"), QStringLiteral("-d"),
                                   platform::pullHeadRef(n)});
    QVERIFY(!platform::hasPullHead(m_clone, 7));
}

void TestPullSync::cleanup()
{
    m_fake.reset();
}

void TestPullSync::routePull(int number)
{
    const QString p = QStringLiteral("/repos/acme/manifests/pulls/%1").arg(number);
    m_fake->on("GET", p,
               CannedResponse::json(200, pullJson(number, QString::fromLatin1(m_headSha))));
    m_fake->onAccept(
        "GET", p, "application/vnd.github.diff",
        CannedResponse::json(200, "diff --git a/x b/x\n").setHeader("content-type", "text/plain"));
    for (const QString &tail : {QStringLiteral("/files"), QStringLiteral("/commits"),
                                QStringLiteral("/reviews"), QStringLiteral("/comments")})
        m_fake->on("GET", p + tail, CannedResponse::json(200, "[]"));
    m_fake->on("GET", QStringLiteral("/repos/acme/manifests/issues/%1/comments").arg(number),
               CannedResponse::json(200, "[]"));
}

std::unique_ptr<github::Client> TestPullSync::client(const QUrl &base) const
{
    github::ClientOptions options;
    options.apiBase = base;
    options.timeout = 5s;
    options.maxRetries = 0;
    return std::make_unique<github::Client>(options, nullptr);
}

QList<review::PullTarget> TestPullSync::targets(github::Client *c, const QList<int> &numbers) const
{
    QList<review::PullTarget> list;
    for (int n : numbers)
        list.append({c, repo, m_clone, n});
    return list;
}

review::PullSyncReport TestPullSync::waitForReport(QSignalSpy &finished)
{
    if (finished.isEmpty() && !finished.wait(60000))
        return {};
    return finished.first().first().value<review::PullSyncReport>();
}

void TestPullSync::theStoreIsWrittenOnlyAfterTheCommitsAreFetched()
{
    routePull(7);
    auto c = client(m_fake->baseUrl());
    review::PullSync sync(store());
    QStringList texts;
    bool storedBeforeRefs = false, refsWhenStored = false;
    connect(&sync, &review::PullSync::progress, this, [&](const QString &text, int, int) {
        texts << text;
        // While the commits are on their way, nothing is in the store yet.
        if (text.contains(QLatin1String("fetching its commits")))
            storedBeforeRefs = store().contains(repo, 7);
    });
    connect(&sync, &review::PullSync::pullStored, this,
            [&](const review::PullTarget &t, const github::OfflinePull &pull) {
                QCOMPARE(t.number, 7);
                QCOMPARE(pull.pull.title, QStringLiteral("Pull 7"));
                refsWhenStored = platform::hasPullHead(m_clone, 7) && store().contains(repo, 7);
            });
    QSignalSpy finished(&sync, &review::PullSync::finished);
    QVERIFY(sync.start(targets(c.get(), {7})));
    QVERIFY(sync.isRunning());
    QVERIFY(!sync.start(targets(c.get(), {7}))); // one at a time
    const review::PullSyncReport report = waitForReport(finished);
    QVERIFY(!sync.isRunning());
    QVERIFY2(report.ok(), qPrintable(report.summary()));
    QCOMPARE(report.done, 1);
    QCOMPARE(report.total, 1);
    QVERIFY(!storedBeforeRefs);
    QVERIFY(refsWhenStored);
    QCOMPARE(texts.value(0), QStringLiteral("#7: reading the pull request (1 of 1)…"));
    QCOMPARE(texts.value(1), QStringLiteral("#7: fetching its commits (1 of 1)…"));
    QCOMPARE(report.summary(), QStringLiteral("1 pull request(s) available offline."));
    QCOMPARE(store().load(repo, 7)->pull.headSha, QString::fromLatin1(m_headSha));
}

void TestPullSync::aFailedRefFetchStoresNothingAndTheNextPullGoesOn()
{
    // #9's clone is not a repository: its git fetch fails; #7 still goes.
    routePull(9);
    routePull(7);
    auto c = client(m_fake->baseUrl());
    review::PullSync sync(store());
    QSignalSpy failed(&sync, &review::PullSync::pullFailed);
    QSignalSpy stored(&sync, &review::PullSync::pullStored);
    QSignalSpy finished(&sync, &review::PullSync::finished);
    QList<review::PullTarget> pulls = targets(c.get(), {9, 7});
    pulls[0].clonePath = m_tmp.filePath(QStringLiteral("not-a-clone"));
    QVERIFY(sync.start(pulls));
    const review::PullSyncReport report = waitForReport(finished);
    QVERIFY(!report.ok());
    QCOMPARE(report.done, 1);
    QCOMPARE(report.total, 2);
    QVERIFY(!report.offline);
    QCOMPARE(report.failures.size(), 1);
    QCOMPARE(report.failures[0].number, 9);
    QVERIFY2(report.failures[0].text.startsWith(QLatin1String("#9: error: ")),
             qPrintable(report.failures[0].text));
    QVERIFY(report.failures[0].error.toString().startsWith(QLatin1String("error: ")));
    QCOMPARE(failed.size(), 1);
    QCOMPARE(stored.size(), 1);
    QVERIFY(!store().contains(repo, 9));
    QVERIFY(store().contains(repo, 7));
    QCOMPARE(report.summary(),
             QStringLiteral("1 of 2 available offline; ") + report.failures[0].text);
}

void TestPullSync::aRemoteWithoutThePullHeadStoresNothing()
{
    // GitHub knows #9, but origin has no refs/pull/9/head: git fetches nothing, without error.
    routePull(9);
    auto c = client(m_fake->baseUrl());
    review::PullSync sync(store());
    QSignalSpy finished(&sync, &review::PullSync::finished);
    QVERIFY(sync.start(targets(c.get(), {9})));
    const review::PullSyncReport report = waitForReport(finished);
    QCOMPARE(report.done, 0);
    QCOMPARE(report.failures.size(), 1);
    QVERIFY2(report.failures[0].text.contains(QLatin1String("refs/pull/9/head")),
             qPrintable(report.failures[0].text));
    QVERIFY(!store().contains(repo, 9));
}

void TestPullSync::allOpenPullsAreListedThenFetched()
{
    m_fake->on("GET", QStringLiteral("/repos/acme/manifests/pulls"),
               CannedResponse::json(200, "[" + pullJson(7, QString::fromLatin1(m_headSha)) + "]"));
    routePull(7);
    auto c = client(m_fake->baseUrl());
    review::PullSync sync(store());
    QSignalSpy finished(&sync, &review::PullSync::finished);
    QVERIFY(sync.startAllOpen(c.get(), repo, m_clone));
    const review::PullSyncReport report = waitForReport(finished);
    QVERIFY2(report.ok(), qPrintable(report.summary()));
    QCOMPARE(report.total, 1);
    QCOMPARE(report.done, 1);
    QVERIFY(store().contains(repo, 7) && platform::hasPullHead(m_clone, 7));

    // A refused listing ends the sync with that failure.
    m_fake->clearRoutes();
    m_fake->on("GET", QStringLiteral("/repos/acme/manifests/pulls"),
               CannedResponse::json(404, R"({"message":"Not Found"})"));
    finished.clear();
    QVERIFY(sync.startAllOpen(c.get(), repo, m_clone));
    const review::PullSyncReport refused = waitForReport(finished);
    QCOMPARE(refused.failures.size(), 1);
    QCOMPARE(refused.failures[0].number, 0);
    QCOMPARE(refused.failures[0].error.code, Error::Code::NotFound);
    QVERIFY(!refused.offline);
}

void TestPullSync::cancelWhileGitHubAnswersDropsTheAnswers()
{
    // The pull request itself answers late (the first answer of its queue); cancel before.
    CannedResponse late = CannedResponse::json(200, pullJson(7, QString::fromLatin1(m_headSha)));
    late.delayMs = 300;
    m_fake->on("GET", QStringLiteral("/repos/acme/manifests/pulls/7"), late);
    routePull(7);
    auto c = client(m_fake->baseUrl());
    review::PullSync sync(store());
    QSignalSpy finished(&sync, &review::PullSync::finished);
    QSignalSpy progress(&sync, &review::PullSync::progress);
    QSignalSpy failed(&sync, &review::PullSync::pullFailed);
    QVERIFY(sync.start(targets(c.get(), {7})));
    QTRY_VERIFY(!m_fake->requests.isEmpty());
    sync.cancel();
    QCOMPARE(finished.size(), 1); // at once
    const auto report = finished.first().first().value<review::PullSyncReport>();
    QVERIFY(report.cancelled);
    QVERIFY(!report.ok());
    QCOMPARE(report.done, 0);
    QVERIFY(!sync.isRunning());
    // The answers arrive and are dropped: no more progress, nothing stored, no ref fetched.
    const qsizetype progressSeen = progress.size();
    QTest::qWait(800);
    QCOMPARE(progress.size(), progressSeen);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(failed.size(), 0);
    QVERIFY(!store().contains(repo, 7));
    QVERIFY(!platform::hasPullHead(m_clone, 7));
}

void TestPullSync::cancelDuringTheRefFetchStoresNothing()
{
    routePull(7);
    auto c = client(m_fake->baseUrl());
    review::PullSync sync(store());
    QSignalSpy finished(&sync, &review::PullSync::finished);
    QSignalSpy stored(&sync, &review::PullSync::pullStored);
    connect(&sync, &review::PullSync::progress, this, [&](const QString &text, int, int) {
        if (text.contains(QLatin1String("fetching its commits")))
            sync.cancel(); // the worker is about to start, or running
    });
    QVERIFY(sync.start(targets(c.get(), {7})));
    QTRY_COMPARE(finished.size(), 1);
    QVERIFY(finished.first().first().value<review::PullSyncReport>().cancelled);
    // Whatever the worker did, its answer is dropped: the store stays empty.
    QTest::qWait(1000);
    QCOMPARE(stored.size(), 0);
    QCOMPARE(finished.size(), 1);
    QVERIFY(!store().contains(repo, 7));
    // The sync is free for the next run.
    finished.clear();
    QVERIFY(sync.start(targets(c.get(), {7})));
    QVERIFY(sync.isRunning());
    sync.cancel();
}

void TestPullSync::gitHubOutOfReachEndsTheSyncAtTheFirstPull()
{
    const QUrl dead = m_fake->baseUrl();
    m_fake.reset(); // nothing listens there any more
    auto c = client(dead);
    review::PullSync sync(store());
    QStringList texts;
    connect(&sync, &review::PullSync::progress, this,
            [&](const QString &text, int, int) { texts << text; });
    QSignalSpy failed(&sync, &review::PullSync::pullFailed);
    QSignalSpy finished(&sync, &review::PullSync::finished);
    QVERIFY(sync.start(targets(c.get(), {7, 8, 9})));
    const review::PullSyncReport report = waitForReport(finished);
    QVERIFY(report.offline);
    QVERIFY(review::isOfflineError(*report.offline));
    QCOMPARE(report.total, 3);
    QCOMPARE(report.done, 0);
    QCOMPARE(report.failures.size(), 1); // #8 and #9 were not tried
    QCOMPARE(report.failures[0].number, 7);
    QCOMPARE(failed.size(), 1);
    QCOMPARE(texts, QStringList{QStringLiteral("#7: reading the pull request (1 of 3)…")});
    QVERIFY(!store().contains(repo, 7));
}

QTEST_GUILESS_MAIN(TestPullSync)
// The window gives the sync its one token store (typed tokens, the token settings): the git
// fetch over HTTPS-like http on loopback authenticates with that store's token, not another.
void TestPullSync::theFetchUsesTheTokenStoreItIsGiven()
{
    qunsetenv("KANRI_GITHUB_TOKEN");
    qunsetenv("GITHUB_TOKEN");
    kanri::test::GitHttpServer server(m_tmp.path(), QStringLiteral("the-token"));
    QVERIFY(server.start());
    const QString clone = m_tmp.filePath(QStringLiteral("reviewer-over-http"));
    if (!QFileInfo::exists(clone)) {
        QVERIFY(kanri::test::git(m_tmp.path(),
                                 {QStringLiteral("clone"), QStringLiteral("-q"), m_clone, clone}));
        QVERIFY(kanri::test::git(clone, {QStringLiteral("remote"), QStringLiteral("set-url"),
                                         QStringLiteral("origin"),
                                         server.url(QStringLiteral("acme/manifests.git"))}));
    }
    routePull(7); // the pull request whose head the remote has
    auto c = client(m_fake->baseUrl());
    for (const QString &token : {QStringLiteral("a-wrong-token"), QStringLiteral("the-token")}) {
        review::PullSync sync(store());
        sync.setTokens(credentials::TokenStore::fixed(token));
        QSignalSpy finished(&sync, &review::PullSync::finished);
        QVERIFY(sync.start({{c.get(), repo, clone, 7}}));
        const review::PullSyncReport report = waitForReport(finished);
        const bool right = token == QStringLiteral("the-token");
        QVERIFY2(report.ok() == right, qPrintable(report.summary()));
        if (!right)
            QVERIFY2(report.summary().contains(QStringLiteral("authentication")),
                     qPrintable(report.summary()));
        QCOMPARE(platform::hasPullHead(clone, 7), right);
        QCOMPARE(store().contains(repo, 7), right);
    }
}

#include "tst_pullsync.moc"
