#include "ui/github/signindialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFont>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace kanri::ui {

SignInDialog::SignInDialog(QWidget *parent)
    : QDialog(parent)
    , m_intro(new QLabel(this))
    , m_code(new QLineEdit(this))
    , m_copy(new QPushButton(tr("Copy code"), this))
    , m_link(new QLabel(this))
    , m_open(new QPushButton(tr("Open in browser"), this))
    , m_status(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
    , m_retry(m_buttons->addButton(tr("Try again"), QDialogButtonBox::ActionRole))
{
    setWindowTitle(tr("Sign in to GitHub"));
    setObjectName(QStringLiteral("signInDialog"));
    m_intro->setWordWrap(true);
    m_code->setObjectName(QStringLiteral("userCode"));
    m_code->setReadOnly(true);
    m_code->setAlignment(Qt::AlignCenter);
    QFont big = m_code->font();
    big.setPointSizeF(big.pointSizeF() * 2);
    big.setBold(true);
    big.setLetterSpacing(QFont::AbsoluteSpacing, 2);
    m_code->setFont(big);
    m_code->setPlaceholderText(tr("waiting for a code…"));
    m_link->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_link->setOpenExternalLinks(false);
    m_status->setObjectName(QStringLiteral("signInStatus"));
    m_status->setWordWrap(true);
    m_copy->setEnabled(false);
    m_open->setEnabled(false);
    m_retry->setVisible(false);

    auto *codeRow = new QHBoxLayout;
    codeRow->addWidget(m_code, 1);
    codeRow->addWidget(m_copy);
    auto *linkRow = new QHBoxLayout;
    linkRow->addWidget(m_link, 1);
    linkRow->addWidget(m_open);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(codeRow);
    layout->addLayout(linkRow);
    layout->addWidget(m_status);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    resize(480, 260);

    connect(m_copy, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(m_code->text());
        m_status->setText(tr("Code copied. Paste it at the page, then come back here."));
    });
    connect(m_open, &QPushButton::clicked, this, [this] { Q_EMIT openUrlRequested(m_uri); });
    connect(m_link, &QLabel::linkActivated, this,
            [this](const QString &link) { Q_EMIT openUrlRequested(QUrl(link)); });
    connect(m_retry, &QPushButton::clicked, this, [this] {
        m_retry->setVisible(false);
        Q_EMIT retryRequested();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SignInDialog::reject);
}

void SignInDialog::showIntro(const QString &host, const QString &message)
{
    m_finished = false;
    m_intro->setText(tr("Kanri signs in to <b>%1</b> with GitHub's device flow: you type a "
                        "short code at a GitHub page and approve access there. Kanri never "
                        "sees your password.")
                         .arg(host.toHtmlEscaped()));
    m_code->clear();
    m_copy->setEnabled(false);
    m_open->setEnabled(false);
    m_link->clear();
    m_status->setText(message);
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
}

void SignInDialog::showCode(const QString &userCode, const QUrl &verificationUri,
                            int expiresInSeconds)
{
    m_uri = verificationUri;
    m_code->setText(userCode);
    m_copy->setEnabled(true);
    m_open->setEnabled(verificationUri.isValid());
    const QString address = verificationUri.toString();
    m_link->setText(tr("Enter the code at <a href=\"%1\">%2</a>")
                        .arg(address.toHtmlEscaped(), address.toHtmlEscaped()));
    m_status->setText(tr("Waiting for you to approve (the code expires in %n minute(s))…", nullptr,
                         qMax(1, expiresInSeconds / 60)));
}

void SignInDialog::showPolling(int intervalSeconds)
{
    m_status->setText(tr("Waiting for you to approve; asking GitHub every %n second(s)…", nullptr,
                         intervalSeconds));
}

void SignInDialog::showSignedIn(const QString &login, const QString &note)
{
    m_finished = true;
    QString text = login.isEmpty() ? tr("Signed in.") : tr("Signed in as %1.").arg(login);
    if (!note.isEmpty())
        text += QLatin1Char('\n') + note;
    m_status->setText(text);
    m_copy->setEnabled(false);
    m_open->setEnabled(false);
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Close"));
}

void SignInDialog::showError(const QString &message)
{
    m_finished = true;
    m_status->setText(tr("Not signed in: %1").arg(message));
    m_retry->setVisible(true);
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Close"));
}

QString SignInDialog::userCode() const
{
    return m_code->text();
}

QString SignInDialog::statusText() const
{
    return m_status->text();
}

void SignInDialog::reject()
{
    if (!m_finished)
        Q_EMIT cancelRequested();
    QDialog::reject();
}

} // namespace kanri::ui
