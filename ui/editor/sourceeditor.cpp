#include "ui/editor/sourceeditor.h"

#include "hcl/hcldocument.h"
#include "platform/session.h"
#include "ui/editor/hclhighlighter.h"
#include "ui/editor/yamlhighlighter.h"
#include "ui/theme/theme.h"
#include "yaml/yamldocument.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QRegularExpressionValidator>
#include <QScopedValueRollback>
#include <QTextBlock>
#include <QToolButton>
#include <QToolTip>
#include <QUndoStack>
#include <QVBoxLayout>

namespace kanri::ui {

namespace {

// A pause longer than this starts a new undo step.
constexpr qint64 TypingPauseMs = 1500;

class Gutter : public QWidget
{
public:
    explicit Gutter(SourceTextEdit *edit)
        : QWidget(edit)
        , m_edit(edit)
    {}
    QSize sizeHint() const override { return {m_edit->gutterWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent *event) override { m_edit->paintGutter(event); }

private:
    SourceTextEdit *m_edit;
};

bool isUndo(const QKeyEvent *e)
{
    return e->matches(QKeySequence::Undo) ||
           (e->key() == Qt::Key_Z && e->modifiers() == Qt::ControlModifier);
}

bool isRedo(const QKeyEvent *e)
{
    return e->matches(QKeySequence::Redo) ||
           (e->key() == Qt::Key_Y && e->modifiers() == Qt::ControlModifier) ||
           (e->key() == Qt::Key_Z && e->modifiers() == (Qt::ControlModifier | Qt::ShiftModifier));
}

bool isFind(const QKeyEvent *e)
{
    return e->matches(QKeySequence::Find) ||
           (e->key() == Qt::Key_F && e->modifiers() == Qt::ControlModifier);
}

bool isGoToLine(const QKeyEvent *e)
{
    return e->key() == Qt::Key_L && e->modifiers() == Qt::ControlModifier;
}

} // namespace

SourceTextEdit::SourceTextEdit(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_gutter(new Gutter(this))
{
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setUndoRedoEnabled(false);
    setTabChangesFocus(false);
    connect(this, &QPlainTextEdit::blockCountChanged, this,
            [this] { setViewportMargins(gutterWidth(), 0, 0, 0); });
    connect(this, &QPlainTextEdit::updateRequest, this, &SourceTextEdit::updateGutter);
    setViewportMargins(gutterWidth(), 0, 0, 0);
}

int SourceTextEdit::gutterWidth() const
{
    int digits = 1;
    for (int n = std::max(1, blockCount()); n >= 10; n /= 10)
        ++digits;
    return 8 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * std::max(3, digits);
}

void SourceTextEdit::updateGutter(const QRect &rect, int dy)
{
    if (dy)
        m_gutter->scroll(0, dy);
    else
        m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
}

void SourceTextEdit::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect r = contentsRect();
    m_gutter->setGeometry(QRect(r.left(), r.top(), gutterWidth(), r.height()));
}

void SourceTextEdit::paintGutter(QPaintEvent *event)
{
    QPainter painter(m_gutter);
    painter.fillRect(event->rect(), palette().color(QPalette::AlternateBase));
    const int current = textCursor().blockNumber();
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    while (block.isValid() && top <= event->rect().bottom()) {
        const int height = qRound(blockBoundingRect(block).height());
        if (block.isVisible() && top + height >= event->rect().top()) {
            QFont f = font();
            f.setBold(block.blockNumber() == current);
            painter.setFont(f);
            painter.setPen(palette().color(block.blockNumber() == current ? QPalette::Active
                                                                          : QPalette::Disabled,
                                           QPalette::Text));
            painter.drawText(0, top, m_gutter->width() - 4, fontMetrics().height(), Qt::AlignRight,
                             QString::number(block.blockNumber() + 1));
        }
        block = block.next();
        top += height;
    }
}

bool SourceTextEdit::event(QEvent *event)
{
    // Keep these keys from the window's shortcuts (Undo, Filter Catalog) while typing here.
    if (event->type() == QEvent::ShortcutOverride) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (isUndo(key) || isRedo(key) || isFind(key) || isGoToLine(key)) {
            event->accept();
            return true;
        }
    }
    return QPlainTextEdit::event(event);
}

void SourceTextEdit::keyPressEvent(QKeyEvent *event)
{
    if (isUndo(event)) {
        Q_EMIT undoRequested();
    } else if (isRedo(event)) {
        Q_EMIT redoRequested();
    } else if (isFind(event)) {
        Q_EMIT findRequested();
    } else if (isGoToLine(event)) {
        Q_EMIT goToLineRequested();
    } else {
        QPlainTextEdit::keyPressEvent(event);
        return;
    }
    event->accept();
}

SourceEditor::SourceEditor(QWidget *parent)
    : QWidget(parent)
    , m_header(new QLabel)
    , m_edit(new SourceTextEdit)
    , m_errorBar(new QLabel)
    , m_findBar(new QWidget)
    , m_findBox(new QLineEdit)
    , m_lineBar(new QWidget)
    , m_lineBox(new QLineEdit)
{
    setObjectName(QStringLiteral("SourceEditor"));
    m_header->setTextFormat(Qt::PlainText);
    m_header->setAccessibleName(tr("Open file"));
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_edit->setAccessibleName(tr("Source text"));
    m_edit->setReadOnly(true);
    m_edit->setPlaceholderText(tr("Double-click a line of the rendered diff, or use File › "
                                  "Open File… (Ctrl+P), to see its source here."));
    m_edit->viewport()->installEventFilter(this);

    m_errorBar->setTextFormat(Qt::PlainText);
    m_errorBar->setWordWrap(true);
    m_errorBar->setAccessibleName(tr("Syntax error"));
    m_errorBar->setAutoFillBackground(true);
    m_errorBar->setContentsMargins(6, 3, 6, 3);
    m_errorBar->hide();

    // The find bar: type to search, Enter / Shift+Enter for the next / previous match.
    auto *findLayout = new QHBoxLayout(m_findBar);
    findLayout->setContentsMargins(0, 0, 0, 0);
    m_findBox->setPlaceholderText(tr("Find in file"));
    m_findBox->setAccessibleName(tr("Find in file"));
    m_findBox->setClearButtonEnabled(true);
    m_findBox->installEventFilter(this);
    auto *previous = new QToolButton;
    previous->setText(tr("Previous"));
    auto *next = new QToolButton;
    next->setText(tr("Next"));
    auto *closeFind = new QToolButton;
    closeFind->setText(tr("Close"));
    findLayout->addWidget(new QLabel(tr("Find:")));
    findLayout->addWidget(m_findBox, 1);
    findLayout->addWidget(previous);
    findLayout->addWidget(next);
    findLayout->addWidget(closeFind);
    m_findBar->hide();
    connect(m_findBox, &QLineEdit::textEdited, this, [this](const QString &text) {
        // Search again from where the current match starts, so typing extends it.
        QTextCursor c = m_edit->textCursor();
        c.setPosition(c.selectionStart());
        m_edit->setTextCursor(c);
        find(text);
    });
    connect(m_findBox, &QLineEdit::returnPressed, this, [this] { find(m_findBox->text()); });
    connect(next, &QToolButton::clicked, this, [this] { find(m_findBox->text()); });
    connect(previous, &QToolButton::clicked, this,
            [this] { find(m_findBox->text(), Direction::Backward); });
    connect(closeFind, &QToolButton::clicked, this, &SourceEditor::hideBars);

    // The go-to-line bar: "LINE" or "LINE:COLUMN", Enter to go.
    auto *lineLayout = new QHBoxLayout(m_lineBar);
    lineLayout->setContentsMargins(0, 0, 0, 0);
    m_lineBox->setPlaceholderText(tr("line[:column]"));
    m_lineBox->setAccessibleName(tr("Go to line"));
    m_lineBox->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral(R"(\d{0,9}(:\d{0,9})?)")), m_lineBox));
    m_lineBox->installEventFilter(this);
    lineLayout->addWidget(new QLabel(tr("Go to line:")));
    lineLayout->addWidget(m_lineBox, 1);
    m_lineBar->hide();
    connect(m_lineBox, &QLineEdit::returnPressed, this, [this] {
        const QStringList parts = m_lineBox->text().split(QLatin1Char(':'));
        const int line = parts.value(0).toInt();
        if (line > 0)
            goToLine(line, std::max(1, parts.value(1).toInt()));
        hideBars();
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(2);
    layout->addWidget(m_header);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_errorBar);
    layout->addWidget(m_findBar);
    layout->addWidget(m_lineBar);

    m_checkTimer.setSingleShot(true);
    m_checkTimer.setInterval(250);
    connect(&m_checkTimer, &QTimer::timeout, this, &SourceEditor::check);
    connect(m_edit, &QPlainTextEdit::textChanged, this, &SourceEditor::typed);
    connect(m_edit, &QPlainTextEdit::cursorPositionChanged, this, [this] {
        updateSelections();
        m_edit->viewport()->update();
    });
    connect(m_edit, &SourceTextEdit::undoRequested, this, [this] {
        if (m_session) {
            ++m_typingRun;
            m_session->buffers()->undoStack()->undo();
        }
    });
    connect(m_edit, &SourceTextEdit::redoRequested, this, [this] {
        if (m_session) {
            ++m_typingRun;
            m_session->buffers()->undoStack()->redo();
        }
    });
    connect(m_edit, &SourceTextEdit::findRequested, this, &SourceEditor::showFindBar);
    connect(m_edit, &SourceTextEdit::goToLineRequested, this, &SourceEditor::showLineBar);
    updateHeader();
}

SourceEditor::~SourceEditor()
{
    setSession(nullptr);
}

void SourceEditor::setSession(platform::Session *session)
{
    if (m_session) {
        disconnect(m_session->buffers(), nullptr, this, nullptr);
        disconnect(m_session, nullptr, this, nullptr);
    }
    closeFile();
    m_session = session;
    if (m_session) {
        connect(m_session->buffers(), &platform::EditBuffers::fileChanged, this,
                &SourceEditor::bufferChanged);
        // The title says "(unsaved)" and who owns the file: both follow saves and CODEOWNERS
        // edits.
        connect(m_session->buffers(), &platform::EditBuffers::saved, this,
                &SourceEditor::updateHeader);
        connect(m_session, &platform::Session::ownershipChanged, this, &SourceEditor::updateHeader);
    }
}

QString SourceEditor::displayName(const QString &file) const
{
    if (!m_session)
        return file;
    const platform::Catalog &c = m_session->catalog();
    for (const auto &spec : c.workspace.repositories) {
        const QString root = QDir::cleanPath(c.workspace.repositoryPath(spec));
        if (file.startsWith(root + QLatin1Char('/')))
            return spec.name + QLatin1Char('/') + file.mid(root.size() + 1);
    }
    return file;
}

bool SourceEditor::openFile(const QString &file, int line, int column)
{
    if (!m_session)
        return false;
    const QString path = QDir::cleanPath(file);
    if (path != m_file) {
        auto bytes = m_session->buffers()->read(path);
        if (!bytes)
            return false;
        // Swapping highlighters re-formats the text, which reports a text change: not typing.
        m_applying = true;
        m_file = path;
        const QFileInfo info(path);
        const QString suffix = info.suffix().toLower();
        m_syntax = suffix == QLatin1String("yaml") || suffix == QLatin1String("yml") ||
                           info.fileName() == QLatin1String("Kustomization")
                       ? Syntax::Yaml
                   : suffix == QLatin1String("tf") || suffix == QLatin1String("tfvars") ||
                           suffix == QLatin1String("hcl")
                       ? Syntax::Hcl
                       : Syntax::Plain;
        delete m_highlighter;
        m_highlighter = nullptr;
        if (m_syntax == Syntax::Yaml)
            m_highlighter = new YamlHighlighter(m_edit->document());
        else if (m_syntax == Syntax::Hcl)
            m_highlighter = new HclHighlighter(m_edit->document());
        m_crlf = bytes->contains("\r\n");
        ++m_typingRun;
        m_edit->setPlainText(QString::fromUtf8(*bytes));
        m_applying = false;
        m_edit->setReadOnly(false);
        m_error.reset();
        check();
        updateHeader();
        Q_EMIT fileOpened(m_file);
    }
    if (line > 0)
        goToLine(line, std::max(1, column));
    return true;
}

void SourceEditor::closeFile()
{
    m_file.clear();
    m_applying = true;
    m_edit->clear();
    delete m_highlighter;
    m_highlighter = nullptr;
    m_applying = false;
    m_edit->setReadOnly(true);
    m_syntax = Syntax::Plain;
    const bool hadError = m_error.has_value();
    m_error.reset();
    m_errorBar->hide();
    hideBars();
    updateSelections();
    updateHeader();
    if (hadError)
        Q_EMIT parseErrorChanged(m_error);
}

void SourceEditor::updateHeader()
{
    if (m_file.isEmpty() || !m_session) {
        m_header->setText(tr("No file open"));
        m_header->setToolTip({});
        return;
    }
    QString text = displayName(m_file);
    if (m_session->buffers()->isModified(m_file))
        text += QStringLiteral(" ") + tr("(unsaved)");
    if (!m_session->ownsFile(m_file)) {
        const QStringList owners = m_session->ownersOfFile(m_file);
        if (!owners.isEmpty())
            text +=
                QStringLiteral(" — ") +
                tr("owned by %1: changes need their review").arg(owners.join(QLatin1String(", ")));
    }
    m_header->setText(text);
    m_header->setToolTip(m_file);
}

void SourceEditor::typed()
{
    if (m_applying || m_file.isEmpty() || !m_session)
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (now - m_lastTyped > TypingPauseMs)
        ++m_typingRun;
    m_lastTyped = now;
    QByteArray bytes = m_edit->toPlainText().toUtf8();
    if (m_crlf)
        bytes.replace("\n", "\r\n");
    m_applying = true; // the buffer's change signal comes back synchronously
    m_session->buffers()->edit(m_file, bytes, tr("Typing in %1").arg(QFileInfo(m_file).fileName()),
                               QStringLiteral("editor:%1:%2").arg(m_file).arg(m_typingRun));
    m_applying = false;
    updateHeader();
    m_checkTimer.start();
}

void SourceEditor::bufferChanged(const QString &path)
{
    if (m_applying || path != m_file || !m_session)
        return;
    auto bytes = m_session->buffers()->read(path);
    if (!bytes) {
        closeFile(); // an edit that had created the file was undone
        return;
    }
    ++m_typingRun; // typing after an outside change is a new undo step
    applyExternal(QString::fromUtf8(*bytes).replace(QLatin1String("\r\n"), QLatin1String("\n")));
    updateHeader();
    m_checkTimer.start();
}

void SourceEditor::applyExternal(const QString &text)
{
    const QString old = m_edit->toPlainText();
    if (old == text)
        return;
    // Replace only the part that differs, so the cursor and scroll position stay put.
    qsizetype prefix = 0;
    const qsizetype shortest = std::min(old.size(), text.size());
    while (prefix < shortest && old.at(prefix) == text.at(prefix))
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < shortest - prefix &&
           old.at(old.size() - 1 - suffix) == text.at(text.size() - 1 - suffix))
        ++suffix;
    QTextCursor c(m_edit->document());
    c.setPosition(int(prefix));
    c.setPosition(int(old.size() - suffix), QTextCursor::KeepAnchor);
    m_applying = true;
    c.insertText(text.mid(prefix, text.size() - suffix - prefix));
    m_applying = false;
}

void SourceEditor::checkNow()
{
    m_checkTimer.stop();
    check();
}

void SourceEditor::check()
{
    std::optional<Error> error;
    if (!m_file.isEmpty()) {
        const QByteArray bytes = m_edit->toPlainText().toUtf8();
        if (m_syntax == Syntax::Yaml) {
            if (auto doc = yaml::YamlDocument::parse(bytes, m_file); !doc)
                error = doc.error();
        } else if (m_syntax == Syntax::Hcl) {
            if (auto doc = hcl::Document::parse(bytes, m_file); !doc)
                error = doc.error();
        }
    }
    const bool changed =
        error.has_value() != m_error.has_value() ||
        (error && (error->line != m_error->line || error->column != m_error->column ||
                   error->message != m_error->message));
    m_error = error;
    if (m_error) {
        QPalette p = m_errorBar->palette();
        p.setColor(QPalette::Window, QColor(0xd3, 0x2f, 0x2f));
        p.setColor(QPalette::WindowText, Qt::white);
        m_errorBar->setPalette(p);
        m_errorBar->setText(tr("Line %1, column %2: %3")
                                .arg(m_error->line)
                                .arg(m_error->column)
                                .arg(m_error->message));
        m_errorBar->setToolTip(m_error->toString());
        m_errorBar->show();
    } else {
        m_errorBar->hide();
    }
    updateSelections();
    if (changed)
        Q_EMIT parseErrorChanged(m_error);
}

void SourceEditor::updateSelections()
{
    QList<QTextEdit::ExtraSelection> selections;
    const QPalette pal = m_edit->palette();
    const ThemeColours &colours = themeColours(isDarkPalette(pal));
    if (!m_file.isEmpty()) {
        QTextEdit::ExtraSelection line;
        line.format.setBackground(colours.currentLineBackground);
        line.format.setProperty(QTextFormat::FullWidthSelection, true);
        line.cursor = m_edit->textCursor();
        line.cursor.clearSelection();
        selections << line;
    }
    if (m_findBar->isVisible() && !m_findBox->text().isEmpty()) {
        QTextCursor c(m_edit->document());
        for (int n = 0; n < 2000; ++n) {
            c = m_edit->document()->find(m_findBox->text(), c);
            if (c.isNull())
                break;
            QTextEdit::ExtraSelection hit;
            hit.format.setBackground(colours.findBackground);
            hit.cursor = c;
            selections << hit;
        }
    }
    if (m_error && m_error->line > 0) {
        QTextBlock block = m_edit->document()->findBlockByNumber(m_error->line - 1);
        if (!block.isValid())
            block = m_edit->document()->lastBlock();
        const int length = block.length() - 1; // without the paragraph separator
        int col = std::clamp(m_error->column - 1, 0, std::max(0, length));
        // Underline the token at the error, or the last character when it is at the end.
        int end = col;
        const QString text = block.text();
        while (end < length && !text.at(end).isSpace())
            ++end;
        if (end == col) {
            if (col < length)
                end = col + 1;
            else if (col > 0)
                col = col - 1, end = col + 1;
        }
        QTextEdit::ExtraSelection error;
        error.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        error.format.setUnderlineColor(QColor(0xe5, 0x39, 0x35));
        error.format.setToolTip(m_error->message);
        error.cursor = QTextCursor(block);
        error.cursor.setPosition(block.position() + col);
        error.cursor.setPosition(block.position() + std::max(end, col), QTextCursor::KeepAnchor);
        if (end == col) { // an empty line: mark the whole line
            error.format.setBackground(QColor(0xe5, 0x39, 0x35, 60));
            error.format.setProperty(QTextFormat::FullWidthSelection, true);
        }
        selections << error;
    }
    m_edit->setExtraSelections(selections);
}

void SourceEditor::goToLine(int line, int column)
{
    QTextBlock block = m_edit->document()->findBlockByNumber(line - 1);
    if (!block.isValid())
        block = m_edit->document()->lastBlock();
    QTextCursor c(block);
    c.setPosition(block.position() + std::clamp(column - 1, 0, block.length() - 1));
    m_edit->setTextCursor(c);
    m_edit->centerCursor();
    m_edit->setFocus();
}

bool SourceEditor::find(const QString &text, Direction direction)
{
    if (text.isEmpty())
        return false;
    const QTextDocument::FindFlags flags =
        direction == Direction::Backward ? QTextDocument::FindBackward : QTextDocument::FindFlags();
    bool found = m_edit->find(text, flags);
    if (!found) { // wrap around
        QTextCursor c = m_edit->textCursor();
        c.movePosition(direction == Direction::Backward ? QTextCursor::End : QTextCursor::Start);
        m_edit->setTextCursor(c);
        found = m_edit->find(text, flags);
    }
    QPalette p = m_findBox->palette();
    p.setColor(QPalette::Base, found ? palette().color(QPalette::Base)
                                     : themeColours(isDarkPalette(palette())).missingBackground);
    m_findBox->setPalette(p);
    updateSelections();
    return found;
}

void SourceEditor::showFindBar()
{
    m_lineBar->hide();
    m_findBar->show();
    const QString selected = m_edit->textCursor().selectedText();
    if (!selected.isEmpty() && !selected.contains(QChar::ParagraphSeparator))
        m_findBox->setText(selected);
    m_findBox->setFocus();
    m_findBox->selectAll();
    updateSelections();
}

void SourceEditor::showLineBar()
{
    m_findBar->hide();
    m_lineBar->show();
    m_lineBox->setText(QString::number(m_edit->textCursor().blockNumber() + 1));
    m_lineBox->setFocus();
    m_lineBox->selectAll();
}

void SourceEditor::hideBars()
{
    const bool wasVisible = m_findBar->isVisible() || m_lineBar->isVisible();
    m_findBar->hide();
    m_lineBar->hide();
    updateSelections();
    if (wasVisible)
        m_edit->setFocus();
}

bool SourceEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_edit->viewport() && event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const int pos = m_edit->cursorForPosition(help->pos()).position();
        for (const auto &s : m_edit->extraSelections()) {
            if (s.format.toolTip().isEmpty())
                continue;
            if (pos >= s.cursor.selectionStart() && pos <= s.cursor.selectionEnd()) {
                QToolTip::showText(help->globalPos(), s.format.toolTip(), m_edit->viewport());
                return true;
            }
        }
        QToolTip::hideText();
        return true;
    }
    if ((watched == m_findBox || watched == m_lineBox) && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Escape) {
            hideBars();
            return true;
        }
        if (watched == m_findBox && (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
            (key->modifiers() & Qt::ShiftModifier)) {
            find(m_findBox->text(), Direction::Backward);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void SourceEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        const QScopedValueRollback<bool> applying(m_applying, true);
        if (auto *y = qobject_cast<YamlHighlighter *>(m_highlighter))
            y->updateColors(palette());
        else if (auto *h = qobject_cast<HclHighlighter *>(m_highlighter))
            h->updateColors(palette());
        updateSelections();
    }
    QWidget::changeEvent(event);
}

} // namespace kanri::ui
