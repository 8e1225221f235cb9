// The whole window as `kanri` builds it (the application context and every controller), driven
// with keys and clicks: one action per shortcut and the list of them, typing after a shortcut,
// quitting with unsaved edits (in process and the real binary), and a new microservice's
// ownership following the edit buffers.

#include "app/appcontext.h"
#include "app/controllers.h"
#include "app/gitcontroller.h"
#include "app/rulescontroller.h"
#include "app/screenshotdriver.h"
#include "app/wizardcontroller.h"
#include "items/catalogtreemodel.h"
#include "items/developersmodel.h"
#include "items/servicesmodel.h"
#include "platform/demoworkspace.h"
#include "platform/session.h"
#include "rules/rulelive.h"
#include "tests/testsupport/modal.h"
#include "tests/testsupport/testutil.h"
#include "ui/editor/sourceeditor.h"
#include "ui/git/gitcommitdialog.h"
#include "ui/main/commandpalette.h"
#include "ui/main/mainwindow.h"
#include "ui/main/shortcutsdialog.h"
#include "ui/main/tableview.h"
#include "ui/wizards/wizardnewmicroservice.h"
#include "ui/wizards/wizardpublishdialog.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QScopeGuard>
#include <QSettings>
#include <QShortcut>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <QTreeWidget>

using namespace kanri;

namespace {

// Where a shortcut lives: "Repository ▸ Push" for a menu entry, else the action's text.
QString describe(const QAction *action)
{
    QString text = action->text();
    text.remove(QLatin1Char('&'));
    for (QObject *o : action->associatedObjects()) {
        if (auto *menu = qobject_cast<QMenu *>(o))
            return menu->title().remove(QLatin1Char('&')) + QStringLiteral(" ▸ ") + text;
    }
    return text;
}

// Every key sequence bound in the main window, with who binds it: the actions of its menus,
// tool bars, docks and panels (whoever owns them) and its QShortcuts.
QMultiMap<QString, QString> everyShortcut(QMainWindow *window)
{
    QSet<QAction *> actions;
    for (QAction *a : window->findChildren<QAction *>())
        actions.insert(a);
    for (QAction *a : window->actions())
        actions.insert(a);
    for (QWidget *w : window->findChildren<QWidget *>()) {
        for (QAction *a : w->actions())
            actions.insert(a);
    }
    for (QAction *top : window->menuBar()->actions()) {
        if (QMenu *menu = top->menu()) {
            for (QAction *a : menu->actions())
                actions.insert(a);
        }
    }
    QMultiMap<QString, QString> bound;
    for (QAction *a : std::as_const(actions)) {
        for (const QKeySequence &keys : a->shortcuts())
            bound.insert(keys.toString(QKeySequence::PortableText), describe(a));
    }
    for (QShortcut *s : window->findChildren<QShortcut *>()) {
        auto *owner = qobject_cast<QWidget *>(s->parent());
        if (owner && owner->window() != window)
            continue; // a dialog's own keys
        bound.insert(s->key().toString(QKeySequence::PortableText),
                     QStringLiteral("QShortcut of %1").arg(s->parent()->objectName()));
    }
    return bound;
}

// The team the catalog tree lists a service under (teams at the top, their services below).
QString treeTeamOf(QTreeView *tree, const QString &service)
{
    QAbstractItemModel *model = tree->model();
    for (int t = 0; t < model->rowCount(); ++t) {
        const QModelIndex team = model->index(t, 0);
        for (int r = 0; r < model->rowCount(team); ++r) {
            if (model->index(r, 0, team).data(items::CatalogTreeModel::ServiceRole).toString() ==
                service)
                return team.data().toString();
        }
    }
    return {};
}

} // namespace

class TestAppWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void everyShortcutBelongsToOneAction();
    void keyboardShortcutsListsEveryBoundKey();
    void eachKeyDoesItsOneThing();
    void typingAfterAShortcutNeverEditsACell_data();
    void typingAfterAShortcutNeverEditsACell();
    void quittingWithUnsavedEditsEndsCleanly_data();
    void quittingWithUnsavedEditsEndsCleanly();
    void screenshotWithAnUnsavedEditExits();
    void newMicroserviceIsOwnedByItsTeamBeforeAndAfterSaving();

private:
    // The window, the context and every controller, as main() builds them.
    void open(bool screenshot);
    void close();
    // Clicks the developers table's cell of `field` in the first row; returns its index.
    QModelIndex clickDeveloperCell(const QString &field);
    // Runs `step` on the next modal dialog that opens (QInputDialog::getItem, a question).
    void onNextModal(std::function<void(QWidget *)> step);

    QTemporaryDir m_tmp;
    int m_case = 0;
    QString m_ws;
    std::unique_ptr<ui::MainWindow> m_window;
    std::unique_ptr<app::AppContext> m_context;
    std::unique_ptr<app::ScreenshotDriver> m_driver; // the screenshot's, when one is taken
};

void TestAppWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                       m_tmp.filePath(QStringLiteral("settings")));
    QCoreApplication::setOrganizationName(QStringLiteral("KanriTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_appwindow"));
}

void TestAppWindow::init()
{
    m_ws = m_tmp.filePath(QStringLiteral("case%1/ws").arg(++m_case));
    auto ws = platform::materialiseDemo(QStringLiteral(":/demo"), m_ws);
    QVERIFY2(ws.has_value(), qPrintable(ws ? QString() : ws.error().toString()));
}

void TestAppWindow::open(bool screenshot)
{
    m_window = std::make_unique<ui::MainWindow>();
    m_context = std::make_unique<app::AppContext>(m_window.get());
    if (screenshot)
        m_driver = std::make_unique<app::ScreenshotDriver>(m_context.get());
    app::installControllers(m_context.get());
    connect(m_window.get(), &ui::MainWindow::reloadRequested, m_context.get(),
            [this] { m_context->reloadAsync(); });
    QVERIFY(m_context->load(m_ws));
    m_window->resize(1300, 850);
    m_window->show();
    m_window->activateWindow();
    QTRY_COMPARE(QApplication::activeWindow(), m_window.get());
}

void TestAppWindow::close()
{
    m_driver.reset();
    m_context.reset();
    m_window.reset();
}

void TestAppWindow::cleanup()
{
    if (m_context && m_context->session())
        m_context->session()->revert();
    close();
}

void TestAppWindow::onNextModal(std::function<void(QWidget *)> step)
{
    test::onNextModal(this, std::move(step));
}

QModelIndex TestAppWindow::clickDeveloperCell(const QString &field)
{
    QTableView *table = m_window->developersTable();
    auto *tabs = qobject_cast<QTabWidget *>(m_window->centralWidget());
    if (!tabs)
        return {};
    tabs->setCurrentWidget(table);
    int column = -1;
    for (int c = 0; c < table->model()->columnCount(); ++c) {
        if (table->model()->headerData(c, Qt::Horizontal).toString() == field)
            column = c;
    }
    if (column < 0)
        return {};
    const QModelIndex index = table->model()->index(0, column);
    table->scrollTo(index);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(index).center());
    return table->currentIndex() == index ? index : QModelIndex();
}

// Qt ignores a key bound twice in one window ("Ambiguous shortcut overload"): each key
// sequence is bound by one action of the whole window, every controller's included.
void TestAppWindow::everyShortcutBelongsToOneAction()
{
    open(false);
    const QMultiMap<QString, QString> bound = everyShortcut(m_window.get());
    QStringList shared;
    for (const QString &keys : bound.uniqueKeys()) {
        if (bound.count(keys) > 1)
            shared << keys + QStringLiteral(": ") + bound.values(keys).join(QStringLiteral(", "));
    }
    QVERIFY2(shared.isEmpty(), qPrintable(shared.join(QLatin1Char('\n'))));
    // The walk reached every controller's actions.
    QCOMPARE(bound.value(QStringLiteral("Ctrl+K")), QStringLiteral("Go ▸ Command Palette…"));
    QCOMPARE(bound.value(QStringLiteral("Ctrl+P")), QStringLiteral("File ▸ Open File…"));
    QVERIFY(bound.value(QStringLiteral("F5")).startsWith(QStringLiteral("File ▸ Reload")));
    QVERIFY(bound.value(QStringLiteral("Ctrl+Shift+C"))
                .startsWith(QStringLiteral("Repository ▸ Commit")));
    QVERIFY(
        bound.value(QStringLiteral("Shift+F5")).startsWith(QStringLiteral("Repository ▸ Refresh")));
    QVERIFY(bound.value(QStringLiteral("F8")).startsWith(QStringLiteral("Tools ▸ Check")));
    QVERIFY(
        bound.value(QStringLiteral("Ctrl+Shift+P")).startsWith(QStringLiteral("Pull Requests")));
}

// Help ▸ Keyboard Shortcuts, opened with its key, lists every bound key with its action.
void TestAppWindow::keyboardShortcutsListsEveryBoundKey()
{
    open(false);
    QTest::keyClick(m_window->catalogTree(), Qt::Key_Slash, Qt::ControlModifier);
    auto *dialog = m_window->findChild<ui::ShortcutsDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QTreeWidget *list = dialog->list();
    QHash<QString, QString> listed; // keys -> action
    for (int i = 0; i < list->topLevelItemCount(); ++i) {
        for (const QString &keys : list->topLevelItem(i)->text(1).split(QStringLiteral(", ")))
            listed.insert(
                QKeySequence(keys, QKeySequence::NativeText).toString(QKeySequence::PortableText),
                list->topLevelItem(i)->text(0));
    }
    const QMultiMap<QString, QString> bound = everyShortcut(m_window.get());
    QCOMPARE(QSet<QString>(listed.keyBegin(), listed.keyEnd()),
             QSet<QString>(bound.keyBegin(), bound.keyEnd()));
    QCOMPARE(listed.value(QStringLiteral("Ctrl+K")), QStringLiteral("Go ▸ Command Palette"));
    QVERIFY2(listed.value(QStringLiteral("Ctrl+Shift+K"))
                 .startsWith(QStringLiteral("Repository ▸ Push")),
             qPrintable(listed.value(QStringLiteral("Ctrl+Shift+K"))));
    dialog->close();
}

// Pressed in the window, each key does its own thing, and only that.
void TestAppWindow::eachKeyDoesItsOneThing()
{
    open(false);
    auto *git = m_context->findChild<app::GitController *>();
    QVERIFY(git);
    QTableView *table = m_window->developersTable();
    QVERIFY(clickDeveloperCell(QStringLiteral("name")).isValid());

    // Ctrl+K: the command palette, and what is typed next goes into it; Esc gives the focus
    // back to the table.
    QTest::keyClick(table, Qt::Key_K, Qt::ControlModifier);
    ui::CommandPalette *palette = m_window->commandPalette();
    QVERIFY(palette->isVisible());
    QVERIFY(QApplication::focusWidget());
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("lgar")); // where its focus is
    QCOMPARE(palette->lineEdit()->text(), QStringLiteral("lgar"));
    QTest::keyClick(palette->lineEdit(), Qt::Key_Escape);
    QVERIFY(!palette->isVisible());
    QCOMPARE(QApplication::focusWidget(), table);
    QVERIFY(git->commitDialog() == nullptr || !git->commitDialog()->isVisible());

    // Ctrl+Shift+C: the commit dialog.
    QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(git->commitDialog() && git->commitDialog()->isVisible());
    git->commitDialog()->reject();

    // F5 reloads the workspace; Shift+F5 reads the working trees again, and nothing else.
    QSignalSpy reloads(m_window.get(), &ui::MainWindow::reloadRequested);
    QSignalSpy refreshed(git, &app::GitController::changesRefreshed);
    m_window->activateWindow();
    QTRY_COMPARE(QApplication::activeWindow(), m_window.get());
    QTest::keyClick(table, Qt::Key_F5, Qt::ShiftModifier);
    QVERIFY(refreshed.wait(30000));
    QCOMPARE(reloads.size(), 0);
    QTest::keyClick(table, Qt::Key_F5);
    QCOMPARE(reloads.size(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(!m_context->isLoading(), 30000);
}

void TestAppWindow::typingAfterAShortcutNeverEditsACell_data()
{
    QTest::addColumn<int>("key");
    QTest::addColumn<int>("modifiers");
    QTest::newRow("an unbound Ctrl+letter") << int(Qt::Key_J) << int(Qt::ControlModifier);
    QTest::newRow("an unbound Alt+letter") << int(Qt::Key_Y) << int(Qt::AltModifier);
    QTest::newRow("a bound shortcut (Check Platform Rules Now)") << int(Qt::Key_F8) << 0;
}

// Type-to-edit starts from a cell the user picked, never from the keys after a shortcut
// (bound or not): the text searches the rows instead of overwriting a developer's name.
void TestAppWindow::typingAfterAShortcutNeverEditsACell()
{
    QFETCH(int, key);
    QFETCH(int, modifiers);
    open(false);
    auto *table = qobject_cast<ui::TableView *>(m_window->developersTable());
    QVERIFY(table);
    const QModelIndex cell = clickDeveloperCell(QStringLiteral("name"));
    QVERIFY(cell.isValid());
    const QString before = cell.data(Qt::EditRole).toString();
    QVERIFY(!before.isEmpty());

    // Picked by a click: typing edits (the spreadsheet way), Escape gives it back.
    QVERIFY(table->typingEdits());
    QTest::keyClick(table, Qt::Key_X);
    QVERIFY(table->isEditing());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QVERIFY(!table->isEditing());
    QCOMPARE(cell.data(Qt::EditRole).toString(), before);

    // A shortcut, then text: the cell stays as it was, nothing is being edited.
    m_window->activateWindow();
    QTRY_COMPARE(QApplication::activeWindow(), m_window.get());
    table->setFocus();
    QTest::keyClick(table, Qt::Key(key), Qt::KeyboardModifiers(modifiers));
    QTest::keyClicks(table, QStringLiteral("zz"));
    QTest::keyClick(table, Qt::Key_Return);
    QVERIFY(!table->isEditing());
    QCOMPARE(cell.data(Qt::EditRole).toString(), before);
    QVERIFY(!m_context->session()->buffers()->isModified());

    // Moving with the arrow keys picks a cell again.
    QTest::keyClick(table, Qt::Key_Down);
    QVERIFY(table->typingEdits());
}

void TestAppWindow::quittingWithUnsavedEditsEndsCleanly_data()
{
    QTest::addColumn<bool>("screenshot");
    QTest::newRow("the window closed and the edits discarded") << false;
    QTest::newRow("a screenshot with an edit (--edit)") << true;
}

// The session goes with an edit that was never saved: the rules check (run after each edit
// under --screenshot, live otherwise) must not run against the half-destroyed session.
void TestAppWindow::quittingWithUnsavedEditsEndsCleanly()
{
    QFETCH(bool, screenshot);
    open(screenshot);
    const QString overlay =
        m_ws + QStringLiteral("/manifests/services/payment-api/overlays/prd/kustomization.yaml");
    const QByteArray onDisk = test::readAll(overlay);
    m_window->selectService(QStringLiteral("payment-api"));
    items::ServicesModel *model = m_window->servicesModel();
    const int row = model->rowOf(QStringLiteral("payment-api"));
    const int column = model->column(QStringLiteral("prd"), platform::ServiceSetting::Replicas);
    QVERIFY(model->setData(model->index(row, column), QStringLiteral("8")));
    QVERIFY(m_context->session()->buffers()->isModified());
    if (screenshot) {
        // What kanri --screenshot does before the picture: wait for the check of the edit.
        QVERIFY(m_driver->settle(std::chrono::seconds(60)));
        QVERIFY(!m_context->isBusy());
    } else {
        // Quit, and answer Discard.
        QString asked;
        onNextModal([&asked](QWidget *modal) {
            auto *box = qobject_cast<QMessageBox *>(modal);
            if (!box) {
                modal->close();
                return;
            }
            asked = box->text();
            box->button(QMessageBox::Discard)->click();
        });
        // File ▸ Quit (its key depends on the platform: none under offscreen's Windows keys).
        QAction *quit = nullptr;
        for (QAction *a : m_window->menu(ui::MainWindow::Menu::File)->actions())
            if (a->text() == QStringLiteral("&Quit"))
                quit = a;
        QVERIFY(quit);
        quit->trigger();
        QVERIFY2(asked.contains(QStringLiteral("Save your changes")), qPrintable(asked));
        QVERIFY(!m_window->isVisible());
    }
    QElapsedTimer timer;
    timer.start();
    close();
    QVERIFY2(timer.elapsed() < 20000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(test::readAll(overlay), onDisk); // discarded, not saved
}

// The README's example: the picture, then a clean exit (a crash or a hang before).
void TestAppWindow::screenshotWithAnUnsavedEditExits()
{
    const QString kanri = test::kanriBinary();
    if (kanri.isEmpty() || !QFileInfo::exists(kanri))
        QFAIL("KANRI_BINARY is not set (run through ctest)");
    const QString home = m_tmp.filePath(QStringLiteral("case%1/home").arg(m_case));
    QDir().mkpath(home);
    const QString conf = home + QStringLiteral("/.config/Kanri/kanri.conf");
    QSettings(conf, QSettings::IniFormat)
        .setValue(QStringLiteral("workspace/last"), QStringLiteral("/the/users/own/workspace"));
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/.config"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/.local/share"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(env);
    const QString png = m_tmp.filePath(QStringLiteral("case%1/shot.png").arg(m_case));
    process.start(kanri, {QStringLiteral("--workspace"), m_ws, QStringLiteral("--screenshot"), png,
                          QStringLiteral("--select"), QStringLiteral("payment-api"),
                          QStringLiteral("--edit"), QStringLiteral("prd.replicas=8")});
    QVERIFY(process.waitForStarted());
    const bool finished = process.waitForFinished(120000);
    if (!finished)
        process.kill();
    QVERIFY2(finished, "kanri --screenshot --edit did not exit within two minutes");
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    QVERIFY(QImage(png).width() > 0);
    // A picture is not a choice of workspace: the user's next start opens what it did before.
    QCOMPARE(QSettings(conf, QSettings::IniFormat).value(QStringLiteral("workspace/last")),
             QVariant(QStringLiteral("/the/users/own/workspace")));
}

// After the wizard the new service is under its team at once (the CODEOWNERS line is in the
// edit buffers, not on disk yet), without a "matches no file" warning, and stays there after
// Save; the Source pane's title follows the save.
void TestAppWindow::newMicroserviceIsOwnedByItsTeamBeforeAndAfterSaving()
{
    open(false);
    auto *rules = m_context->findChild<app::RulesController *>();
    auto *linter = rules->findChild<platform::LiveLinter *>();
    QVERIFY(rules && linter);
    QTRY_VERIFY_WITH_TIMEOUT(linter->isUpToDate(), 60000);
    const int checked = linter->generation();

    auto *wizards = m_context->findChild<app::WizardController *>();
    QVERIFY(wizards);
    auto *wizard = qobject_cast<ui::NewMicroserviceWizard *>(
        wizards->newMicroservice(app::WizardController::Show::Modal));
    QVERIFY(wizard);
    QTest::keyClicks(wizard->nameEdit(), QStringLiteral("coupon-api"));
    wizard->teamBox()->setCurrentIndex(wizard->teamBox()->findData(QStringLiteral("growth")));
    QTest::keyClicks(wizard->descriptionEdit(), QStringLiteral("Issues and redeems coupons."));
    wizard->next();
    wizard->next();
    QVERIFY(wizard->plan().has_value());
    QSignalSpy offered(wizards->publisher(), &app::PublishController::publishOffered);
    wizard->accept();
    QCOMPARE(offered.size(), 1);
    wizards->publisher()->publishDialog()->close(); // later

    const QString team = QStringLiteral("@demo-org/growth");
    QCOMPARE(m_context->session()->catalog().service(QStringLiteral("coupon-api"))->team, team);
    QTRY_COMPARE(treeTeamOf(m_window->catalogTree(), QStringLiteral("coupon-api")), team);
    // The live check: nothing about CODEOWNERS (the new line matches the unsaved folder).
    QTRY_VERIFY_WITH_TIMEOUT(linter->generation() > checked && linter->isUpToDate(), 60000);
    for (const platform::Finding &f : linter->changeFindings())
        QVERIFY2(!f.rule.startsWith(QLatin1String("codeowners/")), qPrintable(f.message));

    // The CODEOWNERS file in the Source pane: unsaved, then saved with Ctrl+S.
    const QString owners = m_ws + QStringLiteral("/manifests/.github/CODEOWNERS");
    m_window->revealLocation(owners, 1, 1);
    ui::SourceEditor *source = m_window->sourceEditor();
    QCOMPARE(source->currentFile(), owners);
    QVERIFY2(source->headerLabel()->text().contains(QStringLiteral("(unsaved)")),
             qPrintable(source->headerLabel()->text()));
    m_window->activateWindow();
    QTRY_COMPARE(QApplication::activeWindow(), m_window.get());
    QTest::keyClick(m_window->catalogTree(), Qt::Key_S, Qt::ControlModifier);
    QVERIFY(!m_context->session()->buffers()->isModified());
    QVERIFY(test::readAll(owners).contains("/services/coupon-api/"));
    QVERIFY2(!source->headerLabel()->text().contains(QStringLiteral("(unsaved)")),
             qPrintable(source->headerLabel()->text()));
    QCOMPARE(m_context->session()->catalog().service(QStringLiteral("coupon-api"))->team, team);
    QTRY_COMPARE(treeTeamOf(m_window->catalogTree(), QStringLiteral("coupon-api")), team);
    QTRY_VERIFY_WITH_TIMEOUT(linter->isUpToDate(), 60000);
    for (const platform::Finding &f : linter->result().findings)
        QVERIFY2(!(f.rule.startsWith(QLatin1String("codeowners/")) &&
                   f.message.contains(QLatin1String("coupon-api"))),
                 qPrintable(f.message));

    // Undo takes the line, the service and its team away again.
    m_context->session()->buffers()->undoStack()->undo();
    QVERIFY(!m_context->session()->catalog().service(QStringLiteral("coupon-api")));
    QTRY_VERIFY(treeTeamOf(m_window->catalogTree(), QStringLiteral("coupon-api")).isEmpty());
}

QTEST_MAIN(TestAppWindow)
#include "tst_appwindow.moc"
