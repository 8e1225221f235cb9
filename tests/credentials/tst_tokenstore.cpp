// The one token store: its order (session, environment, keychain), the migration of tokens kept
// under the keys of earlier versions, remembering a typed token only once it worked, signing out,
// a keychain that is absent or locked, and where tokens may go: the environment's only to
// GitHub's hosts, none over plain http but to loopback or an allowed host (with a warning). The
// keychain is an in-memory one: the test machine has no desktop keychain.

#include "credentials/keychain.h"
#include "credentials/tokenstore.h"

#include <QPointer>
#include <QRegularExpression>
#include <QTest>

using namespace kanri;
using namespace kanri::credentials;

namespace {

// Unsets the variables the store reads for a test, and restores them after.
class CleanEnvironment
{
public:
    CleanEnvironment()
    {
        for (const char *name : names) {
            m_saved << qgetenv(name);
            qunsetenv(name);
        }
    }
    ~CleanEnvironment()
    {
        for (qsizetype i = 0; i < qsizetype(std::size(names)); ++i) {
            if (m_saved.at(i).isNull())
                qunsetenv(names[i]);
            else
                qputenv(names[i], m_saved.at(i));
        }
    }

private:
    static constexpr const char *names[] = {"KANRI_GITHUB_TOKEN", "GITHUB_TOKEN",
                                            "KANRI_GITHUB_API_URL", "KANRI_ALLOW_HTTP_TOKEN_HOSTS"};
    QList<QByteArray> m_saved;
};

QUrl httpsUrl(const QString &host)
{
    return QUrl(QStringLiteral("https://") + host + QStringLiteral("/o/r.git"));
}

// The token the store gives to `host` over https.
std::optional<QString> tokenFor(const TokenStore &store, const QString &host)
{
    return store.token(httpsUrl(host)).token;
}

// What fetchToken() answered for `url`, waited for on the event loop.
TokenStore::Answer fetchedAnswer(const TokenStore &store, const QUrl &url)
{
    QObject context;
    TokenStore::Answer got;
    bool answered = false;
    store.fetchToken(url, &context, [&](TokenStore::Answer answer) {
        got = std::move(answer);
        answered = true;
    });
    if (!QTest::qWaitFor([&] { return answered; }, 10000))
        got.token = QStringLiteral("(no answer)");
    return got;
}

std::optional<QString> fetched(const TokenStore &store, const QString &host)
{
    return fetchedAnswer(store, httpsUrl(host)).token;
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
    void theEnvironmentTokenGoesOnlyToGitHubHosts_data();
    void theEnvironmentTokenGoesOnlyToGitHubHosts();
    void sessionAndKeychainTokensStayWithTheirHost();
    void tokenTransport_data();
    void tokenTransport();
    void noTokenGoesOverPlainHttpToAHostNotAllowed();
    void aTokenSentOverAllowedPlainHttpIsWarnedAboutOncePerHost();
    void withoutAWarningHandlerTheWarningGoesToStderrOncePerProcess();
    void allowedHostsComeFromTheSettingAndTheEnvironment();
    void aTokenFromElsewhereObeysThePlainHttpRule();
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
    QCOMPARE(tokenFor(env, "github.com"), std::optional<QString>("k"));
    qunsetenv("KANRI_GITHUB_TOKEN");
    QCOMPARE(tokenFor(env, "github.com"), std::optional<QString>("g"));
    qunsetenv("GITHUB_TOKEN");
    QVERIFY(!tokenFor(env, "github.com"));
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
    QCOMPARE(tokenFor(store, "github.com"), std::optional<QString>("from-keychain"));
    QCOMPARE(fetched(store, "github.com"), std::optional<QString>("from-keychain"));

    qputenv("GITHUB_TOKEN", "from-environment");
    QCOMPARE(tokenFor(store, "github.com"), std::optional<QString>("from-environment"));
    QCOMPARE(fetched(store, "github.com"), std::optional<QString>("from-environment"));

    store.setSessionToken("github.com", "typed");
    QCOMPARE(tokenFor(store, "github.com"), std::optional<QString>("typed"));
    QCOMPARE(fetched(store, "github.com"), std::optional<QString>("typed"));
    // Per host: the configured GitHub host still gets the environment's.
    store.setConfiguredApiBase(QUrl("https://ghe.example.com/api/v3"));
    QCOMPARE(tokenFor(store, "ghe.example.com"), std::optional<QString>("from-environment"));

    // A store told to ignore the environment goes from the session to the keychain.
    TokenStore noEnvironment(TokenStore::Environment::Ignore, keychain);
    QCOMPARE(tokenFor(noEnvironment, "github.com"), std::optional<QString>("from-keychain"));
    QVERIFY(!tokenFor(noEnvironment, "ghe.example.com"));
}

void TestTokenStore::aFixedTokenAnswersEveryHostBelowSessionTokens()
{
    CleanEnvironment clean;
    qputenv("KANRI_GITHUB_TOKEN", "from-environment"); // not read by a fixed store
    auto store = TokenStore::fixed("fixed");
    QCOMPARE(tokenFor(*store, "github.com"), std::optional<QString>("fixed"));
    QCOMPARE(fetched(*store, "127.0.0.1:9"), std::optional<QString>("fixed"));
    store->setSessionToken("github.com", "typed");
    QCOMPARE(tokenFor(*store, "github.com"), std::optional<QString>("typed"));
    QCOMPARE(tokenFor(*store, "ghe.example.com"), std::optional<QString>("fixed"));
    // Every host, but not over plain http unless the host is loopback or allowed.
    QCOMPARE(store->token(QUrl("http://127.0.0.1:9/r.git")).token, std::optional<QString>("fixed"));
    const TokenStore::Answer overHttp = store->token(QUrl("http://ghe.example.com/r.git"));
    QVERIFY(!overHttp.token);
    QCOMPARE(overHttp.withheld, TokenStore::Answer::Withheld::PlainHttp);
    QVERIFY(!overHttp.reason.contains("fixed"));
}

void TestTokenStore::aTokenForAHostNameServesEachOfItsPorts()
{
    CleanEnvironment clean;
    auto keychain = std::make_shared<MemoryKeychain>();
    QVERIFY(keychain->write("token:ghe.example.com", "kept-for-the-name"));
    QVERIFY(keychain->write("token:ghe.example.com:8443", "kept-for-the-port"));
    TokenStore store(TokenStore::Environment::Ignore, keychain);
    QCOMPARE(tokenFor(store, "ghe.example.com:8443"), std::optional<QString>("kept-for-the-port"));
    QCOMPARE(tokenFor(store, "ghe.example.com:9000"), std::optional<QString>("kept-for-the-name"));
    QVERIFY(!tokenFor(store, "other.example.com:8443"));

    // Typed for the host name (what the sign-in prompt names), used and kept through a port.
    store.setSessionToken("127.0.0.1", "typed", TokenStore::Remember::Yes);
    store.setSessionToken("127.0.0.1:7000", "typed-for-the-port");
    QCOMPARE(tokenFor(store, "127.0.0.1:7000"), std::optional<QString>("typed-for-the-port"));
    QCOMPARE(tokenFor(store, "127.0.0.1:7001"), std::optional<QString>("typed"));
    QVERIFY(finished(store.tokenWorked("127.0.0.1:7001")));
    QCOMPARE(keychain->read("token:127.0.0.1"), std::optional<QString>("typed"));
    // Refused through a port: the host name's token is not offered again either.
    store.tokenRefused("127.0.0.1:7001");
    QCOMPARE(tokenFor(store, "127.0.0.1:7000"), std::optional<QString>("typed-for-the-port"));
    QCOMPARE(tokenFor(store, "127.0.0.1:7001"), std::optional<QString>("typed")); // the keychain's
    QVERIFY(keychain->remove("token:127.0.0.1"));
    QVERIFY(!tokenFor(store, "127.0.0.1:7001"));
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

    QCOMPARE(tokenFor(store, host), std::optional<QString>("old-token"));
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
    QCOMPARE(tokenFor(store, "github.com"), std::optional<QString>("new"));
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
    QCOMPARE(tokenFor(store, "github.com"), std::optional<QString>("old-token"));
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
    QCOMPARE(tokenFor(store, "github.com"), std::optional<QString>("typed-once"));

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
    QCOMPARE(tokenFor(noKeychain, "github.com"), std::optional<QString>("typed-nowhere"));
}

void TestTokenStore::aRefusedTokenIsNeverOfferedAgainNorStored()
{
    CleanEnvironment clean;
    auto keychain = std::make_shared<MemoryKeychain>();
    QVERIFY(keychain->write("token:github.com", "kept-before"));
    TokenStore store(TokenStore::Environment::Ignore, keychain);
    store.setSessionToken("github.com", "typed-wrong", TokenStore::Remember::Yes);
    QCOMPARE(tokenFor(store, "github.com"), std::optional<QString>("typed-wrong"));
    store.tokenRefused("github.com");
    QCOMPARE(tokenFor(store, "github.com"), std::optional<QString>("kept-before"));
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
    QVERIFY(!tokenFor(store, "github.com"));
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
    QVERIFY(!tokenFor(store, "github.com"));
    QVERIFY(!fetched(store, "github.com"));

    // Remembering fails with a message that names the keychain, never the token; the token
    // stays usable for the session.
    store.setSessionToken("github.com", "typed-secret", TokenStore::Remember::Yes);
    const Result<void> stored = finished(store.tokenWorked("github.com"));
    QVERIFY(!stored);
    QCOMPARE(stored.error().code, Error::Code::Io);
    QVERIFY(stored.error().message.contains("keychain"));
    QVERIFY(!stored.error().message.contains("typed-secret"));
    QCOMPARE(tokenFor(store, "github.com"), std::optional<QString>("typed-secret"));
    const Result<void> removed = finished(store.forget("github.com"));
    QVERIFY(!removed);
    QVERIFY(!removed.error().message.contains("typed-secret"));

    // No keychain at all.
    TokenStore none(TokenStore::Environment::Ignore, nullptr);
    QVERIFY(!tokenFor(none, "github.com"));
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
        store.fetchToken(httpsUrl(host), &context, [&](TokenStore::Answer) { answered = true; });
        QVERIFY2(!answered, host);
        QTRY_VERIFY(answered);

        // A context destroyed before the answer: the callback never runs.
        int late = 0;
        {
            QObject gone;
            store.fetchToken(httpsUrl(host), &gone, [&](TokenStore::Answer) { ++late; });
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
    QVERIFY(!tokenFor(store, "127.0.0.1:8443")); // the refused token is not offered again

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
    QCOMPARE(tokenFor(store, "127.0.0.1:8443"), std::optional<QString>("typed-right"));
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

void TestTokenStore::theEnvironmentTokenGoesOnlyToGitHubHosts_data()
{
    QTest::addColumn<QString>("environmentApi"); // KANRI_GITHUB_API_URL
    QTest::addColumn<QString>("settingApi");     // setConfiguredApiBase (github/apiUrl)
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("given");
    QTest::newRow("github.com gets it") << ""
                                        << ""
                                        << "https://github.com/o/r.git" << true;
    QTest::newRow("so does GitHub's API") << ""
                                          << ""
                                          << "https://api.github.com/repos/o/r" << true;
    QTest::newRow("any other host does not") << ""
                                             << ""
                                             << "https://evil.example.com/o/r.git" << false;
    QTest::newRow("nor a host that only starts like github.com")
        << ""
        << ""
        << "https://github.com.evil.example/o/r.git" << false;
    QTest::newRow("nor github.com on another port") << ""
                                                    << ""
                                                    << "https://github.com:8443/o/r.git" << false;
    QTest::newRow("nor a loopback server that is not configured")
        << ""
        << ""
        << "http://127.0.0.1:8080/remotes/r.git" << false;
    QTest::newRow("the configured GitHub Enterprise host gets it for git")
        << ""
        << "https://ghe.example.com/api/v3"
        << "https://ghe.example.com/o/r.git" << true;
    QTest::newRow("and for its API") << ""
                                     << "https://ghe.example.com/api/v3"
                                     << "https://ghe.example.com/api/v3/user" << true;
    QTest::newRow("the git host of a configured api. host gets it")
        << ""
        << "https://api.octo.ghe.com"
        << "https://octo.ghe.com/o/r.git" << true;
    QTest::newRow("KANRI_GITHUB_API_URL's host gets it")
        << "https://env.example.com/api/v3"
        << "https://ghe.example.com/api/v3"
        << "https://env.example.com/o/r.git" << true;
    QTest::newRow("and then the setting's host does not")
        << "https://env.example.com/api/v3"
        << "https://ghe.example.com/api/v3"
        << "https://ghe.example.com/o/r.git" << false;
    QTest::newRow("a configured loopback server gets it")
        << "http://127.0.0.1:8080/api/v3"
        << ""
        << "http://127.0.0.1:8080/remotes/r.git" << true;
    QTest::newRow("but not another server on another loopback port")
        << "http://127.0.0.1:8080/api/v3"
        << ""
        << "http://127.0.0.1:8081/remotes/r.git" << false;
}

void TestTokenStore::theEnvironmentTokenGoesOnlyToGitHubHosts()
{
    QFETCH(QString, environmentApi);
    QFETCH(QString, settingApi);
    QFETCH(QString, url);
    QFETCH(bool, given);
    CleanEnvironment clean;
    qputenv("KANRI_GITHUB_TOKEN", "env-secret-1234");
    if (!environmentApi.isEmpty())
        qputenv("KANRI_GITHUB_API_URL", environmentApi.toUtf8());
    TokenStore store(TokenStore::Environment::Read, nullptr);
    if (!settingApi.isEmpty())
        store.setConfiguredApiBase(QUrl(settingApi));

    for (const TokenStore::Answer &answer : {store.token(QUrl(url)), fetchedAnswer(store, url)}) {
        if (given) {
            QCOMPARE(answer.token, std::optional<QString>("env-secret-1234"));
            QCOMPARE(answer.withheld, TokenStore::Answer::Withheld::No);
            continue;
        }
        QVERIFY(!answer.token);
        QCOMPARE(answer.withheld, TokenStore::Answer::Withheld::NotForHost);
        QVERIFY2(answer.reason.contains(credentials::hostOfUrl(QUrl(url))),
                 qPrintable(answer.reason));
        QVERIFY(answer.reason.contains("KANRI_GITHUB_API_URL"));
        QVERIFY(!answer.reason.contains("env-secret-1234"));
    }
    // A store that ignores the environment reads neither the token nor the API URL.
    TokenStore ignoring(TokenStore::Environment::Ignore, nullptr);
    QCOMPARE(ignoring.token(QUrl(url)).withheld, TokenStore::Answer::Withheld::No);
    QVERIFY(!ignoring.token(QUrl(url)).token);
}

void TestTokenStore::sessionAndKeychainTokensStayWithTheirHost()
{
    CleanEnvironment clean;
    auto keychain = std::make_shared<MemoryKeychain>();
    QVERIFY(keychain->write("token:ghe.example.com", "kept-for-ghe"));
    TokenStore store(TokenStore::Environment::Read, keychain);
    store.setSessionToken("typed.example.com", "typed-for-typed");
    QCOMPARE(tokenFor(store, "ghe.example.com"), std::optional<QString>("kept-for-ghe"));
    QCOMPARE(tokenFor(store, "typed.example.com"), std::optional<QString>("typed-for-typed"));
    for (const char *other : {"evil.example.com", "github.com", "ghe.example.com.evil.example"}) {
        const TokenStore::Answer answer = store.token(httpsUrl(other));
        QVERIFY2(!answer.token, other);
        // Nothing was held back: there is simply no token for that host.
        QCOMPARE(answer.withheld, TokenStore::Answer::Withheld::No);
        QVERIFY2(!fetched(store, other), other);
    }
    // GitHub's API shares github.com's token.
    store.setSessionToken("github.com", "typed-for-github");
    QCOMPARE(store.token(QUrl("https://api.github.com/user")).token,
             std::optional<QString>("typed-for-github"));
}

void TestTokenStore::tokenTransport_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QStringList>("allowed");
    QTest::addColumn<TokenTransport>("expected");
    const QStringList none;
    QTest::newRow("https anywhere")
        << "https://ghe.example.com/r.git" << none << TokenTransport::Https;
    QTest::newRow("plain http to another host is refused")
        << "http://ghe.example.com/r.git" << none << TokenTransport::RefusedHttp;
    QTest::newRow("plain http to 127.0.0.1 is loopback")
        << "http://127.0.0.1:9/r.git" << none << TokenTransport::Loopback;
    QTest::newRow("all of 127.0.0.0/8 is loopback")
        << "http://127.8.9.10/r.git" << none << TokenTransport::Loopback;
    QTest::newRow("::1 is loopback")
        << "http://[::1]:8080/r.git" << none << TokenTransport::Loopback;
    QTest::newRow("an IPv4 loopback address written as IPv6 is loopback")
        << "http://[::ffff:127.0.0.1]:8080/r.git" << none << TokenTransport::Loopback;
    QTest::newRow("localhost is loopback, in any case")
        << "http://LocalHost:8080/r.git" << none << TokenTransport::Loopback;
    QTest::newRow("0.0.0.0 is not loopback")
        << "http://0.0.0.0:8080/r.git" << none << TokenTransport::RefusedHttp;
    QTest::newRow("a name that starts with 127. is not an address")
        << "http://127.0.0.1.evil.example/r.git" << none << TokenTransport::RefusedHttp;
    QTest::newRow("a name under localhost is not localhost")
        << "http://localhost.evil.example/r.git" << none << TokenTransport::RefusedHttp;
    QTest::newRow("an allowed host name allows each of its ports")
        << "http://ghe.example.com:8080/r.git" << QStringList{"ghe.example.com"}
        << TokenTransport::AllowedHttp;
    QTest::newRow("an allowed host is compared without regard to case")
        << "http://GHE.example.com/r.git" << QStringList{"ghe.EXAMPLE.com"}
        << TokenTransport::AllowedHttp;
    QTest::newRow("an allowed host:port allows that port")
        << "http://ghe.example.com:8080/r.git"
        << QStringList{"other.example", "ghe.example.com:8080"} << TokenTransport::AllowedHttp;
    QTest::newRow("and only that port")
        << "http://ghe.example.com/r.git" << QStringList{"ghe.example.com:8080"}
        << TokenTransport::RefusedHttp;
    QTest::newRow("an entry written as a URL counts as its host and port")
        << "http://ghe.example.com:8080/r.git" << QStringList{"http://ghe.example.com:8080/"}
        << TokenTransport::AllowedHttp;
    QTest::newRow("an allowed IPv6 address with a port")
        << "http://[fd00::1]:8080/r.git" << QStringList{"[fd00::1]:8080"}
        << TokenTransport::AllowedHttp;
    QTest::newRow("allowing another host allows nothing here")
        << "http://ghe.example.com/r.git" << QStringList{"example.com", "ghe.example"}
        << TokenTransport::RefusedHttp;
    QTest::newRow("SSH carries no token")
        << "ssh://git@ghe.example.com/r.git" << none << TokenTransport::Other;
}

void TestTokenStore::tokenTransport()
{
    QFETCH(QString, url);
    QFETCH(QStringList, allowed);
    QFETCH(TokenTransport, expected);
    QCOMPARE(credentials::tokenTransport(QUrl(url), allowed), expected);
}

void TestTokenStore::noTokenGoesOverPlainHttpToAHostNotAllowed()
{
    CleanEnvironment clean;
    auto keychain = std::make_shared<MemoryKeychain>();
    QVERIFY(keychain->write("token:ghe.example.com", "kept-secret"));
    TokenStore store(TokenStore::Environment::Ignore, keychain);
    store.setSessionToken("typed.example.com", "typed-secret");
    store.setSessionToken("127.0.0.1:9", "loopback-secret");
    int warnings = 0;
    store.setWarning([&](const QString &, const QString &) { ++warnings; });

    for (const char *url : {"http://ghe.example.com/o/r.git", "http://typed.example.com:8080/r"}) {
        for (const TokenStore::Answer &answer :
             {store.token(QUrl(url)), fetchedAnswer(store, QUrl(url))}) {
            QVERIFY2(!answer.token, url);
            QCOMPARE(answer.withheld, TokenStore::Answer::Withheld::PlainHttp);
            QVERIFY2(answer.reason.contains(credentials::hostOfUrl(QUrl(url))),
                     qPrintable(answer.reason));
            QVERIFY(answer.reason.contains("plain http"));
            QVERIFY(answer.reason.contains("network/allowHttpTokenHosts"));
            QVERIFY(!answer.reason.contains("secret"));
        }
    }
    // Loopback never crosses a network: given, without a warning.
    QCOMPARE(store.token(QUrl("http://127.0.0.1:9/r.git")).token,
             std::optional<QString>("loopback-secret"));
    QCOMPARE(fetchedAnswer(store, QUrl("http://127.0.0.1:9/r.git")).token,
             std::optional<QString>("loopback-secret"));
    // And https is fine for the same hosts.
    QCOMPARE(tokenFor(store, "ghe.example.com"), std::optional<QString>("kept-secret"));
    QCOMPARE(warnings, 0);
    // No token known and plain http: nothing to hold back.
    const TokenStore::Answer nothing = store.token(QUrl("http://unknown.example.com/r.git"));
    QVERIFY(!nothing.token);
    QCOMPARE(nothing.withheld, TokenStore::Answer::Withheld::No);
    QCOMPARE(store.transport(QUrl("http://unknown.example.com/r.git")),
             TokenTransport::RefusedHttp);
}

void TestTokenStore::aTokenSentOverAllowedPlainHttpIsWarnedAboutOncePerHost()
{
    CleanEnvironment clean;
    TokenStore store(TokenStore::Environment::Ignore, nullptr);
    store.setSessionToken("ghe.example.com", "typed-secret");
    store.setSessionToken("other.example.com", "other-secret");
    store.setAllowedHttpHosts({"ghe.example.com", "other.example.com:8080"});
    QStringList hosts, messages;
    store.setWarning([&](const QString &host, const QString &message) {
        hosts << host;
        messages << message;
    });
    QCOMPARE(store.token(QUrl("http://ghe.example.com/o/r.git")).token,
             std::optional<QString>("typed-secret"));
    QCOMPARE(fetchedAnswer(store, QUrl("http://ghe.example.com/o/r.git")).token,
             std::optional<QString>("typed-secret"));
    QCOMPARE(hosts, QStringList{"ghe.example.com"});
    QVERIFY(messages.first().contains("plain http"));
    QVERIFY(messages.first().contains("ghe.example.com"));
    QVERIFY(!messages.first().contains("secret"));
    // Over https: no warning.
    QCOMPARE(tokenFor(store, "other.example.com:8080"), std::optional<QString>("other-secret"));
    QCOMPARE(hosts.size(), 1);
    // Another allowed host is warned about once too.
    QCOMPARE(store.token(QUrl("http://other.example.com:8080/r")).token,
             std::optional<QString>("other-secret"));
    QCOMPARE(store.token(QUrl("http://other.example.com:8080/r")).token,
             std::optional<QString>("other-secret"));
    QCOMPARE(hosts, (QStringList{"ghe.example.com", "other.example.com:8080"}));
}

void TestTokenStore::withoutAWarningHandlerTheWarningGoesToStderrOncePerProcess()
{
    CleanEnvironment clean;
    const QString url = QStringLiteral("http://stderr.example.com/r.git");
    auto first = TokenStore::fixed("fixed-secret");
    first->setAllowedHttpHosts({"stderr.example.com"});
    QTest::ignoreMessage(
        QtWarningMsg, QRegularExpression("^warning: sending the token for stderr\\.example\\.com "
                                         "over plain http"));
    QCOMPARE(first->token(QUrl(url)).token, std::optional<QString>("fixed-secret"));
    // A second store of the same process (the command line makes several) says nothing more.
    QTest::failOnWarning(QRegularExpression("stderr\\.example\\.com"));
    auto second = TokenStore::fixed("fixed-secret");
    second->setAllowedHttpHosts({"stderr.example.com"});
    QCOMPARE(second->token(QUrl(url)).token, std::optional<QString>("fixed-secret"));
    QCOMPARE(first->token(QUrl(url)).token, std::optional<QString>("fixed-secret"));
}

void TestTokenStore::allowedHostsComeFromTheSettingAndTheEnvironment()
{
    CleanEnvironment clean;
    qputenv("KANRI_ALLOW_HTTP_TOKEN_HOSTS", "env-a.example, env-b.example:8080 ");
    TokenStore store(TokenStore::Environment::Read, nullptr);
    store.setAllowedHttpHosts({"setting.example"});
    QCOMPARE(store.allowedHttpHosts(),
             (QStringList{"setting.example", "env-a.example", "env-b.example:8080"}));
    QCOMPARE(store.transport(QUrl("http://env-b.example:8080/r")), TokenTransport::AllowedHttp);
    QCOMPARE(store.transport(QUrl("http://setting.example/r")), TokenTransport::AllowedHttp);
    QCOMPARE(store.transport(QUrl("http://env-b.example/r")), TokenTransport::RefusedHttp);
    // A store that ignores the environment has the setting's only.
    TokenStore ignoring(TokenStore::Environment::Ignore, nullptr);
    QVERIFY(ignoring.allowedHttpHosts().isEmpty());
    QCOMPARE(ignoring.transport(QUrl("http://env-a.example/r")), TokenTransport::RefusedHttp);

    QCOMPARE(splitHostList(" a.example,b.example:8080\n c.example ;d.example"),
             (QStringList{"a.example", "b.example:8080", "c.example", "d.example"}));
    QVERIFY(splitHostList(" , ").isEmpty());
}

void TestTokenStore::aTokenFromElsewhereObeysThePlainHttpRule()
{
    CleanEnvironment clean;
    TokenStore store(TokenStore::Environment::Ignore, nullptr);
    int warnings = 0;
    store.setWarning([&](const QString &, const QString &) { ++warnings; });
    QCOMPARE(store.offer(QUrl("https://ghe.example.com/api/v3"), "device-secret").token,
             std::optional<QString>("device-secret"));
    QCOMPARE(store.offer(QUrl("http://127.0.0.1:9/api/v3"), "device-secret").token,
             std::optional<QString>("device-secret"));
    const TokenStore::Answer refused =
        store.offer(QUrl("http://ghe.example.com/api/v3"), "device-secret");
    QVERIFY(!refused.token);
    QCOMPARE(refused.withheld, TokenStore::Answer::Withheld::PlainHttp);
    QVERIFY(!refused.reason.contains("device-secret"));
    store.setAllowedHttpHosts({"ghe.example.com"});
    QCOMPARE(store.offer(QUrl("http://ghe.example.com/api/v3"), "device-secret").token,
             std::optional<QString>("device-secret"));
    QCOMPARE(warnings, 1);
}

QTEST_GUILESS_MAIN(TestTokenStore)
#include "tst_tokenstore.moc"
