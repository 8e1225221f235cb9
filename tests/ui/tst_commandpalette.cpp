// The command palette (Ctrl+K, Ctrl+P for files) in the window as kanri builds it: what it
// lists, that typing filters and ranks, the keys and the mouse, what picking each kind of entry
// does, "No matches", and that the focus goes back where it was.
#include "app/appcontext.h"
#include "app/controllers.h"
#include "app/rulescontroller.h"
#include "items/catalogtreemodel.h"
#include "items/developersmodel.h"
#include "items/findingsmodel.h"
#include "items/palettemodel.h"
#include "platform/demoworkspace.h"
#include "platform/session.h"
#include "rules/rulefinding.h"
#include "tests/testsupport/testutil.h"
#include "ui/editor/sourceeditor.h"
#include "ui/main/commandpalette.h"
#include "ui/main/mainwindow.h"
#include "ui/rules/findingspanel.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace kanri;
using items::PaletteEntry;
using items::PaletteModel;

namespace {

// Every enabled menu action, as "Menu ▸ Action" (the test's own walk of the menu bar).
void walk(const QList<QAction *> &actions, const QString &path, QHash<QString, QString> &out)
{
    for (QAction *a : actions) {
        if (a->isSeparator() || !a->isVisible() || !a->isEnabled())
            continue;
        const QString text = a->text().remove(QLatin1Char('&'));
        const QString here = path.isEmpty() ? text : path + QStringLiteral(" ▸ ") + text;
        if (a->menu())
            walk(a->menu()->actions(), here, out);
        else if (!path.isEmpty())
            out.insert(here, a->shortcut().toString(QKeySequence::NativeText));
    }
}

} // namespace

class TestCommandPalette : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void listsEveryEnabledMenuActionWithItsShortcut();
    void listsServicesOverlaysDevelopersTeamsFilesOfBothRepositoriesAndRules();
    void typingRanksFuzzyMatches();
    void ctrlPListsOnlyFiles();
    void enterActivates_data();
    void enterActivates();
    void noMatchSaysSo();
    void escapeGivesTheFocusBack_data();
    void escapeGivesTheFocusBack();
    void keysMoveTheSelectionWhileTheFocusStaysInTheLineEdit();
    void aClickPicksTheRow();
    void focusGoingElsewhereClosesIt();

private:
    void pressCtrl(Qt::Key key);
    int rowOf(const QString &text) const;

    QTemporaryDir m_tmp;
    int m_case = 0;
    std::unique_ptr<ui::MainWindow> m_window;
    std::unique_ptr<app::AppContext> m_context;
    ui::CommandPalette *m_palette = nullptr;
};

void TestCommandPalette::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                       m_tmp.filePath(QStringLiteral("settings")));
    QCoreApplication::setOrganizationName(QStringLiteral("KanriTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_commandpalette"));
    // One window for every case (opening the demo takes seconds); each case starts with the
    // palette closed, nothing unsaved and the focus in the catalog tree.
    const QString dir = m_tmp.filePath(QStringLiteral("ws"));
    auto ws = platform::materialiseDemo(QStringLiteral(":/demo"), dir);
    QVERIFY2(ws.has_value(), qPrintable(ws ? QString() : ws.error().toString()));
    m_window = std::make_unique<ui::MainWindow>();
    m_context = std::make_unique<app::AppContext>(m_window.get());
    m_context->setRemembersWorkspace(false);
    m_context->setKeepsJournal(false);
    m_context->setWorkingOffline(true);
    app::installControllers(m_context.get());
    QVERIFY(m_context->load(dir));
    m_window->resize(1300, 850);
    m_window->show();
    m_palette = m_window->commandPalette();
    QVERIFY(m_palette);
}

void TestCommandPalette::init()
{
    m_palette->dismiss(ui::CommandPalette::ReturnFocus::No);
    m_window->activateWindow();
    QTRY_COMPARE(QApplication::activeWindow(), m_window.get());
    m_window->catalogTree()->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), m_window->catalogTree());
}

void TestCommandPalette::cleanup()
{
    if (m_context && m_context->session())
        m_context->session()->revert();
}

void TestCommandPalette::cleanupTestCase()
{
    m_context.reset();
    m_window.reset();
}

void TestCommandPalette::pressCtrl(Qt::Key key)
{
    QWidget *focus = QApplication::focusWidget();
    QTest::keyClick(focus ? focus : m_window.get(), key, Qt::ControlModifier);
}

int TestCommandPalette::rowOf(const QString &text) const
{
    for (int r = 0; r < m_palette->model()->rowCount(); ++r) {
        if (m_palette->model()->index(r, 0).data().toString() == text)
            return r;
    }
    return -1;
}

void TestCommandPalette::listsEveryEnabledMenuActionWithItsShortcut()
{
    QHash<QString, QString> expected;
    walk(m_window->menuBar()->actions(), QString(), expected);
    QVERIFY(expected.size() > 10);
    pressCtrl(Qt::Key_K);
    QVERIFY(m_palette->isVisible());
    QCOMPARE(QApplication::focusWidget(), m_palette->lineEdit());
    QHash<QString, QString> listed;
    for (const PaletteEntry &e : m_palette->model()->entries()) {
        if (e.kind == PaletteEntry::Kind::Action)
            listed.insert(e.text, e.detail);
    }
    QCOMPARE(listed, expected);
    QCOMPARE(listed.value(QStringLiteral("Go ▸ Command Palette…")),
             QKeySequence(QStringLiteral("Ctrl+K")).toString(QKeySequence::NativeText));
    // Disabled actions are left out: nothing is unsaved, so File ▸ Save cannot run.
    QAction *save = nullptr;
    for (QAction *a : m_window->menu(ui::MainWindow::Menu::File)->actions())
        save = a->text() == QStringLiteral("&Save") ? a : save;
    QVERIFY(save);
    QVERIFY(!save->isEnabled());
    QVERIFY(!listed.contains(QStringLiteral("File ▸ Save")));
    // Once there is something to save, it is listed.
    m_palette->dismiss();
    const auto edited = m_context->session()->setServiceSetting(
        0, 0, platform::ServiceSetting::Replicas, QStringLiteral("7"));
    QVERIFY2(edited.has_value(), qPrintable(edited ? QString() : edited.error().toString()));
    QVERIFY(save->isEnabled());
    pressCtrl(Qt::Key_K);
    bool saveListed = false;
    for (const PaletteEntry &e : m_palette->model()->entries())
        saveListed = saveListed || e.text == QStringLiteral("File ▸ Save");
    QVERIFY(saveListed);
}

void TestCommandPalette::listsServicesOverlaysDevelopersTeamsFilesOfBothRepositoriesAndRules()
{
    pressCtrl(Qt::Key_K);
    QHash<PaletteEntry::Kind, QStringList> byKind;
    for (const PaletteEntry &e : m_palette->model()->entries())
        byKind[e.kind] << e.text;
    const platform::Catalog &c = m_context->session()->catalog();
    QStringList services, developers, teams;
    int environments = 0;
    for (const auto &s : c.services) {
        services << s.name;
        environments += int(s.environments.size());
    }
    for (const auto &d : c.developers)
        developers << d.key;
    for (const auto &t : c.teams)
        teams << t.name;
    QCOMPARE(byKind.value(PaletteEntry::Kind::Service), services);
    QCOMPARE(byKind.value(PaletteEntry::Kind::Overlay).size(), environments);
    QCOMPARE(byKind.value(PaletteEntry::Kind::Developer), developers);
    QCOMPARE(byKind.value(PaletteEntry::Kind::Team), teams);
    QCOMPARE(byKind.value(PaletteEntry::Kind::Rule).size(), platform::ruleCatalog().size());
    const QStringList files = byKind.value(PaletteEntry::Kind::File);
    QVERIFY(files.contains(QStringLiteral("accounts/developers.auto.tfvars")));
    QVERIFY(files.contains(QStringLiteral("manifests/services/payment-api/base/deployment.yaml")));
    // With no pattern, everything is shown.
    QCOMPARE(m_palette->model()->rowCount(), m_palette->model()->entries().size());
}

void TestCommandPalette::typingRanksFuzzyMatches()
{
    pressCtrl(Qt::Key_K);
    QTest::keyClicks(m_palette->lineEdit(), QStringLiteral("pa prd"));
    QCOMPARE(m_palette->model()->index(0, 0).data().toString(),
             QStringLiteral("payment-api ▸ prd"));
    QCOMPARE(m_palette->list()->currentIndex().row(), 0); // the best match is the current row
    m_palette->lineEdit()->clear();
    QTest::keyClicks(m_palette->lineEdit(), QStringLiteral("deploy"));
    const QString first = m_palette->model()->index(0, 0).data().toString();
    QVERIFY2(first.endsWith(QStringLiteral("/deployment.yaml")), qPrintable(first));
}

void TestCommandPalette::ctrlPListsOnlyFiles()
{
    pressCtrl(Qt::Key_P);
    QVERIFY(m_palette->isVisible());
    QCOMPARE(m_palette->model()->scope(), PaletteModel::Scope::FilesOnly);
    QVERIFY(m_palette->model()->rowCount() > 20);
    for (int r = 0; r < m_palette->model()->rowCount(); ++r)
        QCOMPARE(m_palette->model()->index(r, 0).data(PaletteModel::KindRole).toInt(),
                 int(PaletteEntry::Kind::File));
    QTest::keyClicks(m_palette->lineEdit(), QStringLiteral("pa prd"));
    // payment-api's prd overlay files (and its Argo CD application, payment-api-prd.yaml)
    // come first; the other services' prd overlays after them.
    QStringList top;
    for (int r = 0; r < 4; ++r)
        top << m_palette->model()->index(r, 0).data().toString();
    QVERIFY2(top.contains(
                 QStringLiteral("manifests/services/payment-api/overlays/prd/kustomization.yaml")),
             qPrintable(top.join(QLatin1Char('\n'))));
    for (const QString &file : std::as_const(top))
        QVERIFY2(file.contains(QStringLiteral("payment-api")), qPrintable(file));
    // Ctrl+K afterwards lists everything again.
    QTest::keyClick(m_palette->lineEdit(), Qt::Key_Escape);
    pressCtrl(Qt::Key_K);
    QCOMPARE(m_palette->model()->scope(), PaletteModel::Scope::Everything);
}

void TestCommandPalette::enterActivates_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("entry");
    QTest::newRow("a menu action runs")
        << "group namespace" << QStringLiteral("View ▸ Group Catalog by Namespace");
    QTest::newRow("a service is selected") << "fraud" << QStringLiteral("fraud-detector");
    QTest::newRow("an overlay opens its kustomization")
        << "pa prd" << QStringLiteral("payment-api ▸ prd");
    QTest::newRow("a developer is selected") << "hnakamura" << QStringLiteral("hnakamura");
    QTest::newRow("a team is selected") << "payments" << QStringLiteral("@demo-org/payments");
    QTest::newRow("a file opens") << "pa base deploy"
                                  << QStringLiteral(
                                         "manifests/services/payment-api/base/deployment.yaml");
    QTest::newRow("a rule shows its findings")
        << "latest tag" << QStringLiteral("image/latest-tag");
}

void TestCommandPalette::enterActivates()
{
    QFETCH(QString, pattern);
    QFETCH(QString, entry);
    pressCtrl(Qt::Key_K);
    QTest::keyClicks(m_palette->lineEdit(), pattern);
    const int row = rowOf(entry);
    QVERIFY2(row >= 0, qPrintable(entry + QStringLiteral(" is not listed")));
    m_palette->list()->setCurrentIndex(m_palette->model()->index(row, 0));
    const PaletteEntry picked = m_palette->model()->entry(row);
    QSignalSpy activated(m_palette, &ui::CommandPalette::activated);
    QTest::keyClick(m_palette->lineEdit(), Qt::Key_Return);
    QCOMPARE(activated.size(), 1);
    QVERIFY(!m_palette->isVisible());

    const QString manifests = m_context->session()->catalog().manifestsRoot;
    switch (picked.kind) {
    case PaletteEntry::Kind::Action: {
        QAction *group = nullptr;
        for (QAction *a : m_window->menu(ui::MainWindow::Menu::View)->actions())
            group =
                a->text().remove(QLatin1Char('&')) == QStringLiteral("Group Catalog by Namespace")
                    ? a
                    : group;
        QVERIFY(group);
        QVERIFY(group->isChecked()); // it ran
        group->trigger();            // back to teams first, for the next cases
        break;
    }
    case PaletteEntry::Kind::Service:
        QCOMPARE(m_window->catalogTree()
                     ->currentIndex()
                     .data(items::CatalogTreeModel::ServiceRole)
                     .toString(),
                 entry);
        break;
    case PaletteEntry::Kind::Overlay:
        QCOMPARE(m_window->catalogTree()
                     ->currentIndex()
                     .data(items::CatalogTreeModel::ServiceRole)
                     .toString(),
                 QStringLiteral("payment-api"));
        QCOMPARE(m_window->sourceEditor()->currentFile(),
                 QDir(manifests).filePath(
                     QStringLiteral("services/payment-api/overlays/prd/kustomization.yaml")));
        break;
    case PaletteEntry::Kind::Developer:
        QCOMPARE(m_window->developersTable()
                     ->currentIndex()
                     .data(items::DevelopersModel::KeyRole)
                     .toString(),
                 entry);
        break;
    case PaletteEntry::Kind::Team:
        QCOMPARE(m_window->catalogTree()->currentIndex().data().toString(), entry);
        break;
    case PaletteEntry::Kind::File:
        QCOMPARE(
            m_window->sourceEditor()->currentFile(),
            QDir(manifests).filePath(QStringLiteral("services/payment-api/base/deployment.yaml")));
        break;
    case PaletteEntry::Kind::Rule: {
        auto *rules = m_context->findChild<app::RulesController *>();
        QVERIFY(rules);
        ui::FindingsPanel *panel = rules->findingsPanel();
        QVERIFY(panel->isVisible());
        bool filtered = false;
        for (QComboBox *box : panel->findChildren<QComboBox *>())
            filtered = filtered || box->currentData().toString() == entry;
        QVERIFY(filtered);
        for (int r = 0; r < panel->proxy()->rowCount(); ++r)
            QCOMPARE(panel->proxy()->index(r, 0).data(items::FindingsModel::RuleRole).toString(),
                     entry);
        break;
    }
    }
}

void TestCommandPalette::noMatchSaysSo()
{
    pressCtrl(Qt::Key_K);
    QTest::keyClicks(m_palette->lineEdit(), QStringLiteral("qqqzzzxxj"));
    QCOMPARE(m_palette->model()->rowCount(), 0);
    QVERIFY(m_palette->noMatchesLabel()->isVisible());
    QCOMPARE(m_palette->noMatchesLabel()->text(), QStringLiteral("No matches"));
    QVERIFY(!m_palette->list()->isVisible());
    // Enter picks nothing and leaves the palette open for another try.
    QSignalSpy activated(m_palette, &ui::CommandPalette::activated);
    QTest::keyClick(m_palette->lineEdit(), Qt::Key_Return);
    QCOMPARE(activated.size(), 0);
    QVERIFY(m_palette->isVisible());
    QTest::keyClick(m_palette->lineEdit(), Qt::Key_Backspace);
    QTest::keyClick(m_palette->lineEdit(), Qt::Key_Backspace);
    m_palette->lineEdit()->clear();
    QVERIFY(!m_palette->noMatchesLabel()->isVisible());
    QVERIFY(m_palette->list()->isVisible());
}

void TestCommandPalette::escapeGivesTheFocusBack_data()
{
    QTest::addColumn<QString>("where");
    QTest::newRow("from the catalog tree") << "tree";
    QTest::newRow("from the catalog's filter box") << "filter";
    QTest::newRow("from the developers table") << "developers";
}

void TestCommandPalette::escapeGivesTheFocusBack()
{
    QFETCH(QString, where);
    QWidget *start =
        where == QLatin1String("tree")     ? static_cast<QWidget *>(m_window->catalogTree())
        : where == QLatin1String("filter") ? static_cast<QWidget *>(m_window->filterBox())
                                           : m_window->developersTable();
    if (where == QLatin1String("developers")) {
        auto *tabs = m_window->findChild<QTabWidget *>();
        QVERIFY(tabs);
        tabs->setCurrentWidget(m_window->developersTable());
    }
    start->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), start);
    for (Qt::Key key : {Qt::Key_K, Qt::Key_P}) {
        pressCtrl(key);
        QVERIFY(m_palette->isVisible());
        QCOMPARE(QApplication::focusWidget(), m_palette->lineEdit());
        QTest::keyClicks(m_palette->lineEdit(), QStringLiteral("pay"));
        QTest::keyClick(m_palette->lineEdit(), Qt::Key_Escape);
        QVERIFY(!m_palette->isVisible());
        QCOMPARE(QApplication::focusWidget(), start);
    }
}

void TestCommandPalette::keysMoveTheSelectionWhileTheFocusStaysInTheLineEdit()
{
    pressCtrl(Qt::Key_K);
    QListView *list = m_palette->list();
    QLineEdit *edit = m_palette->lineEdit();
    QVERIFY(m_palette->model()->rowCount() > 40);
    QCOMPARE(list->currentIndex().row(), 0);
    QTest::keyClick(edit, Qt::Key_Down);
    QCOMPARE(list->currentIndex().row(), 1);
    QTest::keyClick(edit, Qt::Key_Down);
    QCOMPARE(list->currentIndex().row(), 2);
    QTest::keyClick(edit, Qt::Key_Up);
    QCOMPARE(list->currentIndex().row(), 1);
    QTest::keyClick(edit, Qt::Key_PageDown);
    const int paged = list->currentIndex().row();
    QVERIFY2(paged > 3, qPrintable(QString::number(paged))); // a page, not a row
    QTest::keyClick(edit, Qt::Key_PageUp);
    QVERIFY(list->currentIndex().row() < paged);
    QCOMPARE(QApplication::focusWidget(), edit);
    QTest::keyClicks(edit, QStringLiteral("x"));
    QCOMPARE(edit->text(), QStringLiteral("x")); // typing still goes into the line edit
    // Enter picks the row moved to.
    QTest::keyClick(edit, Qt::Key_Down);
    const PaletteEntry second = m_palette->model()->entry(list->currentIndex().row());
    QSignalSpy activated(m_palette, &ui::CommandPalette::activated);
    QTest::keyClick(edit, Qt::Key_Enter);
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.first().first().value<PaletteEntry>().text, second.text);
}

void TestCommandPalette::aClickPicksTheRow()
{
    pressCtrl(Qt::Key_P);
    QTest::keyClicks(m_palette->lineEdit(), QStringLiteral("deploy"));
    QListView *list = m_palette->list();
    QVERIFY(m_palette->model()->rowCount() > 2);
    const QModelIndex third = m_palette->model()->index(2, 0);
    const QString file = third.data(PaletteModel::TargetRole).toString();
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(third).center());
    QVERIFY(!m_palette->isVisible());
    QCOMPARE(m_window->sourceEditor()->currentFile(), file);
}

void TestCommandPalette::focusGoingElsewhereClosesIt()
{
    pressCtrl(Qt::Key_K);
    QVERIFY(m_palette->isVisible());
    m_window->filterBox()->setFocus(Qt::MouseFocusReason); // as a click there would
    QVERIFY(!m_palette->isVisible());
    QCOMPARE(QApplication::focusWidget(), m_window->filterBox());
}

QTEST_MAIN(TestCommandPalette)
#include "tst_commandpalette.moc"
