#pragma once

#include <QRegularExpression>
#include <QString>

namespace kanri {

// The one glob dialect of Kanri's own configuration (workspace layout, rule exemptions, platform
// folders), on repository-relative paths with `/` separators: `*` and `?` stay within one
// folder, `**` crosses folders, `[...]` and `[!...]` are character classes, anything else is
// literal. (CODEOWNERS follows gitignore's rules instead: platform/codeowners.)
enum class GlobScope {
    Whole,       // the glob matches the whole path
    PathOrBelow, // ... or a folder above it: "apps/*" also covers "apps/web/base"
};

QRegularExpression globRegularExpression(const QString &glob, GlobScope scope = GlobScope::Whole);
bool globMatches(const QString &glob, const QString &path, GlobScope scope = GlobScope::Whole);

} // namespace kanri
