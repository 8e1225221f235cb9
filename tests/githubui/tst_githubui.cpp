// The Pull Requests menu end to end: the GitHub controller on a real main window and
// workspace (a manifests repository with a bare remote holding refs/pull/7/head), against the
// GitHub stand-in on loopback. Nothing here needs ../shared.

#include "app/appcontext.h"
#include "app/githubcontroller.h"
#include "app/githubreviewcontroller.h"
#include "github/githubpullstore.h"
#include "github/githubreviewqueue.h"
#include "review/reviewdraft.h"
#include "tests/testsupport/fakegithub.h"
#include "tests/testsupport/githubtestrepo.h"
#include "ui/diff/diffpanel.h"
#include "ui/github/prcreatedialog.h"
#include "ui/github/prqueuepanel.h"
#include "ui/github/prreviewwidget.h"
#include "ui/github/signindialog.h"
#include "ui/main/mainwindow.h"

#include <QAbstractButton>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextEdit>
#include <QTreeWidget>

#include <memory>

using kanri::test::CannedResponse;
using kanri::test::FakeGitHub;

namespace {

using kanri::test::git;
using kanri::test::writeFile;

QJsonObject pullObject(const QUrl &base, int number, const QString &title, const QString &author,
                       const QString &headSha, const QStringList &reviewers = {})
{
    QJsonArray requested;
    for (const QString &r : reviewers)
        requested.append(QJsonObject{{QStringLiteral("login"), r}});
    return QJsonObject{{QStringLiteral("id"), 1000 + number},
                       {QStringLiteral("number"), number},
                       {QStringLiteral("state"), QStringLiteral("open")},
                       {QStringLiteral("title"), title},
                       {QStringLiteral("body"), QStringLiteral("More replicas.")},
                       {QStringLiteral("html_url"),
                        base.toString() + QStringLiteral("/acme/manifests/pull/%1").arg(number)},
                       {QStringLiteral("draft"), false},
                       {QStringLiteral("user"), QJsonObject{{QStringLiteral("login"), author}}},
                       {QStringLiteral("requested_reviewers"), requested},
                       {QStringLiteral("head"),
                        QJsonObject{{QStringLiteral("ref"), QStringLiteral("feature")},
                                    {QStringLiteral("label"), QStringLiteral("acme:feature")},
                                    {QStringLiteral("sha"), headSha}}},
                       {QStringLiteral("base"),
                        QJsonObject{{QStringLiteral("ref"), QStringLiteral("main")},
                                    {QStringLiteral("label"), QStringLiteral("acme:main")}}},
                       {QStringLiteral("labels"), QJsonArray{}}};
}

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray json(const QJsonArray &a)
{
    return QJsonDocument(a).toJson(QJsonDocument::Compact);
}

// Every text a widget tree shows.
QString allText(const QWidget *root)
{
    QStringList texts;
    for (const QLabel *l : root->findChildren<QLabel *>())
        texts << l->text() << l->toolTip();
    for (const QLineEdit *e : root->findChildren<QLineEdit *>())
        texts << e->text();
    for (const QPlainTextEdit *e : root->findChildren<QPlainTextEdit *>())
        texts << e->toPlainText();
    for (const QTextEdit *e : root->findChildren<QTextEdit *>())
        texts << e->toPlainText();
    for (const QAbstractButton *b : root->findChildren<QAbstractButton *>())
        texts << b->text();
    texts << root->windowTitle();
    return texts.join(QLatin1Char('\n'));
}

// GitHub's patch of overlays/prd/kustomization.yaml in #7: line 13, "value: 2" → "value: 5".
const QByteArray prdPatch = "@@ -10,4 +10,4 @@ patches:\n"
                            "     patch: |-\n"
                            "       - op: replace\n"
                            "         path: /spec/replicas\n"
                            "-        value: 2\n"
                            "+        value: 5";

QPlainTextEdit *viewNamed(const QWidget *root, const QString &name)
{
    for (QPlainTextEdit *e : root->findChildren<QPlainTextEdit *>())
        if (e->accessibleName() == name)
            return e;
    return nullptr;
}

int count(const FakeGitHub &fake, const QByteArray &method, const QString &path)
{
    int n = 0;
    for (const auto &r : fake.requests)
        if (r.method == method && r.path == path)
            ++n;
    return n;
}

} // namespace

class tst_GitHubUi : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_tmp;
    std::unique_ptr<kanri::ui::MainWindow> m_window;
    std::unique_ptr<kanri::app::AppContext> m_context;
    kanri::app::GitHubController *m_controller = nullptr;
    std::unique_ptr<FakeGitHub> m_fake;
    QByteArray m_headSha;

    QString root() const { return m_tmp->path(); }
    QString work() const { return root() + QStringLiteral("/ws/work"); }

    // ROOT/acme/manifests.git (bare), its clone ROOT/ws/work on `feature` (prd raised from 2 to
    // 5 replicas, pushed as the branch and as refs/pull/7/head), and ROOT/ws/workspace.yaml.
    bool makeWorkspace()
    {
        const QString remote = root() + QStringLiteral("/acme/manifests.git");
        if (!kanri::test::makeManifestsRepository(remote, work(), &m_headSha))
            return false;
        return writeFile(root() + QStringLiteral("/ws/workspace.yaml"),
                         "name: test\nrepositories:\n  - name: manifests\n    role: manifests\n"
                         "    url: " +
                             remote.toUtf8() + "\n    path: work\n    defaultBranch: main\n");
    }

    void startFake()
    {
        m_fake = std::make_unique<FakeGitHub>();
        QVERIFY(m_fake->listen());
        qputenv("KANRI_GITHUB_API_URL", m_fake->baseUrl().toString().toUtf8());
    }

    void routePull(int number)
    {
        const QString p = QStringLiteral("/repos/acme/manifests/pulls/%1").arg(number);
        const QUrl base = m_fake->baseUrl();
        m_fake->on(
            "GET", p,
            CannedResponse::json(
                200, json(pullObject(base, number, QStringLiteral("Scale web in prd"),
                                     QStringLiteral("alice"), QString::fromLatin1(m_headSha)))));
        m_fake->onAccept("GET", p, "application/vnd.github.diff",
                         CannedResponse::json(200, "diff --git a/overlays/prd/kustomization.yaml "
                                                   "b/overlays/prd/kustomization.yaml\n")
                             .setHeader("content-type", "text/plain"));
        m_fake->on(
            "GET", p + QStringLiteral("/files"),
            CannedResponse::json(
                200,
                json(QJsonArray{QJsonObject{
                    {QStringLiteral("sha"), QStringLiteral("1")},
                    {QStringLiteral("filename"), QStringLiteral("overlays/prd/kustomization.yaml")},
                    {QStringLiteral("status"), QStringLiteral("modified")},
                    {QStringLiteral("additions"), 1},
                    {QStringLiteral("deletions"), 1},
                    {QStringLiteral("changes"), 2},
                    {QStringLiteral("patch"), QString::fromLatin1(prdPatch)}}})));
        m_fake->on("GET", p + QStringLiteral("/commits"), CannedResponse::json(200, "[]"));
        // An earlier review posted by Kanri: its marker is for Kanri, not for people.
        m_fake->on("GET", p + QStringLiteral("/reviews"),
                   CannedResponse::json(200, "[{\"id\":98,\"user\":{\"login\":\"carol\"},"
                                             "\"state\":\"COMMENTED\",\"body\":\"Earlier "
                                             "note\\n\\n<!-- kanri-post: 1234-abcd -->\"}]"));
        m_fake->on("GET", p + QStringLiteral("/comments"), CannedResponse::json(200, "[]"));
        m_fake->on("GET", QStringLiteral("/repos/acme/manifests/issues/%1/comments").arg(number),
                   CannedResponse::json(
                       200, "[{\"id\":5,\"user\":{\"login\":\"bob\"},\"body\":\"Looks risky?\"}]"));
        m_fake->on("POST", p + QStringLiteral("/reviews"),
                   CannedResponse::json(200, "{\"id\":99,\"user\":{\"login\":\"me\"},"
                                             "\"state\":\"APPROVED\",\"body\":\"ok\"}"));
    }

    // Two pages of open pull requests, linked by a Link header.
    void routeList()
    {
        const QUrl base = m_fake->baseUrl();
        const QString sha = QString::fromLatin1(m_headSha);
        const QByteArray next = "<" + base.toString().toUtf8() +
                                "/repos/acme/manifests/pulls?state=open&per_page=100&page=2>; "
                                "rel=\"next\"";
        m_fake->on("GET", QStringLiteral("/repos/acme/manifests/pulls"),
                   CannedResponse::json(200,
                                        json(QJsonArray{pullObject(
                                            base, 7, QStringLiteral("Scale web in prd"),
                                            QStringLiteral("alice"), sha, {QStringLiteral("me")})}),
                                        {{"link", next}}));
        m_fake->on("GET", QStringLiteral("/repos/acme/manifests/pulls"),
                   CannedResponse::json(
                       200, json(QJsonArray{pullObject(base, 8, QStringLiteral("Rotate the keys"),
                                                       QStringLiteral("me"), sha)})));
    }

    // Refreshes the queue and makes #NUMBER available offline through the panel's button.
    bool makePullOffline(int number)
    {
        QSignalSpy refreshed(m_controller, &kanri::app::GitHubController::queueRefreshed);
        m_controller->refresh();
        if (!waitUntil([&] { return !refreshed.isEmpty(); }))
            return false;
        kanri::ui::PrQueuePanel *panel = m_controller->queuePanel();
        panel->setFilter(kanri::ui::PrQueuePanel::Filter::AllOpen);
        panel->selectPull(QStringLiteral("manifests"), number);
        QSignalSpy offline(m_controller, &kanri::app::GitHubController::offlineFinished);
        for (QPushButton *b : panel->findChildren<QPushButton *>())
            if (b->text() == QLatin1String("Make available offline"))
                QTest::mouseClick(b, Qt::LeftButton);
        return waitUntil([&] { return !offline.isEmpty(); }, 60000) &&
               offline.first().first().toBool();
    }

    template<typename Pred> static bool waitUntil(Pred pred, int ms = 30000)
    {
        return QTest::qWaitFor(pred, ms);
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Nothing of the user's: their data folder, settings, keychain and tokens stay out.
        m_tmp = std::make_unique<QTemporaryDir>();
        QVERIFY(m_tmp->isValid());
        qputenv("XDG_DATA_HOME", (root() + QStringLiteral("/data")).toUtf8());
        qputenv("XDG_CONFIG_HOME", (root() + QStringLiteral("/config")).toUtf8());
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        qunsetenv("GITHUB_TOKEN");
        qputenv("KANRI_GITHUB_TOKEN", "ghp_ui_test_token_0123456789");
        QCoreApplication::setOrganizationName(QStringLiteral("KanriTest"));
        QCoreApplication::setApplicationName(QStringLiteral("kanri-githubui"));
        QVERIFY(makeWorkspace());
        startFake();
        m_window = std::make_unique<kanri::ui::MainWindow>();
        m_context = std::make_unique<kanri::app::AppContext>(m_window.get());
        m_controller = new kanri::app::GitHubController(m_context.get());
        QVERIFY(m_context->load(root() + QStringLiteral("/ws")));
        m_window->show();
    }

    void cleanupTestCase()
    {
        m_context.reset();
        m_window.reset();
    }

    void init()
    {
        if (!m_fake)
            startFake();
        m_fake->clearRoutes();
        m_fake->requests.clear();
    }

    void signInShowsTheCodeAndNeverTheToken()
    {
        const QByteArray secret = "gho_device_flow_secret_42";
        qputenv("KANRI_GITHUB_CLIENT_ID", "Iv1.kanri-test");
        m_fake->on("POST", QStringLiteral("/login/device/code"),
                   CannedResponse::json(200,
                                        "{\"device_code\":\"dc-1\",\"user_code\":\"WDJB-MJHT\","
                                        "\"verification_uri\":\"https:/"
                                        "/github.com/"
                                        "login/device\",\"expires_in\":900,"
                                        "\"interval\":1}"));
        const QString poll = QStringLiteral("/login/oauth/access_token");
        m_fake->on("POST", poll, CannedResponse::json(200, R"({"error":"authorization_pending"})"));
        m_fake->on(
            "POST", poll,
            CannedResponse::json(200, "{\"access_token\":\"" + secret +
                                          "\",\"token_type\":\"bearer\",\"scope\":\"repo\"}"));
        m_fake->on("GET", QStringLiteral("/user"),
                   CannedResponse::json(200, R"({"id":1,"login":"me","name":"Me"})"));
        routeList();

        QSignalSpy finished(m_controller, &kanri::app::GitHubController::signInFinished);
        m_controller->signIn();
        kanri::ui::SignInDialog *dialog = m_controller->signInDialog();
        QVERIFY(dialog && dialog->isVisible());
        QVERIFY(waitUntil([&] { return dialog->userCode() == QLatin1String("WDJB-MJHT"); }));
        QVERIFY(allText(dialog).contains(QStringLiteral("https://github.com/login/device")));
        QVERIFY(waitUntil([&] { return !finished.isEmpty(); }));
        QCOMPARE(finished.first().first().toBool(), true);
        QVERIFY2(dialog->statusText().contains(QStringLiteral("Signed in as me")),
                 qPrintable(dialog->statusText()));
        QCOMPARE(m_controller->login(), QStringLiteral("me"));

        // The device flow's requests carried the client id; /user carried the new token.
        bool sawUser = false;
        for (const auto &r : m_fake->requests) {
            if (r.path == QLatin1String("/login/device/code"))
                QVERIFY(r.body.contains("client_id=Iv1.kanri-test"));
            if (r.path == QLatin1String("/user")) {
                sawUser = true;
                QVERIFY(r.header("authorization").contains(secret));
            }
        }
        QVERIFY(sawUser);
        // Never shown, anywhere in the window or its dialogs.
        QVERIFY(!allText(dialog).contains(QString::fromLatin1(secret)));
        QVERIFY(!allText(m_window.get()).contains(QString::fromLatin1(secret)));
        dialog->close();
        m_controller->signOut();
        QCOMPARE(m_controller->login(), QString());
        QVERIFY(waitUntil([&] {
            return m_controller->queuePanel()->connection() !=
                   kanri::ui::PrQueuePanel::Connection::Loading;
        }));
    }

    void signInWithoutAClientIdSaysHowToConfigureOne()
    {
        qunsetenv("KANRI_GITHUB_CLIENT_ID");
        m_controller->signIn();
        kanri::ui::SignInDialog *dialog = m_controller->signInDialog();
        QVERIFY(dialog->statusText().contains(QStringLiteral("KANRI_GITHUB_CLIENT_ID")));
        QCOMPARE(count(*m_fake, "POST", QStringLiteral("/login/device/code")), 0);
        dialog->close();
    }

    void queueListsThePullRequestsOfEveryPage()
    {
        routeList();
        m_fake->on("GET", QStringLiteral("/user"),
                   CannedResponse::json(200, R"({"id":1,"login":"me"})"));
        QSignalSpy refreshed(m_controller, &kanri::app::GitHubController::queueRefreshed);
        m_controller->showQueue();
        QVERIFY(waitUntil([&] { return !refreshed.isEmpty(); }));
        kanri::ui::PrQueuePanel *panel = m_controller->queuePanel();
        QVERIFY(m_controller->queueDock()->isVisible());
        QCOMPARE(panel->connection(), kanri::ui::PrQueuePanel::Connection::Online);
        panel->setFilter(kanri::ui::PrQueuePanel::Filter::AllOpen);
        QCOMPARE(panel->visibleRowCount(), 2);
        QStringList titles;
        for (int i = 0; i < panel->view()->topLevelItemCount(); ++i)
            titles << panel->view()->topLevelItem(i)->text(1);
        titles.sort();
        QCOMPARE(titles, (QStringList{QStringLiteral("Rotate the keys"),
                                      QStringLiteral("Scale web in prd")}));
        QCOMPARE(count(*m_fake, "GET", QStringLiteral("/repos/acme/manifests/pulls")), 2);
        QVERIFY(panel->connectionText().contains(QStringLiteral("2 open pull request")));

        // The filters, once GitHub has said who the user is.
        QVERIFY(waitUntil([&] { return m_controller->login() == QLatin1String("me"); }));
        panel->setFilter(kanri::ui::PrQueuePanel::Filter::ReviewRequested);
        QCOMPARE(panel->visibleRowCount(), 1);
        QCOMPARE(panel->view()->topLevelItem(0)->text(0), QStringLiteral("7"));
        panel->setFilter(kanri::ui::PrQueuePanel::Filter::Authored);
        QCOMPARE(panel->visibleRowCount(), 1);
        QCOMPARE(panel->view()->topLevelItem(0)->text(0), QStringLiteral("8"));
        panel->setFilter(kanri::ui::PrQueuePanel::Filter::AllOpen);
    }

    void offlineReviewWorksWithTheServerStoppedAndPostsOnce()
    {
        routeList();
        routePull(7);
        QSignalSpy refreshed(m_controller, &kanri::app::GitHubController::queueRefreshed);
        m_controller->refresh();
        QVERIFY(waitUntil([&] { return !refreshed.isEmpty(); }));
        kanri::ui::PrQueuePanel *panel = m_controller->queuePanel();
        panel->setFilter(kanri::ui::PrQueuePanel::Filter::AllOpen);
        panel->selectPull(QStringLiteral("manifests"), 7);
        QCOMPARE(panel->selectedPulls().size(), 1);

        QSignalSpy offline(m_controller, &kanri::app::GitHubController::offlineFinished);
        QPushButton *makeOffline = nullptr;
        for (QPushButton *b : panel->findChildren<QPushButton *>())
            if (b->text() == QLatin1String("Make available offline"))
                makeOffline = b;
        QVERIFY(makeOffline && makeOffline->isEnabled());
        QTest::mouseClick(makeOffline, Qt::LeftButton);
        QVERIFY(waitUntil([&] { return !offline.isEmpty(); }, 60000));
        QVERIFY2(offline.first().first().toBool(), qPrintable(allText(panel)));
        QVERIFY(panel->view()->findItems(QStringLiteral("offline"), Qt::MatchContains, 5).size() ==
                1);

        // GitHub goes away: the panel says so, and the review still works.
        m_fake.reset();
        QSignalSpy refreshedOffline(m_controller, &kanri::app::GitHubController::queueRefreshed);
        m_controller->refresh();
        QVERIFY(waitUntil([&] { return !refreshedOffline.isEmpty(); }, 120000));
        QCOMPARE(panel->connection(), kanri::ui::PrQueuePanel::Connection::Offline);
        QCOMPARE(panel->visibleRowCount(), 1); // the one available offline

        QSignalSpy ready(m_controller, &kanri::app::GitHubController::reviewReady);
        m_controller->openPull(QStringLiteral("manifests"), 7);
        kanri::ui::PrReviewWidget *review =
            m_controller->reviewWindow(QStringLiteral("manifests"), 7);
        QVERIFY(review && review->isVisible());
        QVERIFY(waitUntil([&] { return !ready.isEmpty(); }, 60000));
        QVERIFY(review->headerText().contains(QStringLiteral("Scale web in prd")));
        QVERIFY(review->headerText().contains(QStringLiteral("alice")));
        QVERIFY(review->filesText().contains(QStringLiteral("overlays/prd/kustomization.yaml")));
        QVERIFY(review->conversationText().contains(QStringLiteral("Looks risky?")));
        const QString diff = review->diffPanel()->unifiedText();
        QVERIFY2(diff.contains(QStringLiteral("-  replicas: 2")) &&
                     diff.contains(QStringLiteral("+  replicas: 5")),
                 qPrintable(diff));

        // Approve while offline: kept, "1 pending".
        QSignalSpy synced(m_controller, &kanri::app::GitHubController::syncFinished);
        QTest::keyClicks(review->reviewEditor(), QStringLiteral("LGTM"));
        QTest::mouseClick(review->approveButton(), Qt::LeftButton);
        QVERIFY(waitUntil([&] { return !synced.isEmpty(); }, 120000));
        QVERIFY2(review->pendingText().contains(QStringLiteral("1 pending")),
                 qPrintable(review->pendingText()));
        QVERIFY(review->conversationText().contains(QStringLiteral("approval: LGTM")));
        QCOMPARE(
            kanri::github::ReviewQueue(kanri::github::ReviewQueue::defaultFolder()).unsent().size(),
            1);

        // GitHub is back: posted exactly once, and not again.
        startFake();
        routeList();
        routePull(7);
        synced.clear();
        m_controller->syncQueue();
        QVERIFY(waitUntil([&] { return !synced.isEmpty(); }));
        const QString reviews = QStringLiteral("/repos/acme/manifests/pulls/7/reviews");
        QCOMPARE(count(*m_fake, "POST", reviews), 1);
        QVERIFY2(review->pendingText().contains(QStringLiteral("Nothing waiting")),
                 qPrintable(review->pendingText()));
        for (const auto &r : m_fake->requests)
            if (r.method == "POST" && r.path == reviews) {
                QCOMPARE(r.json().value(QStringLiteral("event")).toString(),
                         QStringLiteral("APPROVE"));
                QCOMPARE(r.json().value(QStringLiteral("commit_id")).toString(),
                         QString::fromLatin1(m_headSha));
            }
        synced.clear();
        m_controller->syncQueue();
        QVERIFY(waitUntil([&] { return !synced.isEmpty(); }));
        QCOMPARE(count(*m_fake, "POST", reviews), 1);
        review->close();
    }

    void reviewWindowCommentsOnLinesAndPostsSoonAfterGitHubIsBack()
    {
        routeList();
        routePull(7);
        QVERIFY(makePullOffline(7));
        QSignalSpy ready(m_controller, &kanri::app::GitHubController::reviewReady);
        m_controller->openPull(QStringLiteral("manifests"), 7);
        kanri::ui::PrReviewWidget *review =
            m_controller->reviewWindow(QStringLiteral("manifests"), 7);
        QVERIFY(review);
        QVERIFY(waitUntil([&] { return !ready.isEmpty(); }, 60000));

        // The earlier review reads without Kanri's marker.
        QVERIFY2(review->conversationText().contains(QStringLiteral("Earlier note")),
                 qPrintable(review->conversationText()));
        QVERIFY2(!allText(review).contains(QStringLiteral("kanri-post")),
                 qPrintable(allText(review)));

        // Files: Enter on a file opens its source diff.
        auto *files = review->findChild<QTreeWidget *>();
        QVERIFY(files);
        files->setCurrentItem(files->topLevelItem(0));
        files->setFocus();
        QTest::keyClick(files, Qt::Key_Return);
        const QStringList source = review->sourceDiffText().split(QLatin1Char('\n'));
        const int addedLine = int(source.indexOf(QStringLiteral("+        value: 5")));
        QVERIFY2(addedLine > 0, qPrintable(review->sourceDiffText()));
        QVERIFY(!review->commentOnSourceLine(1, QStringLiteral("on the hunk header")));
        QVERIFY(review->commentOnSourceLine(addedLine, QStringLiteral("Why 5?")));

        // A line of the rendered diff: placed on the source line that produced it.
        const QStringList rendered = review->diffPanel()->unifiedText().split(QLatin1Char('\n'));
        const int renderedLine = int(rendered.indexOf(QStringLiteral("+  replicas: 5")));
        QVERIFY2(renderedLine > 0, qPrintable(review->diffPanel()->unifiedText()));
        QVERIFY(review->commentOnRenderedLine(kanri::ui::DiffColumn::Unified, renderedLine,
                                              QStringLiteral("Too many?")));
        QCOMPARE(review->lineComments().size(), 2);
        const kanri::github::ReviewComment placed = review->lineComments().at(1);
        QCOMPARE(placed.path, QStringLiteral("overlays/prd/kustomization.yaml"));
        QCOMPARE(placed.line, 13);
        QCOMPARE(placed.side, QStringLiteral("RIGHT"));
        QVERIFY2(placed.body.contains(QStringLiteral("`replicas: 5`")) &&
                     placed.body.endsWith(QStringLiteral("Too many?")),
                 qPrintable(placed.body));
        QVERIFY(review->lineCommentsText().contains(
            QStringLiteral("overlays/prd/kustomization.yaml:13")));
        // A context line whose source (the base) is not in the pull request's diff: GitHub would
        // refuse it on a line, so it goes into the review's text.
        const int contextLine = int(rendered.indexOf(QStringLiteral("   name: web")));
        QVERIFY(contextLine > 0);
        QVERIFY(review->commentOnRenderedLine(kanri::ui::DiffColumn::Unified, contextLine,
                                              QStringLiteral("Rename later")));
        QCOMPARE(review->lineComments().size(), 3);
        QCOMPARE(review->lineComments().at(2).path, QStringLiteral("base/deployment.yaml"));
        QCOMPARE(review->lineComments().at(2).line, 0);

        // Side by side, the changed characters are marked: "2" on the left, "5" on the right.
        QPlainTextEdit *left = viewNamed(review, QStringLiteral("Rendered YAML at HEAD"));
        QPlainTextEdit *right =
            viewNamed(review, QStringLiteral("Rendered YAML with your changes"));
        QVERIFY(left && right);
        QStringList marked;
        for (const QPlainTextEdit *v : {left, right})
            for (const auto &selection : v->extraSelections())
                marked << selection.cursor.selectedText();
        QCOMPARE(marked, (QStringList{QStringLiteral("2"), QStringLiteral("5")}));
        // Opt-in pictures of the window for people to look at (KANRI_TEST_SCREENSHOTS=DIR).
        if (const QString dir = qEnvironmentVariable("KANRI_TEST_SCREENSHOTS"); !dir.isEmpty()) {
            auto *tabs = review->findChild<QTabWidget *>();
            tabs->setCurrentIndex(1);
            QTest::qWait(100); // the layout settles
            review->grab().save(dir + QStringLiteral("/review-files.png"));
            tabs->setCurrentIndex(0);
            review->diffPanel()->findChild<QComboBox *>()->setCurrentIndex(1);
            review->grab().save(dir + QStringLiteral("/review-side-by-side.png"));
            review->diffPanel()->findChild<QComboBox *>()->setCurrentIndex(0);
        }

        // GitHub goes away: Comment (the line comments alone) is queued, a retry in 2 s.
        m_fake.reset();
        kanri::app::GitHubReviewController *controller = m_controller->reviewController();
        QSignalSpy synced(m_controller, &kanri::app::GitHubController::syncFinished);
        QVERIFY(review->commentButton()->isEnabled());
        QTest::mouseClick(review->commentButton(), Qt::LeftButton);
        QVERIFY(waitUntil([&] { return !synced.isEmpty(); }));
        QVERIFY(review->lineComments().isEmpty());
        QVERIFY(controller->isRetryScheduled());
        QCOMPARE(controller->retryIntervalMs(), kanri::app::GitHubReviewController::firstRetryMs);

        // Back: posted within seconds, without anyone asking.
        startFake();
        routeList();
        routePull(7);
        QElapsedTimer clock;
        clock.start();
        const QString reviews = QStringLiteral("/repos/acme/manifests/pulls/7/reviews");
        QVERIFY(waitUntil([&] { return count(*m_fake, "POST", reviews) == 1; }, 20000));
        QVERIFY2(clock.elapsed() < 10000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(waitUntil([&] { return !controller->isSyncing(); }));
        QJsonObject sent;
        for (const auto &r : m_fake->requests)
            if (r.method == "POST" && r.path == reviews)
                sent = r.json();
        QCOMPARE(sent.value(QStringLiteral("event")).toString(), QStringLiteral("COMMENT"));
        QVERIFY2(sent.value(QStringLiteral("body"))
                         .toString()
                         .contains(QStringLiteral("**base/deployment.yaml:4**")) &&
                     sent.value(QStringLiteral("body"))
                         .toString()
                         .contains(QStringLiteral("Rename later")),
                 qPrintable(sent.value(QStringLiteral("body")).toString()));
        QCOMPARE(sent.value(QStringLiteral("commit_id")).toString(),
                 QString::fromLatin1(m_headSha));
        const QJsonArray comments = sent.value(QStringLiteral("comments")).toArray();
        QCOMPARE(comments.size(), 2);
        for (const QJsonValue &c : comments) {
            QCOMPARE(c.toObject().value(QStringLiteral("path")).toString(),
                     QStringLiteral("overlays/prd/kustomization.yaml"));
            QCOMPARE(c.toObject().value(QStringLiteral("line")).toInt(), 13);
            QCOMPARE(c.toObject().value(QStringLiteral("side")).toString(),
                     QStringLiteral("RIGHT"));
        }
        QVERIFY2(controller->lastNotice().contains(QStringLiteral("#7 Scale web in prd (comment)")),
                 qPrintable(controller->lastNotice()));
        QVERIFY(!controller->isRetryScheduled());
        review->close();
    }

    void aDraftReviewSurvivesClosingTheWindowAndGoesWhenSent()
    {
        routeList();
        routePull(7);
        QVERIFY(makePullOffline(7));
        const kanri::github::RepoRef repo{QStringLiteral("acme"), QStringLiteral("manifests")};
        const kanri::review::ReviewDrafts drafts(kanri::review::ReviewDrafts::defaultFolder());
        const QString draftFile = *drafts.pathFor(repo, 7);
        QVERIFY(drafts.remove(repo, 7));
        const auto draftText = [&] {
            QFile f(draftFile);
            return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
        };
        const auto openReview = [&]() -> kanri::ui::PrReviewWidget * {
            QSignalSpy ready(m_controller, &kanri::app::GitHubController::reviewReady);
            m_controller->openPull(QStringLiteral("manifests"), 7);
            kanri::ui::PrReviewWidget *w =
                m_controller->reviewWindow(QStringLiteral("manifests"), 7);
            return w && waitUntil([&] { return !ready.isEmpty(); }, 60000) ? w : nullptr;
        };
        const auto closeReview = [&](kanri::ui::PrReviewWidget *w) {
            QPointer<kanri::ui::PrReviewWidget> gone(w);
            w->close();
            return waitUntil([&] { return gone.isNull(); });
        };

        // A body and two line comments, one on the rendered diff (quoting its line).
        kanri::ui::PrReviewWidget *review = openReview();
        QVERIFY(review);
        QVERIFY(review->draftNoticeText().isEmpty());
        QTest::keyClicks(review->reviewEditor(), QStringLiteral("Half a thought"));
        QVERIFY(review->openFileDiff(0));
        const int addedLine = int(review->sourceDiffText()
                                      .split(QLatin1Char('\n'))
                                      .indexOf(QStringLiteral("+        value: 5")));
        QVERIFY(review->commentOnSourceLine(addedLine, QStringLiteral("Why 5?")));
        const int renderedLine = int(review->diffPanel()
                                         ->unifiedText()
                                         .split(QLatin1Char('\n'))
                                         .indexOf(QStringLiteral("+  replicas: 5")));
        QVERIFY(review->commentOnRenderedLine(kanri::ui::DiffColumn::Unified, renderedLine,
                                              QStringLiteral("Too many?")));
        QCOMPARE(review->lineComments().size(), 2);

        // On disk shortly after the last change, with the window still open (a crash now loses
        // nothing), readable by the user only.
        QVERIFY(waitUntil([&] { return draftText().contains(QStringLiteral("Too many?")); }, 5000));
        QVERIFY(draftText().contains(QStringLiteral("Half a thought")));
        QCOMPARE(QFile::permissions(draftFile) &
                     ~(QFile::ReadUser | QFile::WriteUser | QFile::ReadOwner | QFile::WriteOwner),
                 QFile::Permissions());

        // Typed just before closing: kept all the same (the window going writes what is pending).
        QTest::keyClicks(review->reviewEditor(), QStringLiteral(", finished."));
        QVERIFY(closeReview(review));
        QVERIFY(waitUntil([&] { return draftText().contains(QStringLiteral("finished.")); }, 2000));

        // Opened again: all of it is back, and the window says so.
        review = openReview();
        QVERIFY(review);
        QCOMPARE(review->reviewEditor()->toPlainText(),
                 QStringLiteral("Half a thought, finished."));
        QCOMPARE(review->lineComments().size(), 2);
        QCOMPARE(review->lineComments().at(0).line, 13);
        QVERIFY(review->lineComments().at(1).body.endsWith(QStringLiteral("Too many?")));
        QCOMPARE(review->draftComments().at(1).quotedLine, QStringLiteral("  replicas: 5"));
        QVERIFY2(
            review->draftNoticeText().startsWith(QStringLiteral("Restored your draft review from")),
            qPrintable(review->draftNoticeText()));
        QVERIFY(!review->lineCommentsText().contains(QStringLiteral("may have moved")));

        // Sent: the queue holds it, the draft is gone.
        QSignalSpy synced(m_controller, &kanri::app::GitHubController::syncFinished);
        QTest::mouseClick(review->commentButton(), Qt::LeftButton);
        QVERIFY(waitUntil([&] { return !QFile::exists(draftFile); }, 5000));
        QVERIFY(waitUntil([&] { return !synced.isEmpty(); }));
        QVERIFY(waitUntil([&] { return !m_controller->reviewController()->isSyncing(); }));
        const QString reviews = QStringLiteral("/repos/acme/manifests/pulls/7/reviews");
        QCOMPARE(count(*m_fake, "POST", reviews), 1);
        QVERIFY(review->draftNoticeText().isEmpty());
        QVERIFY(closeReview(review));
        QTest::qWait(2 * kanri::app::GitHubReviewController::draftDelayMs);
        QVERIFY(!QFile::exists(draftFile));

        // A draft from before the pull request's head moved: kept, its line comment marked, and
        // sent in the review's text rather than on a line that may hold other text now.
        kanri::review::ReviewDraft old;
        old.repo = repo;
        old.number = 7;
        old.headSha = QString(40, QLatin1Char('0'));
        old.body = QStringLiteral("Old thoughts");
        old.comments.append({QStringLiteral("overlays/prd/kustomization.yaml"), 13,
                             QStringLiteral("RIGHT"), QStringLiteral("Still 5?"), QString(),
                             old.headSha});
        QVERIFY(drafts.save(old));
        review = openReview();
        QVERIFY(review);
        QCOMPARE(review->reviewEditor()->toPlainText(), QStringLiteral("Old thoughts"));
        QVERIFY2(review->draftNoticeText().contains(QStringLiteral("changed since")),
                 qPrintable(review->draftNoticeText()));
        QVERIFY2(review->lineCommentsText().contains(QStringLiteral("may have moved")),
                 qPrintable(review->lineCommentsText()));
        if (const QString dir = qEnvironmentVariable("KANRI_TEST_SCREENSHOTS"); !dir.isEmpty()) {
            QTest::qWait(100); // the layout settles
            review->grab().save(dir + QStringLiteral("/review-draft-restored.png"));
        }
        m_fake->requests.clear();
        synced.clear();
        QTest::mouseClick(review->commentButton(), Qt::LeftButton);
        QVERIFY(waitUntil([&] { return !synced.isEmpty(); }));
        QVERIFY(waitUntil([&] { return !m_controller->reviewController()->isSyncing(); }));
        QVERIFY(waitUntil([&] { return !QFile::exists(draftFile); }, 5000));
        QJsonObject sent;
        for (const auto &r : m_fake->requests)
            if (r.method == "POST" && r.path == reviews)
                sent = r.json();
        QVERIFY2(
            sent.value(QStringLiteral("body"))
                .toString()
                .contains(QStringLiteral("**overlays/prd/kustomization.yaml:13**\n\nStill 5?")),
            qPrintable(sent.value(QStringLiteral("body")).toString()));
        QVERIFY(sent.value(QStringLiteral("comments")).toArray().isEmpty());
        QVERIFY(closeReview(review));
    }

    void sideBySideKeepsTheChangedCharactersInView()
    {
        // A long line whose change is at its end, in a narrow panel.
        const QString tail = QString(300, QLatin1Char('a'));
        kanri::diff::ResourceText before, after;
        before.apiVersion = after.apiVersion = QStringLiteral("v1");
        before.kind = after.kind = QStringLiteral("ConfigMap");
        before.name = after.name = QStringLiteral("settings");
        before.yaml = ("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n"
                       "  note: " +
                       tail + "1\n")
                          .toUtf8();
        after.yaml = ("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n"
                      "  note: " +
                      tail + "2\n")
                         .toUtf8();
        kanri::platform::LiveDiff::EnvironmentDiff d;
        d.environment = QStringLiteral("prd");
        d.overlay = QStringLiteral("overlays/prd");
        d.diff = kanri::diff::diffRenders({before}, {after});
        kanri::ui::DiffPanel panel;
        panel.resize(500, 300);
        panel.show();
        panel.setResults(QStringLiteral("settings"), {d});
        panel.findChild<QComboBox *>()->setCurrentIndex(1); // side by side
        QPlainTextEdit *right =
            viewNamed(&panel, QStringLiteral("Rendered YAML with your changes"));
        QVERIFY(right);
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QCOMPARE(right->horizontalScrollBar()->value(), 0);
        const QTextBlock line = right->document()->findBlock(
            int(right->toPlainText().indexOf(QStringLiteral("+  note:"))));
        QVERIFY(line.isValid());
        right->setTextCursor(QTextCursor(line));
        QVERIFY(right->horizontalScrollBar()->value() > 0);
        QTextCursor changed(line);
        changed.setPosition(line.position() + int(line.text().size()) - 1);
        const QRect rect = right->cursorRect(changed);
        QVERIFY2(rect.left() >= 0 && rect.right() <= right->viewport()->width(),
                 qPrintable(QStringLiteral("%1..%2 of %3")
                                .arg(rect.left())
                                .arg(rect.right())
                                .arg(right->viewport()->width())));
    }

    void cancelWhileGitHubAnswersStoresNothing()
    {
        // #8's answers come late; cancel before they do.
        const QString p = QStringLiteral("/repos/acme/manifests/pulls/8");
        CannedResponse late = CannedResponse::json(
            200, json(pullObject(m_fake->baseUrl(), 8, QStringLiteral("Rotate the keys"),
                                 QStringLiteral("me"), QString::fromLatin1(m_headSha))));
        late.delayMs = 500;
        m_fake->on("GET", p, late);
        QSignalSpy offline(m_controller, &kanri::app::GitHubController::offlineFinished);
        kanri::ui::PrQueuePanel *panel = m_controller->queuePanel();
        m_controller->makeOffline({{QStringLiteral("manifests"), 8}});
        QVERIFY2(allText(panel).contains(QStringLiteral("#8: reading the pull request (1 of 1)")),
                 qPrintable(allText(panel)));
        QVERIFY(waitUntil([&] { return !m_fake->requests.isEmpty(); }));
        m_controller->cancel();
        QCOMPARE(offline.size(), 1);
        QCOMPARE(offline.first().first().toBool(), false);
        QVERIFY2(allText(panel).contains(QStringLiteral("Cancelled.")), qPrintable(allText(panel)));
        QTest::qWait(800); // the late answer arrives and is dropped
        QCOMPARE(offline.size(), 1);
        QVERIFY(!kanri::github::PullStore(kanri::github::PullStore::defaultFolder())
                     .contains({QStringLiteral("acme"), QStringLiteral("manifests")}, 8));
    }

    void createPullRequestPostsTheRequestAndShowsTheUrl()
    {
        m_fake->on(
            "POST", QStringLiteral("/repos/acme/manifests/pulls"),
            CannedResponse::json(
                201, json(pullObject(m_fake->baseUrl(), 12, QStringLiteral("x"),
                                     QStringLiteral("me"), QString::fromLatin1(m_headSha)))));
        QSignalSpy drafted(m_controller, &kanri::app::GitHubController::draftReady);
        m_controller->createPullRequest();
        kanri::ui::PrCreateDialog *dialog = m_controller->createDialog();
        QVERIFY(dialog && dialog->isVisible());
        QVERIFY(waitUntil([&] { return !drafted.isEmpty(); }, 60000));
        QCOMPARE(dialog->head(), QStringLiteral("feature"));
        QCOMPARE(dialog->base(), QStringLiteral("main"));
        QVERIFY2(dialog->title() == QStringLiteral("prd replicas 2 → 5"), // says what changed
                 qPrintable(dialog->title()));
        QVERIFY(dialog->body().contains(QStringLiteral("@acme/sre")));
        // Editable before sending.
        dialog->titleEdit()->clear();
        QTest::keyClicks(dialog->titleEdit(), QStringLiteral("Scale prd to 5"));
        dialog->draftBox()->setChecked(true);
        QVERIFY(dialog->createButton()->isEnabled());

        QSignalSpy done(m_controller, &kanri::app::GitHubController::createFinished);
        QTest::mouseClick(dialog->createButton(), Qt::LeftButton);
        QVERIFY(waitUntil([&] { return !done.isEmpty(); }));
        QCOMPARE(count(*m_fake, "POST", QStringLiteral("/repos/acme/manifests/pulls")), 1);
        QJsonObject body;
        for (const auto &r : m_fake->requests)
            if (r.method == "POST")
                body = r.json();
        QCOMPARE(body.value(QStringLiteral("head")).toString(), QStringLiteral("feature"));
        QCOMPARE(body.value(QStringLiteral("base")).toString(), QStringLiteral("main"));
        QCOMPARE(body.value(QStringLiteral("title")).toString(), QStringLiteral("Scale prd to 5"));
        QCOMPARE(body.value(QStringLiteral("draft")).toBool(), true);
        QVERIFY(
            body.value(QStringLiteral("body")).toString().contains(QStringLiteral("@acme/sre")));
        const QString url =
            m_fake->baseUrl().toString() + QStringLiteral("/acme/manifests/pull/12");
        QCOMPARE(dialog->resultUrl().toString(), url);
        QVERIFY2(dialog->messageText().contains(url), qPrintable(dialog->messageText()));
        QVERIFY(!dialog->createButton()->isEnabled()); // not twice
        dialog->close();
    }

    void createPullRequestShowsTheOneThatAlreadyExists()
    {
        m_fake->on("POST", QStringLiteral("/repos/acme/manifests/pulls"),
                   CannedResponse::json(
                       422, "{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":"
                            "\"PullRequest\",\"code\":\"custom\",\"message\":\"A pull request "
                            "already exists for acme:feature.\"}]}"));
        m_fake->on(
            "GET", QStringLiteral("/repos/acme/manifests/pulls"),
            CannedResponse::json(200, json(QJsonArray{pullObject(
                                          m_fake->baseUrl(), 3, QStringLiteral("Older"),
                                          QStringLiteral("me"), QString::fromLatin1(m_headSha))})));
        QSignalSpy drafted(m_controller, &kanri::app::GitHubController::draftReady);
        m_controller->createPullRequest();
        kanri::ui::PrCreateDialog *dialog = m_controller->createDialog();
        QVERIFY(waitUntil([&] { return !drafted.isEmpty(); }, 60000));
        QSignalSpy done(m_controller, &kanri::app::GitHubController::createFinished);
        QTest::mouseClick(dialog->createButton(), Qt::LeftButton);
        QVERIFY(waitUntil([&] { return !done.isEmpty(); }));
        const QString url = m_fake->baseUrl().toString() + QStringLiteral("/acme/manifests/pull/3");
        QCOMPARE(dialog->resultUrl().toString(), url);
        QVERIFY2(dialog->messageText().contains(QStringLiteral("already exists")) &&
                     dialog->messageText().contains(QStringLiteral("#3")),
                 qPrintable(dialog->messageText()));
        bool askedForHead = false;
        for (const auto &r : m_fake->requests)
            if (r.method == "GET" &&
                r.query.queryItemValue(QStringLiteral("head")) == QLatin1String("acme:feature"))
                askedForHead = true;
        QVERIFY(askedForHead);
        dialog->close();
    }

    void createPullRequestRefusesABranchThatIsNotPushed()
    {
        QVERIFY(git(work(), {QStringLiteral("checkout"), QStringLiteral("-qb"),
                             QStringLiteral("local-only")}));
        QSignalSpy drafted(m_controller, &kanri::app::GitHubController::draftReady);
        m_controller->createPullRequest();
        kanri::ui::PrCreateDialog *dialog = m_controller->createDialog();
        QVERIFY(waitUntil([&] { return !drafted.isEmpty(); }, 60000));
        QVERIFY2(dialog->messageText().contains(QStringLiteral("not on the remote")) &&
                     dialog->messageText().contains(QStringLiteral("Repository ▸ Push")),
                 qPrintable(dialog->messageText()));
        QVERIFY(!dialog->createButton()->isEnabled());
        QCOMPARE(m_fake->requests.size(), 0);
        dialog->close();
        QVERIFY(git(work(),
                    {QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("feature")}));
    }

    // Pull Requests ▸ Work Offline: nothing is asked of GitHub (the review queue, queued
    // reviews, sign-in), and turning it off posts what was queued meanwhile.
    void workingOfflineAsksNothingOfGitHubUntilTurnedOff()
    {
        routeList();
        routePull(7);
        QAction *workOffline = nullptr;
        for (QAction *a : m_window->menu(kanri::ui::MainWindow::Menu::PullRequests)->actions())
            if (a->text() == QLatin1String("Work Offline"))
                workOffline = a;
        QVERIFY(workOffline && workOffline->isCheckable() && !workOffline->isChecked());
        workOffline->trigger();
        QVERIFY(m_context->isWorkingOffline());
        QVERIFY(m_context->settings().value(QStringLiteral("github/workOffline")).toBool());

        kanri::github::NewReview approve;
        approve.event = kanri::github::ReviewEvent::Approve;
        approve.body = QStringLiteral("LGTM from the train");
        kanri::github::ReviewQueue queue(kanri::github::ReviewQueue::defaultFolder());
        QVERIFY(
            queue.enqueueReview({QStringLiteral("acme"), QStringLiteral("manifests")}, 7, approve));
        QSignalSpy refreshed(m_controller, &kanri::app::GitHubController::queueRefreshed);
        m_controller->refresh();
        QVERIFY(waitUntil([&] { return !refreshed.isEmpty(); }));
        QCOMPARE(m_controller->queuePanel()->connection(),
                 kanri::ui::PrQueuePanel::Connection::Offline);
        QVERIFY2(m_controller->queuePanel()->connectionText().contains(
                     QStringLiteral("working offline")),
                 qPrintable(m_controller->queuePanel()->connectionText()));
        m_controller->syncQueue();
        QTest::qWait(200);
        QVERIFY(!m_context->isBusy());
        QCOMPARE(m_fake->requests.size(), 0);

        // Back online: the queued review goes out at once, exactly once.
        QSignalSpy synced(m_controller, &kanri::app::GitHubController::syncFinished);
        workOffline->trigger();
        QVERIFY(!m_context->isWorkingOffline());
        QVERIFY(!m_context->settings().value(QStringLiteral("github/workOffline")).toBool());
        QVERIFY(waitUntil([&] { return !synced.isEmpty(); }));
        QCOMPARE(count(*m_fake, "POST", QStringLiteral("/repos/acme/manifests/pulls/7/reviews")),
                 1);
        QVERIFY(queue.unsent().isEmpty());
    }

    // Last: the client remembers a refused token and does not send it again.
    void refusedCredentialsAreSaidInThePanel()
    {
        m_fake->on("GET", QStringLiteral("/repos/acme/manifests/pulls"),
                   CannedResponse::json(401, R"({"message":"Bad credentials"})"));
        QSignalSpy refreshed(m_controller, &kanri::app::GitHubController::queueRefreshed);
        m_controller->refresh();
        QVERIFY(waitUntil([&] { return !refreshed.isEmpty(); }));
        kanri::ui::PrQueuePanel *panel = m_controller->queuePanel();
        QCOMPARE(panel->connection(), kanri::ui::PrQueuePanel::Connection::Error);
        QVERIFY2(panel->connectionText().contains(QStringLiteral("credentials")),
                 qPrintable(panel->connectionText()));
        QVERIFY(!panel->connectionText().contains(QStringLiteral("ghp_ui_test_token")));
    }
};

QTEST_MAIN(tst_GitHubUi)
#include "tst_githubui.moc"
