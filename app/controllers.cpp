#include "controllers.h"

#include "appcontext.h"
#include "gitcontroller.h"
#include "githubcontroller.h"
#include "rulescontroller.h"

namespace kanri::app {

void installControllers(AppContext *context)
{
    new GitController(context);
    new GitHubController(context);
    new RulesController(context);
}

} // namespace kanri::app
