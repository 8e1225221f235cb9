#pragma once

// Internal to models/git: the state of one network operation, handed to libgit2's callbacks
// as their payload. It decides which credential to offer (each one once), checks
// cancellation, throttles progress and remembers why an operation stopped so the error can
// say it in words.

#include "core/result.h"
#include "git/gitnetwork.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QString>
#include <QStringList>

#include <optional>

#include <git2.h>

namespace kanri::git::detail {

class Operation
{
    Q_DECLARE_TR_FUNCTIONS(kanri::git::detail::Operation)

public:
    Operation(const NetworkOptions &options, QString url);

    void install(git_remote_callbacks &callbacks);
    void installCheckout(git_checkout_options &checkout);

    // A password found in the URL is used instead of the token source.
    void setUrlToken(QString token);

    bool cancelled();
    void report(const TransferProgress &progress, bool force = false);

    // The error for a failed libgit2 call made with these callbacks.
    Error failure(int rc, const QString &context);

    QStringList secrets() const { return m_secrets; }
    QStringList rejectedRefs() const { return m_rejected; }
    const QString &displayUrl() const { return m_displayUrl; }

private:
    static int credentials(git_credential **out, const char *url, const char *userFromUrl,
                           unsigned int allowed, void *payload);
    static int certificate(git_cert *cert, int valid, const char *host, void *payload);
    static int transfer(const git_indexer_progress *stats, void *payload);
    static int sideband(const char *text, int length, void *payload);
    static int pushTransfer(unsigned int current, unsigned int total, size_t bytes, void *payload);
    static int pushUpdate(const char *refname, const char *status, void *payload);
    static int pushNegotiation(const git_push_update **updates, size_t count, void *payload);
    static int checkoutNotify(git_checkout_notify_t why, const char *path, const git_diff_file *,
                              const git_diff_file *, const git_diff_file *, void *payload);
    static void checkoutProgress(const char *path, size_t done, size_t total, void *payload);

    int refuseAuth(const QString &message);

    const NetworkOptions &m_options;
    QString m_displayUrl;
    std::optional<QString> m_urlToken;
    QStringList m_secrets;
    bool m_tokenOffered = false;
    bool m_usernameOffered = false;
    bool m_agentOffered = false;
    int m_keyFileIndex = 0;
    bool m_cancelled = false;
    std::optional<Error> m_reason; // why a callback stopped the operation
    QStringList m_rejected;
    QElapsedTimer m_sinceReport;
    bool m_reportedOnce = false;
};

} // namespace kanri::git::detail
