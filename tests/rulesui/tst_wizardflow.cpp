// After a wizard: branch, commit, push and pull request in one flow, end to end. A real main
// window and application context with the wizard controller (kanri_app), the demo
// workspace whose bare remotes `git http-backend` serves on loopback (tests/git), and the
// GitHub stand-in of tests/github answering with pull requests written here (no ../shared
// needed).

#include "app/appcontext.h"
#include "app/controllers.h"
#include "app/gitcontroller.h"
#include "app/githubcontroller.h"
#include "app/wizardcontroller.h"
#include "credentials/tokenstore.h"
#include "github/githubremote.h"
#include "platform/demoworkspace.h"
#include "platform/session.h"
#include "tests/testsupport/fakegithub.h"
#include "tests/testsupport/githttpserver.h"
#include "ui/git/gitsignindialog.h"
#include "ui/main/mainwindow.h"
#include "ui/wizards/wizardnewdeveloper.h"
#include "ui/wizards/wizardnewmicroservice.h"
#include "ui/wizards/wizardoffboarddeveloper.h"
#include "ui/wizards/wizardpublishdialog.h"

#include "tests/testsupport/testutil.h"

#include <QCheckBox>
#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace kanri;
using kanri::test::CannedResponse;
using kanri::test::FakeGitHub;
using kanri::test::GitHttpServer;
using RecordedRequestList = QList<kanri::test::RecordedRequest>;

namespace {

const QString gitToken = QStringLiteral("git-tok-51c0ffee");
const QString githubToken = QStringLiteral("gh-tok-9a8b7c6d");

QString gitOut(const QStringList &args, const QString &dir)
{
    return QString::fromUtf8(kanri::test::run(QStringLiteral("git"), args, dir).out).trimmed();
}

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray json(const QJsonArray &a)
{
    return QJsonDocument(a).toJson(QJsonDocument::Compact);
}

int gitExit(const QStringList &args, const QString &dir)
{
    return kanri::test::run(QStringLiteral("git"), args, dir).exitCode;
}

bool waitUntil(const std::function<bool()> &done, int timeoutMs = 120000)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QTest::qWait(20);
    }
    return true;
}

} // namespace

class TestWizardFlow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void branchNamesAreChecked_data();
    void branchNamesAreChecked();
    void newDeveloperCommitsPushesAndOpensThePullRequest();
    void anExistingPullRequestIsShown();
    void aPushFailureKeepsTheCommitAndSaysSo();
    void anExistingBranchStopsBeforeAnythingIsSaved();
    void newMicroserviceOpensTwoPullRequestsThatLinkToEachOther();
    void offboardCommitsAndPushesWithoutPullRequestsWhenAskedNotTo();
    // The branch starts from origin's default branch, whatever the user is on.
    void fromAFeatureBranchTheBranchStartsFromOriginsDefaultBranch();
    void otherUncommittedChangesToTheSameFileStopBeforeAnythingIsSaved();
    void localChangesTheSwitchWouldOverwriteStopBeforeAnythingIsSaved();
    void aFailedFetchStopsBeforeAnythingIsSaved();
    // Tokens typed in this run (the application's controllers, wired as in the GUI).
    void aTokenTypedAtRepositoryPushIsUsedByTheWizardFlow();
    void aRefusedPushAsksThroughTheGitSignInPromptAndGoesOn();

private:
    QString repoPath(const QString &name) const { return m_ws + QLatin1Char('/') + name; }
    QString barePath(const QString &name) const
    {
        return m_ws + QStringLiteral("/remotes/") + name + QStringLiteral(".git");
    }
    // Runs the new-developer wizard as a user would and accepts it: the publish dialog is up.
    ui::WizardPublishDialog *runNewDeveloper();
    void clickRunAndWait();
    int count(const QByteArray &method, const QString &path) const;
    // The user is on feature/tweak with a commit origin does not have (it changes the
    // developers file), and origin's main moved on; returns the feature commit.
    QString onAFeatureBranchBehindOrigin();
    // Replaces the test's wizard controller with the application's controllers, wired as
    // installControllers() does, with no token in the environment or the keychain. The git
    // sign-in prompt answers `typed` each time it is up.
    void useApplicationControllers(const QString &typed);
    RecordedRequestList requestsTo(const QByteArray &method, const QString &path) const;

    QTemporaryDir m_tmp;
    int m_case = 0;
    QString m_ws;
    std::unique_ptr<GitHttpServer> m_server;
    std::unique_ptr<FakeGitHub> m_fake;
    std::unique_ptr<ui::MainWindow> m_window;
    std::unique_ptr<app::AppContext> m_context;
    app::WizardController *m_wizards = nullptr;
    app::GitController *m_git = nullptr;
    int m_signIns = 0;
};

void TestWizardFlow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                       m_tmp.filePath(QStringLiteral("settings")));
    QCoreApplication::setOrganizationName(QStringLiteral("KanriTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_wizardflow"));
    QVERIFY(QFileInfo::exists(GitHttpServer::httpBackend()));
}

void TestWizardFlow::init()
{
    m_ws = m_tmp.filePath(QStringLiteral("case%1/ws").arg(++m_case));
    auto ws = platform::materialiseDemo(QStringLiteral(":/demo"), m_ws);
    QVERIFY2(ws.has_value(), qPrintable(ws ? QString() : ws.error().toString()));
    // Served from the workspace folder: the remotes are http://127.0.0.1:PORT/remotes/NAME.git,
    // which GitHub-wise is the repository remotes/NAME.
    m_server = std::make_unique<GitHttpServer>(m_ws, gitToken);
    QVERIFY(m_server->start());
    for (const QString &name : {QStringLiteral("accounts"), QStringLiteral("manifests")}) {
        gitOut({"remote", "set-url", "origin", m_server->url("remotes/" + name + ".git")},
               repoPath(name));
        gitOut({"config", "user.name", "Config Author"}, repoPath(name));
        gitOut({"config", "user.email", "config@example.invalid"}, repoPath(name));
    }
    m_fake = std::make_unique<FakeGitHub>();
    QVERIFY(m_fake->listen());
    qputenv("KANRI_GITHUB_API_URL", m_fake->baseUrl().toString().toUtf8());

    m_window = std::make_unique<ui::MainWindow>();
    m_context = std::make_unique<app::AppContext>(m_window.get());
    m_context->settings().setValue(QStringLiteral("git/authorName"), QStringLiteral("Wiz Ard"));
    m_context->settings().setValue(QStringLiteral("git/authorEmail"),
                                   QStringLiteral("wizard@example.invalid"));
    m_wizards = new app::WizardController(m_context.get());
    // The git token for every git server; the GitHub stand-in (another port) has its own.
    auto tokens = credentials::TokenStore::fixed(gitToken);
    tokens->setSessionToken(github::tokenHostForApiBase(m_fake->baseUrl()), githubToken);
    m_wizards->publisher()->setTokens(tokens);
    QVERIFY(m_context->load(m_ws));
    m_window->resize(1200, 800);
    m_window->show();
}

void TestWizardFlow::cleanup()
{
    if (m_context && m_context->session())
        m_context->session()->revert();
    m_context.reset();
    m_window.reset();
    m_fake.reset();
    m_server.reset();
    m_wizards = nullptr;
    m_git = nullptr;
    m_signIns = 0;
    qunsetenv("KANRI_GITHUB_API_URL");
}

int TestWizardFlow::count(const QByteArray &method, const QString &path) const
{
    return int(requestsTo(method, path).size());
}

RecordedRequestList TestWizardFlow::requestsTo(const QByteArray &method, const QString &path) const
{
    RecordedRequestList out;
    for (const auto &r : m_fake->requests)
        if (r.method == method && r.path == path)
            out << r;
    return out;
}

ui::WizardPublishDialog *TestWizardFlow::runNewDeveloper()
{
    auto *wizard = qobject_cast<ui::NewDeveloperWizard *>(
        m_wizards->newDeveloper(app::WizardController::Show::Modal));
    if (!wizard)
        return nullptr;
    const int team = wizard->teamBox()->findData(QStringLiteral("@demo-org/media"));
    wizard->teamBox()->setCurrentIndex(team);
    QTest::keyClicks(wizard->textEdit(QStringLiteral("name")), QStringLiteral("Aiko Tanaka"));
    QTest::keyClicks(wizard->textEdit(QStringLiteral("github")), QStringLiteral("aiko-tanaka"));
    QTest::keyClicks(wizard->textEdit(QStringLiteral("email")),
                     QStringLiteral("atanaka@example.co.jp"));
    wizard->next();
    wizard->flagBox(QStringLiteral("pagerduty"))->setChecked(true);
    wizard->next();
    if (!wizard->plan())
        return nullptr;
    QSignalSpy offered(m_wizards->publisher(), &app::PublishController::publishOffered);
    wizard->accept();
    if (offered.isEmpty())
        return nullptr;
    return m_wizards->publisher()->publishDialog();
}

void TestWizardFlow::clickRunAndWait()
{
    QSignalSpy finished(m_wizards->publisher(), &app::PublishController::publishFinished);
    ui::WizardPublishDialog *dialog = m_wizards->publisher()->publishDialog();
    QVERIFY(dialog->runButton()->isEnabled());
    QTest::mouseClick(dialog->runButton(), Qt::LeftButton);
    QVERIFY(waitUntil([&] { return !finished.isEmpty(); }));
}

void TestWizardFlow::branchNamesAreChecked_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("ok");
    QTest::newRow("a generated name is fine") << "kanri/add-developer-atanaka" << true;
    QTest::newRow("an empty name is refused") << "" << false;
    QTest::newRow("a space is refused") << "kanri/add developer" << false;
    QTest::newRow("two dots are refused") << "kanri/a..b" << false;
    QTest::newRow("a trailing .lock is refused") << "kanri/x.lock" << false;
    QTest::newRow("a part starting with a dot is refused") << "kanri/.hidden" << false;
    QTest::newRow("a leading dash is refused") << "-x" << false;
    QTest::newRow("a colon is refused") << "a:b" << false;
}

void TestWizardFlow::branchNamesAreChecked()
{
    QFETCH(QString, name);
    QFETCH(bool, ok);
    QCOMPARE(platform::checkBranchName(name).isEmpty(), ok);
}

void TestWizardFlow::newDeveloperCommitsPushesAndOpensThePullRequest()
{
    m_fake->on("POST", QStringLiteral("/repos/remotes/accounts/pulls"),
               CannedResponse::json(201, json(test::createdPullJson(
                                             m_fake->baseUrl(), QStringLiteral("accounts"), 41,
                                             QStringLiteral("kanri/add-developer-atanaka")))));
    ui::WizardPublishDialog *dialog = runNewDeveloper();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    // One repository: the accounts one, with generated, editable texts.
    QVERIFY(dialog->branchEdit(0));
    QVERIFY(!dialog->branchEdit(1));
    QCOMPARE(dialog->branchEdit(0)->text(), QStringLiteral("kanri/add-developer-atanaka"));
    QVERIFY(
        dialog->commitEdit(0)->toPlainText().startsWith(QStringLiteral("Add developer atanaka")));
    QVERIFY2(dialog->titleEdit(0)->text().contains(QStringLiteral("Aiko Tanaka")),
             qPrintable(dialog->titleEdit(0)->text()));
    const QString body = dialog->bodyEdit(0)->toPlainText();
    QVERIFY2(body.contains(QStringLiteral("Merging this grants")), qPrintable(body));
    QVERIFY2(body.contains(QStringLiteral("developers.auto.tfvars")), qPrintable(body));
    // ... and which Terraform instances the new entry adds (issue 23), evaluated offline.
    QVERIFY2(body.contains(QStringLiteral("**Terraform impact (accounts")) &&
                 body.contains(QStringLiteral("+ ")) &&
                 body.contains(QStringLiteral("[\"atanaka\"]")),
             qPrintable(body));
    QVERIFY(dialog->pullRequestBox()->isChecked());
    // A wrong branch name is said before anything runs.
    dialog->branchEdit(0)->setText(QStringLiteral("kanri/a b"));
    QVERIFY(!dialog->runButton()->isEnabled());
    dialog->branchEdit(0)->setText(QStringLiteral("kanri/add-developer-atanaka"));
    dialog->titleEdit(0)->setText(QStringLiteral("Welcome Aiko"));
    // An unrelated unsaved edit stays unsaved.
    const QString other = repoPath(QStringLiteral("accounts")) + QStringLiteral("/NOTES.md");
    m_context->session()->buffers()->edit(other, "not part of the change\n", QStringLiteral("x"));

    clickRunAndWait();
    const platform::PublishOutcome &outcome = m_wizards->publisher()->flow()->outcome();
    QVERIFY2(outcome.ok, qPrintable(outcome.message));

    // The remote has the branch with one commit over main, touching only the developers file.
    const QString bare = barePath(QStringLiteral("accounts"));
    const QString range = QStringLiteral("main..kanri/add-developer-atanaka");
    QCOMPARE(gitOut({"rev-list", "--count", range}, bare), QStringLiteral("1"));
    QCOMPARE(gitOut({"diff", "--name-only", "main", "kanri/add-developer-atanaka"}, bare),
             QStringLiteral("developers.auto.tfvars"));
    QCOMPARE(gitOut({"log", "-1", "--format=%an <%ae>", "kanri/add-developer-atanaka"}, bare),
             QStringLiteral("Wiz Ard <wizard@example.invalid>"));
    QVERIFY(gitOut({"show", "kanri/add-developer-atanaka:developers.auto.tfvars"}, bare)
                .contains(QStringLiteral("atanaka = {")));
    // The working tree is back on the branch it was on; the new branch tracks the remote one.
    const QString work = repoPath(QStringLiteral("accounts"));
    QCOMPARE(gitOut({"rev-parse", "--abbrev-ref", "HEAD"}, work), QStringLiteral("main"));
    QCOMPARE(gitOut({"rev-parse", "--abbrev-ref", "kanri/add-developer-atanaka@{upstream}"}, work),
             QStringLiteral("origin/kanri/add-developer-atanaka"));
    QVERIFY2(dialog->messageLabel()->text().contains(QStringLiteral("back on branch main")),
             qPrintable(dialog->messageLabel()->text()));
    // Nothing in the manifests repository.
    QCOMPARE(gitOut({"branch", "--list", "kanri/*"}, barePath(QStringLiteral("manifests"))),
             QString());

    // The pull request, as typed.
    const auto posts = requestsTo("POST", QStringLiteral("/repos/remotes/accounts/pulls"));
    QCOMPARE(posts.size(), 1);
    const QJsonObject sent = posts.first().json();
    QCOMPARE(sent.value(QStringLiteral("title")).toString(), QStringLiteral("Welcome Aiko"));
    QCOMPARE(sent.value(QStringLiteral("head")).toString(),
             QStringLiteral("kanri/add-developer-atanaka"));
    QCOMPARE(sent.value(QStringLiteral("base")).toString(), QStringLiteral("main"));
    QVERIFY(sent.value(QStringLiteral("body")).toString().contains(QStringLiteral("pagerduty")) ||
            sent.value(QStringLiteral("body")).toString().contains(QStringLiteral("PagerDuty")));
    QCOMPARE(posts.first().header("authorization"), "Bearer " + githubToken.toUtf8());
    QCOMPARE(count("PATCH", QStringLiteral("/repos/remotes/accounts/pulls/41")), 0);

    // Said in words, with the address.
    const QString url = m_fake->baseUrl().toString() + QStringLiteral("/remotes/accounts/pull/41");
    QVERIFY2(outcome.message.contains(url), qPrintable(outcome.message));
    QVERIFY(dialog->messageLabel()->text().contains(url));
    QVERIFY(!dialog->runButton()->isEnabled()); // not twice
    // The other edit is still unsaved; the wizard's file is saved.
    QVERIFY(m_context->session()->buffers()->isModified(other));
    QVERIFY(!QFileInfo::exists(other));
    QVERIFY(!m_context->session()->buffers()->isModified(
        work + QStringLiteral("/developers.auto.tfvars")));
    // No token in anything shown.
    QVERIFY(!outcome.message.contains(gitToken) && !outcome.message.contains(githubToken));
    dialog->close();
}

void TestWizardFlow::anExistingPullRequestIsShown()
{
    m_fake->on("POST", QStringLiteral("/repos/remotes/accounts/pulls"),
               CannedResponse::json(
                   422, "{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":"
                        "\"PullRequest\",\"code\":\"custom\",\"message\":\"A pull request "
                        "already exists for remotes:kanri/add-developer-atanaka.\"}]}"));
    m_fake->on("GET", QStringLiteral("/repos/remotes/accounts/pulls"),
               CannedResponse::json(200, json(QJsonArray{test::createdPullJson(
                                             m_fake->baseUrl(), QStringLiteral("accounts"), 8,
                                             QStringLiteral("kanri/add-developer-atanaka"))})));
    QVERIFY(runNewDeveloper());
    clickRunAndWait();
    const platform::PublishOutcome &outcome = m_wizards->publisher()->flow()->outcome();
    QVERIFY2(outcome.ok, qPrintable(outcome.message));
    QCOMPARE(outcome.steps.size(), 1);
    QCOMPARE(outcome.steps.first().pullNumber, 8);
    QVERIFY(outcome.steps.first().pullExisted);
    QVERIFY2(outcome.message.contains(QStringLiteral("already open")), qPrintable(outcome.message));
}

void TestWizardFlow::aPushFailureKeepsTheCommitAndSaysSo()
{
    ui::WizardPublishDialog *dialog = runNewDeveloper();
    QVERIFY(dialog);
    dialog->commitEdit(0)->setPlainText(QStringLiteral("My own message\n\nTyped by hand."));
    // Fetching works; the address pushes go to does not answer.
    gitOut({"config", "remote.origin.pushurl", "http://127.0.0.1:1/remotes/accounts.git"},
           repoPath(QStringLiteral("accounts")));
    clickRunAndWait();
    const platform::PublishOutcome &outcome = m_wizards->publisher()->flow()->outcome();
    QVERIFY(!outcome.ok);
    QVERIFY(outcome.anythingCommitted());
    QVERIFY2(outcome.message.contains(QStringLiteral("push failed")) &&
                 outcome.message.contains(QStringLiteral("committed")) &&
                 outcome.message.contains(QStringLiteral("kanri/add-developer-atanaka")) &&
                 outcome.message.contains(QStringLiteral("Repository ▸ Push")),
             qPrintable(outcome.message));
    // The commit is there, on the branch, with what was typed; the checkout is back on main.
    const QString work = repoPath(QStringLiteral("accounts"));
    const QString branch = QStringLiteral("kanri/add-developer-atanaka");
    QCOMPARE(gitOut({"rev-parse", "--abbrev-ref", "HEAD"}, work), QStringLiteral("main"));
    QCOMPARE(gitOut({"log", "-1", "--format=%s", branch}, work), QStringLiteral("My own message"));
    QCOMPARE(gitOut({"diff", "--name-only", branch + "~1", branch}, work),
             QStringLiteral("developers.auto.tfvars"));
    // No pull request was asked for; the texts are still in the dialog.
    QCOMPARE(count("POST", QStringLiteral("/repos/remotes/accounts/pulls")), 0);
    QCOMPARE(dialog->commitEdit(0)->toPlainText(),
             QStringLiteral("My own message\n\nTyped by hand."));
    QVERIFY(dialog->messageLabel()->isVisible());
    QVERIFY(dialog->messageLabel()->text().contains(QStringLiteral("push failed")));
    QVERIFY(!outcome.message.contains(gitToken));
    dialog->close();
}

void TestWizardFlow::anExistingBranchStopsBeforeAnythingIsSaved()
{
    const QString work = repoPath(QStringLiteral("accounts"));
    gitOut({"branch", "kanri/add-developer-atanaka"}, work);
    const QString head = gitOut({"rev-parse", "HEAD"}, work);
    ui::WizardPublishDialog *dialog = runNewDeveloper();
    QVERIFY(dialog);
    clickRunAndWait();
    const platform::PublishOutcome &outcome = m_wizards->publisher()->flow()->outcome();
    QVERIFY(!outcome.ok);
    QVERIFY(!outcome.saved);
    QVERIFY2(outcome.message.contains(QStringLiteral("already has a branch")),
             qPrintable(outcome.message));
    QVERIFY(m_context->session()->buffers()->isModified(work +
                                                        QStringLiteral("/developers.auto.tfvars")));
    QCOMPARE(gitOut({"rev-parse", "HEAD"}, work), head);
    QCOMPARE(gitOut({"rev-parse", "--abbrev-ref", "HEAD"}, work), QStringLiteral("main"));
    // Nothing was committed: another name can be tried from the same dialog.
    dialog->branchEdit(0)->setText(QStringLiteral("kanri/add-developer-atanaka-2"));
    QVERIFY(dialog->runButton()->isEnabled());
    dialog->pullRequestBox()->setChecked(false);
    clickRunAndWait();
    QVERIFY2(m_wizards->publisher()->flow()->outcome().ok,
             qPrintable(m_wizards->publisher()->flow()->outcome().message));
    QCOMPARE(gitOut({"rev-list", "--count", "main..kanri/add-developer-atanaka-2"},
                    barePath(QStringLiteral("accounts"))),
             QStringLiteral("1"));
    QCOMPARE(m_fake->requests.size(), 0);
    dialog->close();
}

void TestWizardFlow::newMicroserviceOpensTwoPullRequestsThatLinkToEachOther()
{
    const QString branch = QStringLiteral("kanri/add-microservice-coupon-api");
    m_fake->on(
        "POST", QStringLiteral("/repos/remotes/accounts/pulls"),
        CannedResponse::json(201, json(test::createdPullJson(
                                      m_fake->baseUrl(), QStringLiteral("accounts"), 3, branch))));
    m_fake->on(
        "POST", QStringLiteral("/repos/remotes/manifests/pulls"),
        CannedResponse::json(201, json(test::createdPullJson(
                                      m_fake->baseUrl(), QStringLiteral("manifests"), 9, branch))));
    m_fake->on(
        "PATCH", QStringLiteral("/repos/remotes/accounts/pulls/3"),
        CannedResponse::json(200, json(test::createdPullJson(
                                      m_fake->baseUrl(), QStringLiteral("accounts"), 3, branch))));
    auto *wizard = qobject_cast<ui::NewMicroserviceWizard *>(
        m_wizards->newMicroservice(app::WizardController::Show::Modal));
    QVERIFY(wizard);
    QTest::keyClicks(wizard->nameEdit(), QStringLiteral("coupon-api"));
    QTest::keyClicks(wizard->descriptionEdit(), QStringLiteral("Issues and redeems coupons."));
    wizard->next();
    wizard->next();
    QVERIFY(wizard->plan().has_value());
    QSignalSpy offered(m_wizards->publisher(), &app::PublishController::publishOffered);
    wizard->accept();
    QCOMPARE(offered.size(), 1);
    ui::WizardPublishDialog *dialog = m_wizards->publisher()->publishDialog();
    QVERIFY(dialog->branchEdit(0) && dialog->branchEdit(1));
    QCOMPARE(dialog->fields().at(0).repository, QStringLiteral("accounts"));
    QCOMPARE(dialog->fields().at(1).repository, QStringLiteral("manifests"));
    QCOMPARE(dialog->branchEdit(1)->text(), branch);
    clickRunAndWait();
    const platform::PublishOutcome &outcome = m_wizards->publisher()->flow()->outcome();
    QVERIFY2(outcome.ok, qPrintable(outcome.message));

    for (const QString &repo : {QStringLiteral("accounts"), QStringLiteral("manifests")})
        QCOMPARE(gitOut({"rev-list", "--count", "main.." + branch}, barePath(repo)),
                 QStringLiteral("1"));
    // The manifests commit holds the service folder and more, and nothing of accounts.
    const QString files =
        gitOut({"diff", "--name-only", "main", branch}, barePath(QStringLiteral("manifests")));
    QVERIFY2(files.contains(QStringLiteral("services/coupon-api/")), qPrintable(files));

    const QString first = m_fake->baseUrl().toString() + QStringLiteral("/remotes/accounts/pull/3");
    const QString second =
        m_fake->baseUrl().toString() + QStringLiteral("/remotes/manifests/pull/9");
    const auto manifestsPost = requestsTo("POST", QStringLiteral("/repos/remotes/manifests/pulls"));
    QCOMPARE(manifestsPost.size(), 1);
    const QString manifestsBody =
        manifestsPost.first().json().value(QStringLiteral("body")).toString();
    QVERIFY(manifestsBody.contains(first));
    // The body says what the new overlays render to (rendered from the buffers, before save).
    QVERIFY2(manifestsBody.contains(QStringLiteral("Rendered")) &&
                 manifestsBody.contains(QStringLiteral("Deployment/coupon-api")) &&
                 manifestsBody.contains(QStringLiteral("(namespace coupon-api)")),
             qPrintable(manifestsBody));
    // ... and where Argo CD deploys them (issue 24): the wizard's new Applications, read with
    // the wizard's unsaved files in the map.
    QVERIFY2(manifestsBody.contains(QStringLiteral("**Deploys to:**")) &&
                 manifestsBody.contains(QStringLiteral("coupon-api-prd")),
             qPrintable(manifestsBody));
    const auto patch = requestsTo("PATCH", QStringLiteral("/repos/remotes/accounts/pulls/3"));
    QCOMPARE(patch.size(), 1);
    QVERIFY(patch.first().json().value(QStringLiteral("body")).toString().contains(second));
    // Accounts first, then manifests, then the link back.
    QStringList order;
    for (const auto &r : m_fake->requests)
        order << QString::fromLatin1(r.method) + QLatin1Char(' ') + r.path;
    QCOMPARE(order.indexOf(QStringLiteral("POST /repos/remotes/accounts/pulls")) <
                 order.indexOf(QStringLiteral("POST /repos/remotes/manifests/pulls")),
             true);
    QVERIFY(outcome.message.contains(first) && outcome.message.contains(second));
    dialog->close();
}

void TestWizardFlow::offboardCommitsAndPushesWithoutPullRequestsWhenAskedNotTo()
{
    auto *wizard =
        qobject_cast<ui::OffboardWizard *>(m_wizards->offboard(app::WizardController::Show::Modal));
    QVERIFY(wizard);
    wizard->setDeveloper(QStringLiteral("hnakamura"));
    wizard->next();
    QVERIFY(wizard->plan().has_value());
    QSignalSpy offered(m_wizards->publisher(), &app::PublishController::publishOffered);
    wizard->accept();
    QCOMPARE(offered.size(), 1);
    ui::WizardPublishDialog *dialog = m_wizards->publisher()->publishDialog();
    const QList<ui::PublishFields> fields = dialog->fields();
    QVERIFY(!fields.isEmpty());
    for (const ui::PublishFields &f : fields) {
        QCOMPARE(f.branch, QStringLiteral("kanri/offboard-hnakamura"));
        QVERIFY2(f.body.contains(QStringLiteral("hnakamura")), qPrintable(f.body));
    }
    dialog->pullRequestBox()->setChecked(false);
    QVERIFY(!dialog->titleEdit(0)->isEnabled());
    clickRunAndWait();
    const platform::PublishOutcome &outcome = m_wizards->publisher()->flow()->outcome();
    QVERIFY2(outcome.ok, qPrintable(outcome.message));
    QCOMPARE(outcome.steps.size(), fields.size());
    for (const ui::PublishFields &f : fields) {
        QCOMPARE(gitOut({"rev-list", "--count", "main..kanri/offboard-hnakamura"},
                        barePath(f.repository)),
                 QStringLiteral("1"));
        QCOMPARE(gitOut({"diff", "--name-only", "main", "kanri/offboard-hnakamura"},
                        barePath(f.repository))
                     .split(QLatin1Char('\n')),
                 f.files);
    }
    QVERIFY(!gitOut({"show", "kanri/offboard-hnakamura:developers.auto.tfvars"},
                    barePath(QStringLiteral("accounts")))
                 .contains(QStringLiteral("hnakamura =")));
    QCOMPARE(m_fake->requests.size(), 0);
    dialog->close();
}

QString TestWizardFlow::onAFeatureBranchBehindOrigin()
{
    const QString work = repoPath(QStringLiteral("accounts"));
    const QString tfvars = QStringLiteral("developers.auto.tfvars");
    // Someone else's change reaches origin's main: the first line of the developers file.
    const QString other = m_tmp.filePath(QStringLiteral("case%1/other").arg(m_case));
    gitOut({"clone", "-q", barePath(QStringLiteral("accounts")), other}, m_tmp.path());
    gitOut({"config", "user.name", "Someone Else"}, other);
    gitOut({"config", "user.email", "else@example.invalid"}, other);
    QByteArray text = kanri::test::readAll(other + QLatin1Char('/') + tfvars);
    text.replace("# Everyone who works on the platform.", "# Everyone on the platform team.");
    if (!kanri::test::writeFile(other + QLatin1Char('/') + tfvars, text))
        return {};
    gitOut({"commit", "-q", "-am", "Shorter heading"}, other);
    gitOut({"push", "-q", "origin", "main"}, other);
    // The user's feature branch: a commit that changes the same file elsewhere and adds one.
    gitOut({"switch", "-q", "-c", "feature/tweak"}, work);
    text = kanri::test::readAll(work + QLatin1Char('/') + tfvars);
    const qsizetype at = text.indexOf("datadog         = true");
    text.replace(at, 22, "datadog         = false");
    if (!kanri::test::writeFile(work + QLatin1Char('/') + tfvars, text))
        return {};
    if (!kanri::test::writeFile(work + QStringLiteral("/EXTRA.md"),
                                "local work, not for the wizard's PR\n"))
        return {};
    gitOut({"add", "-A"}, work);
    gitOut({"commit", "-q", "-m", "Local work"}, work);
    return gitOut({"rev-parse", "HEAD"}, work);
}

void TestWizardFlow::fromAFeatureBranchTheBranchStartsFromOriginsDefaultBranch()
{
    const QString branch = QStringLiteral("kanri/add-developer-atanaka");
    m_fake->on(
        "POST", QStringLiteral("/repos/remotes/accounts/pulls"),
        CannedResponse::json(201, json(test::createdPullJson(
                                      m_fake->baseUrl(), QStringLiteral("accounts"), 41, branch))));
    const QString work = repoPath(QStringLiteral("accounts"));
    const QString bare = barePath(QStringLiteral("accounts"));
    const QString extra = onAFeatureBranchBehindOrigin();
    QVERIFY(!extra.isEmpty());
    const QString originMain = gitOut({"rev-parse", "main"}, bare);
    QVERIFY(gitOut({"rev-parse", "origin/main"}, work) != originMain); // not fetched yet
    // Unrelated uncommitted work: a modified file and a new one.
    const QByteArray readme =
        kanri::test::readAll(work + QStringLiteral("/README.md")) + "\nMy notes.\n";
    QVERIFY(kanri::test::writeFile(work + QStringLiteral("/README.md"), readme));
    QVERIFY(kanri::test::writeFile(work + QStringLiteral("/scratch.txt"), "scratch\n"));
    QVERIFY(m_context->load(m_ws));

    ui::WizardPublishDialog *dialog = runNewDeveloper();
    QVERIFY(dialog);
    clickRunAndWait();
    const platform::PublishOutcome &outcome = m_wizards->publisher()->flow()->outcome();
    QVERIFY2(outcome.ok, qPrintable(outcome.message));

    // The pushed branch: one commit on top of origin's main as it is now.
    QCOMPARE(gitOut({"rev-parse", branch + "^"}, bare), originMain);
    QCOMPARE(gitOut({"rev-list", "--count", "main.." + branch}, bare), QStringLiteral("1"));
    // The feature commit is not in it (and never reached origin).
    QCOMPARE(gitExit({"merge-base", "--is-ancestor", extra, branch}, work), 1);
    QVERIFY(gitExit({"cat-file", "-e", extra}, bare) != 0);
    QCOMPARE(gitOut({"diff", "--name-only", "main", branch}, bare),
             QStringLiteral("developers.auto.tfvars"));
    // Only the wizard's entry: origin's heading stays, the feature branch's edit is not there.
    const QString diff = gitOut({"diff", "main", branch}, bare);
    QVERIFY2(diff.contains(QStringLiteral("+  atanaka = {")), qPrintable(diff));
    QVERIFY2(!diff.contains(QStringLiteral("datadog         = false")), qPrintable(diff));
    QVERIFY2(!diff.contains(QStringLiteral("-# Everyone")), qPrintable(diff));
    QVERIFY(outcome.steps.first().carried);
    QCOMPARE(outcome.steps.first().baseBranch, QStringLiteral("main"));
    QCOMPARE(outcome.steps.first().baseCommit, originMain);
    QVERIFY2(outcome.message.contains(QStringLiteral("origin/main")), qPrintable(outcome.message));
    // The pull request targets the default branch.
    const auto posts = requestsTo("POST", QStringLiteral("/repos/remotes/accounts/pulls"));
    QCOMPARE(posts.size(), 1);
    QCOMPARE(posts.first().json().value(QStringLiteral("base")).toString(), QStringLiteral("main"));

    // The working tree: back on the feature branch, its commit untouched; the new branch
    // tracks the remote one; the unrelated changes still there.
    QCOMPARE(gitOut({"rev-parse", "--abbrev-ref", "HEAD"}, work), QStringLiteral("feature/tweak"));
    QCOMPARE(gitOut({"rev-parse", "--abbrev-ref", branch + "@{upstream}"}, work),
             "origin/" + branch);
    QCOMPARE(gitOut({"rev-parse", "feature/tweak"}, work), extra);
    QCOMPARE(kanri::test::readAll(work + QStringLiteral("/README.md")), readme);
    QCOMPARE(kanri::test::readAll(work + QStringLiteral("/scratch.txt")), QByteArray("scratch\n"));
    QVERIFY(QFileInfo::exists(work + QStringLiteral("/EXTRA.md"))); // the feature branch's
    QCOMPARE(gitOut({"status", "--porcelain"}, work),
             QStringLiteral("M README.md\n?? scratch.txt"));
    QCOMPARE(kanri::test::readAll(work + QStringLiteral("/developers.auto.tfvars")),
             kanri::test::run(QStringLiteral("git"),
                              {"show", "feature/tweak:developers.auto.tfvars"}, work)
                 .out);
    QVERIFY2(
        dialog->messageLabel()->text().contains(QStringLiteral("back on branch feature/tweak")),
        qPrintable(dialog->messageLabel()->text()));
    dialog->close();
}

void TestWizardFlow::otherUncommittedChangesToTheSameFileStopBeforeAnythingIsSaved()
{
    const QString work = repoPath(QStringLiteral("accounts"));
    const QString tfvars = work + QStringLiteral("/developers.auto.tfvars");
    const QString extra = onAFeatureBranchBehindOrigin();
    QVERIFY(!extra.isEmpty());
    // An edit of the developers file on disk that is not the wizard's.
    QByteArray text = kanri::test::readAll(tfvars);
    text.replace("# An entry with", "# Note: an entry with");
    QVERIFY(kanri::test::writeFile(tfvars, text));
    QVERIFY(m_context->load(m_ws));
    ui::WizardPublishDialog *dialog = runNewDeveloper();
    QVERIFY(dialog);
    const QByteArray typed = m_context->session()->buffers()->read(tfvars).value_or(QByteArray());
    clickRunAndWait();
    const platform::PublishOutcome &outcome = m_wizards->publisher()->flow()->outcome();
    QVERIFY(!outcome.ok);
    QVERIFY(!outcome.saved);
    QVERIFY2(outcome.message.contains(QStringLiteral("uncommitted changes")) &&
                 outcome.message.contains(QStringLiteral("developers.auto.tfvars")) &&
                 outcome.message.contains(QStringLiteral("Nothing was saved")),
             qPrintable(outcome.message));
    // Nothing changed: branch, disk, buffers, remote.
    QCOMPARE(gitOut({"rev-parse", "--abbrev-ref", "HEAD"}, work), QStringLiteral("feature/tweak"));
    QCOMPARE(gitOut({"rev-parse", "HEAD"}, work), extra);
    QCOMPARE(kanri::test::readAll(tfvars), text);
    QVERIFY(m_context->session()->buffers()->isModified(tfvars));
    QCOMPARE(m_context->session()->buffers()->read(tfvars).value_or(QByteArray()), typed);
    QCOMPARE(gitOut({"branch", "--list", "kanri/*"}, barePath(QStringLiteral("accounts"))),
             QString());
    QCOMPARE(m_fake->requests.size(), 0);
    QVERIFY(dialog->runButton()->isEnabled()); // may be tried again once that is sorted out
    dialog->close();
}

void TestWizardFlow::localChangesTheSwitchWouldOverwriteStopBeforeAnythingIsSaved()
{
    const QString work = repoPath(QStringLiteral("accounts"));
    QVERIFY(!onAFeatureBranchBehindOrigin().isEmpty());
    // EXTRA.md exists only on the feature branch; editing it means the switch cannot drop it.
    QVERIFY(kanri::test::writeFile(work + QStringLiteral("/EXTRA.md"), "edited, not committed\n"));
    QVERIFY(m_context->load(m_ws));
    QVERIFY(runNewDeveloper());
    clickRunAndWait();
    const platform::PublishOutcome &outcome = m_wizards->publisher()->flow()->outcome();
    QVERIFY(!outcome.ok);
    QVERIFY(!outcome.saved);
    QVERIFY2(outcome.message.contains(QStringLiteral("EXTRA.md")) &&
                 outcome.message.contains(QStringLiteral("overwritten")),
             qPrintable(outcome.message));
    QCOMPARE(gitOut({"rev-parse", "--abbrev-ref", "HEAD"}, work), QStringLiteral("feature/tweak"));
    QCOMPARE(kanri::test::readAll(work + QStringLiteral("/EXTRA.md")),
             QByteArray("edited, not committed\n"));
    QVERIFY(m_context->session()->buffers()->isModified(work +
                                                        QStringLiteral("/developers.auto.tfvars")));
}

void TestWizardFlow::aFailedFetchStopsBeforeAnythingIsSaved()
{
    const QString work = repoPath(QStringLiteral("accounts"));
    const QString head = gitOut({"rev-parse", "HEAD"}, work);
    QVERIFY(runNewDeveloper());
    m_server->stop();
    clickRunAndWait();
    const platform::PublishOutcome &outcome = m_wizards->publisher()->flow()->outcome();
    QVERIFY(!outcome.ok);
    QVERIFY(!outcome.saved);
    QVERIFY(!outcome.anythingCommitted());
    QVERIFY2(outcome.message.contains(QStringLiteral("could not be fetched")) &&
                 outcome.message.contains(QStringLiteral("Nothing was saved")),
             qPrintable(outcome.message));
    QCOMPARE(gitOut({"rev-parse", "HEAD"}, work), head);
    QCOMPARE(gitOut({"rev-parse", "--abbrev-ref", "HEAD"}, work), QStringLiteral("main"));
    QVERIFY(m_context->session()->buffers()->isModified(work +
                                                        QStringLiteral("/developers.auto.tfvars")));
}

void TestWizardFlow::useApplicationControllers(const QString &typed)
{
    qunsetenv("KANRI_GITHUB_TOKEN");
    qunsetenv("GITHUB_TOKEN");
    if (m_context && m_context->session())
        m_context->session()->revert();
    m_context.reset();
    m_window.reset();
    m_window = std::make_unique<ui::MainWindow>();
    m_context = std::make_unique<app::AppContext>(m_window.get());
    app::installControllers(m_context.get());
    m_git = m_context->findChild<app::GitController *>();
    m_wizards = m_context->findChild<app::WizardController *>();
    auto *github = m_context->findChild<app::GitHubController *>();
    QVERIFY(m_git && m_wizards && github);
    // Nothing from the environment or the keychain: only what is typed, and GitHub's token for
    // the stand-in. One store for the three, as installControllers() shares one.
    auto tokens = std::make_shared<credentials::TokenStore>(
        credentials::TokenStore::Environment::Ignore, nullptr);
    tokens->setSessionToken(github::tokenHostForApiBase(m_fake->baseUrl()), githubToken);
    m_git->setTokens(tokens);
    github->setTokens(tokens);
    m_wizards->publisher()->setTokens(tokens);
    connect(m_git, &app::GitController::signInRequested, this, [this, typed] {
        ++m_signIns;
        QTimer::singleShot(0, this, [this, typed] {
            ui::GitSignInDialog *prompt = m_git->signInDialog();
            QVERIFY(prompt && prompt->isVisible());
            QTest::keyClicks(prompt->tokenEdit(), typed);
            prompt->accept();
        });
    });
    QVERIFY(m_context->load(m_ws));
    m_window->resize(1200, 800);
    m_window->show();
}

void TestWizardFlow::aTokenTypedAtRepositoryPushIsUsedByTheWizardFlow()
{
    const QString branch = QStringLiteral("kanri/add-developer-atanaka");
    m_fake->on(
        "POST", QStringLiteral("/repos/remotes/accounts/pulls"),
        CannedResponse::json(201, json(test::createdPullJson(
                                      m_fake->baseUrl(), QStringLiteral("accounts"), 41, branch))));
    useApplicationControllers(gitToken);
    if (QTest::currentTestFailed())
        return;
    // Repository ▸ Push: refused, the prompt asks, the token is typed once.
    QSignalSpy pushed(m_git, &app::GitController::operationFinished);
    m_git->push(0);
    QVERIFY(waitUntil([&] { return !pushed.isEmpty(); }));
    QCOMPARE(pushed.first().first().toBool(), true);
    QCOMPARE(m_signIns, 1);

    // The wizard's flow fetches and pushes with it: no second prompt, no environment.
    ui::WizardPublishDialog *dialog = runNewDeveloper();
    QVERIFY(dialog);
    clickRunAndWait();
    const platform::PublishOutcome &outcome = m_wizards->publisher()->flow()->outcome();
    QVERIFY2(outcome.ok, qPrintable(outcome.message));
    QCOMPARE(m_signIns, 1);
    QCOMPARE(
        gitOut({"rev-list", "--count", "main.." + branch}, barePath(QStringLiteral("accounts"))),
        QStringLiteral("1"));
    QCOMPARE(requestsTo("POST", QStringLiteral("/repos/remotes/accounts/pulls")).size(), 1);
    QVERIFY(!outcome.message.contains(gitToken));
    QVERIFY(!dialog->messageLabel()->text().contains(gitToken));
    dialog->close();
}

void TestWizardFlow::aRefusedPushAsksThroughTheGitSignInPromptAndGoesOn()
{
    const QString branch = QStringLiteral("kanri/add-developer-atanaka");
    m_fake->on(
        "POST", QStringLiteral("/repos/remotes/accounts/pulls"),
        CannedResponse::json(201, json(test::createdPullJson(
                                      m_fake->baseUrl(), QStringLiteral("accounts"), 41, branch))));
    // Fetching needs no token (a public repository); pushing does.
    GitHttpServer anonymous(m_ws, QString());
    QVERIFY(anonymous.start());
    const QString work = repoPath(QStringLiteral("accounts"));
    gitOut({"remote", "set-url", "origin", anonymous.url(QStringLiteral("remotes/accounts.git"))},
           work);
    gitOut(
        {"config", "remote.origin.pushurl", m_server->url(QStringLiteral("remotes/accounts.git"))},
        work);
    useApplicationControllers(gitToken);
    if (QTest::currentTestFailed())
        return;
    ui::WizardPublishDialog *dialog = runNewDeveloper();
    QVERIFY(dialog);
    clickRunAndWait();
    const platform::PublishOutcome &outcome = m_wizards->publisher()->flow()->outcome();
    QVERIFY2(outcome.ok, qPrintable(outcome.message));
    QCOMPARE(m_signIns, 1);
    QCOMPARE(
        gitOut({"rev-list", "--count", "main.." + branch}, barePath(QStringLiteral("accounts"))),
        QStringLiteral("1"));
    QVERIFY(m_server->presentedPasswords().contains(gitToken));
    QCOMPARE(requestsTo("POST", QStringLiteral("/repos/remotes/accounts/pulls")).size(), 1);
    QVERIFY(!outcome.message.contains(gitToken));
    dialog->close();
    m_context->session()->revert();
    m_context.reset(); // before the anonymous server goes
    m_window.reset();
}

QTEST_MAIN(TestWizardFlow)
#include "tst_wizardflow.moc"
