#include "git/giterrors.h"
#include "git/gitrepository.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <git2.h>

namespace kanri::git {

QString scrubSecrets(QString text, const QStringList &secrets)
{
    static const QRegularExpression userinfo(
        QStringLiteral(R"(\b([A-Za-z][A-Za-z0-9+.\-]*://)[^/\s@]*@)"));
    text.replace(userinfo, QStringLiteral("\\1"));
    for (const QString &secret : secrets) {
        if (!secret.isEmpty())
            text.replace(secret, QStringLiteral("***"));
    }
    return text;
}

namespace detail {

QString tr(const char *text)
{
    return QCoreApplication::translate("kanri::git", text);
}

Error gitError(int rc, const QString &context, const QStringList &secrets)
{
    const git_error *last = git_error_last();
    const int klass = last ? last->klass : GIT_ERROR_NONE;
    QString message = last && last->message ? QString::fromUtf8(last->message).trimmed()
                                            : QStringLiteral("libgit2 error %1").arg(rc);
    Error::Code code = Error::Code::Generic;
    switch (rc) {
    case GIT_ENOTFOUND:
    case GIT_EUNBORNBRANCH:
        code = Error::Code::NotFound;
        break;
    case GIT_EAUTH:
        code = Error::Code::Auth;
        break;
    case GIT_ENONFASTFORWARD:
        code = Error::Code::Rejected;
        break;
    case GIT_ECONFLICT:
    case GIT_EMERGECONFLICT:
        code = Error::Code::Conflict;
        break;
    case GIT_EUSER:
        code = Error::Code::Cancelled;
        break;
    case GIT_ECERTIFICATE:
        code = Error::Code::Network;
        break;
    default:
        if (klass == GIT_ERROR_NET || klass == GIT_ERROR_SSL || klass == GIT_ERROR_SSH ||
            klass == GIT_ERROR_HTTP)
            code = Error::Code::Network;
        else if (klass == GIT_ERROR_OS)
            code = Error::Code::Io;
        break;
    }
    if (!context.isEmpty())
        message = context + QStringLiteral(": ") + message;
    git_error_clear();
    return Error{scrubSecrets(message, secrets), {}, 0, 0, code};
}

std::unexpected<Error> gitFail(int rc, const QString &context, const QStringList &secrets)
{
    return std::unexpected(gitError(rc, context, secrets));
}

} // namespace detail
} // namespace kanri::git
