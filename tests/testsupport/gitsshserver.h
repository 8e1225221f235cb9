#pragma once

// A real OpenSSH server for tests (header-only, like githttpserver.h): sshd from Debian's
// openssh-server on 127.0.0.1 and a free port, with a generated host key, letting the current
// user in with one generated key (keyDirectory()/id_ed25519) and no password. git runs
// git-upload-pack / git-receive-pack through it like any ssh:// remote.
//
//   SshServer server(tmp.filePath("sshd"));
//   QVERIFY2(server.start(), qPrintable(server.error()));
//   clone(server.url("/abs/path/repo.git"), options with sshKeyDirectory = server.keyDirectory());

#include "tests/testsupport/testutil.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <unistd.h>

namespace kanri::test {

inline bool sshKeygen(const QString &file)
{
    return kanri::test::run(QStringLiteral("ssh-keygen"),
                            {"-q", "-t", "ed25519", "-N", "", "-C", "kanri-test", "-f", file})
               .exitCode == 0;
}

// An sshd on 127.0.0.1 that lets the current user in with one key.
class SshServer
{
public:
    static QString sshd() { return QStringLiteral("/usr/sbin/sshd"); }
    static bool available()
    {
        return QFileInfo::exists(sshd()) &&
               !QStandardPaths::findExecutable(QStringLiteral("ssh-keygen")).isEmpty();
    }

    explicit SshServer(QString dir)
        : m_dir(std::move(dir))
    {}
    ~SshServer()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(5000))
                m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    QString error() const { return m_error; }
    quint16 port() const { return m_port; }
    QString keyDirectory() const { return m_dir + QStringLiteral("/client"); }
    QString url(const QString &path) const
    {
        return QStringLiteral("ssh://%1@127.0.0.1:%2%3").arg(user()).arg(m_port).arg(path);
    }
    static QString user()
    {
        return QString::fromUtf8(kanri::test::run(QStringLiteral("id"), {"-un"}).out).trimmed();
    }

    bool start()
    {
        QDir().mkpath(keyDirectory());
        if (!sshKeygen(m_dir + QStringLiteral("/host_ed25519")) ||
            !sshKeygen(keyDirectory() + QStringLiteral("/id_ed25519"))) {
            m_error = QStringLiteral("ssh-keygen failed");
            return false;
        }
        QFile::copy(keyDirectory() + QStringLiteral("/id_ed25519.pub"),
                    m_dir + QStringLiteral("/authorized_keys"));
        // sshd wants its privilege separation folder (created by the service normally).
        if (geteuid() == 0)
            QDir().mkpath(QStringLiteral("/run/sshd"));
        {
            QTcpServer probe;
            if (!probe.listen(QHostAddress::LocalHost, 0)) {
                m_error = QStringLiteral("no free port");
                return false;
            }
            m_port = probe.serverPort();
        }
        const QString config = m_dir + QStringLiteral("/sshd_config");
        QFile file(config);
        if (!file.open(QIODevice::WriteOnly)) {
            m_error = QStringLiteral("cannot write ") + config;
            return false;
        }
        file.write(QStringLiteral("Port %1\n"
                                  "ListenAddress 127.0.0.1\n"
                                  "HostKey %2/host_ed25519\n"
                                  "AuthorizedKeysFile %2/authorized_keys\n"
                                  "PidFile %2/sshd.pid\n"
                                  "PubkeyAuthentication yes\n"
                                  "PasswordAuthentication no\n"
                                  "KbdInteractiveAuthentication no\n"
                                  "PermitRootLogin prohibit-password\n"
                                  "StrictModes no\n"
                                  "UsePAM no\n"
                                  "LogLevel VERBOSE\n")
                       .arg(m_port)
                       .arg(m_dir)
                       .toUtf8());
        file.close();
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(sshd(), {"-D", "-e", "-f", config});
        if (!m_process.waitForStarted(5000)) {
            m_error = m_process.errorString();
            return false;
        }
        for (int i = 0; i < 100; ++i) {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, m_port);
            if (socket.waitForConnected(100))
                return true;
            if (m_process.state() == QProcess::NotRunning)
                break;
            QThread::msleep(50);
        }
        m_error = QStringLiteral("sshd did not start: ") + QString::fromUtf8(m_process.readAll());
        return false;
    }

    QString log() { return QString::fromUtf8(m_process.readAll()); }

private:
    QString m_dir;
    quint16 m_port = 0;
    QProcess m_process;
    QString m_error;
};

} // namespace kanri::test
