#include "ui/git/gitcommitdialog.h"
#include "ui/theme/theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

namespace kanri::ui {

GitCommitDialog::GitCommitDialog(QWidget *parent)
    : QDialog(parent)
    , m_repositories(new QComboBox(this))
    , m_branch(new QLabel(this))
    , m_author(new QLabel(this))
    , m_summary(new QLineEdit(this))
    , m_body(new QPlainTextEdit(this))
    , m_files(new QListWidget(this))
    , m_saveFirst(new QCheckBox(tr("&Save unsaved edits first"), this))
    , m_message(new QLabel(this))
    , m_commit(new QPushButton(tr("&Commit"), this))
{
    setObjectName(QStringLiteral("gitCommitDialog"));
    setWindowTitle(tr("Commit"));
    resize(620, 560);
    m_summary->setPlaceholderText(tr("Summary (one line, what and why)"));
    m_summary->setMaxLength(200);
    m_body->setPlaceholderText(tr("More detail (optional)"));
    m_body->setTabChangesFocus(true);
    m_author->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setStyleSheet(messageStyleSheet(MessageKind::Error));
    m_message->hide();
    m_saveFirst->setChecked(true);
    m_saveFirst->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("&Repository:"), m_repositories);
    form->addRow(tr("Branch:"), m_branch);
    form->addRow(tr("Author:"), m_author);
    form->addRow(tr("S&ummary:"), m_summary);

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_commit, QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    m_commit->setDefault(true);
    m_commit->setToolTip(tr("Commit the checked files (Ctrl+Return)"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_body, 1);
    layout->addWidget(new QLabel(tr("Files to commit:"), this));
    layout->addWidget(m_files, 2);
    layout->addWidget(m_saveFirst);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    connect(m_repositories, &QComboBox::activated, this, &GitCommitDialog::repositoryChanged);
    connect(m_summary, &QLineEdit::textChanged, this, &GitCommitDialog::updateButtons);
    connect(m_files, &QListWidget::itemChanged, this, &GitCommitDialog::updateButtons);
    connect(m_commit, &QPushButton::clicked, this, &GitCommitDialog::requestCommit);
    connect(buttons, &QDialogButtonBox::rejected, this, &GitCommitDialog::reject);
    for (const QKeySequence &keys :
         {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *shortcut = new QShortcut(keys, this);
        shortcut->setContext(Qt::WindowShortcut);
        connect(shortcut, &QShortcut::activated, this, &GitCommitDialog::requestCommit);
    }
    updateButtons();
}

void GitCommitDialog::setRepositories(const QStringList &names, int current)
{
    m_repositories->clear();
    m_repositories->addItems(names);
    m_repositories->setCurrentIndex(current);
}

int GitCommitDialog::repository() const
{
    return m_repositories->currentIndex();
}

void GitCommitDialog::setBranch(const QString &branch)
{
    m_branch->setText(branch.isEmpty() ? tr("(no branch: HEAD is detached)") : branch);
}

void GitCommitDialog::setAuthor(const QString &author)
{
    m_author->setText(author);
}

void GitCommitDialog::setFiles(const QList<GitCommitFile> &files)
{
    m_files->clear();
    for (const GitCommitFile &file : files) {
        auto *item = new QListWidgetItem(file.description.isEmpty()
                                             ? file.path
                                             : tr("%1  (%2)").arg(file.path, file.description),
                                         m_files);
        item->setData(Qt::UserRole, file.path);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(file.checked ? Qt::Checked : Qt::Unchecked);
    }
    if (files.isEmpty()) {
        auto *item =
            new QListWidgetItem(tr("Nothing to commit: the working tree is clean."), m_files);
        item->setFlags(Qt::NoItemFlags);
    }
    updateButtons();
}

void GitCommitDialog::setUnsavedEdits(int files)
{
    m_saveFirst->setVisible(files > 0);
    m_saveFirst->setText(tr("&Save unsaved edits first (%n file(s))", nullptr, files));
}

QString GitCommitDialog::summary() const
{
    return m_summary->text().trimmed();
}

QString GitCommitDialog::body() const
{
    return m_body->toPlainText().trimmed();
}

QString GitCommitDialog::message() const
{
    return body().isEmpty() ? summary() : summary() + QStringLiteral("\n\n") + body();
}

QStringList GitCommitDialog::checkedPaths() const
{
    QStringList paths;
    for (int i = 0; i < m_files->count(); ++i) {
        const QListWidgetItem *item = m_files->item(i);
        const QString path = item->data(Qt::UserRole).toString();
        if (!path.isEmpty() && item->checkState() == Qt::Checked)
            paths << path;
    }
    return paths;
}

bool GitCommitDialog::saveFirst() const
{
    return m_saveFirst->isVisible() && m_saveFirst->isChecked();
}

void GitCommitDialog::showError(const QString &message)
{
    m_message->setText(message);
    m_message->show();
}

void GitCommitDialog::clearMessage()
{
    m_message->clear();
    m_message->hide();
}

void GitCommitDialog::requestCommit()
{
    if (summary().isEmpty()) {
        showError(tr("Write a summary first: one line saying what the commit changes."));
        m_summary->setFocus();
        return;
    }
    if (checkedPaths().isEmpty()) {
        showError(tr("Check at least one file to commit."));
        return;
    }
    clearMessage();
    Q_EMIT commitRequested();
}

void GitCommitDialog::updateButtons()
{
    m_commit->setEnabled(!summary().isEmpty() && !checkedPaths().isEmpty());
}

} // namespace kanri::ui
