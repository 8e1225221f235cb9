#include "credentials/tokenstore.h"

#include "credentials/keychain.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QMetaObject>
#include <QMutex>
#include <QRegularExpression>
#include <QSet>
#include <QThreadPool>
#include <QtConcurrentRun>

namespace kanri::credentials {

namespace {

// The host without its port: what the keys of earlier versions were made of.
QString bareHost(const QString &host)
{
    const QUrl parsed(QStringLiteral("//") + host);
    return parsed.host().isEmpty() ? host : parsed.host();
}

// Where a token for `host` may be found: the host as given, then, when it names a port, the
// host alone (a token given for a host name serves each of its ports).
QStringList candidates(const QString &host)
{
    const QString bare = bareHost(host);
    return bare == host ? QStringList{host} : QStringList{host, bare};
}

// Where the store's keychain work runs: its own threads, so that code waiting for the global
// thread pool never waits for a keychain. Never destroyed (nobody waits for it at exit).
QThreadPool *keychainWork()
{
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool;
        p->setMaxThreadCount(2);
        return p;
    }();
    return pool;
}

// The key a URL's token is kept under: its host, except that GitHub's API shares github.com's.
QString keyOfUrl(const QUrl &url)
{
    const QString host = hostOfUrl(url);
    return host == QLatin1String("api.github.com") ? QStringLiteral("github.com") : host;
}

// "HOST", "HOST:PORT", "[V6]:PORT" or a URL naming them: the host and the port (-1: any).
std::optional<std::pair<QString, int>> parseHostEntry(const QString &entry)
{
    const QUrl parsed =
        entry.contains(QLatin1String("://")) ? QUrl(entry) : QUrl(QStringLiteral("//") + entry);
    if (!parsed.isValid() || parsed.host().isEmpty())
        return std::nullopt;
    return std::pair{parsed.host(), parsed.port()};
}

// The hosts that stores without a warning of their own have warned about, in this process.
struct ProcessWarnings
{
    QMutex mutex;
    QSet<QString> hosts;
};

ProcessWarnings &processWarnings()
{
    static ProcessWarnings warnings;
    return warnings;
}

} // namespace

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    QHostAddress address;
    return address.setAddress(host) && address.isLoopback();
}

TokenTransport tokenTransport(const QUrl &url, const QStringList &allowedHttpHosts)
{
    const QString scheme = url.scheme().toLower();
    if (url.host().isEmpty())
        return TokenTransport::Other;
    if (scheme == QLatin1String("https"))
        return TokenTransport::Https;
    if (scheme != QLatin1String("http"))
        return TokenTransport::Other;
    if (isLoopbackHost(url.host()))
        return TokenTransport::Loopback;
    const int port = url.port(80);
    for (const QString &entry : allowedHttpHosts) {
        const auto allowed = parseHostEntry(entry.trimmed());
        if (allowed && allowed->first.compare(url.host(), Qt::CaseInsensitive) == 0 &&
            (allowed->second == -1 || allowed->second == port))
            return TokenTransport::AllowedHttp;
    }
    return TokenTransport::RefusedHttp;
}

QStringList gitHubHostsOfApiBase(const QUrl &apiBase)
{
    const QString host = hostOfUrl(apiBase);
    if (host.isEmpty())
        return {};
    QStringList hosts{host};
    if (host.startsWith(QLatin1String("api.")) && host.size() > 4)
        hosts << host.mid(4);
    return hosts;
}

QStringList splitHostList(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    return text.split(separators, Qt::SkipEmptyParts);
}

QString hostOfUrl(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    int defaultPort = 0;
    if (scheme == QLatin1String("https"))
        defaultPort = 443;
    else if (scheme == QLatin1String("http"))
        defaultPort = 80;
    else
        return {};
    const QString host = url.host();
    if (host.isEmpty() || url.port() == -1 || url.port() == defaultPort)
        return host;
    const QString shown = host.contains(QLatin1Char(':')) ? u'[' + host + u']' : host;
    return shown + u':' + QString::number(url.port());
}

struct TokenStore::State
{
    Environment environment = Environment::Read;
    std::optional<QString> fixed;
    std::shared_ptr<Keychain> keychain;

    mutable QMutex mutex;             // guards everything below
    QHash<QString, QString> session;  // host → token given in this session
    QHash<QString, QString> remember; // host → session token to keep once it has worked
    QStringList secrets;
    Prompt prompt;
    QUrl configuredApiBase;
    QStringList allowedHttpHosts;
    Warning warning;
    mutable QSet<QString> warned; // hosts whose plain-http warning was given

    // One keychain conversation at a time: a migration reads, writes and removes.
    QMutex keychainMutex;

    // A token known for a host, and whether the environment's was held back from it.
    struct Known
    {
        std::optional<QString> token;
        bool environmentNotForHost = false; // the environment has a token, not for this host
    };

    // What is known without the keychain.
    Known withoutKeychain(const QString &host) const
    {
        {
            QMutexLocker lock(&mutex);
            for (const QString &candidate : candidates(host)) {
                const auto it = session.constFind(candidate);
                if (it != session.constEnd())
                    return {*it};
            }
        }
        if (fixed)
            return {fixed};
        if (environment == Environment::Read) {
            if (std::optional<QString> token = environmentToken()) {
                if (gitHubHosts().contains(host, Qt::CaseInsensitive))
                    return {std::move(token)};
                return {std::nullopt, true};
            }
        }
        return {};
    }

    QStringList gitHubHosts() const
    {
        QStringList hosts{QStringLiteral("github.com"), QStringLiteral("api.github.com")};
        QUrl configured;
        if (environment == Environment::Read) {
            const QString overridden = qEnvironmentVariable("KANRI_GITHUB_API_URL").trimmed();
            if (!overridden.isEmpty())
                configured = QUrl(overridden);
        }
        if (configured.isEmpty()) {
            QMutexLocker lock(&mutex);
            configured = configuredApiBase;
        }
        for (const QString &host : gitHubHostsOfApiBase(configured)) {
            if (!hosts.contains(host, Qt::CaseInsensitive))
                hosts << host;
        }
        return hosts;
    }

    QStringList allowedHttp() const
    {
        QStringList hosts;
        {
            QMutexLocker lock(&mutex);
            hosts = allowedHttpHosts;
        }
        if (environment == Environment::Read)
            hosts << splitHostList(qEnvironmentVariable("KANRI_ALLOW_HTTP_TOKEN_HOSTS"));
        return hosts;
    }

    // The answer once the token (or its absence) is known: the plain-http rule, the warning.
    Answer answer(const QUrl &url, TokenTransport transport, Known known) const
    {
        const QString host = hostOfUrl(url);
        std::optional<QString> &token = known.token;
        if (!token || token->isEmpty()) {
            if (!known.environmentNotForHost)
                return {};
            return {std::nullopt, Answer::Withheld::NotForHost,
                    QCoreApplication::translate(
                        "kanri::credentials",
                        "the token in KANRI_GITHUB_TOKEN or GITHUB_TOKEN is only sent to "
                        "github.com and the configured GitHub host (KANRI_GITHUB_API_URL or the "
                        "setting github/apiUrl), not to %1; give a token for %1")
                        .arg(host)};
        }
        switch (transport) {
        case TokenTransport::Https:
        case TokenTransport::Loopback:
            break;
        case TokenTransport::AllowedHttp:
            warn(host);
            break;
        case TokenTransport::RefusedHttp:
            return {std::nullopt, Answer::Withheld::PlainHttp, plainHttpRefusal(host)};
        case TokenTransport::Other:
            return {};
        }
        return {std::move(token), Answer::Withheld::No, {}};
    }

    void warn(const QString &host) const
    {
        const QString message =
            QCoreApplication::translate(
                "kanri::credentials",
                "sending the token for %1 over plain http (allowed by the setting "
                "network/allowHttpTokenHosts or KANRI_ALLOW_HTTP_TOKEN_HOSTS): anyone on the "
                "network between here and %1 can read it")
                .arg(host);
        Warning handler;
        {
            QMutexLocker lock(&mutex);
            if (warning) {
                if (warned.contains(host))
                    return;
                warned.insert(host);
                handler = warning;
            }
        }
        if (handler) {
            handler(host, message);
            return;
        }
        ProcessWarnings &process = processWarnings();
        QMutexLocker lock(&process.mutex);
        if (process.hosts.contains(host))
            return;
        process.hosts.insert(host);
        qWarning("warning: %s", qUtf8Printable(message));
    }

    std::optional<QString> fromKeychain(const QString &host)
    {
        if (!keychain || host.isEmpty())
            return std::nullopt;
        QMutexLocker lock(&keychainMutex);
        for (const QString &candidate : candidates(host)) {
            if (auto token = keychain->read(keychainKey(candidate)))
                return token;
        }
        // Earlier versions: git kept "HOST", GitHub "github:HOST", both for every port of the
        // host; so does the key they move to.
        const QString bare = bareHost(host);
        const QString key = keychainKey(bare);
        const QStringList oldKeys{QStringLiteral("github:") + bare, bare};
        for (const QString &oldKey : oldKeys) {
            std::optional<QString> token = keychain->read(oldKey);
            if (!token)
                continue;
            if (keychain->write(key, *token)) {
                for (const QString &stale : oldKeys)
                    (void)keychain->remove(stale);
            }
            return token;
        }
        return std::nullopt;
    }

    Result<void> removeFromKeychain(const QString &host)
    {
        if (!keychain)
            return {};
        QMutexLocker lock(&keychainMutex);
        const QString bare = bareHost(host);
        Result<void> removed = keychain->remove(keychainKey(host));
        for (const QString &oldKey : {QStringLiteral("github:") + bare, bare}) {
            Result<void> old = keychain->remove(oldKey);
            if (removed && !old)
                removed = std::move(old);
        }
        return removed;
    }

    // Runs keychain work off the calling thread. Nobody waits for it: a QtKeychain job may
    // need the GUI thread's event loop to finish, so waiting on the GUI thread could hang.
    static QFuture<Result<void>> inBackground(std::function<Result<void>()> work)
    {
        return QtConcurrent::run(keychainWork(), std::move(work));
    }
};

TokenStore::TokenStore()
    : TokenStore(Environment::Read, systemKeychain())
{}

TokenStore::TokenStore(Environment environment, std::shared_ptr<Keychain> keychain)
    : d(std::make_shared<State>())
{
    d->environment = environment;
    d->keychain = std::move(keychain);
}

std::shared_ptr<TokenStore> TokenStore::fixed(QString token)
{
    auto store = std::make_shared<TokenStore>(Environment::Ignore, nullptr);
    store->d->fixed = std::move(token);
    return store;
}

TokenStore::~TokenStore() = default;

TokenStore::Answer TokenStore::token(const QUrl &url) const
{
    const TokenTransport how = transport(url);
    if (how == TokenTransport::Other)
        return {};
    const QString key = keyOfUrl(url);
    State::Known known = d->withoutKeychain(key);
    if (!known.token)
        known.token = d->fromKeychain(key);
    return d->answer(url, how, std::move(known));
}

void TokenStore::fetchToken(const QUrl &url, QObject *context, AnswerCallback done) const
{
    if (!context)
        return;
    const TokenTransport how = transport(url);
    const QString key = keyOfUrl(url);
    State::Known known;
    if (how != TokenTransport::Other)
        known = d->withoutKeychain(key);
    if (known.token || !d->keychain || how == TokenTransport::Other) {
        Answer answer = how == TokenTransport::Other ? Answer{} : d->answer(url, how, known);
        QMetaObject::invokeMethod(
            context, [done = std::move(done), answer = std::move(answer)] { done(answer); },
            Qt::QueuedConnection);
        return;
    }
    // The keychain blocks: read it on a worker; the watcher goes with `context`, and with it
    // the answer.
    auto *watcher = new QFutureWatcher<Answer>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, watcher,
                     [watcher, done = std::move(done)] {
                         done(watcher->result());
                         watcher->deleteLater();
                     });
    watcher->setFuture(QtConcurrent::run(keychainWork(), [state = d, url, how, key, known] {
        State::Known found = known;
        found.token = state->fromKeychain(key);
        return state->answer(url, how, std::move(found));
    }));
}

TokenStore::Answer TokenStore::offer(const QUrl &url, const QString &token) const
{
    const TokenTransport how = transport(url);
    if (how == TokenTransport::Other)
        return {};
    return d->answer(url, how, {token});
}

TokenTransport TokenStore::transport(const QUrl &url) const
{
    return tokenTransport(url, d->allowedHttp());
}

void TokenStore::setConfiguredApiBase(const QUrl &apiBase)
{
    QMutexLocker lock(&d->mutex);
    d->configuredApiBase = apiBase;
}

void TokenStore::setAllowedHttpHosts(const QStringList &hosts)
{
    QMutexLocker lock(&d->mutex);
    d->allowedHttpHosts = hosts;
}

QStringList TokenStore::gitHubHosts() const
{
    return d->gitHubHosts();
}

QStringList TokenStore::allowedHttpHosts() const
{
    return d->allowedHttp();
}

void TokenStore::setWarning(Warning warning)
{
    QMutexLocker lock(&d->mutex);
    d->warning = std::move(warning);
}

QString TokenStore::plainHttpRefusal(const QString &host)
{
    return QCoreApplication::translate(
               "kanri::credentials",
               "not sending the token for %1 over plain http; use https, or allow the host in "
               "the setting network/allowHttpTokenHosts (or KANRI_ALLOW_HTTP_TOKEN_HOSTS)")
        .arg(host);
}

void TokenStore::setSessionToken(const QString &host, const QString &token, Remember remember)
{
    QMutexLocker lock(&d->mutex);
    d->session.insert(host, token);
    if (!d->secrets.contains(token))
        d->secrets << token;
    if (remember == Remember::Yes)
        d->remember.insert(host, token);
    else
        d->remember.remove(host);
}

QFuture<Result<void>> TokenStore::tokenWorked(const QString &host)
{
    QString given, token;
    {
        QMutexLocker lock(&d->mutex);
        for (const QString &candidate : candidates(host)) {
            // The session token that answered for `host`: the first candidate that has one.
            const auto current = d->session.constFind(candidate);
            if (current == d->session.constEnd())
                continue;
            const auto it = d->remember.constFind(candidate);
            if (it == d->remember.constEnd() || *current != *it)
                break;
            given = candidate;
            token = *it;
            d->remember.erase(it);
            break;
        }
    }
    if (given.isEmpty())
        return QtFuture::makeReadyFuture(Result<void>{});
    if (!d->keychain)
        return QtFuture::makeReadyFuture(Result<void>(
            fail(Error::Code::Io,
                 QCoreApplication::translate("kanri::credentials", "no keychain is available"))));
    return d->inBackground([state = d, given, token]() -> Result<void> {
        QMutexLocker lock(&state->keychainMutex);
        return state->keychain->write(keychainKey(given), token);
    });
}

void TokenStore::tokenRefused(const QString &host)
{
    QMutexLocker lock(&d->mutex);
    for (const QString &candidate : candidates(host)) {
        d->session.remove(candidate);
        d->remember.remove(candidate);
    }
}

QFuture<Result<void>> TokenStore::forget(const QString &host)
{
    tokenRefused(host);
    return d->inBackground([state = d, host] { return state->removeFromKeychain(host); });
}

QStringList TokenStore::secrets() const
{
    QMutexLocker lock(&d->mutex);
    return d->secrets;
}

void TokenStore::setPrompt(Prompt prompt)
{
    QMutexLocker lock(&d->mutex);
    d->prompt = std::move(prompt);
}

bool TokenStore::hasPrompt() const
{
    QMutexLocker lock(&d->mutex);
    return bool(d->prompt);
}

bool TokenStore::askForToken(const QString &url, const Error &error, std::function<void()> retry,
                             std::function<void()> giveUp)
{
    tokenRefused(hostOfUrl(QUrl(url)));
    Prompt prompt;
    {
        QMutexLocker lock(&d->mutex);
        prompt = d->prompt;
    }
    return prompt && prompt(url, error, std::move(retry), std::move(giveUp));
}

std::optional<QString> TokenStore::environmentToken()
{
    for (const char *name : {"KANRI_GITHUB_TOKEN", "GITHUB_TOKEN"}) {
        const QString value = qEnvironmentVariable(name).trimmed();
        if (!value.isEmpty())
            return value;
    }
    return std::nullopt;
}

QString TokenStore::keychainKey(const QString &host)
{
    return QStringLiteral("token:") + host;
}

} // namespace kanri::credentials
