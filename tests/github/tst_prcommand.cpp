// `kanri pr ...` end to end: the built kanri binary against the GitHub stand-in and a real git
// repository with a bare remote whose refs/pull/N/head the test creates with the git CLI.

#include "tests/testsupport/fakegithub.h"
#include "tests/testsupport/githubtestrepo.h"
#include "tests/testsupport/testutil.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using kanri::test::CannedResponse;
using kanri::test::FakeGitHub;

namespace {

const QByteArray token = "ghp_pr_test_token_0123456789";

struct Run
{
    int exitCode = -1;
    QByteArray out, err;
};

// Runs kanri while this process's event loop keeps serving the stand-in.
Run runKanri(const QStringList &args, const QString &workdir, const QString &home, const QUrl &api,
             int timeoutMs = 60000)
{
    QProcess p;
    p.setWorkingDirectory(workdir);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
    env.insert(QStringLiteral("KANRI_GITHUB_API_URL"), api.toString());
    env.insert(QStringLiteral("KANRI_GITHUB_TOKEN"), QString::fromLatin1(token));
    env.remove(QStringLiteral("GITHUB_TOKEN"));
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    p.setProcessEnvironment(env);
    QEventLoop loop;
    QObject::connect(&p, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&p, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    p.start(kanri::test::kanriBinary(), args);
    loop.exec();
    Run r;
    if (p.state() != QProcess::NotRunning) {
        p.kill();
        p.waitForFinished();
        r.err = "timed out";
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

using kanri::test::git;
using kanri::test::writeFile;

QByteArray pullJson(const QUrl &base, int number, const QString &headSha)
{
    const QString web = base.toString() + QStringLiteral("/acme/manifests/pull/%1").arg(number);
    QJsonObject o{
        {QStringLiteral("id"), 1000 + number},
        {QStringLiteral("number"), number},
        {QStringLiteral("state"), QStringLiteral("open")},
        {QStringLiteral("title"), QStringLiteral("Scale web in prd")},
        {QStringLiteral("body"), QStringLiteral("More replicas.")},
        {QStringLiteral("html_url"), web},
        {QStringLiteral("draft"), false},
        {QStringLiteral("user"), QJsonObject{{QStringLiteral("login"), QStringLiteral("alice")}}},
        {QStringLiteral("head"),
         QJsonObject{{QStringLiteral("ref"), QStringLiteral("feature")},
                     {QStringLiteral("label"), QStringLiteral("acme:feature")},
                     {QStringLiteral("sha"), headSha}}},
        {QStringLiteral("base"),
         QJsonObject{{QStringLiteral("ref"), QStringLiteral("main")},
                     {QStringLiteral("label"), QStringLiteral("acme:main")}}},
        {QStringLiteral("labels"), QJsonArray{}}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

class tst_PrCommand : public QObject
{
    Q_OBJECT

private:
    // A manifests repository (base + overlays/prd at 2 replicas) on main, pushed to a bare
    // remote DIR/acme/manifests.git, and a branch `feature` raising prd to 5 replicas, pushed as
    // the branch and as refs/pull/7/head.
    bool makeRepositories(const QString &root)
    {
        return kanri::test::makeManifestsRepository(root + QStringLiteral("/acme/manifests.git"),
                                                    root + QStringLiteral("/work"), &m_headSha);
    }

    void routePull(FakeGitHub &fake, int number)
    {
        const QString p = QStringLiteral("/repos/acme/manifests/pulls/%1").arg(number);
        fake.on("GET", p,
                CannedResponse::json(
                    200, pullJson(fake.baseUrl(), number, QString::fromLatin1(m_headSha))));
        fake.onAccept("GET", p, "application/vnd.github.diff",
                      CannedResponse::json(200, "diff --git a/overlays/prd/kustomization.yaml "
                                                "b/overlays/prd/kustomization.yaml\n")
                          .setHeader("content-type", "text/plain"));
        fake.on("GET", p + QStringLiteral("/files"),
                CannedResponse::json(200, "[{\"sha\":\"1\",\"filename\":\"overlays/prd/"
                                          "kustomization.yaml\",\"status\":\"modified\","
                                          "\"additions\":1,\"deletions\":1,\"changes\":2}]"));
        fake.on("GET", p + QStringLiteral("/commits"), CannedResponse::json(200, "[]"));
        fake.on("GET", p + QStringLiteral("/reviews"), CannedResponse::json(200, "[]"));
        fake.on("GET", p + QStringLiteral("/comments"), CannedResponse::json(200, "[]"));
        fake.on("GET", QStringLiteral("/repos/acme/manifests/issues/%1/comments").arg(number),
                CannedResponse::json(
                    200, "[{\"id\":5,\"user\":{\"login\":\"bob\"},\"body\":\"Looks risky?\"}]"));
        fake.on(
            "POST", p + QStringLiteral("/reviews"),
            CannedResponse::json(
                200,
                "{\"id\":99,\"user\":{\"login\":\"me\"},\"state\":\"APPROVED\",\"body\":\"ok\"}"));
    }

    int posts(const FakeGitHub &fake, const QString &path) const
    {
        int n = 0;
        for (const auto &r : fake.requests)
            if (r.method == "POST" && r.path == path)
                ++n;
        return n;
    }

    QByteArray m_headSha;

private Q_SLOTS:
    void initTestCase()
    {
        if (kanri::test::kanriBinary().isEmpty())
            QFAIL("KANRI_BINARY is not set (CTest sets it to the built kanri)");
    }

    void createPrintsTheNewPullRequestsUrl()
    {
        QTemporaryDir tmp;
        QVERIFY(makeRepositories(tmp.path()));
        FakeGitHub fake;
        QVERIFY(fake.listen());
        fake.on(
            "GET", QStringLiteral("/repos/acme/manifests"),
            CannedResponse::json(
                200, "{\"id\":1,\"full_name\":\"acme/manifests\",\"default_branch\":\"main\"}"));
        fake.on(
            "POST", QStringLiteral("/repos/acme/manifests/pulls"),
            CannedResponse::json(201, pullJson(fake.baseUrl(), 7, QString::fromLatin1(m_headSha))));
        const Run r =
            runKanri({QStringLiteral("pr"), QStringLiteral("create"), QStringLiteral("--draft")},
                     tmp.path() + QStringLiteral("/work"), tmp.path(), fake.baseUrl());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.out.trimmed(),
                 (fake.baseUrl().toString() + QStringLiteral("/acme/manifests/pull/7")).toUtf8());
        QCOMPARE(posts(fake, QStringLiteral("/repos/acme/manifests/pulls")), 1);
        QJsonObject body;
        for (const auto &req : fake.requests)
            if (req.method == "POST")
                body = req.json();
        QCOMPARE(body.value(QStringLiteral("head")).toString(), QStringLiteral("feature"));
        QCOMPARE(body.value(QStringLiteral("base")).toString(), QStringLiteral("main"));
        QCOMPARE(body.value(QStringLiteral("draft")).toBool(), true);
        // The generated title and body: the overlay that changed, its resource, the owners.
        QVERIFY2(body.value(QStringLiteral("title")).toString() ==
                     QStringLiteral("prd replicas 2 → 5"),
                 qPrintable(body.value(QStringLiteral("title")).toString()));
        const QString text = body.value(QStringLiteral("body")).toString();
        QVERIFY2(text.contains(QStringLiteral("`overlays/prd`: 1 changed")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("1 file changed.")), qPrintable(text)); // singular
        QVERIFY2(text.contains(QStringLiteral("Deployment web")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("@acme/sre")), qPrintable(text));
        QVERIFY(!r.out.contains(token) && !r.err.contains(token));
    }

    void createWithExplicitTitleAndBodyFile()
    {
        QTemporaryDir tmp;
        QVERIFY(makeRepositories(tmp.path()));
        FakeGitHub fake;
        QVERIFY(fake.listen());
        fake.on(
            "POST", QStringLiteral("/repos/acme/manifests/pulls"),
            CannedResponse::json(201, pullJson(fake.baseUrl(), 7, QString::fromLatin1(m_headSha))));
        QVERIFY(writeFile(tmp.path() + QStringLiteral("/body.md"), "My own words.\n"));
        const Run r =
            runKanri({QStringLiteral("pr"), QStringLiteral("create"), QStringLiteral("--base"),
                      QStringLiteral("main"), QStringLiteral("--title"), QStringLiteral("Mine"),
                      QStringLiteral("--body-file"), tmp.path() + QStringLiteral("/body.md")},
                     tmp.path() + QStringLiteral("/work"), tmp.path(), fake.baseUrl());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject body = fake.requests.last().json();
        QCOMPARE(body.value(QStringLiteral("title")).toString(), QStringLiteral("Mine"));
        QCOMPARE(body.value(QStringLiteral("body")).toString(), QStringLiteral("My own words.\n"));
    }

    void createWhenOneExistsPrintsItsUrl()
    {
        QTemporaryDir tmp;
        QVERIFY(makeRepositories(tmp.path()));
        FakeGitHub fake;
        QVERIFY(fake.listen());
        fake.on(
            "GET", QStringLiteral("/repos/acme/manifests"),
            CannedResponse::json(
                200, "{\"id\":1,\"full_name\":\"acme/manifests\",\"default_branch\":\"main\"}"));
        fake.on("POST", QStringLiteral("/repos/acme/manifests/pulls"),
                CannedResponse::json(
                    422, "{\"message\":\"Validation "
                         "Failed\",\"errors\":[{\"resource\":\"PullRequest\",\"code\":\"custom\","
                         "\"message\":\"A pull request already exists for acme:feature.\"}]}"));
        fake.on("GET", QStringLiteral("/repos/acme/manifests/pulls"),
                CannedResponse::json(
                    200, "[" + pullJson(fake.baseUrl(), 3, QString::fromLatin1(m_headSha)) + "]"));
        const Run r = runKanri({QStringLiteral("pr"), QStringLiteral("create")},
                               tmp.path() + QStringLiteral("/work"), tmp.path(), fake.baseUrl());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.out.trimmed(),
                 (fake.baseUrl().toString() + QStringLiteral("/acme/manifests/pull/3")).toUtf8());
        QVERIFY(r.err.contains("already exists"));
    }

    void createRefusesABranchThatIsNotOnTheRemote()
    {
        QTemporaryDir tmp;
        QVERIFY(makeRepositories(tmp.path()));
        const QString work = tmp.path() + QStringLiteral("/work");
        QVERIFY(git(work, {QStringLiteral("checkout"), QStringLiteral("-qb"),
                           QStringLiteral("local-only")}));
        FakeGitHub fake;
        QVERIFY(fake.listen());
        const Run r = runKanri({QStringLiteral("pr"), QStringLiteral("create"),
                                QStringLiteral("--base"), QStringLiteral("main")},
                               work, tmp.path(), fake.baseUrl());
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("not on the remote"), r.err.constData());
        QCOMPARE(posts(fake, QStringLiteral("/repos/acme/manifests/pulls")), 0);
    }

    void listReadsEveryPage()
    {
        QTemporaryDir tmp;
        QVERIFY(makeRepositories(tmp.path()));
        FakeGitHub fake;
        QVERIFY(fake.listen());
        const QString path = QStringLiteral("/repos/acme/manifests/pulls");
        const QByteArray next = "<" + fake.baseUrl().toString().toUtf8() + path.toUtf8() +
                                "?state=open&per_page=100&page=2>; rel=\"next\"";
        fake.on(
            "GET", path,
            CannedResponse::json(200, "[" + pullJson(fake.baseUrl(), 7, QStringLiteral("a")) + "]")
                .setHeader("link", next));
        fake.on("GET", path,
                CannedResponse::json(200,
                                     "[" + pullJson(fake.baseUrl(), 8, QStringLiteral("b")) + "]"));
        const Run text = runKanri({QStringLiteral("pr"), QStringLiteral("list")},
                                  tmp.path() + QStringLiteral("/work"), tmp.path(), fake.baseUrl());
        QVERIFY2(text.exitCode == 0, text.err.constData());
        QVERIFY(text.out.contains("#7\t") && text.out.contains("#8\t"));
        // The queue of answers was used up: both pages again.
        fake.clearRoutes();
        fake.on(
            "GET", path,
            CannedResponse::json(200, "[" + pullJson(fake.baseUrl(), 7, QStringLiteral("a")) + "]")
                .setHeader("link", next));
        fake.on("GET", path,
                CannedResponse::json(200,
                                     "[" + pullJson(fake.baseUrl(), 8, QStringLiteral("b")) + "]"));
        const Run json =
            runKanri({QStringLiteral("pr"), QStringLiteral("list"), QStringLiteral("--json"),
                      QStringLiteral("--repo"), tmp.path() + QStringLiteral("/work")},
                     tmp.path(), tmp.path(), fake.baseUrl());
        QVERIFY2(json.exitCode == 0, json.err.constData());
        const QJsonArray array = QJsonDocument::fromJson(json.out).array();
        QCOMPARE(array.size(), 2);
        QCOMPARE(array[1].toObject().value(QStringLiteral("number")).toInt(), 8);
    }

    void aRefusedTokenFailsWithoutPrintingIt()
    {
        QTemporaryDir tmp;
        QVERIFY(makeRepositories(tmp.path()));
        FakeGitHub fake;
        QVERIFY(fake.listen());
        fake.on("GET", QStringLiteral("/repos/acme/manifests/pulls"),
                CannedResponse::json(
                    401, "{\"message\":\"Bad "
                         "credentials\",\"documentation_url\":\"https://docs.github.com/rest\"}"));
        const Run r = runKanri({QStringLiteral("pr"), QStringLiteral("list")},
                               tmp.path() + QStringLiteral("/work"), tmp.path(), fake.baseUrl());
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains("credentials"), r.err.constData());
        QVERIFY(r.err.contains("refused"));
        QVERIFY(!r.out.contains(token) && !r.err.contains(token));
    }

    void offlineReviewEndToEnd()
    {
        QTemporaryDir tmp;
        QVERIFY(makeRepositories(tmp.path()));
        // The reviewer's clone: only main, no local feature branch.
        const QString clone = tmp.path() + QStringLiteral("/reviewer");
        QVERIFY(git(tmp.path(), {QStringLiteral("clone"), QStringLiteral("-q"),
                                 QStringLiteral("-b"), QStringLiteral("main"),
                                 tmp.path() + QStringLiteral("/acme/manifests.git"), clone}));
        auto fake = std::make_unique<FakeGitHub>();
        QVERIFY(fake->listen());
        routePull(*fake, 7);
        Run r = runKanri({QStringLiteral("pr"), QStringLiteral("fetch"), QStringLiteral("7")},
                         clone, tmp.path(), fake->baseUrl());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("fetched #7"));
        QVERIFY(QFileInfo::exists(
            tmp.path() + QStringLiteral("/data/Kanri/kanri/pulls/acme/manifests/7/pull.json")));

        // Offline from here on.
        const QUrl deadUrl = fake->baseUrl();
        fake.reset();
        r = runKanri({QStringLiteral("pr"), QStringLiteral("show"), QStringLiteral("7")}, clone,
                     tmp.path(), deadUrl);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("Scale web in prd"), r.out.constData());
        QVERIFY2(r.out.contains("== overlays/prd: 1 changed"), r.out.constData());
        QVERIFY2(r.out.contains("1 file changed between"), r.out.constData());
        QVERIFY2(r.out.contains("-  replicas: 2") && r.out.contains("+  replicas: 5"),
                 r.out.constData());
        QVERIFY(r.out.contains("bob: Looks risky?"));
        QVERIFY(r.out.contains("@acme/sre"));

        r = runKanri({QStringLiteral("pr"), QStringLiteral("review"), QStringLiteral("7"),
                      QStringLiteral("--approve"), QStringLiteral("--comment"),
                      QStringLiteral("LGTM")},
                     clone, tmp.path(), deadUrl);
        // Queued but not posted: exit status 3, and stderr says so.
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.out.contains("queued approval"), r.out.constData());
        QVERIFY2(r.err.contains("queued, not posted"), r.err.constData());

        // A new process: the queue is still there.
        r = runKanri({QStringLiteral("pr"), QStringLiteral("show"), QStringLiteral("7")}, clone,
                     tmp.path(), deadUrl);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("Queued, not yet posted:") && r.out.contains("approval: LGTM"),
                 r.out.constData());

        // Back online.
        fake = std::make_unique<FakeGitHub>();
        QVERIFY(fake->listen());
        routePull(*fake, 7);
        r = runKanri({QStringLiteral("pr"), QStringLiteral("sync")}, clone, tmp.path(),
                     fake->baseUrl());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("posted 1"), r.out.constData());
        const QString reviews = QStringLiteral("/repos/acme/manifests/pulls/7/reviews");
        QCOMPARE(posts(*fake, reviews), 1);
        const QJsonObject sent = [&] {
            for (const auto &req : fake->requests)
                if (req.method == "POST")
                    return req.json();
            return QJsonObject();
        }();
        QCOMPARE(sent.value(QStringLiteral("event")).toString(), QStringLiteral("APPROVE"));
        QVERIFY(sent.value(QStringLiteral("body")).toString().startsWith(QStringLiteral("LGTM")));
        QCOMPARE(sent.value(QStringLiteral("commit_id")).toString(),
                 QString::fromLatin1(m_headSha));

        // Once only: a second sync posts nothing.
        r = runKanri({QStringLiteral("pr"), QStringLiteral("sync")}, clone, tmp.path(),
                     fake->baseUrl());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("nothing to post"));
        QCOMPARE(posts(*fake, reviews), 1);
    }
};

QTEST_GUILESS_MAIN(tst_PrCommand)
#include "tst_prcommand.moc"
