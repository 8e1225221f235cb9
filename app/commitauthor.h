#pragma once

#include "git/gitrepository.h"

#include <QObject>
#include <QPointer>

class QWidget;

#include <functional>
#include <optional>

namespace kanri::ui {
class GitAuthorDialog;
}

namespace kanri::app {

class AppContext;

// Who the window's commits are by. Kanri's settings (git/authorName, git/authorEmail) win where
// they are set; the rest comes from git as `git commit` would take it (GIT_AUTHOR_NAME and
// GIT_AUTHOR_EMAIL, then user.name and user.email, then EMAIL). When a part is still missing
// (a new computer), the user is asked once, with what could be guessed filled in, and the
// answer is kept in the settings or in git's global configuration, as the user chooses.
class CommitAuthor : public QObject
{
    Q_OBJECT

public:
    explicit CommitAuthor(AppContext *context, QObject *parent = nullptr);

    struct Known
    {
        git::Signature author; // a part may be empty: not configured anywhere
        bool fromSettings = false;
    };
    Known known(const QString &repositoryPath) const;

    // Calls `then` with the author for a commit to the repository: at once when it is known,
    // else once the user answered the question (std::nullopt: the user cancelled, or what
    // was typed could not be kept). `repositoryName` is for the question, which opens over
    // `over` (default: the main window).
    void ensure(const QString &repositoryPath, const QString &repositoryName,
                std::function<void(std::optional<git::Signature>)> then, QWidget *over = nullptr);

    ui::GitAuthorDialog *dialog() const;

Q_SIGNALS:
    void asked(); // the question is up

private:
    AppContext *m_context;
    QPointer<ui::GitAuthorDialog> m_dialog;
};

} // namespace kanri::app
