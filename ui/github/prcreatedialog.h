#pragma once

#include <QDialog>
#include <QUrl>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace kanri::ui {

// "Create Pull Request": the head (the current branch), the base (the default branch), a
// title and body generated from the change and editable, and Draft. Shows the outcome: the
// new pull request's address, the one that already exists for the branch, or why it cannot be
// created (the branch is not pushed). The application drafts and sends.
class PrCreateDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PrCreateDialog(QWidget *parent = nullptr);

    void setRepositories(const QStringList &names, const QString &current);
    QString repository() const;

    void setBusy(const QString &message);
    void setDraft(const QString &head, const QString &base, const QString &title,
                  const QString &body, const QString &warning);
    void showNotPushed(const QString &head, const QString &message);
    void showCreated(int number, const QUrl &url);
    void showExisting(int number, const QUrl &url);
    void showError(const QString &message);

    QString head() const;
    QString base() const;
    QString title() const;
    QString body() const;
    bool isDraft() const;
    QString messageText() const;
    QUrl resultUrl() const { return m_resultUrl; }
    QPushButton *createButton() const { return m_create; }
    QLineEdit *titleEdit() const { return m_title; }
    QPlainTextEdit *bodyEdit() const { return m_body; }
    QCheckBox *draftBox() const { return m_draft; }

Q_SIGNALS:
    void repositoryChanged(const QString &repository);
    void createRequested();
    void openUrlRequested(const QUrl &url);

private:
    void setMessage(const QString &html, bool problem);
    void updateCreate();

    QComboBox *m_repository;
    QLineEdit *m_head;
    QLineEdit *m_base;
    QLineEdit *m_title;
    QPlainTextEdit *m_body;
    QCheckBox *m_draft;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
    QPushButton *m_create;
    QUrl m_resultUrl;
    bool m_ready = false;
};

} // namespace kanri::ui
