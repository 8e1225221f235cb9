#include "items/servicesmodel.h"
#include "platform/demoworkspace.h"
#include "platform/livediff.h"
#include "platform/session.h"
#include "ui/diff/diffpanel.h"
#include "ui/editor/hclhighlighter.h"
#include "ui/editor/sourceeditor.h"
#include "ui/editor/yamlhighlighter.h"
#include "ui/main/mainwindow.h"

#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>
#include <QUndoStack>

using namespace kanri;

class TestSourceEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void typedSyntaxErrorShowsInPlaceAndTheDiffStays();
    void typedReplicasShowInTheDiffAndUndoRemovesThem();
    void anEditElsewhereUpdatesTheTextAndKeepsTheCursor();
    void doubleClickingAChangedLineOpensItsSource();
    void enterOnAPatchedLineOpensThePatchFile();
    void revealLocationOpensTheFile();
    void goToLineAndFind();
    void hclSyntaxErrorShowsInPlace();
    void highlightersColourKeysAndComments();

private:
    ui::SourceEditor *editor() const { return m_window->sourceEditor(); }
    QString manifests(const QString &rel) const
    {
        return m_session->catalog().manifestsRoot + QLatin1Char('/') + rel;
    }
    // Selects the first occurrence of `text` in the editor (the find bar's own search).
    void select(const QString &text);
    // The block of `view` whose text is `line`, or an invalid block.
    static QTextBlock blockWith(QPlainTextEdit *view, const QString &line);
    QString envDiff(const QString &environment) const;
    QString envError(const QString &environment) const;

    QTemporaryDir m_tmp;
    std::optional<platform::Workspace> m_demo;
    std::unique_ptr<platform::Session> m_session;
    std::unique_ptr<ui::MainWindow> m_window;
};

void TestSourceEditor::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    auto ws =
        platform::materialiseDemo(QStringLiteral(":/demo"), m_tmp.filePath(QStringLiteral("demo")));
    QVERIFY2(ws.has_value(), qPrintable(ws ? QString() : ws.error().toString()));
    m_demo = *ws;
}

void TestSourceEditor::init()
{
    auto session = platform::Session::open(*m_demo);
    QVERIFY(session.has_value());
    m_session = std::move(*session);
    m_session->setUserTeams({QStringLiteral("@demo-org/payments")});
    m_window = std::make_unique<ui::MainWindow>();
    m_window->setSession(m_session.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->selectService(QStringLiteral("payment-api"));
    m_window->liveDiff()->computeNow();
}

void TestSourceEditor::cleanup()
{
    m_session->revert();
    m_window.reset();
    m_session.reset();
}

void TestSourceEditor::select(const QString &text)
{
    QTextCursor c = editor()->textEdit()->textCursor();
    c.movePosition(QTextCursor::Start);
    editor()->textEdit()->setTextCursor(c);
    QVERIFY2(editor()->textEdit()->find(text), qPrintable(text));
}

QTextBlock TestSourceEditor::blockWith(QPlainTextEdit *view, const QString &line)
{
    for (QTextBlock b = view->document()->begin(); b.isValid(); b = b.next())
        if (b.text() == line)
            return b;
    return {};
}

QString TestSourceEditor::envDiff(const QString &environment) const
{
    for (const auto &env : m_window->liveDiff()->results())
        if (env.environment == environment)
            return QString::fromUtf8(diff::formatRenderDiff(env.diff));
    return {};
}

QString TestSourceEditor::envError(const QString &environment) const
{
    for (const auto &env : m_window->liveDiff()->results())
        if (env.environment == environment)
            return env.error;
    return {};
}

void TestSourceEditor::typedSyntaxErrorShowsInPlaceAndTheDiffStays()
{
    const QString file =
        manifests(QStringLiteral("services/payment-api/overlays/prd/kustomization.yaml"));
    QVERIFY(editor()->openFile(file));
    QSignalSpy errors(editor(), &ui::SourceEditor::parseErrorChanged);

    // A good edit first: the diff shows it.
    select(QStringLiteral("count: 6"));
    QTest::keyClicks(editor()->textEdit(), QStringLiteral("count: 7"));
    m_window->liveDiff()->computeNow();
    QVERIFY2(envDiff(QStringLiteral("prd")).contains(QStringLiteral("+  replicas: 7")),
             qPrintable(envDiff(QStringLiteral("prd"))));
    editor()->checkNow();
    QVERIFY(!editor()->parseError());

    // Break the line: the error is shown on it, and the previous diff stays.
    const int line = editor()->textEdit()->textCursor().blockNumber() + 1;
    select(QStringLiteral("count: 7"));
    QTest::keyClicks(editor()->textEdit(), QStringLiteral("count: [7"));
    editor()->checkNow();
    const auto error = editor()->parseError();
    QVERIFY(error.has_value());
    QVERIFY2(error->line >= line && error->line <= line + 2,
             qPrintable(QStringLiteral("%1 vs %2").arg(error->toString()).arg(line)));
    QVERIFY(error->column > 0);
    QVERIFY(editor()->errorBar()->isVisible());
    QVERIFY(editor()->errorBar()->text().contains(QString::number(error->line)));
    QVERIFY(!errors.isEmpty());
    bool underlined = false;
    for (const auto &s : editor()->textEdit()->extraSelections()) {
        if (s.format.underlineStyle() == QTextCharFormat::WaveUnderline) {
            underlined = true;
            QCOMPARE(s.cursor.block().blockNumber() + 1,
                     std::min(error->line, editor()->textEdit()->blockCount()));
            QVERIFY(!s.format.toolTip().isEmpty());
        }
    }
    QVERIFY(underlined);
    m_window->liveDiff()->computeNow();
    QVERIFY(envError(QStringLiteral("prd")).contains(QStringLiteral("kustomization.yaml")));
    QVERIFY(envDiff(QStringLiteral("prd")).contains(QStringLiteral("+  replicas: 7")));
    QVERIFY(m_window->diffPanel()->unifiedText().contains(QStringLiteral("+  replicas: 7")));

    // Fix it with another value: the error goes and the diff follows.
    select(QStringLiteral("count: [7"));
    QTest::keyClicks(editor()->textEdit(), QStringLiteral("count: 8"));
    editor()->checkNow();
    QVERIFY(!editor()->parseError());
    QVERIFY(!editor()->errorBar()->isVisible());
    for (const auto &s : editor()->textEdit()->extraSelections())
        QVERIFY(s.format.underlineStyle() != QTextCharFormat::WaveUnderline);
    m_window->liveDiff()->computeNow();
    QVERIFY(envError(QStringLiteral("prd")).isEmpty());
    QVERIFY(m_window->diffPanel()->unifiedText().contains(QStringLiteral("+  replicas: 8")));
    QVERIFY(!m_window->diffPanel()->unifiedText().contains(QStringLiteral("+  replicas: 7")));
}

void TestSourceEditor::typedReplicasShowInTheDiffAndUndoRemovesThem()
{
    const QString file =
        manifests(QStringLiteral("services/payment-api/overlays/prd/kustomization.yaml"));
    QVERIFY(editor()->openFile(file));
    const QString original = editor()->textEdit()->toPlainText();
    select(QStringLiteral("count: 6"));
    QTest::keyClicks(editor()->textEdit(), QStringLiteral("count: 1"));
    QTest::keyClicks(editor()->textEdit(), QStringLiteral("2"));
    QCOMPARE(m_session->buffers()->modifiedFiles(), QStringList{file});
    m_window->liveDiff()->computeNow();
    const QString text = m_window->diffPanel()->unifiedText();
    QVERIFY2(text.contains(QStringLiteral("-  replicas: 6")) &&
                 text.contains(QStringLiteral("+  replicas: 12")),
             qPrintable(text));
    QVERIFY(envDiff(QStringLiteral("dev")).isEmpty());

    // Ctrl+Z in the editor undoes the whole run of typing, through the session.
    editor()->textEdit()->setFocus();
    QTest::keyClick(editor()->textEdit(), Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(m_session->buffers()->modifiedFiles().isEmpty());
    QCOMPARE(editor()->textEdit()->toPlainText(), original);
    m_window->liveDiff()->computeNow();
    for (const auto &env : m_window->liveDiff()->results())
        QVERIFY2(env.diff.isEmpty(), qPrintable(env.environment));
    // And redo brings it back.
    QTest::keyClick(editor()->textEdit(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(editor()->textEdit()->toPlainText().contains(QStringLiteral("count: 12")));
}

void TestSourceEditor::anEditElsewhereUpdatesTheTextAndKeepsTheCursor()
{
    const QString file =
        manifests(QStringLiteral("services/payment-api/overlays/prd/kustomization.yaml"));
    QVERIFY(editor()->openFile(file, 3, 1));
    QCOMPARE(editor()->textEdit()->textCursor().blockNumber(), 2);

    items::ServicesModel *model = m_window->servicesModel();
    const int row = model->rowOf(QStringLiteral("payment-api"));
    const int col = model->column(QStringLiteral("prd"), platform::ServiceSetting::Replicas);
    QVERIFY(model->setData(model->index(row, col), QStringLiteral("11")));
    QVERIFY(editor()->textEdit()->toPlainText().contains(QStringLiteral("count: 11")));
    QCOMPARE(editor()->textEdit()->textCursor().blockNumber(), 2);
    // The table's edit stays one undo step of its own.
    m_session->buffers()->undoStack()->undo();
    QVERIFY(editor()->textEdit()->toPlainText().contains(QStringLiteral("count: 6")));
    QVERIFY(m_session->buffers()->modifiedFiles().isEmpty());
}

void TestSourceEditor::doubleClickingAChangedLineOpensItsSource()
{
    const QString file =
        manifests(QStringLiteral("services/payment-api/overlays/prd/kustomization.yaml"));
    QVERIFY(editor()->openFile(file));
    select(QStringLiteral("count: 6"));
    QTest::keyClicks(editor()->textEdit(), QStringLiteral("count: 14"));
    editor()->closeFile();
    m_window->liveDiff()->computeNow();

    auto *unified = m_window->diffPanel()->findChild<QPlainTextEdit *>();
    QVERIFY(unified);
    QPlainTextEdit *view = nullptr;
    for (auto *v : m_window->diffPanel()->findChildren<QPlainTextEdit *>())
        if (v->accessibleName() == QLatin1String("Rendered diff"))
            view = v;
    QVERIFY(view);
    const QTextBlock block = blockWith(view, QStringLiteral("+  replicas: 14"));
    QVERIFY2(block.isValid(), qPrintable(view->toPlainText()));
    QTextCursor c(block);
    view->setTextCursor(c);
    view->ensureCursorVisible();
    const QPoint at = view->cursorRect(c).center() + QPoint(20, 0);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, at);

    QCOMPARE(editor()->currentFile(), file);
    const QTextBlock current = editor()->textEdit()->textCursor().block();
    QVERIFY2(current.text().contains(QStringLiteral("count: 14")), qPrintable(current.text()));

    // The removed line (HEAD's side) leads to the same place.
    editor()->closeFile();
    const QTextBlock removed = blockWith(view, QStringLiteral("-  replicas: 6"));
    QVERIFY(removed.isValid());
    view->setTextCursor(QTextCursor(removed));
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Return);
    QCOMPARE(editor()->currentFile(), file);
    QVERIFY(
        editor()->textEdit()->textCursor().block().text().contains(QStringLiteral("count: 14")));
}

void TestSourceEditor::enterOnAPatchedLineOpensThePatchFile()
{
    const QString patch =
        manifests(QStringLiteral("services/payment-api/overlays/prd/deployment-patch.yaml"));
    QVERIFY(editor()->openFile(patch));
    select(QStringLiteral("value: 3s"));
    QTest::keyClicks(editor()->textEdit(), QStringLiteral("value: 5s"));
    QVERIFY(
        editor()->openFile(manifests(QStringLiteral("services/payment-api/base/service.yaml"))));
    m_window->liveDiff()->computeNow();

    QPlainTextEdit *right = nullptr;
    for (auto *v : m_window->diffPanel()->findChildren<QPlainTextEdit *>())
        if (v->accessibleName() == QLatin1String("Rendered YAML with your changes"))
            right = v;
    QVERIFY(right);
    const QTextBlock block = blockWith(right, QStringLiteral("+          value: 5s"));
    QVERIFY2(block.isValid(),
             qPrintable(right->toPlainText().replace(QLatin1Char(' '), QLatin1Char('.'))));
    right->setTextCursor(QTextCursor(block));
    QTest::keyClick(right, Qt::Key_Enter);
    QCOMPARE(editor()->currentFile(), patch);
    QCOMPARE(editor()->textEdit()->textCursor().block().text().trimmed(),
             QStringLiteral("value: 5s"));
}

void TestSourceEditor::revealLocationOpensTheFile()
{
    m_window->revealLocation(QStringLiteral("services/payment-api/overlays/prd/hpa-patch.yaml"), 6,
                             3);
    QCOMPARE(editor()->currentFile(),
             manifests(QStringLiteral("services/payment-api/overlays/prd/hpa-patch.yaml")));
    QCOMPARE(editor()->textEdit()->textCursor().blockNumber(), 5);
    QCOMPARE(editor()->textEdit()->textCursor().positionInBlock(), 2);
    auto *dock = m_window->findChild<QDockWidget *>(QStringLiteral("SourceDock"));
    QVERIFY(dock && dock->isVisible());
}

void TestSourceEditor::goToLineAndFind()
{
    QVERIFY(editor()->openFile(
        manifests(QStringLiteral("services/payment-api/overlays/prd/kustomization.yaml"))));
    QPlainTextEdit *edit = editor()->textEdit();
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_L, Qt::ControlModifier);
    QVERIFY(editor()->lineBox()->isVisible());
    editor()->lineBox()->clear();
    QTest::keyClicks(editor()->lineBox(), QStringLiteral("9:3"));
    QTest::keyClick(editor()->lineBox(), Qt::Key_Return);
    QVERIFY(!editor()->lineBox()->isVisible());
    QCOMPARE(edit->textCursor().blockNumber(), 8);
    QCOMPARE(edit->textCursor().positionInBlock(), 2);

    // Ctrl+F here is the editor's find, not the window's catalog filter.
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_F, Qt::ControlModifier);
    QVERIFY(editor()->findBox()->isVisible());
    QVERIFY(!m_window->filterBox()->hasFocus());
    QTest::keyClicks(editor()->findBox(), QStringLiteral("newTag"));
    QCOMPARE(edit->textCursor().selectedText(), QStringLiteral("newTag"));
    const int first = edit->textCursor().blockNumber();
    QVERIFY(
        edit->toPlainText().split(QLatin1Char('\n')).at(first).contains(QStringLiteral("newTag")));
    QVERIFY(!editor()->find(QStringLiteral("no such text anywhere")));
    QTest::keyClick(editor()->findBox(), Qt::Key_Escape);
    QVERIFY(!editor()->findBox()->isVisible());
}

void TestSourceEditor::hclSyntaxErrorShowsInPlace()
{
    const QString file =
        m_session->catalog().accountsRoot + QStringLiteral("/developers.auto.tfvars");
    QVERIFY(editor()->openFile(file, 2, 1));
    QTest::keyClicks(editor()->textEdit(), QStringLiteral("= = {"));
    QTest::keyClick(editor()->textEdit(), Qt::Key_Return);
    editor()->checkNow();
    const auto error = editor()->parseError();
    QVERIFY(error.has_value());
    QVERIFY2(error->line >= 2 && error->line <= 3, qPrintable(error->toString()));
    QVERIFY(editor()->errorBar()->isVisible());
    QCOMPARE(m_session->buffers()->modifiedFiles(), QStringList{file});
    m_session->buffers()->undoStack()->undo();
    editor()->checkNow();
    QVERIFY(!editor()->parseError());
}

void TestSourceEditor::highlightersColourKeysAndComments()
{
    auto formatAt = [](QTextDocument *doc, int blockNumber, int column) {
        const QTextBlock b = doc->findBlockByNumber(blockNumber);
        for (const auto &r : b.layout()->formats())
            if (column >= r.start && column < r.start + r.length)
                return r.format;
        return QTextCharFormat();
    };
    QTextDocument yaml;
    ui::YamlHighlighter yh(&yaml);
    yaml.setPlainText(QStringLiteral("replicas: 3 # three\nscript: |\n  echo: no key\nname: x\n"));
    yh.rehighlight();
    const QTextCharFormat key = formatAt(&yaml, 0, 0);
    QVERIFY(key.foreground().color() != formatAt(&yaml, 0, 10).foreground().color());
    QVERIFY(formatAt(&yaml, 0, 14).fontItalic()); // the comment
    // Inside a block scalar `echo:` is text, not a key.
    QVERIFY(formatAt(&yaml, 2, 2).foreground().color() != key.foreground().color());
    QCOMPARE(formatAt(&yaml, 3, 0).foreground().color(), key.foreground().color());

    QTextDocument hcl;
    ui::HclHighlighter hh(&hcl);
    hcl.setPlainText(QStringLiteral("resource \"x\" \"y\" {\n  name = \"a-${var.b}\" # c\n"
                                    "  /* long\n  comment */ n = 1\n  t = <<EOT\n  n = 2\n"
                                    "EOT\n}\n"));
    hh.rehighlight();
    const QTextCharFormat attr = formatAt(&hcl, 1, 2);
    QVERIFY(attr.foreground().color() != formatAt(&hcl, 0, 0).foreground().color());
    QVERIFY(formatAt(&hcl, 1, 12) != formatAt(&hcl, 1, 9)); // the interpolation stands out
    QVERIFY(formatAt(&hcl, 2, 4).fontItalic());
    QVERIFY(formatAt(&hcl, 3, 4).fontItalic());
    QCOMPARE(formatAt(&hcl, 3, 13).foreground().color(), attr.foreground().color());
    QVERIFY(formatAt(&hcl, 5, 2).foreground().color() != attr.foreground().color()); // heredoc
}

QTEST_MAIN(TestSourceEditor)
#include "tst_sourceeditor.moc"
