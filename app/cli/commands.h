#pragma once

#include <QStringList>

// The headless subcommands. Each takes the arguments after `kanri <name>` and returns the
// process exit status; a QCoreApplication exists while it runs.
namespace kanri::cli {

int runTf(
    const QStringList &args); // cmd_tf.cpp      kanri tf maps|get|set|unset|add|remove|rename|fmt
int runRender(const QStringList &args); // cmd_render.cpp  kanri render [--verify] DIR
// runRender in a process that ends when it returns (main.cpp): the render's trees are left to
// the system to take back rather than freed one allocation at a time.
int runRenderThenEnd(const QStringList &args);
int runClone(const QStringList &args);   // cmd_git.cpp     kanri clone URL DIR
int runStatus(const QStringList &args);  // cmd_git.cpp     kanri status
int runBranch(const QStringList &args);  // cmd_git.cpp     kanri branch NAME
int runCommit(const QStringList &args);  // cmd_git.cpp     kanri commit -m MSG [--all | PATH...]
int runPush(const QStringList &args);    // cmd_git.cpp     kanri push [REMOTE [BRANCH]]
int runPull(const QStringList &args);    // cmd_git.cpp     kanri pull
int runLint(const QStringList &args);    // cmd_lint.cpp kanri lint [DIR] [--format F] [--base REF]
int runCatalog(const QStringList &args); // cmd_catalog.cpp kanri catalog [--workspace DIR] [--json]
int runDiff(const QStringList &args); // cmd_catalog.cpp kanri diff [--workspace DIR] [--base REF]
int runPr(const QStringList &args);   // cmd_pr.cpp      kanri pr create|list|fetch|show|review|sync

// In the program kanri, the run of every command but render (help.cpp): main.cpp replaces the
// process with kanri-commands, which runs it. Never called.
int runElsewhere(const QStringList &args);

} // namespace kanri::cli
