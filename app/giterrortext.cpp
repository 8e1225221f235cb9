#include "app/giterrortext.h"

#include "app/gitcontroller.h"

namespace kanri::app {

QString explainGitError(const Error &error)
{
    QString next;
    switch (error.code) {
    case Error::Code::Auth:
        if (error.message.contains(QLatin1String("host key")))
            break; // the message says what to check
        next = error.message.contains(QLatin1String("SSH"))
                   ? GitController::tr(
                         "Load a key the server knows into ssh-agent (ssh-add), or put it in "
                         "~/.ssh, then try again.")
                   : GitController::tr(
                         "Sign in with a token that has access to the repository (or set "
                         "KANRI_GITHUB_TOKEN), then try again.");
        break;
    case Error::Code::Network:
        next = GitController::tr(
            "Check the network connection and the address, then try again. Nothing was "
            "changed.");
        break;
    case Error::Code::NotFound:
        next = GitController::tr(
            "Check the address: there is no repository there, or your token cannot see "
            "it.");
        break;
    case Error::Code::Rejected:
        next = GitController::tr(
            "Pull first to bring in the commits from the remote, then push again. Your "
            "commits are safe in your local branch.");
        break;
    case Error::Code::Conflict:
        next = GitController::tr(
            "Commit or discard those changes first, then try again. Nothing was changed.");
        break;
    case Error::Code::Cancelled:
        return GitController::tr("Cancelled. Nothing was changed.");
    default:
        break;
    }
    QString text = error.file.isEmpty() ? error.message : error.toString();
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    if (!next.isEmpty())
        text += QLatin1Char('\n') + next;
    return text;
}

} // namespace kanri::app
