#include "ui/github/prcreatedialog.h"

#include "ui/theme/theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextDocument>
#include <QVBoxLayout>

namespace kanri::ui {

PrCreateDialog::PrCreateDialog(QWidget *parent)
    : QDialog(parent)
    , m_repository(new QComboBox(this))
    , m_head(new QLineEdit(this))
    , m_base(new QLineEdit(this))
    , m_title(new QLineEdit(this))
    , m_body(new QPlainTextEdit(this))
    , m_draft(new QCheckBox(tr("Create as draft"), this))
    , m_message(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this))
    , m_create(m_buttons->addButton(tr("Create Pull Request"), QDialogButtonBox::ActionRole))
{
    setWindowTitle(tr("Create Pull Request"));
    setObjectName(QStringLiteral("prCreateDialog"));
    m_head->setReadOnly(true);
    m_head->setObjectName(QStringLiteral("prHead"));
    m_base->setObjectName(QStringLiteral("prBase"));
    m_title->setObjectName(QStringLiteral("prTitle"));
    m_body->setObjectName(QStringLiteral("prBody"));
    m_message->setObjectName(QStringLiteral("prCreateMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_message->setOpenExternalLinks(false);

    auto *form = new QFormLayout;
    form->addRow(tr("Repository:"), m_repository);
    form->addRow(tr("Branch (head):"), m_head);
    form->addRow(tr("Into (base):"), m_base);
    form->addRow(tr("Title:"), m_title);
    form->addRow(tr("Description:"), m_body);
    form->addRow(QString(), m_draft);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form, 1);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    resize(720, 560);

    connect(m_repository, &QComboBox::currentTextChanged, this, &PrCreateDialog::repositoryChanged);
    connect(m_create, &QPushButton::clicked, this, &PrCreateDialog::createRequested);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_message, &QLabel::linkActivated, this,
            [this](const QString &link) { Q_EMIT openUrlRequested(QUrl(link)); });
    connect(m_title, &QLineEdit::textChanged, this, &PrCreateDialog::updateCreate);
    connect(m_base, &QLineEdit::textChanged, this, &PrCreateDialog::updateCreate);
    updateCreate();
}

void PrCreateDialog::setRepositories(const QStringList &names, const QString &current)
{
    const QSignalBlocker blocker(m_repository);
    m_repository->clear();
    m_repository->addItems(names);
    m_repository->setCurrentText(current);
}

QString PrCreateDialog::repository() const
{
    return m_repository->currentText();
}

void PrCreateDialog::setBusy(const QString &message)
{
    m_ready = false;
    setMessage(message.toHtmlEscaped(), false);
    updateCreate();
}

void PrCreateDialog::setDraft(const QString &head, const QString &base, const QString &title,
                              const QString &body, const QString &warning)
{
    m_head->setText(head);
    m_base->setText(base);
    m_title->setText(title);
    m_body->setPlainText(body);
    m_resultUrl.clear();
    m_ready = true;
    setMessage(warning.toHtmlEscaped(), !warning.isEmpty());
    updateCreate();
}

void PrCreateDialog::showNotPushed(const QString &head, const QString &message)
{
    m_head->setText(head);
    m_ready = false;
    setMessage(tr("%1<br>Push the branch first with <b>Repository ▸ Push</b>, then open this "
                  "dialog again.")
                   .arg(message.toHtmlEscaped()),
               true);
    updateCreate();
}

void PrCreateDialog::showCreated(int number, const QUrl &url)
{
    m_resultUrl = url;
    m_ready = false;
    const QString address = url.toString().toHtmlEscaped();
    setMessage(tr("Created pull request #%1: <a href=\"%2\">%2</a>").arg(number).arg(address),
               false);
    updateCreate();
}

void PrCreateDialog::showExisting(int number, const QUrl &url)
{
    m_resultUrl = url;
    m_ready = false;
    const QString address = url.toString().toHtmlEscaped();
    setMessage(tr("A pull request already exists for this branch: <a href=\"%2\">#%1</a> "
                  "(%2)")
                   .arg(number)
                   .arg(address),
               true);
    updateCreate();
}

void PrCreateDialog::showError(const QString &message)
{
    m_ready = true;
    setMessage(message.toHtmlEscaped(), true);
    updateCreate();
}

QString PrCreateDialog::head() const
{
    return m_head->text();
}

QString PrCreateDialog::base() const
{
    return m_base->text().trimmed();
}

QString PrCreateDialog::title() const
{
    return m_title->text().trimmed();
}

QString PrCreateDialog::body() const
{
    return m_body->toPlainText();
}

bool PrCreateDialog::isDraft() const
{
    return m_draft->isChecked();
}

QString PrCreateDialog::messageText() const
{
    QTextDocument doc;
    doc.setHtml(m_message->text());
    return doc.toPlainText();
}

void PrCreateDialog::setMessage(const QString &html, bool problem)
{
    m_message->setText(html);
    m_message->setVisible(!html.isEmpty());
    m_message->setStyleSheet(problem ? messageStyleSheet(MessageKind::Warning) : QString());
}

void PrCreateDialog::updateCreate()
{
    m_create->setEnabled(m_ready && !m_head->text().isEmpty() && !base().isEmpty() &&
                         !title().isEmpty());
}

} // namespace kanri::ui
