#pragma once

#include "core/result.h"

#include <QString>

namespace kanri::app {

// An engine's error for people: its message (already free of secrets) capitalised and, for the
// failures people meet (a refused credential, the network, a rejected push, ...), what to do
// next. Translated in GitController's context.
QString explainGitError(const Error &error);

} // namespace kanri::app
