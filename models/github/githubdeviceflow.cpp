#include "github/githubdeviceflow.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QTimer>
#include <QUrlQuery>

namespace kanri::github {

namespace {

// Some servers send numbers as strings (the form-encoded variant always does).
int intField(const QJsonObject &o, const char *key, int fallback)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isDouble())
        return v.toInt(fallback);
    bool ok = false;
    const int parsed = v.toString().toInt(&ok);
    return ok ? parsed : fallback;
}

} // namespace

DeviceFlow::DeviceFlow(Client *client, QString clientId, QStringList scopes, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_clientId(std::move(clientId))
    , m_scopes(std::move(scopes))
{}

QString DeviceFlow::configuredClientId()
{
    return qEnvironmentVariable("KANRI_GITHUB_CLIENT_ID").trimmed();
}

Client::Request DeviceFlow::formRequest(const QString &path,
                                        const QList<QPair<QString, QString>> &fields) const
{
    QUrlQuery form;
    for (const auto &[key, value] : fields)
        form.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    QUrl url = m_client->options().webBase;
    QString base = url.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + path);

    Client::Request request;
    request.method = "POST";
    request.url = url;
    request.body = form.query(QUrl::FullyEncoded).toLatin1();
    request.contentType = "application/x-www-form-urlencoded";
    request.accept = "application/json"; // else GitHub answers form-encoded
    request.auth = Client::Auth::None;
    return request;
}

void DeviceFlow::start()
{
    ++m_generation;
    m_running = true;
    if (!m_client) {
        fail(ApiError::make(ApiError::Kind::Usage, tr("no GitHub client")));
        return;
    }
    if (m_clientId.isEmpty()) {
        fail(ApiError::make(ApiError::Kind::Usage,
                            tr("no OAuth client id configured (set KANRI_GITHUB_CLIENT_ID)")));
        return;
    }
    QList<QPair<QString, QString>> fields{{QStringLiteral("client_id"), m_clientId}};
    if (!m_scopes.isEmpty())
        fields.append({QStringLiteral("scope"), m_scopes.join(QLatin1Char(' '))});
    const int generation = m_generation;
    m_client->send(
        formRequest(QStringLiteral("/login/device/code"), fields), this,
        [this, generation](ApiResult<Client::Response> response) {
            if (generation != m_generation)
                return;
            if (!response) {
                ApiError error = response.error();
                error.kind = ApiError::Kind::DeviceFlow;
                fail(error);
                return;
            }
            const QJsonObject o = response->json().object();
            if (o.contains(QLatin1String("error")) || !o.contains(QLatin1String("device_code"))) {
                ApiError error = ApiError::make(
                    ApiError::Kind::DeviceFlow,
                    o.value(QLatin1String("error_description")).toString(), response->status);
                error.oauthError = o.value(QLatin1String("error")).toString();
                fail(error);
                return;
            }
            m_code.deviceCode = o.value(QLatin1String("device_code")).toString();
            m_code.userCode = o.value(QLatin1String("user_code")).toString();
            m_code.verificationUri = o.value(QLatin1String("verification_uri")).toString();
            m_code.expiresIn = intField(o, "expires_in", 900);
            m_code.interval = intField(o, "interval", 5);
            m_interval = std::max(1, m_code.interval);
            m_deadline =
                QDateTime::currentMSecsSinceEpoch() + qint64(m_code.expiresIn) * m_second.count();
            Q_EMIT codeReady(m_code.userCode, m_code.verificationUri, m_code.expiresIn);
            schedulePoll();
        });
}

void DeviceFlow::cancel()
{
    ++m_generation;
    m_running = false;
}

void DeviceFlow::schedulePoll()
{
    Q_EMIT polling(m_interval);
    const int generation = m_generation;
    QTimer::singleShot(m_second * m_interval, this, [this, generation] {
        if (generation == m_generation)
            poll();
    });
}

void DeviceFlow::poll()
{
    if (!m_client)
        return;
    if (QDateTime::currentMSecsSinceEpoch() > m_deadline) {
        ApiError error = ApiError::make(ApiError::Kind::DeviceFlow,
                                        tr("the code expired before it was entered"));
        error.oauthError = QStringLiteral("expired_token");
        fail(error);
        return;
    }
    const int generation = m_generation;
    m_client->send(formRequest(QStringLiteral("/login/oauth/access_token"),
                               {{QStringLiteral("client_id"), m_clientId},
                                {QStringLiteral("device_code"), m_code.deviceCode},
                                {QStringLiteral("grant_type"),
                                 QStringLiteral("urn:ietf:params:oauth:grant-type:device_code")}}),
                   this, [this, generation](ApiResult<Client::Response> response) {
                       if (generation != m_generation)
                           return;
                       if (!response) {
                           ApiError error = response.error();
                           error.kind = ApiError::Kind::DeviceFlow;
                           fail(error);
                           return;
                       }
                       const QJsonObject o = response->json().object();
                       const QString token = o.value(QLatin1String("access_token")).toString();
                       if (!token.isEmpty()) {
                           m_running = false;
                           ++m_generation;
                           Q_EMIT succeeded(token, o.value(QLatin1String("scope")).toString());
                           return;
                       }
                       const QString code = o.value(QLatin1String("error")).toString();
                       if (code == QLatin1String("authorization_pending")) {
                           schedulePoll();
                           return;
                       }
                       if (code == QLatin1String("slow_down")) {
                           m_interval =
                               std::max(intField(o, "interval", m_interval + 5), m_interval + 1);
                           schedulePoll();
                           return;
                       }
                       ApiError error = ApiError::make(
                           ApiError::Kind::DeviceFlow,
                           code == QLatin1String("access_denied") ? tr("the sign-in was cancelled")
                           : code == QLatin1String("expired_token")
                               ? tr("the code expired; start again")
                               : o.value(QLatin1String("error_description")).toString(),
                           response->status);
                       error.oauthError = code.isEmpty() ? QStringLiteral("no_token") : code;
                       fail(error);
                   });
}

void DeviceFlow::fail(ApiError error)
{
    m_running = false;
    ++m_generation;
    Q_EMIT failed(error);
}

} // namespace kanri::github
