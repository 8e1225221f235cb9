#include "app/controllers.h"

#include "app/appcontext.h"
#include "app/gitcontroller.h"
#include "app/githubcontroller.h"
#include "app/rulescontroller.h"
#include "app/wizardcontroller.h"

namespace kanri::app {

void installControllers(AppContext *context)
{
    auto *git = new GitController(context);
    auto *github = new GitHubController(context);
    new RulesController(context);
    auto *wizards = new WizardController(context);
    // The wizards' flow pushes and opens pull requests with the tokens typed (or signed in
    // with) in this run, and asks through the Repository menu's sign-in prompt after a 401.
    PublishController *publish = wizards->publisher();
    publish->setGitTokens(git->tokenSource());
    publish->setGitHubTokens(github->tokenProvider());
    publish->setCommitAuthor(git->commitAuthor());
}

} // namespace kanri::app
