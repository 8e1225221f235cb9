#include "app/cli/commands.h"
#include "app/cli/help.h"
#include "app/cli/output.h"
#include "app/cli/programs.h"
#include "app/logging/buildinfo.h"
#include "app/logging/messagelog.h"
#include "app/translations.h"
#ifndef KANRI_CLI_FRONT
#include "credentials/tokenstore.h"
#endif

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdint>
#include <cstdlib>
#include <cstring>

#if defined(__GLIBC__)
#include <malloc.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>
#endif

// The command line, built twice (app/CMakeLists.txt):
//  - kanri (KANRI_CLI_FRONT): runs `render`, answers --help and --generate and checks the
//    window's options, over Qt Core, yaml-cpp and libyaml only; it becomes kanri-commands for
//    the other subcommands and --version, and kanri-gui for the window (cli/programs.h).
//  - kanri-commands: runs every subcommand and --version; links no Qt Widgets and becomes
//    kanri-gui for the window too.
// Both answer alike: the subcommands' help and usage errors come from one table (cli/help.cpp),
// and the window's options are checked here with the messages and status kanri-gui gives.
namespace {

namespace help = kanri::cli::help;

// `kanri render` is one short process that builds a few megabytes of small allocations (the
// trees of the YAML it reads and prints) and ends. Touching fresh memory costs a page fault per
// 4 KiB page, and a page fault is expensive in a virtual machine (20-40 us measured here, where
// the render of a 1.4 MB CRD build touched 2,900 pages). So before anything is allocated the
// heap is grown at once by `kReserve` and the kernel is asked to back it with 2 MiB pages
// (transparent huge pages in "madvise" mode: one fault per 2 MiB); every allocation, large
// buffers included, comes from that heap and nothing is given back before the process ends.
// Where the kernel or the C library does not play along, the render works as before.
void prepareHeapForRender()
{
#if defined(__GLIBC__)
    constexpr size_t kReserve = 64u << 20;
    constexpr size_t kHugePage = 2u << 20;
    // Under a tight address-space limit, malloc's own growth is the safer one.
    struct rlimit limit = {};
    if (getrlimit(RLIMIT_AS, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY &&
        limit.rlim_cur < 16 * kReserve)
        return;
    mallopt(M_MMAP_THRESHOLD, 32 << 20); // large buffers from the heap as well (glibc's most)
    mallopt(M_TRIM_THRESHOLD, int(kReserve * 8)); // never shrink the heap
    mallopt(M_TOP_PAD, int(kReserve));            // grow it by kReserve at a time
    // One allocation larger than the heap's free top makes malloc grow the heap (by the request
    // and M_TOP_PAD); freed, it leaves a top of about kReserve that the render allocates from.
    void *grow = std::malloc(mallinfo2().keepcost + 4096);
    asm volatile("" : : "r"(grow) : "memory"); // the compiler may not drop the pair
    std::free(grow);
    const auto end = reinterpret_cast<uintptr_t>(sbrk(0));
    if (end == uintptr_t(-1) || end < kReserve)
        return;
    const uintptr_t from = (end - kReserve + kHugePage - 1) & ~uintptr_t(kHugePage - 1);
    if (from < end)
        madvise(reinterpret_cast<void *>(from), end - from, MADV_HUGEPAGE);
#endif
}

void print(const QString &text)
{
    kanri::cli::writeOut(text);
}

// `kanri help [SUBCOMMAND]`.
int runHelp(const QStringList &args)
{
    if (args.isEmpty()) {
        print(help::mainHelp());
        return 0;
    }
    const help::Command *command = args.size() == 1 ? help::find(args.first()) : nullptr;
    if (!command) {
        kanri::cli::writeErr(
            args.size() == 1
                ? QStringLiteral("kanri help: error: unknown subcommand '%1'").arg(args.first())
                : QStringLiteral("kanri help: error: give one subcommand"));
        kanri::cli::writeErr(help::usage(*help::find(QStringLiteral("help"))));
        return 2;
    }
    print(help::commandHelp(*command));
    return 0;
}

// `kanri --generate man|bash|zsh` (not in the help: the build runs it for the man page and the
// completions it installs).
int generate(const char *what)
{
    const QByteArray name = what ? QByteArray(what) : QByteArray();
    if (name == "man")
        print(help::manPage());
    else if (name == "bash")
        print(help::bashCompletion());
    else if (name == "zsh")
        print(help::zshCompletion());
    else {
        kanri::cli::writeErr(QStringLiteral("kanri: error: --generate wants man, bash or zsh"));
        return 2;
    }
    return 0;
}

// A subcommand: its help, an option it does not know (exit 2 with the usage), or its run.
int runSubcommand(const help::Command &command, QStringList args)
{
    const QString name = QString::fromLatin1(command.name);
    // --verbose is the program's option, wherever it is given.
    const qsizetype end = args.indexOf(QStringLiteral("--"));
    const bool verbose =
        args.mid(0, end < 0 ? args.size() : end).contains(QStringLiteral("--verbose"));
    if (verbose)
        args.removeAt(args.indexOf(QStringLiteral("--verbose")));
    if (help::asksForHelp(command, args)) {
        print(help::commandHelp(command));
        return 0;
    }
    if (!command.run)
        return runHelp(args);
    if (const auto unknown = help::unknownOption(command, args)) {
        kanri::cli::writeErr(
            QStringLiteral("kanri %1: error: unknown option '%2'").arg(name, *unknown));
        kanri::cli::writeErr(help::usage(command));
        return 2;
    }
    kanri::app::MessageLog::Options logOptions;
    logOptions.verbose = verbose;
#ifdef KANRI_CLI_FRONT
    // The variables TokenStore::environmentToken reads (credentials/ links the keychain).
    logOptions.secrets = [] {
        QStringList secrets;
        for (const char *variable : {"KANRI_GITHUB_TOKEN", "GITHUB_TOKEN"})
            secrets << qEnvironmentVariable(variable).trimmed();
        return secrets;
    };
#else
    logOptions.secrets = [] {
        return QStringList{kanri::credentials::TokenStore::environmentToken().value_or(QString())};
    };
#endif
    kanri::app::MessageLog log(logOptions);
    // Kanri's info lines reach stderr only with --verbose (and no file is written here).
    if (verbose)
        qCInfo(lcKanri).noquote() << QStringLiteral("kanri %1 (%2), running %3")
                                         .arg(QStringLiteral(KANRI_VERSION),
                                              kanri::app::buildCommit(), name);
    QElapsedTimer timer;
    timer.start();
    const int status = command.run(args);
    if (verbose)
        qCInfo(lcKanri).noquote() << QStringLiteral("kanri %1: exit status %2 after %3 ms")
                                         .arg(name)
                                         .arg(status)
                                         .arg(timer.elapsed());
    return status;
}

// The window's options, checked before the window's program is started, with the messages and
// exit status kanri-gui gives for them (it parses them again from the same table).
int checkWindowOptions(int argc, char **argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    QCommandLineParser parser;
    if (const auto wrong = help::parseWindowOptions(parser, arguments)) {
        kanri::cli::writeErr(*wrong);
        kanri::cli::writeErr(help::mainUsage());
        return 2;
    }
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    // The first word that is not --verbose names the subcommand, if it is one.
    int first = 1;
    while (first < argc && !std::strcmp(argv[first], "--verbose"))
        ++first;
    if (first < argc) {
        for (const help::Command &command : help::commands()) {
            if (std::strcmp(argv[first], command.name) == 0) {
#ifdef KANRI_CLI_FRONT
                if (command.run == &kanri::cli::runElsewhere)
                    return kanri::cli::execProgram(QStringLiteral("kanri-commands"), argv);
#endif
                help::Command run = command;
                if (command.run == &kanri::cli::runRender) {
                    prepareHeapForRender();
                    run.run = &kanri::cli::runRenderThenEnd;
                }
                QCoreApplication app(argc, argv);
                kanri::cli::setApplicationIdentity();
                // The command line speaks English whatever the locale, so that scripts can
                // read it (only the English plural forms are loaded).
                kanri::app::installTranslations(kanri::app::Interface::CommandLine);
                QStringList args = QCoreApplication::arguments().mid(first + 1);
                if (first > 1)
                    args.prepend(QStringLiteral("--verbose"));
                return runSubcommand(run, args);
            }
        }
    }
    if (argc > 1 && !std::strcmp(argv[1], "--generate"))
        return generate(argc == 3 ? argv[2] : nullptr);
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--help") || !std::strcmp(argv[i], "-h")) {
            print(help::mainHelp());
            return 0;
        }
        if (!std::strcmp(argv[i], "--version") || !std::strcmp(argv[i], "-v")) {
#ifdef KANRI_CLI_FRONT
            // The run-time libgit2 version is asked of libgit2, which kanri does not load.
            return kanri::cli::execProgram(QStringLiteral("kanri-commands"), argv);
#else
            print(kanri::app::versionText());
            return 0;
#endif
        }
    }
    if (const int status = checkWindowOptions(argc, argv))
        return status;
    return kanri::cli::execProgram(QStringLiteral("kanri-gui"), argv);
}

#ifdef KANRI_CLI_FRONT
int kanri::cli::runElsewhere(const QStringList &)
{
    kanri::cli::writeErr(QStringLiteral("kanri: error: this command runs in kanri-commands"));
    return 1;
}
#endif
