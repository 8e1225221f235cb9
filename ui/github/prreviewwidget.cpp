#include "ui/github/prreviewwidget.h"

#include "ui/diff/diffpanel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
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
    , m_files(new QTreeWidget(this))
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
    m_details->setReadOnly(true);
    m_conversation->setReadOnly(true);
    m_reviewText->setPlaceholderText(
        tr("Your review. Written offline, it is kept and posted when GitHub can be reached."));
    m_reviewText->setMaximumHeight(90);
    m_pending->setObjectName(QStringLiteral("prPending"));
    m_pending->setWordWrap(true);

    m_tabs->addTab(m_diff, tr("Rendered diff"));
    m_tabs->addTab(m_files, tr("Files changed"));
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
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_reviewText);
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
        const bool hasText = !m_reviewText->toPlainText().trimmed().isEmpty();
        m_comment->setEnabled(hasText && m_number > 0);
        m_requestChanges->setEnabled(hasText && m_number > 0);
    });
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
    m_approve->setEnabled(true);
    updateConversation();
}

void PrReviewWidget::setReviewBusy(const QString &message)
{
    m_diff->setBusy(true);
    m_details->setPlainText(message);
}

void PrReviewWidget::setReview(const platform::ChangeReview &review)
{
    QList<platform::LiveDiff::EnvironmentDiff> results;
    for (const platform::OverlayReview &o : review.overlays) {
        platform::LiveDiff::EnvironmentDiff d;
        d.overlay = o.overlay;
        d.environment = o.overlay.section(QLatin1Char('/'), -1);
        d.diff = o.diff;
        if (!o.headError.isEmpty())
            d.error = o.headError;
        else if (!o.baseError.isEmpty())
            d.error = tr("the base does not render: %1").arg(o.baseError);
        results.append(d);
    }
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
    m_reviewText->clear();
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
    Q_EMIT reviewSubmitted(event, m_reviewText->toPlainText().trimmed());
}

void PrReviewWidget::updateConversation()
{
    if (m_number == 0)
        return;
    QStringList lines;
    const QString body = m_pull.pull.body.trimmed();
    lines << (body.isEmpty() ? tr("(no description)") : body) << QString();
    for (const github::Review &r : m_pull.reviews)
        lines << tr("%1 %2%3").arg(r.user, r.state,
                                   r.body.isEmpty() ? QString() : QStringLiteral(": ") + r.body);
    for (const github::IssueComment &c : m_pull.comments)
        lines << tr("%1: %2").arg(c.user, c.body);
    for (const github::PullComment &c : m_pull.reviewComments)
        lines << tr("%1 on %2:%3: %4").arg(c.user, c.path).arg(c.line).arg(c.body);
    if (!m_queued.isEmpty())
        lines << QString() << tr("Waiting to be posted:") << m_queued;
    m_conversation->setPlainText(lines.join(QLatin1Char('\n')));
    m_tabs->setTabText(
        3, tr("Conversation (%1)")
               .arg(m_pull.reviews.size() + m_pull.comments.size() + m_pull.reviewComments.size()));
}

} // namespace kanri::ui
