// Every view of `kanri --screenshot --view NAME` (and the main window with an edit) opened in
// Japanese, as the binary loads it (app::installTranslations: Kanri's and Qt's own
// translations): no visible text is English prose.
//
// What counts as English, decided here:
// - Chrome (window and dock titles, menus and their actions, buttons, tabs, group boxes,
//   labels, header sections, combo box items): any capitalised English word ("Cancel",
//   "Services") or a run of English words.
// - Content (item view cells, tree items, rich text, line edit placeholders, the status bar,
//   editable plain text such as a prefilled commit message): a run of two or more English
//   words of which one is lower-case ("no changes", "The entry in ...").
// - Allowed everywhere: identifiers (a token with `/ . - _ = : @ $ { }` or digits inside:
//   file names, services, keys), acronyms (all capitals: HPA, CPU, PR), product and Kubernetes
//   names (Kanri, GitHub, Terraform, Deployment...), and data: a text (or line) that occurs in
//   the workspace's files (a developer's name, a description in an entry).
// - Not checked: tooltips (not shown until hovered), read-only plain text (source, YAML and
//   diff views: code), and the text a user typed into a line edit.
#include "app/appcontext.h"
#include "app/controllers.h"
#include "app/screenshotdriver.h"
#include "app/translations.h"
#include "platform/demoworkspace.h"
#include "platform/session.h"
#include "tests/testsupport/testutil.h"
#include "ui/main/commandpalette.h"
#include "ui/main/mainwindow.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDirIterator>
#include <QDockWidget>
#include <QFile>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocumentFragment>
#include <QTextEdit>
#include <QWizard>

using namespace kanri;

namespace {

enum class Kind { Chrome, Content };

const QSet<QString> &allowedWords()
{
    static const QSet<QString> words = [] {
        QSet<QString> w;
        for (const char *s : {"Kanri",
                              "GitHub",
                              "Git",
                              "Terraform",
                              "Kustomize",
                              "kustomize",
                              "Kubernetes",
                              "Argo",
                              "Datadog",
                              "Slack",
                              "PagerDuty",
                              "Google",
                              "Artifact",
                              "Registry",
                              "Transit",
                              "Gateway",
                              "Qt",
                              "Enterprise",
                              "Deployment",
                              "Service",
                              "ServiceAccount",
                              "HorizontalPodAutoscaler",
                              "PodDisruptionBudget",
                              "Ingress",
                              "ConfigMap",
                              "Secret",
                              "Namespace",
                              "Kustomization",
                              "Application",
                              "CronJob",
                              "Job",
                              "StatefulSet",
                              "DaemonSet",
                              "Role",
                              "RoleBinding",
                              "ClusterRole",
                              "ClusterRoleBinding",
                              "NetworkPolicy",
                              "Pod",
                              "Component",
                              "Markdown",
                              "Ctrl",
                              "Shift",
                              "Alt",
                              "Meta",
                              "Del",
                              "Esc",
                              "Enter",
                              "Tab",
                              "Backspace",
                              "PgUp",
                              "PgDown",
                              "Home",
                              "End",
                              "Ins",
                              "Space",
                              "Return",
                              "Up",
                              "Down",
                              "Left",
                              "Right",
                              "Mi",
                              "Gi",
                              "Ki",
                              "ms",
                              "Kanri's",
                              "git"})
            w.insert(QString::fromLatin1(s));
        return w;
    }();
    return words;
}

// The token without the punctuation around it; empty when it is not an English word (an
// identifier, a number, an acronym, an allowed name).
QString englishWord(QString token)
{
    static const QRegularExpression edges(
        QStringLiteral("^[\\(\\[\"'“‘«…,.;:!?]+|[\\)\\]\"'”’»…,.;:!?]+$"));
    token.remove(edges);
    static const QRegularExpression word(QStringLiteral("^[A-Za-z][a-z]*(?:'[a-z]+)?$"));
    if (token.size() < 2 || !word.match(token).hasMatch())
        return {};
    if (allowedWords().contains(token))
        return {};
    return token;
}

// The runs of two or more English words with a lower-case one in them. A word in brackets or
// after a colon starts a new run ("accounts (main)" is a name and a branch).
QStringList proseRuns(const QString &text)
{
    const QStringList tokens =
        text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    QStringList runs;
    QStringList run;
    bool lower = false;
    auto flush = [&] {
        if (run.size() >= 2 && lower)
            runs << run.join(QLatin1Char(' '));
        run.clear();
        lower = false;
    };
    static const QRegularExpression opens(QStringLiteral("^[\\(\\[\"'“‘«]"));
    static const QRegularExpression closes(QStringLiteral("[\\)\\]:;\"'”’»]$"));
    for (const QString &t : tokens) {
        const QString w = englishWord(t);
        if (w.isEmpty() || opens.match(t).hasMatch())
            flush();
        if (w.isEmpty())
            continue;
        run << w;
        lower = lower || w.at(0).isLower();
        if (closes.match(t).hasMatch())
            flush();
    }
    flush();
    return runs;
}

// The first capitalised English word that is not one of `names`, or "".
QString capitalisedWord(const QString &text, const QSet<QString> &names)
{
    for (const QString &t :
         text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts)) {
        const QString w = englishWord(t);
        if (!w.isEmpty() && w.at(0).isUpper() && !names.contains(w))
            return w;
    }
    return {};
}

struct Seen
{
    QString where;
    QString text;
    Kind kind;
};

QString plain(QString text)
{
    if (Qt::mightBeRichText(text))
        text = QTextDocumentFragment::fromHtml(text).toPlainText();
    text.replace(QLatin1String("&&"), QLatin1String("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QLatin1Char('\x01'), QLatin1Char('&'));
    return text;
}

QString nameOf(const QObject *o)
{
    return QString::fromLatin1(o->metaObject()->className()) +
           (o->objectName().isEmpty() ? QString() : QLatin1Char('#') + o->objectName());
}

void addMenu(const QMenu *menu, const QString &where, QList<Seen> &out)
{
    for (const QAction *a : menu->actions()) {
        if (a->isSeparator() || !a->isVisible())
            continue;
        out.append({where + QStringLiteral(" menu"), a->text(), Kind::Chrome});
        if (a->menu())
            addMenu(a->menu(), where, out);
    }
}

// The texts a user sees in `top` and its visible children.
QList<Seen> visibleTexts(QWidget *top)
{
    QList<Seen> out;
    out.append({nameOf(top) + QStringLiteral(" title"), top->windowTitle(), Kind::Chrome});
    QList<QWidget *> widgets = top->findChildren<QWidget *>();
    widgets.prepend(top);
    for (QWidget *w : std::as_const(widgets)) {
        if (!w->isVisibleTo(top))
            continue;
        const QString where = nameOf(w);
        if (auto *l = qobject_cast<QLabel *>(w)) {
            out.append({where, l->text(), Kind::Chrome});
        } else if (auto *b = qobject_cast<QAbstractButton *>(w)) {
            out.append({where, b->text(), Kind::Chrome});
        } else if (auto *g = qobject_cast<QGroupBox *>(w)) {
            out.append({where, g->title(), Kind::Chrome});
        } else if (auto *d = qobject_cast<QDockWidget *>(w)) {
            out.append({where, d->windowTitle(), Kind::Chrome});
        } else if (auto *t = qobject_cast<QTabBar *>(w)) {
            for (int i = 0; i < t->count(); ++i)
                out.append({where, t->tabText(i), Kind::Chrome});
        } else if (auto *c = qobject_cast<QComboBox *>(w)) {
            for (int i = 0; i < c->count(); ++i)
                out.append({where, c->itemText(i), Kind::Chrome});
        } else if (auto *e = qobject_cast<QLineEdit *>(w)) {
            out.append(
                {where + QStringLiteral(" placeholder"), e->placeholderText(), Kind::Content});
        } else if (auto *m = qobject_cast<QMenuBar *>(w)) {
            for (QAction *a : m->actions()) {
                out.append({where, a->text(), Kind::Chrome});
                if (a->menu())
                    addMenu(a->menu(), where, out);
            }
        } else if (auto *s = qobject_cast<QStatusBar *>(w)) {
            out.append({where, s->currentMessage(), Kind::Content});
        } else if (auto *p = qobject_cast<QPlainTextEdit *>(w)) {
            if (!p->isReadOnly()) {
                for (const QString &line : p->toPlainText().split(QLatin1Char('\n')))
                    out.append({where, line, Kind::Content});
            }
            out.append(
                {where + QStringLiteral(" placeholder"), p->placeholderText(), Kind::Content});
        } else if (auto *r = qobject_cast<QTextEdit *>(w)) {
            for (const QString &line : r->toPlainText().split(QLatin1Char('\n')))
                out.append({where, line, Kind::Content});
        } else if (auto *h = qobject_cast<QHeaderView *>(w)) {
            if (QAbstractItemModel *model = h->model()) {
                const int n =
                    h->orientation() == Qt::Horizontal ? model->columnCount() : model->rowCount();
                for (int i = 0; i < n && i < 200; ++i) {
                    if (!h->isSectionHidden(i))
                        out.append({where, model->headerData(i, h->orientation()).toString(),
                                    Kind::Chrome});
                }
            }
        } else if (auto *v = qobject_cast<QAbstractItemView *>(w)) {
            QAbstractItemModel *model = v->model();
            if (!model)
                continue;
            // The rows on screen (and their children on screen), every column.
            std::function<void(const QModelIndex &, int)> walk = [&](const QModelIndex &parent,
                                                                     int depth) {
                for (int r = 0; r < model->rowCount(parent) && r < 300; ++r) {
                    for (int c = 0; c < model->columnCount(parent); ++c) {
                        const QModelIndex i = model->index(r, c, parent);
                        if (!v->visualRect(i).intersects(v->viewport()->rect()))
                            continue;
                        out.append({where, i.data().toString(), Kind::Content});
                    }
                    if (depth < 6 && model->hasChildren(model->index(r, 0, parent)))
                        walk(model->index(r, 0, parent), depth + 1);
                }
            };
            walk(QModelIndex(), 0);
        }
    }
    return out;
}

} // namespace

class TestJapaneseViews : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void proseIsRecognised_data();
    void proseIsRecognised();
    void everyViewIsJapanese_data();
    void everyViewIsJapanese();

private:
    QStringList check(const QList<Seen> &texts) const;

    QTemporaryDir m_tmp;
    QString m_ws;
    QString m_data;      // every file of the workspace (and its git config): what counts as data
    QString m_dataWords; // the same as words between single spaces
    QSet<QString> m_identityWords; // the words of the user's git configuration (their name)
    QStringList m_views;
    std::unique_ptr<ui::MainWindow> m_window;
    std::unique_ptr<app::AppContext> m_context;
    std::unique_ptr<app::ScreenshotDriver> m_driver;
};

void TestJapaneseViews::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                       m_tmp.filePath(QStringLiteral("settings")));
    QLocale::setDefault(QLocale(QLocale::Japanese, QLocale::Japan));
    const QStringList loaded =
        app::installTranslations(app::Interface::Gui, QLocale(QLocale::Japanese, QLocale::Japan));
    QVERIFY2(loaded.contains(QStringLiteral("kanri_ja")), qPrintable(loaded.join(u',')));
    QVERIFY2(loaded.contains(QStringLiteral("qtbase_ja")),
             qPrintable(QStringLiteral("Qt's Japanese (qtbase_ja.qm) is not in %1: install "
                                       "qt6-translations-l10n")
                            .arg(QLibraryInfo::path(QLibraryInfo::TranslationsPath))));
    m_ws = m_tmp.filePath(QStringLiteral("ws"));
    auto ws = platform::materialiseDemo(QStringLiteral(":/demo"), m_ws);
    QVERIFY2(ws.has_value(), qPrintable(ws ? QString() : ws.error().toString()));
    QDirIterator it(m_ws, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (path.contains(QLatin1String("/.git/")) && !path.endsWith(QLatin1String("/.git/config")))
            continue;
        QFile f(path);
        if (f.open(QIODevice::ReadOnly))
            m_data += QString::fromUtf8(f.readAll()) + QLatin1Char('\n');
    }
    // The user's git identity (shown as the commit author) is data too.
    for (const QString &config : {QDir::home().filePath(QStringLiteral(".gitconfig")),
                                  QStandardPaths::locate(QStandardPaths::GenericConfigLocation,
                                                         QStringLiteral("git/config"))}) {
        QFile f(config);
        if (!config.isEmpty() && f.open(QIODevice::ReadOnly)) {
            const QString text = QString::fromUtf8(f.readAll());
            m_data += text + QLatin1Char('\n');
            for (const QString &w :
                 text.split(QRegularExpression(QStringLiteral("[^A-Za-z']+")), Qt::SkipEmptyParts))
                m_identityWords.insert(w);
        }
    }
    m_dataWords = m_data;
    m_dataWords.replace(QRegularExpression(QStringLiteral("[^A-Za-z']+")), QStringLiteral(" "));
    m_dataWords = QLatin1Char(' ') + m_dataWords + QLatin1Char(' ');
    // One window for every view (opening the demo takes a second or two), with an edit, so
    // that the rendered diff and its summaries show and the views about unsaved edits have one.
    m_window = std::make_unique<ui::MainWindow>();
    m_context = std::make_unique<app::AppContext>(m_window.get());
    m_driver = std::make_unique<app::ScreenshotDriver>(m_context.get());
    app::installControllers(m_context.get());
    m_views = m_context->viewNames();
    QVERIFY(m_views.size() > 10);
    QVERIFY(m_context->load(m_ws));
    m_window->selectService(QStringLiteral("payment-api"));
    const platform::Catalog &c = m_context->session()->catalog();
    int service = -1, prd = -1;
    for (int i = 0; i < c.services.size(); ++i) {
        if (c.services.at(i).name != QLatin1String("payment-api"))
            continue;
        service = i;
        for (int e = 0; e < c.services.at(i).environments.size(); ++e)
            prd = c.services.at(i).environments.at(e).name == QLatin1String("prd") ? e : prd;
    }
    QVERIFY(service >= 0 && prd >= 0);
    const auto edited = m_context->session()->setServiceSetting(
        service, prd, platform::ServiceSetting::Replicas, QStringLiteral("8"));
    QVERIFY(edited.has_value());
}

void TestJapaneseViews::cleanupTestCase()
{
    if (m_context && m_context->session())
        m_context->session()->revert();
    m_driver.reset();
    m_context.reset();
    m_window.reset();
    QLocale::setDefault(QLocale::c());
}

void TestJapaneseViews::proseIsRecognised_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("kind");
    QTest::addColumn<bool>("english");
    QTest::newRow("a sentence") << "The entry in microservices_catalog.tf creates it" << 1 << true;
    QTest::newRow("a diff summary") << "no changes" << 1 << true;
    QTest::newRow("a button word") << "Cancel" << 0 << true;
    QTest::newRow("a button word with a mnemonic") << "&Finish" << 0 << true;
    QTest::newRow("Qt's Japanese button") << "< 戻る(&B)" << 0 << false;
    QTest::newRow("a file path") << "manifests/services/payment-api/base/deployment.yaml" << 1
                                 << false;
    QTest::newRow("a key in content") << "replicas" << 1 << false;
    QTest::newRow("a key in chrome") << "replicas" << 0 << false;
    QTest::newRow("a product name") << "GitHub" << 0 << false;
    QTest::newRow("Japanese around identifiers")
        << "payment-api の prd を 8 に変更 (Deployment)" << 0 << false;
    QTest::newRow("a person's name from the workspace") << "Haruto Nakamura" << 0 << false;
    QTest::newRow("acronyms") << "HPA CPU PR" << 0 << false;
}

void TestJapaneseViews::proseIsRecognised()
{
    QFETCH(QString, text);
    QFETCH(int, kind);
    QFETCH(bool, english);
    const QStringList found = check({{QStringLiteral("row"), text, Kind(kind)}});
    QCOMPARE(!found.isEmpty(), english);
}

QStringList TestJapaneseViews::check(const QList<Seen> &texts) const
{
    QStringList english;
    for (const Seen &s : texts) {
        const QString text = plain(s.text).trimmed();
        if (text.isEmpty())
            continue;
        for (const QString &line : text.split(QLatin1Char('\n'))) {
            const QString l = line.trimmed();
            if (l.isEmpty() || m_data.contains(l))
                continue; // data from the workspace
            QString bad;
            for (const QString &run : proseRuns(l)) {
                if (!m_dataWords.contains(u' ' + run + u' ')) // a comment's sentence
                    bad = run;
            }
            // (The author shown is the user's git name.)
            if (bad.isEmpty() && s.kind == Kind::Chrome)
                bad = capitalisedWord(l, m_identityWords);
            if (!bad.isEmpty())
                english << QStringLiteral("%1: \"%2\" (%3)").arg(s.where, l, bad);
        }
    }
    english.removeDuplicates();
    return english;
}

void TestJapaneseViews::everyViewIsJapanese_data()
{
    QTest::addColumn<QString>("view");
    QTest::newRow("the main window") << QString();
    for (const QString &v : std::as_const(m_views))
        QTest::newRow(qPrintable(QStringLiteral("the view %1").arg(v))) << v;
}

void TestJapaneseViews::everyViewIsJapanese()
{
    QFETCH(QString, view);
    const QString png = m_tmp.filePath(QStringLiteral("view.png"));
    QCOMPARE(m_driver->take(png, QSize(1600, 1000), view), 0);
    QList<Seen> texts;
    for (QWidget *top : QApplication::topLevelWidgets()) {
        if (top->isVisible())
            texts += visibleTexts(top);
    }
    const QStringList english = check(texts);
    // The walk saw the view: Japanese text, and Qt's own buttons in Japanese in a wizard.
    int japanese = 0;
    for (const Seen &seen : std::as_const(texts))
        japanese += seen.text.contains(
            QRegularExpression(QStringLiteral("[\\x{3040}-\\x{30ff}\\x{4e00}-\\x{9fff}]")));
    QVERIFY2(japanese > 20, qPrintable(QString::number(japanese)));
    for (QWizard *wizard : m_window->findChildren<QWizard *>()) {
        if (wizard->isVisible())
            QCOMPARE(wizard->buttonText(QWizard::CancelButton), QStringLiteral("キャンセル"));
    }
    // Back to the bare window for the next view.
    for (QWidget *top : QApplication::topLevelWidgets()) {
        if (top != m_window.get() && top->isVisible())
            top->close();
    }
    m_window->commandPalette()->dismiss();
    QVERIFY2(english.isEmpty(), qPrintable(QStringLiteral("\n") + english.join(QLatin1Char('\n'))));
}

QTEST_MAIN(TestJapaneseViews)
#include "tst_japaneseviews.moc"
