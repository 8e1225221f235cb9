#include "gitcontroller.h"

#include "appcontext.h"

namespace kanri::app {

GitController::GitController(AppContext *context)
    : QObject(context)
    , m_context(context)
{}

} // namespace kanri::app
