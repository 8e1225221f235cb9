#pragma once

// A real git server for tests: a loopback HTTP/1.1 server (QTcpServer on its own thread) that
// runs `git http-backend` as a CGI program behind HTTP basic authentication. Header-only so
// other test folders (GitHub work) can reuse the pattern.
//
//   GitHttpServer server(rootWithBareRepos, "the-token");
//   QVERIFY(server.start());
//   clone(server.url("repo.git"));
//
// Faults for tests: dropUploadPackAfter(n) sends only n bytes of the next upload-pack reply
// and then cuts the connection; setWriteDelay(ms) slows every 16 KiB written.

#include <QByteArray>
#include <QDir>
#include <QHash>
#include <QMutex>
#include <QProcess>
#include <QSemaphore>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QUrl>

#include <atomic>

namespace kanri::test {

class GitHttpServer : public QThread
{
public:
    // An empty token means no authentication (REMOTE_USER is still set, so pushes work).
    GitHttpServer(QString projectRoot, QString token)
        : m_root(std::move(projectRoot))
        , m_token(std::move(token))
    {}
    ~GitHttpServer() override { stop(); }

    bool start()
    {
        QThread::start();
        m_ready.acquire();
        return m_port != 0;
    }
    void stop()
    {
        if (isRunning()) {
            requestInterruption();
            wait();
        }
    }

    quint16 port() const { return m_port; }
    QString url(const QString &repository) const
    {
        return QStringLiteral("http://127.0.0.1:%1/%2").arg(m_port).arg(repository);
    }

    void dropUploadPackAfter(qint64 bytes) { m_dropAfter = bytes; }
    void setWriteDelay(int milliseconds) { m_writeDelayMs = milliseconds; }

    // "METHOD path status" for every request, in order.
    QStringList log() const
    {
        QMutexLocker lock(&m_mutex);
        return m_log;
    }
    // The passwords presented in Authorization headers, in order (to check that a refused
    // credential is not offered twice).
    QStringList presentedPasswords() const
    {
        QMutexLocker lock(&m_mutex);
        return m_passwords;
    }

    static QString httpBackend()
    {
        QProcess git;
        git.start(QStringLiteral("git"), {QStringLiteral("--exec-path")});
        git.waitForFinished();
        return QString::fromUtf8(git.readAllStandardOutput()).trimmed() +
               QStringLiteral("/git-http-backend");
    }

protected:
    void run() override
    {
        QTcpServer server;
        if (!server.listen(QHostAddress::LocalHost, 0)) {
            m_ready.release();
            return;
        }
        m_port = server.serverPort();
        m_backend = httpBackend();
        m_ready.release();
        while (!isInterruptionRequested()) {
            if (!server.waitForNewConnection(50))
                continue;
            while (QTcpSocket *socket = server.nextPendingConnection()) {
                serve(*socket);
                delete socket;
            }
        }
    }

private:
    struct Request
    {
        QByteArray method, target, version;
        QHash<QByteArray, QByteArray> headers; // lower-case names
        QByteArray body;
    };

    static bool readMore(QTcpSocket &socket, QByteArray &buffer)
    {
        if (socket.bytesAvailable() == 0 && !socket.waitForReadyRead(15000))
            return false;
        buffer += socket.readAll();
        return true;
    }

    bool readRequest(QTcpSocket &socket, QByteArray &buffer, Request &request)
    {
        qsizetype end;
        while ((end = buffer.indexOf("\r\n\r\n")) < 0) {
            if (!readMore(socket, buffer))
                return false;
        }
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        buffer.remove(0, end + 4);
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        if (first.size() < 3)
            return false;
        request.method = first[0];
        request.target = first[1];
        request.version = first[2];
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines[i].trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                request.headers.insert(line.left(colon).trimmed().toLower(),
                                       line.mid(colon + 1).trimmed());
        }
        if (request.headers.value("expect").toLower() == "100-continue") {
            socket.write("HTTP/1.1 100 Continue\r\n\r\n");
            socket.waitForBytesWritten(5000);
        }
        if (request.headers.value("transfer-encoding").toLower().contains("chunked")) {
            for (;;) {
                qsizetype lineEnd;
                while ((lineEnd = buffer.indexOf("\r\n")) < 0) {
                    if (!readMore(socket, buffer))
                        return false;
                }
                bool ok = false;
                const qint64 size =
                    buffer.left(lineEnd).split(';').value(0).trimmed().toLongLong(&ok, 16);
                if (!ok)
                    return false;
                buffer.remove(0, lineEnd + 2);
                while (buffer.size() < size + 2) {
                    if (!readMore(socket, buffer))
                        return false;
                }
                request.body += buffer.left(size);
                buffer.remove(0, size + 2);
                if (size == 0)
                    break; // (trailers are not used by git)
            }
        } else {
            const qint64 length = request.headers.value("content-length").toLongLong();
            while (buffer.size() < length) {
                if (!readMore(socket, buffer))
                    return false;
            }
            request.body = buffer.left(length);
            buffer.remove(0, length);
        }
        return true;
    }

    void record(const Request &request, int status, const QByteArray &password)
    {
        QMutexLocker lock(&m_mutex);
        m_log << QStringLiteral("%1 %2 %3")
                     .arg(QString::fromLatin1(request.method), QString::fromLatin1(request.target))
                     .arg(status);
        if (!password.isNull())
            m_passwords << QString::fromUtf8(password);
    }

    void writeAll(QTcpSocket &socket, const QByteArray &data, qint64 limit = -1)
    {
        const qint64 total = limit >= 0 ? qMin<qint64>(limit, data.size()) : data.size();
        constexpr qint64 step = 16 * 1024;
        for (qint64 offset = 0; offset < total; offset += step) {
            socket.write(data.constData() + offset, qMin(step, total - offset));
            while (socket.bytesToWrite() > 0) {
                if (!socket.waitForBytesWritten(15000))
                    return;
            }
            if (m_writeDelayMs > 0)
                QThread::msleep(m_writeDelayMs);
        }
    }

    void respond(QTcpSocket &socket, const QByteArray &status, const QByteArray &headers,
                 const QByteArray &body, qint64 dropAfter = -1)
    {
        QByteArray head = "HTTP/1.1 " + status + "\r\n" + headers +
                          "Content-Length: " + QByteArray::number(body.size()) +
                          "\r\nConnection: close\r\n\r\n";
        writeAll(socket, head);
        writeAll(socket, body, dropAfter);
        if (dropAfter >= 0) {
            socket.abort();
            return;
        }
        socket.disconnectFromHost();
        if (socket.state() != QAbstractSocket::UnconnectedState)
            socket.waitForDisconnected(5000);
    }

    void serve(QTcpSocket &socket)
    {
        QByteArray buffer;
        Request request;
        if (!readRequest(socket, buffer, request)) {
            socket.abort();
            return;
        }
        QByteArray user = "anonymous", password;
        const QByteArray authorization = request.headers.value("authorization");
        if (authorization.startsWith("Basic ")) {
            const QByteArray decoded = QByteArray::fromBase64(authorization.mid(6));
            const qsizetype colon = decoded.indexOf(':');
            user = decoded.left(colon);
            password = colon >= 0 ? decoded.mid(colon + 1) : QByteArray("");
        }
        if (!m_token.isEmpty() && (password.isNull() || password != m_token.toUtf8())) {
            record(request, 401, password);
            respond(socket, "401 Unauthorized",
                    "WWW-Authenticate: Basic realm=\"kanri-test\"\r\nContent-Type: text/plain\r\n",
                    "authentication required\n");
            return;
        }

        const QUrl target(QString::fromLatin1("http://localhost" + request.target));
        QProcess cgi;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("GIT_PROJECT_ROOT"), m_root);
        env.insert(QStringLiteral("GIT_HTTP_EXPORT_ALL"), QStringLiteral("1"));
        env.insert(QStringLiteral("GATEWAY_INTERFACE"), QStringLiteral("CGI/1.1"));
        env.insert(QStringLiteral("SERVER_PROTOCOL"), QStringLiteral("HTTP/1.1"));
        env.insert(QStringLiteral("REQUEST_METHOD"), QString::fromLatin1(request.method));
        env.insert(QStringLiteral("PATH_INFO"), target.path(QUrl::FullyDecoded));
        env.insert(QStringLiteral("QUERY_STRING"), target.query(QUrl::FullyEncoded));
        env.insert(QStringLiteral("CONTENT_TYPE"),
                   QString::fromLatin1(request.headers.value("content-type")));
        env.insert(QStringLiteral("CONTENT_LENGTH"), QString::number(request.body.size()));
        env.insert(QStringLiteral("REMOTE_USER"), QString::fromUtf8(user));
        env.insert(QStringLiteral("REMOTE_ADDR"), QStringLiteral("127.0.0.1"));
        if (request.headers.contains("content-encoding"))
            env.insert(QStringLiteral("HTTP_CONTENT_ENCODING"),
                       QString::fromLatin1(request.headers.value("content-encoding")));
        if (request.headers.contains("git-protocol"))
            env.insert(QStringLiteral("GIT_PROTOCOL"),
                       QString::fromLatin1(request.headers.value("git-protocol")));
        cgi.setProcessEnvironment(env);
        cgi.start(m_backend, {});
        if (!cgi.waitForStarted(10000)) {
            record(request, 500, password);
            respond(socket, "500 Internal Server Error", {}, "cannot start git http-backend\n");
            return;
        }
        cgi.write(request.body);
        cgi.closeWriteChannel();
        cgi.waitForFinished(-1);
        const QByteArray output = cgi.readAllStandardOutput();

        qsizetype split = output.indexOf("\r\n\r\n");
        qsizetype skip = 4;
        if (split < 0) {
            split = output.indexOf("\n\n");
            skip = 2;
        }
        QByteArray status = "200 OK";
        QByteArray headers;
        for (const QByteArray &raw : output.left(qMax<qsizetype>(split, 0)).split('\n')) {
            const QByteArray line = raw.trimmed();
            if (line.isEmpty())
                continue;
            if (line.toLower().startsWith("status:"))
                status = line.mid(7).trimmed();
            else
                headers += line + "\r\n";
        }
        const QByteArray body = split >= 0 ? output.mid(split + skip) : QByteArray();
        record(request, status.left(3).toInt(), password);

        qint64 dropAfter = -1;
        if (request.method == "POST" && request.target.endsWith("/git-upload-pack") &&
            m_dropAfter >= 0) {
            dropAfter = m_dropAfter.exchange(-1);
        }
        respond(socket, status, headers, body, dropAfter);
    }

    const QString m_root;
    const QString m_token;
    QString m_backend;
    std::atomic<quint16> m_port{0};
    std::atomic<qint64> m_dropAfter{-1};
    std::atomic<int> m_writeDelayMs{0};
    QSemaphore m_ready;
    mutable QMutex m_mutex;
    QStringList m_log;
    QStringList m_passwords;
};

} // namespace kanri::test
