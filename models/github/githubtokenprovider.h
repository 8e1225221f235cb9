#pragma once

#include "core/result.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace kanri::github {

// Where the client gets its token. Reading may be asynchronous (the keychain answers through
// D-Bus), so the answer comes through a callback, run on `context`'s thread and dropped when
// `context` is destroyed first. std::nullopt means "no token known": requests go unauthenticated.
class TokenProvider
{
public:
    using TokenCallback = std::function<void(std::optional<QString>)>;

    virtual ~TokenProvider() = default;
    virtual void fetchToken(const QString &host, QObject *context, TokenCallback done) = 0;
};

// KANRI_GITHUB_TOKEN, then GITHUB_TOKEN.
class EnvTokenProvider : public TokenProvider
{
public:
    void fetchToken(const QString &host, QObject *context, TokenCallback done) override;
    static std::optional<QString> tokenFromEnvironment();
};

// A fixed token: one the user just typed, or one the device flow returned.
class StaticTokenProvider : public TokenProvider
{
public:
    explicit StaticTokenProvider(QString token)
        : m_token(std::move(token))
    {}
    void fetchToken(const QString &host, QObject *context, TokenCallback done) override;

private:
    QString m_token;
};

// The desktop keychain (QtKeychain), service "kanri", one entry per host ("github:HOST").
// A keychain that is absent or locked answers std::nullopt, never an error.
class KeychainTokenProvider : public TokenProvider
{
public:
    static constexpr const char *service = "kanri";

    void fetchToken(const QString &host, QObject *context, TokenCallback done) override;

    // Saves a token that has just been accepted by GitHub (never one that failed).
    static void storeToken(const QString &host, const QString &token, QObject *context,
                           std::function<void(Result<void>)> done);
    static void removeToken(const QString &host, QObject *context,
                            std::function<void(Result<void>)> done);
    static QString keyForHost(const QString &host);
};

// Asks each provider in turn and answers with the first token found.
class ChainTokenProvider : public TokenProvider
{
public:
    explicit ChainTokenProvider(std::vector<std::unique_ptr<TokenProvider>> providers)
        : m_providers(std::move(providers))
    {}
    void fetchToken(const QString &host, QObject *context, TokenCallback done) override;

private:
    void tryFrom(std::size_t index, const QString &host, QPointer<QObject> context,
                 TokenCallback done);
    std::vector<std::unique_ptr<TokenProvider>> m_providers;
};

// The environment, then the keychain.
std::unique_ptr<TokenProvider> defaultTokenProvider();

} // namespace kanri::github
