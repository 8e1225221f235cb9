#include "app/logging/buildinfo.h"

#include <QSettings>
#include <QStandardPaths>
#include <QtGlobal>

#include <git2/common.h>

#ifndef KANRI_VERSION
#error "KANRI_VERSION is defined by app/logging/CMakeLists.txt"
#endif

namespace kanri::app {

BuildInfo buildInfo()
{
    int major = 0, minor = 0, revision = 0;
    git_libgit2_version(&major, &minor, &revision);
    return {QStringLiteral(KANRI_VERSION), buildCommit(), QString::fromLatin1(qVersion()),
            QStringLiteral("%1.%2.%3").arg(major).arg(minor).arg(revision),
            QStringLiteral(KANRI_YAML_CPP_VERSION)};
}

QString versionText()
{
    const BuildInfo b = buildInfo();
    return QStringLiteral("kanri %1\n"
                          "commit %2\n"
                          "Qt %3 (run time)\n"
                          "libgit2 %4 (run time)\n"
                          "yaml-cpp %5 (build time)\n")
        .arg(b.version, b.commit, b.qt, b.libgit2, b.yamlCpp);
}

FileLocations fileLocations()
{
    FileLocations f;
    f.settings = QSettings().fileName();
    f.data = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    f.logs = f.data + QStringLiteral("/log");
    return f;
}

} // namespace kanri::app
