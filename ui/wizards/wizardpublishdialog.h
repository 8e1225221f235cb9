#pragma once

#include <QDialog>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace kanri::ui {

// What the dialog proposes for one repository; the user may edit all of it.
struct PublishFields
{
    QString repository;
    QStringList files; // relative to the repository, for the list
    QString branch;
    QString commitMessage;
    QString title, body; // the pull request
};

// After a wizard: "Commit, push and open pull requests". One section per repository (branch,
// commit message, pull request title and body), an "Open pull requests" switch, then progress
// with Cancel while the controller works, and the outcome (what was done, what failed) in
// words. Nothing typed is cleared: after a failure the texts are still there to copy.
class WizardPublishDialog : public QDialog
{
    Q_OBJECT

public:
    // `checkBranch(name)` returns "" when the name can be used, else why not.
    WizardPublishDialog(const QString &what, const QList<PublishFields> &fields,
                        std::function<QString(const QString &)> checkBranch,
                        QWidget *parent = nullptr);

    QList<PublishFields> fields() const;
    bool openPullRequests() const;

    // While the controller works: the fields are read-only and Close becomes Cancel.
    void setRunning(bool running);
    void setProgress(const QString &text, int percent); // percent < 0: busy
    // The end: `ok` or not, the message in words; `canRetry`: nothing was committed, so the
    // user may change the fields and try again.
    void showOutcome(bool ok, const QString &message, bool canRetry);

    // For tests.
    QLineEdit *branchEdit(int repository) const { return m_sections.value(repository).branch; }
    QPlainTextEdit *commitEdit(int repository) const { return m_sections.value(repository).commit; }
    QLineEdit *titleEdit(int repository) const { return m_sections.value(repository).title; }
    QPlainTextEdit *bodyEdit(int repository) const { return m_sections.value(repository).body; }
    QCheckBox *pullRequestBox() const { return m_openPulls; }
    QPushButton *runButton() const { return m_run; }
    QPushButton *closeButton() const { return m_close; }
    QLabel *messageLabel() const { return m_message; }
    QProgressBar *progressBar() const { return m_progress; }

Q_SIGNALS:
    void runRequested();
    void cancelRequested();

private:
    struct Section
    {
        QString repository;
        QStringList files;
        QLineEdit *branch = nullptr;
        QPlainTextEdit *commit = nullptr;
        QLineEdit *title = nullptr;
        QPlainTextEdit *body = nullptr;
        QLabel *problem = nullptr;
    };
    void validate();
    void closeOrCancel();

    std::function<QString(const QString &)> m_checkBranch;
    QList<Section> m_sections;
    QCheckBox *m_openPulls = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_run = nullptr;
    QPushButton *m_close = nullptr;
    bool m_running = false;
    bool m_finished = false; // committed something: running again is not offered
};

} // namespace kanri::ui
