#pragma once

#include "credentials/tokenstore.h"
#include "github/githuberror.h"
#include "github/githubtypes.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QUrl>
#include <QUrlQuery>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace kanri::github {

struct ClientOptions
{
    QUrl apiBase = QUrl(QStringLiteral("https://api.github.com"));
    QUrl webBase = QUrl(QStringLiteral("https://github.com")); // device flow endpoints
    QByteArray userAgent;                                      // empty: "Kanri/<version>"
    std::chrono::milliseconds timeout{30000};                  // per attempt, per page
    int maxRetries = 3;                                        // on 5xx and network errors
    std::chrono::milliseconds retryBaseDelay{1000};            // doubled on each retry
    // Secondary limit without retry-after: the docs say wait at least a minute, then back off.
    std::chrono::milliseconds secondaryRateLimitWait{60000};
    std::chrono::seconds maxRateLimitWait{3600}; // longer waits fail with Kind::RateLimited
    int maxRateLimitWaits = 3;                   // per request
    int perPage = 100;

    // The bases for a git remote URL: KANRI_GITHUB_API_URL when set, else `configuredApiBase`
    // (the setting github/apiUrl) when valid, else the API of the remote's host.
    static ClientOptions forRemote(const QString &remoteUrl, const QUrl &configuredApiBase = {});
};

// GitHub's REST API on QtNetwork. Lives on (and must be used from) the thread that created it.
//
// Every call takes a context object and a callback. The callback runs on the client's thread,
// later (never inside the call), exactly once, unless the context is destroyed first, in which
// case it never runs and the remaining pages are not fetched. Rate limits are waited out on a
// timer (waitingForRateLimit says how long). 5xx answers are retried with exponential backoff;
// network errors and timeouts too, except that a POST is only resent when the connection was
// refused, because a POST that reached GitHub may have been applied.
class Client : public QObject
{
    Q_OBJECT

public:
    template<typename T> using Callback = std::function<void(ApiResult<T>)>;

    enum class Auth { Token, None };
    enum class Pagination { Single, AllPages };

    struct Request
    {
        QByteArray method = "GET";
        QString path; // appended to apiBase; or a full URL in `url`
        QUrl url;     // when set, used verbatim (device flow, pagination)
        QUrlQuery query;
        QByteArray body;
        QByteArray contentType; // application/json when body is set and this is empty
        QByteArray accept = "application/vnd.github+json";
        Auth auth = Auth::Token;
        Pagination pagination = Pagination::Single;
    };

    struct Response
    {
        int status = 0;
        QByteArray body;                              // the last page's body
        QList<QPair<QByteArray, QByteArray>> headers; // the last page's; names lower-case
        QJsonArray items;                             // Pagination::AllPages: every page's items

        QByteArray header(const QByteArray &lowerCaseName) const;
        QJsonDocument json() const { return QJsonDocument::fromJson(body); }
    };

    explicit Client(ClientOptions options, std::shared_ptr<credentials::TokenStore> tokens,
                    QObject *parent = nullptr);
    ~Client() override;

    const ClientOptions &options() const { return m_options; }
    // Replaces the token (after the device flow or a new sign-in) and forgets a refusal. The
    // token still only goes over https or to a loopback or allowed plain-http host (the token
    // store's rule; without a store, loopback only).
    void setToken(const QString &token);

    void send(Request request, QObject *context, Callback<Response> done);

    void currentUser(QObject *context, Callback<User> done);
    void repository(const RepoRef &repo, QObject *context, Callback<Repository> done);
    void listOpenPulls(const RepoRef &repo, QObject *context, Callback<QList<PullRequest>> done);
    void pull(const RepoRef &repo, int number, QObject *context, Callback<PullRequest> done);
    // On 422 "A pull request already exists", answers that pull with Origin::AlreadyExisted.
    void createPull(const RepoRef &repo, const NewPullRequest &pull, QObject *context,
                    Callback<CreatedPullRequest> done);
    void pullFiles(const RepoRef &repo, int number, QObject *context,
                   Callback<QList<PullFile>> done);
    void pullDiff(const RepoRef &repo, int number, QObject *context, Callback<QByteArray> done);
    void pullCommits(const RepoRef &repo, int number, QObject *context,
                     Callback<QList<Commit>> done);
    void reviews(const RepoRef &repo, int number, QObject *context, Callback<QList<Review>> done);
    void createReview(const RepoRef &repo, int number, const NewReview &review, QObject *context,
                      Callback<Review> done);
    void pullComments(const RepoRef &repo, int number, QObject *context,
                      Callback<QList<PullComment>> done);
    void issueComments(const RepoRef &repo, int number, QObject *context,
                       Callback<QList<IssueComment>> done);
    void createIssueComment(const RepoRef &repo, int number, const QString &body, QObject *context,
                            Callback<IssueComment> done);
    void addLabels(const RepoRef &repo, int number, const QStringList &labels, QObject *context,
                   Callback<QList<Label>> done);
    void requestReviewers(const RepoRef &repo, int number, const QStringList &users,
                          const QStringList &teams, QObject *context, Callback<PullRequest> done);
    void orgTeams(const QString &org, QObject *context, Callback<QList<Team>> done);
    void teamMembers(const QString &org, const QString &teamSlug, QObject *context,
                     Callback<QList<User>> done);
    // A file's bytes at `ref` (empty: the default branch), decoded from GitHub's base64.
    void contents(const RepoRef &repo, const QString &path, const QString &ref, QObject *context,
                  Callback<FileContent> done);

Q_SIGNALS:
    // GitHub asked us to wait; the request is resent after `seconds` by a timer.
    void waitingForRateLimit(int seconds, const QString &message);
    // A 5xx or network failure; attempt `attempt` is sent again after `delayMs`.
    void retrying(int attempt, int delayMs, const QString &reason);

private:
    struct Operation;

    void withToken(std::shared_ptr<Operation> op);
    void takeAnswer(credentials::TokenStore::Answer answer);
    void issue(std::shared_ptr<Operation> op);
    void finished(std::shared_ptr<Operation> op, QNetworkReply *reply, bool timedOut);
    void retryOrFail(const std::shared_ptr<Operation> &op, ApiError error, bool retryable);
    void complete(const std::shared_ptr<Operation> &op, ApiResult<Response> result);
    ApiError errorFromResponse(int status, const QByteArray &body) const;
    QString scrub(QString text) const;
    QUrl apiUrl(const QString &path) const;

    template<typename T>
    void getList(const QString &path, QUrlQuery query, QObject *context, Callback<QList<T>> done);
    template<typename T> void getObject(const QString &path, QObject *context, Callback<T> done);
    template<typename T>
    void postJson(const QString &path, const QJsonDocument &body, QObject *context,
                  std::function<ApiResult<T>(const Response &)> parse, Callback<T> done);

    ClientOptions m_options;
    std::shared_ptr<credentials::TokenStore> m_tokens; // null: requests go unauthenticated
    QNetworkAccessManager *m_network;
    enum class TokenState { Unknown, Loading, Ready };
    TokenState m_tokenState = TokenState::Unknown;
    std::optional<QString> m_token;
    std::optional<ApiError> m_tokenRefusal; // the 401 the current token got; never resent
    // Why the store held the token back (plain http, or the environment's token and not this
    // host's): requests that need a token fail with it rather than go without.
    std::optional<ApiError> m_tokenWithheld;
    QList<std::shared_ptr<Operation>> m_waitingForToken;
};

// "owner/repo/pulls" style path pieces are percent-encoded one segment at a time.
QString pathSegment(const QString &segment);

} // namespace kanri::github
