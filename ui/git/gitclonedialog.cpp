#include "ui/git/gitclonedialog.h"
#include "ui/theme/theme.h"

#include "ui/git/gitprogresswidget.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace kanri::ui {

GitCloneDialog::GitCloneDialog(QWidget *parent)
    : QDialog(parent)
    , m_targets(new QComboBox(this))
    , m_url(new QLineEdit(this))
    , m_destination(new QLineEdit(this))
    , m_progress(new GitProgressWidget(this))
    , m_message(new QLabel(this))
    , m_clone(new QPushButton(tr("Clone"), this))
    , m_cancel(new QPushButton(tr("Close"), this))
{
    setObjectName(QStringLiteral("gitCloneDialog"));
    setWindowTitle(tr("Clone Repository"));
    setMinimumWidth(560);
    m_url->setPlaceholderText(tr("https://github.com/org/repo.git, ssh://… or a local path"));
    m_destination->setPlaceholderText(tr("An empty or new folder"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    m_progress->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("Workspace &repository:"), m_targets);
    form->addRow(tr("&URL:"), m_url);
    form->addRow(tr("&Destination:"), m_destination);

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_clone, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_cancel, QDialogButtonBox::RejectRole);
    m_clone->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_message);
    layout->addStretch();
    layout->addWidget(buttons);

    connect(m_targets, &QComboBox::activated, this, &GitCloneDialog::targetChosen);
    connect(m_url, &QLineEdit::textChanged, this, &GitCloneDialog::updateButtons);
    connect(m_destination, &QLineEdit::textChanged, this, &GitCloneDialog::updateButtons);
    connect(m_clone, &QPushButton::clicked, this, [this] {
        if (!m_busy && m_clone->isEnabled())
            Q_EMIT cloneRequested(url(), destination());
    });
    connect(m_cancel, &QPushButton::clicked, this, &GitCloneDialog::reject);
    updateButtons();
}

void GitCloneDialog::setTargets(const QList<GitCloneTarget> &targets)
{
    m_targetList = targets;
    m_targets->clear();
    for (const GitCloneTarget &t : targets)
        m_targets->addItem(t.present ? tr("%1 (already cloned)").arg(t.name) : t.name);
    m_targets->addItem(tr("Another repository"));
    m_targets->setEnabled(!targets.isEmpty());
    // Start with the first repository that is missing, else the first one.
    int first = 0;
    for (int i = 0; i < targets.size(); ++i) {
        if (!targets[i].present) {
            first = i;
            break;
        }
    }
    m_targets->setCurrentIndex(targets.isEmpty() ? 0 : first);
    targetChosen(m_targets->currentIndex());
}

void GitCloneDialog::targetChosen(int index)
{
    if (index < 0 || index >= m_targetList.size())
        return;
    m_url->setText(m_targetList[index].url);
    m_destination->setText(m_targetList[index].path);
}

QString GitCloneDialog::url() const
{
    return m_url->text().trimmed();
}

QString GitCloneDialog::destination() const
{
    return m_destination->text().trimmed();
}

void GitCloneDialog::setUrl(const QString &url)
{
    m_url->setText(url);
}

void GitCloneDialog::setDestination(const QString &path)
{
    m_destination->setText(path);
}

void GitCloneDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_targets->setEnabled(!busy && !m_targetList.isEmpty());
    m_url->setReadOnly(busy);
    m_destination->setReadOnly(busy);
    m_cancel->setText(busy ? tr("Cancel") : tr("Close"));
    m_cancel->setEnabled(true);
    if (busy) {
        m_message->hide();
        m_progress->reset();
        m_progress->show();
    }
    updateButtons();
}

void GitCloneDialog::setProgress(const git::TransferProgress &progress)
{
    m_progress->setProgress(progress);
}

void GitCloneDialog::showError(const QString &message)
{
    m_message->setStyleSheet(messageStyleSheet(MessageKind::Error));
    m_message->setText(message);
    m_message->show();
}

void GitCloneDialog::showMessage(const QString &message)
{
    m_message->setStyleSheet({});
    m_message->setText(message);
    m_message->show();
}

void GitCloneDialog::updateButtons()
{
    m_clone->setEnabled(!m_busy && !url().isEmpty() && !destination().isEmpty());
}

void GitCloneDialog::reject()
{
    if (m_busy) {
        m_cancel->setEnabled(false);
        m_progress->label()->setText(tr("Cancelling…"));
        Q_EMIT cancelRequested();
        return;
    }
    QDialog::reject();
}

} // namespace kanri::ui
