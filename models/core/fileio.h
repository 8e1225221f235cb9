#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>

namespace kanri {

Result<QByteArray> readFile(const QString &path);

// Writes through a temporary file in the same folder and renames it over the target, so a
// reader never sees a half-written file and a failure leaves the old content in place.
Result<void> writeFileAtomic(const QString &path, const QByteArray &data);

} // namespace kanri
