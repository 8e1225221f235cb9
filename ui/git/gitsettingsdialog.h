#pragma once

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace kanri::ui {

// The git/* settings as the dialog edits them (empty: use git's own configuration).
struct GitSettingsValues
{
    QString authorName;
    QString authorEmail;
    QString pullStrategy = QStringLiteral("merge"); // "merge" or "rebase"
    QString sshKeyDirectory;
};

// Repository ▸ Git Settings…: the commit author (placeholders show what git config says), how
// Pull integrates the remote's commits, and where SSH keys are. OK is refused while an e-mail
// address is not one; the application saves the values on accepted().
class GitSettingsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit GitSettingsDialog(QWidget *parent = nullptr);

    void setValues(const GitSettingsValues &values);
    GitSettingsValues values() const;
    // What git's configuration says (shown as placeholders), or empty.
    void setConfiguredAuthor(const QString &name, const QString &email);
    void setDefaultSshKeyDirectory(const QString &directory);

    // Empty when the values can be saved, else why not.
    QString validationError() const;

    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *emailEdit() const { return m_email; }
    QComboBox *pullStrategyBox() const { return m_strategy; }
    QLineEdit *sshKeyDirectoryEdit() const { return m_sshKeys; }
    QPushButton *browseButton() const { return m_browse; }
    QPushButton *okButton() const;
    QLabel *messageLabel() const { return m_message; }

    void accept() override;

private:
    void validate();

    QLineEdit *m_name;
    QLineEdit *m_email;
    QComboBox *m_strategy;
    QLineEdit *m_sshKeys;
    QPushButton *m_browse;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
};

} // namespace kanri::ui
