// The shipped translations: Japanese covers every string of the main window, and the English
// plural forms read as English.
#include "demoworkspace.h"
#include "mainwindow.h"
#include "session.h"

#include <QAction>
#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

using namespace kanri;

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void japaneseMainWindowHasNoEnglishLeft();
    void englishPluralsReadAsEnglish();

private:
    QTemporaryDir m_tmp;
    std::optional<platform::Workspace> m_demo;
};

void TestTranslations::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    auto ws =
        platform::materialiseDemo(QStringLiteral(":/demo"), m_tmp.filePath(QStringLiteral("demo")));
    QVERIFY2(ws.has_value(), qPrintable(ws ? QString() : ws.error().toString()));
    m_demo = *ws;
}

void TestTranslations::japaneseMainWindowHasNoEnglishLeft()
{
    QTranslator ja;
    QVERIFY(ja.load(QLocale(QLocale::Japanese, QLocale::Japan), QStringLiteral("kanri"),
                    QStringLiteral("_"), QStringLiteral(":/i18n")));
    QVERIFY(QCoreApplication::installTranslator(&ja));
    auto session = platform::Session::open(*m_demo);
    QVERIFY(session.has_value());
    {
        ui::MainWindow window;
        window.setSession(session->get());
        QCOMPARE(window.menu(ui::MainWindow::Menu::File)->title(), QStringLiteral("ファイル(&F)"));
        // Every menu, every action in them and every dock title is translated: none is
        // plain ASCII words (shortcut-only or empty texts aside).
        auto isEnglish = [](const QString &text) {
            QString t = text;
            t.remove(QLatin1Char('&'));
            bool letters = false;
            for (QChar c : std::as_const(t)) {
                if (c.unicode() > 0x7f)
                    return false;
                letters = letters || c.isLetter();
            }
            return letters;
        };
        for (QAction *top : window.menuBar()->actions()) {
            QVERIFY2(!isEnglish(top->text()), qPrintable(top->text()));
            for (QAction *a : top->menu()->actions()) {
                if (!a->isSeparator())
                    QVERIFY2(!isEnglish(a->text()), qPrintable(a->text()));
            }
        }
        for (QDockWidget *dock : window.findChildren<QDockWidget *>())
            QVERIFY2(!isEnglish(dock->windowTitle()), qPrintable(dock->windowTitle()));
    }
    QCoreApplication::removeTranslator(&ja);
}

void TestTranslations::englishPluralsReadAsEnglish()
{
    QTranslator en;
    QVERIFY(en.load(QStringLiteral(":/i18n/kanri_en.qm")));
    QVERIFY(QCoreApplication::installTranslator(&en));
    QCOMPARE(ui::MainWindow::tr("%n service(s)", nullptr, 1), QStringLiteral("1 service"));
    QCOMPARE(ui::MainWindow::tr("%n service(s)", nullptr, 12), QStringLiteral("12 services"));
    QCoreApplication::removeTranslator(&en);
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
