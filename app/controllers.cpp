#include "app/controllers.h"

#include "app/appcontext.h"
#include "app/gitcontroller.h"
#include "app/githubcontroller.h"
#include "app/helpcontroller.h"
#include "app/rulescontroller.h"
#include "app/wizardcontroller.h"

namespace kanri::app {

void installControllers(AppContext *context)
{
    auto *git = new GitController(context);
    auto *github = new GitHubController(context);
    new RulesController(context);
    new HelpController(context);
    auto *wizards = new WizardController(context);
    // One token store: what is typed at the Repository menu's prompt or signed in with on
    // GitHub serves git, GitHub and the wizards' flow alike, and the flow asks through that
    // prompt after a 401.
    PublishController *publish = wizards->publisher();
    github->setTokens(git->tokens());
    publish->setTokens(git->tokens());
    publish->setCommitAuthor(git->commitAuthor());
}

} // namespace kanri::app
