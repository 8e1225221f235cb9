#pragma once

#include "core/result.h"
#include "github/githubclient.h"
#include "github/githuberror.h"
#include "github/githubpullstore.h"
#include "github/githubreviewqueue.h"
#include "github/githubtypes.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

// What the `kanri pr` subcommands share (cmd_pr.cpp: create, list, fetch and the dispatch;
// cmd_prreview.cpp: show, review, sync): the usage, error reporting, argument parsing, the
// repository and GitHub client a command works on, and making pull requests available offline.
namespace kanri::cli::pr {

QString tr(const char *text); // the command line's messages, context "kanri::cli::pr"

int usage(); // prints the usage of every `kanri pr` subcommand; returns 2
int reportError(const Error &e);
int reportApiError(const github::ApiError &e);

// Removes `--name VALUE` / `--name=VALUE` from args. Missing value: *bad.
std::optional<QString> takeOption(QStringList &args, const QString &name, bool *bad);
bool takeFlag(QStringList &args, const QString &name);
// "7" or "#7"; nothing for anything else.
std::optional<int> pullNumber(const QString &text);

github::PullStore pullStore();
github::ReviewQueue reviewQueue();

// The repository the command works on, the GitHub repository it belongs to and a client.
struct PrContext
{
    QString dir;
    QString remoteUrl;
    github::RepoRef repo;
    std::unique_ptr<github::Client> client;
};

// A client for the API base of `remoteUrl` with the one token store; maxRetries < 0: the
// client's default.
std::unique_ptr<github::Client> makeClient(const QString &remoteUrl, int maxRetries = -1);
// The repository at `dirArg` (default: the current folder), its GitHub repository from the
// remote origin, and a client that reports rate-limit waits on stderr.
Result<PrContext> openContext(const QString &dirArg, int maxRetries = -1);

// Makes pull requests available offline (review::PullSync): per pull request its metadata,
// files and comments into the store, once its head and base are in refs/kanri/pull/N/{head,base}
// of the local repository. No numbers: every open one. Returns 0 when every one was fetched.
int fetchPulls(PrContext &c, const QList<int> &numbers);

// cmd_prreview.cpp
int runShow(QStringList args, const QString &dir);
int runReview(QStringList args, const QString &dir);
int runSync(QStringList args, const QString &dir);

} // namespace kanri::cli::pr
