#pragma once

#include "core/result.h"
#include "git/gittokensource.h"

#include <QString>
#include <QStringList>

#include <functional>

namespace kanri::app {

// A token source that can also ask the user for a token after a server refused the
// credentials: GitController's, the sign-in prompt that Repository ▸ Push shows. Tokens typed
// there come first, then the environment and the keychain. token() may run on any thread;
// the other calls only on the GUI thread.
class GitTokenPrompt : public git::TokenSource
{
public:
    // Asks for a token for `url`'s host after `error` (a 401). `retry` runs once one was typed
    // (token() answers with it from then on), `giveUp` when the user cancelled. False when
    // nobody can be asked (a screenshot, an SSH address, the controller gone): neither runs.
    virtual bool askForToken(const QString &url, const Error &error, std::function<void()> retry,
                             std::function<void()> giveUp) = 0;
    // The operation on `url` succeeded with what token() gave: a token typed for it is kept
    // in the keychain when the user asked for that.
    virtual void tokenWorked(const QString &url) = 0;
    // Every token typed in this run, to scrub from text shown to people.
    virtual QStringList secrets() const = 0;
};

} // namespace kanri::app
