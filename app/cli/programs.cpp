#include "app/cli/programs.h"

#include "app/cli/output.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <unistd.h>

#ifndef KANRI_PROGRAMS_RELATIVE
#error "KANRI_PROGRAMS_RELATIVE is defined by app/cli/CMakeLists.txt"
#endif

namespace kanri::cli {

void setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Kanri"));
    QCoreApplication::setApplicationName(QStringLiteral("kanri"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KANRI_HELP_VERSION));
}

QString executableDir()
{
    const QString self = QFileInfo(QStringLiteral("/proc/self/exe")).canonicalFilePath();
    return self.isEmpty() ? QString() : QFileInfo(self).absolutePath();
}

QStringList programCandidates(const QString &exeDir, const QString &name)
{
    if (exeDir.isEmpty())
        return {};
    const QDir dir(exeDir);
    return {dir.filePath(name),
            QDir::cleanPath(dir.filePath(QStringLiteral(KANRI_PROGRAMS_RELATIVE "/") + name))};
}

QString findProgram(const QString &exeDir, const QString &name)
{
    for (const QString &candidate : programCandidates(exeDir, name)) {
        const QFileInfo info(candidate);
        if (info.isFile() && info.isExecutable())
            return candidate;
    }
    return {};
}

int execProgram(const QString &name, char **argv)
{
    const QString dir = executableDir();
    const QString program = findProgram(dir, name);
    if (program.isEmpty()) {
        writeErr(QStringLiteral("kanri: error: %1 is missing (looked for %2)")
                     .arg(name, programCandidates(dir, name).join(QStringLiteral(", "))));
        return 1;
    }
    const QByteArray path = QFile::encodeName(program);
    ::execv(path.constData(), argv);
    const int error = errno;
    writeErr(QStringLiteral("kanri: error: cannot start %1: %2")
                 .arg(program, QString::fromLocal8Bit(std::strerror(error))));
    return 1;
}

} // namespace kanri::cli
