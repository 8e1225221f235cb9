#include "ui/git/gitsignindialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace kanri::ui {

GitSignInDialog::GitSignInDialog(QWidget *parent)
    : QDialog(parent)
    , m_text(new QLabel(this))
    , m_token(new QLineEdit(this))
    , m_remember(new QCheckBox(tr("&Remember in the system keychain"), this))
{
    setObjectName(QStringLiteral("gitSignInDialog"));
    setWindowTitle(tr("Sign In"));
    setMinimumWidth(460);
    m_text->setWordWrap(true);
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("Personal access token"));
    m_remember->setChecked(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Sign In"));
    auto *form = new QFormLayout;
    form->addRow(tr("&Token:"), m_token);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_text);
    layout->addLayout(form);
    layout->addWidget(m_remember);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &GitSignInDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &GitSignInDialog::reject);
    auto *ok = buttons->button(QDialogButtonBox::Ok);
    ok->setEnabled(false);
    connect(m_token, &QLineEdit::textChanged, ok,
            [ok](const QString &text) { ok->setEnabled(!text.trimmed().isEmpty()); });
}

void GitSignInDialog::ask(const QString &host, const QString &reason)
{
    m_host = host;
    m_text->setText(tr("%1\n\nThe server %2 wants a token that can read (and, to push, write) "
                       "the repository. It is sent only to %2 and stored only in the system "
                       "keychain.")
                        .arg(reason, host));
    clearToken();
    m_token->setFocus();
}

QString GitSignInDialog::token() const
{
    return m_token->text().trimmed();
}

bool GitSignInDialog::remember() const
{
    return m_remember->isChecked();
}

void GitSignInDialog::clearToken()
{
    m_token->clear();
}

} // namespace kanri::ui
