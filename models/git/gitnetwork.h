#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stop_token>

namespace kanri::credentials {
class TokenStore;
}

namespace kanri::git {

// A snapshot of a network operation. Callbacks receive it on the worker thread, at most
// once per NetworkOptions::progressIntervalMs (plus one final report).
struct TransferProgress
{
    enum class Stage { Receiving, Resolving, CheckingOut, Pushing, Done };
    Stage stage = Stage::Receiving;
    unsigned totalObjects = 0;
    unsigned receivedObjects = 0;
    unsigned indexedObjects = 0;
    unsigned totalDeltas = 0;
    unsigned indexedDeltas = 0;
    std::uint64_t receivedBytes = 0; // bytes received (fetch, clone) or sent (push)
    unsigned checkoutDone = 0;
    unsigned checkoutTotal = 0;
};

// The SSH host key the server presented when no known_hosts file records it (a key that
// differs from the recorded one is refused without asking: see gitknownhosts.h).
struct HostKeyInfo
{
    QString host;
    int port = 22;
    QString fingerprint;       // "SHA256:<base64>" like ssh prints it
    QString keyType;           // "ssh-ed25519", ... (empty when libssh2 gave no raw key)
    QByteArray key;            // the raw public key blob, for a known_hosts line
    QStringList otherKeyTypes; // key types known_hosts records for the host already
};

enum class HostKeyDecision { Refuse, AcceptOnce };

// Everything a network operation (clone, fetch, push, pull) needs from its caller. Copyable;
// the callbacks run on the thread that runs the operation (never the GUI thread in the GUI:
// post to it with QMetaObject::invokeMethod and a context object).
struct NetworkOptions
{
    std::function<void(const TransferProgress &)> progress;
    int progressIntervalMs = 100; // at most 10 reports a second

    // Cancellation: either a std::stop_token or a predicate (e.g. QPromise::isCanceled);
    // checked at every progress step of libgit2.
    std::stop_token stop;
    std::function<bool()> isCancelled;

    // Where HTTPS tokens come from (asked on the operation's thread); null means a default
    // credentials::TokenStore (the environment, then the system keychain).
    std::shared_ptr<credentials::TokenStore> tokens;

    // Asked when no known_hosts file records the SSH host key (a changed key is refused
    // without asking). Unset: refused with a clear message.
    std::function<HostKeyDecision(const HostKeyInfo &)> unknownHostKey;

    // The known_hosts files checked (empty: defaultKnownHostsFiles(): ~/.ssh/known_hosts and
    // Kanri's own).
    QStringList knownHostsFiles;

    // Where SSH key files are looked for (id_ed25519, id_ecdsa, id_rsa); empty: ~/.ssh.
    QString sshKeyDirectory;

    bool cancelRequested() const { return stop.stop_requested() || (isCancelled && isCancelled()); }
};

} // namespace kanri::git
