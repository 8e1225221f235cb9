#include "ui/diff/diffpanel.h"

#include "ui/diff/diffhighlighter.h"
#include "ui/diff/intralinehighlight.h"

#include "core/workerpool.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QTextBlock>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace kanri::ui {

namespace {

QPlainTextEdit *makeView(const QString &name)
{
    auto *view = new QPlainTextEdit;
    view->setReadOnly(true);
    view->setLineWrapMode(QPlainTextEdit::NoWrap);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    view->setAccessibleName(name);
    new DiffViewHighlighter(view);
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
    , m_building(new QFutureWatcher<std::array<QString, 3>>(this))
    , m_applyLater(new QTimer(this))
{
    m_applyLater->setSingleShot(true);
    m_applyLater->setInterval(0);
    connect(m_applyLater, &QTimer::timeout, this, &DiffPanel::applyPending);
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
    if (files.isEmpty() && m_accounts.isEmpty())
        return; // nothing before, nothing now (the window sets both after every edit)
    m_accounts = files;
    render();
}

void DiffPanel::setBusy(bool busy)
{
    setCursor(busy ? Qt::BusyCursor : Qt::ArrowCursor);
}

QString DiffPanel::unifiedText() const
{
    const_cast<DiffPanel *>(this)->finishPending();
    return m_unified->toPlainText();
}
QString DiffPanel::summaryText() const
{
    return m_summary->text();
}

bool DiffPanel::isUpToDate() const
{
    return !m_buildPending && m_shown == m_target;
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

namespace {

// The unified text and the two side-by-side columns of the results.
std::array<QString, 3> buildTexts(const QList<platform::LiveDiff::EnvironmentDiff> &results,
                                  const QList<platform::LiveDiff::FileDiff> &accounts)
{
    QString unified, left, right;
    for (const auto &env : results) {
        const QByteArray text =
            diff::formatRenderDiff(env.diff, env.environment + QStringLiteral(" ·"));
        unified += QString::fromUtf8(text);
        for (const auto &r : env.diff.resources)
            appendSideBySide(
                QStringLiteral("=== %1 · %2").arg(env.environment, r.any().displayName()), r.hunks,
                left, right);
    }
    for (const auto &file : accounts) {
        const QString header = QStringLiteral("=== accounts · %1").arg(file.file);
        unified += header + QLatin1Char('\n') + QString::fromUtf8(diff::formatHunks(file.hunks));
        appendSideBySide(header, file.hunks, left, right);
    }
    return {unified, left, right};
}

qsizetype lineCount(const QList<platform::LiveDiff::EnvironmentDiff> &results,
                    const QList<platform::LiveDiff::FileDiff> &accounts)
{
    qsizetype lines = 0;
    for (const auto &env : results)
        for (const auto &r : env.diff.resources)
            for (const auto &h : r.hunks)
                lines += h.lines.size() + 1;
    for (const auto &file : accounts)
        for (const auto &h : file.hunks)
            lines += h.lines.size() + 1;
    return lines;
}

// What a piece of the text put in at once holds at most (characters): about 10 ms of the GUI
// thread's time on the 2-core development machine.
constexpr qsizetype kPiece = 64 * 1024;

// Characters QTextDocument does not keep one for one (a CR LF becomes one block break): a text
// with them is put in whole, not spliced.
bool spliceable(const QString &text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == u'\r' || u == QChar::ParagraphSeparator || u == 0xfdd0 || u == 0xfdd1)
            return false;
    }
    return true;
}

} // namespace

void DiffPanel::render()
{
    QStringList summary;
    for (const auto &env : std::as_const(m_results)) {
        QString line = env.environment + QStringLiteral(": ") + env.diff.summary();
        if (!env.error.isEmpty())
            line += QStringLiteral(" — ") + env.error;
        summary << line;
    }
    for (const auto &file : std::as_const(m_accounts))
        summary << tr("accounts: %1 changed").arg(file.file);
    if (m_results.isEmpty() && m_accounts.isEmpty())
        summary << (m_service.isEmpty() ? tr("Select a service to see its rendered diff.")
                                        : tr("%1: rendering…").arg(m_service));
    m_summary->setText(summary.join(QLatin1Char('\n')));

    // A large diff is built on a worker: the GUI thread only puts it in, a piece at a time.
    const quint64 generation = ++m_generation;
    if (lineCount(m_results, m_accounts) < kLargeLines) {
        m_buildPending = false;
        textsBuilt(buildTexts(m_results, m_accounts));
        return;
    }
    m_building->disconnect(this);
    connect(m_building, &QFutureWatcher<std::array<QString, 3>>::finished, this,
            [this, generation] {
                if (generation == m_generation && m_buildPending) {
                    m_buildPending = false;
                    textsBuilt(m_building->result());
                }
            });
    m_buildPending = true;
    // Never on Qt's global pool: the raster engine waits there for its own fill jobs
    // (core/workerpool.h), and a megabyte's texts would hold up the panel's paint.
    m_building->setFuture(QtConcurrent::run(workerPool(), buildTexts, m_results, m_accounts));
}

void DiffPanel::textsBuilt(const std::array<QString, 3> &texts)
{
    m_target = texts;
    applyPending();
}

void DiffPanel::applyPending()
{
    bool more = false;
    for (int view = 0; view < 3; ++view)
        more = applyStep(view, true) || more;
    if (more) {
        m_applyLater->start();
        return;
    }
    highlightChangedCharacters(m_left, m_right);
}

void DiffPanel::finishPending()
{
    if (m_buildPending) {
        m_building->waitForFinished();
        m_buildPending = false;
        m_target = m_building->result();
    }
    if (m_shown == m_target)
        return;
    m_applyLater->stop();
    for (int view = 0; view < 3; ++view)
        applyStep(view, false);
    highlightChangedCharacters(m_left, m_right);
}

// Puts the view's target text in by replacing only what differs from what it shows (its
// common beginning and end stay, and with them the scroll position, the cursor and the
// colouring of the lines around). `bounded`: at most a piece is removed or inserted, and the
// result tells whether more is left.
bool DiffPanel::applyStep(int index, bool bounded)
{
    QPlainTextEdit *view =
        std::array<QPlainTextEdit *, 3>{m_unified, m_left, m_right}[size_t(index)];
    QString &shown = m_shown[size_t(index)];
    const QString &target = m_target[size_t(index)];
    if (shown == target)
        return false;
    if ((shown.isEmpty() && (!bounded || target.size() <= kPiece)) || !spliceable(target) ||
        !spliceable(shown)) {
        view->setPlainText(target);
        shown = target;
        return false;
    }
    const qsizetype common = std::min(shown.size(), target.size());
    const QChar *a = shown.constData();
    const QChar *b = target.constData();
    const qsizetype prefix = std::mismatch(a, a + common, b).first - a;
    const QChar *shownEnd = a + shown.size();
    const auto back = std::mismatch(std::make_reverse_iterator(shownEnd),
                                    std::make_reverse_iterator(shownEnd - (common - prefix)),
                                    std::make_reverse_iterator(b + target.size()));
    const qsizetype suffix = shownEnd - back.first.base();
    qsizetype removed = shown.size() - prefix - suffix;
    QString inserted = target.mid(prefix, target.size() - prefix - suffix);
    if (bounded && removed > kPiece) {
        // A large removal first, a piece (ending at a line break) at a time.
        const qsizetype cut = shown.indexOf(QLatin1Char('\n'), prefix + kPiece);
        removed =
            (cut < 0 ? shown.size() - suffix : std::min(cut + 1, shown.size() - suffix)) - prefix;
        inserted.clear();
    } else if (bounded && inserted.size() > kPiece) {
        const qsizetype cut = inserted.indexOf(QLatin1Char('\n'), kPiece);
        if (cut >= 0)
            inserted.truncate(cut + 1);
    }
    QTextCursor cursor(view->document());
    cursor.beginEditBlock();
    cursor.setPosition(int(prefix));
    cursor.setPosition(int(prefix + removed), QTextCursor::KeepAnchor);
    cursor.insertText(inserted);
    cursor.endEditBlock();
    shown.replace(prefix, removed, inserted);
    return shown != target;
}

void DiffPanel::changeEvent(QEvent *event)
{
    // A theme change: the highlighters pick the theme's colours again.
    if (event->type() == QEvent::PaletteChange) {
        for (QPlainTextEdit *view : {m_unified, m_left, m_right}) {
            if (auto *h = view->findChild<DiffViewHighlighter *>())
                h->invalidateAll();
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
