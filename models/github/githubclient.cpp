#include "github/githubclient.h"

#include "github/githubremote.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QMetaObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QTimer>

#include <algorithm>

#ifndef KANRI_GITHUB_VERSION
#define KANRI_GITHUB_VERSION "0"
#endif

namespace kanri::github {

namespace {

constexpr int maxPages = 1000; // a server that links a page to itself must not loop forever
constexpr auto apiVersion = "2022-11-28";

QString tr(const char *text)
{
    return QCoreApplication::translate("kanri::github", text);
}

// The URL of rel="next" in a Link header:
//   <https://api.github.com/repositories/1/pulls?page=2>; rel="next", <...>; rel="last"
std::optional<QString> nextLink(const QByteArray &header)
{
    static const QRegularExpression entry(QStringLiteral("<([^>]*)>([^<]*)"));
    static const QRegularExpression rel(QStringLiteral("rel\\s*=\\s*\"?([^\";,]*)"));
    auto it = entry.globalMatch(QString::fromUtf8(header));
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const QRegularExpressionMatch r = rel.match(m.captured(2));
        if (r.hasMatch() && r.captured(1)
                                .split(QLatin1Char(' '), Qt::SkipEmptyParts)
                                .contains(QLatin1String("next")))
            return m.captured(1);
    }
    return std::nullopt;
}

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme() == b.scheme() && a.host().compare(b.host(), Qt::CaseInsensitive) == 0 &&
           a.port(a.scheme() == QLatin1String("http") ? 80 : 443) ==
               b.port(b.scheme() == QLatin1String("http") ? 80 : 443);
}

// QUrlQuery leaves '+' alone, and GitHub reads it as a space.
QString queryValue(QString value)
{
    return value.replace(QLatin1Char('+'), QLatin1String("%2B"));
}

QString repoPath(const RepoRef &repo)
{
    return QStringLiteral("/repos/%1/%2").arg(pathSegment(repo.owner), pathSegment(repo.name));
}

QString pullPath(const RepoRef &repo, int number, const char *tail = "")
{
    return repoPath(repo) + QStringLiteral("/pulls/%1").arg(number) + QLatin1String(tail);
}

QString issuePath(const RepoRef &repo, int number, const char *tail)
{
    return repoPath(repo) + QStringLiteral("/issues/%1").arg(number) + QLatin1String(tail);
}

template<typename T> ApiResult<T> parseObject(const Client::Response &response)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(response.body, &error);
    if (!doc.isObject())
        return apiFail(ApiError::Kind::Other,
                       tr("expected a JSON object, got: %1")
                           .arg(error.error == QJsonParseError::NoError ? tr("another JSON value")
                                                                        : error.errorString()),
                       response.status);
    return T::fromJson(doc.object());
}

template<typename T> QList<T> fromItems(const QJsonArray &items)
{
    QList<T> list;
    list.reserve(items.size());
    for (const QJsonValue &v : items)
        list << T::fromJson(v.toObject());
    return list;
}

template<typename T> ApiResult<QList<T>> parseArray(const Client::Response &response)
{
    const QJsonDocument doc = QJsonDocument::fromJson(response.body);
    if (!doc.isArray())
        return apiFail(ApiError::Kind::Other, tr("expected a JSON array"), response.status);
    return fromItems<T>(doc.array());
}

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

} // namespace

QString pathSegment(const QString &segment)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(segment));
}

struct Client::Operation
{
    Request request;
    QUrl url; // the page being fetched
    QPointer<QObject> context;
    Callback<Response> done;
    int attempt = 0; // retries used on the current page
    int rateLimitWaits = 0;
    int pages = 0;
    QJsonArray items;
};

QByteArray Client::Response::header(const QByteArray &lowerCaseName) const
{
    for (const auto &[name, value] : headers) {
        if (name == lowerCaseName)
            return value;
    }
    return {};
}

ClientOptions ClientOptions::forRemote(const QString &remoteUrl, const QUrl &configuredApiBase)
{
    ClientOptions options;
    const bool useConfigured = qEnvironmentVariableIsEmpty("KANRI_GITHUB_API_URL") &&
                               configuredApiBase.isValid() && !configuredApiBase.isEmpty();
    options.apiBase = useConfigured ? configuredApiBase : resolveApiBase(remoteUrl);
    options.webBase = webBaseForApiBase(options.apiBase);
    return options;
}

Client::Client(ClientOptions options, std::shared_ptr<credentials::TokenStore> tokens,
               QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_tokens(std::move(tokens))
    , m_network(new QNetworkAccessManager(this))
{
    if (m_options.userAgent.isEmpty())
        m_options.userAgent = QByteArray("Kanri/") + KANRI_GITHUB_VERSION;
}

Client::~Client() = default;

void Client::setToken(const QString &token)
{
    m_tokenRefusal.reset();
    m_tokenState = TokenState::Ready;
    if (token.isEmpty()) {
        m_token.reset();
        m_tokenWithheld.reset();
        return;
    }
    if (m_tokens) {
        takeAnswer(m_tokens->offer(m_options.apiBase, token));
        return;
    }
    // Without a store nobody allowed a plain-http host: https and loopback only.
    if (credentials::tokenTransport(m_options.apiBase, {}) ==
        credentials::TokenTransport::RefusedHttp)
        takeAnswer(
            {std::nullopt, credentials::TokenStore::Answer::Withheld::PlainHttp,
             credentials::TokenStore::plainHttpRefusal(credentials::hostOfUrl(m_options.apiBase))});
    else
        takeAnswer({token, {}, {}});
}

void Client::takeAnswer(credentials::TokenStore::Answer answer)
{
    m_token = std::move(answer.token);
    if (answer.reason.isEmpty())
        m_tokenWithheld.reset();
    else
        m_tokenWithheld = ApiError::make(ApiError::Kind::Usage, answer.reason);
}

void Client::send(Request request, QObject *context, Callback<Response> done)
{
    auto op = std::make_shared<Operation>();
    op->url = request.url.isEmpty() ? apiUrl(request.path) : request.url;
    if (!request.query.isEmpty()) {
        QUrlQuery query(op->url);
        for (const auto &[key, value] : request.query.queryItems(QUrl::FullyEncoded))
            query.addQueryItem(key, value);
        op->url.setQuery(query);
    }
    op->request = std::move(request);
    op->context = context ? context : this;
    op->done = std::move(done);
    // Always start from the event loop, so no callback ever runs inside send().
    QMetaObject::invokeMethod(
        this, [this, op] { withToken(op); }, Qt::QueuedConnection);
}

void Client::withToken(std::shared_ptr<Operation> op)
{
    if (op->request.auth == Auth::None || m_tokenState == TokenState::Ready) {
        issue(std::move(op));
        return;
    }
    m_waitingForToken.append(std::move(op));
    if (m_tokenState == TokenState::Loading)
        return;
    m_tokenState = TokenState::Loading;
    auto flush = [this](credentials::TokenStore::Answer answer) {
        if (m_tokenState == TokenState::Loading) { // setToken() may have won the race
            takeAnswer(std::move(answer));
            m_tokenState = TokenState::Ready;
        }
        const auto waiting = std::exchange(m_waitingForToken, {});
        for (const auto &waitingOp : waiting)
            issue(waitingOp);
    };
    if (!m_tokens) {
        flush({});
        return;
    }
    // The token only ever goes to the API's own origin: it is asked for that URL.
    m_tokens->fetchToken(m_options.apiBase, this, flush);
}

void Client::issue(std::shared_ptr<Operation> op)
{
    if (!op->context)
        return;
    // The token only ever goes to the API's own origin.
    const bool toApi = op->request.auth == Auth::Token && sameOrigin(op->url, m_options.apiBase);
    if (toApi && !m_token && m_tokenWithheld) {
        complete(op, std::unexpected(*m_tokenWithheld));
        return;
    }
    const bool authenticated = toApi && m_token.has_value();
    if (authenticated && m_tokenRefusal) {
        complete(op, std::unexpected(*m_tokenRefusal));
        return;
    }

    QNetworkRequest request(op->url);
    request.setRawHeader("User-Agent", m_options.userAgent);
    request.setRawHeader("Accept", op->request.accept);
    request.setRawHeader("X-GitHub-Api-Version", apiVersion);
    if (authenticated)
        request.setRawHeader("Authorization", "Bearer " + m_token->toUtf8());
    if (!op->request.body.isEmpty() || op->request.method == "POST" ||
        op->request.method == "PATCH" || op->request.method == "PUT") {
        request.setHeader(QNetworkRequest::ContentTypeHeader, op->request.contentType.isEmpty()
                                                                  ? QByteArray("application/json")
                                                                  : op->request.contentType);
    }
    // A redirect to another host must not carry the token there.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::SameOriginRedirectPolicy);

    QNetworkReply *reply =
        m_network->sendCustomRequest(request, op->request.method, op->request.body);
    auto timedOut = std::make_shared<bool>(false);
    auto *timer = new QTimer(reply);
    timer->setSingleShot(true);
    timer->setTimerType(Qt::PreciseTimer); // a coarse timer may fire 5% early
    connect(timer, &QTimer::timeout, reply, [reply, timedOut] {
        *timedOut = true;
        reply->abort();
    });
    // Destroying the context cancels the call: the reply is aborted, nothing more is sent.
    if (op->context != this) // the client's own replies die with its network manager
        connect(op->context.data(), &QObject::destroyed, reply, &QNetworkReply::abort);
    connect(reply, &QNetworkReply::finished, this,
            [this, op, reply, timedOut] { finished(op, reply, *timedOut); });
    timer->start(m_options.timeout);
}

void Client::finished(std::shared_ptr<Operation> op, QNetworkReply *reply, bool timedOut)
{
    reply->deleteLater();
    if (!op->context)
        return;
    const bool idempotent = op->request.method == "GET" || op->request.method == "HEAD" ||
                            op->request.method == "PUT" || op->request.method == "DELETE";

    if (timedOut) {
        retryOrFail(op,
                    ApiError::make(ApiError::Kind::Timeout, tr("no answer from %1 within %2 ms")
                                                                .arg(op->url.host())
                                                                .arg(m_options.timeout.count())),
                    idempotent);
        return;
    }
    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!statusAttribute.isValid()) {
        const bool nothingSent = reply->error() == QNetworkReply::ConnectionRefusedError ||
                                 reply->error() == QNetworkReply::HostNotFoundError;
        retryOrFail(op, ApiError::make(ApiError::Kind::Network, scrub(reply->errorString())),
                    idempotent || nothingSent);
        return;
    }

    Response response;
    response.status = statusAttribute.toInt();
    response.body = reply->readAll();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        response.headers.append({name.toLower(), value});

    if (response.status >= 200 && response.status < 300) {
        if (op->request.pagination == Pagination::AllPages) {
            const QJsonDocument doc = QJsonDocument::fromJson(response.body);
            if (!doc.isArray()) {
                complete(op, apiFail(ApiError::Kind::Other,
                                     tr("expected a JSON array from %1").arg(op->url.path()),
                                     response.status));
                return;
            }
            for (const QJsonValue &item : doc.array())
                op->items.append(item);
            ++op->pages;
            if (const auto next = nextLink(response.header("link"))) {
                const QUrl nextUrl = op->url.resolved(QUrl(*next));
                if (!sameOrigin(nextUrl, op->url)) {
                    complete(op, apiFail(ApiError::Kind::Other,
                                         tr("refusing to follow a page link to another host: %1")
                                             .arg(nextUrl.host())));
                    return;
                }
                if (op->pages >= maxPages) {
                    complete(op, apiFail(ApiError::Kind::Other,
                                         tr("more than %1 pages; giving up").arg(maxPages)));
                    return;
                }
                op->url = nextUrl;
                op->attempt = 0;
                issue(op);
                return;
            }
            response.items = op->items;
        }
        complete(op, std::move(response));
        return;
    }

    ApiError error = errorFromResponse(response.status, response.body);

    if (response.status == 403 || response.status == 429) {
        // Rules from GitHub's "Rate limits for the REST API": retry-after wins; else a primary
        // limit (remaining 0) lasts until x-ratelimit-reset; else a secondary limit (said in
        // the message, or any 429) waits at least a minute, doubling each time.
        std::optional<std::chrono::milliseconds> wait;
        bool ok = false;
        const qint64 retryAfter = response.header("retry-after").trimmed().toLongLong(&ok);
        if (ok && retryAfter >= 0) {
            wait = std::chrono::seconds(retryAfter);
        } else if (response.header("x-ratelimit-remaining").trimmed() == "0") {
            const qint64 reset = response.header("x-ratelimit-reset").trimmed().toLongLong(&ok);
            const qint64 untilReset =
                ok ? reset * 1000 - QDateTime::currentMSecsSinceEpoch() : 60000;
            wait = std::chrono::milliseconds(std::max<qint64>(untilReset, 1000));
        } else if (response.status == 429 ||
                   error.message.contains(QLatin1String("secondary rate limit"),
                                          Qt::CaseInsensitive)) {
            wait = m_options.secondaryRateLimitWait * (1 << std::min(op->rateLimitWaits, 10));
        }
        if (wait) {
            const auto seconds = std::chrono::ceil<std::chrono::seconds>(*wait);
            error.kind = ApiError::Kind::RateLimited;
            error.retryAfter = seconds;
            if (op->rateLimitWaits >= m_options.maxRateLimitWaits ||
                *wait > m_options.maxRateLimitWait) {
                complete(op, std::unexpected(error));
                return;
            }
            ++op->rateLimitWaits;
            Q_EMIT waitingForRateLimit(
                int(seconds.count()),
                tr("GitHub rate limit reached (%1); waiting %2 s before trying again")
                    .arg(error.message, QString::number(seconds.count())));
            QTimer::singleShot(*wait, Qt::PreciseTimer, this, [this, op] { issue(op); });
            return;
        }
    }

    if (response.status >= 500) {
        retryOrFail(op, error, true);
        return;
    }
    if (response.status == 401 && op->request.auth == Auth::Token && m_token)
        m_tokenRefusal = error;
    complete(op, std::unexpected(error));
}

void Client::retryOrFail(const std::shared_ptr<Operation> &op, ApiError error, bool retryable)
{
    if (!retryable || op->attempt >= m_options.maxRetries) {
        complete(op, std::unexpected(std::move(error)));
        return;
    }
    const auto delay = m_options.retryBaseDelay * (1 << std::min(op->attempt, 10));
    ++op->attempt;
    Q_EMIT retrying(op->attempt, int(delay.count()), error.toString());
    QTimer::singleShot(delay, Qt::PreciseTimer, this, [this, op] { issue(op); });
}

void Client::complete(const std::shared_ptr<Operation> &op, ApiResult<Response> result)
{
    if (!op->context || !op->done)
        return;
    auto done = std::exchange(op->done, {});
    done(std::move(result));
}

ApiError Client::errorFromResponse(int status, const QByteArray &body) const
{
    ApiError error;
    error.httpStatus = status;
    switch (status) {
    case 401:
        error.kind = ApiError::Kind::Auth;
        break;
    case 403:
        error.kind = ApiError::Kind::Forbidden;
        break;
    case 404:
        error.kind = ApiError::Kind::NotFound;
        break;
    case 422:
        error.kind = ApiError::Kind::Validation;
        break;
    default:
        error.kind = status >= 500 ? ApiError::Kind::Server : ApiError::Kind::Other;
        break;
    }

    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isObject()) {
        // Not GitHub's JSON (a proxy's HTML page, say): keep a short, single-line excerpt.
        error.message = scrub(QString::fromUtf8(body.left(200)).simplified());
        return error;
    }
    const QJsonObject o = doc.object();
    error.message = o.value(QLatin1String("message")).toString();
    error.oauthError = o.value(QLatin1String("error")).toString();
    if (error.message.isEmpty())
        error.message = o.value(QLatin1String("error_description")).toString();
    for (const QJsonValue &item : o.value(QLatin1String("errors")).toArray()) {
        if (item.isString()) {
            error.errors.append(ValidationItem{{}, {}, {}, scrub(item.toString())});
            continue;
        }
        const QJsonObject e = item.toObject();
        error.errors.append(ValidationItem{e.value(QLatin1String("resource")).toString(),
                                           e.value(QLatin1String("field")).toString(),
                                           e.value(QLatin1String("code")).toString(),
                                           scrub(e.value(QLatin1String("message")).toString())});
    }
    error.message = scrub(error.message);
    return error;
}

QString Client::scrub(QString text) const
{
    if (m_token && m_token->size() >= 4)
        text.replace(*m_token, QLatin1String("***"));
    return text;
}

QUrl Client::apiUrl(const QString &path) const
{
    QUrl url = m_options.apiBase;
    QString base = url.path(QUrl::FullyEncoded);
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + path, QUrl::TolerantMode);
    return url;
}

template<typename T>
void Client::getList(const QString &path, QUrlQuery query, QObject *context,
                     Callback<QList<T>> done)
{
    Request request;
    request.path = path;
    request.query = std::move(query);
    request.query.addQueryItem(QStringLiteral("per_page"), QString::number(m_options.perPage));
    request.pagination = Pagination::AllPages;
    send(std::move(request), context, [done = std::move(done)](ApiResult<Response> response) {
        if (!response)
            done(std::unexpected(response.error()));
        else
            done(fromItems<T>(response->items));
    });
}

template<typename T> void Client::getObject(const QString &path, QObject *context, Callback<T> done)
{
    Request request;
    request.path = path;
    send(std::move(request), context, [done = std::move(done)](ApiResult<Response> response) {
        done(response ? parseObject<T>(*response) : std::unexpected(response.error()));
    });
}

template<typename T>
void Client::postJson(const QString &path, const QJsonDocument &body, QObject *context,
                      std::function<ApiResult<T>(const Response &)> parse, Callback<T> done)
{
    Request request;
    request.method = "POST";
    request.path = path;
    request.body = body.toJson(QJsonDocument::Compact);
    send(std::move(request), context,
         [parse = std::move(parse), done = std::move(done)](ApiResult<Response> response) {
             done(response ? parse(*response) : std::unexpected(response.error()));
         });
}

void Client::currentUser(QObject *context, Callback<User> done)
{
    getObject<User>(QStringLiteral("/user"), context, std::move(done));
}

void Client::repository(const RepoRef &repo, QObject *context, Callback<Repository> done)
{
    getObject<Repository>(repoPath(repo), context, std::move(done));
}

void Client::listOpenPulls(const RepoRef &repo, QObject *context, Callback<QList<PullRequest>> done)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("state"), QStringLiteral("open"));
    getList<PullRequest>(repoPath(repo) + QStringLiteral("/pulls"), query, context,
                         std::move(done));
}

void Client::pull(const RepoRef &repo, int number, QObject *context, Callback<PullRequest> done)
{
    getObject<PullRequest>(pullPath(repo, number), context, std::move(done));
}

void Client::createPull(const RepoRef &repo, const NewPullRequest &pull, QObject *context,
                        Callback<CreatedPullRequest> done)
{
    QJsonObject body{{QLatin1String("title"), pull.title},
                     {QLatin1String("head"), pull.head},
                     {QLatin1String("base"), pull.base}};
    if (!pull.body.isEmpty())
        body.insert(QLatin1String("body"), pull.body);
    if (pull.draft)
        body.insert(QLatin1String("draft"), true);
    const QString headLabel = pull.head.contains(QLatin1Char(':'))
                                  ? pull.head
                                  : repo.owner + QLatin1Char(':') + pull.head;

    postJson<PullRequest>(
        repoPath(repo) + QStringLiteral("/pulls"), QJsonDocument(body), context,
        parseObject<PullRequest>,
        [this, repo, headLabel, context, done](ApiResult<PullRequest> created) {
            if (created) {
                done(CreatedPullRequest{*created, CreatedPullRequest::Origin::Created});
                return;
            }
            if (!created.error().isPullRequestAlreadyExists()) {
                done(std::unexpected(created.error()));
                return;
            }
            // GitHub says which head already has a PR but not which PR: ask for it.
            QUrlQuery query;
            query.addQueryItem(QStringLiteral("head"), queryValue(headLabel));
            query.addQueryItem(QStringLiteral("state"), QStringLiteral("open"));
            getList<PullRequest>(
                repoPath(repo) + QStringLiteral("/pulls"), query, context,
                [done, refusal = created.error()](ApiResult<QList<PullRequest>> existing) {
                    if (!existing)
                        done(std::unexpected(existing.error()));
                    else if (existing->isEmpty())
                        done(std::unexpected(refusal));
                    else
                        done(CreatedPullRequest{existing->first(),
                                                CreatedPullRequest::Origin::AlreadyExisted});
                });
        });
}

void Client::pullFiles(const RepoRef &repo, int number, QObject *context,
                       Callback<QList<PullFile>> done)
{
    getList<PullFile>(pullPath(repo, number, "/files"), {}, context, std::move(done));
}

void Client::pullDiff(const RepoRef &repo, int number, QObject *context, Callback<QByteArray> done)
{
    Request request;
    request.path = pullPath(repo, number);
    request.accept = "application/vnd.github.diff";
    send(std::move(request), context, [done = std::move(done)](ApiResult<Response> response) {
        if (!response)
            done(std::unexpected(response.error()));
        else
            done(response->body);
    });
}

void Client::pullCommits(const RepoRef &repo, int number, QObject *context,
                         Callback<QList<Commit>> done)
{
    getList<Commit>(pullPath(repo, number, "/commits"), {}, context, std::move(done));
}

void Client::reviews(const RepoRef &repo, int number, QObject *context,
                     Callback<QList<Review>> done)
{
    getList<Review>(pullPath(repo, number, "/reviews"), {}, context, std::move(done));
}

void Client::createReview(const RepoRef &repo, int number, const NewReview &review,
                          QObject *context, Callback<Review> done)
{
    postJson<Review>(pullPath(repo, number, "/reviews"), QJsonDocument(review.toJson()), context,
                     parseObject<Review>, std::move(done));
}

void Client::pullComments(const RepoRef &repo, int number, QObject *context,
                          Callback<QList<PullComment>> done)
{
    getList<PullComment>(pullPath(repo, number, "/comments"), {}, context, std::move(done));
}

void Client::issueComments(const RepoRef &repo, int number, QObject *context,
                           Callback<QList<IssueComment>> done)
{
    getList<IssueComment>(issuePath(repo, number, "/comments"), {}, context, std::move(done));
}

void Client::createIssueComment(const RepoRef &repo, int number, const QString &body,
                                QObject *context, Callback<IssueComment> done)
{
    postJson<IssueComment>(issuePath(repo, number, "/comments"),
                           QJsonDocument(QJsonObject{{QLatin1String("body"), body}}), context,
                           parseObject<IssueComment>, std::move(done));
}

void Client::addLabels(const RepoRef &repo, int number, const QStringList &labels, QObject *context,
                       Callback<QList<Label>> done)
{
    postJson<QList<Label>>(issuePath(repo, number, "/labels"),
                           QJsonDocument(QJsonObject{{QLatin1String("labels"), toArray(labels)}}),
                           context, parseArray<Label>, std::move(done));
}

void Client::requestReviewers(const RepoRef &repo, int number, const QStringList &users,
                              const QStringList &teams, QObject *context,
                              Callback<PullRequest> done)
{
    QJsonObject body;
    if (!users.isEmpty())
        body.insert(QLatin1String("reviewers"), toArray(users));
    if (!teams.isEmpty())
        body.insert(QLatin1String("team_reviewers"), toArray(teams));
    postJson<PullRequest>(pullPath(repo, number, "/requested_reviewers"), QJsonDocument(body),
                          context, parseObject<PullRequest>, std::move(done));
}

void Client::orgTeams(const QString &org, QObject *context, Callback<QList<Team>> done)
{
    getList<Team>(QStringLiteral("/orgs/%1/teams").arg(pathSegment(org)), {}, context,
                  std::move(done));
}

void Client::teamMembers(const QString &org, const QString &teamSlug, QObject *context,
                         Callback<QList<User>> done)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("role"), QStringLiteral("all"));
    getList<User>(
        QStringLiteral("/orgs/%1/teams/%2/members").arg(pathSegment(org), pathSegment(teamSlug)),
        query, context, std::move(done));
}

void Client::contents(const RepoRef &repo, const QString &path, const QString &ref,
                      QObject *context, Callback<FileContent> done)
{
    QStringList segments;
    for (const QString &segment : path.split(QLatin1Char('/'), Qt::SkipEmptyParts))
        segments << pathSegment(segment);
    Request request;
    request.path = repoPath(repo) + QStringLiteral("/contents/") + segments.join(QLatin1Char('/'));
    if (!ref.isEmpty())
        request.query.addQueryItem(QStringLiteral("ref"), queryValue(ref));
    send(std::move(request), context,
         [done = std::move(done), path](ApiResult<Response> response) -> void {
             if (!response) {
                 done(std::unexpected(response.error()));
                 return;
             }
             const QJsonObject o = response->json().object();
             if (o.value(QLatin1String("type")).toString() != QLatin1String("file")) {
                 done(apiFail(ApiError::Kind::Other, tr("%1 is not a file").arg(path)));
                 return;
             }
             if (o.value(QLatin1String("encoding")).toString() != QLatin1String("base64")) {
                 // Files over 1 MB come with encoding "none" and no content.
                 done(apiFail(ApiError::Kind::Other,
                              tr("%1 is too large for the contents API").arg(path)));
                 return;
             }
             // GitHub wraps the base64 at 60 columns; anything else that is not base64 is an
             // error rather than silently skipped bytes.
             QByteArray encoded = o.value(QLatin1String("content")).toString().toLatin1();
             encoded.removeIf([](char c) { return c == '\n' || c == '\r' || c == ' '; });
             auto decoded = QByteArray::fromBase64Encoding(
                 encoded, QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
             if (!decoded) {
                 done(apiFail(ApiError::Kind::Other,
                              tr("the content of %1 is not valid base64").arg(path)));
                 return;
             }
             done(FileContent{o.value(QLatin1String("path")).toString(),
                              o.value(QLatin1String("sha")).toString(), *decoded, o});
         });
}

} // namespace kanri::github
