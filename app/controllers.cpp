#include "app/controllers.h"

#include "app/appcontext.h"
#include "app/gitcontroller.h"
#include "app/githubcontroller.h"
#include "app/rulescontroller.h"

namespace kanri::app {

void installControllers(AppContext *context)
{
    auto *git = new GitController(context);
    auto *github = new GitHubController(context);
    auto *rules = new RulesController(context);
    // The wizards' flow pushes and opens pull requests with the tokens typed (or signed in
    // with) in this run, and asks through the Repository menu's sign-in prompt after a 401.
    rules->setGitTokens(git->tokenSource());
    rules->setGitHubTokens(github->tokenProvider());
    rules->setCommitAuthor(git->commitAuthor());
}

} // namespace kanri::app
