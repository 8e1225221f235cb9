// The whole window as `kanri` builds it (the application context and every controller):
// quitting with unsaved edits, in process and with the real binary.

#include "appcontext.h"
#include "catalogtreemodel.h"
#include "controllers.h"
#include "demoworkspace.h"
#include "developersmodel.h"
#include "gitcommitdialog.h"
#include "gitcontroller.h"
#include "mainwindow.h"
#include "rulelive.h"
#include "rulescontroller.h"
#include "servicesmodel.h"
#include "session.h"
#include "shortcutsdialog.h"
#include "sourceeditor.h"
#include "tableview.h"
#include "testutil.h"
#include "wizardnewmicroservice.h"
#include "wizardpublishdialog.h"

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
#include <QTimer>
#include <QTreeView>
#include <QTreeWidget>
#include <QtTest>

using namespace kanri;

class TestAppWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void quittingWithUnsavedEditsEndsCleanly_data();
    void quittingWithUnsavedEditsEndsCleanly();
    void screenshotWithAnUnsavedEditExits();

private:
    // The window, the context and every controller, as main() builds them.
    void open(bool screenshot);
    void close();
    // Runs `step` on the next modal dialog that opens (QInputDialog::getItem, a question).
    void onNextModal(std::function<void(QWidget *)> step);

    QTemporaryDir m_tmp;
    int m_case = 0;
    QString m_ws;
    std::unique_ptr<ui::MainWindow> m_window;
    std::unique_ptr<app::AppContext> m_context;
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
    m_context = std::make_unique<app::AppContext>(m_window.get(), screenshot);
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
    auto *timer = new QTimer(this);
    timer->setInterval(20);
    connect(timer, &QTimer::timeout, this, [timer, step] {
        QWidget *modal = QApplication::activeModalWidget();
        if (!modal || !modal->isVisible())
            return;
        timer->stop();
        timer->deleteLater();
        step(modal);
    });
    timer->start();
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
    if (!screenshot) {
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
}

QTEST_MAIN(TestAppWindow)
#include "tst_appwindow.moc"
