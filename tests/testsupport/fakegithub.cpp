#include "tests/testsupport/fakegithub.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QTcpSocket>
#include <QTimer>

namespace kanri::test {

namespace {

QByteArray reason(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 422:
        return "Unprocessable Entity";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

} // namespace

CannedResponse CannedResponse::json(int status, const QByteArray &body,
                                    QList<QPair<QByteArray, QByteArray>> headers)
{
    CannedResponse r;
    r.status = status;
    r.body = body;
    r.headers = std::move(headers);
    r.headers.append(
        qMakePair(QByteArray("content-type"), QByteArray("application/json; charset=utf-8")));
    return r;
}

CannedResponse &CannedResponse::setHeader(const QByteArray &name, const QByteArray &value)
{
    for (auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0) {
            header.second = value;
            return *this;
        }
    }
    headers.append(qMakePair(name, value));
    return *this;
}

FakeGitHub::FakeGitHub(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FakeGitHub::onNewConnection);
}

FakeGitHub::~FakeGitHub()
{
    close();
}

bool FakeGitHub::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

void FakeGitHub::close()
{
    m_server.close();
    const auto sockets = m_buffers.keys();
    for (QTcpSocket *socket : sockets) {
        socket->abort();
        socket->deleteLater();
    }
    m_buffers.clear();
    m_silent.clear();
}

QUrl FakeGitHub::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
}

void FakeGitHub::on(const QByteArray &method, const QString &path, CannedResponse response)
{
    m_routes[QString::fromLatin1(method) + QLatin1Char(' ') + path].append(std::move(response));
}

void FakeGitHub::onAccept(const QByteArray &method, const QString &path, const QByteArray &accept,
                          CannedResponse response)
{
    m_routes[QString::fromLatin1(method) + QLatin1Char(' ') + path + QLatin1Char(' ') +
             QString::fromLatin1(accept)]
        .append(std::move(response));
}

CannedResponse FakeGitHub::fromFixture(const QJsonObject &fixture) const
{
    const QByteArray base = baseUrl().toString().toUtf8();
    auto rewrite = [&](QByteArray text) {
        text.replace("https://api.github.com", base);
        text.replace("https://github.example.com", base);
        text.replace("https://github.com", base);
        return text;
    };
    CannedResponse r;
    r.status = fixture.value(QLatin1String("status")).toInt();
    const QJsonObject headers = fixture.value(QLatin1String("headers")).toObject();
    for (auto it = headers.begin(); it != headers.end(); ++it)
        r.headers.append({it.key().toUtf8(), rewrite(it.value().toString().toUtf8())});
    const QJsonValue body = fixture.value(QLatin1String("body"));
    if (body.isString())
        r.body = body.toString().toUtf8();
    else if (body.isArray())
        r.body = rewrite(QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact));
    else
        r.body = rewrite(QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact));
    return r;
}

void FakeGitHub::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        m_buffers.insert(socket, {});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            m_silent.removeAll(socket);
            socket->deleteLater();
        });
    }
}

void FakeGitHub::onReadyRead(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return;
    const QList<QByteArray> lines = buffer.left(end).split('\n');
    RecordedRequest request;
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    request.method = requestLine.value(0);
    const QUrl target(QString::fromLatin1(requestLine.value(1)));
    request.path = target.path(QUrl::FullyDecoded);
    request.query = QUrlQuery(target.query(QUrl::FullyEncoded));
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            request.headers.insert(line.left(colon).trimmed().toLower(),
                                   line.mid(colon + 1).trimmed());
    }
    const qsizetype length = request.headers.value("content-length", "0").toLongLong();
    if (buffer.size() < end + 4 + length)
        return; // the body is still on its way
    request.body = buffer.mid(end + 4, length);
    buffer.clear();
    request.receivedAtMs = QDateTime::currentMSecsSinceEpoch();
    requests.append(request);
    answer(socket, request); // one request per connection: every answer says close
}

void FakeGitHub::answer(QTcpSocket *socket, const RecordedRequest &request)
{
    const QString key = QString::fromLatin1(request.method) + QLatin1Char(' ') + request.path;
    CannedResponse response;
    auto it = m_routes.find(key + QLatin1Char(' ') + QString::fromLatin1(request.header("accept")));
    if (it == m_routes.end())
        it = m_routes.find(key);
    if (it == m_routes.end() || it->isEmpty()) {
        const QJsonObject body{
            {QLatin1String("message"),
             QStringLiteral("Not Found (no route in the stand-in for %1)").arg(key)}};
        response = CannedResponse::json(404, QJsonDocument(body).toJson(QJsonDocument::Compact));
    } else {
        response = it->size() > 1 ? it->takeFirst() : it->first();
    }

    switch (response.behaviour) {
    case CannedResponse::Behaviour::NeverAnswer:
        m_silent.append(socket);
        return;
    case CannedResponse::Behaviour::CloseWithoutAnswer:
        m_buffers.remove(socket);
        socket->abort();
        socket->deleteLater();
        return;
    case CannedResponse::Behaviour::Answer:
        break;
    }
    if (response.delayMs > 0) {
        QTimer::singleShot(response.delayMs, socket,
                           [socket, response] { write(socket, response); });
        return;
    }
    write(socket, response);
}

void FakeGitHub::write(QTcpSocket *socket, const CannedResponse &response)
{

    QByteArray out =
        "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reason(response.status) + "\r\n";
    for (const auto &[name, value] : response.headers) {
        if (name.compare("content-length", Qt::CaseInsensitive) != 0 &&
            name.compare("connection", Qt::CaseInsensitive) != 0 &&
            name.compare("transfer-encoding", Qt::CaseInsensitive) != 0)
            out += name + ": " + value + "\r\n";
    }
    out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    out += "Connection: close\r\n\r\n";
    out += response.body;
    socket->write(out);
    socket->disconnectFromHost();
}

QJsonObject loadFixture(const QString &sharedDir, const QString &name)
{
    QFile file(sharedDir + QStringLiteral("/fixtures/github-api/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QJsonObject createdPullJson(const QUrl &base, const QString &repo, int number,
                            const QString &branch)
{
    return QJsonObject{
        {QStringLiteral("id"), 5000 + number},
        {QStringLiteral("number"), number},
        {QStringLiteral("state"), QStringLiteral("open")},
        {QStringLiteral("title"), QStringLiteral("t")},
        {QStringLiteral("body"), QStringLiteral("b")},
        {QStringLiteral("html_url"),
         base.toString() + QStringLiteral("/remotes/%1/pull/%2").arg(repo).arg(number)},
        {QStringLiteral("draft"), false},
        {QStringLiteral("user"), QJsonObject{{QStringLiteral("login"), QStringLiteral("me")}}},
        {QStringLiteral("head"),
         QJsonObject{{QStringLiteral("ref"), branch},
                     {QStringLiteral("label"), QStringLiteral("remotes:") + branch},
                     {QStringLiteral("sha"), QStringLiteral("0123456789abcdef")}}},
        {QStringLiteral("base"),
         QJsonObject{{QStringLiteral("ref"), QStringLiteral("main")},
                     {QStringLiteral("label"), QStringLiteral("remotes:main")}}},
        {QStringLiteral("labels"), QJsonArray{}}};
}

} // namespace kanri::test
