#include "github/githuberror.h"

#include <QCoreApplication>
#include <QStringList>

namespace kanri::github {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("kanri::github::ApiError", text);
}

} // namespace

QString ValidationItem::toString() const
{
    if (!message.isEmpty())
        return message;
    QString where = resource;
    if (!field.isEmpty())
        where += (where.isEmpty() ? QString() : QStringLiteral(".")) + field;
    if (where.isEmpty())
        return code;
    return code.isEmpty() ? where : where + QStringLiteral(": ") + code;
}

QString ApiError::toString() const
{
    QString detail = message;
    if (!errors.isEmpty()) {
        QStringList items;
        for (const ValidationItem &item : errors)
            items << item.toString();
        detail += (detail.isEmpty() ? QString() : QStringLiteral(": ")) +
                  items.join(QStringLiteral("; "));
    }
    if (!oauthError.isEmpty() && !detail.contains(oauthError))
        detail += QStringLiteral(" (%1)").arg(oauthError);
    const QString http =
        httpStatus > 0 ? QStringLiteral("HTTP %1: %2").arg(httpStatus).arg(detail) : detail;

    switch (kind) {
    case Kind::Auth:
        return tr("GitHub refused the credentials (%1); set KANRI_GITHUB_TOKEN or sign in again")
            .arg(http);
    case Kind::Forbidden:
        return tr("GitHub denied access (%1)").arg(http);
    case Kind::NotFound:
        return tr("not found on GitHub, or not visible with this token (%1)").arg(http);
    case Kind::Validation:
        return tr("GitHub rejected the request (%1)").arg(http);
    case Kind::RateLimited:
        return tr("GitHub rate limit exceeded (%1)").arg(http);
    case Kind::Network:
        return tr("could not reach GitHub: %1").arg(http);
    case Kind::Timeout:
        return tr("GitHub did not answer in time: %1").arg(http);
    case Kind::Server:
        return tr("GitHub server error (%1)").arg(http);
    case Kind::DeviceFlow:
        return tr("signing in to GitHub failed: %1").arg(http);
    case Kind::Usage:
        return http;
    case Kind::Other:
        return tr("unexpected answer from GitHub (%1)").arg(http);
    }
    return http;
}

Error ApiError::toError() const
{
    Error::Code code = Error::Code::Generic;
    switch (kind) {
    case Kind::Auth:
    case Kind::DeviceFlow:
        code = Error::Code::Auth;
        break;
    case Kind::Forbidden:
    case Kind::Validation:
    case Kind::RateLimited:
        code = Error::Code::Rejected;
        break;
    case Kind::NotFound:
        code = Error::Code::NotFound;
        break;
    case Kind::Network:
    case Kind::Timeout:
    case Kind::Server:
        code = Error::Code::Network;
        break;
    case Kind::Usage:
        code = Error::Code::Usage;
        break;
    case Kind::Other:
        code = Error::Code::Generic;
        break;
    }
    return Error{toString(), {}, 0, 0, code};
}

bool ApiError::isPullRequestAlreadyExists() const
{
    if (kind != Kind::Validation)
        return false;
    for (const ValidationItem &item : errors) {
        if (item.message.startsWith(QLatin1String("A pull request already exists for")))
            return true;
    }
    return false;
}

ApiError ApiError::make(Kind kind, QString message, int httpStatus)
{
    ApiError e;
    e.kind = kind;
    e.message = std::move(message);
    e.httpStatus = httpStatus;
    return e;
}

} // namespace kanri::github
