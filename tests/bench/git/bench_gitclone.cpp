// Clone and fetch of a generated repository (20,000 files, 2,000 commits) over loopback HTTP
// (git http-backend behind basic authentication): Kanri (libgit2) against the `git` command
// line, over the same server. Prints the times and the ratio Kanri / git (target <= 1.5).
//
//   bench_gitclone [--files N] [--commits N] [--runs N]

#include "credentials/tokenstore.h"
#include "git/gitrepository.h"
#include "tests/testsupport/githttpserver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace kanri;

namespace {

const QString token = QStringLiteral("bench-token");

bool runGit(const QStringList &args, const QString &dir, const QByteArray &input = {})
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.start(QStringLiteral("git"), args);
    if (!p.waitForStarted())
        return false;
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(-1);
    if (p.exitCode() != 0)
        std::fprintf(stderr, "git %s failed: %s\n", qPrintable(args.join(' ')),
                     p.readAllStandardError().constData());
    return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

QByteArray blob(int file, int revision)
{
    QByteArray text =
        "# file " + QByteArray::number(file) + ", revision " + QByteArray::number(revision) + "\n";
    for (int line = 0; line < 6; ++line)
        text += "resource \"item_" + QByteArray::number(file) + "_" + QByteArray::number(line) +
                "\" { value = " + QByteArray::number(file * 7 + line + revision) + " }\n";
    return text;
}

QByteArray path(int file)
{
    return "dir" + QByteArray::number(file / 100) + "/file" + QByteArray::number(file) + ".tf";
}

// A fast-import stream: the first commit adds every file, each later commit edits ten.
QByteArray fastImport(int files, int firstCommit, int commits, bool continueFromMain)
{
    QByteArray s;
    s.reserve(files * 400);
    for (int c = firstCommit; c < firstCommit + commits; ++c) {
        const QByteArray message = "commit " + QByteArray::number(c) + "\n";
        s += "commit refs/heads/main\n";
        s += "committer Bench <bench@example.invalid> " + QByteArray::number(1700000000 + c) +
             " +0000\n";
        s += "data " + QByteArray::number(message.size()) + "\n" + message;
        if (c == firstCommit && continueFromMain)
            s += "from refs/heads/main^0\n";
        if (c == 0) {
            for (int f = 0; f < files; ++f) {
                const QByteArray b = blob(f, 0);
                s += "M 100644 inline " + path(f) + "\ndata " + QByteArray::number(b.size()) +
                     "\n" + b + "\n";
            }
        } else {
            for (int k = 0; k < 10; ++k) {
                const int f = (c * 37 + k * 1999) % files;
                const QByteArray b = blob(f, c);
                s += "M 100644 inline " + path(f) + "\ndata " + QByteArray::number(b.size()) +
                     "\n" + b + "\n";
            }
        }
        s += "\n";
    }
    return s;
}

double seconds(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e9;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int files = 20000, commits = 2000, runs = 2;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == "--files")
            files = args[i + 1].toInt();
        else if (args[i] == "--commits")
            commits = args[i + 1].toInt();
        else if (args[i] == "--runs")
            runs = args[i + 1].toInt();
    }
    QTemporaryDir tmp;
    const QString root = tmp.path();
    QElapsedTimer t;
    t.start();
    // repo.git: the base; next.git: the base plus 100 commits, fetched after each clone.
    if (!runGit({"init", "-q", "--bare", "-b", "main", "repo.git"}, root) ||
        !runGit({"fast-import", "--quiet"}, root + "/repo.git",
                fastImport(files, 0, commits, false)) ||
        !runGit({"repack", "-adq"}, root + "/repo.git") ||
        !runGit({"clone", "-q", "--bare", "repo.git", "next.git"}, root) ||
        !runGit({"fast-import", "--quiet"}, root + "/next.git",
                fastImport(files, commits, 100, true)) ||
        !runGit({"repack", "-adq"}, root + "/next.git"))
        return 1;
    std::printf("generated %d files, %d commits (+100 to fetch) in %.1f s\n", files, commits,
                seconds(t));

    kanri::test::GitHttpServer server(root, token);
    if (!server.start())
        return 1;
    QString authed = server.url("repo.git");
    authed.replace("http://", "http://x-access-token:" + token + "@");
    QString authedNext = server.url("next.git");
    authedNext.replace("http://", "http://x-access-token:" + token + "@");

    git::NetworkOptions options;
    options.tokens = credentials::TokenStore::fixed(token);

    double best[4] = {1e9, 1e9, 1e9, 1e9}; // git clone, git fetch, kanri clone, kanri fetch
    for (int run = 0; run < runs; ++run) {
        const QString gitDir = root + QStringLiteral("/git-%1").arg(run);
        t.restart();
        if (!runGit({"clone", "-q", authed, gitDir}, root))
            return 1;
        best[0] = std::min(best[0], seconds(t));
        runGit({"remote", "add", "next", authedNext}, gitDir);
        t.restart();
        if (!runGit({"fetch", "-q", "next"}, gitDir))
            return 1;
        best[1] = std::min(best[1], seconds(t));

        const QString kanriDir = root + QStringLiteral("/kanri-%1").arg(run);
        t.restart();
        auto repo = git::Repository::clone(server.url("repo.git"), kanriDir, options);
        if (!repo) {
            std::fprintf(stderr, "%s\n", qPrintable(repo.error().toString()));
            return 1;
        }
        best[2] = std::min(best[2], seconds(t));
        repo->addRemote("next", server.url("next.git"));
        t.restart();
        if (auto fetched = repo->fetch("next", options); !fetched) {
            std::fprintf(stderr, "%s\n", qPrintable(fetched.error().toString()));
            return 1;
        }
        best[3] = std::min(best[3], seconds(t));
        std::printf("run %d done\n", run + 1);
        std::fflush(stdout);
    }
    std::printf("\nbest of %d runs      git      kanri    ratio\n", runs);
    std::printf("clone               %6.2f s %6.2f s  %5.2fx\n", best[0], best[2],
                best[2] / best[0]);
    std::printf("fetch (+100 commits)%6.2f s %6.2f s  %5.2fx\n", best[1], best[3],
                best[3] / best[1]);
    std::printf("clone + fetch       %6.2f s %6.2f s  %5.2fx   (target <= 1.50x)\n",
                best[0] + best[1], best[2] + best[3], (best[2] + best[3]) / (best[0] + best[1]));
    return 0;
}
