// The shipped translations: Japanese covers every string of the main window and every message
// of the .ts source (so a tr() added without its translation fails here once kanri_lupdate has
// run), and the English plural forms read as English.
#include "platform/demoworkspace.h"
#include "platform/session.h"
#include "tests/testsupport/testutil.h"
#include "ui/main/mainwindow.h"

#include <QAction>
#include <QDockWidget>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

#include <expected>
#include <set>

using namespace kanri;

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void japaneseMainWindowHasNoEnglishLeft();
    void japaneseSourceHasEveryMessageTranslated();
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

namespace {

// One <message> of a .ts file: its context, source text, whether lupdate left it unfinished, and
// its translation (one entry per <numerusform> for plural messages).
struct TsMessage
{
    QString context;
    QString source;
    bool unfinished = false;
    QStringList translations;
};

// Reads the messages of a Qt Linguist .ts file (the XML lupdate writes); obsolete and vanished
// messages are not shipped and are left out.
std::expected<QList<TsMessage>, QString> readTs(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return std::unexpected(path + QStringLiteral(": ") + file.errorString());
    }
    QList<TsMessage> messages;
    QString context;
    TsMessage current;
    bool keep = true;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("name") && current.source.isNull()) {
                context = xml.readElementText();
            } else if (name == QLatin1String("message")) {
                current = TsMessage{context, QString(), false, {}};
                keep = true;
            } else if (name == QLatin1String("source")) {
                current.source = xml.readElementText();
            } else if (name == QLatin1String("translation")) {
                const QString type = xml.attributes().value(QLatin1String("type")).toString();
                current.unfinished = type == QLatin1String("unfinished");
                keep = type != QLatin1String("obsolete") && type != QLatin1String("vanished");
                // A plain translation holds text; a plural one holds <numerusform> elements.
                QString text;
                while (!xml.atEnd()) {
                    xml.readNext();
                    if (xml.isCharacters())
                        text += xml.text();
                    else if (xml.isStartElement() && xml.name() == QLatin1String("numerusform"))
                        current.translations << xml.readElementText();
                    else if (xml.isEndElement() && xml.name() == QLatin1String("translation"))
                        break;
                }
                if (current.translations.isEmpty())
                    current.translations << text;
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            if (keep)
                messages << current;
            current = TsMessage{};
        }
    }
    if (xml.hasError()) {
        return std::unexpected(QStringLiteral("%1:%2:%3: error: %4")
                                   .arg(path)
                                   .arg(xml.lineNumber())
                                   .arg(xml.columnNumber())
                                   .arg(xml.errorString()));
    }
    return messages;
}

// The placeholders QString::arg() and tr()'s plural fill in: %1 … %99, %L1, %n, %Ln.
std::set<QString> placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%L?([0-9]{1,2}|n)"));
    std::set<QString> found;
    for (const QRegularExpressionMatch &m : re.globalMatch(text))
        found.insert(QLatin1Char('%') + m.captured(1));
    return found;
}

QString oneLine(QString text)
{
    return text.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
}

} // namespace

void TestTranslations::japaneseSourceHasEveryMessageTranslated()
{
    const QString path =
        kanri::test::sourceDir() + QStringLiteral("/resources/translations/kanri_ja.ts");
    QVERIFY2(!kanri::test::sourceDir().isEmpty(), "KANRI_SOURCE_DIR is not set (run via ctest)");
    const auto messages = readTs(path);
    QVERIFY2(messages.has_value(), qPrintable(messages ? QString() : messages.error()));
    QVERIFY2(messages->size() > 100, qPrintable(path + QStringLiteral(": too few messages")));

    QStringList problems;
    for (const TsMessage &m : *messages) {
        const QString where =
            m.context + QStringLiteral(": \"") + oneLine(m.source) + QLatin1Char('"');
        const bool empty = std::all_of(m.translations.cbegin(), m.translations.cend(),
                                       [](const QString &t) { return t.trimmed().isEmpty(); });
        if (m.unfinished || empty) {
            problems << QStringLiteral("not translated: ") + where;
            continue;
        }
        const std::set<QString> wanted = placeholders(m.source);
        for (const QString &translation : m.translations) {
            const std::set<QString> have = placeholders(translation);
            for (const QString &p : wanted)
                if (!have.contains(p))
                    problems << QStringLiteral("%1 missing in \"%2\" for %3")
                                    .arg(p, oneLine(translation), where);
        }
    }
    QVERIFY2(problems.isEmpty(),
             qPrintable(QStringLiteral("%1: %2 message(s) to fix (translate them after cmake "
                                       "--build BUILD --target kanri_lupdate):\n  %3")
                            .arg(path)
                            .arg(problems.size())
                            .arg(problems.join(QStringLiteral("\n  ")))));
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
