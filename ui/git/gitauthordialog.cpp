#include "ui/git/gitauthordialog.h"
#include "ui/theme/theme.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace kanri::ui {

GitAuthorDialog::GitAuthorDialog(QWidget *parent)
    : QDialog(parent)
    , m_intro(new QLabel(this))
    , m_name(new QLineEdit(this))
    , m_email(new QLineEdit(this))
    , m_settings(new QRadioButton(this))
    , m_gitConfig(new QRadioButton(this))
    , m_message(new QLabel(this))
    , m_ok(new QPushButton(tr("&Commit"), this))
{
    setObjectName(QStringLiteral("gitAuthorDialog"));
    setWindowTitle(tr("Who Is Committing?"));
    m_intro->setWordWrap(true);
    m_name->setPlaceholderText(tr("Ana García"));
    m_email->setPlaceholderText(tr("ana@example.com"));
    m_settings->setText(tr("In Kanri's &settings (only Kanri's commits use them; Repository ▸ Git "
                           "Settings… changes them)"));
    m_settings->setChecked(true);
    auto *group = new QButtonGroup(this);
    group->addButton(m_settings);
    group->addButton(m_gitConfig);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(messageStyleSheet(MessageKind::Error));
    m_message->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&E-mail:"), m_email);
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_ok, QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    m_ok->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Keep them:"), this));
    layout->addWidget(m_settings);
    layout->addWidget(m_gitConfig);
    layout->addWidget(m_message);
    layout->addStretch();
    layout->addWidget(buttons);
    resize(560, sizeHint().height());

    connect(buttons, &QDialogButtonBox::accepted, this, &GitAuthorDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &GitAuthorDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &GitAuthorDialog::validate);
    connect(m_email, &QLineEdit::textChanged, this, &GitAuthorDialog::validate);
}

void GitAuthorDialog::ask(const QString &repository, const QString &name, const QString &email,
                          const QString &gitConfigFile)
{
    m_intro->setText(tr("A commit records who made it, and git knows no author on this computer "
                        "yet. Which name and e-mail address should your commit to %1 carry? "
                        "They become public with the commit.")
                         .arg(repository));
    m_gitConfig->setText(
        tr("In git's &global configuration, %1 (git on the command line uses them too)")
            .arg(gitConfigFile));
    m_name->setText(name);
    m_email->setText(email);
    m_message->hide();
    validate();
    (name.isEmpty() || !email.isEmpty() ? m_name : m_email)->setFocus();
}

QString GitAuthorDialog::name() const
{
    return m_name->text().trimmed();
}

QString GitAuthorDialog::email() const
{
    return m_email->text().trimmed();
}

GitAuthorDialog::Store GitAuthorDialog::store() const
{
    return m_gitConfig->isChecked() ? Store::GitGlobalConfig : Store::KanriSettings;
}

void GitAuthorDialog::showError(const QString &message)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

QString GitAuthorDialog::validationError() const
{
    static const QRegularExpression address(QStringLiteral("^[^@\\s<>]+@[^@\\s<>]+$"));
    if (!email().isEmpty() && !address.match(email()).hasMatch())
        return tr("The e-mail address needs a name, an @ and a domain (like ana@example.com), "
                  "without spaces.");
    if (name().contains(QLatin1Char('<')) || name().contains(QLatin1Char('>')))
        return tr("The name cannot contain < or >.");
    return {};
}

void GitAuthorDialog::validate()
{
    const QString error = validationError();
    showError(error);
    m_ok->setEnabled(error.isEmpty() && !name().isEmpty() && !email().isEmpty());
}

void GitAuthorDialog::accept()
{
    validate();
    if (!m_ok->isEnabled())
        return;
    QDialog::accept();
}

} // namespace kanri::ui
