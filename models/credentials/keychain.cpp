#include "credentials/keychain.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFileInfo>
#include <QThreadPool>
#include <QTimer>
#include <QtConcurrentRun>

#include <qt6keychain/keychain.h>

#include <algorithm>
#include <functional>

namespace kanri::credentials {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("kanri::credentials", text);
}

// The messages of every keychain, here (outside the classes) so that lupdate files them under
// the context tr() asks for. `why`: the keychain's own words, or one of the reasons below.
Result<void> storeFailed(const QString &why)
{
    return fail(Error::Code::Io, tr("cannot store the token in the keychain: %1").arg(why));
}

Result<void> removeFailed(const QString &why)
{
    return fail(Error::Code::Io, tr("cannot remove the token from the keychain: %1").arg(why));
}

QString noAnswerInTime()
{
    return tr("it did not answer in time");
}

QString locked()
{
    return tr("it is locked");
}

const QString service = QStringLiteral("kanri");

// The one thread that talks to QtKeychain. Its jobs must not hop between threads (a job run
// on the GUI thread after one on a worker crashed here), and a job on a worker whose answer
// needs the GUI thread deadlocks when the GUI thread waits for that worker. On this thread,
// with its own event loop per job, neither happens. Never destroyed: it may be inside a job
// when the application exits, and nobody must wait for it then.
QThreadPool &keychainThread()
{
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool;
        p->setMaxThreadCount(1);
        p->setExpiryTimeout(-1); // the same thread for every job
        return p;
    }();
    return *pool;
}

// How long a keychain job may take. A desktop keychain answers in milliseconds; without a
// secret service a job may never finish (seen with no D-Bus session), and nothing may hang on it.
constexpr int jobTimeoutMs = 5000;

// Runs a QtKeychain job on the keychain thread and waits for its answer, or `timedOut` when it
// does not finish in time. The job deletes itself after its answer, as QtKeychain intends
// (deleting it at once crashed: its backend still had events on their way to it); one that
// never answers is left running, and its answer goes nowhere.
template<typename Job, typename Answer>
Answer runToEnd(std::function<void(Job &)> setUp, std::function<Answer(const Job &)> answer,
                Answer timedOut)
{
    return QtConcurrent::run(
               &keychainThread(),
               [&]() -> Answer {
                   auto *job = new Job(service);
                   job->setAutoDelete(true);
                   setUp(*job);
                   std::optional<Answer> result;
                   {
                       QEventLoop loop; // the connection goes with it
                       QObject::connect(job, &QKeychain::Job::finished, &loop,
                                        [&](QKeychain::Job *done) {
                                            result = answer(*static_cast<const Job *>(done));
                                            loop.quit();
                                        });
                       QTimer::singleShot(jobTimeoutMs, &loop, &QEventLoop::quit);
                       job->start();
                       loop.exec();
                   }
                   // Deletes the finished job now, on its thread.
                   QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
                   return result ? std::move(*result) : timedOut;
               })
        .result();
}

// A desktop keychain on Linux (the Secret Service, KWallet) answers over the D-Bus session bus:
// without one there is no keychain, and QtKeychain is not asked at all (its failure path,
// libsecret without a bus, crashed on the job's way out).
bool sessionBusReachable()
{
    if (!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        return true;
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    return !runtime.isEmpty() && QFileInfo::exists(runtime + QStringLiteral("/bus"));
}

QString noKeychain()
{
    return tr("no keychain is available");
}

class SystemKeychain : public Keychain
{
public:
    std::optional<QString> read(const QString &key) override
    {
        if (!sessionBusReachable())
            return std::nullopt;
        return runToEnd<QKeychain::ReadPasswordJob, std::optional<QString>>(
            [&](QKeychain::ReadPasswordJob &job) { job.setKey(key); },
            [](const QKeychain::ReadPasswordJob &job) -> std::optional<QString> {
                if (job.error() != QKeychain::NoError || job.textData().isEmpty())
                    return std::nullopt; // no keychain, locked, or nothing under this key
                return job.textData();
            },
            std::nullopt);
    }

    Result<void> write(const QString &key, const QString &secret) override
    {
        if (!sessionBusReachable())
            return storeFailed(noKeychain());
        return runToEnd<QKeychain::WritePasswordJob, Result<void>>(
            [&](QKeychain::WritePasswordJob &job) {
                job.setKey(key);
                job.setTextData(secret);
            },
            [](const QKeychain::WritePasswordJob &job) -> Result<void> {
                if (job.error() != QKeychain::NoError)
                    return storeFailed(job.errorString());
                return {};
            },
            storeFailed(noAnswerInTime()));
    }

    Result<void> remove(const QString &key) override
    {
        if (!sessionBusReachable())
            return {}; // nothing can be kept where there is no keychain
        return runToEnd<QKeychain::DeletePasswordJob, Result<void>>(
            [&](QKeychain::DeletePasswordJob &job) { job.setKey(key); },
            [](const QKeychain::DeletePasswordJob &job) -> Result<void> {
                if (job.error() != QKeychain::NoError && job.error() != QKeychain::EntryNotFound)
                    return removeFailed(job.errorString());
                return {};
            },
            removeFailed(noAnswerInTime()));
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
        return storeFailed(locked());
    m_secrets.insert(key, secret);
    return {};
}

Result<void> MemoryKeychain::remove(const QString &key)
{
    QMutexLocker lock(&m_mutex);
    if (!m_available)
        return removeFailed(locked());
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
