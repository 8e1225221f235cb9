#include "github/githubtokenprovider.h"

#include <QCoreApplication>
#include <QMetaObject>

#include <qt6keychain/keychain.h>

namespace kanri::github {

namespace {

// Answers on the context's event loop, never re-entrantly from inside fetchToken().
void answerLater(QObject *context, TokenProvider::TokenCallback done, std::optional<QString> token)
{
    if (!context)
        return;
    QMetaObject::invokeMethod(
        context, [done = std::move(done), token = std::move(token)] { done(token); },
        Qt::QueuedConnection);
}

} // namespace

std::optional<QString> EnvTokenProvider::tokenFromEnvironment()
{
    for (const char *name : {"KANRI_GITHUB_TOKEN", "GITHUB_TOKEN"}) {
        const QString value = qEnvironmentVariable(name).trimmed();
        if (!value.isEmpty())
            return value;
    }
    return std::nullopt;
}

void EnvTokenProvider::fetchToken(const QString &, QObject *context, TokenCallback done)
{
    answerLater(context, std::move(done), tokenFromEnvironment());
}

void StaticTokenProvider::fetchToken(const QString &, QObject *context, TokenCallback done)
{
    answerLater(context, std::move(done),
                m_token.isEmpty() ? std::nullopt : std::optional<QString>(m_token));
}

QString KeychainTokenProvider::keyForHost(const QString &host)
{
    return QStringLiteral("github:") + (host.isEmpty() ? QStringLiteral("github.com") : host);
}

void KeychainTokenProvider::fetchToken(const QString &host, QObject *context, TokenCallback done)
{
    auto *job = new QKeychain::ReadPasswordJob(QLatin1String(service));
    job->setAutoDelete(true);
    job->setKey(keyForHost(host));
    QObject::connect(job, &QKeychain::Job::finished, context,
                     [done = std::move(done)](QKeychain::Job *finished) {
                         auto *read = static_cast<QKeychain::ReadPasswordJob *>(finished);
                         if (read->error() != QKeychain::NoError || read->textData().isEmpty())
                             done(std::nullopt);
                         else
                             done(read->textData());
                     });
    job->start();
}

void KeychainTokenProvider::storeToken(const QString &host, const QString &token, QObject *context,
                                       std::function<void(Result<void>)> done)
{
    auto *job = new QKeychain::WritePasswordJob(QLatin1String(service));
    job->setAutoDelete(true);
    job->setKey(keyForHost(host));
    job->setTextData(token);
    QObject::connect(
        job, &QKeychain::Job::finished, context,
        [done = std::move(done)](QKeychain::Job *finished) -> void {
            if (finished->error() != QKeychain::NoError) {
                done(fail(Error::Code::Io, QCoreApplication::translate(
                                               "kanri::github::KeychainTokenProvider",
                                               "could not save the token in the keychain: %1")
                                               .arg(finished->errorString())));
                return;
            }
            done({});
        });
    job->start();
}

void KeychainTokenProvider::removeToken(const QString &host, QObject *context,
                                        std::function<void(Result<void>)> done)
{
    auto *job = new QKeychain::DeletePasswordJob(QLatin1String(service));
    job->setAutoDelete(true);
    job->setKey(keyForHost(host));
    QObject::connect(job, &QKeychain::Job::finished, context,
                     [done = std::move(done)](QKeychain::Job *finished) -> void {
                         if (finished->error() != QKeychain::NoError &&
                             finished->error() != QKeychain::EntryNotFound) {
                             done(fail(Error::Code::Io, finished->errorString()));
                             return;
                         }
                         done({});
                     });
    job->start();
}

void ChainTokenProvider::fetchToken(const QString &host, QObject *context, TokenCallback done)
{
    tryFrom(0, host, context, std::move(done));
}

void ChainTokenProvider::tryFrom(std::size_t index, const QString &host, QPointer<QObject> context,
                                 TokenCallback done)
{
    if (!context)
        return;
    if (index >= m_providers.size()) {
        answerLater(context, std::move(done), std::nullopt);
        return;
    }
    m_providers[index]->fetchToken(
        host, context, [this, index, host, context, done](std::optional<QString> token) {
            if (token)
                done(std::move(token));
            else
                tryFrom(index + 1, host, context, done);
        });
}

std::unique_ptr<TokenProvider> defaultTokenProvider()
{
    std::vector<std::unique_ptr<TokenProvider>> providers;
    providers.push_back(std::make_unique<EnvTokenProvider>());
    providers.push_back(std::make_unique<KeychainTokenProvider>());
    return std::make_unique<ChainTokenProvider>(std::move(providers));
}

} // namespace kanri::github
