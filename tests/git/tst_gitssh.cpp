// Clone and push over ssh:// against a real OpenSSH server on loopback, started by the test
// on a free port with generated host and user keys (sshd from Debian's openssh-server; the
// test skips with a message when it is not installed).

#include "git/gitknownhosts.h"
#include "git/gitrepository.h"
#include "tests/testsupport/gitsshserver.h"
#include "tests/testsupport/gittestrepo.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace kanri;
using namespace kanri::git;
using kanri::test::sshKeygen;
using kanri::test::SshServer;

namespace {

using kanri::test::gitOut;
using kanri::test::makeServerRepository;
using kanri::test::why;
using kanri::test::writeFile;

const Signature author{QStringLiteral("Test Author"), QStringLiteral("author@example.invalid")};

} // namespace

class TestGitSsh : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void unknownHostKeyIsRefusedWithTheFingerprint();
    void acceptedHostKeyClonesAndPushes();
    void keyTheServerDoesNotKnowFailsAsAuthentication();
    void recordedHostKeyConnectsAndAChangedOneIsRefused();

private:
    NetworkOptions options(const QString &keyDirectory, QStringList *seenFingerprints = nullptr,
                           bool accept = true) const;
};

void TestGitSsh::initTestCase()
{
    if (!SshServer::available())
        QSKIP("openssh-server is not installed (packaging/kanri.sh setup installs it)");
    // Only the key files given to each operation: no agent.
    qunsetenv("SSH_AUTH_SOCK");
}

NetworkOptions TestGitSsh::options(const QString &keyDirectory, QStringList *seenFingerprints,
                                   bool accept) const
{
    NetworkOptions o;
    o.sshKeyDirectory = keyDirectory;
    o.unknownHostKey = [seenFingerprints, accept](const HostKeyInfo &info) {
        if (seenFingerprints)
            *seenFingerprints << info.fingerprint;
        return accept ? HostKeyDecision::AcceptOnce : HostKeyDecision::Refuse;
    };
    return o;
}

void TestGitSsh::unknownHostKeyIsRefusedWithTheFingerprint()
{
    QTemporaryDir tmp;
    QVERIFY(makeServerRepository(tmp.path()));
    SshServer server(tmp.filePath("sshd"));
    QVERIFY2(server.start(), qPrintable(server.error()));
    NetworkOptions refuse;
    refuse.sshKeyDirectory = server.keyDirectory();
    const QString target = tmp.filePath("clone");
    auto cloned = Repository::clone(server.url(tmp.filePath("repo.git")), target, refuse);
    QVERIFY(!cloned);
    QVERIFY2(cloned.error().message.contains("host key"), why(cloned));
    QVERIFY2(cloned.error().message.contains("SHA256:"), why(cloned));
    QVERIFY(!QFileInfo::exists(target));

    // The question is asked with the fingerprint ssh-keygen shows for the host key.
    QStringList seen;
    cloned = Repository::clone(server.url(tmp.filePath("repo.git")), target,
                               options(server.keyDirectory(), &seen, false));
    QVERIFY(!cloned);
    QCOMPARE(seen.size(), 1);
    const QString expected =
        QString::fromUtf8(
            kanri::test::run("ssh-keygen", {"-l", "-f", tmp.filePath("sshd/host_ed25519.pub")}).out)
            .section(QLatin1Char(' '), 1, 1);
    QCOMPARE(seen.first(), expected);
    QVERIFY(!QFileInfo::exists(target));
}

void TestGitSsh::acceptedHostKeyClonesAndPushes()
{
    QTemporaryDir tmp;
    QVERIFY(makeServerRepository(tmp.path()));
    SshServer server(tmp.filePath("sshd"));
    QVERIFY2(server.start(), qPrintable(server.error()));
    const QString url = server.url(tmp.filePath("repo.git"));
    const QString target = tmp.filePath("clone");
    auto repo = Repository::clone(url, target, options(server.keyDirectory()));
    QVERIFY2(repo, qPrintable(why(repo) + QStringLiteral("\n") + server.log()));
    QVERIFY(QFileInfo::exists(target + "/README.md"));
    QCOMPARE(*repo->remoteUrl("origin"), url);

    writeFile(target + "/pushed.txt", "over ssh\n");
    QVERIFY(repo->stageAll());
    auto id = repo->commit("over ssh", author);
    QVERIFY(id);
    auto pushed = repo->push("origin", "main", false, options(server.keyDirectory()));
    QVERIFY2(pushed, qPrintable(why(pushed) + QStringLiteral("\n") + server.log()));
    QCOMPARE(gitOut({"rev-parse", "main"}, tmp.filePath("repo.git")), *id);
}

void TestGitSsh::keyTheServerDoesNotKnowFailsAsAuthentication()
{
    QTemporaryDir tmp;
    QVERIFY(makeServerRepository(tmp.path()));
    SshServer server(tmp.filePath("sshd"));
    QVERIFY2(server.start(), qPrintable(server.error()));
    const QString stranger = tmp.filePath("stranger");
    QDir().mkpath(stranger);
    QVERIFY(sshKeygen(stranger + "/id_ed25519"));
    const QString target = tmp.filePath("clone");
    auto cloned =
        Repository::clone(server.url(tmp.filePath("repo.git")), target, options(stranger));
    QVERIFY(!cloned);
    QCOMPARE(cloned.error().code, Error::Code::Auth);
    QVERIFY2(cloned.error().message.contains("authentication failed"), why(cloned));
    QVERIFY(!QFileInfo::exists(target));
}

void TestGitSsh::recordedHostKeyConnectsAndAChangedOneIsRefused()
{
    QTemporaryDir tmp;
    QVERIFY(makeServerRepository(tmp.path()));
    SshServer server(tmp.filePath("sshd"));
    QVERIFY2(server.start(), qPrintable(server.error()));
    const QString knownHosts = tmp.filePath("home/.ssh/known_hosts");
    const QString url = server.url(tmp.filePath("repo.git"));

    // Unknown: the question gets the raw key, which is what a known_hosts line records.
    HostKeyInfo seen;
    NetworkOptions ask;
    ask.sshKeyDirectory = server.keyDirectory();
    ask.knownHostsFiles = {knownHosts};
    ask.unknownHostKey = [&seen](const HostKeyInfo &info) {
        seen = info;
        return HostKeyDecision::Refuse;
    };
    QVERIFY(!Repository::clone(url, tmp.filePath("a"), ask));
    QCOMPARE(seen.keyType, QStringLiteral("ssh-ed25519"));
    QCOMPARE(seen.port, int(server.port()));
    QVERIFY(addKnownHost(knownHosts, seen.host, seen.port, seen.key));

    // Recorded: no question at all.
    NetworkOptions recorded;
    recorded.sshKeyDirectory = server.keyDirectory();
    recorded.knownHostsFiles = {knownHosts};
    auto cloned = Repository::clone(url, tmp.filePath("b"), recorded);
    QVERIFY2(cloned, qPrintable(why(cloned) + QStringLiteral("\n") + server.log()));

    // Changed: refused without asking, the message names the file and line.
    QVERIFY(sshKeygen(tmp.filePath("other")));
    QFile pub(tmp.filePath("other.pub"));
    QVERIFY(pub.open(QIODevice::ReadOnly));
    const QByteArray otherKey = pub.readAll().split(' ').value(1);
    writeFile(knownHosts,
              QStringLiteral("[127.0.0.1]:%1 ssh-ed25519 ").arg(server.port()).toUtf8() + otherKey +
                  "\n");
    bool asked = false;
    recorded.unknownHostKey = [&asked](const HostKeyInfo &) {
        asked = true;
        return HostKeyDecision::AcceptOnce;
    };
    cloned = Repository::clone(url, tmp.filePath("c"), recorded);
    QVERIFY(!cloned);
    QVERIFY(!asked);
    QCOMPARE(cloned.error().code, Error::Code::Auth);
    QVERIFY2(cloned.error().message.contains("CHANGED"), why(cloned));
    QVERIFY2(cloned.error().message.contains("remove line 1 from " + knownHosts), why(cloned));
    QVERIFY(!QFileInfo::exists(tmp.filePath("c")));
}

QTEST_GUILESS_MAIN(TestGitSsh)
#include "tst_gitssh.moc"
