#pragma once

// Internal to models/git: turning libgit2's thread-local last error into a kanri::Error on the
// thread where it happened.

#include "core/result.h"

#include <QString>
#include <QStringList>

namespace kanri::git::detail {

// rc is libgit2's return code; context says what was being done ("cannot open 'x'").
Error gitError(int rc, const QString &context, const QStringList &secrets = {});
std::unexpected<Error> gitFail(int rc, const QString &context, const QStringList &secrets = {});

QString tr(const char *text);

} // namespace kanri::git::detail
