#include "rulescontroller.h"

#include "appcontext.h"

namespace kanri::app {

RulesController::RulesController(AppContext *context)
    : QObject(context)
    , m_context(context)
{}

} // namespace kanri::app
