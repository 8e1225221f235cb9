#include "ui/diff/diffpanel.h"

#include "ui/diff/diffhighlighter.h"
#include "ui/diff/intralinehighlight.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QSyntaxHighlighter>
#include <QTextBlock>
#include <QVBoxLayout>

namespace kanri::ui {

namespace {

QPlainTextEdit *makeView(const QString &name)
{
    auto *view = new QPlainTextEdit;
    view->setReadOnly(true);
    view->setLineWrapMode(QPlainTextEdit::NoWrap);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    view->setAccessibleName(name);
    new DiffHighlighter(view->document());
    return view;
}

} // namespace

DiffPanel::DiffPanel(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel)
    , m_mode(new QComboBox)
    , m_stack(new QStackedWidget)
    , m_unified(makeView(tr("Rendered diff")))
    , m_left(makeView(tr("Rendered YAML at HEAD")))
    , m_right(makeView(tr("Rendered YAML with your changes")))
{
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_summary->setAccessibleName(tr("Diff summary"));
    m_mode->addItems({tr("Unified"), tr("Side by side")});
    m_mode->setAccessibleName(tr("Diff layout"));
    auto *split = new QSplitter;
    split->addWidget(m_left);
    split->addWidget(m_right);
    connect(m_left->verticalScrollBar(), &QScrollBar::valueChanged, m_right->verticalScrollBar(),
            &QScrollBar::setValue);
    connect(m_right->verticalScrollBar(), &QScrollBar::valueChanged, m_left->verticalScrollBar(),
            &QScrollBar::setValue);
    // Moving along the lines side by side keeps a line's changed characters in view.
    for (QPlainTextEdit *view : {m_left, m_right})
        connect(view, &QPlainTextEdit::cursorPositionChanged, this, [this, view] {
            revealChangedCharacters(m_left, m_right, view->textCursor().blockNumber());
        });
    m_stack->addWidget(m_unified);
    m_stack->addWidget(split);
    connect(m_mode, &QComboBox::currentIndexChanged, m_stack, &QStackedWidget::setCurrentIndex);

    auto *top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(m_mode);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_stack, 1);
    for (QPlainTextEdit *view : {m_unified, m_left, m_right}) {
        view->installEventFilter(this);
        view->viewport()->installEventFilter(this);
    }

    render();
}

void DiffPanel::setResults(const QString &service,
                           const QList<platform::LiveDiff::EnvironmentDiff> &results)
{
    m_service = service;
    m_results = results;
    render();
}

void DiffPanel::setAccountsDiffs(const QList<platform::LiveDiff::FileDiff> &files)
{
    m_accounts = files;
    render();
}

void DiffPanel::setBusy(bool busy)
{
    setCursor(busy ? Qt::BusyCursor : Qt::ArrowCursor);
}

QString DiffPanel::unifiedText() const
{
    return m_unified->toPlainText();
}
QString DiffPanel::summaryText() const
{
    return m_summary->text();
}

namespace {

// Both sides of the hunks under `header`, removed and added runs paired line by line so that
// the two columns stay aligned.
void appendSideBySide(const QString &header, const QList<diff::Hunk> &hunks, QString &left,
                      QString &right)
{
    left += header + QLatin1Char('\n');
    right += header + QLatin1Char('\n');
    for (const auto &h : hunks) {
        left += QString::fromUtf8(h.header()) + QLatin1Char('\n');
        right += QString::fromUtf8(h.header()) + QLatin1Char('\n');
        QStringList removed, added;
        auto flush = [&] {
            const qsizetype n = std::max(removed.size(), added.size());
            for (qsizetype i = 0; i < n; ++i) {
                left += (i < removed.size() ? QStringLiteral("-") + removed[i] : QString()) +
                        QLatin1Char('\n');
                right += (i < added.size() ? QStringLiteral("+") + added[i] : QString()) +
                         QLatin1Char('\n');
            }
            removed.clear();
            added.clear();
        };
        for (const auto &l : h.lines) {
            const QString t = QString::fromUtf8(l.text);
            if (l.kind == diff::DiffLine::Kind::Removed) {
                removed << t;
            } else if (l.kind == diff::DiffLine::Kind::Added) {
                added << t;
            } else {
                flush();
                left += QLatin1Char(' ') + t + QLatin1Char('\n');
                right += QLatin1Char(' ') + t + QLatin1Char('\n');
            }
        }
        flush();
    }
}

} // namespace

void DiffPanel::render()
{
    QStringList summary;
    QString unified, left, right;
    for (const auto &env : std::as_const(m_results)) {
        QString line = env.environment + QStringLiteral(": ") + env.diff.summary();
        if (!env.error.isEmpty())
            line += QStringLiteral(" — ") + env.error;
        summary << line;
        const QByteArray text =
            diff::formatRenderDiff(env.diff, env.environment + QStringLiteral(" ·"));
        unified += QString::fromUtf8(text);
        for (const auto &r : env.diff.resources)
            appendSideBySide(
                QStringLiteral("=== %1 · %2").arg(env.environment, r.any().displayName()), r.hunks,
                left, right);
    }
    for (const auto &file : std::as_const(m_accounts)) {
        const QString header = QStringLiteral("=== accounts · %1").arg(file.file);
        unified += header + QLatin1Char('\n') + QString::fromUtf8(diff::formatHunks(file.hunks));
        appendSideBySide(header, file.hunks, left, right);
        summary << tr("accounts: %1 changed").arg(file.file);
    }
    if (m_results.isEmpty() && m_accounts.isEmpty())
        summary << (m_service.isEmpty() ? tr("Select a service to see its rendered diff.")
                                        : tr("%1: rendering…").arg(m_service));
    m_summary->setText(summary.join(QLatin1Char('\n')));
    m_unified->setPlainText(unified);
    m_left->setPlainText(left);
    m_right->setPlainText(right);
    highlightChangedCharacters(m_left, m_right);
}

void DiffPanel::changeEvent(QEvent *event)
{
    // A theme change: the highlighters pick the theme's colours again.
    if (event->type() == QEvent::PaletteChange) {
        for (QPlainTextEdit *view : {m_unified, m_left, m_right}) {
            if (auto *h = view->document()->findChild<QSyntaxHighlighter *>())
                h->rehighlight();
        }
    }
    QWidget::changeEvent(event);
}

bool DiffPanel::eventFilter(QObject *watched, QEvent *event)
{
    const bool click = event->type() == QEvent::MouseButtonDblClick;
    const bool enter = event->type() == QEvent::KeyPress &&
                       (static_cast<QKeyEvent *>(event)->key() == Qt::Key_Return ||
                        static_cast<QKeyEvent *>(event)->key() == Qt::Key_Enter);
    if (click || enter) {
        for (QPlainTextEdit *view : {m_unified, m_left, m_right}) {
            if (watched != view && watched != view->viewport())
                continue;
            const QTextCursor cursor =
                click ? view->cursorForPosition(
                            static_cast<QMouseEvent *>(event)->position().toPoint())
                      : view->textCursor();
            const DiffColumn column = view == m_unified ? DiffColumn::Unified
                                      : view == m_left  ? DiffColumn::Left
                                                        : DiffColumn::Right;
            if (auto a = diffLineActivation(cursor.block(), column, m_results)) {
                Q_EMIT lineActivated(*a);
                return true;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace kanri::ui
