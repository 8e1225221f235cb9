#pragma once

#include "core/result.h"

#include <QFuture>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

namespace kanri::credentials {

class Keychain;

// The host a token is for, as the store keys it: an http(s) URL's host, with ":PORT" when the
// URL names a port other than the scheme's default (as git's credential helpers do), e.g.
// "github.com", "ghe.example.com:8443". Empty for other schemes (SSH uses keys).
QString hostOfUrl(const QUrl &url);

// The one place Kanri's HTTPS tokens come from, for git (clone, fetch, push) and for GitHub's
// REST API alike. A token for a host is, in this order:
//   1. one given in this session (typed at the sign-in prompt, returned by the device flow);
//   2. the environment: KANRI_GITHUB_TOKEN, then GITHUB_TOKEN (trimmed), read at each question;
//   3. the system keychain, service "kanri", key "token:HOST" (keychainKey()).
// A host with a port ("HOST:PORT") takes a token given or kept for itself first, then one for
// HOST alone: a token for a host name serves each of its ports. Tokens stored by earlier
// versions under "HOST" (git) or "github:HOST" (GitHub) are moved to "token:HOST" the first
// time nothing else is kept for the host, and the old entries deleted. A keychain that is
// absent or locked answers "no token", never an error.
//
// Thread-safe: token() blocks (it may read the keychain) and is meant for workers and the
// command line; fetchToken() answers on a QObject's thread without blocking it. The store
// never logs or reports a token; secrets() lists the ones given in this session so that text
// shown to people can be scrubbed of them.
class TokenStore
{
public:
    enum class Environment { Read, Ignore };
    enum class Remember { No, Yes };
    using TokenCallback = std::function<void(std::optional<QString>)>;
    // Asks the user for a token for `url`'s host after `error` (a server refused the
    // credentials). Runs `retry` once one was given (setSessionToken()), `giveUp` when the user
    // cancelled. Returns false when nobody can be asked: then neither runs.
    using Prompt = std::function<bool(const QString &url, const Error &error,
                                      std::function<void()> retry, std::function<void()> giveUp)>;

    // Session tokens, the environment, then the system keychain.
    TokenStore();
    // Session tokens, then the environment when `environment` is Read, then `keychain` when
    // it is not null.
    TokenStore(Environment environment, std::shared_ptr<Keychain> keychain);
    // Session tokens, then `token` for every host; neither the environment nor a keychain.
    static std::shared_ptr<TokenStore> fixed(QString token);
    // Keychain writes and removals still running finish on their own.
    ~TokenStore();

    TokenStore(const TokenStore &) = delete;
    TokenStore &operator=(const TokenStore &) = delete;

    // The token for `host` (hostOfUrl()), std::nullopt when none is known. Blocks while the
    // keychain is read: never call it on the GUI thread.
    std::optional<QString> token(const QString &host) const;
    // The same answer, given to `done` on `context`'s thread from its event loop (never from
    // inside this call), and dropped when `context` is destroyed first.
    void fetchToken(const QString &host, QObject *context, TokenCallback done) const;

    // A token for `host` for the rest of this session, answered before any other. With
    // Remember::Yes it is written to the keychain once tokenWorked() says it was accepted.
    void setSessionToken(const QString &host, const QString &token,
                         Remember remember = Remember::No);
    // The server accepted what token() gave for `host`: a session token waiting to be
    // remembered is written to the keychain now (once). The future ends with the keychain's
    // answer (success when there was nothing to write); its continuation decides where it runs.
    QFuture<Result<void>> tokenWorked(const QString &host);
    // The server refused the session token for `host` (or for its host name): it is never
    // offered again.
    void tokenRefused(const QString &host);
    // Signing out of `host`: its session token is dropped and its keychain entries (the
    // current key and the old ones) are removed.
    QFuture<Result<void>> forget(const QString &host);
    // Every token given in this session (also those refused or forgotten since).
    QStringList secrets() const;

    // Who is asked for a token after a refusal (the GUI's sign-in prompt); none by default.
    void setPrompt(Prompt prompt);
    // A prompt is installed (it may still answer false when asked).
    bool hasPrompt() const;
    // Forgets the refused session token of `url`'s host, then asks through the prompt.
    bool askForToken(const QString &url, const Error &error, std::function<void()> retry,
                     std::function<void()> giveUp);

    // KANRI_GITHUB_TOKEN, then GITHUB_TOKEN, trimmed; std::nullopt when neither is set.
    static std::optional<QString> environmentToken();
    // The keychain key of `host`'s token: "token:HOST".
    static QString keychainKey(const QString &host);

private:
    struct State;
    std::shared_ptr<State> d; // shared with the workers that read and write the keychain
};

} // namespace kanri::credentials
