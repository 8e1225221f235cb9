#include "ui/git/gitprogressdialog.h"
#include "ui/theme/theme.h"

#include "ui/git/gitprogresswidget.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace kanri::ui {

GitProgressDialog::GitProgressDialog(QWidget *parent)
    : QDialog(parent)
    , m_what(new QLabel(this))
    , m_progress(new GitProgressWidget(this))
    , m_message(new QLabel(this))
    , m_nextStep(new QPushButton(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
{
    setObjectName(QStringLiteral("gitProgressDialog"));
    setMinimumWidth(480);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_what->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_nextStep, QDialogButtonBox::ActionRole);
    buttons->addButton(m_cancel, QDialogButtonBox::RejectRole);
    connect(m_cancel, &QPushButton::clicked, this, &GitProgressDialog::reject);
    connect(m_nextStep, &QPushButton::clicked, this, [this] {
        // Close first: the next step may open this dialog again for its own progress.
        QDialog::accept();
        Q_EMIT nextStepRequested();
    });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_what);
    layout->addWidget(m_progress);
    layout->addWidget(m_message);
    layout->addStretch();
    layout->addWidget(buttons);
    m_nextStep->hide();
}

void GitProgressDialog::start(const QString &title, const QString &what)
{
    setWindowTitle(title);
    m_what->setText(what);
    m_progress->reset();
    m_progress->show();
    m_message->clear();
    m_message->hide();
    m_nextStep->hide();
    m_cancel->setText(tr("Cancel"));
    m_cancel->setEnabled(true);
    m_running = true;
}

void GitProgressDialog::setProgress(const git::TransferProgress &progress)
{
    m_progress->setProgress(progress);
}

void GitProgressDialog::finish(Outcome outcome, const QString &message, const QString &nextStep)
{
    m_running = false;
    if (outcome == Outcome::Succeeded) {
        git::TransferProgress done;
        done.stage = git::TransferProgress::Stage::Done;
        m_progress->setProgress(done);
    }
    m_message->setText(message);
    m_message->setStyleSheet(outcome == Outcome::Failed ? messageStyleSheet(MessageKind::Error)
                                                        : QString());
    m_message->show();
    m_nextStep->setText(nextStep);
    m_nextStep->setVisible(!nextStep.isEmpty());
    m_cancel->setText(tr("Close"));
    m_cancel->setEnabled(true);
}

void GitProgressDialog::reject()
{
    // While working, Cancel (and Escape) ask the work to stop; the dialog closes when it has.
    if (m_running) {
        m_cancel->setEnabled(false);
        m_progress->label()->setText(tr("Cancelling…"));
        Q_EMIT cancelRequested();
        return;
    }
    QDialog::reject();
}

} // namespace kanri::ui
