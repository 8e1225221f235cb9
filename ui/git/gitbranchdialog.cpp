#include "ui/git/gitbranchdialog.h"
#include "ui/theme/theme.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace kanri::ui {

namespace {
constexpr int NameRole = Qt::UserRole;
constexpr int RemoteRole = Qt::UserRole + 1;
} // namespace

GitBranchDialog::GitBranchDialog(QWidget *parent)
    : QDialog(parent)
    , m_repositories(new QComboBox(this))
    , m_list(new QListWidget(this))
    , m_newName(new QLineEdit(this))
    , m_create(new QPushButton(tr("C&reate and Switch"), this))
    , m_checkout(new QPushButton(tr("&Check Out"), this))
    , m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("gitBranchDialog"));
    setWindowTitle(tr("Branches"));
    resize(480, 460);
    m_newName->setPlaceholderText(tr("new-branch-name"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("&Repository:"), m_repositories);
    auto *create = new QHBoxLayout;
    create->addWidget(m_newName, 1);
    create->addWidget(m_create);

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_checkout, QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Close);
    m_checkout->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_list, 1);
    layout->addWidget(new QLabel(tr("New branch from the current one:"), this));
    layout->addLayout(create);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    connect(m_repositories, &QComboBox::activated, this, &GitBranchDialog::repositoryChanged);
    connect(m_list, &QListWidget::currentItemChanged, this, &GitBranchDialog::updateButtons);
    connect(m_list, &QListWidget::itemActivated, this, &GitBranchDialog::requestCheckout);
    connect(m_checkout, &QPushButton::clicked, this, &GitBranchDialog::requestCheckout);
    connect(m_newName, &QLineEdit::textChanged, this, &GitBranchDialog::updateButtons);
    connect(m_newName, &QLineEdit::returnPressed, m_create, &QPushButton::click);
    connect(m_create, &QPushButton::clicked, this, [this] {
        const QString name = m_newName->text().trimmed();
        if (!name.isEmpty())
            Q_EMIT createRequested(repository(), name);
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &GitBranchDialog::reject);
    updateButtons();
}

void GitBranchDialog::setRepositories(const QStringList &names, int current)
{
    m_repositories->clear();
    m_repositories->addItems(names);
    m_repositories->setCurrentIndex(current);
}

int GitBranchDialog::repository() const
{
    return m_repositories->currentIndex();
}

void GitBranchDialog::setBranches(const GitBranches &branches)
{
    m_current = branches.current;
    m_list->clear();
    if (!branches.error.isEmpty()) {
        showError(branches.error);
        updateButtons();
        return;
    }
    auto addHeader = [this](const QString &text) {
        auto *item = new QListWidgetItem(text, m_list);
        item->setFlags(Qt::NoItemFlags);
        QFont font = item->font();
        font.setBold(true);
        item->setFont(font);
    };
    addHeader(tr("Local branches"));
    for (const QString &name : branches.local) {
        auto *item = new QListWidgetItem(
            name == branches.current ? tr("%1  (current)").arg(name) : name, m_list);
        item->setData(NameRole, name);
        item->setData(RemoteRole, false);
        if (name == branches.current) {
            QFont font = item->font();
            font.setBold(true);
            item->setFont(font);
        }
    }
    if (!branches.remote.isEmpty()) {
        addHeader(tr("Remote branches"));
        for (const QString &name : branches.remote) {
            auto *item = new QListWidgetItem(name, m_list);
            item->setData(NameRole, name);
            item->setData(RemoteRole, true);
        }
    }
    updateButtons();
}

bool GitBranchDialog::selectBranch(const QString &name)
{
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->data(NameRole).toString() == name) {
            m_list->setCurrentRow(i);
            return true;
        }
    }
    return false;
}

QString GitBranchDialog::selectedBranch() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(NameRole).toString() : QString();
}

bool GitBranchDialog::selectedIsRemote() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item && item->data(RemoteRole).toBool();
}

void GitBranchDialog::showError(const QString &message)
{
    m_message->setStyleSheet(messageStyleSheet(MessageKind::Error));
    m_message->setText(message);
    m_message->show();
}

void GitBranchDialog::showMessage(const QString &message)
{
    m_message->setStyleSheet({});
    m_message->setText(message);
    m_message->show();
}

void GitBranchDialog::requestCheckout()
{
    const QString name = selectedBranch();
    if (name.isEmpty() || (!selectedIsRemote() && name == m_current))
        return;
    Q_EMIT checkoutRequested(repository(), name, selectedIsRemote());
}

void GitBranchDialog::updateButtons()
{
    const QString name = selectedBranch();
    m_checkout->setEnabled(!name.isEmpty() && (selectedIsRemote() || name != m_current));
    m_create->setEnabled(!m_newName->text().trimmed().isEmpty() && !m_current.isEmpty());
}

} // namespace kanri::ui
