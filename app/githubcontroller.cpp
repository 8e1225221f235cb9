#include "githubcontroller.h"

#include "appcontext.h"

namespace kanri::app {

GitHubController::GitHubController(AppContext *context)
    : QObject(context)
    , m_context(context)
{}

} // namespace kanri::app
