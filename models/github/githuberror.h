#pragma once

#include "core/result.h"

#include <QList>
#include <QMetaType>
#include <QString>

#include <chrono>
#include <expected>

namespace kanri::github {

// One entry of a 422 body. GitHub sends either objects {resource, field, code, message} or,
// for some endpoints (create review), plain strings, which land in `message`.
struct ValidationItem
{
    QString resource;
    QString field;
    QString code;
    QString message;

    // "A pull request already exists for o:b." or, without a message, "PullRequest.head: invalid".
    QString toString() const;
};

// A failed GitHub call. `message` is GitHub's own text ("Bad credentials", "Validation Failed")
// or the transport's when there was no HTTP answer; it never contains the token.
struct ApiError
{
    enum class Kind {
        Auth,        // 401: the token was refused (or none was given where one is needed)
        Forbidden,   // 403 that is not a rate limit
        NotFound,    // 404: missing, or private and invisible to this token
        Validation,  // 422: GitHub's message plus `errors`
        RateLimited, // the wait GitHub asked for was too long, or it kept refusing
        Network,     // no HTTP answer: refused, reset, DNS, TLS
        Timeout,     // no complete answer within the per-request timeout
        Server,      // 5xx after the bounded retries
        DeviceFlow,  // the OAuth device flow ended without a token (`oauthError` says why)
        Usage,       // the caller asked for something impossible
        Other,       // any other status, or an answer that does not parse
    };

    Kind kind = Kind::Other;
    int httpStatus = 0; // 0 when there was no HTTP answer
    QString message;
    QList<ValidationItem> errors;
    QString
        oauthError; // OAuth `error` field: access_denied, expired_token, device_flow_disabled...
    std::chrono::seconds retryAfter{0}; // RateLimited: the wait GitHub asked for

    // A translated sentence for the user, e.g. "GitHub refused the credentials (HTTP 401: Bad
    // credentials)". Kind::Auth always says the credentials were refused.
    QString toString() const;
    // The same text as a kanri::Error with the matching code, for Result<T> callers.
    Error toError() const;

    // 422 whose errors say a pull request already exists for the head branch. GitHub uses code
    // "custom" here, not "already_exists" (go-github#1441), so the message is what identifies it.
    bool isPullRequestAlreadyExists() const;

    static ApiError make(Kind kind, QString message, int httpStatus = 0);
};

template<typename T> using ApiResult = std::expected<T, ApiError>;

inline std::unexpected<ApiError> apiFail(ApiError::Kind kind, QString message, int httpStatus = 0)
{
    return std::unexpected(ApiError::make(kind, std::move(message), httpStatus));
}

} // namespace kanri::github

Q_DECLARE_METATYPE(kanri::github::ApiError)
