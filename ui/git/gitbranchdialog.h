#pragma once

#include <QDialog>
#include <QStringList>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace kanri::ui {

struct GitBranches
{
    QString current;    // empty when HEAD is detached
    QStringList local;  // "main", "feature"
    QStringList remote; // "origin/main", "origin/feature"
    QString error;      // the repository could not be read
};

// Switch branches of one repository: its local and remote branches, Check Out for the
// selected one, and a new branch from the current one. The application does the work
// (checkoutRequested, createRequested) and refills the dialog.
class GitBranchDialog : public QDialog
{
    Q_OBJECT

public:
    explicit GitBranchDialog(QWidget *parent = nullptr);

    void setRepositories(const QStringList &names, int current);
    int repository() const;
    void setBranches(const GitBranches &branches);
    // Selects a branch by name ("feature" or "origin/feature"); false when it is not listed.
    bool selectBranch(const QString &name);
    QString selectedBranch() const;
    bool selectedIsRemote() const;

    void showError(const QString &message);
    void showMessage(const QString &message);

    QListWidget *branchList() const { return m_list; }
    QLineEdit *newBranchEdit() const { return m_newName; }
    QPushButton *checkoutButton() const { return m_checkout; }
    QPushButton *createButton() const { return m_create; }
    QLabel *messageLabel() const { return m_message; }

Q_SIGNALS:
    void repositoryChanged(int repository);
    void checkoutRequested(int repository, const QString &branch, bool remote);
    void createRequested(int repository, const QString &name);

private:
    void updateButtons();
    void requestCheckout();

    QComboBox *m_repositories;
    QListWidget *m_list;
    QLineEdit *m_newName;
    QPushButton *m_create;
    QPushButton *m_checkout;
    QLabel *m_message;
    QString m_current;
};

} // namespace kanri::ui
