#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace kanri::git {

// Where HTTPS tokens come from. token() may be called on any thread; an implementation must
// not keep or log what it returns. The username sent with the token is the URL's user, or
// "x-access-token" (what GitHub expects for a token).
class TokenSource
{
public:
    virtual ~TokenSource();
    virtual std::optional<QString> token(const QString &url) = 0;
};

// A fixed token, e.g. one the user just typed into a dialog (or a test's).
class StaticTokenSource : public TokenSource
{
public:
    explicit StaticTokenSource(QString token)
        : m_token(std::move(token))
    {}
    std::optional<QString> token(const QString &) override { return m_token; }

private:
    QString m_token;
};

// KANRI_GITHUB_TOKEN, then GITHUB_TOKEN.
class EnvironmentTokenSource : public TokenSource
{
public:
    std::optional<QString> token(const QString &url) override;
};

// The system keychain through QtKeychain: service "kanri", key = the URL's host. Reading runs
// a local event loop, so call it from a worker thread (or the command line), never from a
// slot that must not re-enter.
class KeychainTokenSource : public TokenSource
{
    Q_DECLARE_TR_FUNCTIONS(kanri::git::KeychainTokenSource)

public:
    std::optional<QString> token(const QString &url) override;

    // Store only after the token has been used successfully.
    static Result<void> store(const QString &host, const QString &token);
    static Result<void> remove(const QString &host);
};

// The first source that has a token wins.
class ChainTokenSource : public TokenSource
{
public:
    explicit ChainTokenSource(std::vector<std::shared_ptr<TokenSource>> sources)
        : m_sources(std::move(sources))
    {}
    std::optional<QString> token(const QString &url) override;

private:
    std::vector<std::shared_ptr<TokenSource>> m_sources;
};

// The environment first (an explicit per-process choice, like gh's GH_TOKEN), then the
// keychain.
std::shared_ptr<TokenSource> defaultTokenSource();

} // namespace kanri::git
