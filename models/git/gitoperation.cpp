#include "git/gitoperation.h"
#include "credentials/tokenstore.h"
#include "git/giterrors.h"
#include "git/gitknownhosts.h"
#include "git/gitrepository.h"

#include <QDir>
#include <QFileInfo>
#include <QUrl>

namespace kanri::git::detail {

Operation::Operation(const NetworkOptions &options, QString url)
    : m_options(options)
    , m_displayUrl(scrubSecrets(std::move(url)))
{}

void Operation::setUrlToken(QString token)
{
    m_secrets << token;
    m_urlToken = std::move(token);
}

void Operation::install(git_remote_callbacks &callbacks)
{
    callbacks.credentials = &Operation::credentials;
    callbacks.certificate_check = &Operation::certificate;
    callbacks.transfer_progress = &Operation::transfer;
    callbacks.sideband_progress = &Operation::sideband;
    callbacks.push_transfer_progress = &Operation::pushTransfer;
    callbacks.push_update_reference = &Operation::pushUpdate;
    callbacks.push_negotiation = &Operation::pushNegotiation;
    callbacks.payload = this;
}

void Operation::installCheckout(git_checkout_options &checkout)
{
    checkout.notify_flags = GIT_CHECKOUT_NOTIFY_UPDATED;
    checkout.notify_cb = &Operation::checkoutNotify;
    checkout.notify_payload = this;
    checkout.progress_cb = &Operation::checkoutProgress;
    checkout.progress_payload = this;
}

bool Operation::cancelled()
{
    if (!m_cancelled && m_options.cancelRequested()) {
        m_cancelled = true;
        m_reason = Error{tr("cancelled"), {}, 0, 0, Error::Code::Cancelled};
    }
    return m_cancelled;
}

void Operation::report(const TransferProgress &progress, bool force)
{
    if (!m_options.progress)
        return;
    if (!force && m_reportedOnce && m_sinceReport.elapsed() < m_options.progressIntervalMs)
        return;
    m_reportedOnce = true;
    m_sinceReport.restart();
    m_options.progress(progress);
}

int Operation::refuseAuth(const QString &message)
{
    m_reason = Error{message, {}, 0, 0, Error::Code::Auth};
    git_error_set_str(GIT_ERROR_NET, "authentication failed");
    return GIT_EAUTH;
}

Error Operation::failure(int rc, const QString &context)
{
    if (m_cancelled)
        return Error{tr("cancelled"), {}, 0, 0, Error::Code::Cancelled};
    if (m_reason) {
        git_error_clear();
        Error e = *m_reason;
        e.message = scrubSecrets(e.message, m_secrets);
        return e;
    }
    Error e = gitError(rc, {}, m_secrets);
    if (rc == GIT_ENONFASTFORWARD) {
        e.code = Error::Code::Rejected;
        e.message = tr("push rejected: the remote has commits you do not have; pull first");
        return e;
    }
    if (e.code == Error::Code::Auth || e.message.contains(QLatin1String("401")) ||
        e.message.contains(QLatin1String("authentication"), Qt::CaseInsensitive)) {
        e.code = Error::Code::Auth;
        e.message = tr("authentication failed for %1").arg(m_displayUrl);
        return e;
    }
    // libgit2 reports a refused connection or an unknown host as an OS error.
    const bool looksLikeNetwork = e.message.contains(QLatin1String("failed to connect")) ||
                                  e.message.contains(QLatin1String("resolve address")) ||
                                  e.message.contains(QLatin1String("timed out"));
    if (e.code == Error::Code::Network || looksLikeNetwork) {
        e.code = Error::Code::Network;
        e.message = tr("network error talking to %1: %2").arg(m_displayUrl, e.message);
        return e;
    }
    if (!context.isEmpty())
        e.message = context + QStringLiteral(": ") + e.message;
    return e;
}

int Operation::credentials(git_credential **out, const char *url, const char *userFromUrl,
                           unsigned int allowed, void *payload)
{
    auto *self = static_cast<Operation *>(payload);
    if (self->cancelled())
        return GIT_EUSER;
    const QString urlText = QString::fromUtf8(url ? url : "");
    const QByteArray urlUser = userFromUrl && *userFromUrl ? QByteArray(userFromUrl) : QByteArray();

    if (allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT) {
        // The server refused what we offered before: never offer it again.
        if (self->m_tokenOffered)
            return self->refuseAuth(tr("authentication failed for %1").arg(self->m_displayUrl));
        self->m_tokenOffered = true;
        const std::shared_ptr<credentials::TokenStore> store =
            self->m_options.tokens ? self->m_options.tokens
                                   : std::make_shared<credentials::TokenStore>();
        const QUrl target(urlText);
        // Before any token is looked up, even the URL's own: none goes over plain http to a
        // host that is neither loopback nor allowed.
        if (store->transport(target) == credentials::TokenTransport::RefusedHttp) {
            self->m_reason = Error{
                tr("authentication failed for %1: %2")
                    .arg(self->m_displayUrl,
                         credentials::TokenStore::plainHttpRefusal(credentials::hostOfUrl(target))),
                {},
                0,
                0,
                Error::Code::Unsupported};
            git_error_set_str(GIT_ERROR_NET, "authentication refused");
            return GIT_EAUTH;
        }
        std::optional<QString> token;
        if (self->m_urlToken) {
            token = store->offer(target, *self->m_urlToken).token;
        } else {
            credentials::TokenStore::Answer answer = store->token(target);
            if (!answer.reason.isEmpty())
                return self->refuseAuth(
                    tr("authentication failed for %1: %2").arg(self->m_displayUrl, answer.reason));
            token = std::move(answer.token);
        }
        if (!token || token->isEmpty())
            return self->refuseAuth(
                tr("authentication failed for %1: no token (set KANRI_GITHUB_TOKEN or store "
                   "one in the keychain)")
                    .arg(self->m_displayUrl));
        self->m_secrets << *token;
        const QByteArray user = urlUser.isEmpty() ? QByteArray("x-access-token") : urlUser;
        return git_credential_userpass_plaintext_new(out, user.constData(),
                                                     token->toUtf8().constData());
    }

    const QByteArray sshUser = urlUser.isEmpty() ? QByteArray("git") : urlUser;
    if (allowed & GIT_CREDENTIAL_USERNAME) {
        if (self->m_usernameOffered)
            return self->refuseAuth(tr("authentication failed for %1").arg(self->m_displayUrl));
        self->m_usernameOffered = true;
        return git_credential_username_new(out, sshUser.constData());
    }

    if (allowed & GIT_CREDENTIAL_SSH_KEY) {
        if (!self->m_agentOffered && qEnvironmentVariableIsSet("SSH_AUTH_SOCK")) {
            self->m_agentOffered = true;
            return git_credential_ssh_key_from_agent(out, sshUser.constData());
        }
        const QString dir = self->m_options.sshKeyDirectory.isEmpty()
                                ? QDir::homePath() + QStringLiteral("/.ssh")
                                : self->m_options.sshKeyDirectory;
        static const char *const names[] = {"id_ed25519", "id_ecdsa", "id_rsa"};
        while (self->m_keyFileIndex < int(std::size(names))) {
            const QString key = dir + QLatin1Char('/') + QLatin1String(names[self->m_keyFileIndex]);
            ++self->m_keyFileIndex;
            if (!QFileInfo::exists(key))
                continue;
            const QString pub = key + QStringLiteral(".pub");
            const QByteArray keyPath = QFile::encodeName(key);
            const QByteArray pubPath = QFile::encodeName(pub);
            return git_credential_ssh_key_new(
                out, sshUser.constData(), QFileInfo::exists(pub) ? pubPath.constData() : nullptr,
                keyPath.constData(), nullptr);
        }
        return self->refuseAuth(
            tr("authentication failed for %1: no SSH key was accepted (tried ssh-agent and %2)")
                .arg(self->m_displayUrl, dir));
    }
    return self->refuseAuth(
        tr("authentication failed for %1: the server asks for an unsupported method")
            .arg(self->m_displayUrl));
}

int Operation::certificate(git_cert *cert, int valid, const char *host, void *payload)
{
    auto *self = static_cast<Operation *>(payload);
    const QString hostName = QString::fromUtf8(host ? host : "");
    if (cert->cert_type == GIT_CERT_HOSTKEY_LIBSSH2) {
        const auto *key = reinterpret_cast<const git_cert_hostkey *>(cert);
        HostKeyInfo info;
        info.host = hostName;
        const QUrl url(self->m_displayUrl);
        if (url.port() > 0)
            info.port = url.port();
        if (key->type & GIT_CERT_SSH_SHA256) {
            const QByteArray hash(reinterpret_cast<const char *>(key->hash_sha256), 32);
            info.fingerprint = QStringLiteral("SHA256:") +
                               QString::fromLatin1(hash.toBase64(QByteArray::OmitTrailingEquals));
        }
        const QString name = knownHostsName(hostName, info.port);
        if (key->type & GIT_CERT_SSH_RAW) {
            info.key = QByteArray(key->hostkey, qsizetype(key->hostkey_len));
            info.keyType = sshKeyType(info.key);
            // Kanri's own check of the known_hosts files (libgit2 only says "no match", and
            // reads the home folder it saw at start-up).
            const QStringList files = self->m_options.knownHostsFiles.isEmpty()
                                          ? defaultKnownHostsFiles()
                                          : self->m_options.knownHostsFiles;
            const KnownHostsCheck check = checkKnownHosts(files, hostName, info.port, info.key);
            if (check.status == KnownHostsCheck::Status::Matches)
                return 0;
            if (check.status == KnownHostsCheck::Status::Changed) {
                // Never offered for trust: it may be someone in the middle.
                self->m_reason = Error{
                    tr("the SSH host key of %1 has CHANGED: the server presented %2 (%3), but "
                       "line %4 of %5 records a different key. Refusing to connect: someone may "
                       "be intercepting the connection, or the server's key was replaced. If "
                       "the server's administrators confirm the new key, remove line %4 from "
                       "%5 (ssh-keygen -R \"%1\") and connect again")
                        .arg(name, info.fingerprint, info.keyType)
                        .arg(check.line)
                        .arg(check.file),
                    {},
                    0,
                    0,
                    Error::Code::Auth};
                return GIT_ECERTIFICATE;
            }
            info.otherKeyTypes = check.otherKeyTypes;
        }
        // libgit2 found the key in its known_hosts: valid means the key matched.
        if (valid)
            return 0;
        if (self->m_options.unknownHostKey &&
            self->m_options.unknownHostKey(info) == HostKeyDecision::AcceptOnce)
            return 0;
        self->m_reason =
            Error{tr("the SSH host key of %1 (%2) is unknown: no known_hosts file records it; "
                     "refusing to connect (check the fingerprint with the server's administrators, "
                     "then add it with ssh-keyscan, or trust it in Kanri)")
                      .arg(name, info.fingerprint),
                  {},
                  0,
                  0,
                  Error::Code::Auth};
        return GIT_ECERTIFICATE;
    }
    if (valid)
        return GIT_PASSTHROUGH; // libgit2 verified the TLS chain and host name
    self->m_reason = Error{
        tr("the TLS certificate of %1 could not be verified; refusing to connect").arg(hostName),
        {},
        0,
        0,
        Error::Code::Network};
    return GIT_ECERTIFICATE;
}

int Operation::transfer(const git_indexer_progress *stats, void *payload)
{
    auto *self = static_cast<Operation *>(payload);
    if (self->cancelled())
        return GIT_EUSER;
    TransferProgress p;
    p.stage = stats->received_objects < stats->total_objects ? TransferProgress::Stage::Receiving
                                                             : TransferProgress::Stage::Resolving;
    p.totalObjects = stats->total_objects;
    p.receivedObjects = stats->received_objects;
    p.indexedObjects = stats->indexed_objects;
    p.totalDeltas = stats->total_deltas;
    p.indexedDeltas = stats->indexed_deltas;
    p.receivedBytes = stats->received_bytes;
    self->report(p);
    return 0;
}

int Operation::sideband(const char *, int, void *payload)
{
    auto *self = static_cast<Operation *>(payload);
    return self->cancelled() ? GIT_EUSER : 0;
}

int Operation::pushTransfer(unsigned int current, unsigned int total, size_t bytes, void *payload)
{
    auto *self = static_cast<Operation *>(payload);
    if (self->cancelled())
        return GIT_EUSER;
    TransferProgress p;
    p.stage = TransferProgress::Stage::Pushing;
    p.receivedObjects = current;
    p.totalObjects = total;
    p.receivedBytes = bytes;
    self->report(p);
    return 0;
}

int Operation::pushUpdate(const char *refname, const char *status, void *payload)
{
    auto *self = static_cast<Operation *>(payload);
    if (status)
        self->m_rejected << QStringLiteral("%1 (%2)").arg(QString::fromUtf8(refname),
                                                          QString::fromUtf8(status));
    return 0;
}

int Operation::pushNegotiation(const git_push_update **, size_t, void *payload)
{
    auto *self = static_cast<Operation *>(payload);
    return self->cancelled() ? GIT_EUSER : 0;
}

int Operation::checkoutNotify(git_checkout_notify_t, const char *, const git_diff_file *,
                              const git_diff_file *, const git_diff_file *, void *payload)
{
    auto *self = static_cast<Operation *>(payload);
    return self->cancelled() ? GIT_EUSER : 0;
}

void Operation::checkoutProgress(const char *, size_t done, size_t total, void *payload)
{
    auto *self = static_cast<Operation *>(payload);
    TransferProgress p;
    p.stage = TransferProgress::Stage::CheckingOut;
    p.checkoutDone = unsigned(done);
    p.checkoutTotal = unsigned(total);
    self->report(p);
}

} // namespace kanri::git::detail
