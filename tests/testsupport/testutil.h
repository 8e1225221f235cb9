#pragma once

// Small helpers shared by the Qt Test executables (header-only, test code only).

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QTest>

#include <cstdio>

namespace kanri::test {

// ctest reports a test that exits with this code as skipped (SKIP_RETURN_CODE, set for every
// test by kanri_add_test), so a whole test that cannot run here never shows as "Passed".
inline constexpr int skipExitCode = 77;

// ../shared (or $KANRI_SHARED): the conformance corpora and fixtures. Empty when absent, in
// which case a test that needs it calls QSKIP with a message naming the folder.
inline QString sharedDir()
{
    const QString dir = qEnvironmentVariable("KANRI_SHARED");
    if (!dir.isEmpty() && QDir(dir).exists())
        return QDir(dir).absolutePath();
    return {};
}

// A folder under ../shared (for example "conformance/kustomize-real"); empty when absent.
inline QString sharedSubdir(const QString &relative)
{
    const QString shared = sharedDir();
    if (shared.isEmpty())
        return {};
    const QString dir = shared + QLatin1Char('/') + relative;
    return QDir(dir).exists() ? dir : QString();
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

// main() for a test executable that needs something this machine may lack (a corpus under
// ../shared, an oracle): without it the test says why and exits with skipExitCode, which ctest
// shows as a skip. Used instead of QTEST_GUILESS_MAIN / QTEST_MAIN:
//   KANRI_TEST_MAIN_IF(TestCorpus, QCoreApplication, !sharedSubdir("conformance/x").isEmpty(),
//                      "../shared/conformance/x (KANRI_SHARED) is absent: nothing to compare")
#define KANRI_TEST_MAIN_IF(TestObject, ApplicationClass, condition, why)                           \
    int main(int argc, char *argv[])                                                               \
    {                                                                                              \
        if (!(condition)) {                                                                        \
            std::fprintf(stderr, "SKIP: %s\n", why);                                               \
            return kanri::test::skipExitCode;                                                      \
        }                                                                                          \
        ApplicationClass app(argc, argv);                                                          \
        TestObject tc;                                                                             \
        QTEST_SET_MAIN_SOURCE_PATH                                                                 \
        return QTest::qExec(&tc, argc, argv);                                                      \
    }
