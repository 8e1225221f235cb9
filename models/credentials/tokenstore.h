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

// Whether `host` (a URL's host: a name, or an address without brackets) is this machine:
// "localhost", 127.0.0.0/8 or ::1 (also written as ::ffff:127.x.y.z).
bool isLoopbackHost(const QString &host);

// How a token would travel to a URL.
enum class TokenTransport {
    Https,       // encrypted
    Loopback,    // plain http to this machine: it never crosses a network
    AllowedHttp, // plain http to a host the user allowed: sent, with a warning
    RefusedHttp, // plain http to any other host: never sent
    Other,       // neither http nor https (SSH uses keys): no token
};

// The rule every token obeys, whoever holds it: https, or plain http to a loopback host or to
// one of `allowedHttpHosts`. An entry is "HOST" (every port of HOST), "HOST:PORT" or
// "[IPV6]:PORT" (that port only), compared without regard to case; an entry written as a URL
// ("http://HOST:PORT/") counts as its host and port.
TokenTransport tokenTransport(const QUrl &url, const QStringList &allowedHttpHosts);

// The hosts that a GitHub API base stands for, as hostOfUrl() writes them: the API's own host,
// and for an "api." host the host without it, where git is served (api.github.com → github.com,
// api.SUB.ghe.com → SUB.ghe.com). GitHub Enterprise Server serves both at HOST (/api/v3).
QStringList gitHubHostsOfApiBase(const QUrl &apiBase);

// "a.example, b.example:8080" or one host per line: the entries, trimmed, empties dropped.
QStringList splitHostList(const QString &text);

// The one place Kanri's HTTPS tokens come from, for git (clone, fetch, push) and for GitHub's
// REST API alike. A token for a URL's host is, in this order:
//   1. one given in this session (typed at the sign-in prompt, returned by the device flow);
//   2. the environment: KANRI_GITHUB_TOKEN, then GITHUB_TOKEN (trimmed), read at each question;
//   3. the system keychain, service "kanri", key "token:HOST" (keychainKey()).
// A host with a port ("HOST:PORT") takes a token given or kept for itself first, then one for
// HOST alone: a token for a host name serves each of its ports. Tokens stored by earlier
// versions under "HOST" (git) or "github:HOST" (GitHub) are moved to "token:HOST" the first
// time nothing else is kept for the host, and the old entries deleted. A keychain that is
// absent or locked answers "no token", never an error. GitHub's API at api.github.com uses
// github.com's token (its key is github.com).
//
// Where tokens go:
//   - A session or keychain token is bound to the host it was given or kept for. The
//     environment's token is bound to none, so it goes only to the GitHub hosts
//     (gitHubHosts()): github.com, api.github.com, and the configured GitHub (the API base in
//     KANRI_GITHUB_API_URL, else the one given to setConfiguredApiBase(), i.e. the setting
//     github/apiUrl) with its git host. A loopback server is not one of them unless it is the
//     configured one: any local user may listen on a loopback port.
//   - No token goes over plain http unless the host is loopback or allowed
//     (allowedHttpHosts(): setAllowedHttpHosts(), i.e. the setting network/allowHttpTokenHosts,
//     plus KANRI_ALLOW_HTTP_TOKEN_HOSTS). A token given for an allowed host over plain http is
//     reported through the warning (setWarning()), once per host for the store's life.
// A fixed() store (tests, tools that name their server themselves) gives its token to every
// host, but it too only over https or to a loopback or allowed host.
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

    // The store's answer for a URL: the token to send, or none; when a token was held back,
    // why, in words for the caller's error message (never containing a token).
    struct Answer
    {
        enum class Withheld {
            No,
            NotForHost, // only the environment's token is known, and this is no GitHub host
            PlainHttp,  // plain http to a host that is neither loopback nor allowed
        };
        std::optional<QString> token;
        Withheld withheld = Withheld::No;
        QString reason;
    };
    using AnswerCallback = std::function<void(Answer)>;
    // Asks the user for a token for `url`'s host after `error` (a server refused the
    // credentials). Runs `retry` once one was given (setSessionToken()), `giveUp` when the user
    // cancelled. Returns false when nobody can be asked: then neither runs.
    using Prompt = std::function<bool(const QString &url, const Error &error,
                                      std::function<void()> retry, std::function<void()> giveUp)>;
    // Told that a token goes to `host` over plain http (an allowed host). Called on the thread
    // that asked for the token: it must be thread-safe. `message` names the host, never the
    // token.
    using Warning = std::function<void(const QString &host, const QString &message)>;

    // Session tokens, the environment, then the system keychain.
    TokenStore();
    // Session tokens, then the environment when `environment` is Read, then `keychain` when
    // it is not null. With Ignore nothing is read from the environment: neither the tokens
    // nor KANRI_GITHUB_API_URL nor KANRI_ALLOW_HTTP_TOKEN_HOSTS.
    TokenStore(Environment environment, std::shared_ptr<Keychain> keychain);
    // Session tokens, then `token` for every host; neither the environment nor a keychain.
    static std::shared_ptr<TokenStore> fixed(QString token);
    // Keychain writes and removals still running finish on their own.
    ~TokenStore();

    TokenStore(const TokenStore &) = delete;
    TokenStore &operator=(const TokenStore &) = delete;

    // The token to send to `url`. Blocks while the keychain is read: never call it on the GUI
    // thread.
    Answer token(const QUrl &url) const;
    // The same answer, given to `done` on `context`'s thread from its event loop (never from
    // inside this call), and dropped when `context` is destroyed first.
    void fetchToken(const QUrl &url, QObject *context, AnswerCallback done) const;
    // A token obtained elsewhere for `url`'s host (the device flow's) put through the
    // plain-http rule: the answer holds it, or says why it is held back. Warns as token() does.
    Answer offer(const QUrl &url, const QString &token) const;
    // How a token would travel to `url`: tokenTransport() over allowedHttpHosts().
    TokenTransport transport(const QUrl &url) const;

    // The API base of the configured GitHub (the setting github/apiUrl; empty: none).
    // KANRI_GITHUB_API_URL, read at each question, wins over it.
    void setConfiguredApiBase(const QUrl &apiBase);
    // The hosts the user allowed tokens to go to over plain http (the setting
    // network/allowHttpTokenHosts), written as tokenTransport() reads them.
    void setAllowedHttpHosts(const QStringList &hosts);
    // Where the environment's token may go: github.com, api.github.com and the configured
    // GitHub's hosts (gitHubHostsOfApiBase()).
    QStringList gitHubHosts() const;
    // setAllowedHttpHosts()'s hosts, then those in KANRI_ALLOW_HTTP_TOKEN_HOSTS.
    QStringList allowedHttpHosts() const;
    // Who is told that a token goes over plain http. Without one the warning goes to qWarning()
    // (stderr), once per host for the whole process.
    void setWarning(Warning warning);
    // The reason given when no token is sent to `host` over plain http.
    static QString plainHttpRefusal(const QString &host);

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
