#include "ui/git/gitsettingsdialog.h"
#include "ui/theme/theme.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace kanri::ui {

GitSettingsDialog::GitSettingsDialog(QWidget *parent)
    : QDialog(parent)
    , m_name(new QLineEdit(this))
    , m_email(new QLineEdit(this))
    , m_strategy(new QComboBox(this))
    , m_sshKeys(new QLineEdit(this))
    , m_browse(new QPushButton(tr("Browse…"), this))
    , m_message(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("gitSettingsDialog"));
    setWindowTitle(tr("Git Settings"));
    m_name->setObjectName(QStringLiteral("gitAuthorNameEdit"));
    m_email->setObjectName(QStringLiteral("gitAuthorEmailEdit"));
    m_strategy->setObjectName(QStringLiteral("gitPullStrategyBox"));
    m_sshKeys->setObjectName(QStringLiteral("gitSshKeyDirectoryEdit"));
    m_browse->setObjectName(QStringLiteral("gitSshKeyBrowseButton"));
    m_message->setObjectName(QStringLiteral("gitSettingsMessage"));
    m_strategy->addItem(tr("Merge (keep both histories, add a merge commit)"),
                        QStringLiteral("merge"));
    m_strategy->addItem(tr("Rebase (put your commits on top of the remote's)"),
                        QStringLiteral("rebase"));
    m_name->setClearButtonEnabled(true);
    m_email->setClearButtonEnabled(true);
    m_sshKeys->setClearButtonEnabled(true);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(messageStyleSheet(MessageKind::Error));
    m_message->hide();

    auto *intro = new QLabel(
        tr("Empty fields use git's own configuration (git config user.name / user.email)."), this);
    intro->setWordWrap(true);

    auto *keys = new QHBoxLayout;
    keys->setContentsMargins(0, 0, 0, 0);
    keys->addWidget(m_sshKeys, 1);
    keys->addWidget(m_browse);

    auto *form = new QFormLayout;
    form->addRow(tr("Author &name:"), m_name);
    form->addRow(tr("Author &e-mail:"), m_email);
    form->addRow(tr("&Pull:"), m_strategy);
    auto *keysLabel = new QLabel(tr("SSH &keys folder:"), this);
    keysLabel->setBuddy(m_sshKeys);
    form->addRow(keysLabel, keys);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addStretch();
    layout->addWidget(m_buttons);
    resize(560, sizeHint().height());

    connect(m_buttons, &QDialogButtonBox::accepted, this, &GitSettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &GitSettingsDialog::reject);
    connect(m_email, &QLineEdit::textChanged, this, &GitSettingsDialog::validate);
    connect(m_name, &QLineEdit::textChanged, this, &GitSettingsDialog::validate);
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString start =
            m_sshKeys->text().isEmpty() ? m_sshKeys->placeholderText() : m_sshKeys->text();
        const QString dir =
            QFileDialog::getExistingDirectory(this, tr("Folder with SSH keys"), start);
        if (!dir.isEmpty())
            m_sshKeys->setText(dir);
    });
    validate();
}

QPushButton *GitSettingsDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

void GitSettingsDialog::setValues(const GitSettingsValues &values)
{
    m_name->setText(values.authorName);
    m_email->setText(values.authorEmail);
    const int strategy = m_strategy->findData(values.pullStrategy);
    m_strategy->setCurrentIndex(strategy >= 0 ? strategy : 0);
    m_sshKeys->setText(values.sshKeyDirectory);
    validate();
}

GitSettingsValues GitSettingsDialog::values() const
{
    GitSettingsValues values;
    values.authorName = m_name->text().trimmed();
    values.authorEmail = m_email->text().trimmed();
    values.pullStrategy = m_strategy->currentData().toString();
    values.sshKeyDirectory = m_sshKeys->text().trimmed();
    return values;
}

void GitSettingsDialog::setConfiguredAuthor(const QString &name, const QString &email)
{
    m_name->setPlaceholderText(name.isEmpty() ? tr("not set in git config")
                                              : tr("%1 (from git config)").arg(name));
    m_email->setPlaceholderText(email.isEmpty() ? tr("not set in git config")
                                                : tr("%1 (from git config)").arg(email));
}

void GitSettingsDialog::setDefaultSshKeyDirectory(const QString &directory)
{
    m_sshKeys->setPlaceholderText(directory);
}

QString GitSettingsDialog::validationError() const
{
    const QString email = m_email->text().trimmed();
    static const QRegularExpression address(QStringLiteral("^[^@\\s]+@[^@\\s]+$"));
    if (!email.isEmpty() && !address.match(email).hasMatch())
        return tr("The e-mail address needs a name, an @ and a domain (like "
                  "ana@example.com), without spaces.");
    if (m_name->text().trimmed().contains(QLatin1Char('<')) ||
        m_name->text().trimmed().contains(QLatin1Char('>')))
        return tr("The author name cannot contain < or >.");
    return {};
}

void GitSettingsDialog::validate()
{
    const QString error = validationError();
    m_message->setText(error);
    m_message->setVisible(!error.isEmpty());
    okButton()->setEnabled(error.isEmpty());
}

void GitSettingsDialog::accept()
{
    validate();
    if (!validationError().isEmpty())
        return;
    QDialog::accept();
}

} // namespace kanri::ui
