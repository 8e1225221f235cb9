// The one token store: its order (session, environment, keychain), the migration of tokens kept
// under the keys of earlier versions, remembering a typed token only once it worked, signing out,
// and a keychain that is absent or locked. The keychain is an in-memory one: the test machine
// has no desktop keychain.

#include "credentials/keychain.h"
#include "credentials/tokenstore.h"

#include <QPointer>
#include <QTest>

using namespace kanri;
using namespace kanri::credentials;

namespace {

// Unsets KANRI_GITHUB_TOKEN and GITHUB_TOKEN for a test, and restores them after.
class CleanEnvironment
{
public:
    CleanEnvironment()
        : m_kanri(qgetenv("KANRI_GITHUB_TOKEN"))
        , m_github(qgetenv("GITHUB_TOKEN"))
    {
        qunsetenv("KANRI_GITHUB_TOKEN");
        qunsetenv("GITHUB_TOKEN");
    }
    ~CleanEnvironment()
    {
        restore("KANRI_GITHUB_TOKEN", m_kanri);
        restore("GITHUB_TOKEN", m_github);
    }

private:
    static void restore(const char *name, const QByteArray &value)
    {
        if (value.isNull())
            qunsetenv(name);
        else
            qputenv(name, value);
    }
    QByteArray m_kanri, m_github;
};

// What fetchToken() answered, waited for on the event loop.
std::optional<QString> fetched(const TokenStore &store, const QString &host)
{
    QObject context;
    std::optional<QString> got;
    bool answered = false;
    store.fetchToken(host, &context, [&](std::optional<QString> token) {
        got = std::move(token);
        answered = true;
    });
    if (!QTest::qWaitFor([&] { return answered; }, 10000))
        return QStringLiteral("(no answer)");
    return got;
}

Result<void> finished(QFuture<Result<void>> future)
{
    future.waitForFinished();
    return future.result();
}

} // namespace

class TestTokenStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hostOfUrl_data();
    void hostOfUrl();
    void environmentTokenPrefersKanriThenGithub();
    void environmentTokenOrder();
    void sessionTokenComesBeforeTheEnvironmentWhichComesBeforeTheKeychain();
    void aFixedTokenAnswersEveryHostBelowSessionTokens();
    void aTokenForAHostNameServesEachOfItsPorts();
    void oldKeychainEntriesMoveToTheNewKey_data();
    void oldKeychainEntriesMoveToTheNewKey();
    void theNewKeyWinsOverOldEntries();
    void aMigrationThatCannotWriteKeepsTheOldEntry();
    void aTypedTokenIsStoredOnlyOnceItWorkedAndOnlyWhenAsked();
    void aRefusedTokenIsNeverOfferedAgainNorStored();
    void signingOutRemovesTheTokenEverywhere();
    void anAbsentOrLockedKeychainMeansNoToken();
    void fetchTokenAnswersLaterAndNotAfterTheContextIsGone();
    void askingGoesThroughThePromptAfterDroppingTheRefusedToken();
    void secretsListEveryTokenGivenInTheSession();
};

void TestTokenStore::hostOfUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("host");
    QTest::newRow("an https URL gives its host") << "https://github.com/o/r.git"
                                                 << "github.com";
    QTest::newRow("the scheme's default port is left out") << "https://github.com:443/o/r.git"
                                                           << "github.com";
    QTest::newRow("another port is kept, as git's credential helpers do")
        << "http://127.0.0.1:8080/remotes/a.git"
        << "127.0.0.1:8080";
    QTest::newRow("user and password in the URL are not part of the host")
        << "https://x-access-token:secret@ghe.example.com/o/r"
        << "ghe.example.com";
    QTest::newRow("an IPv6 address with a port is bracketed") << "http://[::1]:9000/r"
                                                              << "[::1]:9000";
    QTest::newRow("SSH has no token host") << "ssh://git@github.com/o/r.git"
                                           << "";
    QTest::newRow("nor does a local path") << "/srv/git/r.git"
                                           << "";
}

void TestTokenStore::hostOfUrl()
{
    QFETCH(QString, url);
    QFETCH(QString, host);
    QCOMPARE(credentials::hostOfUrl(QUrl(url)), host);
}

// Moved from tst_githttp (git's environment token source).
void TestTokenStore::environmentTokenPrefersKanriThenGithub()
{
    CleanEnvironment clean;
    TokenStore env(TokenStore::Environment::Read, nullptr);
    qputenv("KANRI_GITHUB_TOKEN", "k");
    qputenv("GITHUB_TOKEN", "g");
    QCOMPARE(env.token("github.com"), std::optional<QString>("k"));
    qunsetenv("KANRI_GITHUB_TOKEN");
    QCOMPARE(env.token("github.com"), std::optional<QString>("g"));
    qunsetenv("GITHUB_TOKEN");
    QVERIFY(!env.token("github.com"));
}

// Moved from tst_githubclient (GitHub's environment and chained token providers).
void TestTokenStore::environmentTokenOrder()
{
    CleanEnvironment clean;
    qputenv("GITHUB_TOKEN", "from-github-token");
    qputenv("KANRI_GITHUB_TOKEN", "from-kanri-token");
    QCOMPARE(TokenStore::environmentToken(),
             std::optional<QString>(QStringLiteral("from-kanri-token")));
    qunsetenv("KANRI_GITHUB_TOKEN");
    QCOMPARE(TokenStore::environmentToken(),
             std::optional<QString>(QStringLiteral("from-github-token")));
    qunsetenv("GITHUB_TOKEN");
    QVERIFY(!TokenStore::environmentToken());
    // Trimmed, and blank is unset.
    qputenv("KANRI_GITHUB_TOKEN", "  padded\n");
    QCOMPARE(TokenStore::environmentToken(), std::optional<QString>(QStringLiteral("padded")));
    qputenv("KANRI_GITHUB_TOKEN", "   ");
    QVERIFY(!TokenStore::environmentToken());
    qunsetenv("KANRI_GITHUB_TOKEN");

    // With nothing in the environment, the next source that knows a token answers.
    auto keychain = std::make_shared<MemoryKeychain>();
    QVERIFY(keychain->write(TokenStore::keychainKey("github.com"), "second"));
    TokenStore store(TokenStore::Environment::Read, keychain);
    QCOMPARE(fetched(store, "github.com"), std::optional<QString>(QStringLiteral("second")));
}

void TestTokenStore::sessionTokenComesBeforeTheEnvironmentWhichComesBeforeTheKeychain()
{
    CleanEnvironment clean;
    auto keychain = std::make_shared<MemoryKeychain>();
    QVERIFY(keychain->write("token:github.com", "from-keychain"));
    TokenStore store(TokenStore::Environment::Read, keychain);
    QCOMPARE(store.token("github.com"), std::optional<QString>("from-keychain"));
    QCOMPARE(fetched(store, "github.com"), std::optional<QString>("from-keychain"));

    qputenv("GITHUB_TOKEN", "from-environment");
    QCOMPARE(store.token("github.com"), std::optional<QString>("from-environment"));
    QCOMPARE(fetched(store, "github.com"), std::optional<QString>("from-environment"));

    store.setSessionToken("github.com", "typed");
    QCOMPARE(store.token("github.com"), std::optional<QString>("typed"));
    QCOMPARE(fetched(store, "github.com"), std::optional<QString>("typed"));
    // Per host: another host still gets the environment's.
    QCOMPARE(store.token("ghe.example.com"), std::optional<QString>("from-environment"));

    // A store told to ignore the environment goes from the session to the keychain.
    TokenStore noEnvironment(TokenStore::Environment::Ignore, keychain);
    QCOMPARE(noEnvironment.token("github.com"), std::optional<QString>("from-keychain"));
    QVERIFY(!noEnvironment.token("ghe.example.com"));
}

void TestTokenStore::aFixedTokenAnswersEveryHostBelowSessionTokens()
{
    CleanEnvironment clean;
    qputenv("KANRI_GITHUB_TOKEN", "from-environment"); // not read by a fixed store
    auto store = TokenStore::fixed("fixed");
    QCOMPARE(store->token("github.com"), std::optional<QString>("fixed"));
    QCOMPARE(fetched(*store, "127.0.0.1:9"), std::optional<QString>("fixed"));
    store->setSessionToken("github.com", "typed");
    QCOMPARE(store->token("github.com"), std::optional<QString>("typed"));
    QCOMPARE(store->token("ghe.example.com"), std::optional<QString>("fixed"));
}

void TestTokenStore::aTokenForAHostNameServesEachOfItsPorts()
{
    CleanEnvironment clean;
    auto keychain = std::make_shared<MemoryKeychain>();
    QVERIFY(keychain->write("token:ghe.example.com", "kept-for-the-name"));
    QVERIFY(keychain->write("token:ghe.example.com:8443", "kept-for-the-port"));
    TokenStore store(TokenStore::Environment::Ignore, keychain);
    QCOMPARE(store.token("ghe.example.com:8443"), std::optional<QString>("kept-for-the-port"));
    QCOMPARE(store.token("ghe.example.com:9000"), std::optional<QString>("kept-for-the-name"));
    QVERIFY(!store.token("other.example.com:8443"));

    // Typed for the host name (what the sign-in prompt names), used and kept through a port.
    store.setSessionToken("127.0.0.1", "typed", TokenStore::Remember::Yes);
    store.setSessionToken("127.0.0.1:7000", "typed-for-the-port");
    QCOMPARE(store.token("127.0.0.1:7000"), std::optional<QString>("typed-for-the-port"));
    QCOMPARE(store.token("127.0.0.1:7001"), std::optional<QString>("typed"));
    QVERIFY(finished(store.tokenWorked("127.0.0.1:7001")));
    QCOMPARE(keychain->read("token:127.0.0.1"), std::optional<QString>("typed"));
    // Refused through a port: the host name's token is not offered again either.
    store.tokenRefused("127.0.0.1:7001");
    QCOMPARE(store.token("127.0.0.1:7000"), std::optional<QString>("typed-for-the-port"));
    QCOMPARE(store.token("127.0.0.1:7001"), std::optional<QString>("typed")); // the keychain's
    QVERIFY(keychain->remove("token:127.0.0.1"));
    QVERIFY(!store.token("127.0.0.1:7001"));
}

void TestTokenStore::oldKeychainEntriesMoveToTheNewKey_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("oldKey");
    QTest::addColumn<QString>("newKey");
    QTest::newRow("git's entry under the bare host")
        << QStringLiteral("github.com") << QStringLiteral("github.com")
        << QStringLiteral("token:github.com");
    QTest::newRow("GitHub's entry under github:HOST")
        << QStringLiteral("github.com") << QStringLiteral("github:github.com")
        << QStringLiteral("token:github.com");
    QTest::newRow("an Enterprise host's GitHub entry")
        << QStringLiteral("ghe.example.com") << QStringLiteral("github:ghe.example.com")
        << QStringLiteral("token:ghe.example.com");
    QTest::newRow("a host with a port finds the entry made without it, for every port")
        << QStringLiteral("127.0.0.1:8443") << QStringLiteral("127.0.0.1")
        << QStringLiteral("token:127.0.0.1");
}

void TestTokenStore::oldKeychainEntriesMoveToTheNewKey()
{
    QFETCH(QString, host);
    QFETCH(QString, oldKey);
    QFETCH(QString, newKey);
    CleanEnvironment clean;
    auto keychain = std::make_shared<MemoryKeychain>();
    QVERIFY(keychain->write(oldKey, "old-token"));
    QVERIFY(keychain->write("unrelated", "other")); // another entry of the service stays
    TokenStore store(TokenStore::Environment::Ignore, keychain);

    QCOMPARE(store.token(host), std::optional<QString>("old-token"));
    QCOMPARE(keychain->keys(), (QStringList{newKey, "unrelated"}));
    QCOMPARE(keychain->read(newKey), std::optional<QString>("old-token"));
    // Read again: from the new key (the old one is gone), asynchronously too.
    QCOMPARE(fetched(store, host), std::optional<QString>("old-token"));
}

void TestTokenStore::theNewKeyWinsOverOldEntries()
{
    CleanEnvironment clean;
    auto keychain = std::make_shared<MemoryKeychain>();
    QVERIFY(keychain->write("token:github.com", "new"));
    QVERIFY(keychain->write("github.com", "old-git"));
    TokenStore store(TokenStore::Environment::Ignore, keychain);
    QCOMPARE(store.token("github.com"), std::optional<QString>("new"));
    // Nothing to migrate while the new key answers.
    QCOMPARE(keychain->keys(), (QStringList{"github.com", "token:github.com"}));
}

void TestTokenStore::aMigrationThatCannotWriteKeepsTheOldEntry()
{
    // A keychain that reads but refuses writes: the token is used, the old entry kept.
    class ReadOnlyKeychain : public MemoryKeychain
    {
    public:
        Result<void> write(const QString &, const QString &) override
        {
            return fail(Error::Code::Io, QStringLiteral("read-only"));
        }
        Result<void> remove(const QString &) override
        {
            ++removals;
            return {};
        }
        int removals = 0;
    };
    CleanEnvironment clean;
    auto keychain = std::make_shared<ReadOnlyKeychain>();
    QVERIFY(keychain->MemoryKeychain::write("github:github.com", "old-token"));
    TokenStore store(TokenStore::Environment::Ignore, keychain);
    QCOMPARE(store.token("github.com"), std::optional<QString>("old-token"));
    QCOMPARE(keychain->removals, 0);
}

void TestTokenStore::aTypedTokenIsStoredOnlyOnceItWorkedAndOnlyWhenAsked()
{
    CleanEnvironment clean;
    auto keychain = std::make_shared<MemoryKeychain>();
    TokenStore store(TokenStore::Environment::Ignore, keychain);

    // Not asked to remember: used for the session, never written.
    store.setSessionToken("github.com", "typed-once");
    QVERIFY(finished(store.tokenWorked("github.com")));
    QVERIFY(keychain->keys().isEmpty());
    QCOMPARE(store.token("github.com"), std::optional<QString>("typed-once"));

    // Asked to remember: nothing written before it worked...
    store.setSessionToken("ghe.example.com", "typed-kept", TokenStore::Remember::Yes);
    QVERIFY(keychain->keys().isEmpty());
    // ...another host working stores nothing...
    QVERIFY(finished(store.tokenWorked("github.com")));
    QVERIFY(keychain->keys().isEmpty());
    // ...then it is written under the one key, once.
    QVERIFY(finished(store.tokenWorked("ghe.example.com")));
    QCOMPARE(keychain->keys(), QStringList{"token:ghe.example.com"});
    QCOMPARE(keychain->read("token:ghe.example.com"), std::optional<QString>("typed-kept"));
    QVERIFY(keychain->remove("token:ghe.example.com"));
    QVERIFY(finished(store.tokenWorked("ghe.example.com")));
    QVERIFY(keychain->keys().isEmpty());

    // A store without a keychain says so when asked to remember, and keeps the token for the
    // session.
    TokenStore noKeychain(TokenStore::Environment::Ignore, nullptr);
    noKeychain.setSessionToken("github.com", "typed-nowhere", TokenStore::Remember::Yes);
    const Result<void> stored = finished(noKeychain.tokenWorked("github.com"));
    QVERIFY(!stored);
    QVERIFY(!stored.error().message.contains("typed-nowhere"));
    QCOMPARE(noKeychain.token("github.com"), std::optional<QString>("typed-nowhere"));
}

void TestTokenStore::aRefusedTokenIsNeverOfferedAgainNorStored()
{
    CleanEnvironment clean;
    auto keychain = std::make_shared<MemoryKeychain>();
    QVERIFY(keychain->write("token:github.com", "kept-before"));
    TokenStore store(TokenStore::Environment::Ignore, keychain);
    store.setSessionToken("github.com", "typed-wrong", TokenStore::Remember::Yes);
    QCOMPARE(store.token("github.com"), std::optional<QString>("typed-wrong"));
    store.tokenRefused("github.com");
    QCOMPARE(store.token("github.com"), std::optional<QString>("kept-before"));
    QVERIFY(finished(store.tokenWorked("github.com")));
    QCOMPARE(keychain->read("token:github.com"), std::optional<QString>("kept-before"));
}

void TestTokenStore::signingOutRemovesTheTokenEverywhere()
{
    CleanEnvironment clean;
    auto keychain = std::make_shared<MemoryKeychain>();
    QVERIFY(keychain->write("token:github.com", "kept"));
    QVERIFY(keychain->write("github:github.com", "old-github"));
    QVERIFY(keychain->write("github.com", "old-git"));
    QVERIFY(keychain->write("token:ghe.example.com", "other-host"));
    TokenStore store(TokenStore::Environment::Ignore, keychain);
    store.setSessionToken("github.com", "signed-in", TokenStore::Remember::Yes);

    QVERIFY(finished(store.forget("github.com")));
    QVERIFY(!store.token("github.com"));
    QCOMPARE(keychain->keys(), QStringList{"token:ghe.example.com"});
    // Signed out, the token that was waiting to be remembered is not written later.
    QVERIFY(finished(store.tokenWorked("github.com")));
    QCOMPARE(keychain->keys(), QStringList{"token:ghe.example.com"});
    // Signing out of a host with nothing stored succeeds.
    QVERIFY(finished(store.forget("nothing.example.com")));
}

void TestTokenStore::anAbsentOrLockedKeychainMeansNoToken()
{
    CleanEnvironment clean;
    auto keychain = std::make_shared<MemoryKeychain>();
    QVERIFY(keychain->write("token:github.com", "locked-away"));
    QVERIFY(keychain->write("github.com", "old-locked-away"));
    keychain->setAvailable(false);
    TokenStore store(TokenStore::Environment::Ignore, keychain);
    QVERIFY(!store.token("github.com"));
    QVERIFY(!fetched(store, "github.com"));

    // Remembering fails with a message that names the keychain, never the token; the token
    // stays usable for the session.
    store.setSessionToken("github.com", "typed-secret", TokenStore::Remember::Yes);
    const Result<void> stored = finished(store.tokenWorked("github.com"));
    QVERIFY(!stored);
    QCOMPARE(stored.error().code, Error::Code::Io);
    QVERIFY(stored.error().message.contains("keychain"));
    QVERIFY(!stored.error().message.contains("typed-secret"));
    QCOMPARE(store.token("github.com"), std::optional<QString>("typed-secret"));
    const Result<void> removed = finished(store.forget("github.com"));
    QVERIFY(!removed);
    QVERIFY(!removed.error().message.contains("typed-secret"));

    // No keychain at all.
    TokenStore none(TokenStore::Environment::Ignore, nullptr);
    QVERIFY(!none.token("github.com"));
    QVERIFY(!fetched(none, "github.com"));
    QVERIFY(finished(none.forget("github.com")));
}

void TestTokenStore::fetchTokenAnswersLaterAndNotAfterTheContextIsGone()
{
    CleanEnvironment clean;
    auto keychain = std::make_shared<MemoryKeychain>();
    QVERIFY(keychain->write("token:github.com", "from-keychain"));
    TokenStore store(TokenStore::Environment::Ignore, keychain);
    store.setSessionToken("typed.example.com", "typed");
    for (const char *host : {"typed.example.com", "github.com"}) {
        // Never from inside fetchToken().
        QObject context;
        bool answered = false;
        store.fetchToken(host, &context, [&](std::optional<QString>) { answered = true; });
        QVERIFY2(!answered, host);
        QTRY_VERIFY(answered);

        // A context destroyed before the answer: the callback never runs.
        int late = 0;
        {
            QObject gone;
            store.fetchToken(host, &gone, [&](std::optional<QString>) { ++late; });
        }
        QTest::qWait(100);
        QCOMPARE(late, 0);
    }
}

void TestTokenStore::askingGoesThroughThePromptAfterDroppingTheRefusedToken()
{
    CleanEnvironment clean;
    TokenStore store(TokenStore::Environment::Ignore, nullptr);
    const Error refused{QStringLiteral("authentication failed"), {}, 0, 0, Error::Code::Auth};
    const QString url = QStringLiteral("https://127.0.0.1:8443/remotes/a.git");
    store.setSessionToken("127.0.0.1:8443", "typed-wrong");

    // Nobody to ask: false, neither callback runs.
    bool retried = false, gaveUp = false;
    QVERIFY(!store.askForToken(
        url, refused, [&] { retried = true; }, [&] { gaveUp = true; }));
    QVERIFY(!retried && !gaveUp);
    QVERIFY(!store.token("127.0.0.1:8443")); // the refused token is not offered again

    // The GUI's prompt: it is given the URL and the error, and gives a token.
    QString askedUrl;
    store.setPrompt(
        [&](const QString &u, const Error &e, std::function<void()> retry, std::function<void()>) {
            askedUrl = u;
            if (e.code != Error::Code::Auth)
                return false;
            store.setSessionToken("127.0.0.1:8443", "typed-right");
            retry();
            return true;
        });
    QVERIFY(store.askForToken(
        url, refused, [&] { retried = true; }, [&] { gaveUp = true; }));
    QCOMPARE(askedUrl, url);
    QVERIFY(retried && !gaveUp);
    QCOMPARE(store.token("127.0.0.1:8443"), std::optional<QString>("typed-right"));
}

void TestTokenStore::secretsListEveryTokenGivenInTheSession()
{
    TokenStore store(TokenStore::Environment::Ignore, nullptr);
    QVERIFY(store.secrets().isEmpty());
    store.setSessionToken("a.example.com", "first");
    store.setSessionToken("b.example.com", "second");
    store.tokenRefused("a.example.com");
    (void)store.forget("b.example.com");
    store.setSessionToken("a.example.com", "first");
    QCOMPARE(store.secrets(), (QStringList{"first", "second"}));
}

QTEST_GUILESS_MAIN(TestTokenStore)
#include "tst_tokenstore.moc"
