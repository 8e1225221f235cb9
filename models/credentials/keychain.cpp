#include "credentials/keychain.h"

#include <QCoreApplication>
#include <QEventLoop>

#include <qt6keychain/keychain.h>

#include <algorithm>

namespace kanri::credentials {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("kanri::credentials", text);
}

const QString service = QStringLiteral("kanri");

// Runs a QtKeychain job to its end in a local event loop (the caller is a worker thread or
// the command line).
void runToEnd(QKeychain::Job &job)
{
    job.setAutoDelete(false);
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();
}

class SystemKeychain : public Keychain
{
public:
    std::optional<QString> read(const QString &key) override
    {
        QKeychain::ReadPasswordJob job(service);
        job.setKey(key);
        runToEnd(job);
        if (job.error() != QKeychain::NoError || job.textData().isEmpty())
            return std::nullopt; // no keychain, locked, or nothing stored under this key
        return job.textData();
    }

    Result<void> write(const QString &key, const QString &secret) override
    {
        QKeychain::WritePasswordJob job(service);
        job.setKey(key);
        job.setTextData(secret);
        runToEnd(job);
        if (job.error() != QKeychain::NoError)
            return fail(Error::Code::Io,
                        tr("cannot store the token in the keychain: %1").arg(job.errorString()));
        return {};
    }

    Result<void> remove(const QString &key) override
    {
        QKeychain::DeletePasswordJob job(service);
        job.setKey(key);
        runToEnd(job);
        if (job.error() != QKeychain::NoError && job.error() != QKeychain::EntryNotFound)
            return fail(Error::Code::Io,
                        tr("cannot remove the token from the keychain: %1").arg(job.errorString()));
        return {};
    }
};

} // namespace

Keychain::~Keychain() = default;

std::shared_ptr<Keychain> systemKeychain()
{
    return std::make_shared<SystemKeychain>();
}

std::optional<QString> MemoryKeychain::read(const QString &key)
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_secrets.constFind(key);
    if (!m_available || it == m_secrets.constEnd())
        return std::nullopt;
    return *it;
}

Result<void> MemoryKeychain::write(const QString &key, const QString &secret)
{
    QMutexLocker lock(&m_mutex);
    if (!m_available)
        return fail(Error::Code::Io,
                    tr("cannot store the token in the keychain: %1").arg(tr("it is locked")));
    m_secrets.insert(key, secret);
    return {};
}

Result<void> MemoryKeychain::remove(const QString &key)
{
    QMutexLocker lock(&m_mutex);
    if (!m_available)
        return fail(Error::Code::Io,
                    tr("cannot remove the token from the keychain: %1").arg(tr("it is locked")));
    m_secrets.remove(key);
    return {};
}

void MemoryKeychain::setAvailable(bool available)
{
    QMutexLocker lock(&m_mutex);
    m_available = available;
}

QStringList MemoryKeychain::keys() const
{
    QMutexLocker lock(&m_mutex);
    QStringList keys = m_secrets.keys();
    std::ranges::sort(keys);
    return keys;
}

} // namespace kanri::credentials
