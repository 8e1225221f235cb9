#pragma once

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace kanri::ui {

// Asked when a server answers 401: a token for one host (typed, never shown), and whether to
// keep it in the system keychain once it has worked.
class GitSignInDialog : public QDialog
{
    Q_OBJECT

public:
    explicit GitSignInDialog(QWidget *parent = nullptr);

    // `reason` says what failed, e.g. "authentication failed for https://host/repo.git".
    void ask(const QString &host, const QString &reason);
    QString host() const { return m_host; }
    QString token() const;
    bool remember() const;
    void clearToken();

    QLineEdit *tokenEdit() const { return m_token; }
    QCheckBox *rememberBox() const { return m_remember; }

private:
    QString m_host;
    QLabel *m_text;
    QLineEdit *m_token;
    QCheckBox *m_remember;
};

} // namespace kanri::ui
