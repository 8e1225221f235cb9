#pragma once

#include "publish/publishflow.h"

#include <memory>

namespace kanri::git {
class TokenSource;
}
namespace kanri::github {
class TokenProvider;
}

namespace kanri::app {

// The one place where the wizards' publishing flow meets the GUI's credentials: the git token
// source and the GitHub token provider as given (empty: the environment, then the keychain).
// When the git source is the Repository menu's GitTokenPrompt, the flow asks through its
// sign-in prompt after a 401, keeps a typed token once it worked, and scrubs typed tokens from
// what it says.
platform::PublishCredentials publishCredentials(std::shared_ptr<git::TokenSource> git,
                                                std::shared_ptr<github::TokenProvider> github);

} // namespace kanri::app
