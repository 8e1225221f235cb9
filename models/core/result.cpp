#include "core/result.h"

namespace kanri {

QString Error::toString() const
{
    QString location;
    if (!file.isEmpty()) {
        location = file;
        if (line > 0) {
            location += QLatin1Char(':') + QString::number(line);
            if (column > 0)
                location += QLatin1Char(':') + QString::number(column);
        }
        location += QLatin1String(": ");
    }
    return location + QLatin1String("error: ") + message;
}

} // namespace kanri
