// The shipped translations: Japanese covers every string of the main window and every message
// of the .ts source (so a tr() added without its translation fails here once kanri_lupdate has
// run), the engines' messages come out in Japanese (each asked for under the context lupdate
// files it under), and the English plural forms read as English.
#include "core/fileio.h"
#include "hcl/hcldocument.h"
#include "hcl/hcljsonsyntax.h"
#include "hcl/hclparser.h"
#include "hcl/hclvalue.h"
#include "kustomize/renderer.h"
#include "platform/demoworkspace.h"
#include "platform/session.h"
#include "platform/sourcelocator.h"
#include "publish/wizarddeveloper.h"
#include "publish/wizardmicroservice.h"
#include "review/reviewchange.h"
#include "rules/ruleengine.h"
#include "rules/rulelinter.h"
#include "rules/rulesources.h"
#include "tests/testsupport/testutil.h"
#include "ui/main/mainwindow.h"
#include "yaml/yamldocument.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QMutex>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

#include <expected>
#include <functional>
#include <set>

using namespace kanri;

// Produces one message of an engine (an error's text, a finding, a sentence).
using MessageTrigger = std::function<QString()>;
Q_DECLARE_METATYPE(MessageTrigger)

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void japaneseMainWindowHasNoEnglishLeft();
    void japaneseSourceHasEveryMessageTranslated();
    void engineMessagesComeOutInJapanese_data();
    void engineMessagesComeOutInJapanese();
    void englishPluralsReadAsEnglish();

private:
    QTemporaryDir m_tmp;
    std::optional<platform::Workspace> m_demo;
    std::unique_ptr<platform::Session> m_session;
};

void TestTranslations::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    auto ws =
        platform::materialiseDemo(QStringLiteral(":/demo"), m_tmp.filePath(QStringLiteral("demo")));
    QVERIFY2(ws.has_value(), qPrintable(ws ? QString() : ws.error().toString()));
    m_demo = *ws;
    auto session = platform::Session::open(*m_demo);
    QVERIFY2(session.has_value(), qPrintable(session ? QString() : session.error().toString()));
    m_session = std::move(*session);
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

namespace {

// Records the (context, source) of every message the program asks the translators for and
// translates none: installed last, it is asked first, and the next translator answers.
class RecordingTranslator : public QTranslator
{
    Q_OBJECT

public:
    QString translate(const char *context, const char *sourceText, const char *disambiguation,
                      int n) const override
    {
        Q_UNUSED(disambiguation);
        Q_UNUSED(n);
        const QMutexLocker lock(&m_mutex);
        m_asked.append({QString::fromUtf8(context), QString::fromUtf8(sourceText)});
        return {};
    }
    bool isEmpty() const override { return false; }
    QList<std::pair<QString, QString>> asked() const
    {
        const QMutexLocker lock(&m_mutex);
        return m_asked;
    }

private:
    mutable QMutex m_mutex;
    mutable QList<std::pair<QString, QString>> m_asked;
};

template<typename T> QString errorText(const Result<T> &result)
{
    return result ? QStringLiteral("(no error)") : result.error().message;
}

QString findingText(const QList<platform::Finding> &findings, const QString &rule)
{
    for (const platform::Finding &f : findings) {
        if (f.rule == rule)
            return f.message;
    }
    QStringList rules;
    for (const platform::Finding &f : findings)
        rules << f.rule;
    return QStringLiteral("(no finding of %1 among: %2)").arg(rule, rules.join(QLatin1Char(' ')));
}

bool hasNonAscii(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() > 0x7f; });
}

} // namespace

// One real message from each engine that translates through its own tr() (HCL, YAML,
// kustomize, the rules, the wizards, the review and the source locator) comes out in Japanese,
// and every message the engine asked for on the way was asked under the context the .ts files
// it under (lupdate's context for that tr() call): a message translated under another context
// is never found at run time and shows in English.
void TestTranslations::engineMessagesComeOutInJapanese_data()
{
    QTest::addColumn<MessageTrigger>("trigger");
    const QString dir = m_tmp.filePath(QStringLiteral("engines"));
    const auto write = [&](const QString &name, const QByteArray &text) {
        const QString path = dir + QLatin1Char('/') + name;
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        const auto written = writeFileAtomic(path, text);
        QVERIFY2(written.has_value(), qPrintable(written ? QString() : written.error().message));
    };
    const QByteArray deployment =
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n"
        "spec:\n  replicas: 3\n  template:\n    spec:\n      containers:\n"
        "      - name: web\n        image: example/web:1\n";
    const QByteArray hpa = "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n"
                           "  name: web\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n"
                           "    kind: Deployment\n    name: web\n  minReplicas: 2\n"
                           "  maxReplicas: 5\n";
    write(QStringLiteral("missing/kustomization.yaml"),
          "resources:\n- deployment.yaml\npatches:\n- path: nope.yaml\n");
    write(QStringLiteral("overlay/kustomization.yaml"),
          "resources:\n- deployment.yaml\n- hpa.yaml\nreplicas:\n- name: web\n  count: 3\n");
    write(QStringLiteral("missing/deployment.yaml"), deployment);
    write(QStringLiteral("overlay/deployment.yaml"), deployment);
    write(QStringLiteral("overlay/hpa.yaml"), hpa);
    const QString overlay = dir + QStringLiteral("/overlay");
    const platform::Catalog *catalog = &m_session->catalog();

    QTest::newRow("an HCL syntax error from the parser is in Japanese") << MessageTrigger(
        [] { return errorText(hcl::parseHcl("m = { a 1 }\n", QStringLiteral("x.tf"))); });
    QTest::newRow("an HCL syntax error from the lexer is in Japanese") << MessageTrigger(
        [] { return errorText(hcl::parseHcl("m = <<EOT\nabc\n", QStringLiteral("x.tf"))); });
    QTest::newRow("an HCL JSON syntax error is in Japanese") << MessageTrigger([] {
        return errorText(hcl::parseJsonSyntax("\xEF\xBB\xBF{}", QStringLiteral("x.tf.json")));
    });
    QTest::newRow("an error in JSON given as a value is in Japanese")
        << MessageTrigger([] { return errorText(hcl::Value::fromJsonText("[1,")); });
    QTest::newRow("an HCL document's missing map is in Japanese") << MessageTrigger([] {
        const auto doc = hcl::Document::parse("m = {}\n", QStringLiteral("x.tfvars"));
        return doc ? errorText(doc->get({QStringLiteral("nope")})) : errorText(doc);
    });
    QTest::newRow("a kustomization's missing patch file is in Japanese") << MessageTrigger([dir] {
        kustomize::Renderer renderer;
        return errorText(renderer.render(dir + QStringLiteral("/missing")));
    });
    QTest::newRow("YAML nested too deeply is in Japanese") << MessageTrigger([] {
        return errorText(yaml::YamlDocument::parse(QByteArray(300, '[') + QByteArray(300, ']')));
    });
    QTest::newRow("a rule's finding on rendered output is in Japanese")
        << MessageTrigger([overlay, deployment, hpa] {
               platform::RenderTarget target;
               target.place = {overlay, overlay};
               target.dir = overlay;
               const auto findings = platform::checkRendered(target, deployment + "---\n" + hpa,
                                                             platform::RuleConfig{},
                                                             platform::KustomizeSources(overlay));
               return findingText(findings, QStringLiteral("k8s/resources-missing"));
           });
    QTest::newRow("the linter's note on an overlay that does not render is in Japanese")
        << MessageTrigger([catalog] {
               const platform::Linter linter([](const QString &) -> Result<QByteArray> {
                   return fail(Error::Code::Io, QStringLiteral("render failed"));
               });
               const auto result = linter.lint(*catalog);
               if (!result)
                   return errorText(result);
               for (const platform::Finding &f : result->findings) {
                   if (f.message.contains(QLatin1String("render failed")))
                       return f.message;
               }
               return QStringLiteral("(no finding about rendering)");
           });
    QTest::newRow("the new developer wizard's missing id is in Japanese")
        << MessageTrigger([catalog] { return platform::checkDeveloperKey(*catalog, QString()); });
    QTest::newRow("the new microservice wizard's missing name is in Japanese") << MessageTrigger(
        [catalog] { return platform::checkMicroserviceName(*catalog, QString()); });
    QTest::newRow("a review's sentence on a removed entry is in Japanese") << MessageTrigger([] {
        const auto changes = platform::terraformChanges(QStringLiteral("x.tfvars"),
                                                        QByteArray("m = {\n  a = { f = 1 }\n}\n"),
                                                        QByteArray("m = {\n}\n"));
        return changes.isEmpty() ? QStringLiteral("(no change)") : changes.front().sentence;
    });
    QTest::newRow("the source locator's reason for replicas is in Japanese")
        << MessageTrigger([overlay, deployment] {
               const platform::SourceLocator locator(
                   [](const QString &path) { return readFile(path); });
               platform::RenderedObject object;
               object.kind = QStringLiteral("Deployment");
               object.name = QStringLiteral("web");
               object.yaml = deployment;
               const auto loc = locator.locate(overlay, object, {"spec", "replicas"});
               return loc ? loc->reason : errorText(loc);
           });
}

void TestTranslations::engineMessagesComeOutInJapanese()
{
    QFETCH(MessageTrigger, trigger);
    const QString english = trigger();
    QTranslator ja;
    QVERIFY(ja.load(QLocale(QLocale::Japanese, QLocale::Japan), QStringLiteral("kanri"),
                    QStringLiteral("_"), QStringLiteral(":/i18n")));
    QVERIFY(QCoreApplication::installTranslator(&ja));
    RecordingTranslator recorder;
    QVERIFY(QCoreApplication::installTranslator(&recorder));
    const QString japanese = trigger();
    QCoreApplication::removeTranslator(&recorder);
    QCoreApplication::removeTranslator(&ja);

    // A message the .ts translates is found under the context it was asked for; one the .ts
    // does not hold at all is new (japaneseSourceHasEveryMessageTranslated catches it once
    // kanri_lupdate has run).
    const auto messages =
        readTs(kanri::test::sourceDir() + QStringLiteral("/resources/translations/kanri_ja.ts"));
    QVERIFY2(messages.has_value(), qPrintable(messages ? QString() : messages.error()));
    const QList<std::pair<QString, QString>> asked = recorder.asked();
    QVERIFY(!asked.isEmpty());
    QStringList problems;
    for (const auto &[context, source] : asked) {
        const QByteArray c = context.toUtf8(), s = source.toUtf8();
        if (!ja.translate(c.constData(), s.constData()).isEmpty())
            continue;
        for (const TsMessage &m : *messages) {
            if (m.source == source && !m.unfinished)
                problems << QStringLiteral("\"%1\" asked under %2, translated under %3")
                                .arg(oneLine(source), context, m.context);
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    QVERIFY2(japanese != english, qPrintable(english));
    QVERIFY2(hasNonAscii(japanese), qPrintable(japanese));
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
