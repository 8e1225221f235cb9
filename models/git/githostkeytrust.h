#pragma once

// The SSH host keys a user trusted while Kanri runs, shared by the GUI thread and the workers
// that run network operations. A worker never waits for the GUI: an unknown key is refused and
// remembered (decide), the GUI asks the user about it afterwards (takeRefused) and, when the
// user trusts it, records it (trust) and runs the operation again, which then accepts it.

#include "core/result.h"
#include "git/gitnetwork.h"

#include <QMutex>
#include <QSet>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace kanri::git {

class HostKeyTrust
{
public:
    // A key trusted in this session is accepted; any other is refused and remembered.
    // Runs on the worker.
    HostKeyDecision decide(const HostKeyInfo &key);
    // Forgets the refused key (before an operation starts).
    void clearRefused();
    // The key refused last, if any (and forgets it).
    std::optional<HostKeyInfo> takeRefused();
    // Trusts the key until Kanri quits and, when the server gave the raw key, appends it to
    // `knownHostsFile` (ssh and the next run find it there). The error says why writing
    // failed; the key stays trusted for the session then.
    Result<void> trust(const HostKeyInfo &key, const QString &knownHostsFile);
    bool isTrusted(const QString &fingerprint) const;

    // NetworkOptions::unknownHostKey over a shared HostKeyTrust.
    static std::function<HostKeyDecision(const HostKeyInfo &)>
    callback(std::shared_ptr<HostKeyTrust> trust);

private:
    mutable QMutex m_mutex;
    QSet<QString> m_trusted; // fingerprints
    std::optional<HostKeyInfo> m_refused;
};

} // namespace kanri::git
