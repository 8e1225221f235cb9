#pragma once

#include "github/githubclient.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <chrono>

namespace kanri::github {

struct DeviceCode
{
    QString deviceCode;
    QString userCode;        // show this: "WDJB-MJHT"
    QString verificationUri; // and open this: https://github.com/login/device
    int expiresIn = 900;     // seconds
    int interval = 5;        // seconds between polls
};

// The OAuth device flow (RFC 8628) against the client's web base (github.com or a GHES host):
// POST /login/device/code, then POST /login/oauth/access_token every `interval` seconds until
// the user has entered the code. Poll answers come as HTTP 200 with an `error` field:
// authorization_pending keeps polling, slow_down adds 5 s (or takes the interval GitHub sends),
// expired_token and access_denied end the flow. Polling runs on a timer, never a loop.
class DeviceFlow : public QObject
{
    Q_OBJECT

public:
    DeviceFlow(Client *client, QString clientId, QStringList scopes, QObject *parent = nullptr);

    // KANRI_GITHUB_CLIENT_ID; empty when unset (Kanri has no built-in OAuth app).
    static QString configuredClientId();

    void start();
    void cancel();
    bool isRunning() const { return m_running; }
    int currentInterval() const { return m_interval; }

    // One interval second lasts this long; tests shorten it.
    void setSecondLength(std::chrono::milliseconds length) { m_second = length; }

Q_SIGNALS:
    void codeReady(const QString &userCode, const QString &verificationUri, int expiresIn);
    void polling(int intervalSeconds);
    void succeeded(const QString &token, const QString &scopes);
    void failed(const kanri::github::ApiError &error);

private:
    void poll();
    void schedulePoll();
    void fail(ApiError error);
    Client::Request formRequest(const QString &path,
                                const QList<QPair<QString, QString>> &fields) const;

    QPointer<Client> m_client;
    QString m_clientId;
    QStringList m_scopes;
    std::chrono::milliseconds m_second{1000};
    DeviceCode m_code;
    int m_interval = 5;
    qint64 m_deadline = 0; // ms since epoch
    bool m_running = false;
    int m_generation = 0; // bumps on cancel/start, so stale timers and replies do nothing
};

} // namespace kanri::github
