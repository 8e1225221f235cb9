// known_hosts files: how Kanri checks a server's SSH host key against them (plain, hashed and
// pattern host names, [host]:port, several key types, @revoked) and the line it writes for a
// key the user trusted, which OpenSSH's own ssh-keygen -F finds.

#include "git/gitknownhosts.h"

#include "tests/testsupport/testutil.h"

#include <QDir>
#include <QFile>
#include <QMessageAuthenticationCode>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace kanri;
using namespace kanri::git;
using Status = KnownHostsCheck::Status;

namespace {

using kanri::test::readAll;
using kanri::test::writeFile;

// An SSH public key blob in wire format: string type, then the key's own fields.
QByteArray keyBlob(const QByteArray &type, char fill)
{
    auto string = [](const QByteArray &s) {
        QByteArray out(4, '\0');
        out[0] = char((s.size() >> 24) & 0xff);
        out[1] = char((s.size() >> 16) & 0xff);
        out[2] = char((s.size() >> 8) & 0xff);
        out[3] = char(s.size() & 0xff);
        return out + s;
    };
    return string(type) + string(QByteArray(32, fill));
}

QByteArray line(const QByteArray &hosts, const QByteArray &blob)
{
    return hosts + ' ' + QString(sshKeyType(blob)).toLatin1() + ' ' + blob.toBase64() + '\n';
}

QByteArray hashedName(const QByteArray &name, const QByteArray &salt)
{
    return "|1|" + salt.toBase64() + '|' +
           QMessageAuthenticationCode::hash(name, salt, QCryptographicHash::Sha1).toBase64();
}

} // namespace

class TestGitKnownHosts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void namesAHostWithItsPortLikeOpenSsh();
    void readsTheKeyTypeFromTheBlob();
    void check_data();
    void check();
    void changedKeyNamesTheFileAndLine();
    void laterFilesAreReadToo();
    void addingWritesAStandardLineAndKeepsTheFile();
    void addingCreatesTheSshFolderPrivate();
};

void TestGitKnownHosts::namesAHostWithItsPortLikeOpenSsh()
{
    QCOMPARE(knownHostsName(QStringLiteral("github.com"), 22), QStringLiteral("github.com"));
    QCOMPARE(knownHostsName(QStringLiteral("127.0.0.1"), 2222), QStringLiteral("[127.0.0.1]:2222"));
}

void TestGitKnownHosts::readsTheKeyTypeFromTheBlob()
{
    QCOMPARE(sshKeyType(keyBlob("ssh-ed25519", 'a')), QStringLiteral("ssh-ed25519"));
    QCOMPARE(sshKeyType(QByteArray("\0\0", 2)), QString());
    QCOMPARE(sshKeyType(QByteArray("\0\0\0\x7fshort", 9)), QString());
}

void TestGitKnownHosts::check_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<int>("status");

    const QByteArray key = keyBlob("ssh-ed25519", 'k');
    const QByteArray other = keyBlob("ssh-ed25519", 'o');
    const QByteArray rsa = keyBlob("ssh-rsa", 'r');
    QTest::newRow("a plain line with the same key matches")
        << line("example.com", key) << "example.com" << 22 << int(Status::Matches);
    QTest::newRow("host names compare without case")
        << line("Example.COM", key) << "example.com" << 22 << int(Status::Matches);
    QTest::newRow("a line for another host is unknown")
        << line("example.org", key) << "example.com" << 22 << int(Status::Unknown);
    QTest::newRow("a port other than 22 needs the bracketed name")
        << line("example.com", key) << "example.com" << 2222 << int(Status::Unknown);
    QTest::newRow("the bracketed name with the port matches")
        << line("[example.com]:2222", key) << "example.com" << 2222 << int(Status::Matches);
    QTest::newRow("a comma list of names matches any of them")
        << line("git.example.com,10.0.0.5", key) << "10.0.0.5" << 22 << int(Status::Matches);
    QTest::newRow("a hashed name matches")
        << line(hashedName("example.com", "0123456789abcdefghij"), key) << "example.com" << 22
        << int(Status::Matches);
    QTest::newRow("a hashed name of another host does not")
        << line(hashedName("example.org", "0123456789abcdefghij"), key) << "example.com" << 22
        << int(Status::Unknown);
    QTest::newRow("a wildcard pattern matches")
        << line("*.example.com", key) << "git.example.com" << 22 << int(Status::Matches);
    QTest::newRow("a negated pattern excludes the host")
        << line("*.example.com,!git.example.com", key) << "git.example.com" << 22
        << int(Status::Unknown);
    QTest::newRow("another key of the same type is a changed key")
        << line("example.com", other) << "example.com" << 22 << int(Status::Changed);
    QTest::newRow("only a key of another type is unknown (asked, like ssh does)")
        << line("example.com", rsa) << "example.com" << 22 << int(Status::Unknown);
    QTest::newRow("one matching line among several keys is enough")
        << line("example.com", other) + line("example.com", key) << "example.com" << 22
        << int(Status::Matches);
    QTest::newRow("a revoked key is refused even when listed")
        << "@revoked * " + QByteArray("ssh-ed25519 ") + key.toBase64() + "\n" +
               line("example.com", key)
        << "example.com" << 22 << int(Status::Changed);
    QTest::newRow("comments, blank lines and cert-authority lines are skipped")
        << "# example.com ssh-ed25519 x\n\n@cert-authority example.com " +
               QByteArray("ssh-ed25519 ") + other.toBase64() + "\n" + line("example.com", key)
        << "example.com" << 22 << int(Status::Matches);
}

void TestGitKnownHosts::check()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(int, status);
    QTemporaryDir tmp;
    const QString file = tmp.filePath(QStringLiteral("known_hosts"));
    writeFile(file, content);
    const KnownHostsCheck result = checkKnownHosts({file}, host, port, keyBlob("ssh-ed25519", 'k'));
    QCOMPARE(int(result.status), status);
}

void TestGitKnownHosts::changedKeyNamesTheFileAndLine()
{
    QTemporaryDir tmp;
    const QString file = tmp.filePath(QStringLiteral("known_hosts"));
    writeFile(file, "# mine\n" + line("other.host", keyBlob("ssh-ed25519", 'x')) +
                        line("[127.0.0.1]:2022", keyBlob("ssh-ed25519", 'o')));
    const KnownHostsCheck result =
        checkKnownHosts({file}, QStringLiteral("127.0.0.1"), 2022, keyBlob("ssh-ed25519", 'k'));
    QCOMPARE(result.status, Status::Changed);
    QCOMPARE(result.file, file);
    QCOMPARE(result.line, 3);

    const KnownHostsCheck rsaOnly = checkKnownHosts({file}, QStringLiteral("127.0.0.1"), 2022,
                                                    keyBlob("ecdsa-sha2-nistp256", 'k'));
    QCOMPARE(rsaOnly.status, Status::Unknown);
    QCOMPARE(rsaOnly.otherKeyTypes, QStringList{QStringLiteral("ssh-ed25519")});
}

void TestGitKnownHosts::laterFilesAreReadToo()
{
    QTemporaryDir tmp;
    const QString first = tmp.filePath(QStringLiteral("ssh/known_hosts"));
    const QString second = tmp.filePath(QStringLiteral("kanri/known_hosts"));
    writeFile(second, line("example.com", keyBlob("ssh-ed25519", 'k')));
    const KnownHostsCheck result = checkKnownHosts({first, second}, QStringLiteral("example.com"),
                                                   22, keyBlob("ssh-ed25519", 'k'));
    QCOMPARE(result.status, Status::Matches);
    QCOMPARE(result.file, second);
    QCOMPARE(result.line, 1);
}

void TestGitKnownHosts::addingWritesAStandardLineAndKeepsTheFile()
{
    QTemporaryDir tmp;
    const QString file = tmp.filePath(QStringLiteral("known_hosts"));
    writeFile(file, "example.org ssh-rsa AAAA"); // no final newline
    const QByteArray key = keyBlob("ssh-ed25519", 'k');
    QVERIFY(addKnownHost(file, QStringLiteral("127.0.0.1"), 2222, key));
    QCOMPARE(readAll(file),
             "example.org ssh-rsa AAAA\n[127.0.0.1]:2222 ssh-ed25519 " + key.toBase64() + "\n");
    QCOMPARE(checkKnownHosts({file}, QStringLiteral("127.0.0.1"), 2222, key).status,
             Status::Matches);
    QVERIFY(addKnownHost(file, QStringLiteral("git.example.com"), 22, key));
    QVERIFY(readAll(file).endsWith("\ngit.example.com ssh-ed25519 " + key.toBase64() + "\n"));
    QVERIFY(!addKnownHost(file, QStringLiteral("x"), 22, QByteArray("junk")));

    // OpenSSH reads the lines Kanri writes.
    if (QStandardPaths::findExecutable(QStringLiteral("ssh-keygen")).isEmpty())
        return;
    const auto found =
        kanri::test::run(QStringLiteral("ssh-keygen"), {"-F", "[127.0.0.1]:2222", "-f", file});
    QCOMPARE(found.exitCode, 0);
    QVERIFY(found.out.contains("ssh-ed25519"));
}

void TestGitKnownHosts::addingCreatesTheSshFolderPrivate()
{
    QTemporaryDir tmp;
    const QString file = tmp.filePath(QStringLiteral("home/.ssh/known_hosts"));
    QVERIFY(addKnownHost(file, QStringLiteral("example.com"), 22, keyBlob("ssh-ed25519", 'k')));
    const QFileInfo dir(tmp.filePath(QStringLiteral("home/.ssh")));
    QVERIFY(dir.isDir());
    QCOMPARE(dir.permissions() &
                 (QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup |
                  QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther),
             QFileDevice::Permissions());
    QVERIFY(dir.permissions() & QFileDevice::ExeOwner);

    // With HOME there, the default file is ~/.ssh/known_hosts.
    const QByteArray oldHome = qgetenv("HOME");
    qputenv("HOME", QFile::encodeName(tmp.filePath(QStringLiteral("home"))));
    QCOMPARE(writableKnownHostsFile(), file);
    QCOMPARE(defaultKnownHostsFiles().value(0), file);
    qputenv("HOME", oldHome);
}

QTEST_GUILESS_MAIN(TestGitKnownHosts)
#include "tst_gitknownhosts.moc"
