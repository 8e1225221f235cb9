#pragma once

#include "git/gitnetwork.h"

#include <QDialog>

class QLabel;
class QPushButton;

namespace kanri::ui {

class GitProgressWidget;

// Progress of one network operation (push, pull, fetch) with Cancel. When the work ends the
// dialog stays open with the outcome in plain words and, when there is one, a button for
// the obvious next step ("Pull now" after a rejected push); Cancel becomes Close.
class GitProgressDialog : public QDialog
{
    Q_OBJECT

public:
    explicit GitProgressDialog(QWidget *parent = nullptr);

    void start(const QString &title, const QString &what);
    void setProgress(const git::TransferProgress &progress);
    enum class Outcome { Succeeded, Failed };
    void finish(Outcome outcome, const QString &message, const QString &nextStep = {});
    bool isRunning() const { return m_running; }

    GitProgressWidget *progress() const { return m_progress; }
    QLabel *messageLabel() const { return m_message; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *nextStepButton() const { return m_nextStep; }

Q_SIGNALS:
    void cancelRequested();
    void nextStepRequested();

protected:
    void reject() override;

private:
    QLabel *m_what;
    GitProgressWidget *m_progress;
    QLabel *m_message;
    QPushButton *m_nextStep;
    QPushButton *m_cancel;
    bool m_running = false;
};

} // namespace kanri::ui
