#include "git/gittokensource.h"
#include "git/giterrors.h"

#include <QEventLoop>
#include <QUrl>

#include <qt6keychain/keychain.h>

namespace kanri::git {

namespace {

const QString keychainService = QStringLiteral("kanri");

QString hostKey(const QString &url)
{
    const QUrl parsed(url);
    return parsed.host().isEmpty() ? url : parsed.host();
}

} // namespace

TokenSource::~TokenSource() = default;

std::optional<QString> EnvironmentTokenSource::token(const QString &)
{
    for (const char *name : {"KANRI_GITHUB_TOKEN", "GITHUB_TOKEN"}) {
        const QString value = qEnvironmentVariable(name);
        if (!value.isEmpty())
            return value;
    }
    return std::nullopt;
}

std::optional<QString> KeychainTokenSource::token(const QString &url)
{
    QKeychain::ReadPasswordJob job(keychainService);
    job.setAutoDelete(false);
    job.setKey(hostKey(url));
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();
    if (job.error() != QKeychain::NoError)
        return std::nullopt; // no keychain, or nothing stored for this host
    const QString value = job.textData();
    if (value.isEmpty())
        return std::nullopt;
    return value;
}

Result<void> KeychainTokenSource::store(const QString &host, const QString &token)
{
    QKeychain::WritePasswordJob job(keychainService);
    job.setAutoDelete(false);
    job.setKey(host);
    job.setTextData(token);
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();
    if (job.error() != QKeychain::NoError)
        return fail(Error::Code::Io,
                    tr("cannot store the token in the keychain: %1").arg(job.errorString()));
    return {};
}

Result<void> KeychainTokenSource::remove(const QString &host)
{
    QKeychain::DeletePasswordJob job(keychainService);
    job.setAutoDelete(false);
    job.setKey(host);
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();
    if (job.error() != QKeychain::NoError && job.error() != QKeychain::EntryNotFound)
        return fail(Error::Code::Io,
                    tr("cannot remove the token from the keychain: %1").arg(job.errorString()));
    return {};
}

std::optional<QString> ChainTokenSource::token(const QString &url)
{
    for (const auto &source : m_sources) {
        if (auto value = source->token(url))
            return value;
    }
    return std::nullopt;
}

std::shared_ptr<TokenSource> defaultTokenSource()
{
    return std::make_shared<ChainTokenSource>(std::vector<std::shared_ptr<TokenSource>>{
        std::make_shared<EnvironmentTokenSource>(), std::make_shared<KeychainTokenSource>()});
}

} // namespace kanri::git
