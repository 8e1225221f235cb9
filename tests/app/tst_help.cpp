// The help table (app/cli/help) and what is printed from it: each subcommand's help, the man page
// (and groff's verdict on it), the bash completion (parsed and asked by bash itself) and the zsh
// completion.
#include "app/cli/help.h"
#include "tests/testsupport/testutil.h"

#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace kanri::cli;

namespace {

QString str(const char *s)
{
    return QString::fromUtf8(s);
}

// The roff form of an option name: every hyphen escaped.
QString roff(const QString &name)
{
    return QString(name).replace(QLatin1Char('-'), QStringLiteral("\\-"));
}

} // namespace

class TestHelp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everySubcommandRunsExceptHelp();
    void commandHelpListsUsageOptionsExamplesAndExitStatus();
    void mainHelpListsEverySubcommandAndWindowOption();
    void helpIsTheOnlyOptionEveryCommandTakes();
    void helpRequestsAreFoundOutsideOptionValues_data();
    void helpRequestsAreFoundOutsideOptionValues();
    void unknownLongOptionsAreNamed_data();
    void unknownLongOptionsAreNamed();
    void manPageHasEverySubcommandOptionAndSection();
    void manPageValidatesWithGroff();
    void bashCompletionParsesAndCompletes_data();
    void bashCompletionParsesAndCompletes();
    void zshCompletionParses();

private:
    QTemporaryDir m_tmp;
};

void TestHelp::everySubcommandRunsExceptHelp()
{
    QSet<QString> names;
    for (const help::Command &c : help::commands()) {
        QVERIFY2(!names.contains(str(c.name)), c.name);
        names.insert(str(c.name));
        QCOMPARE(c.run == nullptr, str(c.name) == QLatin1String("help"));
        QVERIFY2(!c.synopsis.empty() && c.summary && c.description && c.exitStatus, c.name);
        for (const char *line : c.synopsis)
            QVERIFY2(str(line).startsWith(str(c.name)), line);
        QVERIFY2(!c.examples.empty(), c.name);
    }
    for (const char *name : {"render", "tf", "clone", "status", "branch", "commit", "push", "pull",
                             "pr", "catalog", "diff", "lint", "help"})
        QVERIFY2(names.contains(str(name)), name);
}

void TestHelp::commandHelpListsUsageOptionsExamplesAndExitStatus()
{
    for (const help::Command &c : help::commands()) {
        const QString text = help::commandHelp(c);
        QVERIFY2(text.startsWith(QStringLiteral("Usage: kanri ") + str(c.synopsis[0])),
                 qPrintable(text));
        for (const help::Option &o : c.options) {
            for (const QString &n : help::longNames(o) + help::shortNames(o))
                QVERIFY2(text.contains(n), qPrintable(str(c.name) + QStringLiteral(": ") + n));
            if (o.value)
                QVERIFY2(text.contains(str(o.value)), o.names);
            if (o.choices)
                for (const QString &choice : str(o.choices).split(QLatin1Char(' ')))
                    QVERIFY2(text.contains(choice), qPrintable(choice));
        }
        QVERIFY(text.contains(QStringLiteral("-h, --help")));
        QVERIFY(
            text.contains(QStringLiteral("\nExamples:\n  kanri ") + str(c.examples[0].command)));
        QVERIFY(text.contains(QStringLiteral("Exit status:")));
        for (const QString &line : text.split(QLatin1Char('\n')))
            QVERIFY2(line.size() <= 79 || !line.contains(QLatin1Char(' ')) ||
                         line.startsWith(QStringLiteral("Usage:")) ||
                         line.startsWith(QStringLiteral("       kanri")) ||
                         line.startsWith(QStringLiteral("  kanri ")),
                     qPrintable(line));
    }
    const QString diff = help::commandHelp(*help::find(QStringLiteral("diff")));
    QVERIFY(diff.contains(QStringLiteral("--format FORMAT")));
    QVERIFY(diff.contains(QStringLiteral("markdown")));
    const QString lint = help::commandHelp(*help::find(QStringLiteral("lint")));
    QVERIFY(lint.contains(QStringLiteral("sarif")));
}

void TestHelp::mainHelpListsEverySubcommandAndWindowOption()
{
    const QString text = help::mainHelp();
    for (const help::Command &c : help::commands())
        QVERIFY2(text.contains(QStringLiteral("\n  ") + str(c.name) + QLatin1Char(' ')), c.name);
    for (const help::Option &o : help::windowOptions())
        QVERIFY2(text.contains(str(o.names)), o.names);
    for (const char *view : help::viewNames())
        QVERIFY2(text.contains(str(view)), view);
    QVERIFY(text.contains(QStringLiteral("kanri help SUBCOMMAND")));
}

void TestHelp::helpIsTheOnlyOptionEveryCommandTakes()
{
    // -h/--help is answered by the dispatch for every command; no command lists it itself.
    for (const help::Command &c : help::commands())
        for (const help::Option &o : c.options)
            QVERIFY2(!str(o.names).contains(QStringLiteral("--help")), c.name);
}

void TestHelp::helpRequestsAreFoundOutsideOptionValues_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<bool>("help");
    QTest::newRow("--help alone") << "render" << QStringList{"--help"} << true;
    QTest::newRow("-h after a folder") << "lint" << QStringList{"dir", "-h"} << true;
    QTest::newRow("--help as a verb's argument") << "tf" << QStringList{"set", "--help"} << true;
    QTest::newRow("-h as the message of a commit")
        << "commit" << QStringList{"-m", "-h", "--all"} << false;
    QTest::newRow("--help as the value of --comment")
        << "pr" << QStringList{"review", "1", "--comment", "--help"} << false;
    QTest::newRow("--help after --") << "commit" << QStringList{"-m", "x", "--", "--help"} << false;
    QTest::newRow("no help") << "status" << QStringList{} << false;
}

void TestHelp::helpRequestsAreFoundOutsideOptionValues()
{
    QFETCH(QString, command);
    QFETCH(QStringList, args);
    QFETCH(bool, help);
    QCOMPARE(help::asksForHelp(*help::find(command), args), help);
}

void TestHelp::unknownLongOptionsAreNamed_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("unknown");
    QTest::newRow("a known option with its value")
        << "lint" << QStringList{"--format", "json"} << "";
    QTest::newRow("a known option with =") << "diff" << QStringList{"--format=markdown"} << "";
    QTest::newRow("an unknown option") << "render" << QStringList{"--bogus", "dir"} << "--bogus";
    QTest::newRow("an unknown option with =")
        << "catalog" << QStringList{"--at=HEAD", "--x=1"} << "--x";
    QTest::newRow("an option of another subcommand")
        << "status" << QStringList{"--json"} << "--json";
    QTest::newRow("the value of an option is not an option")
        << "pr" << QStringList{"review", "1", "--comment", "--not-an-option"} << "";
    QTest::newRow("nothing after -- is an option")
        << "commit" << QStringList{"-m", "x", "--", "--file"} << "";
    QTest::newRow("a negative number is a value")
        << "tf" << QStringList{"set", "f", "m.k.f", "-5"} << "";
}

void TestHelp::unknownLongOptionsAreNamed()
{
    QFETCH(QString, command);
    QFETCH(QStringList, args);
    QFETCH(QString, unknown);
    QCOMPARE(help::unknownOption(*help::find(command), args).value_or(QString()), unknown);
}

void TestHelp::manPageHasEverySubcommandOptionAndSection()
{
    const QString man = help::manPage();
    QVERIFY(man.startsWith(QStringLiteral(".TH KANRI 1 ")));
    for (const char *section :
         {".SH NAME", ".SH SYNOPSIS", ".SH DESCRIPTION", ".SH OPTIONS", ".SH SUBCOMMANDS",
          ".SH EXIT STATUS", ".SH ENVIRONMENT", ".SH FILES", ".SH EXAMPLES"})
        QVERIFY2(man.contains(QLatin1String(section) + QLatin1Char('\n')), section);
    for (const help::Command &c : help::commands()) {
        QVERIFY2(man.contains(QStringLiteral(".SS ") + str(c.name) + QLatin1Char('\n')), c.name);
        for (const help::Option &o : c.options)
            for (const QString &n : help::longNames(o) + help::shortNames(o))
                QVERIFY2(man.contains(QStringLiteral("\\fB") + roff(n) + QStringLiteral("\\fR")),
                         qPrintable(str(c.name) + QStringLiteral(": ") + n));
    }
    for (const help::Option &o : help::windowOptions())
        for (const QString &n : help::longNames(o))
            QVERIFY2(man.contains(QStringLiteral("\\fB") + roff(n) + QStringLiteral("\\fR")),
                     qPrintable(n));
    // Every environment variable the code reads that a user sets.
    for (const char *variable :
         {"KANRI_GITHUB_TOKEN", "GITHUB_TOKEN", "KANRI_GITHUB_API_URL", "KANRI_GITHUB_CLIENT_ID",
          "KANRI_ALLOW_HTTP_TOKEN_HOSTS", "KANRI_KUSTOMIZE", "GIT_AUTHOR_NAME",
          "GIT_COMMITTER_EMAIL", "SSH_AUTH_SOCK", "XDG_CONFIG_HOME", "QT_QPA_PLATFORM"})
        QVERIFY2(man.contains(QString::fromLatin1(variable)), variable);
    QVERIFY(man.contains(QStringLiteral("kanri.log")));
    QVERIFY(man.contains(QStringLiteral("kanri.conf")));
    // No line a roff reader would take for a request by accident.
    for (const QString &line : man.split(QLatin1Char('\n')))
        QVERIFY2(!line.startsWith(QLatin1Char('\'')), qPrintable(line));
}

void TestHelp::manPageValidatesWithGroff()
{
    const QString groff = QStandardPaths::findExecutable(QStringLiteral("groff"));
    if (groff.isEmpty())
        QSKIP("groff is not installed (Debian: groff-base): the man page is not validated");
    QVERIFY(m_tmp.isValid());
    const QString file = m_tmp.filePath(QStringLiteral("kanri.1"));
    QVERIFY(kanri::test::writeFile(file, help::manPage().toUtf8()));
    const auto r = kanri::test::run(groff, {"-man", "-ww", "-z", "-K", "utf8", file});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.isEmpty(), r.err.constData());
    // And the text a reader sees has the subcommands and options.
    const auto text = kanri::test::run(groff, {"-man", "-Tutf8", "-K", "utf8", file});
    QCOMPARE(text.exitCode, 0);
    const QString shown =
        QString::fromUtf8(text.out).remove(QRegularExpression(QStringLiteral(".\b")));
    QVERIFY2(shown.contains(QStringLiteral("--load-restrictor")), qPrintable(shown.left(2000)));
    QVERIFY(shown.contains(QStringLiteral("KANRI_GITHUB_TOKEN")));
}

void TestHelp::bashCompletionParsesAndCompletes_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QStringList>("absent");
    QTest::newRow("a subcommand from its first letters")
        << "kanri ren" << QStringList{"render"} << QStringList{"lint"};
    QTest::newRow("the subcommands after a window option with a value")
        << "kanri --workspace dir li" << QStringList{"lint"} << QStringList{"dir"};
    QTest::newRow("a subcommand's options")
        << "kanri lint --f" << QStringList{"--format"} << QStringList{"--json"};
    QTest::newRow("the values of --format of lint")
        << "kanri lint --format " << QStringList{"text", "json", "github", "sarif"}
        << QStringList{"markdown"};
    QTest::newRow("the values of --format of diff")
        << "kanri diff --format " << QStringList{"text", "markdown", "html", "json"}
        << QStringList{"sarif"};
    QTest::newRow("the views of --view")
        << "kanri --screenshot x.png --view " << QStringList{"about", "findings", "new-developer"}
        << QStringList{"render"};
    QTest::newRow("the verbs of tf")
        << "kanri tf " << QStringList{"maps", "fmt", "rename"} << QStringList{"render"};
    QTest::newRow("the verbs of pr")
        << "kanri pr re" << QStringList{"review"} << QStringList{"create"};
    QTest::newRow("the subcommands after help")
        << "kanri help c" << QStringList{"clone", "commit", "catalog"} << QStringList{"render"};
    QTest::newRow("files for tf") << "kanri tf maps acc" << QStringList{"accounts.tf"}
                                  << QStringList{"maps"};
    QTest::newRow("folders for render")
        << "kanri render ov" << QStringList{"overlays"} << QStringList{"overview.txt"};
}

void TestHelp::bashCompletionParsesAndCompletes()
{
    QFETCH(QString, line);
    QFETCH(QStringList, expected);
    QFETCH(QStringList, absent);
    const QString bash = QStandardPaths::findExecutable(QStringLiteral("bash"));
    if (bash.isEmpty())
        QSKIP("bash is not installed");
    QVERIFY(m_tmp.isValid());
    const QString script = m_tmp.filePath(QStringLiteral("kanri.bash"));
    QVERIFY(kanri::test::writeFile(script, help::bashCompletion().toUtf8()));
    const auto parsed = kanri::test::run(bash, {"-n", script});
    QVERIFY2(parsed.exitCode == 0 && parsed.err.isEmpty(), parsed.err.constData());

    const QString work = m_tmp.filePath(QStringLiteral("work"));
    QVERIFY(kanri::test::writeFile(work + QStringLiteral("/accounts.tf"), "x = 1\n"));
    QVERIFY(kanri::test::writeFile(work + QStringLiteral("/overlays/prd/k.yaml"), "{}\n"));
    QVERIFY(kanri::test::writeFile(work + QStringLiteral("/overview.txt"), "\n"));
    // The words as bash splits the line, the last one possibly empty.
    QStringList words = line.split(QLatin1Char(' '));
    QStringList quoted;
    for (const QString &w : words)
        quoted << QLatin1Char('"') + w + QLatin1Char('"');
    const QString program = QStringLiteral("source %1\nCOMP_WORDS=(%2)\nCOMP_CWORD=%3\n_kanri\n"
                                           "printf '%s\\n' \"${COMPREPLY[@]}\"\n")
                                .arg(script, quoted.join(QLatin1Char(' ')))
                                .arg(words.size() - 1);
    const auto r = kanri::test::run(bash, {"-c", program}, work);
    QVERIFY2(r.exitCode == 0 && r.err.isEmpty(), r.err.constData());
    const QStringList replies =
        QString::fromUtf8(r.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &e : expected)
        QVERIFY2(replies.contains(e),
                 qPrintable(e + QStringLiteral(" not in ") + replies.join(u' ')));
    for (const QString &a : absent)
        QVERIFY2(!replies.contains(a), qPrintable(a + QStringLiteral(" in ") + replies.join(u' ')));
}

void TestHelp::zshCompletionParses()
{
    const QString zsh = QStandardPaths::findExecutable(QStringLiteral("zsh"));
    const QString text = help::zshCompletion();
    QVERIFY(text.startsWith(QStringLiteral("#compdef kanri\n")));
    for (const help::Command &c : help::commands())
        QVERIFY2(text.contains(QStringLiteral("'") + str(c.name) + QLatin1Char(':')), c.name);
    QVERIFY(text.contains(QStringLiteral("'--format=[")));
    QVERIFY(text.contains(QStringLiteral(":(text markdown html json)'")));
    if (zsh.isEmpty())
        QSKIP("zsh is not installed: the completion's syntax is not checked (its content is)");
    QVERIFY(m_tmp.isValid());
    const QString script = m_tmp.filePath(QStringLiteral("_kanri"));
    QVERIFY(kanri::test::writeFile(script, text.toUtf8()));
    const auto r = kanri::test::run(zsh, {"-n", script});
    QVERIFY2(r.exitCode == 0 && r.err.isEmpty(), r.err.constData());
}

QTEST_GUILESS_MAIN(TestHelp)
#include "tst_help.moc"
