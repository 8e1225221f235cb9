#pragma once

// Small helpers shared by the Qt Test executables (header-only, test code only).

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QtTest>

namespace kanri::test {

// ../shared (or $KANRI_SHARED): the conformance corpora and fixtures. Empty when absent, in
// which case a test that needs it calls QSKIP with a message naming the folder.
inline QString sharedDir()
{
    const QString dir = qEnvironmentVariable("KANRI_SHARED");
    if (!dir.isEmpty() && QDir(dir).exists())
        return QDir(dir).absolutePath();
    return {};
}

inline QString sourceDir()
{
    return qEnvironmentVariable("KANRI_SOURCE_DIR");
}

// The kanri executable built alongside the tests, for end-to-end command-line tests.
inline QString kanriBinary()
{
    return qEnvironmentVariable("KANRI_BINARY");
}

// kubectl when the machine has it (the rendering oracle); empty otherwise.
inline QString kubectl()
{
    return QStandardPaths::findExecutable(QStringLiteral("kubectl"));
}

// Writes bytes to path, creating the folders on the way; false when the file cannot be written.
inline bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

// The bytes of path; empty when it cannot be read.
inline QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

struct ProcessResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

inline ProcessResult run(const QString &program, const QStringList &args,
                         const QString &workingDir = {}, int timeoutMs = 120000)
{
    QProcess p;
    if (!workingDir.isEmpty())
        p.setWorkingDirectory(workingDir);
    p.start(program, args);
    ProcessResult r;
    if (!p.waitForStarted(timeoutMs)) {
        r.err = p.errorString().toUtf8();
        return r;
    }
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = "timed out";
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace kanri::test
