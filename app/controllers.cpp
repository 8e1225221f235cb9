#include "app/controllers.h"

#include "app/appcontext.h"
#include "app/gitcontroller.h"
#include "app/githubcontroller.h"
#include "app/helpcontroller.h"
#include "app/rulescontroller.h"
#include "app/wizardcontroller.h"
#include "platform/tfimpactlive.h"
#include "ui/main/mainwindow.h"

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
    // The diff panel's Terraform impact is part of what a screenshot waits for.
    context->addBusyProbe(context, [context] {
        const platform::TfImpactLive *impact = context->window()->tfImpact();
        return impact && impact->isBusy();
    });
}

} // namespace kanri::app
