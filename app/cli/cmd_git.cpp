#include "app/cli/commands.h"
#include "app/cli/help.h"
#include "app/cli/output.h"

#include "git/gitrepository.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <unistd.h>

// kanri clone URL DIR
// kanri status
// kanri branch NAME                       switch to NAME, creating it from HEAD if needed
// kanri commit -m MSG [--all | PATH...]   author and committer as git has them (GIT_AUTHOR_NAME,
//                                         GIT_AUTHOR_EMAIL, GIT_COMMITTER_*, user.name, ...)
// kanri push [--set-upstream] [REMOTE [BRANCH]]
// kanri pull [--rebase]
// Exit status: 0 success, 1 the operation failed (reason on stderr), 2 bad usage.
// Tokens for HTTPS come from KANRI_GITHUB_TOKEN, GITHUB_TOKEN or the system keychain (a default
// credentials::TokenStore: the environment's token only for github.com and the host of
// KANRI_GITHUB_API_URL; plain http only to loopback and the hosts in
// KANRI_ALLOW_HTTP_TOKEN_HOSTS, with a warning on stderr once per host).
namespace kanri::cli {

namespace {

using namespace kanri::git;

QString tr(const char *s)
{
    return QCoreApplication::translate("kanri::cli", s);
}

int usage(const char *command)
{
    writeErr(QStringLiteral("error: ") + help::usage(command));
    return 2;
}

int report(const Error &error)
{
    // One line: libgit2 messages can contain newlines.
    QString line = error.toString();
    line.replace(QLatin1Char('\n'), QLatin1Char(' '));
    writeErr(line.trimmed());
    return error.code == Error::Code::Usage ? 2 : 1;
}

std::atomic<bool> interrupted{false};

extern "C" void onInterrupt(int)
{
    interrupted = true;
}

bool stderrIsTerminal()
{
    return ::isatty(STDERR_FILENO) == 1;
}

QString megabytes(std::uint64_t bytes)
{
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', 1) + QStringLiteral(" MiB");
}

// Progress on stderr when it is a terminal; Ctrl-C cancels (a cancelled clone leaves nothing).
NetworkOptions networkOptions()
{
    NetworkOptions options;
    interrupted = false;
    std::signal(SIGINT, onInterrupt);
    options.isCancelled = [] { return interrupted.load(); };
    if (stderrIsTerminal()) {
        options.progress = [](const TransferProgress &p) {
            QString line;
            switch (p.stage) {
            case TransferProgress::Stage::Receiving:
            case TransferProgress::Stage::Resolving:
                if (p.totalObjects == 0)
                    return;
                line = p.receivedObjects < p.totalObjects
                           ? tr("Receiving objects: %1% (%2/%3), %4")
                                 .arg(100 * p.receivedObjects / p.totalObjects)
                                 .arg(p.receivedObjects)
                                 .arg(p.totalObjects)
                                 .arg(megabytes(p.receivedBytes))
                           : tr("Resolving deltas: %1/%2").arg(p.indexedDeltas).arg(p.totalDeltas);
                break;
            case TransferProgress::Stage::CheckingOut:
                line = tr("Checking out files: %1/%2").arg(p.checkoutDone).arg(p.checkoutTotal);
                break;
            case TransferProgress::Stage::Pushing:
                line = tr("Writing objects: %1/%2, %3")
                           .arg(p.receivedObjects)
                           .arg(p.totalObjects)
                           .arg(megabytes(p.receivedBytes));
                break;
            case TransferProgress::Stage::Done: {
                const QByteArray clear = "\r\033[K";
                std::fwrite(clear.constData(), 1, std::size_t(clear.size()), stderr);
                return;
            }
            }
            const QByteArray bytes = "\r\033[K" + line.toUtf8();
            std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stderr);
            std::fflush(stderr);
        };
    }
    return options;
}

Result<Repository> openHere()
{
    return Repository::open(QDir::currentPath());
}

} // namespace

int runClone(const QStringList &args)
{
    if (args.size() != 2 || args[0].startsWith(QLatin1Char('-')))
        return usage("clone");
    auto cloned = Repository::clone(args[0], args[1], networkOptions());
    if (!cloned)
        return report(cloned.error());
    writeErr(tr("Cloned into %1").arg(QDir::toNativeSeparators(args[1])));
    return 0;
}

int runStatus(const QStringList &args)
{
    if (!args.isEmpty())
        return usage("status");
    auto repo = openHere();
    if (!repo)
        return report(repo.error());
    auto entries = repo->status();
    if (!entries)
        return report(entries.error());
    QString text;
    const QString branch = repo->currentBranch();
    text += QStringLiteral("## ") + (branch.isEmpty() ? tr("HEAD (no branch)") : branch);
    if (!branch.isEmpty()) {
        if (auto upstream = repo->upstreamOf(branch)) {
            text += QStringLiteral("...") + *upstream;
            if (auto counts = repo->aheadBehind(branch);
                counts && (counts->ahead || counts->behind)) {
                QStringList parts;
                if (counts->ahead)
                    parts << tr("ahead %1").arg(counts->ahead);
                if (counts->behind)
                    parts << tr("behind %1").arg(counts->behind);
                text += QStringLiteral(" [") + parts.join(QStringLiteral(", ")) + QLatin1Char(']');
            }
        }
    }
    text += QLatin1Char('\n');
    for (const StatusEntry &e : *entries) {
        text +=
            QString(QChar::fromLatin1(e.index)) + QChar::fromLatin1(e.worktree) + QLatin1Char(' ');
        if (!e.oldPath.isEmpty())
            text += e.oldPath + QStringLiteral(" -> ");
        text += e.path + QLatin1Char('\n');
    }
    writeOut(text);
    return 0;
}

int runBranch(const QStringList &args)
{
    if (args.size() != 1 || args[0].startsWith(QLatin1Char('-')))
        return usage("branch");
    auto repo = openHere();
    if (!repo)
        return report(repo.error());
    const QString name = args[0];
    if (repo->hasLocalBranch(name)) {
        if (repo->currentBranch() != name) {
            if (auto switched = repo->switchBranch(name); !switched)
                return report(switched.error());
        }
        writeErr(tr("Switched to branch '%1'").arg(name));
        return 0;
    }
    if (auto created = repo->createBranch(name, SwitchTo::Yes); !created)
        return report(created.error());
    writeErr(tr("Switched to a new branch '%1'").arg(name));
    return 0;
}

int runCommit(const QStringList &args)
{
    QString message;
    bool haveMessage = false, all = false;
    QStringList paths;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (a == QLatin1String("-m") || a == QLatin1String("--message")) {
            if (++i >= args.size())
                return usage("commit");
            message = args[i];
            haveMessage = true;
        } else if (a == QLatin1String("--all") || a == QLatin1String("-a")) {
            all = true;
        } else if (a == QLatin1String("--")) {
            paths << args.mid(i + 1);
            break;
        } else if (a.startsWith(QLatin1Char('-'))) {
            return usage("commit");
        } else {
            paths << a;
        }
    }
    if (!haveMessage || (all && !paths.isEmpty()))
        return usage("commit");
    auto repo = openHere();
    if (!repo)
        return report(repo.error());
    CommitContent content;
    content.all = all;
    if (!paths.isEmpty()) {
        // PATHs are relative to the current folder; libgit2 wants them relative to the root.
        const QDir root(repo->workdir());
        for (const QString &p : paths) {
            const QString absolute = QDir::cleanPath(QDir::current().absoluteFilePath(p));
            const QString inRepo = root.relativeFilePath(absolute);
            if (inRepo.startsWith(QLatin1String("..")))
                return report(
                    Error{tr("%1 is outside the repository").arg(p), {}, 0, 0, Error::Code::Usage});
            content.stage << inRepo;
        }
    }
    // Staged and committed in one step: when the commit fails, the index stays as it was.
    auto id = repo->commit(message, content);
    if (!id)
        return report(id.error());
    writeOut(
        QStringLiteral("[%1 %2] %3\n")
            .arg(repo->currentBranch(), id->left(7), message.section(QLatin1Char('\n'), 0, 0)));
    return 0;
}

int runPush(const QStringList &args)
{
    bool setUpstream = false;
    QStringList positional;
    for (const QString &a : args) {
        if (a == QLatin1String("--set-upstream") || a == QLatin1String("-u"))
            setUpstream = true;
        else if (a.startsWith(QLatin1Char('-')))
            return usage("push");
        else
            positional << a;
    }
    if (positional.size() > 2)
        return usage("push");
    auto repo = openHere();
    if (!repo)
        return report(repo.error());
    QString branch = positional.value(1);
    if (branch.isEmpty())
        branch = repo->currentBranch();
    if (branch.isEmpty())
        return report(
            Error{tr("HEAD is detached; name the branch to push"), {}, 0, 0, Error::Code::Usage});
    QString remote = positional.value(0);
    if (remote.isEmpty()) {
        auto upstream = repo->upstreamOf(branch);
        if (upstream) {
            remote = upstream->section(QLatin1Char('/'), 0, 0);
        } else if (setUpstream) {
            remote = QStringLiteral("origin");
        } else {
            return report(Error{
                tr("the branch %1 has no upstream; use kanri push --set-upstream").arg(branch),
                {},
                0,
                0,
                Error::Code::NotFound});
        }
    }
    auto pushed = repo->push(remote, branch, setUpstream, networkOptions());
    if (!pushed)
        return report(pushed.error());
    writeErr(tr("Pushed %1 to %2").arg(branch, remote));
    return 0;
}

int runPull(const QStringList &args)
{
    PullStrategy strategy = PullStrategy::Merge;
    for (const QString &a : args) {
        if (a == QLatin1String("--rebase"))
            strategy = PullStrategy::Rebase;
        else if (a == QLatin1String("--merge") || a == QLatin1String("--no-rebase"))
            strategy = PullStrategy::Merge;
        else
            return usage("pull");
    }
    auto repo = openHere();
    if (!repo)
        return report(repo.error());
    auto pulled = repo->pull(strategy, networkOptions());
    if (!pulled)
        return report(pulled.error());
    switch (pulled->outcome) {
    case PullResult::Outcome::UpToDate:
        writeErr(tr("Already up to date."));
        return 0;
    case PullResult::Outcome::FastForwarded:
        writeErr(tr("Fast-forwarded to %1").arg(pulled->head.left(7)));
        return 0;
    case PullResult::Outcome::Merged:
        writeErr(tr("Merged; now at %1").arg(pulled->head.left(7)));
        return 0;
    case PullResult::Outcome::Rebased:
        writeErr(tr("Rebased; now at %1").arg(pulled->head.left(7)));
        return 0;
    case PullResult::Outcome::Conflicts:
        writeErr(
            tr("error: pull stopped: conflicts in %1; nothing was changed (integrate by hand, or "
               "try kanri pull --rebase)")
                .arg(pulled->conflicts.join(QStringLiteral(", "))));
        return 1;
    }
    return 1;
}

} // namespace kanri::cli
