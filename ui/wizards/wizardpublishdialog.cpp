#include "ui/wizards/wizardpublishdialog.h"
#include "ui/theme/theme.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QVBoxLayout>

namespace kanri::ui {

WizardPublishDialog::WizardPublishDialog(const QString &what, const QList<PublishFields> &fields,
                                         std::function<QString(const QString &)> checkBranch,
                                         QWidget *parent)
    : QDialog(parent)
    , m_checkBranch(std::move(checkBranch))
{
    setWindowTitle(tr("Commit, Push and Open Pull Requests"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(
        fields.size() > 1
            ? tr("%1: the files are saved, committed on a new branch in each repository and "
                 "pushed; the pull requests link to each other.")
                  .arg(what)
            : tr("%1: the files are saved, committed on a new branch and pushed.").arg(what),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *base = new QLabel(
        tr("Each new branch starts from the remote's default branch, fetched first, so the pull "
           "request holds only this change even when you are on another branch. Your other "
           "local changes stay in the working tree; if they are in the way, nothing is done "
           "and you are told why."),
        this);
    base->setObjectName(QStringLiteral("wizardPublishBaseNote"));
    base->setWordWrap(true);
    layout->addWidget(base);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    auto *inner = new QWidget(scroll);
    auto *innerLayout = new QVBoxLayout(inner);
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (const PublishFields &f : fields) {
        Section s;
        s.repository = f.repository;
        s.files = f.files;
        auto *box = new QGroupBox(f.repository, inner);
        auto *form = new QFormLayout(box);
        auto *files = new QLabel(f.files.join(QLatin1Char('\n')), box);
        files->setFont(fixed);
        files->setTextInteractionFlags(Qt::TextSelectableByMouse);
        form->addRow(tr("Files:"), files);
        s.branch = new QLineEdit(f.branch, box);
        form->addRow(tr("&Branch:"), s.branch);
        s.problem = new QLabel(box);
        s.problem->setStyleSheet(messageStyleSheet(MessageKind::Error));
        s.problem->hide();
        form->addRow(QString(), s.problem);
        s.commit = new QPlainTextEdit(f.commitMessage, box);
        s.commit->setFont(fixed);
        s.commit->setMaximumHeight(90);
        form->addRow(tr("&Commit message:"), s.commit);
        s.title = new QLineEdit(f.title, box);
        form->addRow(tr("Pull request &title:"), s.title);
        s.body = new QPlainTextEdit(f.body, box);
        s.body->setMinimumHeight(120);
        form->addRow(tr("Pull request b&ody:"), s.body);
        innerLayout->addWidget(box);
        connect(s.branch, &QLineEdit::textChanged, this, &WizardPublishDialog::validate);
        connect(s.commit, &QPlainTextEdit::textChanged, this, &WizardPublishDialog::validate);
        m_sections << s;
    }
    innerLayout->addStretch(1);
    scroll->setWidget(inner);
    layout->addWidget(scroll, 1);

    m_openPulls = new QCheckBox(tr("Open &pull requests on GitHub"), this);
    m_openPulls->setChecked(true);
    layout->addWidget(m_openPulls);
    connect(m_openPulls, &QCheckBox::toggled, this, [this](bool on) {
        for (const Section &s : std::as_const(m_sections)) {
            s.title->setEnabled(on && !m_running);
            s.body->setEnabled(on && !m_running);
        }
    });

    m_status = new QLabel(this);
    m_status->hide();
    layout->addWidget(m_status);
    m_progress = new QProgressBar(this);
    m_progress->hide();
    layout->addWidget(m_progress);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::RichText);
    m_message->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_message->setOpenExternalLinks(true);
    m_message->hide();
    layout->addWidget(m_message);

    auto *buttons = new QDialogButtonBox(this);
    m_run = buttons->addButton(tr("Commit and &Push"), QDialogButtonBox::AcceptRole);
    m_close = buttons->addButton(QDialogButtonBox::Close);
    layout->addWidget(buttons);
    connect(m_run, &QPushButton::clicked, this, [this] {
        validate();
        if (m_run->isEnabled())
            Q_EMIT runRequested();
    });
    connect(m_close, &QPushButton::clicked, this, &WizardPublishDialog::closeOrCancel);
    resize(720, 640);
    validate();
}

QList<PublishFields> WizardPublishDialog::fields() const
{
    QList<PublishFields> out;
    for (const Section &s : m_sections)
        out << PublishFields{s.repository,
                             s.files,
                             s.branch->text().trimmed(),
                             s.commit->toPlainText(),
                             s.title->text(),
                             s.body->toPlainText()};
    return out;
}

bool WizardPublishDialog::openPullRequests() const
{
    return m_openPulls->isChecked();
}

void WizardPublishDialog::validate()
{
    bool ok = !m_running && !m_finished;
    for (const Section &s : std::as_const(m_sections)) {
        QString why = m_checkBranch ? m_checkBranch(s.branch->text().trimmed()) : QString();
        if (why.isEmpty() && s.commit->toPlainText().trimmed().isEmpty())
            why = tr("The commit needs a message.");
        s.problem->setText(why);
        s.problem->setVisible(!why.isEmpty());
        ok = ok && why.isEmpty();
    }
    m_run->setEnabled(ok);
}

void WizardPublishDialog::setRunning(bool running)
{
    m_running = running;
    for (const Section &s : std::as_const(m_sections)) {
        s.branch->setReadOnly(running);
        s.commit->setReadOnly(running);
        s.title->setReadOnly(running);
        s.body->setReadOnly(running);
    }
    m_openPulls->setEnabled(!running);
    m_close->setText(running ? tr("Cancel") : tr("Close"));
    if (running) {
        m_message->hide();
        m_status->show();
        m_progress->show();
    }
    validate();
}

void WizardPublishDialog::setProgress(const QString &text, int percent)
{
    m_status->setText(text);
    if (percent < 0) {
        m_progress->setRange(0, 0);
    } else {
        m_progress->setRange(0, 100);
        m_progress->setValue(percent);
    }
}

void WizardPublishDialog::showOutcome(bool ok, const QString &message, bool canRetry)
{
    m_finished = !canRetry;
    setRunning(false);
    m_progress->hide();
    m_status->setText(ok ? tr("Done.") : tr("Stopped."));
    QString html = message.toHtmlEscaped();
    static const QRegularExpression url(QStringLiteral(R"((https?://[^\s<]+))"));
    html.replace(url, QStringLiteral(R"(<a href="\1">\1</a>)"));
    html.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    m_message->setText(html);
    m_message->setStyleSheet(ok ? QString() : messageStyleSheet(MessageKind::Error));
    m_message->show();
    validate();
}

void WizardPublishDialog::closeOrCancel()
{
    if (m_running)
        Q_EMIT cancelRequested();
    else
        reject();
}

} // namespace kanri::ui
