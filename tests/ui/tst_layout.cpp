// The window's layout stays where it is (issue 19): clicking through the panels (services,
// developers, a file, a diff line, a finding, the review queue) changes no dock's size at
// 1600x1000 and 1280x720; every dock shows at least ten lines of its content; View ▸ Reset
// Layout goes back to the layout of the first show. Also the services table's frozen first
// column, its live preview while typing, and the tool bar buttons' fixed widths.

#include "app/appcontext.h"
#include "app/controllers.h"
#include "items/servicesmodel.h"
#include "platform/demoworkspace.h"
#include "platform/livediff.h"
#include "platform/session.h"
#include "tests/testsupport/testutil.h"
#include "ui/diff/diffpanel.h"
#include "ui/editor/sourceeditor.h"
#include "ui/main/mainwindow.h"
#include "ui/main/tableview.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>

using namespace kanri;

namespace {

QAction *findAction(QMainWindow *window, const QString &objectName)
{
    for (QAction *a : window->findChildren<QAction *>())
        if (a->objectName() == objectName)
            return a;
    return nullptr;
}

QMap<QString, QSize> dockSizes(QMainWindow *window)
{
    QMap<QString, QSize> sizes;
    // A dock behind another one's tab is "visible" with a size it never had on screen.
    for (QDockWidget *dock : window->findChildren<QDockWidget *>())
        if (dock->isVisible() && !dock->visibleRegion().isEmpty())
            sizes.insert(dock->objectName(), dock->size());
    return sizes;
}

QString describe(const QMap<QString, QSize> &sizes)
{
    QStringList out;
    for (auto it = sizes.cbegin(); it != sizes.cend(); ++it)
        out << QStringLiteral("%1 %2x%3")
                   .arg(it.key())
                   .arg(it.value().width())
                   .arg(it.value().height());
    return out.join(QStringLiteral(", "));
}

// The docks that were visible before and are now have the same sizes.
QString changedDocks(const QMap<QString, QSize> &before, const QMap<QString, QSize> &after)
{
    QStringList changed;
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        if (after.contains(it.key()) && after.value(it.key()) != it.value())
            changed << QStringLiteral("%1: %2x%3 -> %4x%5")
                           .arg(it.key())
                           .arg(it.value().width())
                           .arg(it.value().height())
                           .arg(after.value(it.key()).width())
                           .arg(after.value(it.key()).height());
    }
    return changed.join(QStringLiteral("; "));
}

} // namespace

class TestLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void clickingThroughPanelsMovesNoDock_data();
    void clickingThroughPanelsMovesNoDock();
    void resetLayoutRestoresTheDefault();
    void serviceColumnStaysWhileScrollingSideways();
    void typingInACellPreviewsTheDiffAndCommitsOneStep();
    void escapeRevertsThePreview();
    void toolBarButtonsKeepTheirWidth();
    void allEnvironmentsReadsAsAToggle();

private:
    void open(QSize size);
    QDockWidget *dock(const QString &name) const;
    void settle();

    QTemporaryDir m_tmp;
    int m_case = 0;
    QString m_ws;
    std::unique_ptr<ui::MainWindow> m_window;
    std::unique_ptr<app::AppContext> m_context;
};

void TestLayout::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                       m_tmp.filePath(QStringLiteral("settings")));
    QCoreApplication::setOrganizationName(QStringLiteral("KanriTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_layout"));
}

void TestLayout::init()
{
    m_ws = m_tmp.filePath(QStringLiteral("case%1/ws").arg(++m_case));
    auto ws = platform::materialiseDemo(QStringLiteral(":/demo"), m_ws);
    QVERIFY2(ws.has_value(), qPrintable(ws ? QString() : ws.error().toString()));
}

void TestLayout::cleanup()
{
    if (m_context && m_context->session())
        m_context->session()->revert();
    m_context.reset();
    m_window.reset();
}

void TestLayout::open(QSize size)
{
    m_window = std::make_unique<ui::MainWindow>();
    m_context = std::make_unique<app::AppContext>(m_window.get());
    m_context->setWorkingOffline(true); // the review queue asks GitHub nothing
    app::installControllers(m_context.get());
    QVERIFY(m_context->load(m_ws));
    m_window->resize(size);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    settle();
}

QDockWidget *TestLayout::dock(const QString &name) const
{
    for (QDockWidget *d : m_window->findChildren<QDockWidget *>())
        if (d->objectName() == name)
            return d;
    return nullptr;
}

// For a failure's message: each dock's minimum.
[[maybe_unused]] QString minimums(QMainWindow *window)
{
    QStringList out;
    for (QDockWidget *d : window->findChildren<QDockWidget *>())
        if (d->widget())
            out << QStringLiteral("%1 min %2x%3")
                       .arg(d->objectName())
                       .arg(d->widget()->minimumWidth())
                       .arg(d->widget()->minimumHeight());
    return out.join(QStringLiteral(", "));
}

void TestLayout::settle()
{
    for (int i = 0; i < 5; ++i) {
        QApplication::processEvents();
        QTest::qWait(20);
    }
    QTRY_VERIFY_WITH_TIMEOUT(!m_context->isBusy(), 20000);
    QApplication::processEvents();
}

void TestLayout::clickingThroughPanelsMovesNoDock_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("a 1600x1000 window") << QSize(1600, 1000);
    QTest::newRow("a 1280x720 window") << QSize(1280, 720);
}

void TestLayout::clickingThroughPanelsMovesNoDock()
{
    QFETCH(QSize, size);
    open(size);
    QVERIFY2(m_window->size() == size, qPrintable(minimums(m_window.get()))); // minimums fit
    const QMap<QString, QSize> start = dockSizes(m_window.get());
    QVERIFY(start.contains(QStringLiteral("DiffDock")));
    QVERIFY(start.contains(QStringLiteral("CatalogDock")));
    auto *tabs = qobject_cast<QTabWidget *>(m_window->centralWidget());
    QVERIFY(tabs);
    QStringList moved;
    auto check = [&](const QString &step) {
        settle();
        const QString changed = changedDocks(start, dockSizes(m_window.get()));
        if (!changed.isEmpty())
            moved << step + QStringLiteral(": ") + changed;
    };

    // A service: a click on its row, then on a prd cell far to the right.
    QTableView *services = m_window->servicesTable();
    tabs->setCurrentWidget(services);
    const int row = 5;
    QTest::mouseClick(services->viewport(), Qt::LeftButton, {},
                      services->visualRect(services->model()->index(row, 1)).center());
    check(QStringLiteral("a service"));
    const QModelIndex far = services->model()->index(row, services->model()->columnCount() - 1);
    services->scrollTo(far);
    QTest::mouseClick(services->viewport(), Qt::LeftButton, {}, services->visualRect(far).center());
    check(QStringLiteral("a prd cell"));

    // A developer: the entry form fills in.
    QTableView *developers = m_window->developersTable();
    tabs->setCurrentWidget(developers);
    settle();
    QTest::mouseClick(developers->viewport(), Qt::LeftButton, {},
                      developers->visualRect(developers->model()->index(0, 1)).center());
    check(QStringLiteral("a developer"));
    QTest::mouseClick(developers->viewport(), Qt::LeftButton, {},
                      developers->visualRect(developers->model()->index(3, 2)).center());
    check(QStringLiteral("another developer"));

    // A file in the source editor.
    m_window->revealLocation(QStringLiteral("services/payment-api/overlays/prd/kustomization.yaml"),
                             3, 1);
    check(QStringLiteral("a file"));

    // A line of the rendered diff (an edit first, so there is one).
    m_window->selectService(QStringLiteral("payment-api"));
    items::ServicesModel *model = m_window->servicesModel();
    const int paymentRow = model->rowOf(QStringLiteral("payment-api"));
    QVERIFY(
        model->setData(model->index(paymentRow, model->column(QStringLiteral("prd"),
                                                              platform::ServiceSetting::Replicas)),
                       QStringLiteral("9")));
    QSignalSpy diffed(m_window->liveDiff(), &platform::LiveDiff::updated);
    QVERIFY(diffed.wait(20000));
    settle();
    auto *unified = m_window->diffPanel()->findChild<QPlainTextEdit *>();
    QVERIFY(unified);
    QTextBlock changedLine;
    for (QTextBlock b = unified->document()->begin(); b.isValid(); b = b.next())
        if (b.text().startsWith(QLatin1Char('+')) && b.text().contains(QLatin1String("replicas")))
            changedLine = b;
    QVERIFY2(changedLine.isValid(), qPrintable(unified->toPlainText()));
    QTextCursor cursor(changedLine);
    unified->setTextCursor(cursor);
    unified->ensureCursorVisible();
    QTest::mouseDClick(unified->viewport(), Qt::LeftButton, {},
                       unified->cursorRect(cursor).center());
    check(QStringLiteral("a diff line"));
    QVERIFY(m_window->sourceEditor()->isVisible());

    // A finding.
    QDockWidget *findings = dock(QStringLiteral("findings"));
    QVERIFY(findings);
    auto *findingsView = findings->findChild<QTreeView *>();
    QVERIFY(findingsView);
    QTRY_VERIFY_WITH_TIMEOUT(findingsView->model()->rowCount() > 0, 20000);
    const QModelIndex finding = findingsView->model()->index(0, 1);
    QTest::mouseDClick(findingsView->viewport(), Qt::LeftButton, {},
                       findingsView->visualRect(finding).center());
    check(QStringLiteral("a finding"));

    // The review queue.
    QDockWidget *queue = dock(QStringLiteral("PullRequestQueueDock"));
    QVERIFY(queue);
    queue->toggleViewAction()->trigger();
    queue->raise();
    check(QStringLiteral("the review queue"));
    QVERIFY2(moved.isEmpty(),
             qPrintable(moved.join(QLatin1Char('\n')) + QStringLiteral("\nat ") + describe(start)));

    // Every visible dock shows at least ten lines of its main view.
    QStringList small;
    for (QDockWidget *d : m_window->findChildren<QDockWidget *>()) {
        if (!d->isVisible() || d->visibleRegion().isEmpty() || !d->widget())
            continue;
        const QFontMetrics fm(d->widget()->font());
        if (d->widget()->minimumHeight() < 10 * fm.lineSpacing())
            small << QStringLiteral("%1 may shrink to %2 px")
                         .arg(d->objectName())
                         .arg(d->widget()->minimumHeight());
        if (d->widget()->minimumWidth() < 30 * fm.horizontalAdvance(QLatin1Char('x')))
            small << QStringLiteral("%1 may narrow to %2 px")
                         .arg(d->objectName())
                         .arg(d->widget()->minimumWidth());
        // The largest scroll area's viewport: ten lines of text, or ten rows.
        QAbstractScrollArea *main = nullptr;
        for (auto *area : d->widget()->findChildren<QAbstractScrollArea *>())
            if (area->isVisible() && (!main || area->height() > main->height()))
                main = area;
        if (!main)
            continue;
        int line = QFontMetrics(main->font()).lineSpacing();
        if (auto *items = qobject_cast<QAbstractItemView *>(main);
            items && items->model() && items->model()->rowCount() > 0)
            line = std::max(line, items->sizeHintForRow(0));
        if (main->viewport()->height() < 10 * line)
            small << QStringLiteral("%1 shows %2 px of %3 px lines")
                         .arg(d->objectName())
                         .arg(main->viewport()->height())
                         .arg(line);
    }
    QVERIFY2(small.isEmpty(), qPrintable(small.join(QLatin1Char('\n'))));
}

void TestLayout::resetLayoutRestoresTheDefault()
{
    open(QSize(1280, 720));
    const QMap<QString, QSize> start = dockSizes(m_window.get());
    QDockWidget *diff = dock(QStringLiteral("DiffDock"));
    QDockWidget *catalog = dock(QStringLiteral("CatalogDock"));
    QVERIFY(diff && catalog);
    m_window->resizeDocks({catalog}, {catalog->width() + 120}, Qt::Horizontal);
    m_window->resizeDocks({diff}, {diff->height() + 80}, Qt::Vertical);
    dock(QStringLiteral("SourceDock"))->hide();
    settle();
    QVERIFY(!changedDocks(start, dockSizes(m_window.get())).isEmpty());

    QAction *reset = findAction(m_window.get(), QStringLiteral("resetLayoutAction"));
    QVERIFY(reset);
    reset->trigger();
    settle();
    QCOMPARE(describe(dockSizes(m_window.get())), describe(start));

    // A layout saved by an earlier run comes back at the first show, and Reset still knows
    // the default.
    const QByteArray moved = [&] {
        m_window->resizeDocks({catalog}, {catalog->width() + 100}, Qt::Horizontal);
        settle();
        return m_window->saveState();
    }();
    const QMap<QString, QSize> movedSizes = dockSizes(m_window.get());
    m_context.reset();
    m_window.reset();
    m_window = std::make_unique<ui::MainWindow>();
    m_context = std::make_unique<app::AppContext>(m_window.get());
    m_context->setWorkingOffline(true);
    app::installControllers(m_context.get());
    QVERIFY(m_context->load(m_ws));
    m_window->resize(1280, 720);
    m_window->restoreLayout(moved);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    settle();
    QCOMPARE(dockSizes(m_window.get()).value(QStringLiteral("CatalogDock")).width(),
             movedSizes.value(QStringLiteral("CatalogDock")).width());
    findAction(m_window.get(), QStringLiteral("resetLayoutAction"))->trigger();
    settle();
    QCOMPARE(describe(dockSizes(m_window.get())), describe(start));
}

void TestLayout::serviceColumnStaysWhileScrollingSideways()
{
    open(QSize(1280, 720));
    auto *services = qobject_cast<ui::TableView *>(m_window->servicesTable());
    QVERIFY(services);
    QTableView *frozen = services->frozenColumn();
    QVERIFY(frozen);
    QVERIFY(frozen->isVisible());
    // Scrolled to the last (prd) column: the service column is out of the table's own view,
    // and the overlay shows it where it was, row for row.
    const QModelIndex last = services->model()->index(0, services->model()->columnCount() - 1);
    services->scrollTo(last);
    settle();
    QVERIFY(services->horizontalScrollBar()->value() > 0);
    QVERIFY(services->columnViewportPosition(0) < 0);
    QCOMPARE(frozen->geometry().left(), services->frameWidth());
    QCOMPARE(frozen->columnWidth(0), services->columnWidth(0));
    for (int c = 1; c < services->model()->columnCount(); ++c)
        QVERIFY(frozen->isColumnHidden(c));
    QVERIFY(!frozen->isColumnHidden(0));
    // The last column is visible right of the overlay.
    QVERIFY(services->visualRect(last).left() >= frozen->columnWidth(0));
    // Vertical scrolling moves both.
    services->verticalScrollBar()->setValue(services->verticalScrollBar()->maximum());
    settle();
    QCOMPARE(frozen->verticalScrollBar()->value(), services->verticalScrollBar()->value());
    const int y = services->viewport()->height() / 2;
    QCOMPARE(frozen->indexAt(QPoint(5, y)).row(),
             services->indexAt(QPoint(services->viewport()->width() - 5, y)).row());
    // A click on the overlay selects the row in the table (one selection model).
    const QModelIndex shown = frozen->indexAt(QPoint(5, y));
    QTest::mouseClick(frozen->viewport(), Qt::LeftButton, {}, QPoint(5, y));
    QCOMPARE(services->currentIndex().row(), shown.row());
}

void TestLayout::typingInACellPreviewsTheDiffAndCommitsOneStep()
{
    open(QSize(1600, 1000));
    m_window->selectService(QStringLiteral("payment-api"));
    settle();
    auto *services = qobject_cast<ui::TableView *>(m_window->servicesTable());
    items::ServicesModel *model = m_window->servicesModel();
    auto *proxy = static_cast<QSortFilterProxyModel *>(services->model());
    const QModelIndex cell = proxy->mapFromSource(
        model->index(model->rowOf(QStringLiteral("payment-api")),
                     model->column(QStringLiteral("prd"), platform::ServiceSetting::Replicas)));
    const QString before = cell.data(Qt::EditRole).toString();
    QUndoStack *stack = m_context->session()->buffers()->undoStack();
    const int steps = stack->count();
    services->scrollTo(cell);
    services->setCurrentIndex(cell);
    services->edit(cell);
    auto *spin = services->viewport()->findChild<QSpinBox *>();
    QVERIFY(spin);
    QVERIFY(spin->isVisible());
    // Typing 1, 2 (12): the rendered diff shows 12 while the editor is still open.
    spin->selectAll();
    QTest::keyClicks(spin, QStringLiteral("12"));
    QTRY_VERIFY_WITH_TIMEOUT(
        m_window->diffPanel()->unifiedText().contains(QLatin1String("+  replicas: 12")), 5000);
    QVERIFY(services->viewport()->findChild<QSpinBox *>() == spin); // still editing
    QTest::keyClicks(spin, QStringLiteral("3"));
    QTRY_VERIFY_WITH_TIMEOUT(
        m_window->diffPanel()->unifiedText().contains(QLatin1String("+  replicas: 123")), 5000);
    // Enter: one undo step, whatever was previewed.
    QTest::keyClick(spin, Qt::Key_Return);
    settle();
    QCOMPARE(cell.data(Qt::EditRole).toString(), QStringLiteral("123"));
    QCOMPARE(stack->count(), steps + 1);
    QCOMPARE(stack->index(), steps + 1);
    QCOMPARE(stack->undoText(), QStringLiteral("Edit prd replicas of payment-api"));
    stack->undo();
    QTRY_COMPARE_WITH_TIMEOUT(cell.data(Qt::EditRole).toString(), before, 10000);
    QVERIFY(!stack->canUndo() || stack->index() == steps);
}

void TestLayout::escapeRevertsThePreview()
{
    open(QSize(1600, 1000));
    m_window->selectService(QStringLiteral("payment-api"));
    settle();
    auto *services = qobject_cast<ui::TableView *>(m_window->servicesTable());
    items::ServicesModel *model = m_window->servicesModel();
    auto *proxy = static_cast<QSortFilterProxyModel *>(services->model());
    const QModelIndex cell = proxy->mapFromSource(
        model->index(model->rowOf(QStringLiteral("payment-api")),
                     model->column(QStringLiteral("prd"), platform::ServiceSetting::Replicas)));
    const QString before = cell.data(Qt::EditRole).toString();
    QUndoStack *stack = m_context->session()->buffers()->undoStack();
    const int steps = stack->count();
    services->setCurrentIndex(cell);
    services->edit(cell);
    auto *spin = services->viewport()->findChild<QSpinBox *>();
    QVERIFY(spin);
    spin->selectAll();
    QTest::keyClicks(spin, QStringLiteral("7"));
    QTRY_VERIFY_WITH_TIMEOUT(
        m_window->diffPanel()->unifiedText().contains(QLatin1String("+  replicas: 7")), 10000);
    QTest::keyClick(spin, Qt::Key_End);
    QTest::keyClicks(spin, QStringLiteral("4"));
    QCOMPARE(spin->value(), 74);
    // The values rendered from "7" land after "4" was typed: the view is told the cell changed,
    // and what was typed stays in the editor (it went back to 7 before).
    const QModelIndex source = proxy->mapToSource(cell);
    Q_EMIT model->dataChanged(source, source);
    QCOMPARE(spin->value(), 74);
    QTRY_VERIFY_WITH_TIMEOUT(
        m_window->diffPanel()->unifiedText().contains(QLatin1String("+  replicas: 74")), 10000);
    QTest::keyClick(spin, Qt::Key_Escape);
    settle();
    QTRY_COMPARE_WITH_TIMEOUT(cell.data(Qt::EditRole).toString(), before, 10000);
    QCOMPARE(stack->count(), steps);
    QVERIFY(!stack->canRedo());
    QVERIFY(!m_context->session()->buffers()->isModified());
}

void TestLayout::toolBarButtonsKeepTheirWidth()
{
    open(QSize(1280, 720));
    QToolBar *bar = m_window->mainToolBar();
    QAction *all = m_window->findChild<QAction *>(QStringLiteral("allEnvironmentsAction"));
    QVERIFY(all);
    // The window's own buttons (Save, Undo, Redo, the toggle), and where the next one starts.
    const auto positions = [&] {
        QStringList xs;
        int n = 0;
        for (QAction *a : bar->actions()) {
            QWidget *w = bar->widgetForAction(a);
            if (!w || !w->isVisible())
                continue;
            xs << QStringLiteral("%1 at %2, %3 wide").arg(n).arg(w->x()).arg(w->width());
            if (++n == 5)
                break;
        }
        xs.last() = xs.last().section(QLatin1Char(','), 0, 0);
        return xs;
    };
    const QStringList start = positions();
    // An edit gives Undo a long text; the toggle changes its text.
    items::ServicesModel *model = m_window->servicesModel();
    QVERIFY(model->setData(
        model->index(model->rowOf(QStringLiteral("payment-api")),
                     model->column(QStringLiteral("prd"), platform::ServiceSetting::Replicas)),
        QStringLiteral("9")));
    all->toggle();
    settle();
    QCOMPARE(positions(), start);
    all->toggle();
    settle();
    QCOMPARE(positions(), start);
}

void TestLayout::allEnvironmentsReadsAsAToggle()
{
    open(QSize(1280, 720));
    QAction *all = m_window->findChild<QAction *>(QStringLiteral("allEnvironmentsAction"));
    QVERIFY(all);
    QVERIFY(all->isCheckable());
    QVERIFY(!all->isChecked());
    QVERIFY2(all->text().contains(QStringLiteral("Off")), qPrintable(all->text()));
    QVERIFY(all->toolTip().startsWith(QStringLiteral("Off")));
    all->trigger();
    QVERIFY(all->isChecked());
    QVERIFY2(all->text().contains(QStringLiteral("On")), qPrintable(all->text()));
    QVERIFY(all->toolTip().startsWith(QStringLiteral("On")));
    auto *button = qobject_cast<QToolButton *>(m_window->mainToolBar()->widgetForAction(all));
    QVERIFY(button && button->isCheckable() && button->isChecked());
}

QTEST_MAIN(TestLayout)
#include "tst_layout.moc"
