#pragma once

#include "github/githubtypes.h"

#include <QString>
#include <QUrl>

#include <optional>

namespace kanri::github {

// Where a repository lives, read from a git remote URL. Accepted forms:
//   git@HOST:owner/repo(.git)          scp-like ssh
//   ssh://[user@]HOST[:port]/owner/repo(.git)
//   https://[user[:pw]@]HOST[:port]/owner/repo(.git)   (also http://, git://)
// Anything after owner/repo (a trailing slash) is ignored; credentials in the URL are dropped.
struct RemoteLocation
{
    QString host;   // lower-case, without port; ssh.github.com is folded into github.com
    QString scheme; // https unless the remote itself is plain http
    RepoRef repo;
};

std::optional<RemoteLocation> parseRemoteUrl(const QString &remoteUrl);

// The REST base for a host: https://api.github.com for github.com, https://HOST/api/v3 for
// GitHub Enterprise Server.
QUrl apiBaseForHost(const QString &host, const QString &scheme = QStringLiteral("https"));

// The web host that serves /login/device/code for an API base: github.com for api.github.com,
// HOST for HOST/api/v3, and the API base itself otherwise (a test stand-in).
QUrl webBaseForApiBase(const QUrl &apiBase);

// The host whose token an API base uses (credentials::TokenStore's key): github.com for
// api.github.com, the API's own host otherwise (with its port when it names one, as
// credentials::hostOfUrl does), so that git and the API of one server share a token.
QString tokenHostForApiBase(const QUrl &apiBase);

// The GitHub repository a remote URL names: parseRemoteUrl's owner/repo, or, for a local
// remote (an absolute path or file:// URL: a mirror, a test's bare repository), its last two
// folders ("/srv/acme/manifests.git" → acme/manifests).
std::optional<RepoRef> repoForRemote(const QString &remoteUrl);

// KANRI_GITHUB_API_URL when set, else the base derived from the remote, else api.github.com.
QUrl resolveApiBase(const QString &remoteUrl = {});

} // namespace kanri::github
