// Nothing a user typed is lost, with the window as kanri builds it: edits of a window killed with
// SIGKILL come back at the next start, SIGTERM keeps them, a second Kanri on the same workspace
// is told, a save never overwrites a change another program made (keep mine / take theirs / show
// both), and files other programs change are read again.

#include "app/appcontext.h"
#include "app/controllers.h"
#include "items/servicesmodel.h"
#include "platform/demoworkspace.h"
#include "platform/diskwatcher.h"
#include "platform/editjournal.h"
#include "platform/session.h"
#include "tests/testsupport/modal.h"
#include "tests/testsupport/testutil.h"
#include "ui/main/mainwindow.h"
#include "ui/main/restoreeditsdialog.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <csignal>
#include <functional>

using namespace kanri;

namespace {

const QString overlayFile =
    QStringLiteral("/manifests/services/payment-api/overlays/prd/kustomization.yaml");

QAbstractButton *buttonNamed(QWidget *dialog, const QString &text)
{
    for (QAbstractButton *b : dialog->findChildren<QAbstractButton *>()) {
        QString t = b->text();
        t.remove(QLatin1Char('&'));
        if (t == text)
            return b;
    }
    return nullptr;
}

} // namespace

class TestEditSafety : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void editsOfAKilledWindowAreRestored();
    void sigtermKeepsTheEditsWithoutAsking();
    void secondKanriOnTheWorkspaceIsTold();
    void saveAsksWhenAFileChangedOnDisk_data();
    void saveAsksWhenAFileChangedOnDisk();
    void filesChangedByAnotherProgramAreReadAgain();

private:
    void open();
    // Starts `kanri` on the workspace (offscreen) with `args`, sharing this test's data folder.
    bool startKanri(QProcess &process, const QStringList &args);
    void onNextModal(std::function<void(QWidget *)> step);
    int replicasShown();
    QString journalDir() const { return app::AppContext::journalDirectory(); }

    QTemporaryDir m_tmp;
    QString m_ws;
    int m_case = 0;
    std::unique_ptr<ui::MainWindow> m_window;
    std::unique_ptr<app::AppContext> m_context;
};

void TestEditSafety::initTestCase()
{
    // The kanri processes this test starts and the windows it opens share one data folder
    // (journals and locks): the same XDG folders and the same application name.
    qputenv("XDG_DATA_HOME", m_tmp.filePath(QStringLiteral("data")).toUtf8());
    qputenv("XDG_CONFIG_HOME", m_tmp.filePath(QStringLiteral("config")).toUtf8());
    QCoreApplication::setOrganizationName(QStringLiteral("Kanri"));
    QCoreApplication::setApplicationName(QStringLiteral("kanri"));
    QVERIFY(journalDir().startsWith(m_tmp.path()));
}

void TestEditSafety::init()
{
    m_ws = m_tmp.filePath(QStringLiteral("case%1/ws").arg(++m_case));
    auto ws = platform::materialiseDemo(QStringLiteral(":/demo"), m_ws);
    QVERIFY2(ws.has_value(), qPrintable(ws ? QString() : ws.error().toString()));
}

void TestEditSafety::cleanup()
{
    // A step for a dialog that never came must not answer the next case's.
    for (QTimer *timer : findChildren<QTimer *>())
        delete timer;
    if (m_context && m_context->session())
        m_context->session()->revert();
    m_context.reset();
    m_window.reset();
}

void TestEditSafety::open()
{
    m_window = std::make_unique<ui::MainWindow>();
    m_context = std::make_unique<app::AppContext>(m_window.get());
    app::installControllers(m_context.get());
    QVERIFY(m_context->load(m_ws));
    m_window->resize(1300, 850);
    m_window->show();
}

bool TestEditSafety::startKanri(QProcess &process, const QStringList &args)
{
    const QString kanri = test::kanriBinary();
    if (kanri.isEmpty() || !QFileInfo::exists(kanri)) {
        qWarning("KANRI_BINARY is not set (run through ctest)");
        return false;
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("HOME"), m_tmp.path());
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(kanri, QStringList{QStringLiteral("--workspace"), m_ws} + args);
    return process.waitForStarted();
}

void TestEditSafety::onNextModal(std::function<void(QWidget *)> step)
{
    test::onNextModal(this, std::move(step));
}

int TestEditSafety::replicasShown()
{
    items::ServicesModel *model = m_window->servicesModel();
    const int row = model->rowOf(QStringLiteral("payment-api"));
    const int column = model->column(QStringLiteral("prd"), platform::ServiceSetting::Replicas);
    return model->index(row, column).data().toInt();
}

// SIGKILL gives no chance to save anything: the journal written within a second of the edit is
// all there is, and the next start offers it back.
void TestEditSafety::editsOfAKilledWindowAreRestored()
{
    const QString file = m_ws + overlayFile;
    const QByteArray onDisk = test::readAll(file);
    QProcess kanri;
    QVERIFY(startKanri(kanri, {QStringLiteral("--select"), QStringLiteral("payment-api"),
                               QStringLiteral("--edit"), QStringLiteral("prd.replicas=8")}));
    const QString pattern = platform::workspaceKey(m_ws) + QStringLiteral("-*.json");
    const auto written = [&] {
        const QStringList names = QDir(journalDir()).entryList({pattern}, QDir::Files);
        if (names.isEmpty())
            return QString();
        const QString file = QDir(journalDir()).filePath(names.first());
        const auto journal = platform::EditJournal::read(file);
        return journal && !journal->entries.isEmpty() ? file : QString();
    };
    QTRY_VERIFY_WITH_TIMEOUT(!written().isEmpty(), 60000);
    const QString journal = written();
    QCOMPARE(QFileInfo(journal).permissions() & 0x0777, QFile::ReadUser | QFile::WriteUser);
    ::kill(pid_t(kanri.processId()), SIGKILL);
    QVERIFY(kanri.waitForFinished(10000));
    QCOMPARE(kanri.exitStatus(), QProcess::CrashExit);
    QCOMPARE(test::readAll(file), onDisk); // nothing was saved

    // The next start shows what it would restore, and restores it as unsaved edits.
    QStringList listed;
    QString shownDiff;
    onNextModal([&](QWidget *modal) {
        auto *dialog = qobject_cast<ui::RestoreEditsDialog *>(modal);
        if (!dialog) {
            modal->close();
            return;
        }
        for (int i = 0; i < dialog->fileList()->count(); ++i)
            listed << dialog->fileList()->item(i)->text();
        shownDiff = dialog->diffView()->toPlainText();
        buttonNamed(dialog, QStringLiteral("Restore"))->click();
    });
    open();
    QCOMPARE(listed, QStringList{overlayFile.mid(1)});
    QVERIFY2(shownDiff.contains(QStringLiteral("+")) && shownDiff.contains(QStringLiteral("8")),
             qPrintable(shownDiff));
    platform::EditBuffers *buffers = m_context->session()->buffers();
    QVERIFY(buffers->isModified(file));
    QVERIFY(buffers->read(file)->contains("count: 8"));
    QCOMPARE(test::readAll(file), onDisk);
    QTRY_COMPARE(replicasShown(), 8);
    QVERIFY(!QFileInfo::exists(journal)); // the dead process's journal went...
    QVERIFY(QFileInfo::exists(m_context->journal()->filePath())); // ...into this one's
    // One undo step takes the restored edits back.
    buffers->undoStack()->undo();
    QVERIFY(!buffers->isModified());
}

// SIGTERM (a shutdown, `kill`): the window ends at once without a question, and the journal
// stays for the next start.
void TestEditSafety::sigtermKeepsTheEditsWithoutAsking()
{
    QProcess kanri;
    QVERIFY(startKanri(kanri, {QStringLiteral("--select"), QStringLiteral("payment-api"),
                               QStringLiteral("--edit"), QStringLiteral("prd.replicas=7")}));
    const QString pattern = platform::workspaceKey(m_ws) + QStringLiteral("-*.json");
    QTRY_VERIFY_WITH_TIMEOUT(!QDir(journalDir()).entryList({pattern}, QDir::Files).isEmpty(),
                             60000);
    kanri.terminate();
    QVERIFY2(kanri.waitForFinished(20000), "kanri did not end on SIGTERM");
    QCOMPARE(kanri.exitStatus(), QProcess::NormalExit);
    QCOMPARE(kanri.exitCode(), 128 + SIGTERM);
    const QList<platform::Journal> left = platform::EditJournal::orphans(journalDir(), m_ws);
    QCOMPARE(left.size(), 1);
    QCOMPARE(left.first().entries.size(), 1);
    QVERIFY(left.first().entries.first().content->contains("count: 7"));
    for (const platform::Journal &j : left)
        QFile::remove(j.file);
}

void TestEditSafety::secondKanriOnTheWorkspaceIsTold()
{
    QProcess first;
    QVERIFY(startKanri(first, {}));
    const QString lock =
        QDir(journalDir()).filePath(platform::workspaceKey(m_ws) + QStringLiteral(".lock"));
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(lock), 60000);

    // Told who has it open; Cancel opens nothing.
    QString told;
    onNextModal([&](QWidget *modal) {
        auto *box = qobject_cast<QMessageBox *>(modal);
        told = box ? box->text() : QString();
        if (box)
            box->button(QMessageBox::Cancel)->click();
        else
            modal->close();
    });
    m_window = std::make_unique<ui::MainWindow>();
    m_context = std::make_unique<app::AppContext>(m_window.get());
    m_context->setErrorReporter([](const QString &, const QString &) {});
    QVERIFY(!m_context->load(m_ws));
    QVERIFY2(told.contains(QString::number(first.processId())), qPrintable(told));
    QVERIFY(!m_context->session());
    // Open Anyway opens it.
    onNextModal([&](QWidget *modal) {
        if (QAbstractButton *b = buttonNamed(modal, QStringLiteral("Open Anyway")))
            b->click();
        else
            modal->close();
    });
    QVERIFY(m_context->load(m_ws));
    QVERIFY(m_context->session());
    cleanup();

    // Killed, its lock is stale: the next window opens without a question.
    ::kill(pid_t(first.processId()), SIGKILL);
    QVERIFY(first.waitForFinished(10000));
    QVERIFY(QFileInfo::exists(lock));
    bool asked = false;
    onNextModal([&](QWidget *modal) {
        asked = true;
        modal->close();
    });
    open();
    QVERIFY(!asked);
    QVERIFY(m_context->session());
}

void TestEditSafety::saveAsksWhenAFileChangedOnDisk_data()
{
    QTest::addColumn<QString>("answer");
    QTest::addColumn<int>("savedReplicas"); // 0: nothing written
    QTest::newRow("keep mine writes the edit over the other change") << "Keep Mine" << 8;
    QTest::newRow("take theirs drops the edit and keeps the file") << "Take Theirs" << 5;
    QTest::newRow("show both shows the diff, then cancel saves nothing") << "Show Both" << 0;
}

void TestEditSafety::saveAsksWhenAFileChangedOnDisk()
{
    QFETCH(QString, answer);
    QFETCH(int, savedReplicas);
    open();
    const QString file = m_ws + overlayFile;
    items::ServicesModel *model = m_window->servicesModel();
    const int row = model->rowOf(QStringLiteral("payment-api"));
    const int column = model->column(QStringLiteral("prd"), platform::ServiceSetting::Replicas);
    QVERIFY(model->setData(model->index(row, column), QStringLiteral("8")));
    // Another program sets prd to 5 meanwhile.
    QByteArray theirs = test::readAll(file);
    QVERIFY(theirs.contains("count: 6"));
    theirs.replace("count: 6", "count: 5");
    QVERIFY(test::writeFile(file, theirs));

    QString diff;
    QString text;
    onNextModal([&](QWidget *modal) {
        auto *dialog = qobject_cast<ui::DiskConflictDialog *>(modal);
        if (!dialog) {
            modal->close();
            return;
        }
        for (QLabel *label : dialog->findChildren<QLabel *>())
            text += label->text();
        buttonNamed(dialog, answer)->click();
        if (answer == QStringLiteral("Show Both")) {
            diff = dialog->isVisible() && dialog->diffView()->isVisible()
                       ? dialog->diffView()->toPlainText()
                       : QString();
            dialog->reject();
        }
    });
    QAction *save = nullptr;
    for (QAction *a : m_window->menu(ui::MainWindow::Menu::File)->actions())
        if (a->text() == QStringLiteral("&Save"))
            save = a;
    QVERIFY(save);
    save->trigger();
    QVERIFY2(text.contains(QStringLiteral("changed by another program")), qPrintable(text));
    platform::EditBuffers *buffers = m_context->session()->buffers();
    if (savedReplicas == 0) {
        QVERIFY2(diff.contains(QStringLiteral("-    count: 5")), qPrintable(diff));
        QVERIFY2(diff.contains(QStringLiteral("+    count: 8")), qPrintable(diff));
        QCOMPARE(test::readAll(file), theirs); // nothing written
        QVERIFY(buffers->isModified(file));    // nothing lost
        return;
    }
    QVERIFY(test::readAll(file).contains(QStringLiteral("count: %1").arg(savedReplicas).toUtf8()));
    QVERIFY(!buffers->isModified());
    QTRY_COMPARE(replicasShown(), savedReplicas);
}

void TestEditSafety::filesChangedByAnotherProgramAreReadAgain()
{
    open();
    QTRY_COMPARE(replicasShown(), 6);
    QTRY_VERIFY(m_context->diskWatcher()->isReady());
    const QString file = m_ws + overlayFile;
    QByteArray text = test::readAll(file);
    text.replace("count: 6", "count: 4");
    // As an editor or `git checkout` writes: a new file renamed over the old one.
    QVERIFY(test::writeFile(file + QStringLiteral(".new"), text));
    QVERIFY(QFile::remove(file));
    QVERIFY(QFile::rename(file + QStringLiteral(".new"), file));
    QTRY_COMPARE_WITH_TIMEOUT(replicasShown(), 4, 10000);
    QVERIFY(!m_context->session()->buffers()->isModified());
}

QTEST_MAIN(TestEditSafety)
#include "tst_editsafety.moc"
