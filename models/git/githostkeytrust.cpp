#include "git/githostkeytrust.h"

#include "git/gitknownhosts.h"

#include <utility>

namespace kanri::git {

HostKeyDecision HostKeyTrust::decide(const HostKeyInfo &key)
{
    QMutexLocker lock(&m_mutex);
    if (m_trusted.contains(key.fingerprint))
        return HostKeyDecision::AcceptOnce;
    m_refused = key;
    return HostKeyDecision::Refuse;
}

void HostKeyTrust::clearRefused()
{
    QMutexLocker lock(&m_mutex);
    m_refused.reset();
}

std::optional<HostKeyInfo> HostKeyTrust::takeRefused()
{
    QMutexLocker lock(&m_mutex);
    return std::exchange(m_refused, std::nullopt);
}

Result<void> HostKeyTrust::trust(const HostKeyInfo &key, const QString &knownHostsFile)
{
    {
        QMutexLocker lock(&m_mutex);
        m_trusted.insert(key.fingerprint);
    }
    if (key.key.isEmpty())
        return {};
    return addKnownHost(knownHostsFile, key.host, key.port, key.key);
}

bool HostKeyTrust::isTrusted(const QString &fingerprint) const
{
    QMutexLocker lock(&m_mutex);
    return m_trusted.contains(fingerprint);
}

std::function<HostKeyDecision(const HostKeyInfo &)>
HostKeyTrust::callback(std::shared_ptr<HostKeyTrust> trust)
{
    return [trust = std::move(trust)](const HostKeyInfo &key) { return trust->decide(key); };
}

} // namespace kanri::git
