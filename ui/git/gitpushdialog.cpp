#include "ui/git/gitpushdialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace kanri::ui {

GitPushDialog::GitPushDialog(QWidget *parent)
    : QDialog(parent)
    , m_list(new QListWidget(this))
    , m_push(new QPushButton(tr("&Push"), this))
{
    setObjectName(QStringLiteral("gitPushDialog"));
    setWindowTitle(tr("Push"));
    auto *intro = new QLabel(
        tr("These repositories have commits that their remotes do not have. Push which?"), this);
    intro->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_push, QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    m_push->setDefault(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    resize(520, 260);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::itemChanged, this, &GitPushDialog::updateButtons);
}

void GitPushDialog::setCandidates(const QList<GitPushCandidate> &candidates)
{
    m_candidates = candidates;
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const GitPushCandidate &c : candidates) {
        const QString commits = tr("%n commit(s)", nullptr, c.commits);
        const QString text =
            c.newBranch
                ? tr("%1 — %2: %3, a new branch on the remote").arg(c.name, c.branch, commits)
                : tr("%1 — %2: %3").arg(c.name, c.branch, commits);
        auto *item = new QListWidgetItem(text, m_list);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
    }
    updateButtons();
}

QList<int> GitPushDialog::chosen() const
{
    QList<int> out;
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->checkState() == Qt::Checked)
            out << i;
    }
    return out;
}

void GitPushDialog::updateButtons()
{
    const int count = int(chosen().size());
    m_push->setEnabled(count > 0);
    m_push->setText(count == m_list->count() && count > 1 ? tr("&Push All") : tr("&Push"));
}

} // namespace kanri::ui
