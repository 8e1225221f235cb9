// The Repository menu end to end: a real main window and application context with the git
// controller, its dialogs driven as a user would, against `git http-backend` behind basic
// authentication on loopback (tests/testsupport/githttpserver.h). The workspace is the demo, whose
// bare remotes the server serves.

#include "app/appcontext.h"
#include "app/commitauthor.h"
#include "app/gitcontroller.h"
#include "credentials/tokenstore.h"
#include "git/gitrepository.h"
#include "items/catalogtreemodel.h"
#include "items/servicesmodel.h"
#include "platform/demoworkspace.h"
#include "platform/session.h"
#include "tests/testsupport/githttpserver.h"
#include "tests/testsupport/gitsshserver.h"
#include "tests/testsupport/gittestrepo.h"
#include "ui/git/gitauthordialog.h"
#include "ui/git/gitbranchdialog.h"
#include "ui/git/gitchangespanel.h"
#include "ui/git/gitclonedialog.h"
#include "ui/git/gitcommitdialog.h"
#include "ui/git/gitfilediffview.h"
#include "ui/git/gitprogressdialog.h"
#include "ui/git/gitprogresswidget.h"
#include "ui/git/gitpushdialog.h"
#include "ui/git/gitsettingsdialog.h"
#include "ui/git/gitsignindialog.h"
#include "ui/main/mainwindow.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>

using namespace kanri;
using kanri::test::GitHttpServer;

namespace {

const QString token = QStringLiteral("tok-7c1e55aa90d34b2f");

using kanri::test::configureIdentity;
using kanri::test::gitOut;
using kanri::test::readAll;
using kanri::test::writeFile;

// Every text a person can read in the application's windows.
QStringList visibleTexts()
{
    QStringList texts;
    for (QWidget *w : QApplication::allWidgets()) {
        if (auto *label = qobject_cast<QLabel *>(w))
            texts << label->text() << label->toolTip();
        else if (auto *edit = qobject_cast<QLineEdit *>(w);
                 edit && edit->echoMode() == QLineEdit::Normal)
            texts << edit->text();
        else if (auto *button = qobject_cast<QAbstractButton *>(w))
            texts << button->text();
        else if (auto *list = qobject_cast<QListWidget *>(w))
            for (int i = 0; i < list->count(); ++i)
                texts << list->item(i)->text();
        else if (auto *tree = qobject_cast<QTreeWidget *>(w))
            for (QTreeWidgetItemIterator it(tree); *it; ++it)
                texts << (*it)->text(0) << (*it)->text(1) << (*it)->toolTip(0);
        texts << w->windowTitle();
    }
    return texts;
}

bool anyTextContains(const QString &secret)
{
    const QStringList texts = visibleTexts();
    return std::any_of(texts.begin(), texts.end(),
                       [&](const QString &t) { return t.contains(secret); });
}

} // namespace

class TestGitUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void cloneShowsProgressUpToOneHundredPercent();
    void cloneDialogOffersTheWorkspaceRepositories();
    void cancelledCloneLeavesNothingBehind();
    void cloneIntoAFolderThatIsNotEmptyIsExplained();
    void unauthorizedCloneAsksForATokenAndExplainsWhenRefused();
    void signingInClonesAndTheTokenIsNeverShownOrStored();
    void plainHttpGetsNoTokenUnlessAllowedAndThenAWarning();
    void cloneOverSshAsksAboutAnUnknownHostKey();
    void trustedHostKeyIsRememberedAndAChangedOneRefused();
    void changesPanelListsFilesAndUnsavedEdits();
    void doubleClickRevealsTheFile();
    void statusIsReadOffTheGuiThreadAndOnlyTheLatestShown();
    void selectingAFileShowsItsStagedAndUnstagedDiff();
    void diffOfUntrackedBinaryLargeAndUnsavedFilesSaysWhatItIs();
    void diffOfAnEarlierSelectionIsDropped();
    void gitSettingsDialogValidatesAndTheCommitUsesTheAuthor();
    void commitFromTheDialogCreatesTheCommit();
    void commitSavesUnsavedEditsFirst();
    void commitOnlyTheCheckedFiles();
    void createBranchThenSwitchBackReloadsTheWorkspace();
    void remoteBranchIsCheckedOutAsATrackingBranch();
    void checkoutThatWouldOverwriteLocalChangesIsRefused();
    void pushLandsOnTheServerAndAheadBehindIsRefreshed();
    void rejectedPushIsExplainedAndKeepsTheCommit();
    void pullFastForwardsAndReloads();
    void pullWithAConflictListsTheFilesAndChangesNothing();
    void pushPushesTheRepositoryJustCommittedTo();
    void pushAsksWhichWhenTwoRepositoriesHaveCommits();
    void pushAllPushesEachRepositoryInTurn();
    void pushWithNothingToPushSaysSo();
    void firstCommitAsksWhoIsCommitting_data();
    void firstCommitAsksWhoIsCommitting();
    void aFailingCommitLeavesTheIndexAsItWas();

private:
    QString repoPath(const QString &name) const { return m_ws + QLatin1Char('/') + name; }
    QString barePath(const QString &name) const
    {
        return m_ws + QStringLiteral("/remotes/") + name + QStringLiteral(".git");
    }
    // A second clone of a remote (straight from the bare folder) that commits behind the
    // user's back.
    QString otherClone(const QString &name);
    int repositoryIndex(const QString &name) const;
    bool waitFinished(QSignalSpy &spy, int timeoutMs = 60000);
    // Reads the working trees again and waits for the panel to show the result.
    bool refresh();
    // Waits until no refresh is pending (the controller reads status on a worker).
    bool settle();
    // Selects a file's row like a click and waits for its diff.
    bool showDiffOf(const QString &repository, const QString &path);
    QAction *action(const char *name) const;
    // Clicks the action's button on the main tool bar.
    void clickToolButton(QAction *action);
    // The index as git has it: `git diff --cached --name-status` and the staged blobs.
    QString stagedState(const QString &repository) const;

    QTemporaryDir m_tmp;
    int m_case = 0;
    QString m_ws;
    std::unique_ptr<GitHttpServer> m_server;
    std::unique_ptr<ui::MainWindow> m_window;
    std::unique_ptr<app::AppContext> m_context;
    app::GitController *m_git = nullptr;
};

void TestGitUi::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                       m_tmp.filePath(QStringLiteral("settings")));
    QCoreApplication::setOrganizationName(QStringLiteral("KanriTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_gitui"));
    QVERIFY(QFileInfo::exists(GitHttpServer::httpBackend()));
    // Host keys the tests trust go to this ~/.ssh/known_hosts, never the real one.
    qputenv("HOME", QFile::encodeName(m_tmp.filePath(QStringLiteral("home"))));
    QDir().mkpath(m_tmp.filePath(QStringLiteral("home")));
    // git itself (the helpers' git commands) still finds no global identity there: each
    // repository gets its own below.
}

void TestGitUi::init()
{
    m_ws = m_tmp.filePath(QStringLiteral("case%1/ws").arg(++m_case));
    auto ws = platform::materialiseDemo(QStringLiteral(":/demo"), m_ws);
    QVERIFY2(ws.has_value(), qPrintable(ws ? QString() : ws.error().toString()));
    m_server = std::make_unique<GitHttpServer>(m_ws + QStringLiteral("/remotes"), token);
    QVERIFY(m_server->start());
    for (const QString &name : {QStringLiteral("accounts"), QStringLiteral("manifests")}) {
        gitOut({"remote", "set-url", "origin", m_server->url(name + ".git")}, repoPath(name));
        configureIdentity(repoPath(name));
    }
    m_window = std::make_unique<ui::MainWindow>();
    m_context = std::make_unique<app::AppContext>(m_window.get());
    m_git = new app::GitController(m_context.get());
    m_git->setTokens(credentials::TokenStore::fixed(token));
    m_context->settings().remove(QStringLiteral("git")); // nothing from an earlier case
    QVERIFY(m_context->load(m_ws));
    m_window->resize(1200, 800);
    m_window->show();
    QVERIFY(settle());
}

void TestGitUi::cleanup()
{
    if (m_context && m_context->session())
        m_context->session()->revert();
    m_context.reset(); // and the controller with it
    m_window.reset();
    m_server.reset();
    m_git = nullptr;
}

QString TestGitUi::otherClone(const QString &name)
{
    const QString dir = m_tmp.filePath(QStringLiteral("case%1/other-%2").arg(m_case).arg(name));
    kanri::test::run(QStringLiteral("git"), {"clone", "-q", barePath(name), dir});
    configureIdentity(dir, QStringLiteral("Other Author"), QStringLiteral("other@example.invalid"));
    return dir;
}

int TestGitUi::repositoryIndex(const QString &name) const
{
    const auto &changes = m_git->changesPanel()->changes();
    for (int i = 0; i < changes.size(); ++i)
        if (changes[i].name == name)
            return i;
    return -1;
}

bool TestGitUi::waitFinished(QSignalSpy &spy, int timeoutMs)
{
    return !spy.isEmpty() || spy.wait(timeoutMs);
}

bool TestGitUi::settle()
{
    QElapsedTimer timer;
    timer.start();
    while (m_git->isRefreshing() && timer.elapsed() < 30000)
        QTest::qWait(10);
    return !m_git->isRefreshing();
}

bool TestGitUi::refresh()
{
    m_git->refreshChanges();
    return settle();
}

bool TestGitUi::showDiffOf(const QString &repository, const QString &path)
{
    QTreeWidget *tree = m_git->changesPanel()->tree();
    QTreeWidgetItem *top = tree->topLevelItem(repositoryIndex(repository));
    if (!top)
        return false;
    for (int i = 0; i < top->childCount(); ++i) {
        if (top->child(i)->text(0) != path)
            continue;
        QSignalSpy shown(m_git, &app::GitController::fileDiffShown);
        tree->scrollToItem(top->child(i));
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {},
                          tree->visualItemRect(top->child(i)).center());
        if (tree->currentItem() != top->child(i))
            return false;
        return shown.wait(30000) && m_git->changesPanel()->diffView()->diff().path == path;
    }
    return false;
}

void TestGitUi::cloneShowsProgressUpToOneHundredPercent()
{
    m_git->openClone();
    ui::GitCloneDialog *dialog = m_git->cloneDialog();
    QVERIFY(dialog && dialog->isVisible());
    const QString dest = m_tmp.filePath(QStringLiteral("case%1/cloned").arg(m_case));
    dialog->urlEdit()->setText(m_server->url(QStringLiteral("manifests.git")));
    dialog->destinationEdit()->setText(dest);
    QList<int> values;
    connect(dialog->progress()->bar(), &QProgressBar::valueChanged, this,
            [&values](int v) { values << v; });
    QSignalSpy finished(m_git, &app::GitController::operationFinished);
    QTest::mouseClick(dialog->cloneButton(), Qt::LeftButton);
    QVERIFY(dialog->isBusy());
    QVERIFY(!dialog->cloneButton()->isEnabled());
    QCOMPARE(dialog->cancelButton()->text(), QStringLiteral("Cancel"));
    QVERIFY(waitFinished(finished));
    QCOMPARE(finished.first().first().toBool(), true);
    QCOMPARE(dialog->progress()->bar()->value(), 100);
    QVERIFY(!values.isEmpty());
    QCOMPARE(values.last(), 100);
    QVERIFY(dialog->messageLabel()->text().contains(QStringLiteral("Cloned into")));
    QVERIFY(QFileInfo::exists(dest + QStringLiteral("/.git")));
    QCOMPARE(gitOut({"rev-parse", "HEAD"}, dest),
             gitOut({"rev-parse", "main"}, barePath("manifests")));
    QVERIFY(!readAll(dest + QStringLiteral("/.git/config")).contains(token.toUtf8()));
    QVERIFY(!anyTextContains(token));
}

void TestGitUi::cloneDialogOffersTheWorkspaceRepositories()
{
    m_git->openClone();
    ui::GitCloneDialog *dialog = m_git->cloneDialog();
    QCOMPARE(dialog->targetBox()->count(), 3); // accounts, manifests, another
    const platform::Workspace *ws = m_context->workspace();
    QVERIFY(ws);
    dialog->targetBox()->setCurrentIndex(1);
    Q_EMIT dialog->targetBox()->activated(1);
    const platform::RepositorySpec &spec = ws->repositories.at(1);
    QCOMPARE(dialog->url(), spec.url);
    QCOMPARE(dialog->destination(), QDir::cleanPath(ws->repositoryPath(spec)));
    QVERIFY(dialog->targetBox()->itemText(1).contains(QStringLiteral("already cloned")));
}

void TestGitUi::cancelledCloneLeavesNothingBehind()
{
    // A repository big enough (and a server slow enough) to cancel in the middle.
    const QString seed = m_tmp.filePath(QStringLiteral("case%1/seed").arg(m_case));
    auto repo = git::Repository::init(seed, false);
    QVERIFY(repo);
    QRandomGenerator random(7);
    for (int i = 0; i < 48; ++i) {
        QByteArray data(16 * 1024, Qt::Uninitialized);
        random.fillRange(reinterpret_cast<quint32 *>(data.data()), data.size() / 4);
        writeFile(seed + QStringLiteral("/blob/%1.bin").arg(i), data);
    }
    QVERIFY(repo->stageAll());
    QVERIFY(repo->commit(QStringLiteral("big"),
                         git::Signature{QStringLiteral("T"), QStringLiteral("t@example.invalid")}));
    QVERIFY(git::Repository::init(barePath(QStringLiteral("big")), true));
    QVERIFY(repo->addRemote(QStringLiteral("origin"), barePath(QStringLiteral("big"))));
    QVERIFY(repo->push(QStringLiteral("origin"), QStringLiteral("main"), true));
    m_server->setWriteDelay(60);

    m_git->openClone();
    ui::GitCloneDialog *dialog = m_git->cloneDialog();
    const QString dest = m_tmp.filePath(QStringLiteral("case%1/big-clone").arg(m_case));
    dialog->urlEdit()->setText(m_server->url(QStringLiteral("big.git")));
    dialog->destinationEdit()->setText(dest);
    QSignalSpy finished(m_git, &app::GitController::operationFinished);
    QTest::mouseClick(dialog->cloneButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(
        dialog->progress()->label()->text().startsWith(QStringLiteral("Receiving")), 30000);
    QTest::mouseClick(dialog->cancelButton(), Qt::LeftButton);
    QVERIFY(waitFinished(finished));
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY2(dialog->messageLabel()->text().contains(QStringLiteral("Cancelled")),
             qPrintable(dialog->messageLabel()->text()));
    QVERIFY(!QFileInfo::exists(dest));
    QVERIFY(!dialog->isBusy());
    QVERIFY(dialog->isVisible()); // the dialog stays for another try
}

void TestGitUi::cloneIntoAFolderThatIsNotEmptyIsExplained()
{
    const QString dest = m_tmp.filePath(QStringLiteral("case%1/full").arg(m_case));
    writeFile(dest + QStringLiteral("/keep.txt"), "mine\n");
    m_git->openClone();
    ui::GitCloneDialog *dialog = m_git->cloneDialog();
    dialog->urlEdit()->setText(m_server->url(QStringLiteral("manifests.git")));
    dialog->destinationEdit()->setText(dest);
    QSignalSpy finished(m_git, &app::GitController::operationFinished);
    QTest::mouseClick(dialog->cloneButton(), Qt::LeftButton);
    QVERIFY(waitFinished(finished));
    const QString text = dialog->messageLabel()->text();
    QVERIFY2(text.contains(QStringLiteral("not an empty folder")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Choose a new or empty folder")), qPrintable(text));
    QCOMPARE(readAll(dest + QStringLiteral("/keep.txt")), QByteArray("mine\n"));
}

void TestGitUi::unauthorizedCloneAsksForATokenAndExplainsWhenRefused()
{
    m_git->setTokens(std::make_shared<credentials::TokenStore>(
        credentials::TokenStore::Environment::Ignore, nullptr));
    m_git->openClone();
    ui::GitCloneDialog *dialog = m_git->cloneDialog();
    const QString dest = m_tmp.filePath(QStringLiteral("case%1/denied").arg(m_case));
    const QString url = m_server->url(QStringLiteral("manifests.git"));
    dialog->urlEdit()->setText(url);
    dialog->destinationEdit()->setText(dest);
    QSignalSpy asked(m_git, &app::GitController::signInRequested);
    QSignalSpy finished(m_git, &app::GitController::operationFinished);
    QTest::mouseClick(dialog->cloneButton(), Qt::LeftButton);
    QVERIFY(asked.wait(30000));
    QVERIFY(m_git->signInDialog()->isVisible());
    QCOMPARE(m_git->signInDialog()->host(), QStringLiteral("127.0.0.1"));
    QVERIFY(finished.isEmpty());
    m_git->signInDialog()->reject();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().toBool(), false);
    const QString text = dialog->messageLabel()->text();
    QVERIFY2(text.contains(QStringLiteral("uthentication failed for ") + url), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Sign in with a token")), qPrintable(text));
    QVERIFY(!QFileInfo::exists(dest));
    QVERIFY(m_server->log().join(QLatin1Char('\n')).contains(QStringLiteral(" 401")));
}

void TestGitUi::signingInClonesAndTheTokenIsNeverShownOrStored()
{
    // The environment's token is wrong: the server answers 401 and the user signs in.
    m_git->setTokens(credentials::TokenStore::fixed(QStringLiteral("wrong-one")));
    m_git->openClone();
    ui::GitCloneDialog *dialog = m_git->cloneDialog();
    const QString dest = m_tmp.filePath(QStringLiteral("case%1/signed-in").arg(m_case));
    dialog->urlEdit()->setText(m_server->url(QStringLiteral("accounts.git")));
    dialog->destinationEdit()->setText(dest);
    QSignalSpy asked(m_git, &app::GitController::signInRequested);
    QSignalSpy finished(m_git, &app::GitController::operationFinished);
    QTest::mouseClick(dialog->cloneButton(), Qt::LeftButton);
    QVERIFY(asked.wait(30000));
    ui::GitSignInDialog *signIn = m_git->signInDialog();
    QCOMPARE(signIn->tokenEdit()->echoMode(), QLineEdit::Password);
    QTest::keyClicks(signIn->tokenEdit(), token);
    signIn->rememberBox()->setChecked(false); // no keychain on the test machine
    QVERIFY(!anyTextContains(token));
    signIn->accept();
    QVERIFY(waitFinished(finished));
    QCOMPARE(finished.first().first().toBool(), true);
    QVERIFY(QFileInfo::exists(dest + QStringLiteral("/.git")));
    QCOMPARE(asked.size(), 1);
    QVERIFY(signIn->tokenEdit()->text().isEmpty());
    QVERIFY(!anyTextContains(token));
    QVERIFY(!readAll(dest + QStringLiteral("/.git/config")).contains(token.toUtf8()));
    // Each credential was offered once: the wrong one, then the typed one.
    QCOMPARE(m_server->presentedPasswords().count(QStringLiteral("wrong-one")), 1);
    // Nothing in the settings either.
    m_context->settings().sync();
    const QString settingsFile = m_context->settings().fileName();
    QVERIFY(!readAll(settingsFile).contains(token.toUtf8()));
}

// 0.0.0.0 reaches the loopback server on Linux without being a loopback address: a host on the
// network for the token rule. Refused, the clone says why and asks for no token (one typed
// would be held back too); allowed in the settings, the token goes and a box warns, once.
void TestGitUi::plainHttpGetsNoTokenUnlessAllowedAndThenAWarning()
{
    {
        QTcpSocket probe;
        probe.connectToHost(QStringLiteral("0.0.0.0"), m_server->port());
        if (!probe.waitForConnected(2000))
            QSKIP("this system does not route 0.0.0.0 to the loopback server");
    }
    const QString key = QStringLiteral("network/allowHttpTokenHosts");
    m_context->settings().remove(key);
    auto forget = qScopeGuard([this, key] { m_context->settings().remove(key); });
    const QString host = QStringLiteral("0.0.0.0:%1").arg(m_server->port());
    const QString url = QStringLiteral("http://%1/manifests.git").arg(host);
    m_git->openClone();
    ui::GitCloneDialog *dialog = m_git->cloneDialog();
    const QString refused = m_tmp.filePath(QStringLiteral("case%1/refused").arg(m_case));
    dialog->urlEdit()->setText(url);
    dialog->destinationEdit()->setText(refused);
    QSignalSpy asked(m_git, &app::GitController::signInRequested);
    QSignalSpy finished(m_git, &app::GitController::operationFinished);
    QTest::mouseClick(dialog->cloneButton(), Qt::LeftButton);
    QVERIFY(waitFinished(finished));
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY(asked.isEmpty());
    QString text = dialog->messageLabel()->text();
    QVERIFY2(text.contains(QStringLiteral("over plain http")), qPrintable(text));
    QVERIFY2(text.contains(host), qPrintable(text));
    QVERIFY2(text.contains(key), qPrintable(text));
    QVERIFY(!anyTextContains(token));
    QVERIFY(m_server->presentedPasswords().isEmpty());
    QVERIFY(!QFileInfo::exists(refused));

    // Allowed in the settings (read when the operation starts): the token goes, with a warning.
    m_context->settings().setValue(
        key, QStringList{QStringLiteral("ghe.example.com"), QStringLiteral("0.0.0.0")});
    const QString allowed = m_tmp.filePath(QStringLiteral("case%1/allowed").arg(m_case));
    dialog->destinationEdit()->setText(allowed);
    finished.clear();
    QTest::mouseClick(dialog->cloneButton(), Qt::LeftButton);
    QVERIFY(waitFinished(finished));
    QCOMPARE(finished.first().first().toBool(), true);
    QVERIFY(m_server->presentedPasswords().contains(token));
    const QString warning = QStringLiteral("ending the token for %1 over plain http").arg(host);
    auto warningBox = [&]() -> QMessageBox * {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            auto *box = qobject_cast<QMessageBox *>(w);
            if (box && box->isVisible() && box->text().contains(warning))
                return box;
        }
        return nullptr;
    };
    QTRY_VERIFY(warningBox());
    QVERIFY(!warningBox()->text().contains(token));
    warningBox()->accept();
    // Once per host for the run: a second clone says nothing more.
    const QString again = m_tmp.filePath(QStringLiteral("case%1/again").arg(m_case));
    dialog->destinationEdit()->setText(again);
    finished.clear();
    QTest::mouseClick(dialog->cloneButton(), Qt::LeftButton);
    QVERIFY(waitFinished(finished));
    QCOMPARE(finished.first().first().toBool(), true);
    QTest::qWait(100);
    QVERIFY(!warningBox());
}

void TestGitUi::cloneOverSshAsksAboutAnUnknownHostKey()
{
    if (!kanri::test::SshServer::available())
        QSKIP("openssh-server is not installed (packaging/kanri.sh setup installs it)");
    qunsetenv("SSH_AUTH_SOCK");
    kanri::test::SshServer server(m_tmp.filePath(QStringLiteral("case%1/sshd").arg(m_case)));
    QVERIFY2(server.start(), qPrintable(server.error()));
    m_context->settings().setValue(QStringLiteral("git/sshKeyDirectory"), server.keyDirectory());
    const QString fingerprint =
        QString::fromUtf8(
            kanri::test::run(
                QStringLiteral("ssh-keygen"),
                {"-l", "-f",
                 m_tmp.filePath(QStringLiteral("case%1/sshd/host_ed25519.pub").arg(m_case))})
                .out)
            .section(QLatin1Char(' '), 1, 1);
    QVERIFY(fingerprint.startsWith(QStringLiteral("SHA256:")));

    m_git->openClone();
    ui::GitCloneDialog *dialog = m_git->cloneDialog();
    const QString dest = m_tmp.filePath(QStringLiteral("case%1/over-ssh").arg(m_case));
    dialog->urlEdit()->setText(server.url(barePath(QStringLiteral("manifests"))));
    dialog->destinationEdit()->setText(dest);
    QSignalSpy asked(m_git, &app::GitController::hostKeyQuestionAsked);
    QSignalSpy finished(m_git, &app::GitController::operationFinished);

    // Refused: a clear message, nothing left.
    QTest::mouseClick(dialog->cloneButton(), Qt::LeftButton);
    QVERIFY(asked.wait(30000));
    QMessageBox *question = m_git->hostKeyDialog();
    QVERIFY(question);
    QVERIFY2(question->text().contains(fingerprint), qPrintable(question->text()));
    question->button(QMessageBox::Cancel)->click();
    QVERIFY(waitFinished(finished));
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY2(dialog->messageLabel()->text().contains(QStringLiteral("host key")),
             qPrintable(dialog->messageLabel()->text()));
    QVERIFY(!QFileInfo::exists(dest));

    // Trusted: the clone goes through with the configured key.
    finished.clear();
    QTest::mouseClick(dialog->cloneButton(), Qt::LeftButton);
    QVERIFY(asked.wait(30000));
    question = m_git->hostKeyDialog();
    QAbstractButton *connectButton = nullptr;
    for (QAbstractButton *b : question->buttons())
        if (question->buttonRole(b) == QMessageBox::AcceptRole)
            connectButton = b;
    QVERIFY(connectButton);
    connectButton->click();
    QVERIFY(waitFinished(finished));
    QVERIFY2(finished.first().first().toBool(),
             qPrintable(dialog->messageLabel()->text() + "\n" + server.log()));
    QVERIFY(QFileInfo::exists(dest + QStringLiteral("/.git")));
}

void TestGitUi::trustedHostKeyIsRememberedAndAChangedOneRefused()
{
    if (!kanri::test::SshServer::available())
        QSKIP("openssh-server is not installed (packaging/kanri.sh setup installs it)");
    qunsetenv("SSH_AUTH_SOCK");
    // A fresh home: no ~/.ssh yet.
    const QString home = m_tmp.filePath(QStringLiteral("case%1/home").arg(m_case));
    QDir().mkpath(home);
    const QByteArray oldHome = qgetenv("HOME");
    qputenv("HOME", QFile::encodeName(home));
    auto restoreHome = qScopeGuard([&] { qputenv("HOME", oldHome); });
    const QString knownHosts = home + QStringLiteral("/.ssh/known_hosts");

    kanri::test::SshServer server(m_tmp.filePath(QStringLiteral("case%1/sshd").arg(m_case)));
    QVERIFY2(server.start(), qPrintable(server.error()));
    m_context->settings().setValue(QStringLiteral("git/sshKeyDirectory"), server.keyDirectory());
    const QString url = server.url(barePath(QStringLiteral("manifests")));

    // First run: asked, trusted, written to ~/.ssh/known_hosts (created 0700).
    m_git->openClone();
    ui::GitCloneDialog *dialog = m_git->cloneDialog();
    dialog->urlEdit()->setText(url);
    dialog->destinationEdit()->setText(m_tmp.filePath(QStringLiteral("case%1/first").arg(m_case)));
    QSignalSpy asked(m_git, &app::GitController::hostKeyQuestionAsked);
    QSignalSpy finished(m_git, &app::GitController::operationFinished);
    QTest::mouseClick(dialog->cloneButton(), Qt::LeftButton);
    QVERIFY(asked.wait(30000));
    QMessageBox *question = m_git->hostKeyDialog();
    QVERIFY2(question->text().contains(knownHosts), qPrintable(question->text()));
    QAbstractButton *trust = nullptr;
    for (QAbstractButton *b : question->buttons())
        if (question->buttonRole(b) == QMessageBox::AcceptRole)
            trust = b;
    QVERIFY(trust);
    QCOMPARE(trust->text(), QStringLiteral("Trust and Connect"));
    trust->click();
    QVERIFY(waitFinished(finished));
    QVERIFY2(finished.first().first().toBool(), qPrintable(dialog->messageLabel()->text()));
    const QByteArray recorded = readAll(knownHosts);
    const QByteArray name = QStringLiteral("[127.0.0.1]:%1 ").arg(server.port()).toUtf8();
    QVERIFY2(recorded.startsWith(name + "ssh-ed25519 AAAA"), recorded.constData());
    QCOMPARE(recorded.count('\n'), 1);
    QCOMPARE(QFileInfo(home + QStringLiteral("/.ssh")).permissions() &
                 (QFileDevice::ReadOther | QFileDevice::ReadGroup | QFileDevice::WriteOther),
             QFileDevice::Permissions());
    // OpenSSH agrees it is the server's key.
    const QString hostPub =
        readAll(m_tmp.filePath(QStringLiteral("case%1/sshd/host_ed25519.pub").arg(m_case)))
            .split(' ')
            .value(1);
    QVERIFY(recorded.contains(hostPub.toLatin1()));

    // Second run (a new controller, nothing in memory): connects without asking.
    m_context.reset();
    m_context = std::make_unique<app::AppContext>(m_window.get());
    m_git = new app::GitController(m_context.get());
    QVERIFY(m_context->load(m_ws));
    QVERIFY(settle());
    m_context->settings().setValue(QStringLiteral("git/sshKeyDirectory"), server.keyDirectory());
    m_git->openClone();
    dialog = m_git->cloneDialog();
    dialog->urlEdit()->setText(url);
    dialog->destinationEdit()->setText(m_tmp.filePath(QStringLiteral("case%1/second").arg(m_case)));
    QSignalSpy asked2(m_git, &app::GitController::hostKeyQuestionAsked);
    QSignalSpy finished2(m_git, &app::GitController::operationFinished);
    QTest::mouseClick(dialog->cloneButton(), Qt::LeftButton);
    QVERIFY(waitFinished(finished2));
    QVERIFY2(finished2.first().first().toBool(), qPrintable(dialog->messageLabel()->text()));
    QVERIFY(asked2.isEmpty());
    QCOMPARE(readAll(knownHosts), recorded); // nothing added twice

    // A tampered line (another ed25519 key for the host): refused, never offered for trust,
    // and the message says which file and line to remove.
    const QString otherKey = m_tmp.filePath(QStringLiteral("case%1/other_host").arg(m_case));
    QVERIFY(kanri::test::sshKeygen(otherKey));
    const QByteArray otherPub = readAll(otherKey + QStringLiteral(".pub")).split(' ').value(1);
    writeFile(knownHosts, "# kept\n" + name + "ssh-ed25519 " + otherPub + "\n");
    finished2.clear();
    const QString third = m_tmp.filePath(QStringLiteral("case%1/third").arg(m_case));
    dialog->destinationEdit()->setText(third);
    QTest::mouseClick(dialog->cloneButton(), Qt::LeftButton);
    QVERIFY(waitFinished(finished2));
    QCOMPARE(finished2.first().first().toBool(), false);
    QVERIFY(asked2.isEmpty());
    const QString text = dialog->messageLabel()->text();
    QVERIFY2(text.contains(QStringLiteral("CHANGED")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("line 2 of ") + knownHosts), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("remove line 2 from ") + knownHosts), qPrintable(text));
    QVERIFY(!QFileInfo::exists(third));
    QVERIFY(readAll(knownHosts).contains(otherPub)); // the file is left as it was
}

void TestGitUi::statusIsReadOffTheGuiThreadAndOnlyTheLatestShown()
{
    const int manifests = repositoryIndex(QStringLiteral("manifests"));
    writeFile(repoPath("manifests") + QStringLiteral("/later.txt"), "l\n");
    QSignalSpy refreshed(m_git, &app::GitController::changesRefreshed);
    m_git->refreshChanges();
    m_git->refreshChanges(); // the first one's result is dropped
    // refreshChanges returned before reading anything: the panel still shows the old list.
    auto listed = [&] {
        const auto &files = m_git->changesPanel()->changes().at(manifests).files;
        return std::any_of(files.begin(), files.end(), [](const ui::GitFileChange &f) {
            return f.path == QStringLiteral("later.txt");
        });
    };
    QVERIFY(!listed());
    QVERIFY(m_git->isRefreshing());
    QVERIFY(settle());
    QVERIFY(listed());
    QTest::qWait(100);
    QCOMPARE(refreshed.size(), 1);
}

void TestGitUi::selectingAFileShowsItsStagedAndUnstagedDiff()
{
    const QString repo = repoPath("manifests");
    writeFile(repo + QStringLiteral("/README.md"), "staged line\n");
    gitOut({"add", "README.md"}, repo);
    writeFile(repo + QStringLiteral("/README.md"), "staged line\nunstaged line\n");
    QVERIFY(refresh());
    ui::GitFileDiffView *view = m_git->changesPanel()->diffView();
    QVERIFY(view->isVisible());
    QVERIFY(showDiffOf(QStringLiteral("manifests"), QStringLiteral("README.md")));
    const QString text = view->text();
    // Two parts, as git shows them: HEAD → index, then index → working tree.
    const qsizetype staged = text.indexOf(QStringLiteral("staged (HEAD → index)"));
    const qsizetype unstaged = text.indexOf(QStringLiteral("not staged (index → working tree)"));
    QVERIFY2(staged >= 0 && unstaged > staged, qPrintable(text));
    const qsizetype secondHeading = text.lastIndexOf(QStringLiteral("\n=== "), unstaged) + 1;
    const QString stagedPart = text.mid(staged, secondHeading - staged);
    const QString unstagedPart = text.mid(unstaged);
    QCOMPARE(stagedPart.section(QLatin1Char('\n'), 1),
             gitOut({"diff", "--cached", "--no-color", "--", "README.md"}, repo) + "\n");
    QVERIFY(stagedPart.contains(QStringLiteral("\n+staged line\n")));
    QVERIFY(!stagedPart.contains(QStringLiteral("unstaged line")));
    QCOMPARE(unstagedPart.section(QLatin1Char('\n'), 1),
             gitOut({"diff", "--no-color", "--", "README.md"}, repo) + "\n");
    QVERIFY(view->titleLabel()->text().contains(QStringLiteral("README.md")));

    // Highlighted: an added line has a background, a hunk header a colour.
    QTextDocument *document = view->textEdit()->document();
    bool addedPainted = false, hunkPainted = false;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        const auto formats = block.layout()->formats();
        if (formats.isEmpty())
            continue;
        if (block.text().startsWith(QLatin1String("+staged")))
            addedPainted = formats.first().format.background().style() != Qt::NoBrush;
        if (block.text().startsWith(QLatin1String("@@")))
            hunkPainted = formats.first().format.foreground().style() != Qt::NoBrush;
    }
    QVERIFY(addedPainted);
    QVERIFY(hunkPainted);

    // A refresh after the file changed again shows the new diff of the still selected file.
    writeFile(repo + QStringLiteral("/README.md"), "staged line\nthird version\n");
    QSignalSpy shown(m_git, &app::GitController::fileDiffShown);
    QVERIFY(refresh());
    QVERIFY(waitFinished(shown));
    QVERIFY2(view->text().contains(QStringLiteral("+third version")), qPrintable(view->text()));

    // Selecting the repository row clears it.
    QTreeWidget *tree = m_git->changesPanel()->tree();
    tree->setCurrentItem(tree->topLevelItem(repositoryIndex(QStringLiteral("manifests"))));
    QVERIFY(view->text().isEmpty());
    QVERIFY(view->titleLabel()->text().contains(QStringLiteral("Select a file")));
}

void TestGitUi::diffOfUntrackedBinaryLargeAndUnsavedFilesSaysWhatItIs()
{
    const QString repo = repoPath("manifests");
    writeFile(repo + QStringLiteral("/new.txt"), "brand\nnew\n");
    writeFile(repo + QStringLiteral("/logo.png"), QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
    QByteArray large;
    while (large.size() < 1200 * 1024)
        large += "a line of a large generated file\n";
    writeFile(repo + QStringLiteral("/large.txt"), large);
    QVERIFY(refresh());
    ui::GitFileDiffView *view = m_git->changesPanel()->diffView();

    QVERIFY(showDiffOf(QStringLiteral("manifests"), QStringLiteral("new.txt")));
    QVERIFY2(view->text().contains(QStringLiteral("+brand\n+new\n")), qPrintable(view->text()));
    QVERIFY(view->text().contains(QStringLiteral("new file mode")));

    QVERIFY(showDiffOf(QStringLiteral("manifests"), QStringLiteral("logo.png")));
    QVERIFY2(view->text().contains(QStringLiteral("binary file differs")),
             qPrintable(view->text()));
    QVERIFY(view->noteLabel()->text().contains(QStringLiteral("binary file differs")));

    QVERIFY(showDiffOf(QStringLiteral("manifests"), QStringLiteral("large.txt")));
    QVERIFY2(view->noteLabel()->text().contains(QStringLiteral("too large to show (1.2 MB")),
             qPrintable(view->noteLabel()->text()));
    QVERIFY(view->text().size() < 1000);

    // Unsaved edits: the file's git diff (none yet) and what saving would change, said so.
    items::ServicesModel *model = m_window->servicesModel();
    const int row = model->rowOf(QStringLiteral("payment-api"));
    const int col = model->column(QStringLiteral("prd"), platform::ServiceSetting::Replicas);
    QVERIFY(model->setData(model->index(row, col), QStringLiteral("13")));
    const QString edited = m_context->session()->buffers()->modifiedFiles().value(0);
    const QString relative = QDir(repo).relativeFilePath(edited);
    QTRY_VERIFY_WITH_TIMEOUT(m_git->changesPanel()->change(repositoryIndex("manifests"), relative),
                             5000);
    QVERIFY(settle());
    QVERIFY(showDiffOf(QStringLiteral("manifests"), relative));
    const QString text = view->text();
    QVERIFY2(text.contains(QStringLiteral("unsaved edits (disk → editor, not saved yet)")),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("+")) && text.contains(QStringLiteral("13")),
             qPrintable(text));
    QVERIFY(!text.contains(QStringLiteral("not staged (index")));
    QVERIFY(view->noteLabel()->text().contains(QStringLiteral("unsaved edits")));
    m_context->session()->buffers()->undoStack()->undo();
}

void TestGitUi::diffOfAnEarlierSelectionIsDropped()
{
    const QString repo = repoPath("manifests");
    writeFile(repo + QStringLiteral("/first.txt"), "first\n");
    writeFile(repo + QStringLiteral("/second.txt"), "second\n");
    QVERIFY(refresh());
    ui::GitChangesPanel *panel = m_git->changesPanel();
    const int manifests = repositoryIndex(QStringLiteral("manifests"));
    QSignalSpy shown(m_git, &app::GitController::fileDiffShown);
    QVERIFY(panel->selectFile(manifests, QStringLiteral("first.txt")));
    QVERIFY(panel->selectFile(manifests, QStringLiteral("second.txt")));
    QVERIFY(waitFinished(shown));
    QTest::qWait(200);
    QCOMPARE(shown.size(), 1);
    QCOMPARE(panel->diffView()->diff().path, QStringLiteral("second.txt"));
    QVERIFY(!panel->diffView()->text().contains(QStringLiteral("+first")));
}

void TestGitUi::gitSettingsDialogValidatesAndTheCommitUsesTheAuthor()
{
    QAction *action = m_window->findChild<QAction *>(QStringLiteral("gitSettingsAction"));
    QVERIFY(action);
    action->trigger();
    ui::GitSettingsDialog *dialog = m_git->settingsDialog();
    QVERIFY(dialog && dialog->isVisible());
    // What git config says shows as placeholders.
    QVERIFY2(dialog->nameEdit()->placeholderText().contains(QStringLiteral("Test Author")),
             qPrintable(dialog->nameEdit()->placeholderText()));
    QVERIFY(dialog->emailEdit()->placeholderText().contains(QStringLiteral("author@example")));
    QCOMPARE(dialog->pullStrategyBox()->currentData().toString(), QStringLiteral("merge"));

    QTest::keyClicks(dialog->nameEdit(), QStringLiteral("Dana Settings"));
    QTest::keyClicks(dialog->emailEdit(), QStringLiteral("dana.example.com"));
    QVERIFY(!dialog->okButton()->isEnabled());
    QVERIFY(dialog->messageLabel()->isVisible());
    QVERIFY(dialog->messageLabel()->text().contains(QStringLiteral("@")));
    dialog->emailEdit()->clear();
    QTest::keyClicks(dialog->emailEdit(), QStringLiteral("dana@example.com"));
    QVERIFY(dialog->okButton()->isEnabled());
    QVERIFY(!dialog->messageLabel()->isVisible());
    dialog->pullStrategyBox()->setCurrentIndex(
        dialog->pullStrategyBox()->findData(QStringLiteral("rebase")));
    const QString keys = m_tmp.filePath(QStringLiteral("case%1/keys").arg(m_case));
    QTest::keyClicks(dialog->sshKeyDirectoryEdit(), keys);
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    QVERIFY(!dialog->isVisible());
    QSettings &settings = m_context->settings();
    QCOMPARE(settings.value(QStringLiteral("git/authorName")).toString(),
             QStringLiteral("Dana Settings"));
    QCOMPARE(settings.value(QStringLiteral("git/authorEmail")).toString(),
             QStringLiteral("dana@example.com"));
    QCOMPARE(settings.value(QStringLiteral("git/pullStrategy")).toString(),
             QStringLiteral("rebase"));
    QCOMPARE(settings.value(QStringLiteral("git/sshKeyDirectory")).toString(), keys);

    // Opened again: the saved values; Cancel keeps them.
    action->trigger();
    QCOMPARE(dialog->nameEdit()->text(), QStringLiteral("Dana Settings"));
    QCOMPARE(dialog->pullStrategyBox()->currentData().toString(), QStringLiteral("rebase"));
    dialog->nameEdit()->setText(QStringLiteral("Not Saved"));
    dialog->reject();
    QCOMPARE(settings.value(QStringLiteral("git/authorName")).toString(),
             QStringLiteral("Dana Settings"));

    // A commit uses the configured author.
    writeFile(repoPath("manifests") + QStringLiteral("/authored.txt"), "a\n");
    m_git->openCommit(repositoryIndex(QStringLiteral("manifests")));
    QVERIFY(settle());
    ui::GitCommitDialog *commit = m_git->commitDialog();
    QTest::keyClicks(commit->summaryEdit(), QStringLiteral("Authored from the settings"));
    QSignalSpy committed(m_git, &app::GitController::commitFinished);
    QTest::mouseClick(commit->commitButton(), Qt::LeftButton);
    QVERIFY(waitFinished(committed));
    QVERIFY2(committed.first().first().toBool(), qPrintable(commit->messageLabel()->text()));
    QCOMPARE(gitOut({"log", "-1", "--format=%an <%ae>"}, repoPath("manifests")),
             QStringLiteral("Dana Settings <dana@example.com>"));

    // Only the e-mail in the settings: the name comes from git config.
    action->trigger();
    dialog->nameEdit()->clear();
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    QVERIFY(!settings.contains(QStringLiteral("git/authorName")));
    writeFile(repoPath("manifests") + QStringLiteral("/authored2.txt"), "b\n");
    m_git->openCommit(repositoryIndex(QStringLiteral("manifests")));
    QVERIFY(settle());
    QTest::keyClicks(commit->summaryEdit(), QStringLiteral("Half from the settings"));
    committed.clear();
    QTest::mouseClick(commit->commitButton(), Qt::LeftButton);
    QVERIFY(waitFinished(committed));
    QCOMPARE(gitOut({"log", "-1", "--format=%an <%ae>"}, repoPath("manifests")),
             QStringLiteral("Test Author <dana@example.com>"));
}

void TestGitUi::changesPanelListsFilesAndUnsavedEdits()
{
    writeFile(repoPath("manifests") + QStringLiteral("/NOTES.md"), "new file\n");
    QFile::remove(repoPath("accounts") + QStringLiteral("/README.md"));
    QVERIFY(refresh());
    ui::GitChangesPanel *panel = m_git->changesPanel();
    const int manifests = repositoryIndex(QStringLiteral("manifests"));
    const int accounts = repositoryIndex(QStringLiteral("accounts"));
    QVERIFY(manifests >= 0 && accounts >= 0);
    auto find = [&](int repository, const QString &path) -> const ui::GitFileChange * {
        for (const ui::GitFileChange &f : panel->changes().at(repository).files)
            if (f.path == path)
                return &f;
        return nullptr;
    };
    const ui::GitFileChange *added = find(manifests, QStringLiteral("NOTES.md"));
    QVERIFY(added);
    QCOMPARE(ui::GitChangesPanel::describe(*added), QStringLiteral("untracked"));
    if (QFileInfo::exists(m_ws + QStringLiteral("/accounts/.git")) &&
        !gitOut({"ls-files", "README.md"}, repoPath("accounts")).isEmpty()) {
        const ui::GitFileChange *deleted = find(accounts, QStringLiteral("README.md"));
        QVERIFY(deleted);
        QCOMPARE(ui::GitChangesPanel::describe(*deleted), QStringLiteral("deleted"));
    }
    QCOMPARE(panel->changes().at(manifests).branch, QStringLiteral("main"));

    // An unsaved edit shows as such, and the panel follows the undo stack.
    m_window->selectService(QStringLiteral("payment-api"));
    items::ServicesModel *model = m_window->servicesModel();
    const int row = model->rowOf(QStringLiteral("payment-api"));
    const int col = model->column(QStringLiteral("prd"), platform::ServiceSetting::Replicas);
    QVERIFY(model->setData(model->index(row, col), QStringLiteral("9")));
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(panel->changes().at(manifests).files.begin(),
                                         panel->changes().at(manifests).files.end(),
                                         [](const ui::GitFileChange &f) { return f.unsaved; }),
                             5000);
    QVERIFY(panel->summaryLabel()->text().contains(QStringLiteral("unsaved")));
    m_context->session()->buffers()->undoStack()->undo();
    QTRY_VERIFY_WITH_TIMEOUT(std::none_of(panel->changes().at(manifests).files.begin(),
                                          panel->changes().at(manifests).files.end(),
                                          [](const ui::GitFileChange &f) { return f.unsaved; }),
                             5000);

    // Staging from the panel.
    QTreeWidgetItem *top = panel->tree()->topLevelItem(manifests);
    QTreeWidgetItem *item = nullptr;
    for (int i = 0; i < top->childCount(); ++i)
        if (top->child(i)->text(0) == QStringLiteral("NOTES.md"))
            item = top->child(i);
    QVERIFY(item);
    panel->tree()->setCurrentItem(item);
    Q_EMIT panel->stageRequested(manifests, panel->selectedFiles());
    QVERIFY(settle());
    QVERIFY(find(manifests, QStringLiteral("NOTES.md"))->staged());
    QCOMPARE(gitOut({"diff", "--cached", "--name-only"}, repoPath("manifests")),
             QStringLiteral("NOTES.md"));
}

void TestGitUi::doubleClickRevealsTheFile()
{
    // A change in a service's overlay: activating it selects the service.
    const platform::Catalog &catalog = m_context->session()->catalog();
    QVERIFY(!catalog.services.isEmpty());
    const auto &last = catalog.services.back();
    const QString service = last.name;
    const QString file =
        repoPath("manifests") + QLatin1Char('/') + last.path + QStringLiteral("/NOTE.txt");
    QVERIFY(!service.isEmpty());
    writeFile(file, "x\n");
    QVERIFY(refresh());
    QTreeWidget *tree = m_git->changesPanel()->tree();
    QTreeWidgetItem *hit = nullptr;
    for (QTreeWidgetItemIterator it(tree); *it; ++it)
        if ((*it)->toolTip(0) == QDir::cleanPath(file))
            hit = *it;
    QVERIFY(hit);
    Q_EMIT tree->itemActivated(hit, 0);
    const QModelIndex current = m_window->catalogTree()->currentIndex();
    QVERIFY(current.isValid());
    QCOMPARE(current.data(items::CatalogTreeModel::ServiceRole).toString(), service);
}

void TestGitUi::commitFromTheDialogCreatesTheCommit()
{
    writeFile(repoPath("manifests") + QStringLiteral("/NOTES.md"), "a note\n");
    const int manifests = repositoryIndex(QStringLiteral("manifests"));
    m_git->openCommit(manifests); // fills the dialog again when the fresh status arrives
    QVERIFY(settle());
    ui::GitCommitDialog *dialog = m_git->commitDialog();
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->repository(), manifests);
    QVERIFY(dialog->checkedPaths().contains(QStringLiteral("NOTES.md")));
    QVERIFY(!dialog->commitButton()->isEnabled()); // no summary yet
    QTest::keyClicks(dialog->summaryEdit(), QStringLiteral("Add notes"));
    QTest::keyClicks(dialog->bodyEdit(), QStringLiteral("Why: to remember."));
    QVERIFY(dialog->commitButton()->isEnabled());
    const QString before = gitOut({"rev-parse", "HEAD"}, repoPath("manifests"));
    QVERIFY(QTest::qWaitForWindowActive(dialog));
    QSignalSpy committed(m_git, &app::GitController::commitFinished);
    QTest::keyClick(dialog->summaryEdit(), Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(!dialog->isEnabled()); // the commit runs on a worker
    QVERIFY(waitFinished(committed));
    QVERIFY2(committed.first().first().toBool(), qPrintable(dialog->messageLabel()->text()));
    QVERIFY2(!dialog->isVisible(), qPrintable(dialog->messageLabel()->text()));
    QVERIFY(settle());
    QCOMPARE(gitOut({"log", "-1", "--format=%B"}, repoPath("manifests")),
             QStringLiteral("Add notes\n\nWhy: to remember."));
    QCOMPARE(gitOut({"rev-parse", "HEAD~1"}, repoPath("manifests")), before);
    QCOMPARE(gitOut({"log", "-1", "--format=%an <%ae>"}, repoPath("manifests")),
             QStringLiteral("Test Author <author@example.invalid>"));
    QVERIFY(gitOut({"status", "--porcelain"}, repoPath("manifests")).isEmpty());
    QVERIFY(m_git->changesPanel()->changes().at(manifests).files.isEmpty());
    QCOMPARE(m_git->changesPanel()->changes().at(manifests).ahead, 1);
}

void TestGitUi::commitSavesUnsavedEditsFirst()
{
    items::ServicesModel *model = m_window->servicesModel();
    const int row = model->rowOf(QStringLiteral("payment-api"));
    const int col = model->column(QStringLiteral("prd"), platform::ServiceSetting::Replicas);
    QVERIFY(model->setData(model->index(row, col), QStringLiteral("11")));
    QVERIFY(m_context->session()->buffers()->isModified());
    const QString edited = m_context->session()->buffers()->modifiedFiles().value(0);
    const int manifests = repositoryIndex(QStringLiteral("manifests"));
    m_git->openCommit(manifests);
    QVERIFY(settle());
    ui::GitCommitDialog *dialog = m_git->commitDialog();
    QVERIFY(dialog->saveFirstBox()->isVisible());
    QVERIFY(dialog->saveFirstBox()->isChecked());
    QCOMPARE(dialog->checkedPaths().size(), 1);
    QTest::keyClicks(dialog->summaryEdit(), QStringLiteral("payment-api: 11 replicas in prd"));
    QSignalSpy committed(m_git, &app::GitController::commitFinished);
    QTest::mouseClick(dialog->commitButton(), Qt::LeftButton);
    QVERIFY(waitFinished(committed));
    QVERIFY2(!dialog->isVisible(), qPrintable(dialog->messageLabel()->text()));
    QVERIFY(!m_context->session()->buffers()->isModified());
    const QString relative = QDir(repoPath("manifests")).relativeFilePath(edited);
    QCOMPARE(gitOut({"show", "--name-only", "--format=", "HEAD"}, repoPath("manifests")), relative);
    QVERIFY(
        gitOut({"show", "HEAD:" + relative}, repoPath("manifests")).contains(QStringLiteral("11")));
}

void TestGitUi::commitOnlyTheCheckedFiles()
{
    writeFile(repoPath("manifests") + QStringLiteral("/a.txt"), "a\n");
    writeFile(repoPath("manifests") + QStringLiteral("/b.txt"), "b\n");
    gitOut({"add", "b.txt"}, repoPath("manifests")); // staged, but left out of the commit below
    m_git->openCommit(repositoryIndex(QStringLiteral("manifests")));
    QVERIFY(settle());
    ui::GitCommitDialog *dialog = m_git->commitDialog();
    QCOMPARE(dialog->checkedPaths(), QStringList({"a.txt", "b.txt"}));
    for (int i = 0; i < dialog->fileList()->count(); ++i)
        if (dialog->fileList()->item(i)->data(Qt::UserRole).toString() == QStringLiteral("b.txt"))
            dialog->fileList()->item(i)->setCheckState(Qt::Unchecked);
    QCOMPARE(dialog->checkedPaths(), QStringList({"a.txt"}));
    QTest::keyClicks(dialog->summaryEdit(), QStringLiteral("Only a"));
    QVERIFY(QTest::qWaitForWindowActive(dialog));
    QSignalSpy committed(m_git, &app::GitController::commitFinished);
    QTest::keyClick(dialog->bodyEdit(), Qt::Key_Enter, Qt::ControlModifier);
    QVERIFY(waitFinished(committed));
    QVERIFY2(!dialog->isVisible(), qPrintable(dialog->messageLabel()->text()));
    QCOMPARE(gitOut({"show", "--name-only", "--format=", "HEAD"}, repoPath("manifests")),
             QStringLiteral("a.txt"));
    QCOMPARE(gitOut({"status", "--porcelain"}, repoPath("manifests")), QStringLiteral("?? b.txt"));
}

void TestGitUi::createBranchThenSwitchBackReloadsTheWorkspace()
{
    const int manifests = repositoryIndex(QStringLiteral("manifests"));
    m_git->openBranches(manifests);
    ui::GitBranchDialog *dialog = m_git->branchDialog();
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->selectedBranch(), QStringLiteral("main"));
    QVERIFY(!dialog->checkoutButton()->isEnabled()); // already on it
    QTest::keyClicks(dialog->newBranchEdit(), QStringLiteral("feature/replicas"));
    QTest::mouseClick(dialog->createButton(), Qt::LeftButton);
    QCOMPARE(gitOut({"branch", "--show-current"}, repoPath("manifests")),
             QStringLiteral("feature/replicas"));
    QVERIFY(dialog->messageLabel()->text().contains(QStringLiteral("feature/replicas")));

    // A commit on the branch, then back to main: the workspace is read again from main.
    writeFile(repoPath("manifests") + QStringLiteral("/feature.txt"), "f\n");
    gitOut({"add", "feature.txt"}, repoPath("manifests"));
    gitOut({"commit", "-q", "-m", "feature"}, repoPath("manifests"));
    QSignalSpy sessions(m_context.get(), &app::AppContext::sessionChanged);
    QVERIFY(dialog->selectBranch(QStringLiteral("main")));
    QSignalSpy switched(m_git, &app::GitController::branchSwitched);
    QTest::mouseClick(dialog->checkoutButton(), Qt::LeftButton);
    QVERIFY(waitFinished(switched)); // the checkout runs on a worker
    QCOMPARE(switched.first().first().toBool(), true);
    QCOMPARE(gitOut({"branch", "--show-current"}, repoPath("manifests")), QStringLiteral("main"));
    QVERIFY(!QFileInfo::exists(repoPath("manifests") + QStringLiteral("/feature.txt")));
    QCOMPARE(sessions.size(), 2); // nullptr, then the reloaded session
    QVERIFY(m_context->session() != nullptr);
    QVERIFY2(dialog->messageLabel()->text().contains(QStringLiteral("now on main")),
             qPrintable(dialog->messageLabel()->text()));
    QVERIFY(settle());
    QCOMPARE(m_git->changesPanel()->changes().at(manifests).branch, QStringLiteral("main"));
}

void TestGitUi::remoteBranchIsCheckedOutAsATrackingBranch()
{
    const QString other = otherClone(QStringLiteral("manifests"));
    gitOut({"switch", "-q", "-c", "topic"}, other);
    writeFile(other + QStringLiteral("/topic.txt"), "t\n");
    gitOut({"add", "topic.txt"}, other);
    gitOut({"commit", "-q", "-m", "topic"}, other);
    gitOut({"push", "-q", "origin", "topic"}, other);
    // What a fetch would do: the remote-tracking ref.
    gitOut({"fetch", "-q", barePath("manifests"), "+refs/heads/topic:refs/remotes/origin/topic"},
           repoPath("manifests"));

    m_git->openBranches(repositoryIndex(QStringLiteral("manifests")));
    ui::GitBranchDialog *dialog = m_git->branchDialog();
    QVERIFY(dialog->selectBranch(QStringLiteral("origin/topic")));
    QVERIFY(dialog->selectedIsRemote());
    QSignalSpy switched(m_git, &app::GitController::branchSwitched);
    QTest::mouseClick(dialog->checkoutButton(), Qt::LeftButton);
    QVERIFY(waitFinished(switched));
    QCOMPARE(gitOut({"branch", "--show-current"}, repoPath("manifests")), QStringLiteral("topic"));
    QCOMPARE(gitOut({"rev-parse", "--abbrev-ref", "topic@{upstream}"}, repoPath("manifests")),
             QStringLiteral("origin/topic"));
    QVERIFY(QFileInfo::exists(repoPath("manifests") + QStringLiteral("/topic.txt")));
}

void TestGitUi::checkoutThatWouldOverwriteLocalChangesIsRefused()
{
    const QString repo = repoPath("manifests");
    gitOut({"switch", "-q", "-c", "other"}, repo);
    writeFile(repo + QStringLiteral("/README.md"), "other\n");
    gitOut({"commit", "-q", "-am", "other"}, repo);
    gitOut({"switch", "-q", "main"}, repo);
    writeFile(repo + QStringLiteral("/README.md"), "my local edit\n");
    m_git->openBranches(repositoryIndex(QStringLiteral("manifests")));
    ui::GitBranchDialog *dialog = m_git->branchDialog();
    QVERIFY(dialog->selectBranch(QStringLiteral("other")));
    QSignalSpy switched(m_git, &app::GitController::branchSwitched);
    QTest::mouseClick(dialog->checkoutButton(), Qt::LeftButton);
    QVERIFY(waitFinished(switched));
    QCOMPARE(switched.first().first().toBool(), false);
    const QString text = dialog->messageLabel()->text();
    QVERIFY2(text.contains(QStringLiteral("README.md")) &&
                 text.contains(QStringLiteral("Commit or discard")),
             qPrintable(text));
    QCOMPARE(gitOut({"branch", "--show-current"}, repo), QStringLiteral("main"));
    QCOMPARE(readAll(repo + QStringLiteral("/README.md")), QByteArray("my local edit\n"));
}

void TestGitUi::pushLandsOnTheServerAndAheadBehindIsRefreshed()
{
    writeFile(repoPath("accounts") + QStringLiteral("/NOTES.md"), "n\n");
    gitOut({"add", "NOTES.md"}, repoPath("accounts"));
    gitOut({"commit", "-q", "-m", "notes"}, repoPath("accounts"));
    const QString head = gitOut({"rev-parse", "HEAD"}, repoPath("accounts"));
    QVERIFY(refresh());
    const int accounts = repositoryIndex(QStringLiteral("accounts"));
    QCOMPARE(m_git->changesPanel()->changes().at(accounts).ahead, 1);
    QSignalSpy finished(m_git, &app::GitController::operationFinished);
    m_git->push(accounts);
    ui::GitProgressDialog *dialog = m_git->progressDialog();
    QVERIFY(dialog->isVisible());
    QVERIFY(waitFinished(finished));
    QVERIFY2(finished.first().first().toBool(), qPrintable(dialog->messageLabel()->text()));
    QCOMPARE(gitOut({"rev-parse", "main"}, barePath("accounts")), head);
    QVERIFY(dialog->messageLabel()->text().contains(
        QStringLiteral("Pushed main of accounts to origin")));
    QCOMPARE(dialog->progress()->bar()->value(), 100);
    QCOMPARE(dialog->cancelButton()->text(), QStringLiteral("Close"));
    QVERIFY(settle());
    QCOMPARE(m_git->changesPanel()->changes().at(accounts).ahead, 0);
    QVERIFY(!anyTextContains(token));
}

void TestGitUi::rejectedPushIsExplainedAndKeepsTheCommit()
{
    const QString other = otherClone(QStringLiteral("manifests"));
    writeFile(other + QStringLiteral("/theirs.txt"), "theirs\n");
    gitOut({"add", "theirs.txt"}, other);
    gitOut({"commit", "-q", "-m", "theirs"}, other);
    gitOut({"push", "-q", "origin", "main"}, other);

    writeFile(repoPath("manifests") + QStringLiteral("/mine.txt"), "mine\n");
    gitOut({"add", "mine.txt"}, repoPath("manifests"));
    gitOut({"commit", "-q", "-m", "mine"}, repoPath("manifests"));
    const QString mine = gitOut({"rev-parse", "HEAD"}, repoPath("manifests"));
    QSignalSpy finished(m_git, &app::GitController::operationFinished);
    m_git->push(repositoryIndex(QStringLiteral("manifests")));
    QVERIFY(waitFinished(finished));
    QCOMPARE(finished.first().first().toBool(), false);
    ui::GitProgressDialog *dialog = m_git->progressDialog();
    const QString text = dialog->messageLabel()->text();
    QVERIFY2(text.contains(QStringLiteral("remote has commits you do not have")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Pull first")), qPrintable(text));
    QVERIFY(dialog->nextStepButton()->isVisible());
    QCOMPARE(dialog->nextStepButton()->text(), QStringLiteral("Pull Now"));
    QCOMPARE(gitOut({"rev-parse", "HEAD"}, repoPath("manifests")), mine);
    QVERIFY(gitOut({"rev-parse", "main"}, barePath("manifests")) != mine);

    // The next step pulls (a merge: both sides changed different files), then push works.
    finished.clear();
    QTest::mouseClick(dialog->nextStepButton(), Qt::LeftButton);
    QVERIFY(waitFinished(finished));
    QVERIFY2(finished.first().first().toBool(), qPrintable(dialog->messageLabel()->text()));
    QVERIFY(QFileInfo::exists(repoPath("manifests") + QStringLiteral("/theirs.txt")));
    QVERIFY(QFileInfo::exists(repoPath("manifests") + QStringLiteral("/mine.txt")));
    finished.clear();
    m_git->push(repositoryIndex(QStringLiteral("manifests")));
    QVERIFY(waitFinished(finished));
    QVERIFY2(finished.first().first().toBool(), qPrintable(dialog->messageLabel()->text()));
    QCOMPARE(gitOut({"rev-parse", "main"}, barePath("manifests")),
             gitOut({"rev-parse", "HEAD"}, repoPath("manifests")));
}

void TestGitUi::pullFastForwardsAndReloads()
{
    const QString other = otherClone(QStringLiteral("manifests"));
    writeFile(other + QStringLiteral("/theirs.txt"), "theirs\n");
    gitOut({"add", "theirs.txt"}, other);
    gitOut({"commit", "-q", "-m", "theirs"}, other);
    gitOut({"push", "-q", "origin", "main"}, other);
    QSignalSpy sessions(m_context.get(), &app::AppContext::sessionChanged);
    QSignalSpy finished(m_git, &app::GitController::operationFinished);
    m_git->pull(repositoryIndex(QStringLiteral("manifests")));
    QVERIFY(waitFinished(finished));
    ui::GitProgressDialog *dialog = m_git->progressDialog();
    QVERIFY2(finished.first().first().toBool(), qPrintable(dialog->messageLabel()->text()));
    QVERIFY2(dialog->messageLabel()->text().contains(QStringLiteral("fast-forward")),
             qPrintable(dialog->messageLabel()->text()));
    QCOMPARE(gitOut({"rev-parse", "HEAD"}, repoPath("manifests")),
             gitOut({"rev-parse", "main"}, barePath("manifests")));
    QCOMPARE(sessions.size(), 2);
    QVERIFY(settle());
    QCOMPARE(m_git->changesPanel()->changes().at(repositoryIndex("manifests")).behind, 0);
}

void TestGitUi::pullWithAConflictListsTheFilesAndChangesNothing()
{
    const QString other = otherClone(QStringLiteral("manifests"));
    writeFile(other + QStringLiteral("/README.md"), "theirs\n");
    gitOut({"commit", "-q", "-am", "theirs"}, other);
    gitOut({"push", "-q", "origin", "main"}, other);
    writeFile(repoPath("manifests") + QStringLiteral("/README.md"), "mine\n");
    gitOut({"commit", "-q", "-am", "mine"}, repoPath("manifests"));
    const QString mine = gitOut({"rev-parse", "HEAD"}, repoPath("manifests"));
    QSignalSpy finished(m_git, &app::GitController::operationFinished);
    m_git->pull(repositoryIndex(QStringLiteral("manifests")));
    QVERIFY(waitFinished(finished));
    QCOMPARE(finished.first().first().toBool(), false);
    const QString text = m_git->progressDialog()->messageLabel()->text();
    QVERIFY2(text.contains(QStringLiteral("README.md")) &&
                 text.contains(QStringLiteral("Nothing was changed")),
             qPrintable(text));
    QCOMPARE(gitOut({"rev-parse", "HEAD"}, repoPath("manifests")), mine);
    QCOMPARE(readAll(repoPath("manifests") + QStringLiteral("/README.md")), QByteArray("mine\n"));
    QVERIFY(gitOut({"status", "--porcelain"}, repoPath("manifests")).isEmpty());
}

QAction *TestGitUi::action(const char *name) const
{
    return m_window->findChild<QAction *>(QLatin1String(name));
}

void TestGitUi::clickToolButton(QAction *action)
{
    QWidget *button = m_window->mainToolBar()->widgetForAction(action);
    QVERIFY(button && button->isVisible() && button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
}

QString TestGitUi::stagedState(const QString &repository) const
{
    const QString dir = repoPath(repository);
    return gitOut({"diff", "--cached", "--name-status"}, dir) + QLatin1Char('|') +
           gitOut({"ls-files", "--stage"}, dir);
}

// The Changes panel still has manifests selected (looked at last); the user then commits on a
// new branch of accounts. Push names and pushes accounts' branch, and leaves manifests alone.
void TestGitUi::pushPushesTheRepositoryJustCommittedTo()
{
    const int accounts = repositoryIndex(QStringLiteral("accounts"));
    const int manifests = repositoryIndex(QStringLiteral("manifests"));
    QTreeWidget *tree = m_git->changesPanel()->tree();
    QTreeWidgetItem *manifestsRow = tree->topLevelItem(manifests);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {},
                      tree->visualItemRect(manifestsRow).center());
    QCOMPARE(m_git->changesPanel()->currentRepository(), manifests);
    QVERIFY2(action("gitPullAction")->text().contains(QStringLiteral("manifests (main)")),
             qPrintable(action("gitPullAction")->text()));
    const QString manifestsOnServer = gitOut({"rev-parse", "main"}, barePath("manifests"));

    // A new branch of accounts (Repository ▸ Branches…), a change, Commit (its key).
    m_git->openBranches(accounts);
    ui::GitBranchDialog *branches = m_git->branchDialog();
    QTest::keyClicks(branches->newBranchEdit(), QStringLiteral("kanri/add-lgarcia"));
    QTest::mouseClick(branches->createButton(), Qt::LeftButton);
    branches->close();
    writeFile(repoPath("accounts") + QStringLiteral("/lgarcia.txt"), "welcome\n");
    QVERIFY(refresh());
    QVERIFY2(
        action("gitCommitAction")->text().contains(QStringLiteral("accounts (kanri/add-lgarcia)")),
        qPrintable(action("gitCommitAction")->text()));
    m_window->activateWindow();
    QTRY_COMPARE(QApplication::activeWindow(), m_window.get());
    QTest::keyClick(m_window->catalogTree(), Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    ui::GitCommitDialog *commit = m_git->commitDialog();
    QVERIFY(commit && commit->isVisible());
    QVERIFY(settle());
    QCOMPARE(commit->repository(), accounts);
    QTest::keyClicks(commit->summaryEdit(), QStringLiteral("Add lgarcia"));
    QSignalSpy committed(m_git, &app::GitController::commitFinished);
    QTest::mouseClick(commit->commitButton(), Qt::LeftButton);
    QVERIFY(waitFinished(committed));
    QVERIFY2(committed.first().first().toBool(), qPrintable(commit->messageLabel()->text()));
    QVERIFY(settle());

    // The actions name what they act on now.
    QCOMPARE(action("gitPushAction")->text(), QStringLiteral("&Push accounts (kanri/add-lgarcia)"));
    QCOMPARE(action("gitPullAction")->text(), QStringLiteral("P&ull accounts (kanri/add-lgarcia)"));
    QCOMPARE(m_git->changesPanel()->currentRepository(), manifests); // still selected there
    QSignalSpy finished(m_git, &app::GitController::operationFinished);
    clickToolButton(action("gitPushAction"));
    QVERIFY(waitFinished(finished));
    ui::GitProgressDialog *dialog = m_git->progressDialog();
    QVERIFY2(finished.first().first().toBool(), qPrintable(dialog->messageLabel()->text()));
    QVERIFY2(dialog->messageLabel()->text().contains(
                 QStringLiteral("Pushed kanri/add-lgarcia of accounts to origin")),
             qPrintable(dialog->messageLabel()->text()));
    QCOMPARE(gitOut({"rev-parse", "kanri/add-lgarcia"}, barePath("accounts")),
             gitOut({"rev-parse", "HEAD"}, repoPath("accounts")));
    QCOMPARE(gitOut({"rev-parse", "main"}, barePath("manifests")), manifestsOnServer);
    QVERIFY(gitOut({"branch", "--list", "kanri/add-lgarcia"}, barePath("manifests")).isEmpty());
    QVERIFY(settle());
    QCOMPARE(action("gitPushAction")->text(), QStringLiteral("&Push"));
}

// Both repositories have commits to push: Push asks which, and pushes only those checked.
void TestGitUi::pushAsksWhichWhenTwoRepositoriesHaveCommits()
{
    for (const QString &name : {QStringLiteral("accounts"), QStringLiteral("manifests")}) {
        writeFile(repoPath(name) + QStringLiteral("/NOTES.md"), "n\n");
        gitOut({"add", "NOTES.md"}, repoPath(name));
        gitOut({"commit", "-q", "-m", "notes"}, repoPath(name));
    }
    const QString manifestsOnServer = gitOut({"rev-parse", "main"}, barePath("manifests"));
    QVERIFY(refresh());
    QCOMPARE(action("gitPushAction")->text(),
             QStringLiteral("&Push %1…")
                 .arg(QLocale().createSeparatedList(
                     {QStringLiteral("accounts"), QStringLiteral("manifests")})));
    QSignalSpy asked(m_git, &app::GitController::pushQuestionAsked);
    QSignalSpy finished(m_git, &app::GitController::operationFinished);
    m_window->activateWindow();
    QTRY_COMPARE(QApplication::activeWindow(), m_window.get());
    QTest::keyClick(m_window->catalogTree(), Qt::Key_K, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(asked.wait(30000));
    ui::GitPushDialog *question = m_git->pushDialog();
    QVERIFY(question && question->isVisible());
    QCOMPARE(question->list()->count(), 2);
    QVERIFY(
        question->list()->item(0)->text().startsWith(QStringLiteral("accounts — main: 1 commit")));
    QCOMPARE(question->pushButton()->text(), QStringLiteral("&Push All"));
    // Only accounts.
    QListWidgetItem *manifestsItem = question->list()->item(1);
    QTest::mouseClick(question->list()->viewport(), Qt::LeftButton, {},
                      question->list()->visualItemRect(manifestsItem).topLeft() + QPoint(8, 8));
    if (manifestsItem->checkState() == Qt::Checked) // the click missed the check box
        manifestsItem->setCheckState(Qt::Unchecked);
    QCOMPARE(question->pushButton()->text(), QStringLiteral("&Push"));
    QTest::mouseClick(question->pushButton(), Qt::LeftButton);
    QVERIFY(waitFinished(finished));
    QVERIFY2(finished.first().first().toBool(),
             qPrintable(m_git->progressDialog()->messageLabel()->text()));
    QCOMPARE(gitOut({"rev-parse", "main"}, barePath("accounts")),
             gitOut({"rev-parse", "HEAD"}, repoPath("accounts")));
    QCOMPARE(gitOut({"rev-parse", "main"}, barePath("manifests")), manifestsOnServer);

    // Now only manifests has something: pushed without a question.
    QVERIFY(settle());
    QCOMPARE(action("gitPushAction")->text(), QStringLiteral("&Push manifests (main)"));
    finished.clear();
    m_git->push();
    QVERIFY(waitFinished(finished));
    QVERIFY(finished.first().first().toBool());
    QCOMPARE(asked.size(), 1);
    QCOMPARE(gitOut({"rev-parse", "main"}, barePath("manifests")),
             gitOut({"rev-parse", "HEAD"}, repoPath("manifests")));
}

void TestGitUi::pushAllPushesEachRepositoryInTurn()
{
    for (const QString &name : {QStringLiteral("accounts"), QStringLiteral("manifests")}) {
        writeFile(repoPath(name) + QStringLiteral("/NOTES.md"), "n\n");
        gitOut({"add", "NOTES.md"}, repoPath(name));
        gitOut({"commit", "-q", "-m", "notes"}, repoPath(name));
    }
    QVERIFY(refresh());
    QSignalSpy asked(m_git, &app::GitController::pushQuestionAsked);
    QSignalSpy finished(m_git, &app::GitController::operationFinished);
    clickToolButton(action("gitPushAction"));
    QVERIFY(asked.wait(30000));
    ui::GitPushDialog *question = m_git->pushDialog();
    QCOMPARE(question->pushButton()->text(), QStringLiteral("&Push All"));
    QTest::mouseClick(question->pushButton(), Qt::LeftButton);
    QVERIFY(waitFinished(finished));
    QCOMPARE(finished.size(), 1); // one outcome for the round
    const QString text = m_git->progressDialog()->messageLabel()->text();
    QVERIFY2(finished.first().first().toBool(), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Pushed main of accounts to origin.\n"
                                          "Pushed main of manifests to origin.")),
             qPrintable(text));
    for (const QString &name : {QStringLiteral("accounts"), QStringLiteral("manifests")})
        QCOMPARE(gitOut({"rev-parse", "main"}, barePath(name)),
                 gitOut({"rev-parse", "HEAD"}, repoPath(name)));
}

void TestGitUi::pushWithNothingToPushSaysSo()
{
    const QString before = gitOut({"for-each-ref"}, barePath("accounts")) +
                           gitOut({"for-each-ref"}, barePath("manifests"));
    QSignalSpy finished(m_git, &app::GitController::operationFinished);
    clickToolButton(action("gitPushAction"));
    QVERIFY(waitFinished(finished));
    const QString text = m_git->progressDialog()->messageLabel()->text();
    QVERIFY2(text.startsWith(QStringLiteral("Nothing to push")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("accounts (main)")), qPrintable(text));
    QCOMPARE(gitOut({"for-each-ref"}, barePath("accounts")) +
                 gitOut({"for-each-ref"}, barePath("manifests")),
             before);
    QVERIFY(!m_server->log().join(QLatin1Char('\n')).contains(QStringLiteral("receive-pack")));
}

void TestGitUi::firstCommitAsksWhoIsCommitting_data()
{
    QTest::addColumn<bool>("gitConfig");
    QTest::newRow("kept in Kanri's settings") << false;
    QTest::newRow("kept in git's global configuration") << true;
}

// A new computer: no author anywhere (HOME is an empty folder, no GIT_AUTHOR_*). The commit
// asks for a name and e-mail (the name guessed from the login), Cancel commits nothing and
// leaves the index, the answer is kept where the user chose and the next commit asks nothing.
void TestGitUi::firstCommitAsksWhoIsCommitting()
{
    QFETCH(bool, gitConfig);
    const QString repo = repoPath("accounts");
    gitOut({"config", "--unset", "user.name"}, repo);
    gitOut({"config", "--unset", "user.email"}, repo);
    const QString home = QDir::homePath();
    QVERIFY(!QFileInfo::exists(home + QStringLiteral("/.gitconfig")));
    const QStringList variables{"GIT_AUTHOR_NAME",
                                "GIT_AUTHOR_EMAIL",
                                "GIT_COMMITTER_NAME",
                                "GIT_COMMITTER_EMAIL",
                                "EMAIL",
                                "USER"};
    QHash<QString, QByteArray> saved;
    for (const QString &v : variables) {
        saved.insert(v, qgetenv(v.toLatin1()));
        qunsetenv(v.toLatin1());
    }
    qputenv("USER", "lgarcia");
    auto restore = qScopeGuard([&] {
        for (const QString &v : variables) {
            if (saved.value(v).isEmpty())
                qunsetenv(v.toLatin1());
            else
                qputenv(v.toLatin1(), saved.value(v));
        }
        QFile::remove(home + QStringLiteral("/.gitconfig"));
    });

    writeFile(repo + QStringLiteral("/first.txt"), "first\n");
    writeFile(repo + QStringLiteral("/staged.txt"), "staged\n");
    gitOut({"add", "staged.txt"}, repo);
    const QString index = stagedState(QStringLiteral("accounts"));
    const QString head = gitOut({"rev-parse", "HEAD"}, repo);
    m_git->openCommit(repositoryIndex(QStringLiteral("accounts")));
    QVERIFY(settle());
    ui::GitCommitDialog *commit = m_git->commitDialog();
    QTest::keyClicks(commit->summaryEdit(), QStringLiteral("First commit here"));
    QSignalSpy asked(m_git->commitAuthor(), &app::CommitAuthor::asked);
    QSignalSpy committed(m_git, &app::GitController::commitFinished);

    // Cancel: nothing committed, nothing staged or unstaged.
    QTest::mouseClick(commit->commitButton(), Qt::LeftButton);
    QCOMPARE(asked.size(), 1);
    ui::GitAuthorDialog *author = m_git->commitAuthor()->dialog();
    QVERIFY(author && author->isVisible() && author->isEnabled());
    QCOMPARE(author->parentWidget(), commit); // over the commit dialog, which waits for it
    QVERIFY(author->isModal());
    QCOMPARE(author->nameEdit()->text(), QStringLiteral("lgarcia"));
    QVERIFY(author->emailEdit()->text().isEmpty());
    QVERIFY(!author->okButton()->isEnabled());
    author->reject();
    QVERIFY(waitFinished(committed));
    QCOMPARE(committed.first().first().toBool(), false);
    QVERIFY2(commit->messageLabel()->text().contains(QStringLiteral("Nothing was committed")),
             qPrintable(commit->messageLabel()->text()));
    QCOMPARE(gitOut({"rev-parse", "HEAD"}, repo), head);
    QCOMPARE(stagedState(QStringLiteral("accounts")), index);

    // Answered: kept where chosen, then committed with it.
    committed.clear();
    QTest::mouseClick(commit->commitButton(), Qt::LeftButton);
    QCOMPARE(asked.size(), 2);
    author->nameEdit()->clear();
    author->nameEdit()->insert(QStringLiteral("Lucía García")); // as an input method commits it
    QTest::keyClicks(author->emailEdit(), QStringLiteral("lgarcia@example.com"));
    QTest::mouseClick(gitConfig ? author->gitConfigChoice() : author->settingsChoice(),
                      Qt::LeftButton);
    QVERIFY(author->okButton()->isEnabled());
    QTest::mouseClick(author->okButton(), Qt::LeftButton);
    QVERIFY(waitFinished(committed));
    QVERIFY2(committed.first().first().toBool(), qPrintable(commit->messageLabel()->text()));
    QCOMPARE(gitOut({"log", "-1", "--format=%an <%ae>"}, repo),
             QStringLiteral("Lucía García <lgarcia@example.com>"));
    QSettings &settings = m_context->settings();
    if (gitConfig) {
        QVERIFY(!settings.contains(QStringLiteral("git/authorName")));
        QCOMPARE(gitOut({"config", "--global", "user.email"}, repo),
                 QStringLiteral("lgarcia@example.com"));
        QCOMPARE(gitOut({"config", "--global", "user.name"}, repo), QStringLiteral("Lucía García"));
    } else {
        QCOMPARE(settings.value(QStringLiteral("git/authorEmail")).toString(),
                 QStringLiteral("lgarcia@example.com"));
        QVERIFY(!QFileInfo::exists(home + QStringLiteral("/.gitconfig")));
    }

    // The next commit asks nothing.
    QVERIFY(settle());
    writeFile(repo + QStringLiteral("/second.txt"), "second\n");
    m_git->openCommit(repositoryIndex(QStringLiteral("accounts")));
    QVERIFY(settle());
    QTest::keyClicks(commit->summaryEdit(), QStringLiteral("Second"));
    committed.clear();
    QTest::mouseClick(commit->commitButton(), Qt::LeftButton);
    QVERIFY(waitFinished(committed));
    QVERIFY(committed.first().first().toBool());
    QCOMPARE(asked.size(), 2);
}

// The commit itself fails after the files were staged for it (an author git refuses): the
// index is exactly as it was, the checked files unstaged, the unchecked staged one staged.
void TestGitUi::aFailingCommitLeavesTheIndexAsItWas()
{
    const QString repo = repoPath("manifests");
    writeFile(repo + QStringLiteral("/checked.txt"), "c\n");
    writeFile(repo + QStringLiteral("/unchecked.txt"), "u\n");
    gitOut({"add", "unchecked.txt"}, repo);
    const QString index = stagedState(QStringLiteral("manifests"));
    const QString head = gitOut({"rev-parse", "HEAD"}, repo);
    m_context->settings().setValue(QStringLiteral("git/authorName"), QStringLiteral("Bad <Name>"));
    m_context->settings().setValue(QStringLiteral("git/authorEmail"),
                                   QStringLiteral("b@example.com"));
    m_git->openCommit(repositoryIndex(QStringLiteral("manifests")));
    QVERIFY(settle());
    ui::GitCommitDialog *dialog = m_git->commitDialog();
    for (int i = 0; i < dialog->fileList()->count(); ++i)
        if (dialog->fileList()->item(i)->data(Qt::UserRole).toString() ==
            QStringLiteral("unchecked.txt"))
            dialog->fileList()->item(i)->setCheckState(Qt::Unchecked);
    QCOMPARE(dialog->checkedPaths(), QStringList{QStringLiteral("checked.txt")});
    QTest::keyClicks(dialog->summaryEdit(), QStringLiteral("Will fail"));
    QSignalSpy committed(m_git, &app::GitController::commitFinished);
    QTest::mouseClick(dialog->commitButton(), Qt::LeftButton);
    QVERIFY(waitFinished(committed));
    QCOMPARE(committed.first().first().toBool(), false);
    QVERIFY2(dialog->messageLabel()->text().contains(QStringLiteral("Nothing was committed")),
             qPrintable(dialog->messageLabel()->text()));
    QCOMPARE(gitOut({"rev-parse", "HEAD"}, repo), head);
    QCOMPARE(stagedState(QStringLiteral("manifests")), index);
    QVERIFY(gitOut({"status", "--porcelain"}, repo).contains(QStringLiteral("?? checked.txt")));
    m_context->settings().remove(QStringLiteral("git"));
}

QTEST_MAIN(TestGitUi)
#include "tst_gitui.moc"
