#include "app/logging/buildinfo.h"

#include "gitcommit.h"

namespace kanri::app {

QString buildCommit()
{
    return QStringLiteral(KANRI_GIT_COMMIT);
}

} // namespace kanri::app
