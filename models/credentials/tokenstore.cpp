#include "credentials/tokenstore.h"

#include "credentials/keychain.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QHash>
#include <QList>
#include <QMetaObject>
#include <QMutex>
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

} // namespace

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

    // One keychain conversation at a time: a migration reads, writes and removes.
    QMutex keychainMutex;

    // What is known without the keychain.
    std::optional<QString> withoutKeychain(const QString &host) const
    {
        {
            QMutexLocker lock(&mutex);
            for (const QString &candidate : candidates(host)) {
                const auto it = session.constFind(candidate);
                if (it != session.constEnd())
                    return *it;
            }
        }
        if (fixed)
            return fixed;
        if (environment == Environment::Read)
            return environmentToken();
        return std::nullopt;
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

std::optional<QString> TokenStore::token(const QString &host) const
{
    if (auto token = d->withoutKeychain(host))
        return token;
    return d->fromKeychain(host);
}

void TokenStore::fetchToken(const QString &host, QObject *context, TokenCallback done) const
{
    if (!context)
        return;
    std::optional<QString> known = d->withoutKeychain(host);
    if (known || !d->keychain) {
        QMetaObject::invokeMethod(
            context, [done = std::move(done), known = std::move(known)] { done(known); },
            Qt::QueuedConnection);
        return;
    }
    // The keychain blocks: read it on a worker; the watcher goes with `context`, and with it
    // the answer.
    auto *watcher = new QFutureWatcher<std::optional<QString>>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, watcher,
                     [watcher, done = std::move(done)] {
                         done(watcher->result());
                         watcher->deleteLater();
                     });
    watcher->setFuture(
        QtConcurrent::run(keychainWork(), [state = d, host] { return state->fromKeychain(host); }));
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
