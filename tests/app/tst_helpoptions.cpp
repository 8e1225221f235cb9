// Every option the help table lists is one its command takes: each subcommand runs in process
// with each of its options (and the other arguments it needs) on paths that do not exist, and
// must fail, if it fails, for that reason, never with its usage. A row per option of the table
// is required, so an option added to the help without a row here fails too.
#include "app/cli/help.h"
#include "tests/testsupport/testutil.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>

#include <cstdio>
#include <unistd.h>

using namespace kanri::cli;

namespace {

// stdout and stderr of what runs while it lives: stderr into a file, stdout thrown away.
class CapturedOutput
{
public:
    CapturedOutput()
    {
        std::fflush(stdout);
        std::fflush(stderr);
        m_file.open();
        m_savedErr = ::dup(STDERR_FILENO);
        m_savedOut = ::dup(STDOUT_FILENO);
        ::dup2(m_file.handle(), STDERR_FILENO);
        m_null = std::fopen("/dev/null", "w");
        ::dup2(::fileno(m_null), STDOUT_FILENO);
    }
    ~CapturedOutput() { restore(); }
    QByteArray take()
    {
        restore();
        m_file.seek(0);
        return m_file.readAll();
    }

private:
    void restore()
    {
        if (m_savedErr < 0)
            return;
        std::fflush(stdout);
        std::fflush(stderr);
        ::dup2(m_savedErr, STDERR_FILENO);
        ::dup2(m_savedOut, STDOUT_FILENO);
        ::close(m_savedErr);
        ::close(m_savedOut);
        std::fclose(m_null);
        m_savedErr = -1;
    }

    QTemporaryFile m_file;
    int m_savedErr = -1;
    int m_savedOut = -1;
    std::FILE *m_null = nullptr;
};

} // namespace

class TestHelpOptions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyListedOptionIsTaken_data();
    void everyListedOptionIsTaken();
    void everyOptionOfTheTableHasARow();

private:
    QTemporaryDir m_tmp;
    QSet<QString> m_covered; // "command option"
};

void TestHelpOptions::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    // No repository above the current folder, no settings or data of the developer's, and no
    // GitHub: every command stops before it would reach the network.
    QVERIFY(QDir::setCurrent(m_tmp.path()));
    qputenv("HOME", m_tmp.path().toUtf8());
    qputenv("XDG_CONFIG_HOME", (m_tmp.path() + QStringLiteral("/config")).toUtf8());
    qputenv("XDG_DATA_HOME", (m_tmp.path() + QStringLiteral("/data")).toUtf8());
    qunsetenv("KANRI_GITHUB_TOKEN");
    qunsetenv("GITHUB_TOKEN");
}

void TestHelpOptions::everyListedOptionIsTaken_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QStringList>("args");
    const QString none = QStringLiteral("/nonexistent/kanri-test");
    const QString tf = none + QStringLiteral("/main.tf");
    const auto row = [&](const QString &option, const QStringList &args) {
        m_covered.insert(args.first() + QLatin1Char(' ') + option);
        QTest::addRow("%s takes %s", qPrintable(args.first()), qPrintable(option))
            << option << args;
    };
    row("--reorder", {"render", "--reorder", "none", none});
    row("--load-restrictor", {"render", "--load-restrictor", "LoadRestrictionsNone", none});
    row("--load_restrictor", {"render", "--load_restrictor", "LoadRestrictionsNone", none});
    row("--verify", {"render", "--verify", none});
    row("--json", {"tf", "maps", tf, "--json"});
    row("--typed", {"tf", "get", tf, "m.k", "--typed"});
    row("--expr", {"tf", "set", tf, "m.k.f", "var.x", "--expr"});
    row("--dry-run", {"tf", "set", tf, "m.k.f", "1", "--dry-run"});
    row("--check", {"tf", "fmt", "--check", tf});
    row("--recursive", {"tf", "fmt", "--recursive", tf});
    row("--base", {"tf", "impact", "--base", "HEAD", none});
    row("--format", {"tf", "impact", "--format", "json", none});
    row("-m", {"commit", "-m", "x", "--all"});
    row("--message", {"commit", "--message", "x"});
    row("-a", {"commit", "-m", "x", "-a"});
    row("--all", {"commit", "-m", "x", "--all"});
    row("-u", {"push", "-u"});
    row("--set-upstream", {"push", "--set-upstream"});
    row("--rebase", {"pull", "--rebase"});
    row("--merge", {"pull", "--merge"});
    row("--no-rebase", {"pull", "--no-rebase"});
    row("--repo", {"pr", "list", "--repo", none});
    row("--title", {"pr", "create", "--title", "x"});
    row("--body-file", {"pr", "create", "--body-file", none});
    row("--base", {"pr", "create", "--base", "main"});
    row("--draft", {"pr", "create", "--draft"});
    row("--json", {"pr", "list", "--json"});
    row("--comment", {"pr", "review", "1", "--comment", "x"});
    row("--approve", {"pr", "review", "1", "--approve"});
    row("--request-changes", {"pr", "review", "1", "--request-changes", "--comment", "x"});
    row("--workspace", {"catalog", "--workspace", none});
    row("--at", {"catalog", "--at", "HEAD", "--workspace", none});
    row("--json", {"catalog", "--json", "--workspace", none});
    row("--workspace", {"diff", "--workspace", none});
    row("--base", {"diff", "--base", "HEAD", "--workspace", none});
    row("--format", {"diff", "--format", "json", "--workspace", none});
    row("--workspace", {"lint", "--workspace", none});
    row("--format", {"lint", "--format", "json", none});
    row("--base", {"lint", "--base", "HEAD", none});
}

void TestHelpOptions::everyListedOptionIsTaken()
{
    QFETCH(QString, option);
    QFETCH(QStringList, args);
    const help::Command *command = help::find(args.first());
    QVERIFY(command && command->run);
    QVERIFY2(!help::unknownOption(*command, args.mid(1)), "the table does not list it");
    int status = -1;
    QByteArray err;
    {
        CapturedOutput captured;
        status = command->run(args.mid(1));
        err = captured.take();
    }
    // It ran and failed on the missing path (or the missing repository), not on its arguments.
    QVERIFY2(!err.contains("usage:"),
             qPrintable(QString::number(status) + QStringLiteral(": ") + QString::fromUtf8(err)));
    QVERIFY2(!err.contains("unknown option") && !err.contains("unknown flag"), err.constData());
    QVERIFY2(status != 0, err.constData());
}

void TestHelpOptions::everyOptionOfTheTableHasARow()
{
    for (const help::Command &c : help::commands())
        for (const help::Option &o : c.options)
            for (const QString &name : help::longNames(o) + help::shortNames(o))
                QVERIFY2(m_covered.contains(QString::fromUtf8(c.name) + QLatin1Char(' ') + name),
                         qPrintable(QString::fromUtf8(c.name) + QLatin1Char(' ') + name));
}

QTEST_GUILESS_MAIN(TestHelpOptions)
#include "tst_helpoptions.moc"
