// Kanri's three programs (app/CMakeLists.txt): `kanri` renders over Qt Core, yaml-cpp and libyaml
// only and becomes kanri-commands for the other subcommands and kanri-gui for the window. What
// each process maps is read from the dynamic loader (LD_DEBUG=libs), and the programs are found
// from an installed layout (bin/kanri, KANRI_PROGRAMS_RELATIVE/kanri-{commands,gui}) made of
// hard links to the built ones.
#include "app/cli/programs.h"
#include "tests/testsupport/testutil.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

class TestCliSplit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void renderLoadsNeitherGuiNorGitNorNetwork();
    void noSubcommandLoadsWidgets_data();
    void noSubcommandLoadsWidgets();
    void programsAreLookedForBesideAndInLibexec();
    void theInstalledKanriFindsItsPrograms();
    void aMissingProgramIsAnErrorNotACrash();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out, err;
        QStringList libraries; // the shared objects the loader opened, by file name
    };
    Run kanri(const QString &program, const QStringList &args, bool traceLibraries = false);

    QString m_binary;
    QTemporaryDir m_tmp;
};

namespace {

const QString overlay =
    QStringLiteral("/resources/demo/manifests/services/payment-api/overlays/prd");

// The "calling init: /lib/x86_64-linux-gnu/libQt6Gui.so.6" lines of LD_DEBUG=libs: every
// library loaded (at start, or later by dlopen) has its initialisers called.
QStringList openedLibraries(const QByteArray &trace)
{
    QStringList names;
    static const QRegularExpression file(QStringLiteral(R"(calling init: (\S+))"));
    for (auto it = file.globalMatch(QString::fromLocal8Bit(trace)); it.hasNext();)
        names << QFileInfo(it.next().captured(1)).fileName();
    names.removeDuplicates();
    return names;
}

QStringList matching(const QStringList &libraries, const QStringList &prefixes)
{
    QStringList found;
    for (const QString &l : libraries)
        for (const QString &p : prefixes)
            if (l.startsWith(p))
                found << l;
    return found;
}

// A hard link (the loader resolves /proc/self/exe to it, not to the build tree), or a copy.
bool place(const QString &from, const QString &to)
{
    if (!QDir().mkpath(QFileInfo(to).absolutePath()))
        return false;
    if (::link(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) == 0)
        return true;
    return QFile::copy(from, to) &&
           QFile::setPermissions(to, QFile::permissions(from) | QFileDevice::ExeOwner);
}

} // namespace

void TestCliSplit::initTestCase()
{
    m_binary = kanri::test::kanriBinary();
    QVERIFY2(QFileInfo(m_binary).isExecutable(), "KANRI_BINARY is not set (run through ctest)");
    QVERIFY(m_tmp.isValid());
    qputenv("HOME", m_tmp.path().toUtf8());
    qputenv("XDG_CONFIG_HOME", (m_tmp.path() + QStringLiteral("/config")).toUtf8());
    qputenv("XDG_DATA_HOME", (m_tmp.path() + QStringLiteral("/data")).toUtf8());
    qputenv("QT_QPA_PLATFORM", "offscreen");
}

TestCliSplit::Run TestCliSplit::kanri(const QString &program, const QStringList &args,
                                      bool traceLibraries)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (traceLibraries)
        env.insert(QStringLiteral("LD_DEBUG"), QStringLiteral("libs"));
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(m_tmp.path());
    p.start(program, args);
    Run r;
    if (!p.waitForStarted() || !p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    if (traceLibraries)
        r.libraries = openedLibraries(r.err);
    return r;
}

void TestCliSplit::renderLoadsNeitherGuiNorGitNorNetwork()
{
    const Run r =
        kanri(m_binary, {QStringLiteral("render"), kanri::test::sourceDir() + overlay}, true);
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("kind: Deployment"));
    QVERIFY2(r.libraries.contains(QStringLiteral("libQt6Core.so.6")),
             "the loader trace names no library: LD_DEBUG=libs gave nothing to check");
    const QStringList unwanted =
        matching(r.libraries, {QStringLiteral("libQt6Gui"), QStringLiteral("libQt6Widgets"),
                               QStringLiteral("libQt6Network"), QStringLiteral("libqt6keychain"),
                               QStringLiteral("libgit2"), QStringLiteral("libQt6DBus")});
    QVERIFY2(unwanted.isEmpty(), qPrintable(QStringLiteral("kanri render loaded ") +
                                            unwanted.join(QStringLiteral(", "))));
}

void TestCliSplit::noSubcommandLoadsWidgets_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<bool>("guiToo"); // whether Qt Gui must stay out as well
    QTest::newRow("kanri --help loads no Qt Gui") << QStringList{"--help"} << true;
    QTest::newRow("kanri help render loads no Qt Gui") << QStringList{"help", "render"} << true;
    QTest::newRow("kanri --generate man loads no Qt Gui")
        << QStringList{"--generate", "man"} << true;
    QTest::newRow("a bad window option is refused without Qt Gui")
        << QStringList{"--no-such-option"} << true;
    QTest::newRow("kanri --version loads no Qt Widgets") << QStringList{"--version"} << false;
    QTest::newRow("kanri tf maps loads no Qt Widgets")
        << QStringList{"tf", "maps",
                       kanri::test::sourceDir() + "/resources/demo/accounts/developers.auto.tfvars"}
        << false;
    QTest::newRow("kanri lint --help loads no Qt Widgets")
        << QStringList{"lint", "--help"} << false;
    QTest::newRow("kanri status outside a repository loads no Qt Widgets")
        << QStringList{"status"} << false;
}

void TestCliSplit::noSubcommandLoadsWidgets()
{
    QFETCH(QStringList, args);
    QFETCH(bool, guiToo);
    const Run r = kanri(m_binary, args, true);
    QVERIFY2(r.exitCode >= 0, r.err.right(2000).constData());
    QVERIFY(r.libraries.contains(QStringLiteral("libQt6Core.so.6")));
    QStringList unwanted = matching(r.libraries, {QStringLiteral("libQt6Widgets")});
    if (guiToo)
        unwanted += matching(r.libraries, {QStringLiteral("libQt6Gui"), QStringLiteral("libgit2")});
    QVERIFY2(unwanted.isEmpty(),
             qPrintable(args.join(' ') + QStringLiteral(" loaded ") + unwanted.join(", ")));
}

void TestCliSplit::programsAreLookedForBesideAndInLibexec()
{
    const QStringList c =
        kanri::cli::programCandidates(QStringLiteral("/opt/k/bin"), QStringLiteral("kanri-gui"));
    QCOMPARE(c.size(), 2);
    QCOMPARE(c[0], QStringLiteral("/opt/k/bin/kanri-gui"));
    QCOMPARE(c[1],
             QDir::cleanPath(QStringLiteral("/opt/k/bin/" KANRI_PROGRAMS_RELATIVE "/kanri-gui")));
    QVERIFY(kanri::cli::programCandidates(QString(), QStringLiteral("kanri-gui")).isEmpty());
    QVERIFY(kanri::cli::findProgram(m_tmp.path(), QStringLiteral("kanri-gui")).isEmpty());
    // The built programs lie beside the built kanri.
    const QString dir = QFileInfo(m_binary).absolutePath();
    QCOMPARE(kanri::cli::findProgram(dir, QStringLiteral("kanri-gui")),
             dir + QStringLiteral("/kanri-gui"));
}

void TestCliSplit::theInstalledKanriFindsItsPrograms()
{
    // Beside the build tree (the same file system, so hard links), laid out as installed.
    const QString built = QFileInfo(m_binary).absolutePath();
    QTemporaryDir prefix(built + QStringLiteral("/tst_clisplit-XXXXXX"));
    QVERIFY(prefix.isValid());
    const QString bin = prefix.path() + QStringLiteral("/bin");
    const QString programs = QDir::cleanPath(bin + QStringLiteral("/" KANRI_PROGRAMS_RELATIVE));
    QVERIFY(programs != bin);
    QVERIFY(place(m_binary, bin + QStringLiteral("/kanri")));
    for (const char *name : {"kanri-commands", "kanri-gui"})
        QVERIFY(place(built + QLatin1Char('/') + QLatin1String(name),
                      programs + QLatin1Char('/') + QLatin1String(name)));
    const QString installed = bin + QStringLiteral("/kanri");

    // render in process; --version from kanri-commands (it names libgit2, which kanri lacks).
    Run r = kanri(installed, {QStringLiteral("render"), kanri::test::sourceDir() + overlay});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("name: payment-api"));
    r = kanri(installed, {QStringLiteral("--version")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("libgit2 "), r.out.constData());
    // The window's program: only kanri-gui knows the views, and refuses an unknown one with 2.
    r = kanri(installed, {QStringLiteral("--view"), QStringLiteral("no-such-view")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("kanri: error: unknown view 'no-such-view' (views: "),
             r.err.constData());
}

void TestCliSplit::aMissingProgramIsAnErrorNotACrash()
{
    const QString built = QFileInfo(m_binary).absolutePath();
    QTemporaryDir prefix(built + QStringLiteral("/tst_clisplit-XXXXXX"));
    QVERIFY(prefix.isValid());
    const QString alone = prefix.path() + QStringLiteral("/bin/kanri");
    QVERIFY(place(m_binary, alone));
    Run r = kanri(alone, {QStringLiteral("--version")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.startsWith("kanri: error: kanri-commands is missing (looked for "),
             r.err.constData());
    r = kanri(alone, {QStringLiteral("--screenshot"), m_tmp.filePath(QStringLiteral("x.png"))});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.startsWith("kanri: error: kanri-gui is missing (looked for "),
             r.err.constData());
    QVERIFY(!QFileInfo::exists(m_tmp.filePath(QStringLiteral("x.png"))));
    // What kanri does itself still works.
    r = kanri(alone, {QStringLiteral("render"), kanri::test::sourceDir() + overlay});
    QCOMPARE(r.exitCode, 0);
}

QTEST_GUILESS_MAIN(TestCliSplit)
#include "tst_clisplit.moc"
