#include "ui/github/prreviewwidget.h"

#include "github/githubreviewqueue.h"
#include "review/reviewcomment.h"
#include "ui/diff/diffhighlighter.h"
#include "ui/diff/diffpanel.h"
#include "ui/diff/tfimpactview.h"

#include <QAction>
#include <QContextMenuEvent>
#include <QDateTime>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTextBlock>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace kanri::ui {

PrReviewWidget::PrReviewWidget(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_meta(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_diff(new DiffPanel(this))
    , m_tfImpact(new TfImpactView(this))
    , m_files(new QTreeWidget(this))
    , m_sourceDiff(new QPlainTextEdit(this))
    , m_lineCommentsLabel(new QLabel(this))
    , m_draftNotice(new QLabel(this))
    , m_details(new QPlainTextEdit(this))
    , m_conversation(new QPlainTextEdit(this))
    , m_reviewText(new QPlainTextEdit(this))
    , m_comment(new QPushButton(tr("Comment"), this))
    , m_approve(new QPushButton(tr("Approve"), this))
    , m_requestChanges(new QPushButton(tr("Request changes"), this))
    , m_pending(new QLabel(this))
    , m_sync(new QPushButton(tr("Post now"), this))
{
    setObjectName(QStringLiteral("prReviewWidget"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_meta->setWordWrap(true);
    m_meta->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_files->setColumnCount(4);
    m_files->setHeaderLabels({tr("File"), tr("Status"), tr("+"), tr("−")});
    m_files->setRootIsDecorated(false);
    m_files->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_files->header()->setStretchLastSection(false);
    m_sourceDiff->setReadOnly(true);
    m_sourceDiff->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_sourceDiff->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_sourceDiff->setAccessibleName(tr("Source diff"));
    m_sourceDiff->setPlaceholderText(
        tr("Double-click a file (or press Enter) to see its source diff. Right-click a line "
           "to comment on it."));
    new DiffHighlighter(m_sourceDiff->document());
    m_lineCommentsLabel->setObjectName(QStringLiteral("prLineComments"));
    // One line per comment, not wrapped: the label always gets the height of its lines.
    m_lineCommentsLabel->setWordWrap(false);
    m_lineCommentsLabel->setTextFormat(Qt::PlainText);
    m_draftNotice->setObjectName(QStringLiteral("prDraftNotice"));
    m_draftNotice->setWordWrap(true);
    m_draftNotice->hide();
    m_details->setReadOnly(true);
    m_conversation->setReadOnly(true);
    m_reviewText->setPlaceholderText(
        tr("Your review. Written offline, it is kept and posted when GitHub can be reached."));
    m_reviewText->setMaximumHeight(90);
    m_pending->setObjectName(QStringLiteral("prPending"));
    m_pending->setWordWrap(true);

    m_tabs->addTab(m_diff, tr("Rendered diff"));
    auto *filesSplit = new QSplitter(Qt::Vertical);
    filesSplit->addWidget(m_files);
    filesSplit->addWidget(m_sourceDiff);
    filesSplit->setStretchFactor(0, 1);
    filesSplit->setStretchFactor(1, 3);
    m_tabs->addTab(filesSplit, tr("Files changed"));
    m_tabs->addTab(m_details, tr("Terraform and findings"));
    m_tabs->addTab(m_conversation, tr("Conversation"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_pending, 1);
    buttons->addWidget(m_sync);
    buttons->addWidget(m_comment);
    buttons->addWidget(m_requestChanges);
    buttons->addWidget(m_approve);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_meta);
    layout->addWidget(m_tfImpact);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_draftNotice);
    layout->addWidget(m_reviewText);
    layout->addWidget(m_lineCommentsLabel);
    layout->addLayout(buttons);

    connect(m_comment, &QPushButton::clicked, this,
            [this] { submit(github::ReviewEvent::Comment); });
    connect(m_approve, &QPushButton::clicked, this,
            [this] { submit(github::ReviewEvent::Approve); });
    connect(m_requestChanges, &QPushButton::clicked, this,
            [this] { submit(github::ReviewEvent::RequestChanges); });
    connect(m_sync, &QPushButton::clicked, this, &PrReviewWidget::syncRequested);
    connect(m_meta, &QLabel::linkActivated, this,
            [this](const QString &link) { Q_EMIT openUrlRequested(QUrl(link)); });
    connect(m_reviewText, &QPlainTextEdit::textChanged, this, [this] {
        updateButtons();
        if (!m_restoring && m_number > 0)
            Q_EMIT draftChanged();
    });
    connect(m_files, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem *item) { openFileDiff(m_files->indexOfTopLevelItem(item)); });

    // Comment on Line…: on the source diff, and on each view of the rendered diff.
    QList<QPlainTextEdit *> views{m_sourceDiff};
    for (QPlainTextEdit *v : m_diff->findChildren<QPlainTextEdit *>())
        views.append(v);
    for (QPlainTextEdit *view : std::as_const(views)) {
        auto *action = new QAction(tr("Comment on Line…"), view);
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_M));
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, [this, view] { askLineComment(view); });
        view->addAction(action);
        view->viewport()->installEventFilter(this);
    }
    setPending({}, {});
    setEmpty(tr("No pull request open."));
}

void PrReviewWidget::setEmpty(const QString &message)
{
    m_number = 0;
    m_title->setText(tr("Pull request review"));
    m_meta->setText(message);
    m_diff->setResults({}, {});
    m_files->clear();
    m_sourceDiff->clear();
    m_openFile = -1;
    m_lineComments.clear();
    updateLineComments();
    m_draftNotice->clear();
    m_draftNotice->hide();
    m_details->clear();
    m_conversation->clear();
    m_comment->setEnabled(false);
    m_approve->setEnabled(false);
    m_requestChanges->setEnabled(false);
}

void PrReviewWidget::setPull(const QString &repository, const github::OfflinePull &pull,
                             bool offlineCopy)
{
    m_repository = repository;
    m_number = pull.pull.number;
    m_pull = pull;
    const github::PullRequest &p = pull.pull;
    setWindowTitle(tr("#%1 %2 — %3").arg(p.number).arg(p.title, repository));
    m_title->setText(tr("#%1 %2").arg(p.number).arg(p.title.toHtmlEscaped()));
    QString state = p.state;
    if (p.draft)
        state += tr(", draft");
    QString meta =
        tr("<b>%1</b> wants to merge <code>%2</code> into <code>%3</code> · %4 · "
           "<a href=\"%5\">%6</a>")
            .arg(p.author.toHtmlEscaped(), p.headRef.toHtmlEscaped(), p.baseRef.toHtmlEscaped(),
                 state.toHtmlEscaped(), p.htmlUrl.toHtmlEscaped(), repository.toHtmlEscaped());
    if (offlineCopy && pull.fetchedAt.isValid())
        meta += tr(" · offline copy of %1")
                    .arg(QLocale().toString(pull.fetchedAt.toLocalTime(), QLocale::ShortFormat));
    m_meta->setText(meta);

    m_files->clear();
    for (const github::PullFile &f : pull.files) {
        auto *item = new QTreeWidgetItem(m_files);
        item->setText(0, f.previousFilename.isEmpty()
                             ? f.filename
                             : tr("%1 (from %2)").arg(f.filename, f.previousFilename));
        item->setText(1, f.status);
        item->setText(2, QString::number(f.additions));
        item->setText(3, QString::number(f.deletions));
    }
    m_tabs->setTabText(1, tr("Files changed (%1)").arg(pull.files.size()));
    m_sourceDiff->clear();
    m_openFile = -1;
    m_approve->setEnabled(true);
    // A new head may move the lines of drafted comments: say so (nothing to save for it).
    m_restoring = true;
    updateLineComments();
    m_restoring = false;
    updateConversation();
}

void PrReviewWidget::setReviewBusy(const QString &message)
{
    m_tfImpact->clear();
    m_diff->setBusy(true);
    m_details->setPlainText(message);
}

void PrReviewWidget::setReview(const platform::ChangeReview &review)
{
    m_review = review;
    QList<platform::LiveDiff::EnvironmentDiff> results;
    for (const platform::OverlayReview &o : review.overlays) {
        platform::LiveDiff::EnvironmentDiff d;
        d.overlay = o.overlay;
        // "payment-api/prd": a pull request may change several services' overlays.
        const QStringList parts = o.overlay.split(QLatin1Char('/'));
        const bool isOverlay =
            parts.size() >= 2 && parts.at(parts.size() - 2) == QLatin1String("overlays");
        d.environment = !isOverlay ? o.overlay
                        : parts.size() < 3
                            ? parts.last()
                            : parts.at(parts.size() - 3) + QLatin1Char('/') + parts.last();
        d.diff = o.diff;
        if (!o.headError.isEmpty())
            d.error = o.headError;
        else if (!o.baseError.isEmpty())
            d.error = tr("the base does not render: %1").arg(o.baseError);
        results.append(d);
    }
    m_results = results;
    m_diff->setBusy(false);
    m_diff->setResults(tr("#%1").arg(m_number), results);
    m_tabs->setTabText(0, tr("Rendered diff (%1)").arg(review.overlays.size()));

    QStringList lines;
    lines << tr("Terraform:");
    if (review.terraform.isEmpty())
        lines << tr("  no map entries change");
    for (const platform::TerraformChange &t : review.terraform)
        lines << QStringLiteral("  %1: %2").arg(t.file, t.sentence);
    lines << QString() << tr("New rule findings:");
    if (!review.rulesRan)
        lines << tr("  the rules did not run");
    else if (review.newFindings.isEmpty())
        lines << tr("  none");
    if (!review.newFindings.isEmpty())
        lines << QString::fromUtf8(
            platform::formatFindings(review.newFindings, platform::ReportFormat::Text));
    if (!review.owners.isEmpty())
        lines << QString() << tr("Owners who must review: %1").arg(review.owners.join(", "));
    if (!review.notes.isEmpty())
        lines << QString() << tr("Notes:") << review.notes;
    m_details->setPlainText(lines.join(QLatin1Char('\n')));
}

void PrReviewWidget::setReviewError(const QString &message)
{
    m_diff->setBusy(false);
    m_diff->setResults(tr("#%1").arg(m_number), {});
    m_details->setPlainText(tr("The rendered diff is not available: %1").arg(message));
    m_tabs->setCurrentIndex(2);
}

void PrReviewWidget::setPending(const QStringList &pending, const QString &syncMessage)
{
    m_queued = pending;
    QString text = pending.isEmpty()
                       ? tr("Nothing waiting to be posted.")
                       : tr("%n pending: kept on disk and posted when GitHub can be reached.",
                            nullptr, int(pending.size()));
    if (!syncMessage.isEmpty())
        text += QLatin1Char(' ') + syncMessage;
    m_pending->setText(text);
    m_sync->setEnabled(!pending.isEmpty());
    updateConversation();
}

void PrReviewWidget::clearReviewText()
{
    m_draftNotice->clear();
    m_draftNotice->hide();
    m_reviewText->clear();
    m_lineComments.clear();
    updateLineComments();
}

void PrReviewWidget::updateButtons()
{
    const bool hasText =
        !m_reviewText->toPlainText().trimmed().isEmpty() || !m_lineComments.isEmpty();
    m_comment->setEnabled(hasText && m_number > 0);
    m_requestChanges->setEnabled(!m_reviewText->toPlainText().trimmed().isEmpty() && m_number > 0);
}

bool PrReviewWidget::openFileDiff(int row)
{
    if (row < 0 || row >= m_pull.files.size())
        return false;
    const github::PullFile &f = m_pull.files.at(row);
    m_tabs->setCurrentIndex(1);
    m_openFile = row;
    if (f.patch.isEmpty()) {
        m_sourceDiff->setPlainText(tr("=== %1\n(GitHub gives no text diff for this file: binary "
                                      "or too large)")
                                       .arg(f.filename));
        return false;
    }
    // The header line keeps the patch's line numbers: block N + 1 is line N of the patch.
    m_sourceDiff->setPlainText(QStringLiteral("=== %1\n").arg(f.filename) + f.patch);
    m_sourceDiff->setFocus();
    return true;
}

QString PrReviewWidget::sourceDiffText() const
{
    return m_sourceDiff->toPlainText();
}

bool PrReviewWidget::commentOnSourceLine(int blockNumber, const QString &text)
{
    if (m_openFile < 0 || m_openFile >= m_pull.files.size() || text.trimmed().isEmpty())
        return false;
    const github::PullFile &f = m_pull.files.at(m_openFile);
    const auto at = review::patchLineAt(f.patch, blockNumber - 1);
    if (!at)
        return false;
    addLineComment({f.filename, text.trimmed(), at->line, at->side, 0});
    return true;
}

bool PrReviewWidget::commentOnRenderedLine(DiffColumn column, int blockNumber, const QString &text)
{
    const QList<QPlainTextEdit *> views = m_diff->findChildren<QPlainTextEdit *>();
    QPlainTextEdit *view = nullptr;
    for (QPlainTextEdit *v : views) {
        const QString name = v->accessibleName();
        const bool unified = name == DiffPanel::tr("Rendered diff");
        const bool left = name == DiffPanel::tr("Rendered YAML at HEAD");
        if ((column == DiffColumn::Unified && unified) || (column == DiffColumn::Left && left) ||
            (column == DiffColumn::Right && !unified && !left))
            view = v;
    }
    if (!view || text.trimmed().isEmpty())
        return false;
    const QTextBlock block = view->document()->findBlockByNumber(blockNumber);
    const auto a = diffLineActivation(block, column, m_results);
    if (!a || !a->resource)
        return false;
    const QString where = QStringLiteral("%1 · %2").arg(
        a->environment, a->resource->kind + QLatin1Char(' ') + a->resource->name);
    Q_EMIT renderedLineCommentRequested(*a, where, block.text().mid(1), text.trimmed());
    return true;
}

void PrReviewWidget::addLineComment(const github::ReviewComment &comment, const QString &quotedLine)
{
    m_lineComments.append(review::DraftComment::from(comment, m_pull.pull.headSha, quotedLine));
    updateLineComments();
}

QList<github::ReviewComment> PrReviewWidget::lineComments() const
{
    QList<github::ReviewComment> comments;
    for (const review::DraftComment &c : m_lineComments)
        comments.append(c.comment());
    return comments;
}

review::ReviewDraft PrReviewWidget::draft() const
{
    review::ReviewDraft d;
    d.number = m_number;
    d.headSha = m_pull.pull.headSha;
    d.body = m_reviewText->toPlainText();
    d.comments = m_lineComments;
    return d;
}

void PrReviewWidget::restoreDraft(const review::ReviewDraft &draft)
{
    m_restoring = true;
    // Text typed in this window already (it stayed open) comes first; nothing is replaced.
    const QString typed = m_reviewText->toPlainText();
    if (!draft.body.isEmpty() && typed != draft.body)
        m_reviewText->setPlainText(
            typed.trimmed().isEmpty() ? draft.body : typed + QStringLiteral("\n\n") + draft.body);
    for (const review::DraftComment &c : draft.comments)
        if (!m_lineComments.contains(c))
            m_lineComments.append(c);
    m_restoring = false;
    int moved = 0;
    for (const review::DraftComment &c : std::as_const(m_lineComments))
        moved += c.mayHaveMoved(m_pull.pull.headSha) ? 1 : 0;
    // "from 14:05", with the date when it was not today.
    const QDateTime saved = draft.savedAt.toLocalTime();
    QString when = QLocale().toString(saved.time(), QStringLiteral("HH:mm"));
    if (saved.date() != QDate::currentDate())
        when = QLocale().toString(saved.date(), QLocale::ShortFormat) + QLatin1Char(' ') + when;
    QString notice = tr("Restored your draft review from %1.").arg(when);
    if (moved > 0)
        notice += QLatin1Char(' ') +
                  tr("The pull request changed since: %n line comment(s) may be on a moved "
                     "line and go into the review's text.",
                     nullptr, moved);
    m_draftNotice->setText(notice);
    m_draftNotice->show();
    updateLineComments();
}

QString PrReviewWidget::draftNoticeText() const
{
    return m_draftNotice->isHidden() ? QString() : m_draftNotice->text();
}

QString PrReviewWidget::lineCommentsText() const
{
    return m_lineCommentsLabel->text();
}

void PrReviewWidget::updateLineComments()
{
    QStringList lines;
    for (const review::DraftComment &c : std::as_const(m_lineComments)) {
        QString text = c.body.section(QLatin1Char('\n'), -1); // the reviewer's own words
        if (text.size() > 100)
            text = text.left(99) + QStringLiteral("…");
        lines << (c.line <= 0 ? tr("%1 (in the review's text): %2").arg(c.path, text)
                  : c.mayHaveMoved(m_pull.pull.headSha)
                      ? tr("%1:%2 (the line may have moved; goes into the review's text): %3")
                            .arg(c.path)
                            .arg(c.line)
                            .arg(text)
                      : tr("%1:%2: %3").arg(c.path).arg(c.line).arg(text));
    }
    m_lineCommentsLabel->setText(
        lines.isEmpty()
            ? QString()
            : tr("%n line comment(s), posted with your review:", nullptr, int(lines.size())) +
                  QLatin1Char('\n') + lines.join(QLatin1Char('\n')));
    m_lineCommentsLabel->setVisible(!lines.isEmpty());
    updateButtons();
    if (!m_restoring && m_number > 0)
        Q_EMIT draftChanged();
}

void PrReviewWidget::askLineComment(QPlainTextEdit *view)
{
    const int block = view->textCursor().blockNumber();
    const QString line = view->textCursor().block().text();
    if (line.isEmpty() || line.startsWith(QLatin1String("@@")) ||
        line.startsWith(QLatin1String("===")))
        return;
    bool ok = false;
    const QString text = QInputDialog::getMultiLineText(
        this, tr("Comment on Line"), tr("Comment on:\n%1").arg(line.left(120)), QString(), &ok);
    if (!ok || text.trimmed().isEmpty())
        return;
    if (view == m_sourceDiff) {
        commentOnSourceLine(block, text);
        return;
    }
    const QString name = view->accessibleName();
    commentOnRenderedLine(name == DiffPanel::tr("Rendered diff")           ? DiffColumn::Unified
                          : name == DiffPanel::tr("Rendered YAML at HEAD") ? DiffColumn::Left
                                                                           : DiffColumn::Right,
                          block, text);
}

bool PrReviewWidget::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::ContextMenu) {
        auto *view = qobject_cast<QPlainTextEdit *>(watched->parent());
        if (view && !view->actions().isEmpty()) {
            const auto *menuEvent = static_cast<QContextMenuEvent *>(event);
            view->setTextCursor(view->cursorForPosition(menuEvent->pos()));
            QMenu *menu = view->createStandardContextMenu();
            menu->insertAction(menu->actions().value(0), view->actions().first());
            menu->insertSeparator(menu->actions().value(1));
            menu->exec(menuEvent->globalPos());
            delete menu;
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

QString PrReviewWidget::headerText() const
{
    return m_title->text() + QLatin1Char('\n') + m_meta->text();
}

QString PrReviewWidget::pendingText() const
{
    return m_pending->text();
}

QString PrReviewWidget::conversationText() const
{
    return m_conversation->toPlainText();
}

QString PrReviewWidget::filesText() const
{
    QStringList names;
    for (int i = 0; i < m_files->topLevelItemCount(); ++i)
        names << m_files->topLevelItem(i)->text(0);
    return names.join(QLatin1Char('\n'));
}

void PrReviewWidget::submit(github::ReviewEvent event)
{
    // A comment drafted on an older head may name a line that now holds other text: it goes
    // into the review's text, named by file and line, rather than onto a wrong line.
    QList<github::ReviewComment> comments;
    for (const review::DraftComment &c : std::as_const(m_lineComments)) {
        github::ReviewComment comment = c.comment();
        if (comment.line > 0 && c.mayHaveMoved(m_pull.pull.headSha)) {
            comment.body = review::unplacedCommentText(comment);
            comment.line = 0;
        }
        comments.append(comment);
    }
    Q_EMIT reviewSubmitted(event, m_reviewText->toPlainText().trimmed(), comments);
}

void PrReviewWidget::updateConversation()
{
    if (m_number == 0)
        return;
    QStringList lines;
    // Kanri's idempotence markers (<!-- kanri-post: KEY -->) are for Kanri, not for people.
    const auto shown = [](const QString &text) {
        return github::ReviewQueue::withoutMarkers(text);
    };
    const QString body = shown(m_pull.pull.body);
    lines << (body.isEmpty() ? tr("(no description)") : body) << QString();
    for (const github::Review &r : m_pull.reviews)
        lines << tr("%1 %2%3").arg(r.user, r.state,
                                   shown(r.body).isEmpty() ? QString()
                                                           : QStringLiteral(": ") + shown(r.body));
    for (const github::IssueComment &c : m_pull.comments)
        lines << tr("%1: %2").arg(c.user, shown(c.body));
    for (const github::PullComment &c : m_pull.reviewComments)
        lines << tr("%1 on %2:%3: %4").arg(c.user, c.path).arg(c.line).arg(shown(c.body));
    if (!m_queued.isEmpty())
        lines << QString() << tr("Waiting to be posted:") << m_queued;
    m_conversation->setPlainText(lines.join(QLatin1Char('\n')));
    m_tabs->setTabText(
        3, tr("Conversation (%1)")
               .arg(m_pull.reviews.size() + m_pull.comments.size() + m_pull.reviewComments.size()));
}

} // namespace kanri::ui
