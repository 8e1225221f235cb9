#pragma once

#include <QObject>
#include <QPointer>

namespace kanri::github {
class DeviceFlow;
}

namespace kanri::ui {
class SignInDialog;
}

namespace kanri::app {

class AppContext;
class GitHubController;

// Pull Requests ▸ Sign in / Sign Out: the device flow in the sign-in dialog, the token kept in
// the store for the session and in the keychain once GitHub accepted it, and the login of the
// user signed in (kept in the setting github/login).
class GitHubSignInController : public QObject
{
    Q_OBJECT

public:
    explicit GitHubSignInController(GitHubController *github);

    void signIn();
    void signOut();
    // Asks GitHub who the token belongs to, when it is not the login known.
    void fetchLogin();
    QString login() const { return m_login; }
    ui::SignInDialog *dialog() const;

private:
    void startDeviceFlow();
    void deviceFlowSucceeded(const QString &token);
    void setLogin(const QString &login);

    GitHubController *m_github;
    AppContext *m_context;
    QString m_login;
    QPointer<ui::SignInDialog> m_dialog;
    QPointer<github::DeviceFlow> m_flow;
};

} // namespace kanri::app
