#pragma once

#include <QDialog>
#include <QList>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace kanri::ui {

struct GitCommitFile
{
    QString path;        // relative to the repository
    QString description; // "modified", "added, unsaved edits", ...
    bool checked = true;
};

// Commit the changes of one repository: a summary line and a body, the files to include
// (checked), and "save unsaved edits first". Ctrl+Return commits. The application fills it
// per repository (repositoryChanged) and does the commit (commitRequested).
class GitCommitDialog : public QDialog
{
    Q_OBJECT

public:
    explicit GitCommitDialog(QWidget *parent = nullptr);

    void setRepositories(const QStringList &names, int current);
    int repository() const;
    void setBranch(const QString &branch);
    void setAuthor(const QString &author); // "Name <email>", or a hint when none is set
    void setFiles(const QList<GitCommitFile> &files);
    void setUnsavedEdits(int files); // 0 hides the "save first" choice

    QString summary() const;
    QString body() const;
    // Summary, a blank line and the body (when there is one).
    QString message() const;
    QStringList checkedPaths() const;
    bool saveFirst() const;

    void showError(const QString &message);
    void clearMessage();

    QLineEdit *summaryEdit() const { return m_summary; }
    QPlainTextEdit *bodyEdit() const { return m_body; }
    QListWidget *fileList() const { return m_files; }
    QCheckBox *saveFirstBox() const { return m_saveFirst; }
    QPushButton *commitButton() const { return m_commit; }
    QLabel *messageLabel() const { return m_message; }
    QComboBox *repositoryBox() const { return m_repositories; }

Q_SIGNALS:
    void repositoryChanged(int repository);
    void commitRequested();

private:
    void requestCommit();
    void updateButtons();

    QComboBox *m_repositories;
    QLabel *m_branch;
    QLabel *m_author;
    QLineEdit *m_summary;
    QPlainTextEdit *m_body;
    QListWidget *m_files;
    QCheckBox *m_saveFirst;
    QLabel *m_message;
    QPushButton *m_commit;
};

} // namespace kanri::ui
