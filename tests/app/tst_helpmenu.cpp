// Help ▸ Open Log Folder and Help ▸ About Kanri as the application installs them
// (app/helpcontroller), and the views of --screenshot --view as the help table lists them.
#include "app/appcontext.h"
#include "app/cli/help.h"
#include "app/controllers.h"
#include "app/logging/buildinfo.h"
#include "ui/main/aboutdialog.h"
#include "ui/main/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>
#include <QUrl>

using namespace kanri;

// Receives the URLs QDesktopServices would open.
class UrlCatcher : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> urls;

public Q_SLOTS:
    void open(const QUrl &url) { urls << url; }
};

class TestHelpMenu : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void helpMenuHasLogFolderAndAbout();
    void aboutShowsTheBuildAndWhereFilesLive();
    void openLogFolderMakesAndOpensThePrivateFolder();
    void viewsAreThoseTheHelpTableLists();

private:
    QAction *action(const QString &objectName) const;

    std::unique_ptr<ui::MainWindow> m_window;
    std::unique_ptr<app::AppContext> m_context;
    UrlCatcher m_catcher;
};

void TestHelpMenu::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("Kanri"));
    QCoreApplication::setApplicationName(QStringLiteral("kanri-test-helpmenu"));
    QDesktopServices::setUrlHandler(QStringLiteral("file"), &m_catcher, "open");
}

void TestHelpMenu::init()
{
    m_window = std::make_unique<ui::MainWindow>();
    m_context = std::make_unique<app::AppContext>(m_window.get());
    app::installControllers(m_context.get());
}

void TestHelpMenu::cleanup()
{
    m_context.reset();
    m_window.reset();
}

QAction *TestHelpMenu::action(const QString &objectName) const
{
    for (QAction *a : m_window->menu(ui::MainWindow::Menu::Help)->actions())
        if (a->objectName() == objectName)
            return a;
    return nullptr;
}

void TestHelpMenu::helpMenuHasLogFolderAndAbout()
{
    QVERIFY(action(QStringLiteral("keyboardShortcutsAction")));
    QAction *logs = action(QStringLiteral("openLogFolderAction"));
    QAction *about = action(QStringLiteral("aboutAction"));
    QVERIFY(logs && about);
    QCOMPARE(logs->text(), QStringLiteral("Open &Log Folder"));
    QCOMPARE(about->text(), QStringLiteral("&About Kanri"));
    // About comes last, as desktops expect it.
    QCOMPARE(m_window->menu(ui::MainWindow::Menu::Help)->actions().last(), about);
}

void TestHelpMenu::aboutShowsTheBuildAndWhereFilesLive()
{
    action(QStringLiteral("aboutAction"))->trigger();
    auto *dialog = m_window->findChild<ui::AboutDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    const QString text = dialog->details()->text();
    const app::BuildInfo build = app::buildInfo();
    const app::FileLocations files = app::fileLocations();
    for (const QString &part : {build.commit, QString::fromLatin1(qVersion()), build.libgit2,
                                build.yamlCpp, files.settings, files.data, files.logs})
        QVERIFY2(text.contains(part.toHtmlEscaped()),
                 qPrintable(part + QStringLiteral(" not in ") + text));
    QVERIFY(files.logs.startsWith(files.data));
    QVERIFY(files.settings.endsWith(QStringLiteral(".conf")));

    // Its button opens the log folder too.
    m_catcher.urls.clear();
    auto *button = dialog->findChild<QPushButton *>(QStringLiteral("openLogFolderButton"));
    QVERIFY(button);
    button->click();
    QCOMPARE(m_catcher.urls, QList<QUrl>{QUrl::fromLocalFile(files.logs)});
    dialog->close();
}

void TestHelpMenu::openLogFolderMakesAndOpensThePrivateFolder()
{
    const QString logs = app::fileLocations().logs;
    QDir(logs).removeRecursively();
    m_catcher.urls.clear();
    action(QStringLiteral("openLogFolderAction"))->trigger();
    QCOMPARE(m_catcher.urls, QList<QUrl>{QUrl::fromLocalFile(logs)});
    QVERIFY(QFileInfo(logs).isDir());
    QCOMPARE(QFileInfo(logs).permissions() &
                 ~(QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser),
             QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
}

void TestHelpMenu::viewsAreThoseTheHelpTableLists()
{
    // The completions and the man page offer the views of the help table; the window has
    // exactly those.
    QStringList listed;
    for (const char *name : cli::help::viewNames())
        listed << QString::fromLatin1(name);
    QStringList sorted = listed;
    sorted.sort();
    QCOMPARE(listed, sorted);
    QCOMPARE(m_context->viewNames(), listed);
    auto *about = qobject_cast<ui::AboutDialog *>(m_context->openView(QStringLiteral("about")));
    QVERIFY(about);
    about->close();
}

QTEST_MAIN(TestHelpMenu)
#include "tst_helpmenu.moc"
