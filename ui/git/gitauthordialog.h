#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace kanri::ui {

// Asked before the first commit on a computer where git knows no author: a name and an e-mail
// address (prefilled with what the application could guess), and where to keep them: Kanri's
// settings (Kanri's commits only) or git's global configuration (every git program).
class GitAuthorDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Store { KanriSettings, GitGlobalConfig };

    explicit GitAuthorDialog(QWidget *parent = nullptr);

    // `repository` names the repository being committed to; `gitConfigFile` is where git's
    // global configuration lives (shown with that choice).
    void ask(const QString &repository, const QString &name, const QString &email,
             const QString &gitConfigFile);
    QString name() const;
    QString email() const;
    Store store() const;
    void showError(const QString &message);

    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *emailEdit() const { return m_email; }
    QRadioButton *settingsChoice() const { return m_settings; }
    QRadioButton *gitConfigChoice() const { return m_gitConfig; }
    QPushButton *okButton() const { return m_ok; }
    QLabel *messageLabel() const { return m_message; }

    void accept() override;

private:
    QString validationError() const;
    void validate();

    QLabel *m_intro;
    QLineEdit *m_name;
    QLineEdit *m_email;
    QRadioButton *m_settings;
    QRadioButton *m_gitConfig;
    QLabel *m_message;
    QPushButton *m_ok;
};

} // namespace kanri::ui
