#pragma once

// A GitHub stand-in for the tests: an HTTP/1.1 server on 127.0.0.1 built on QTcpServer. It
// answers from per-route queues of canned responses (the last one of a queue repeats), records
// every request it receives, and can replay the fixture files of ../shared/fixtures/github-api.

#include <QByteArray>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QTcpServer>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

class QTcpSocket;

namespace kanri::test {

struct RecordedRequest
{
    QByteArray method;
    QString path; // decoded, without the query
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // names lower-case
    QByteArray body;
    qint64 receivedAtMs = 0;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
};

struct CannedResponse
{
    enum class Behaviour { Answer, NeverAnswer, CloseWithoutAnswer };
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    Behaviour behaviour = Behaviour::Answer;
    int delayMs = 0; // answer this much later

    static CannedResponse json(int status, const QByteArray &body,
                               QList<QPair<QByteArray, QByteArray>> headers = {});
    CannedResponse &setHeader(const QByteArray &name, const QByteArray &value);
};

class FakeGitHub : public QObject
{
    Q_OBJECT

public:
    explicit FakeGitHub(QObject *parent = nullptr);
    ~FakeGitHub() override;

    bool listen();
    void close();
    QUrl baseUrl() const; // http://127.0.0.1:PORT

    // Queue an answer for METHOD PATH (path without query). The last queued answer repeats.
    void on(const QByteArray &method, const QString &path, CannedResponse response);
    // The same, only for requests whose Accept header is `accept` (tried before `on` routes).
    void onAccept(const QByteArray &method, const QString &path, const QByteArray &accept,
                  CannedResponse response);
    void clearRoutes() { m_routes.clear(); }

    // A fixture file as a canned response; https://api.github.com and https://github.com (and
    // github.example.com for GHES) in headers and bodies are rewritten to this server.
    CannedResponse fromFixture(const QJsonObject &fixture) const;

    QList<RecordedRequest> requests;

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void answer(QTcpSocket *socket, const RecordedRequest &request);
    static void write(QTcpSocket *socket, const CannedResponse &response);

    QTcpServer m_server;
    QHash<QString, QList<CannedResponse>> m_routes;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<QTcpSocket *> m_silent; // sockets that never get an answer
};

// Reads one fixture file from $KANRI_SHARED/fixtures/github-api; empty object when absent.
QJsonObject loadFixture(const QString &sharedDir, const QString &name);

// A pull request as GitHub answers POST /repos/OWNER/REPO/pulls, with the fields Kanri's client
// reads; its html_url points into the stand-in at `base`.
QJsonObject createdPullJson(const QUrl &base, const QString &repo, int number,
                            const QString &branch);

} // namespace kanri::test
