#include "github/githubremote.h"

#include "credentials/tokenstore.h"

#include <QDir>
#include <QRegularExpression>

namespace kanri::github {

namespace {

std::optional<RepoRef> repoFromPath(QString path)
{
    while (path.startsWith(QLatin1Char('/')))
        path.remove(0, 1);
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    if (path.endsWith(QLatin1String(".git")))
        path.chop(4);
    const QStringList parts = path.split(QLatin1Char('/'));
    if (parts.size() != 2 || parts[0].isEmpty() || parts[1].isEmpty())
        return std::nullopt;
    return RepoRef{parts[0], parts[1]};
}

QString normaliseHost(const QString &host)
{
    const QString lower = host.toLower();
    if (lower == QLatin1String("ssh.github.com") || lower == QLatin1String("www.github.com"))
        return QStringLiteral("github.com");
    return lower;
}

} // namespace

std::optional<RemoteLocation> parseRemoteUrl(const QString &remoteUrl)
{
    const QString text = remoteUrl.trimmed();
    if (text.isEmpty())
        return std::nullopt;

    if (!text.contains(QLatin1String("://"))) {
        // scp-like: [user@]host:owner/repo(.git)
        static const QRegularExpression scp(QStringLiteral("^(?:[^@/]+@)?([^:/]+):(.+)$"));
        const QRegularExpressionMatch m = scp.match(text);
        if (!m.hasMatch())
            return std::nullopt;
        const auto repo = repoFromPath(m.captured(2));
        if (!repo)
            return std::nullopt;
        return RemoteLocation{normaliseHost(m.captured(1)), QStringLiteral("https"), *repo};
    }

    const QUrl url(text);
    if (!url.isValid() || url.host().isEmpty())
        return std::nullopt;
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http") &&
        scheme != QLatin1String("ssh") && scheme != QLatin1String("git") &&
        scheme != QLatin1String("git+ssh"))
        return std::nullopt;
    const auto repo = repoFromPath(url.path());
    if (!repo)
        return std::nullopt;
    return RemoteLocation{
        normaliseHost(url.host()),
        scheme == QLatin1String("http") ? QStringLiteral("http") : QStringLiteral("https"), *repo};
}

QUrl apiBaseForHost(const QString &host, const QString &scheme)
{
    if (host.isEmpty() || host == QLatin1String("github.com"))
        return QUrl(QStringLiteral("https://api.github.com"));
    QUrl url;
    url.setScheme(scheme);
    url.setHost(host);
    url.setPath(QStringLiteral("/api/v3"));
    return url;
}

QUrl webBaseForApiBase(const QUrl &apiBase)
{
    if (apiBase.host() == QLatin1String("api.github.com"))
        return QUrl(QStringLiteral("https://github.com"));
    QUrl web = apiBase;
    QString path = web.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    if (path.endsWith(QLatin1String("/api/v3")))
        path.chop(7);
    web.setPath(path);
    return web;
}

std::optional<RepoRef> repoForRemote(const QString &remoteUrl)
{
    if (const auto location = parseRemoteUrl(remoteUrl))
        return location->repo;
    QString path = remoteUrl;
    if (path.startsWith(QLatin1String("file://")))
        path = QUrl(path).toLocalFile();
    if (!QDir::isAbsolutePath(path))
        return std::nullopt;
    const QStringList parts = QDir::cleanPath(path).split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (parts.size() < 2)
        return std::nullopt;
    QString name = parts.last();
    if (name.endsWith(QLatin1String(".git")))
        name.chop(4);
    RepoRef repo{parts[parts.size() - 2], name};
    if (!repo.isValid())
        return std::nullopt;
    return repo;
}

QUrl resolveApiBase(const QString &remoteUrl)
{
    const QString overridden = qEnvironmentVariable("KANRI_GITHUB_API_URL").trimmed();
    if (!overridden.isEmpty()) {
        QUrl url(overridden);
        QString path = url.path();
        while (path.endsWith(QLatin1Char('/')))
            path.chop(1);
        url.setPath(path);
        return url;
    }
    if (const auto remote = parseRemoteUrl(remoteUrl))
        return apiBaseForHost(remote->host, remote->scheme);
    return apiBaseForHost({});
}

QString tokenHostForApiBase(const QUrl &apiBase)
{
    if (apiBase.host() == QLatin1String("api.github.com"))
        return QStringLiteral("github.com");
    const QString host = credentials::hostOfUrl(apiBase);
    return host.isEmpty() ? apiBase.host() : host;
}

} // namespace kanri::github
