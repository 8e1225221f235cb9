#pragma once

#include <QObject>

namespace kanri::app {

class AppContext;

// Creates the GUI's controllers (git, GitHub, rules, wizards), parented to the context.
void installControllers(AppContext *context);

} // namespace kanri::app
