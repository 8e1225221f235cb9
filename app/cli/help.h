#pragma once

#include <QString>
#include <QStringList>

#include <optional>
#include <span>

// The one description of Kanri's command line: every subcommand with its synopsis, options
// (names, value names, descriptions, the values they take), examples and exit status, and the
// options of the window. `kanri --help`, `kanri help X`, `kanri X --help`, the usage line of a
// usage error, the man page kanri(1) and the bash and zsh completions are all printed from it
// (the last three at build time, by `kanri --generate man|bash|zsh`), and the dispatch in main()
// refuses a long option the table does not list for the subcommand, so a command cannot accept
// an option its help does not describe.
class QCommandLineParser;

namespace kanri::cli::help {

// What a value or a positional argument is, for the completions.
enum class Complete { Nothing, File, Directory, Choices };

struct Option
{
    const char *names;       // "-m, --message": short form first when there is one
    const char *value;       // "MSG", or nullptr for a flag
    const char *description; // one sentence, no final full stop needed
    const char *choices;     // space-separated values the option takes (Complete::Choices)
    Complete complete;
};

struct Example
{
    const char *command; // without the leading "kanri "
    const char *what;
};

struct Command
{
    const char *name;
    std::span<const char *const> synopsis; // lines without the leading "kanri "
    const char *summary;                   // a short line for lists
    const char *description;               // paragraphs separated by "\n\n"
    const char *verbs;                     // space-separated verbs (tf, pr), or nullptr
    std::span<const Option> options;       // without -h/--help, which every command takes
    Complete positional;                   // what the positional arguments are
    std::span<const Example> examples;
    const char *exitStatus;              // "0 ...; 1 ...; 2 ..."
    int (*run)(const QStringList &args); // nullptr for `help`, which main() answers
};

// Every subcommand, in the order of `kanri --help`.
std::span<const Command> commands();
const Command *find(const QString &name);
// The options of the window (`kanri [OPTIONS]`) with --verbose, --version and --help.
std::span<const Option> windowOptions();
// The views `kanri --screenshot FILE --view NAME` shows (the names the application context
// registers; a test checks that they are the same).
std::span<const char *const> viewNames();

// The long names of an option ("--message" of "-m, --message"); empty when it has none.
QStringList longNames(const Option &option);
QStringList shortNames(const Option &option);

// "usage: kanri render ...", continuation lines aligned under the first.
QString usage(const Command &command);
QString usage(const char *name); // of the subcommand `name`, which the table must have
// `kanri X --help`: usage, description, options, examples, exit status.
QString commandHelp(const Command &command);
// `kanri --help`, and its usage lines ("usage: kanri [--workspace DIR] ...").
QString mainHelp();
QString mainUsage();
// Parses argv (the program first) into `parser` with the window's options; what is wrong with
// them as kanri says it ("kanri: error: ... (see kanri --help)"), or nothing.
std::optional<QString> parseWindowOptions(QCommandLineParser &parser, const QStringList &argv);

// Whether the arguments of `command` ask for its help (-h or --help as an option, not as the
// value of another option, before any "--").
bool asksForHelp(const Command &command, const QStringList &args);
// The first long option in args that the table does not list for `command` (values of
// options and everything after "--" are not options); nothing when all are known.
std::optional<QString> unknownOption(const Command &command, const QStringList &args);

// The man page kanri(1) in roff, and the bash and zsh completion scripts.
QString manPage();
QString bashCompletion();
QString zshCompletion();

} // namespace kanri::cli::help
