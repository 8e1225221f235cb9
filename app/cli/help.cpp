#include "app/cli/help.h"

#include "app/cli/commands.h"

#include <QCommandLineParser>

// The program `kanri` (app/main.cpp, built with KANRI_CLI_FRONT) runs only `render` in
// process: the other commands need libgit2, Qt Network, Qt Gui (the models' undo stacks) or the
// keychain, and run in kanri-commands, which it becomes for them (runElsewhere is the mark).
#ifdef KANRI_CLI_FRONT
#define KANRI_RUN(function) runElsewhere
#else
#define KANRI_RUN(function) function
#endif

namespace kanri::cli::help {

namespace {

using C = Complete;

// ---- The table ------------------------------------------------------------------------------

constexpr const char *kRenderSynopsis[] = {
    "render [--reorder legacy|none] [--load-restrictor RESTRICTOR] [--verify] [DIR]"};
constexpr Option kRenderOptions[] = {
    {"--reorder", "ORDER",
     "the order of the output: legacy (kustomize's default, by kind) or none (as loaded)",
     "legacy none", C::Choices},
    {"--load-restrictor, --load_restrictor", "RESTRICTOR",
     "LoadRestrictionsRootOnly (default: files only from under DIR) or LoadRestrictionsNone",
     "LoadRestrictionsRootOnly LoadRestrictionsNone", C::Choices},
    {"--verify", nullptr,
     "also run the external kustomize (KANRI_KUSTOMIZE, kustomize or kubectl kustomize) and "
     "compare its output byte for byte",
     nullptr, C::Nothing},
};
constexpr Example kRenderExamples[] = {
    {"render manifests/overlays/prd", "print the rendered YAML of an overlay"},
    {"render --verify manifests/overlays/prd", "check the render against the external kustomize"},
};

constexpr const char *kTfSynopsis[] = {
    "tf maps FILE [--json]",
    "tf get FILE PATH [--typed]",
    "tf set FILE MAP.KEY[.FIELD] VALUE [--expr | --typed] [--dry-run]",
    "tf unset FILE MAP.KEY.FIELD [--dry-run]",
    "tf add FILE MAP.KEY VALUE [--expr | --typed] [--dry-run]",
    "tf remove FILE MAP.KEY [--dry-run]",
    "tf rename FILE MAP.KEY NEWKEY [--dry-run]",
    "tf fmt [--check] [--recursive] FILE|DIR...",
    "tf impact [--base REF] [DIR] [--format text|json]",
};
constexpr Option kTfOptions[] = {
    {"--json", nullptr, "maps: print the maps, their entries and schema as JSON", nullptr,
     C::Nothing},
    {"--typed", nullptr,
     "get: print {\"kind\": \"literal\", \"value\": ...} or {\"kind\": \"expression\", "
     "\"source\": ...}; set, add: take VALUE in that form",
     nullptr, C::Nothing},
    {"--expr", nullptr, "set, add: VALUE is HCL source text (a reference, a call...), not JSON",
     nullptr, C::Nothing},
    {"--dry-run", nullptr, "print the edit as a unified diff instead of writing the file", nullptr,
     C::Nothing},
    {"--check", nullptr, "fmt: list the files that are not formatted instead of rewriting them",
     nullptr, C::Nothing},
    {"--recursive", nullptr, "fmt: also format the files in subfolders", nullptr, C::Nothing},
    {"--base", "REF",
     "impact: compare with the files at REF (default: HEAD, against the working tree)", nullptr,
     C::Nothing},
    {"--format", "FORMAT", "impact: text (default) or json", "text json", C::Choices},
};
constexpr Example kTfExamples[] = {
    {"tf maps accounts/developers.tf", "list the map variables of a file"},
    {"tf get accounts/developers.tf developers.alice.github_approver", "print one field"},
    {"tf set accounts/developers.tf developers.alice.github_approver true --dry-run",
     "show what setting a field would change"},
    {"tf fmt --check --recursive accounts", "list the files terraform fmt would change"},
    {"tf impact --base origin/main", "what a change adds, removes and changes"},
};

constexpr const char *kCloneSynopsis[] = {"clone URL DIR"};
constexpr Example kCloneExamples[] = {
    {"clone https://github.com/example/manifests.git manifests", "clone a repository"},
};
constexpr const char *kStatusSynopsis[] = {"status"};
constexpr Example kStatusExamples[] = {
    {"status", "show the branch, its upstream and the changed files"},
};
constexpr const char *kBranchSynopsis[] = {"branch NAME"};
constexpr Example kBranchExamples[] = {
    {"branch add-alice", "switch to add-alice, creating it from HEAD"},
};
constexpr const char *kCommitSynopsis[] = {"commit -m MSG [--all | PATH...]"};
constexpr Option kCommitOptions[] = {
    {"-m, --message", "MSG", "the commit message", nullptr, C::Nothing},
    {"-a, --all", nullptr, "commit every change of the working tree", nullptr, C::Nothing},
};
constexpr Example kCommitExamples[] = {
    {"commit -m \"Add alice\" developers.tf", "commit one file"},
    {"commit -m \"Raise payment-api replicas\" --all", "commit every change"},
};
constexpr const char *kPushSynopsis[] = {"push [--set-upstream] [REMOTE [BRANCH]]"};
constexpr Option kPushOptions[] = {
    {"-u, --set-upstream", nullptr,
     "make REMOTE/BRANCH the branch's upstream (REMOTE defaults to origin)", nullptr, C::Nothing},
};
constexpr Example kPushExamples[] = {
    {"push --set-upstream origin add-alice", "push a new branch"},
};
constexpr const char *kPullSynopsis[] = {"pull [--rebase | --merge]"};
constexpr Option kPullOptions[] = {
    {"--rebase", nullptr, "rebase the local commits onto the upstream", nullptr, C::Nothing},
    {"--merge, --no-rebase", nullptr, "merge the upstream (the default)", nullptr, C::Nothing},
};
constexpr Example kPullExamples[] = {
    {"pull --rebase", "bring the branch up to date with its upstream"},
};

constexpr const char *kPrSynopsis[] = {
    "pr create [--repo DIR] [--title TITLE] [--body-file FILE] [--base BRANCH] [--draft]",
    "pr list [--repo DIR] [--json]",
    "pr fetch [--repo DIR] [N...]",
    "pr show [--repo DIR] N",
    "pr review [--repo DIR] N (--comment TEXT | --approve | --request-changes --comment TEXT)",
    "pr sync [--repo DIR]",
};
constexpr Option kPrOptions[] = {
    {"--repo", "DIR", "the repository (default: the current folder)", nullptr, C::Directory},
    {"--title", "TITLE", "create: the title (default: generated from the commits)", nullptr,
     C::Nothing},
    {"--body-file", "FILE", "create: the description (default: generated from the rendered diff)",
     nullptr, C::File},
    {"--base", "BRANCH", "create: the branch to merge into (default: the repository's default)",
     nullptr, C::Nothing},
    {"--draft", nullptr, "create: open the pull request as a draft", nullptr, C::Nothing},
    {"--json", nullptr, "list: print GitHub's JSON", nullptr, C::Nothing},
    {"--comment", "TEXT", "review: the review's text", nullptr, C::Nothing},
    {"--approve", nullptr, "review: approve", nullptr, C::Nothing},
    {"--request-changes", nullptr, "review: request changes (needs --comment)", nullptr,
     C::Nothing},
};
constexpr Example kPrExamples[] = {
    {"pr create --draft", "open a pull request for the current branch"},
    {"pr fetch", "make every open pull request readable offline"},
    {"pr show 42", "read pull request #42 as rendered YAML per environment, offline"},
    {"pr review 42 --approve", "approve #42 (queued while offline)"},
    {"pr sync", "post the queued reviews"},
};

constexpr const char *kCatalogSynopsis[] = {"catalog [--workspace DIR] [--at REV] [--json]"};
constexpr Option kWorkspaceOption = {
    "--workspace", "DIR", "the workspace (a folder with workspace.yaml; default: the demo)",
    nullptr, C::Directory};
constexpr Option kCatalogOptions[] = {
    kWorkspaceOption,
    {"--at", "REV", "read the repositories at a commit, branch or tag instead of the working tree",
     nullptr, C::Nothing},
    {"--json", nullptr, "print the catalog as JSON", nullptr, C::Nothing},
};
constexpr Example kCatalogExamples[] = {
    {"catalog --workspace ~/platform --json", "the whole catalog for a script"},
};

constexpr const char *kDiffSynopsis[] = {
    "diff [--workspace DIR] [--base REF] [--format text|markdown|html|json]"};
constexpr Option kDiffOptions[] = {
    kWorkspaceOption,
    {"--base", "REF", "compare with the render at REF (default: HEAD)", nullptr, C::Nothing},
    {"--format", "FORMAT",
     "text (unified diffs), markdown (a pull-request comment), html (a self-contained report) "
     "or json",
     "text markdown html json", C::Choices},
};
constexpr Example kDiffExamples[] = {
    {"diff", "what the working tree changes in the rendered manifests"},
    {"diff --base origin/main --format markdown", "a pull-request comment of the change"},
};

constexpr const char *kLintSynopsis[] = {
    "lint [DIR | --workspace DIR] [--format text|json|github|sarif] [--base REF]"};
constexpr Option kLintOptions[] = {
    {"--workspace", "DIR", "the workspace or repository to check (default: the current folder)",
     nullptr, C::Directory},
    {"--format", "FORMAT",
     "text, json, github (workflow annotations) or sarif (SARIF 2.1.0 for code scanning)",
     "text json github sarif", C::Choices},
    {"--base", "REF", "report only the findings of what changed since REF", nullptr, C::Nothing},
};
constexpr Example kLintExamples[] = {
    {"lint", "check the workspace or repository in the current folder"},
    {"lint --format sarif --base origin/main > kanri.sarif", "findings of a change for CI"},
};

constexpr const char *kHelpSynopsis[] = {"help [SUBCOMMAND]"};
constexpr Example kHelpExamples[] = {
    {"help render", "the same as kanri render --help"},
};

constexpr const char *kGitExit = "0 success; 1 the operation failed (the reason on stderr); "
                                 "2 bad usage";

constexpr Command kCommands[] = {
    {"render", kRenderSynopsis, "render a kustomization as kustomize build does",
     "Prints what `kustomize build DIR` prints (DIR defaults to the current folder), rendered in "
     "process by Kanri's own kustomize.",
     nullptr, kRenderOptions, C::Directory, kRenderExamples,
     "0 success; 1 the build failed; 2 bad usage; 3 --verify found a difference (or the external "
     "kustomize failed)",
     runRender},
    {"tf", kTfSynopsis, "read, edit and format Terraform map variables; an edit's impact",
     "Reads and edits the map variables of a Terraform file (locals, variable defaults, .tfvars "
     "and their JSON forms) and writes only what changed, aligned as terraform fmt aligns it.\n\n"
     "PATH is MAP, MAP.KEY or MAP.KEY.FIELD (a key that is not a name is written as a JSON "
     "string). VALUE is JSON (a literal), HCL source text with --expr, or the typed form with "
     "--typed: what `get --typed` prints, `set --typed` writes back unchanged. A file that "
     "changed on disk after it was read is not written.\n\n"
     "impact evaluates the Terraform module in DIR (default: the workspace's accounts "
     "repository) and its local modules offline, at REF (default: HEAD) and in the working tree, "
     "and lists the resource instances the change adds (+), removes (-), moves (moved blocks) "
     "and changes (~, with the arguments whose values differ). It promises addresses, not a "
     "plan: what a provider computes is (known after apply), and what the evaluator cannot "
     "compute is listed under Not evaluated, never guessed.",
     "maps get set unset add remove rename fmt impact", kTfOptions, C::File, kTfExamples,
     "0 success; 1 PATH does not exist (fmt --check: a file is not formatted; impact: no "
     "workspace); 2 a syntax error, bad usage or a file that changed meanwhile",
     KANRI_RUN(runTf)},
    {"clone",
     kCloneSynopsis,
     "clone a repository",
     "Clones URL into DIR, with progress on a terminal; Ctrl+C cancels and leaves nothing.",
     nullptr,
     {},
     C::Directory,
     kCloneExamples,
     kGitExit,
     KANRI_RUN(runClone)},
    {"status",
     kStatusSynopsis,
     "show the branch and the changed files",
     "Prints the branch of the repository in the current folder, its upstream with the commits "
     "ahead and behind, and each changed file as git status --short does.",
     nullptr,
     {},
     C::Nothing,
     kStatusExamples,
     kGitExit,
     KANRI_RUN(runStatus)},
    {"branch",
     kBranchSynopsis,
     "switch to a branch, creating it if needed",
     "Switches to the branch NAME, creating it from HEAD when it does not exist.",
     nullptr,
     {},
     C::Nothing,
     kBranchExamples,
     kGitExit,
     KANRI_RUN(runBranch)},
    {"commit", kCommitSynopsis, "commit changes",
     "Commits the given paths (relative to the current folder), every change with --all, or what "
     "is staged. The author and committer are git's: GIT_AUTHOR_NAME, GIT_AUTHOR_EMAIL, "
     "GIT_COMMITTER_NAME, GIT_COMMITTER_EMAIL, then user.name and user.email.",
     nullptr, kCommitOptions, C::File, kCommitExamples, kGitExit, KANRI_RUN(runCommit)},
    {"push", kPushSynopsis, "push a branch",
     "Pushes BRANCH (default: the current one) to REMOTE (default: its upstream's remote) and "
     "checks that the remote accepted every ref.",
     nullptr, kPushOptions, C::Nothing, kPushExamples, kGitExit, KANRI_RUN(runPush)},
    {"pull", kPullSynopsis, "bring the branch up to date with its upstream",
     "Fetches the upstream and fast-forwards, merges or rebases. When the result would have "
     "conflicts nothing is changed.",
     nullptr, kPullOptions, C::Nothing, kPullExamples, kGitExit, KANRI_RUN(runPull)},
    {"pr", kPrSynopsis, "create, read offline and review GitHub pull requests",
     "Works with the pull requests of the GitHub repository of the remote origin. create opens "
     "one for the current branch (it must be pushed) with a description generated from the "
     "rendered diff and the rule findings; fetch stores pull requests with their heads so that "
     "show reads them offline; review queues a review and posts it when it can; sync posts what "
     "is queued.",
     "create list fetch show review sync", kPrOptions, C::Nothing, kPrExamples,
     "0 success; 1 the operation failed; 2 bad usage; 3 sync was stopped by the network (the "
     "queue keeps the rest)",
     KANRI_RUN(runPr)},
    {"catalog", kCatalogSynopsis, "print the catalog of a workspace",
     "Prints the teams, services with their environments and namespaces, developers and "
     "microservices of a workspace; a broken file is named on stderr and the rest is printed.",
     nullptr, kCatalogOptions, C::Nothing, kCatalogExamples,
     "0 success; 1 the workspace or a file could not be read; 2 bad usage", KANRI_RUN(runCatalog)},
    {"diff", kDiffSynopsis, "diff the rendered manifests against a commit",
     "Renders every environment of every service at REF and now, and prints the differences per "
     "resource; Secret data is masked. A summary per overlay goes to stderr.",
     nullptr, kDiffOptions, C::Nothing, kDiffExamples,
     "0 success (with or without differences); 1 something could not be rendered; 2 bad usage",
     KANRI_RUN(runDiff)},
    {"lint", kLintSynopsis, "check the platform's rules",
     "Renders the workspace or repository DIR (default: the current folder) and checks the "
     "platform's rules: deprecated and removed apiVersions, requests and limits, namespaces, kinds "
     "reserved to SRE, image tags, HPAs, the developers map and CODEOWNERS.",
     nullptr, kLintOptions, C::Directory, kLintExamples,
     "0 no error-level finding; 1 at least one; 2 bad usage or unreadable input",
     KANRI_RUN(runLint)},
    {"help",
     kHelpSynopsis,
     "print the help of a subcommand",
     "Prints the help of SUBCOMMAND (the same as kanri SUBCOMMAND --help), or of kanri.",
     nullptr,
     {},
     C::Choices,
     kHelpExamples,
     "0 success; 2 an unknown subcommand",
     nullptr},
};

constexpr const char *kViews[] = {
    "about",         "branches",         "changes",       "clone",          "clusters",
    "commit",        "create-pr",        "disk-conflict", "findings",       "git-settings",
    "new-developer", "new-microservice", "offboard",      "palette",        "pulls",
    "restore-edits", "review",           "signin",        "wizard-publish",
};

constexpr Option kWindowOptions[] = {
    {"--workspace", "DIR", "open the workspace in DIR (a folder with workspace.yaml)", nullptr,
     C::Directory},
    {"--screenshot", "FILE", "render the main window offscreen to a PNG and exit", nullptr,
     C::File},
    {"--size", "WxH", "the window size for --screenshot (default 1400x900)", nullptr, C::Nothing},
    {"--select", "SERVICE", "select a service in the catalog first", nullptr, C::Nothing},
    {"--edit", "ENV.SETTING=VALUE",
     "edit the selected service first (SETTING: replicas, hpa-min, hpa-max, image-tag), e.g. "
     "--edit prd.replicas=8; not saved",
     nullptr, C::Nothing},
    {"--view", "NAME", "with --screenshot: show a dialog or panel over the window", nullptr,
     C::Choices},
    {"--verbose", nullptr,
     "print Kanri's diagnostic messages (those the log file keeps, and more) to stderr", nullptr,
     C::Nothing},
    {"-v, --version", nullptr,
     "print the version, the git commit and the versions of Qt, libgit2 and yaml-cpp, and exit",
     nullptr, C::Nothing},
    {"-h, --help", nullptr, "print this help and exit", nullptr, C::Nothing},
};

constexpr Option kHelpOption = {"-h, --help", nullptr, "print this help and exit", nullptr,
                                C::Nothing};

// ---- Helpers ----------------------------------------------------------------------------------

QString str(const char *s)
{
    return QString::fromUtf8(s);
}

QStringList names(const Option &o)
{
    return str(o.names).split(QStringLiteral(", "));
}

QString optionLabel(const Option &o)
{
    QString label = str(o.names);
    if (o.value)
        label += QLatin1Char(' ') + str(o.value);
    return label;
}

QStringList choicesOf(const Option &o)
{
    if (o.complete != C::Choices)
        return {};
    if (!o.choices) { // --view
        QStringList views;
        for (const char *v : viewNames())
            views << str(v);
        return views;
    }
    return str(o.choices).split(QLatin1Char(' '));
}

QStringList commandNames()
{
    QStringList list;
    for (const Command &c : commands())
        list << str(c.name);
    return list;
}

const Option *findOption(const Command &command, const QString &name)
{
    for (const Option &o : command.options)
        if (names(o).contains(name))
            return &o;
    return nullptr;
}

// The words of text in lines of at most `width` characters (a longer word gets its own line).
QStringList wrapLines(const QString &text, int width)
{
    QStringList lines;
    QString line;
    for (const QString &word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (!line.isEmpty() && line.size() + 1 + word.size() > width) {
            lines << line;
            line.clear();
        }
        line += (line.isEmpty() ? QString() : QStringLiteral(" ")) + word;
    }
    if (!line.isEmpty())
        lines << line;
    return lines;
}

// text wrapped at 79 columns, the first line after `first`, every line indented by `indent`.
QString wrap(const QString &first, const QString &text, int indent)
{
    const QString pad(indent, QLatin1Char(' '));
    QStringList lines = wrapLines(text, 79 - indent);
    QString out = first;
    if (first.size() > indent - 2 && !lines.isEmpty())
        out += QLatin1Char('\n') + pad;
    else
        out = first.leftJustified(indent);
    out += lines.join(QLatin1Char('\n') + pad);
    return out + QLatin1Char('\n');
}

void appendOptions(QString &out, std::span<const Option> options, bool withHelp)
{
    auto one = [&](const Option &o) {
        QString description = str(o.description);
        if (o.complete == C::Choices && !o.choices)
            description +=
                QStringLiteral(" (") + choicesOf(o).join(QStringLiteral(", ")) + QLatin1Char(')');
        out += wrap(QStringLiteral("  ") + optionLabel(o), description, 24);
    };
    for (const Option &o : options)
        one(o);
    if (withHelp)
        one(kHelpOption);
}

// roff: a backslash is \e, a hyphen in an option is \-, a line may not start with . or '.
QString roff(QString text)
{
    text.replace(QLatin1Char('\\'), QStringLiteral("\\e"));
    text.replace(QLatin1Char('-'), QStringLiteral("\\-"));
    if (text.startsWith(QLatin1Char('.')) || text.startsWith(QLatin1Char('\'')))
        text.prepend(QStringLiteral("\\&"));
    text.replace(QStringLiteral("\n."), QStringLiteral("\n\\&."));
    return text;
}

// Bold option names, italic value names: "\fB\-\-format\fR \fIFORMAT\fR".
QString roffOption(const Option &o)
{
    QStringList parts;
    for (const QString &n : names(o))
        parts << QStringLiteral("\\fB") + roff(n) + QStringLiteral("\\fR");
    QString label = parts.join(QStringLiteral(", "));
    if (o.value)
        label += QStringLiteral(" \\fI") + roff(str(o.value)) + QStringLiteral("\\fR");
    return label;
}

void manOptions(QString &out, std::span<const Option> options)
{
    for (const Option &o : options) {
        QString description = str(o.description);
        if (o.complete == C::Choices && !o.choices)
            description +=
                QStringLiteral(" (") + choicesOf(o).join(QStringLiteral(", ")) + QLatin1Char(')');
        out += QStringLiteral(".TP\n") + roffOption(o) + QLatin1Char('\n') + roff(description) +
               QStringLiteral(".\n");
    }
}

QString shellWords(const QStringList &words)
{
    return words.join(QLatin1Char(' '));
}

QStringList allOptionNames(std::span<const Option> options, bool withHelp)
{
    QStringList list;
    for (const Option &o : options)
        list << names(o);
    if (withHelp)
        list << QStringLiteral("-h") << QStringLiteral("--help");
    return list;
}

// zsh's _arguments spec for one option.
QStringList zshSpecs(const Option &o)
{
    QString description = str(o.description).section(QStringLiteral(" ("), 0, 0);
    description.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    description.replace(QLatin1Char('['), QLatin1Char('('))
        .replace(QLatin1Char(']'), QLatin1Char(')'));
    QString action;
    if (o.value) {
        QString value = str(o.value);
        value.replace(QLatin1Char(':'), QStringLiteral("\\:"));
        switch (o.complete) {
        case C::File:
            action = QStringLiteral(":") + value + QStringLiteral(":_files");
            break;
        case C::Directory:
            action = QStringLiteral(":") + value + QStringLiteral(":_files -/");
            break;
        case C::Choices:
            action = QStringLiteral(":") + value + QStringLiteral(":(") +
                     choicesOf(o).join(QLatin1Char(' ')) + QLatin1Char(')');
            break;
        case C::Nothing:
            action = QStringLiteral(":") + value + QStringLiteral(": ");
            break;
        }
    }
    QStringList specs;
    for (const QString &n : names(o)) {
        const QString eq =
            o.value && n.startsWith(QStringLiteral("--")) ? QStringLiteral("=") : QString();
        specs << QStringLiteral("'") + n + eq + QLatin1Char('[') + description + QLatin1Char(']') +
                     action + QStringLiteral("'");
    }
    return specs;
}

} // namespace

// ---- The table's interface --------------------------------------------------------------------

std::span<const Command> commands()
{
    return kCommands;
}

const Command *find(const QString &name)
{
    for (const Command &c : kCommands)
        if (name == QLatin1String(c.name))
            return &c;
    return nullptr;
}

std::span<const Option> windowOptions()
{
    return kWindowOptions;
}

std::span<const char *const> viewNames()
{
    return kViews;
}

QStringList longNames(const Option &option)
{
    QStringList list;
    for (const QString &n : names(option))
        if (n.startsWith(QStringLiteral("--")))
            list << n;
    return list;
}

QStringList shortNames(const Option &option)
{
    QStringList list;
    for (const QString &n : names(option))
        if (!n.startsWith(QStringLiteral("--")))
            list << n;
    return list;
}

QString usage(const Command &command)
{
    QString out;
    for (const char *line : command.synopsis)
        out +=
            (out.isEmpty() ? QStringLiteral("usage: kanri ") : QStringLiteral("\n       kanri ")) +
            str(line);
    return out;
}

QString usage(const char *name)
{
    const Command *command = find(QLatin1String(name));
    Q_ASSERT(command);
    return command ? usage(*command) : QString();
}

QString commandHelp(const Command &command)
{
    QString out = usage(command);
    out.replace(0, 5, QStringLiteral("Usage"));
    out += QStringLiteral("\n\n");
    for (const QString &paragraph : str(command.description).split(QStringLiteral("\n\n")))
        out += wrapLines(paragraph, 79).join(QLatin1Char('\n')) + QStringLiteral("\n\n");
    if (command.verbs)
        out += QStringLiteral("Subcommands: ") +
               str(command.verbs).replace(QLatin1Char(' '), QStringLiteral(", ")) +
               QStringLiteral("\n\n");
    out += QStringLiteral("Options:\n");
    appendOptions(out, command.options, true);
    if (!command.examples.empty()) {
        out += QStringLiteral("\nExamples:\n");
        for (const Example &e : command.examples)
            out += QStringLiteral("  kanri ") + str(e.command) + QStringLiteral("\n      ") +
                   str(e.what) + QLatin1Char('\n');
    }
    out += QStringLiteral("\nExit status:\n") +
           wrap(QString(), str(command.exitStatus) + QLatin1Char('.'), 2);
    return out;
}

QString mainUsage()
{
    return QStringLiteral(
        "usage: kanri [--workspace DIR] [--verbose] [--screenshot FILE [--size WxH]\n"
        "             [--select SERVICE] [--edit ENV.SETTING=VALUE] [--view NAME]]\n"
        "       kanri SUBCOMMAND [OPTIONS] [ARGUMENTS]\n"
        "       kanri help SUBCOMMAND");
}

QString mainHelp()
{
    QString out =
        mainUsage().replace(0, 5, QStringLiteral("Usage")) +
        QStringLiteral(
            "\n\n"
            "Kanri is a console for a platform team's Terraform (accounts) and kustomize\n"
            "(manifests) repositories. Without a subcommand it opens the main window on the\n"
            "workspace (default: the demo workspace, created on first start).\n\n"
            "Options:\n");
    appendOptions(out, kWindowOptions, false);
    out += QStringLiteral("\nSubcommands:\n");
    for (const Command &c : kCommands)
        out += QStringLiteral("  ") + str(c.name).leftJustified(10) + str(c.summary) +
               QLatin1Char('\n');
    out += QStringLiteral("\nRun 'kanri help SUBCOMMAND' or 'kanri SUBCOMMAND --help' for its "
                          "options and\nexamples, and 'man kanri' for everything.\n");
    return out;
}

bool asksForHelp(const Command &command, const QStringList &args)
{
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (a == QLatin1String("--"))
            return false;
        if (a == QLatin1String("--help") || a == QLatin1String("-h"))
            return true;
        if (const Option *o = findOption(command, a); o && o->value)
            ++i; // its value, whatever it looks like
    }
    return false;
}

std::optional<QString> unknownOption(const Command &command, const QStringList &args)
{
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (a == QLatin1String("--"))
            return std::nullopt;
        if (!a.startsWith(QLatin1String("--")))
            continue;
        const QString name = a.section(QLatin1Char('='), 0, 0);
        const Option *o = findOption(command, name);
        if (!o && name != QLatin1String("--help"))
            return name;
        if (o && o->value && !a.contains(QLatin1Char('=')))
            ++i;
    }
    return std::nullopt;
}

// ---- The man page -----------------------------------------------------------------------------

QString manPage()
{
    QString out;
    out += QStringLiteral(".TH KANRI 1 \"\" \"Kanri " KANRI_HELP_VERSION "\" \"User Commands\"\n");
    out += QStringLiteral(".SH NAME\nkanri \\- console for a platform team\\(aqs Terraform and "
                          "kustomize repositories\n");
    out += QStringLiteral(".SH SYNOPSIS\n.B kanri\n[\\fIOPTIONS\\fR]\n.br\n");
    for (const Command &c : kCommands)
        for (const char *line : c.synopsis)
            out += QStringLiteral(".B kanri\n") + roff(str(line)) + QStringLiteral("\n.br\n");
    out += QStringLiteral(
        ".SH DESCRIPTION\n"
        "Kanri edits, renders, checks and reviews the two repositories a platform team keeps: "
        "the accounts repository (Terraform map variables of developers and microservices) "
        "and the manifests repository (kustomize bases and overlays).\n"
        ".PP\n"
        "Without a subcommand, \\fBkanri\\fR opens the main window on a workspace (a folder "
        "with workspace.yaml naming the repositories; by default the demo workspace, created "
        "on first start). With a subcommand it works on the command line: errors go to "
        "stderr as \\fIfile\\fR:\\fIline\\fR:\\fIcolumn\\fR: error: \\fImessage\\fR, results to "
        "stdout.\n"
        ".SH OPTIONS\n");
    manOptions(out, kWindowOptions);
    out += QStringLiteral(".SH SUBCOMMANDS\n"
                          "Every subcommand also takes \\fB\\-h\\fR, \\fB\\-\\-help\\fR.\n");
    for (const Command &c : kCommands) {
        out += QStringLiteral(".SS ") + roff(str(c.name)) + QLatin1Char('\n');
        for (const char *line : c.synopsis)
            out += QStringLiteral(".B kanri\n") + roff(str(line)) + QStringLiteral("\n.br\n");
        for (const QString &p : str(c.description).split(QStringLiteral("\n\n")))
            out += QStringLiteral(".PP\n") + roff(p) + QLatin1Char('\n');
        if (c.verbs)
            out += QStringLiteral(".PP\nSubcommands: ") +
                   roff(str(c.verbs).replace(QLatin1Char(' '), QStringLiteral(", "))) +
                   QStringLiteral(".\n");
        manOptions(out, c.options);
        out +=
            QStringLiteral(".PP\nExit status: ") + roff(str(c.exitStatus)) + QStringLiteral(".\n");
    }
    out += QStringLiteral(
        ".SH EXIT STATUS\n"
        ".TP\n.B 0\nSuccess.\n"
        ".TP\n.B 1\nThe operation failed, or (lint) an error\\-level finding; the reason is on "
        "stderr.\n"
        ".TP\n.B 2\nBad usage: an unknown option, a missing argument; the usage line is on "
        "stderr.\n"
        ".TP\n.B 3\nrender \\-\\-verify found a difference; pr sync was stopped by the "
        "network.\n"
        ".PP\nEach subcommand above says what its codes mean.\n"
        ".SH ENVIRONMENT\n"
        ".TP\n.B KANRI_GITHUB_TOKEN\n"
        "A GitHub token for HTTPS git and the GitHub API; used for github.com and the host of "
        "KANRI_GITHUB_API_URL only. It comes before GITHUB_TOKEN and the system keychain.\n"
        ".TP\n.B GITHUB_TOKEN\nThe token when KANRI_GITHUB_TOKEN is not set.\n"
        ".TP\n.B KANRI_GITHUB_API_URL\n"
        "The GitHub API base URL, for GitHub Enterprise (default: derived from the remote, "
        "https://api.github.com for github.com).\n"
        ".TP\n.B KANRI_GITHUB_CLIENT_ID\nThe OAuth app client id for the device\\-flow sign\\-in.\n"
        ".TP\n.B KANRI_ALLOW_HTTP_TOKEN_HOSTS\n"
        "Comma\\-separated hosts to which a token may be sent over plain http (always allowed: "
        "loopback); a warning is printed once per host.\n"
        ".TP\n.B KANRI_KUSTOMIZE\nThe external kustomize used by render \\-\\-verify (default: "
        "kustomize, then kubectl kustomize, from PATH).\n"
        ".TP\n\\fBGIT_AUTHOR_NAME\\fR, \\fBGIT_AUTHOR_EMAIL\\fR, \\fBGIT_COMMITTER_NAME\\fR, "
        "\\fBGIT_COMMITTER_EMAIL\\fR\n"
        "The commit author and committer, before git\\(aqs user.name and user.email.\n"
        ".TP\n.B EMAIL\nThe commit e\\-mail address when neither the variables above nor git\\(aqs "
        "configuration give one.\n"
        ".TP\n.B SSH_AUTH_SOCK\nThe ssh\\-agent offered for ssh remotes.\n"
        ".TP\n\\fBXDG_CONFIG_HOME\\fR, \\fBXDG_DATA_HOME\\fR\n"
        "Where the settings and the data folder are (below).\n"
        ".TP\n.B QT_QPA_PLATFORM\n"
        "The Qt platform plugin; \\fB\\-\\-screenshot\\fR uses offscreen when it is not set.\n"
        ".SH FILES\n"
        ".TP\n.I ~/.config/Kanri/kanri.conf\n"
        "The settings (the last workspace, window layout, GitHub and git options). Tokens are "
        "kept in the system keychain, never here.\n"
        ".TP\n.I ~/.local/share/Kanri/kanri/\n"
        "The data folder: \\fIworkspaces/demo\\fR (the demo workspace), \\fIjournal/\\fR (unsaved "
        "edits, restored after a crash), \\fIpulls/\\fR (pull requests fetched for offline "
        "review), \\fIreview\\-queue/\\fR (reviews waiting to be posted), \\fIreviews/\\fR, "
        "\\fIknown_hosts\\fR.\n"
        ".TP\n.I ~/.local/share/Kanri/kanri/log/kanri.log\n"
        "The warnings and errors of the window's sessions, tokens removed; rotated at 1 MiB, "
        "three old files kept (kanri.log.1 to kanri.log.3). Help \\(-> Open Log Folder opens "
        "it.\n"
        ".SH EXAMPLES\n");
    for (const Command &c : kCommands) {
        for (const Example &e : c.examples) {
            out += QStringLiteral(".TP\n.B kanri ") + roff(str(e.command)) + QLatin1Char('\n') +
                   roff(str(e.what)) + QStringLiteral(".\n");
        }
    }
    out += QStringLiteral(".SH SEE ALSO\n.BR git (1),\n.BR kustomize (1),\n.BR terraform (1)\n");
    return out;
}

// ---- Completions ------------------------------------------------------------------------------

QString bashCompletion()
{
    QStringList valued;
    for (const Option &o : kWindowOptions)
        if (o.value)
            valued << names(o);
    const QString windowValueOptions = valued.join(QLatin1Char('|'));
    QString out =
        QStringLiteral(
            "# bash completion for kanri; generated by `kanri --generate bash`, do not edit.\n"
            "_kanri()\n"
            "{\n"
            "    local cur prev sub i\n"
            "    COMPREPLY=()\n"
            "    cur=\"${COMP_WORDS[COMP_CWORD]}\"\n"
            "    prev=\"${COMP_WORDS[COMP_CWORD-1]}\"\n"
            "    sub=\"\"\n"
            "    for ((i = 1; i < COMP_CWORD; i++)); do\n"
            "        case \"${COMP_WORDS[i]}\" in\n"
            "            ") +
        windowValueOptions +
        QStringLiteral(") ((i++)) ;;\n"
                       "            -*) ;;\n"
                       "            *) sub=\"${COMP_WORDS[i]}\"; break ;;\n"
                       "        esac\n"
                       "    done\n"
                       "    local opts values=\"\" files=\"\"\n"
                       "    case \"$sub\" in\n");
    auto caseFor = [&](const QString &label, std::span<const Option> options, bool withHelp,
                       Complete positional, const QString &verbs) {
        out += QStringLiteral("        ") + label + QStringLiteral(")\n");
        out += QStringLiteral("            opts=\"") +
               shellWords(allOptionNames(options, withHelp)) + QStringLiteral("\"\n");
        out += QStringLiteral("            case \"$prev\" in\n");
        for (const Option &o : options) {
            if (!o.value)
                continue;
            out += QStringLiteral("                ") + names(o).join(QLatin1Char('|')) +
                   QStringLiteral(")\n");
            switch (o.complete) {
            case C::Choices:
                out += QStringLiteral("                    COMPREPLY=($(compgen -W \"") +
                       shellWords(choicesOf(o)) + QStringLiteral("\" -- \"$cur\")); return 0 ;;\n");
                break;
            case C::File:
                out += QStringLiteral("                    COMPREPLY=($(compgen -f -- \"$cur\")); "
                                      "return 0 ;;\n");
                break;
            case C::Directory:
                out += QStringLiteral("                    COMPREPLY=($(compgen -d -- \"$cur\")); "
                                      "return 0 ;;\n");
                break;
            case C::Nothing:
                out += QStringLiteral("                    return 0 ;;\n");
                break;
            }
        }
        out += QStringLiteral("            esac\n");
        if (!verbs.isEmpty())
            out += QStringLiteral("            values=\"") + verbs + QStringLiteral("\"\n");
        if (positional == C::File)
            out += QStringLiteral("            files=f\n");
        else if (positional == C::Directory)
            out += QStringLiteral("            files=d\n");
        out += QStringLiteral("            ;;\n");
    };
    for (const Command &c : kCommands)
        caseFor(str(c.name), c.options, c.run != nullptr, c.positional,
                !c.run    ? shellWords(commandNames())
                : c.verbs ? str(c.verbs)
                          : QString());
    caseFor(QStringLiteral("\"\""), kWindowOptions, false, C::Nothing, shellWords(commandNames()));
    out += QStringLiteral(
        "    esac\n"
        "    if [[ \"$cur\" == -* ]]; then\n"
        "        COMPREPLY=($(compgen -W \"$opts\" -- \"$cur\"))\n"
        "        return 0\n"
        "    fi\n"
        "    if [[ -n \"$sub\" && -n \"$values\" && \"$sub\" != \"${COMP_WORDS[COMP_CWORD-1]}\" "
        "]]; then\n"
        "        values=\"\"\n"
        "    fi\n"
        "    COMPREPLY=($(compgen -W \"$values\" -- \"$cur\"))\n"
        "    case \"$files\" in\n"
        "        f) COMPREPLY+=($(compgen -f -- \"$cur\")) ;;\n"
        "        d) COMPREPLY+=($(compgen -d -- \"$cur\")) ;;\n"
        "    esac\n"
        "    return 0\n"
        "}\n"
        "complete -o filenames -F _kanri kanri\n");
    return out;
}

QString zshCompletion()
{
    QString out = QStringLiteral("#compdef kanri\n"
                                 "# zsh completion for kanri; generated by `kanri --generate zsh`, "
                                 "do not edit.\n\n"
                                 "_kanri() {\n"
                                 "    local curcontext=\"$curcontext\" state line ret=1\n"
                                 "    typeset -A opt_args\n"
                                 "    _arguments -C \\\n");
    for (const Option &o : kWindowOptions)
        for (const QString &spec : zshSpecs(o))
            out += QStringLiteral("        ") + spec + QStringLiteral(" \\\n");
    out += QStringLiteral("        '1: :->command' \\\n"
                          "        '*:: :->args' && ret=0\n"
                          "    case $state in\n"
                          "        command)\n"
                          "            local -a commands\n"
                          "            commands=(\n");
    for (const Command &c : kCommands) {
        QString summary = str(c.summary);
        summary.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
        out += QStringLiteral("                '") + str(c.name) + QLatin1Char(':') + summary +
               QStringLiteral("'\n");
    }
    out += QStringLiteral("            )\n"
                          "            _describe -t commands 'kanri subcommand' commands && ret=0\n"
                          "            ;;\n"
                          "        args)\n"
                          "            curcontext=\"${curcontext%:*:*}:kanri-$line[1]:\"\n"
                          "            case $line[1] in\n");
    for (const Command &c : kCommands) {
        out += QStringLiteral("                ") + str(c.name) + QStringLiteral(")\n");
        out += QStringLiteral("                    _arguments \\\n");
        for (const Option &o : c.options)
            for (const QString &spec : zshSpecs(o))
                out += QStringLiteral("                        ") + spec + QStringLiteral(" \\\n");
        if (c.run)
            for (const QString &spec : zshSpecs(kHelpOption))
                out += QStringLiteral("                        ") + spec + QStringLiteral(" \\\n");
        QString rest;
        if (!c.run)
            rest = QStringLiteral("'1:subcommand:(") + shellWords(commandNames()) +
                   QStringLiteral(")'");
        else if (c.verbs)
            rest = QStringLiteral("'1:subcommand:(") + str(c.verbs) +
                   QStringLiteral(")' '*:file:_files'");
        else if (c.positional == C::File)
            rest = QStringLiteral("'*:file:_files'");
        else if (c.positional == C::Directory)
            rest = QStringLiteral("'*:directory:_files -/'");
        else
            rest = QStringLiteral("'*: :'");
        out += QStringLiteral("                        ") + rest +
               QStringLiteral(" && ret=0\n                    ;;\n");
    }
    out += QStringLiteral("            esac\n"
                          "            ;;\n"
                          "    esac\n"
                          "    return ret\n"
                          "}\n\n"
                          "_kanri \"$@\"\n");
    return out;
}

std::optional<QString> parseWindowOptions(QCommandLineParser &parser, const QStringList &argv)
{
    for (const Option &o : windowOptions()) {
        QStringList names;
        for (const QString &n : longNames(o) + shortNames(o))
            names << QString(n).remove(QLatin1Char('-'));
        parser.addOption(QCommandLineOption(names, QString::fromUtf8(o.description),
                                            o.value ? QString::fromUtf8(o.value) : QString()));
    }
    if (!parser.parse(argv))
        return QStringLiteral("kanri: error: %1 (see kanri --help)").arg(parser.errorText());
    if (!parser.positionalArguments().isEmpty())
        return QStringLiteral("kanri: error: unknown subcommand '%1' (see kanri --help)")
            .arg(parser.positionalArguments().first());
    return std::nullopt;
}

} // namespace kanri::cli::help
