// The kanri binary's help system end to end: --help, `help X`, `X --help` and `X -h` exit 0 and
// print the table's text; bad usage exits 2 with the usage line on stderr; --version names the
// four versions; --generate prints what the table generates; --verbose adds Kanri's own lines.
// Each start of kanri costs ~0.3 s in the sanitizer build, so the starts are counted: 22.
#include "app/cli/help.h"
#include "tests/testsupport/testutil.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace kanri::cli;

class TestKanriHelp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void mainHelpExitsZero();
    void everySubcommandHelpExitsZeroWithItsOptions();
    void helpSubcommandPrintsTheSameAsTheOption();
    void badUsageExitsTwoWithTheUsage_data();
    void badUsageExitsTwoWithTheUsage();
    void versionNamesTheFourVersions();
    void generatePrintsTheTablesManPageAndCompletions();
    void verboseAddsKanrisLinesOnStderr();

private:
    kanri::test::ProcessResult kanri(const QStringList &args)
    {
        ++m_starts;
        return kanri::test::run(m_binary, args, m_tmp.path());
    }

    QString m_binary;
    QTemporaryDir m_tmp;
    int m_starts = 0;
};

void TestKanriHelp::initTestCase()
{
    m_binary = kanri::test::kanriBinary();
    QVERIFY2(!m_binary.isEmpty(), "KANRI_BINARY is not set (run through ctest)");
    QVERIFY(m_tmp.isValid());
    // Nothing of the developer's: the data folder and settings are the test's.
    qputenv("HOME", m_tmp.path().toUtf8());
    qputenv("XDG_CONFIG_HOME", (m_tmp.path() + QStringLiteral("/config")).toUtf8());
    qputenv("XDG_DATA_HOME", (m_tmp.path() + QStringLiteral("/data")).toUtf8());
    const QString runtime = m_tmp.path() + QStringLiteral("/runtime");
    QVERIFY(QDir().mkpath(runtime));
    QVERIFY(QFile::setPermissions(runtime, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                               QFileDevice::ExeOwner));
    qputenv("XDG_RUNTIME_DIR", runtime.toUtf8());
}

void TestKanriHelp::mainHelpExitsZero()
{
    const auto r = kanri({"--help"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(QString::fromUtf8(r.out), help::mainHelp());
    QVERIFY(r.err.isEmpty());
}

void TestKanriHelp::everySubcommandHelpExitsZeroWithItsOptions()
{
    for (const help::Command &c : help::commands()) {
        const auto r = kanri({QString::fromUtf8(c.name), QStringLiteral("--help")});
        QVERIFY2(r.exitCode == 0, qPrintable(QString::fromUtf8(c.name) + QStringLiteral(": ") +
                                             QString::fromUtf8(r.err)));
        QVERIFY2(r.err.isEmpty(), r.err.constData());
        const QString out = QString::fromUtf8(r.out);
        QCOMPARE(out, help::commandHelp(c));
        for (const help::Option &o : c.options)
            for (const QString &n : help::longNames(o))
                QVERIFY2(out.contains(n), qPrintable(n));
    }
}

void TestKanriHelp::helpSubcommandPrintsTheSameAsTheOption()
{
    // -h is --help; `help X` is `X --help` (a verb before it changes nothing).
    const auto viaHelp = kanri({"help", "tf"});
    const auto viaShort = kanri({"tf", "set", "-h"});
    QCOMPARE(viaHelp.exitCode, 0);
    QCOMPARE(viaShort.exitCode, 0);
    QCOMPARE(viaHelp.out, viaShort.out);
    QCOMPARE(QString::fromUtf8(viaHelp.out), help::commandHelp(*help::find(QStringLiteral("tf"))));
    const auto prHelp = kanri({"help", "pr"});
    QCOMPARE(prHelp.exitCode, 0);
    QVERIFY(prHelp.out.contains("--request-changes"));
    const auto bare = kanri({"help"});
    QCOMPARE(bare.exitCode, 0);
    QCOMPARE(QString::fromUtf8(bare.out), help::mainHelp());
}

void TestKanriHelp::badUsageExitsTwoWithTheUsage_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("usage");
    QTest::newRow("an option render does not know")
        << QStringList{"render", "--bogus"} << "kanri render: error: unknown option '--bogus'"
        << "usage: kanri render ";
    QTest::newRow("a format lint does not know")
        << QStringList{"lint", "--format", "xml"} << "kanri lint: error: unknown format 'xml'"
        << "usage: kanri lint ";
    QTest::newRow("tf without its verb")
        << QStringList{"tf"} << "kanri tf: error: missing subcommand"
        << "usage: kanri tf maps FILE";
    QTest::newRow("help of a subcommand that does not exist")
        << QStringList{"help", "frobnicate"} << "kanri help: error: unknown subcommand 'frobnicate'"
        << "usage: kanri help ";
    QTest::newRow("an unknown subcommand")
        << QStringList{"frobnicate"} << "kanri: error: unknown subcommand 'frobnicate'"
        << "usage: kanri [--workspace DIR]";
    QTest::newRow("an option the window does not know")
        << QStringList{"--frobnicate"} << "kanri: error: Unknown option 'frobnicate'."
        << "usage: kanri [--workspace DIR]";
}

void TestKanriHelp::badUsageExitsTwoWithTheUsage()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    QFETCH(QString, usage);
    const auto r = kanri(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(err.startsWith(message), qPrintable(err));
    QVERIFY2(err.contains(u'\n' + usage), qPrintable(err));
}

void TestKanriHelp::versionNamesTheFourVersions()
{
    const auto r = kanri({"--version"});
    QCOMPARE(r.exitCode, 0);
    const QString out = QString::fromUtf8(r.out);
    const QStringList lines = out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 5);
    QVERIFY2(
        QRegularExpression(QStringLiteral("^kanri \\d+\\.\\d+\\.\\d+$")).match(lines[0]).hasMatch(),
        qPrintable(out));
    QVERIFY2(QRegularExpression(QStringLiteral("^commit \\S+$")).match(lines[1]).hasMatch(),
             qPrintable(out));
    // The Qt the binary runs with is the one this test runs with.
    QCOMPARE(lines[2], QStringLiteral("Qt %1 (run time)").arg(QString::fromLatin1(qVersion())));
    QVERIFY2(QRegularExpression(QStringLiteral("^libgit2 \\d+\\.\\d+\\.\\d+ \\(run time\\)$"))
                 .match(lines[3])
                 .hasMatch(),
             qPrintable(out));
    QVERIFY2(QRegularExpression(QStringLiteral("^yaml-cpp \\d+\\.\\d+(\\.\\d+)? \\(build time\\)$"))
                 .match(lines[4])
                 .hasMatch(),
             qPrintable(out));
}

void TestKanriHelp::generatePrintsTheTablesManPageAndCompletions()
{
    const auto man = kanri({"--generate", "man"});
    QCOMPARE(man.exitCode, 0);
    QCOMPARE(QString::fromUtf8(man.out), help::manPage());
    const auto bash = kanri({"--generate", "bash"});
    QCOMPARE(bash.exitCode, 0);
    QCOMPARE(QString::fromUtf8(bash.out), help::bashCompletion());
    const auto zsh = kanri({"--generate", "zsh"});
    QCOMPARE(zsh.exitCode, 0);
    QCOMPARE(QString::fromUtf8(zsh.out), help::zshCompletion());
    QCOMPARE(kanri({"--generate", "fish"}).exitCode, 2);
}

void TestKanriHelp::verboseAddsKanrisLinesOnStderr()
{
    // status outside a repository fails the same way with and without --verbose; only the
    // verbose run says what ran and how it ended.
    const auto quiet = kanri({"status"});
    const auto verbose = kanri({"--verbose", "status"});
    QCOMPARE(quiet.exitCode, 1);
    QCOMPARE(verbose.exitCode, 1);
    QVERIFY2(!quiet.err.contains("running status"), quiet.err.constData());
    QVERIFY2(verbose.err.contains("running status"), verbose.err.constData());
    QVERIFY2(verbose.err.contains("exit status 1"), verbose.err.constData());
    QVERIFY(verbose.err.contains(quiet.err.trimmed()));
    QVERIFY2(m_starts <= 31, qPrintable(QString::number(m_starts)));
}

QTEST_GUILESS_MAIN(TestKanriHelp)
#include "tst_kanrihelp.moc"
