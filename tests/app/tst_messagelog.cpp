// The log a user can send (app/logging/messagelog) and the build identity (buildinfo): what goes
// into the file, that tokens never do, rotation, the file's and folder's modes.
#include "app/logging/buildinfo.h"
#include "app/logging/messagelog.h"
#include "tests/testsupport/testutil.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace kanri::app;

Q_LOGGING_CATEGORY(lcTestOther, "other.category")

namespace {

MessageLog::Options options(const QString &file, qint64 maxBytes,
                            std::function<QStringList()> secrets = {})
{
    MessageLog::Options o;
    o.file = file;
    o.maxBytes = maxBytes;
    o.keep = 3;
    o.secrets = std::move(secrets);
    return o;
}

} // namespace

class TestMessageLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scrubsSecrets_data();
    void scrubsSecrets();
    void warningsGoToTheFileWithTokensRemoved();
    void rotatesKeepingThreeOldFiles();
    void fileIsOwnerOnlyInAnOwnerOnlyFolder();
    void noFileWithoutAPath();
    void versionTextNamesTheFourVersions();

private:
    QTemporaryDir m_tmp;
};

void TestMessageLog::scrubsSecrets_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QString>("kept");
    QTest::newRow("a classic personal access token")
        << "push failed with ghp_16C7e42F292c6912E7710c838347Ae178B4a"
        << "16C7e42F292c6912E7710c838347Ae178B4a"
        << "push failed with ghp_";
    QTest::newRow("an OAuth token") << "token gho_abcdefghijklmnopqrstuvwxyz0123"
                                    << "abcdefghijklmnop"
                                    << "token gho_";
    QTest::newRow("an app installation token") << "ghs_ABCDEFGHIJKLMNOPQRSTUVWX12"
                                               << "ABCDEFGHIJ"
                                               << "ghs_";
    QTest::newRow("a user-to-server token") << "(ghu_0123456789abcdefghij)"
                                            << "0123456789abc"
                                            << ")";
    QTest::newRow("a fine-grained token")
        << "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz"
        << "11ABCDEFG0123456789"
        << "github_pat_";
    QTest::newRow("a bearer Authorization header")
        << "Authorization: Bearer s3cr3t-v4lue, Accept: json"
        << "s3cr3t-v4lue"
        << "Accept: json";
    QTest::newRow("a token Authorization header in lower case")
        << "authorization: token deadbeefcafe"
        << "deadbeefcafe"
        << "authorization: ";
    QTest::newRow("a basic Authorization header") << "Authorization: Basic dXNlcjpwYXNz"
                                                  << "dXNlcjpwYXNz"
                                                  << "Authorization: ";
    QTest::newRow("a password in a URL")
        << "fetch https://alice:hunter2secret@github.example/repo.git failed"
        << "hunter2secret"
        << "https://alice:***@github.example/repo.git failed";
    QTest::newRow("a token the application holds")
        << "remote said: bad credentials for qwertyuiop-held-token"
        << "qwertyuiop-held-token"
        << "remote said: bad credentials for ***";
}

void TestMessageLog::scrubsSecrets()
{
    QFETCH(QString, text);
    QFETCH(QString, secret);
    QFETCH(QString, kept);
    const QString scrubbed = scrubSecrets(text, {QStringLiteral("qwertyuiop-held-token")});
    QVERIFY2(!scrubbed.contains(secret), qPrintable(scrubbed));
    QVERIFY2(scrubbed.contains(kept), qPrintable(scrubbed));
    QVERIFY2(scrubbed.contains(QStringLiteral("***")), qPrintable(scrubbed));
}

void TestMessageLog::warningsGoToTheFileWithTokensRemoved()
{
    QVERIFY(m_tmp.isValid());
    const QString file = m_tmp.filePath(QStringLiteral("a/log/kanri.log"));
    const QString planted = QStringLiteral("ghp_PLANTEDtoken0123456789abcdefghijkl");
    {
        MessageLog log(
            options(file, 1 << 20, [] { return QStringList{QStringLiteral("held-secret-42")}; }));
        log.note(QStringLiteral("session started"));
        qWarning("clone failed: %s", qPrintable(planted));
        qCritical("could not write with held-secret-42");
        qDebug("a debug line stays out of the file");
        qCInfo(lcTestOther, "another program's info stays out");
        qCInfo(lcKanri, "kanri's own info goes in");
    }
    const QString text = QString::fromUtf8(kanri::test::readAll(file));
    QVERIFY2(text.contains(QStringLiteral("session started")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral(" warning: clone failed: ghp_***")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral(" critical: could not write with ***")),
             qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("kanri's own info goes in")));
    QVERIFY(!text.contains(QStringLiteral("PLANTED")));
    QVERIFY(!text.contains(QStringLiteral("held-secret-42")));
    QVERIFY(!text.contains(QStringLiteral("debug line")));
    QVERIFY(!text.contains(QStringLiteral("another program")));
    // Every line starts with an ISO time stamp in UTC.
    for (const QString &line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        QVERIFY2(QRegularExpression(
                     QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z "))
                     .match(line)
                     .hasMatch(),
                 qPrintable(line));
    // After the log is gone, messages no longer reach the file.
    qWarning("after the log");
    QVERIFY(!kanri::test::readAll(file).contains("after the log"));
}

void TestMessageLog::rotatesKeepingThreeOldFiles()
{
    QVERIFY(m_tmp.isValid());
    const QString file = m_tmp.filePath(QStringLiteral("rotate/kanri.log"));
    {
        MessageLog log(options(file, 1000));
        for (int i = 0; i < 100; ++i)
            qWarning("line %03d %s", i, QByteArray(60, 'x').constData());
    }
    const QDir dir(QFileInfo(file).absolutePath());
    QCOMPARE(dir.entryList(QDir::Files, QDir::Name),
             QStringList({"kanri.log", "kanri.log.1", "kanri.log.2", "kanri.log.3"}));
    for (const QString &name : dir.entryList(QDir::Files))
        QVERIFY2(QFileInfo(dir.filePath(name)).size() <= 1000, qPrintable(name));
    // The newest lines are in kanri.log, the ones before in .1; the first ones are gone.
    QVERIFY(kanri::test::readAll(file).contains("line 099"));
    const QByteArray previous = kanri::test::readAll(file + QStringLiteral(".1"));
    QVERIFY(!previous.isEmpty() && !previous.contains("line 099"));
    QByteArray all;
    for (const QString &name : dir.entryList(QDir::Files))
        all += kanri::test::readAll(dir.filePath(name));
    QVERIFY(!all.contains("line 000"));
}

void TestMessageLog::fileIsOwnerOnlyInAnOwnerOnlyFolder()
{
    QVERIFY(m_tmp.isValid());
    const QString folder = m_tmp.filePath(QStringLiteral("modes/log"));
    const QString file = folder + QStringLiteral("/kanri.log");
    // A file left readable by others is made owner-only.
    QVERIFY(kanri::test::writeFile(file, "old\n"));
    QVERIFY(QFile::setPermissions(file, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                            QFileDevice::ReadOther | QFileDevice::ReadGroup));
    {
        MessageLog log(options(file, 200));
        for (int i = 0; i < 10; ++i)
            qWarning("mode check %d ..........................", i);
    }
    const auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    QCOMPARE(QFileInfo(file).permissions() & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
             ownerOnly);
    QCOMPARE(QFileInfo(file + QStringLiteral(".1")).permissions() &
                 ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
             ownerOnly);
    QCOMPARE(QFileInfo(folder).permissions() &
                 ~(QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser),
             ownerOnly | QFileDevice::ExeOwner);
}

void TestMessageLog::noFileWithoutAPath()
{
    QVERIFY(m_tmp.isValid());
    const QString before =
        QDir(m_tmp.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot).join(u',');
    {
        MessageLog log(MessageLog::Options{});
        log.note(QStringLiteral("nowhere"));
        qWarning("only to stderr");
    }
    QCOMPARE(QDir(m_tmp.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot).join(u','),
             before);
}

void TestMessageLog::versionTextNamesTheFourVersions()
{
    const QString text = versionText();
    const BuildInfo b = buildInfo();
    QVERIFY2(text.startsWith(QStringLiteral("kanri ") + b.version + QLatin1Char('\n')),
             qPrintable(text));
    QVERIFY(!b.version.isEmpty());
    QVERIFY(!b.commit.isEmpty());
    QVERIFY2(text.contains(QStringLiteral("commit ") + b.commit), qPrintable(text));
    QCOMPARE(b.qt, QString::fromLatin1(qVersion()));
    QVERIFY2(text.contains(QStringLiteral("Qt ") + QString::fromLatin1(qVersion())),
             qPrintable(text));
    QVERIFY2(QRegularExpression(QStringLiteral("^libgit2 \\d+\\.\\d+\\.\\d+ "),
                                QRegularExpression::MultilineOption)
                 .match(text)
                 .hasMatch(),
             qPrintable(text));
    QVERIFY2(QRegularExpression(QStringLiteral("^yaml-cpp \\d+\\.\\d+(\\.\\d+)? "),
                                QRegularExpression::MultilineOption)
                 .match(text)
                 .hasMatch(),
             qPrintable(text));
}

QTEST_GUILESS_MAIN(TestMessageLog)
#include "tst_messagelog.moc"
