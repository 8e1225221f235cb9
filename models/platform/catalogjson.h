#pragma once

#include "platform/catalog.h"

#include <QJsonObject>

namespace kanri::platform {

// The catalog as `kanri catalog --json` prints it: the workspace, its repositories (with the
// commit read, for --at), developers and microservices (map entries with file, line and owners),
// teams, services with their environments, the layout's assumptions and the problems met.
QJsonObject catalogToJson(const Catalog &catalog);

} // namespace kanri::platform
