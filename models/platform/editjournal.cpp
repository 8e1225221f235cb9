#include "platform/editjournal.h"

#include "core/fileio.h"
#include "platform/editbuffers.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QMutex>
#include <QPointer>
#include <QSysInfo>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <sys/types.h>
#include <unistd.h>

namespace kanri::platform {

namespace {

constexpr int journalVersion = 1;

// The start time of process `pid` (clock ticks since boot, /proc/PID/stat field 22): a process
// id the system gave to another process since has another start time. Empty when unknown.
QByteArray processStartTime(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return {};
    const QByteArray line = stat.readAll();
    // The command name (field 2) is in parentheses and may hold spaces: count after its end.
    const qsizetype close = line.lastIndexOf(')');
    if (close < 0)
        return {};
    const QList<QByteArray> fields = line.mid(close + 2).split(' ');
    return fields.value(19); // field 22 overall; fields here start at field 3
}

// Whether the process that wrote a journal still runs (on this host).
bool processAlive(qint64 pid, const QByteArray &startTime)
{
    if (pid <= 0)
        return false;
    if (::kill(pid_t(pid), 0) != 0 && errno == ESRCH)
        return false;
    const QByteArray now = processStartTime(pid);
    return now.isEmpty() || startTime.isEmpty() || now == startTime;
}

QString hostName()
{
    return QSysInfo::machineHostName();
}

// A folder only its owner may enter: journals hold what the user typed.
Result<void> makePrivateFolder(const QString &directory)
{
    if (!QDir().mkpath(directory))
        return failAt(Error::Code::Io, EditJournal::tr("cannot create the folder"), directory);
    QFile::setPermissions(directory, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                         QFile::ReadUser | QFile::WriteUser | QFile::ExeUser);
    return {};
}

struct Snapshot
{
    QString workspace;
    QList<JournalEntry> entries;
    QHash<QString, std::optional<QByteArray>> bases;
};

QByteArray serialise(const Snapshot &snapshot)
{
    QJsonArray files;
    for (const JournalEntry &entry : snapshot.entries) {
        QJsonObject file{{QStringLiteral("path"), entry.path}};
        if (entry.content)
            file.insert(QStringLiteral("content"), QString::fromLatin1(entry.content->toBase64()));
        else
            file.insert(QStringLiteral("deleted"), true);
        const QByteArray base = EditJournal::sha256(snapshot.bases.value(entry.path));
        if (!base.isEmpty())
            file.insert(QStringLiteral("base"), QString::fromLatin1(base));
        files.append(file);
    }
    const QJsonObject root{
        {QStringLiteral("kanriJournal"), journalVersion},
        {QStringLiteral("workspace"), snapshot.workspace},
        {QStringLiteral("pid"), qint64(QCoreApplication::applicationPid())},
        {QStringLiteral("start"),
         QString::fromLatin1(processStartTime(QCoreApplication::applicationPid()))},
        {QStringLiteral("host"), hostName()},
        {QStringLiteral("written"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
        {QStringLiteral("files"), files},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

} // namespace

QString workspaceKey(const QString &workspaceDir)
{
    const QString absolute = QDir::cleanPath(QFileInfo(workspaceDir).absoluteFilePath());
    return QString::fromLatin1(
        QCryptographicHash::hash(absolute.toUtf8(), QCryptographicHash::Sha256).toHex().left(16));
}

// What the writer thread last did, read by flush() and the GUI thread.
struct EditJournal::Outcome
{
    QMutex mutex;
    std::optional<Error> error;
};

EditJournal::EditJournal(EditBuffers *buffers, QString workspaceDir, QString directory,
                         QObject *parent)
    : QObject(parent)
    , m_buffers(buffers)
    , m_workspace(QDir::cleanPath(QFileInfo(workspaceDir).absoluteFilePath()))
    , m_file(QDir(directory).filePath(QStringLiteral("%1-%2.json")
                                          .arg(workspaceKey(workspaceDir))
                                          .arg(QCoreApplication::applicationPid())))
    , m_outcome(std::make_shared<Outcome>())
{
    m_writer.setMaxThreadCount(1);
    m_timer.setSingleShot(true);
    m_timer.setInterval(250);
    connect(&m_timer, &QTimer::timeout, this, &EditJournal::writeNow);
    connect(buffers, &EditBuffers::fileChanged, this, &EditJournal::schedule);
    connect(buffers, &EditBuffers::saved, this, &EditJournal::schedule);
    if (buffers->isModified())
        schedule();
}

EditJournal::~EditJournal()
{
    if (m_timer.isActive())
        writeNow();
    m_writer.waitForDone();
}

void EditJournal::schedule()
{
    // Not restarted by later changes: the first change of a burst is on disk within the delay.
    if (!m_discarded && !m_timer.isActive())
        m_timer.start();
}

void EditJournal::writeNow()
{
    m_timer.stop();
    if (m_discarded)
        return;
    const QString file = m_file;
    const std::shared_ptr<Outcome> outcome = m_outcome;
    if (m_buffers->modifiedFiles().isEmpty()) {
        if (!m_written)
            return;
        m_written = false;
        m_writer.start([file] { QFile::remove(file); });
        return;
    }
    Snapshot snapshot;
    snapshot.workspace = m_workspace;
    const auto overlay = m_buffers->overlay();
    for (const QString &path : m_buffers->modifiedFiles()) {
        snapshot.entries.append({path, overlay.value(path), {}});
        snapshot.bases.insert(path, m_buffers->base(path));
    }
    m_written = true;
    QPointer<EditJournal> self(this);
    m_writer.start([file, outcome, snapshot = std::move(snapshot), self] {
        const QString directory = QFileInfo(file).absolutePath();
        Result<void> r = makePrivateFolder(directory);
        // Made 0600 before anything is in it; the atomic write keeps the mode it finds.
        if (r) {
            const int fd = ::open(QFile::encodeName(file).constData(),
                                  O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
            if (fd >= 0)
                ::close(fd);
        }
        if (r)
            r = writeFileAtomic(file, serialise(snapshot));
        QMutexLocker lock(&outcome->mutex);
        const bool failedBefore = outcome->error.has_value();
        outcome->error = r ? std::nullopt : std::optional<Error>(r.error());
        if (!r && !failedBefore)
            QMetaObject::invokeMethod(
                self,
                [self, error = r.error()] {
                    if (self)
                        Q_EMIT self->writeFailed(error);
                },
                Qt::QueuedConnection);
    });
}

Result<void> EditJournal::flush()
{
    writeNow();
    m_writer.waitForDone();
    QMutexLocker lock(&m_outcome->mutex);
    if (m_outcome->error)
        return std::unexpected(*m_outcome->error);
    return {};
}

void EditJournal::discard()
{
    m_timer.stop();
    m_discarded = true;
    m_writer.waitForDone();
    QFile::remove(m_file);
    m_written = false;
}

QByteArray EditJournal::sha256(const std::optional<QByteArray> &bytes)
{
    if (!bytes)
        return {};
    return QCryptographicHash::hash(*bytes, QCryptographicHash::Sha256).toHex();
}

Result<Journal> EditJournal::read(const QString &file)
{
    auto bytes = readFile(file);
    if (!bytes)
        return std::unexpected(bytes.error());
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(*bytes, &parseError);
    const QJsonObject root = doc.object();
    if (parseError.error != QJsonParseError::NoError || !doc.isObject() ||
        root.value(QStringLiteral("kanriJournal")).toInt() != journalVersion)
        return failAt(Error::Code::Syntax, tr("not a journal of unsaved edits"), file);
    Journal journal;
    journal.file = file;
    journal.workspace = root.value(QStringLiteral("workspace")).toString();
    journal.pid = root.value(QStringLiteral("pid")).toInteger();
    journal.host = root.value(QStringLiteral("host")).toString();
    journal.written =
        QDateTime::fromString(root.value(QStringLiteral("written")).toString(), Qt::ISODateWithMs);
    for (const QJsonValue &value : root.value(QStringLiteral("files")).toArray()) {
        const QJsonObject f = value.toObject();
        JournalEntry entry;
        entry.path = f.value(QStringLiteral("path")).toString();
        if (entry.path.isEmpty() || !QFileInfo(entry.path).isAbsolute())
            return failAt(Error::Code::Syntax, tr("not a journal of unsaved edits"), file);
        if (!f.value(QStringLiteral("deleted")).toBool()) {
            const auto decoded = QByteArray::fromBase64Encoding(
                f.value(QStringLiteral("content")).toString().toLatin1(),
                QByteArray::AbortOnBase64DecodingErrors);
            if (!decoded)
                return failAt(Error::Code::Syntax, tr("not a journal of unsaved edits"), file);
            entry.content = *decoded;
        }
        entry.baseSha256 = f.value(QStringLiteral("base")).toString().toLatin1();
        journal.entries.append(entry);
    }
    return journal;
}

QList<Journal> EditJournal::orphans(const QString &directory, const QString &workspaceDir)
{
    QList<Journal> found;
    const QString key = workspaceKey(workspaceDir);
    const QStringList names = QDir(directory).entryList({key + QStringLiteral("-*.json")},
                                                        QDir::Files | QDir::Hidden, QDir::Name);
    for (const QString &name : names) {
        const QString file = QDir(directory).filePath(name);
        auto journal = read(file);
        if (!journal) {
            // Empty while its first write is under way, or damaged: its writer is named by the
            // file, and a live one's is not touched.
            const qint64 pid =
                name.section(QLatin1Char('-'), -1).section(QLatin1Char('.'), 0, 0).toLongLong();
            if (pid == QCoreApplication::applicationPid() || processAlive(pid, {}))
                continue;
            found.append(Journal{file, workspaceDir, 0, {}, {}, {}});
            continue;
        }
        if (journal->pid == QCoreApplication::applicationPid() && journal->host == hostName())
            continue; // this process's own
        if (journal->host == hostName()) {
            auto raw = readFile(file);
            const QByteArray start = raw ? QJsonDocument::fromJson(*raw)
                                               .object()
                                               .value(QStringLiteral("start"))
                                               .toString()
                                               .toLatin1()
                                         : QByteArray();
            if (processAlive(journal->pid, start))
                continue; // another Kanri still has it open
        }
        found.append(*journal);
    }
    return found;
}

int EditJournal::restore(EditBuffers *buffers, const Journal &journal)
{
    // An entry without content is a file created and removed again: nothing to restore.
    QList<JournalEntry> changes;
    for (const JournalEntry &entry : journal.entries) {
        const auto now = buffers->read(entry.path);
        if (entry.content && (!now || *now != *entry.content))
            changes.append(entry);
    }
    if (changes.isEmpty())
        return 0;
    buffers->undoStack()->beginMacro(tr("Restore unsaved edits"));
    for (const JournalEntry &entry : changes)
        buffers->edit(entry.path, *entry.content, tr("Restore unsaved edits"));
    buffers->undoStack()->endMacro();
    return int(changes.size());
}

WorkspaceLock::WorkspaceLock(const QString &directory, const QString &workspaceDir)
    : m_path(QDir(directory).filePath(workspaceKey(workspaceDir) + QStringLiteral(".lock")))
{}

WorkspaceLock::~WorkspaceLock() = default;

bool WorkspaceLock::tryLock()
{
    if (isLocked())
        return true;
    if (!makePrivateFolder(QFileInfo(m_path).absolutePath()))
        return false;
    m_lock = std::make_unique<QLockFile>(m_path);
    m_lock->setStaleLockTime(0); // stale only when its process is gone, however old
    if (m_lock->tryLock(0))
        return true;
    QString application;
    m_lock->getLockInfo(&m_pid, &m_host, &application);
    m_lock.reset();
    return false;
}

bool WorkspaceLock::isLocked() const
{
    return m_lock && m_lock->isLocked();
}

} // namespace kanri::platform
