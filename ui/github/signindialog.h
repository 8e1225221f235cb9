#pragma once

#include <QDialog>
#include <QUrl>

class QLabel;
class QLineEdit;
class QPushButton;
class QDialogButtonBox;

namespace kanri::ui {

// The GitHub device flow as the user sees it: a code to type at a web page, the page's
// address, and the state of the wait. Shows what it is told; the application runs the flow.
// The token never reaches this dialog.
class SignInDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SignInDialog(QWidget *parent = nullptr);

    void showIntro(const QString &host, const QString &message);
    void showCode(const QString &userCode, const QUrl &verificationUri, int expiresInSeconds);
    void showPolling(int intervalSeconds);
    void showSignedIn(const QString &login, const QString &note);
    void showError(const QString &message);

    QString userCode() const;
    QUrl verificationUri() const { return m_uri; }
    QString statusText() const;
    bool isFinished() const { return m_finished; }

Q_SIGNALS:
    void openUrlRequested(const QUrl &url);
    void cancelRequested();
    void retryRequested();

protected:
    void reject() override;

private:
    QLabel *m_intro;
    QLineEdit *m_code;
    QPushButton *m_copy;
    QLabel *m_link;
    QPushButton *m_open;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
    QPushButton *m_retry;
    QUrl m_uri;
    bool m_finished = false;
};

} // namespace kanri::ui
