// Opening a workspace from the window: AppContext::loadAsync reads the catalog on a worker while
// the window shows progress with Cancel; the session is replaced only when the new one is ready.
#include "app/appcontext.h"
#include "items/servicesmodel.h"
#include "platform/catalog.h"
#include "platform/session.h"
#include "platform/workspace.h"
#include "tests/testsupport/catalogfixture.h"
#include "ui/main/mainwindow.h"

#include <QApplication>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace kanri;

class TestAppLoad : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void asyncLoadShowsProgressThenTheSession();
    void cancelKeepsThePreviousSession();
    void cancelBeforeAnySessionLeavesTheEmptyWindow();
    void brokenWorkspaceReportsTheErrorAndKeepsThePreviousSession_data();
    void brokenWorkspaceReportsTheErrorAndKeepsThePreviousSession();
    void twoLoadsInARowEndWithTheSecondsSession();
    void synchronousLoadDropsTheLoadInProgress();
    void windowAnswersWhileTheCatalogLoads();

private:
    // Closes the message boxes the context shows, remembering their text.
    void acceptMessageBoxes();
    QString dirOf(const platform::Session *session) const;

    QTemporaryDir m_tmp;
    QString m_small, m_large;
    std::unique_ptr<ui::MainWindow> m_window;
    std::unique_ptr<app::AppContext> m_context;
    QStringList m_messages;
    QTimer m_boxCloser;
};

void TestAppLoad::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // the context remembers the last workspace
    qRegisterMetaType<platform::Session *>();
    QVERIFY(m_tmp.isValid());
    m_small = m_tmp.filePath(QStringLiteral("small"));
    m_large = m_tmp.filePath(QStringLiteral("large"));
    test::FixtureOptions small;
    small.services = 3;
    QVERIFY(test::writeWorkspace(m_small, small));
    test::FixtureOptions large;
    large.services = 300;
    large.developers = 500;
    QVERIFY(test::writeWorkspace(m_large, large));
    connect(&m_boxCloser, &QTimer::timeout, this, &TestAppLoad::acceptMessageBoxes);
    m_boxCloser.start(20);
}

void TestAppLoad::init()
{
    m_messages.clear();
    m_window = std::make_unique<ui::MainWindow>();
    m_context = std::make_unique<app::AppContext>(m_window.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestAppLoad::cleanup()
{
    m_context.reset(); // waits for a worker still reading
    m_window.reset();
}

void TestAppLoad::acceptMessageBoxes()
{
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (auto *box = qobject_cast<QMessageBox *>(w); box && box->isVisible()) {
            m_messages << box->text();
            box->done(QMessageBox::Ok);
        }
    }
}

QString TestAppLoad::dirOf(const platform::Session *session) const
{
    return session ? QDir(session->catalog().workspace.dir).absolutePath() : QString();
}

void TestAppLoad::asyncLoadShowsProgressThenTheSession()
{
    QSignalSpy finished(m_context.get(), &app::AppContext::loadFinished);
    // What the progress line says when the window is being rebuilt for the new session.
    QString labelAtSwitch;
    const QMetaObject::Connection switching =
        connect(m_context.get(), &app::AppContext::sessionChanged, this, [&](platform::Session *s) {
            if (!s)
                labelAtSwitch = m_window->loadProgressLabel()->text();
        });
    // The context's destruction announces the session's end too: not into this frame.
    const auto disconnect = qScopeGuard([switching] { QObject::disconnect(switching); });
    m_context->loadAsync(m_large);
    QVERIFY(m_context->isLoading());
    QVERIFY(m_window->loadProgress()->isVisible());
    QVERIFY(m_window->loadCancelButton()->isVisible());
    QVERIFY2(m_window->loadProgressLabel()->text().contains(QDir::toNativeSeparators(m_large)),
             qPrintable(m_window->loadProgressLabel()->text()));
    QVERIFY(m_context->session() == nullptr); // nothing is replaced yet

    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().toBool(), true);
    QVERIFY(m_context->session() != nullptr);
    QCOMPARE(dirOf(m_context->session()), QDir(m_large).absolutePath());
    QCOMPARE(m_window->session(), m_context->session());
    QCOMPARE(m_window->servicesModel()->rowCount(), 300);
    QVERIFY2(labelAtSwitch.contains(QStringLiteral("300 service")), qPrintable(labelAtSwitch));
    QVERIFY(!m_context->isLoading());
    QVERIFY(!m_window->loadProgress()->isVisible());
    QVERIFY(m_messages.isEmpty());
}

void TestAppLoad::cancelKeepsThePreviousSession()
{
    QVERIFY(m_context->load(m_small));
    platform::Session *before = m_context->session();
    QSignalSpy sessions(m_context.get(), &app::AppContext::sessionChanged);
    QSignalSpy finished(m_context.get(), &app::AppContext::loadFinished);

    m_context->loadAsync(m_large);
    QVERIFY(m_window->loadProgress()->isVisible());
    QTest::mouseClick(m_window->loadCancelButton(), Qt::LeftButton);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY(!m_context->isLoading());
    QVERIFY(!m_window->loadProgress()->isVisible());

    // The worker still finishes its catalog; nothing of it lands.
    QTest::qWait(1500);
    QCOMPARE(m_context->session(), before);
    QCOMPARE(m_window->session(), before);
    QCOMPARE(dirOf(before), QDir(m_small).absolutePath());
    QCOMPARE(sessions.size(), 0);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(m_window->servicesModel()->rowCount(), 3);
}

void TestAppLoad::cancelBeforeAnySessionLeavesTheEmptyWindow()
{
    QSignalSpy finished(m_context.get(), &app::AppContext::loadFinished);
    m_context->loadAsync(m_large);
    m_context->cancelLoad();
    QCOMPARE(finished.size(), 1);
    QTest::qWait(1500);
    QVERIFY(m_context->session() == nullptr);
    QVERIFY(m_window->session() == nullptr);
    QVERIFY(!m_window->loadProgress()->isVisible());
    QCOMPARE(finished.size(), 1);
}

void TestAppLoad::brokenWorkspaceReportsTheErrorAndKeepsThePreviousSession_data()
{
    QTest::addColumn<QByteArray>("workspaceYaml");
    QTest::addColumn<QString>("expected");
    QTest::newRow("a folder with files but no workspace.yaml is refused")
        << QByteArray() << QStringLiteral("workspace.yaml");
    QTest::newRow("a workspace.yaml that does not parse is refused")
        << QByteArray("name: [broken\nrepositories: {\n") << QStringLiteral("workspace.yaml");
}

void TestAppLoad::brokenWorkspaceReportsTheErrorAndKeepsThePreviousSession()
{
    QFETCH(QByteArray, workspaceYaml);
    QFETCH(QString, expected);
    QTemporaryDir broken;
    QVERIFY(test::writeText(broken.filePath(QStringLiteral("notes.txt")), "not a workspace\n"));
    if (!workspaceYaml.isEmpty())
        QVERIFY(test::writeText(broken.filePath(QStringLiteral("workspace.yaml")), workspaceYaml));

    QVERIFY(m_context->load(m_small));
    platform::Session *before = m_context->session();
    QSignalSpy sessions(m_context.get(), &app::AppContext::sessionChanged);
    QSignalSpy finished(m_context.get(), &app::AppContext::loadFinished);
    m_context->loadAsync(broken.path());
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.first().first().toBool(), false);
    QTRY_COMPARE(m_messages.size(), 1);
    QVERIFY2(m_messages.first().contains(expected), qPrintable(m_messages.first()));
    QCOMPARE(m_context->session(), before);
    QCOMPARE(m_window->session(), before);
    QCOMPARE(sessions.size(), 0);
    QVERIFY(!m_window->loadProgress()->isVisible());
}

void TestAppLoad::twoLoadsInARowEndWithTheSecondsSession()
{
    QSignalSpy finished(m_context.get(), &app::AppContext::loadFinished);
    QSignalSpy sessions(m_context.get(), &app::AppContext::sessionChanged);
    m_context->loadAsync(m_large);
    m_context->loadAsync(m_small);
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().first().toBool(), true);
    QCOMPARE(dirOf(m_context->session()), QDir(m_small).absolutePath());
    // The first worker ends later; its catalog is dropped.
    QTest::qWait(1500);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(sessions.size(), 2); // nullptr, then the second load's session
    QCOMPARE(dirOf(m_context->session()), QDir(m_small).absolutePath());
    QCOMPARE(m_window->servicesModel()->rowCount(), 3);

    // And the other way round, over an open session.
    finished.clear();
    m_context->loadAsync(m_small);
    m_context->loadAsync(m_large);
    QVERIFY(finished.wait(60000));
    QTest::qWait(500);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(dirOf(m_context->session()), QDir(m_large).absolutePath());
    QCOMPARE(m_window->servicesModel()->rowCount(), 300);
}

void TestAppLoad::synchronousLoadDropsTheLoadInProgress()
{
    QSignalSpy finished(m_context.get(), &app::AppContext::loadFinished);
    m_context->loadAsync(m_large);
    QVERIFY(m_context->load(m_small));
    QVERIFY(!m_context->isLoading());
    QVERIFY(!m_window->loadProgress()->isVisible());
    QTest::qWait(1500);
    QCOMPARE(dirOf(m_context->session()), QDir(m_small).absolutePath());
    QCOMPARE(finished.size(), 0);
}

void TestAppLoad::windowAnswersWhileTheCatalogLoads()
{
    // The GUI thread keeps turning its event loop while the worker reads: a timer fires.
    QSignalSpy finished(m_context.get(), &app::AppContext::loadFinished);
    int ticks = 0;
    QTimer tick;
    connect(&tick, &QTimer::timeout, this, [&] {
        if (m_context->isLoading() && !m_context->session())
            ++ticks;
    });
    tick.start(1);
    m_context->loadAsync(m_large);
    QVERIFY(finished.wait(60000));
    QVERIFY2(ticks > 1, qPrintable(QString::number(ticks)));
    QVERIFY(m_context->session() != nullptr);
}

QTEST_MAIN(TestAppLoad)
#include "tst_appload.moc"
