#pragma once

// Git repositories for the tests that talk to a git server (tests/git, tests/gitui): the git
// command line as the oracle, a fixed identity, and a bare repository to serve. Set-up uses git
// itself, not models/git, so that a bug in models/git cannot hide in the fixture.

#include "tests/testsupport/testutil.h"

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>

namespace kanri::test {

// `git args` in dir: its standard output, trimmed (empty when git fails).
inline QString gitOut(const QStringList &args, const QString &dir)
{
    return QString::fromUtf8(run(QStringLiteral("git"), args, dir).out).trimmed();
}

// A repository-local identity, so that commits never depend on the machine's git config.
inline void configureIdentity(const QString &dir,
                              const QString &name = QStringLiteral("Test Author"),
                              const QString &email = QStringLiteral("author@example.invalid"))
{
    gitOut({QStringLiteral("config"), QStringLiteral("user.name"), name}, dir);
    gitOut({QStringLiteral("config"), QStringLiteral("user.email"), email}, dir);
}

// root/repo.git: a bare repository whose main holds one commit with README.md ("# demo\n"),
// shared.txt (three lines) and extraFiles (relative path → bytes). root/seed is the working
// repository it was pushed from; its origin is root/repo.git, so it can push more later.
inline bool makeServerRepository(const QString &root,
                                 const QMap<QString, QByteArray> &extraFiles = {})
{
    const QString seed = root + QStringLiteral("/seed");
    const QString bare = root + QStringLiteral("/repo.git");
    QMap<QString, QByteArray> files = extraFiles;
    files.insert(QStringLiteral("README.md"), "# demo\n");
    files.insert(QStringLiteral("shared.txt"), "line 1\nline 2\nline 3\n");
    for (auto it = files.cbegin(); it != files.cend(); ++it)
        if (!writeFile(seed + QLatin1Char('/') + it.key(), it.value()))
            return false;
    const QString git = QStringLiteral("git");
    auto ok = [](const ProcessResult &r) {
        if (r.exitCode != 0)
            qWarning("git: %s", r.err.constData());
        return r.exitCode == 0;
    };
    return ok(run(git, {"init", "-q", "-b", "main", seed})) && ok(run(git, {"add", "-A"}, seed)) &&
           ok(run(git,
                  {"-c", "user.name=Seed", "-c", "user.email=seed@example.invalid", "commit", "-q",
                   "-m", "initial"},
                  seed)) &&
           ok(run(git, {"init", "-q", "--bare", "-b", "main", bare})) &&
           ok(run(git, {"remote", "add", "origin", bare}, seed)) &&
           ok(run(git, {"push", "-q", "-u", "origin", "main"}, seed));
}

// The error text of a failed Result for QVERIFY2 (which evaluates its message even when the
// check passes, so a successful result must give an empty text, not a call to error()).
template<typename R> const char *why(const R &result)
{
    static QByteArray text;
    text = result ? QByteArray() : result.error().toString().toUtf8();
    return text.constData();
}

} // namespace kanri::test
