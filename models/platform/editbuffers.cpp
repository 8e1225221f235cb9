#include "platform/editbuffers.h"

#include "core/fileio.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>

#include <cstring>
#include <sys/stat.h>

namespace kanri::platform {

namespace {

// One change of a file: at `offset`, `removed` became `inserted`. A file that did not exist
// (before) is created with the whole of `inserted`. An undo step keeps only the bytes that
// changed, not copies of the file: typing into one field of a 500 KB file costs a few bytes of
// history per step, not a megabyte.
struct Splice
{
    bool existedBefore = true;
    qsizetype offset = 0;
    QByteArray removed, inserted;
    qsizetype sizeAfter = 0; // the whole file's size after the change: a cheap check on undo
};

// How many bytes `a` and `b` (`n` each) have in common from their start (forward) or from
// their end (backward). Whole blocks are compared with memcmp (vectorised), bytes only in the
// block that differs: a 500 KB file is compared in tens of microseconds.
qsizetype commonPrefix(const char *a, const char *b, qsizetype n)
{
    constexpr qsizetype block = 256;
    qsizetype i = 0;
    while (i + block <= n && std::memcmp(a + i, b + i, block) == 0)
        i += block;
    while (i < n && a[i] == b[i])
        ++i;
    return i;
}

qsizetype commonSuffix(const char *aEnd, const char *bEnd, qsizetype n)
{
    constexpr qsizetype block = 256;
    qsizetype i = 0;
    while (i + block <= n && std::memcmp(aEnd - i - block, bEnd - i - block, block) == 0)
        i += block;
    while (i < n && aEnd[-i - 1] == bEnd[-i - 1])
        ++i;
    return i;
}

// The smallest splice turning `before` into `after`: their common prefix and suffix stay out.
Splice spliceBetween(const std::optional<QByteArray> &before, const QByteArray &after)
{
    Splice s;
    s.sizeAfter = after.size();
    if (!before) {
        s.existedBefore = false;
        s.inserted = after;
        return s;
    }
    const qsizetype n = std::min(before->size(), after.size());
    const qsizetype prefix = commonPrefix(before->constData(), after.constData(), n);
    const qsizetype suffix = commonSuffix(before->constData() + before->size(),
                                          after.constData() + after.size(), n - prefix);
    s.offset = prefix;
    s.removed = before->mid(prefix, before->size() - prefix - suffix);
    s.inserted = after.mid(prefix, after.size() - prefix - suffix);
    return s;
}

// Whether `content` is what the splice left (its size, and its bytes where it wrote).
bool isAfter(const Splice &s, const std::optional<QByteArray> &content)
{
    return content && content->size() == s.sizeAfter &&
           QByteArrayView(*content).sliced(s.offset, s.inserted.size()) == s.inserted;
}

// What tells one version of a file on disk from another without reading it: inode, size, and
// modification and change times to the nanosecond (two writes of the same size within one
// millisecond differ in them; a rename over the file changes the inode).
QByteArray diskStamp(const QString &path)
{
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return {};
    return QByteArray::number(quint64(st.st_ino)) + ' ' + QByteArray::number(qint64(st.st_size)) +
           ' ' + QByteArray::number(qint64(st.st_mtim.tv_sec)) + '.' +
           QByteArray::number(qint64(st.st_mtim.tv_nsec)) + ' ' +
           QByteArray::number(qint64(st.st_ctim.tv_sec)) + '.' +
           QByteArray::number(qint64(st.st_ctim.tv_nsec));
}

Error staleError(const QString &path)
{
    return Error{EditBuffers::tr("changed on disk since it was read; not overwritten"), path, 0, 0,
                 Error::Code::Stale};
}

} // namespace

// Applies a splice to a file's buffer and takes it back; consecutive edits with the same merge
// key become one step (their splices joined), and an edit back to where it started removes
// itself.
class SetContentCommand : public QUndoCommand
{
public:
    SetContentCommand(EditBuffers *buffers, QString path, Splice splice, QByteArray pushed,
                      const QString &text, QString mergeKey)
        : QUndoCommand(text)
        , m_buffers(buffers)
        , m_path(std::move(path))
        , m_splice(std::move(splice))
        , m_pushed(std::move(pushed))
        , m_mergeKey(std::move(mergeKey))
    {}

    void undo() override
    {
        const std::optional<QByteArray> now = m_buffers->current(m_path);
        if (!isAfter(m_splice, now)) {
            m_buffers->reportConflict(m_path);
            return;
        }
        if (!m_splice.existedBefore) {
            m_buffers->setContent(m_path, std::nullopt);
            return;
        }
        QByteArray before = *now;
        before.replace(m_splice.offset, m_splice.inserted.size(), m_splice.removed);
        m_buffers->setContent(m_path, before);
    }

    void redo() override
    {
        // The first redo (the push) takes the caller's bytes as they are: whoever made them (a
        // parsed document) shares them with the buffer, and nothing is copied.
        if (m_pushed) {
            m_buffers->setContent(m_path, *std::exchange(m_pushed, std::nullopt));
            return;
        }
        const std::optional<QByteArray> now = m_buffers->current(m_path);
        if (!m_splice.existedBefore) {
            if (now) {
                m_buffers->reportConflict(m_path);
                return;
            }
            m_buffers->setContent(m_path, m_splice.inserted);
            return;
        }
        const qsizetype sizeBefore =
            m_splice.sizeAfter - m_splice.inserted.size() + m_splice.removed.size();
        if (!now || now->size() != sizeBefore ||
            QByteArrayView(*now).sliced(m_splice.offset, m_splice.removed.size()) !=
                m_splice.removed) {
            m_buffers->reportConflict(m_path);
            return;
        }
        QByteArray after = *now;
        after.replace(m_splice.offset, m_splice.removed.size(), m_splice.inserted);
        m_buffers->setContent(m_path, after);
    }

    int id() const override { return m_mergeKey.isEmpty() ? -1 : 1; }

    // `other` was applied after this one: the joined splice covers both, within a window of the
    // current content (the two splices taken back inside the window give the bytes before).
    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *o = static_cast<const SetContentCommand *>(other);
        if (o->m_mergeKey != m_mergeKey || o->m_path != m_path || !o->m_splice.existedBefore)
            return false;
        const std::optional<QByteArray> now = m_buffers->current(m_path);
        if (!now)
            return false;
        const Splice &first = m_splice;
        const Splice &second = o->m_splice;
        if (!first.existedBefore) {
            m_splice.inserted = *now; // created, then edited: created with the latest content
            m_splice.sizeAfter = now->size();
            return true;
        }
        // In the middle content (after `first`, before `second`), [lo, hi) covers both.
        const qsizetype lo = std::min(first.offset, second.offset);
        const qsizetype hi =
            std::max(first.offset + first.inserted.size(), second.offset + second.removed.size());
        const qsizetype grow = second.inserted.size() - second.removed.size();
        const QByteArray newest = now->mid(lo, hi + grow - lo);
        QByteArray window = newest;
        window.replace(second.offset - lo, second.inserted.size(), second.removed);
        window.replace(first.offset - lo, first.inserted.size(), first.removed);
        m_splice.offset = lo;
        m_splice.removed = window;
        m_splice.inserted = newest;
        m_splice.sizeAfter = second.sizeAfter;
        setObsolete(m_splice.removed == m_splice.inserted);
        return true;
    }

private:
    EditBuffers *m_buffers;
    QString m_path;
    Splice m_splice;
    std::optional<QByteArray> m_pushed;
    QString m_mergeKey;
};

EditBuffers::EditBuffers(QObject *parent)
    : QObject(parent)
{}

std::optional<QByteArray> EditBuffers::diskContent(const QString &path) const
{
    const QFileInfo info(path);
    if (!info.exists()) {
        m_disk.remove(path);
        return std::nullopt;
    }
    const qint64 size = info.size();
    const QByteArray modified = diskStamp(path);
    if (auto it = m_disk.constFind(path);
        it != m_disk.constEnd() && it->size == size && it->stamp == modified)
        return it->bytes;
    auto bytes = readFile(path);
    if (!bytes)
        return std::nullopt;
    m_disk.insert(path, DiskCopy{*bytes, size, modified});
    return *bytes;
}

Result<QByteArray> EditBuffers::read(const QString &path) const
{
    auto it = m_edited.constFind(path);
    if (it == m_edited.constEnd())
        return readFile(path);
    if (!*it)
        return failAt(Error::Code::NotFound, QStringLiteral("no such file"), path);
    return **it;
}

std::optional<QByteArray> EditBuffers::current(const QString &path) const
{
    if (auto it = m_edited.constFind(path); it != m_edited.constEnd())
        return *it;
    return diskContent(path);
}

void EditBuffers::reportConflict(const QString &path)
{
    Q_EMIT conflict(
        Error{tr("the file changed outside Kanri since this edit; undo and redo leave it as it is"),
              path, 0, 0, Error::Code::Rejected});
}

bool EditBuffers::isModified(const QString &path) const
{
    return m_edited.contains(path);
}

QStringList EditBuffers::modifiedFiles() const
{
    QStringList files = m_edited.keys();
    files.sort();
    return files;
}

bool EditBuffers::edit(const QString &path, const QByteArray &content, const QString &description,
                       const QString &mergeKey)
{
    const std::optional<QByteArray> before = current(path);
    if (before && *before == content)
        return false;
    m_stack.push(new SetContentCommand(this, path, spliceBetween(before, content), content,
                                       description, mergeKey));
    return true;
}

void EditBuffers::setContent(const QString &path, const std::optional<QByteArray> &content)
{
    const std::optional<QByteArray> disk = diskContent(path);
    if (content == disk) {
        m_edited.remove(path);
        m_base.remove(path);
    } else {
        if (!m_edited.contains(path))
            m_base.insert(path, disk);
        m_edited.insert(path, content);
    }
    Q_EMIT fileChanged(path);
}

bool EditBuffers::diskChangedSinceRead(const QString &path)
{
    const auto known = m_disk.constFind(path);
    if (known == m_disk.constEnd()) {
        diskContent(path);
        return true;
    }
    const QByteArray before = known->bytes;
    const std::optional<QByteArray> now = diskContent(path);
    return !now || *now != before;
}

QStringList EditBuffers::changedOnDisk() const
{
    QStringList changed;
    for (const QString &path : modifiedFiles()) {
        if (diskContent(path) != m_base.value(path))
            changed << path;
    }
    return changed;
}

void EditBuffers::keepEdits(const QString &path)
{
    if (!m_edited.contains(path))
        return;
    const std::optional<QByteArray> disk = diskContent(path);
    if (m_edited.value(path) == disk) {
        m_edited.remove(path);
        m_base.remove(path);
        Q_EMIT fileChanged(path);
        return;
    }
    m_base.insert(path, disk);
}

void EditBuffers::takeDisk(const QString &path)
{
    if (!m_edited.contains(path))
        return;
    const std::optional<QByteArray> disk = diskContent(path);
    // The base moves to the disk's content first, so that the step's redo lands on "unmodified".
    m_base.insert(path, disk);
    if (!disk) {
        // Removed on disk: the edits go (an undo of an older step then reports the conflict).
        m_edited.remove(path);
        m_base.remove(path);
        Q_EMIT fileChanged(path);
        return;
    }
    edit(path, *disk, tr("Take %1 from disk").arg(QFileInfo(path).fileName()));
}

Result<void> EditBuffers::save()
{
    return save(modifiedFiles());
}

Result<void> EditBuffers::save(const QStringList &paths)
{
    std::optional<Error> firstError;
    QStringList written;
    for (const QString &path : paths) {
        if (!m_edited.contains(path))
            continue;
        written << path;
        const std::optional<QByteArray> content = m_edited.value(path);
        if (!content) {
            if (diskContent(path) != m_base.value(path)) {
                if (!firstError)
                    firstError = staleError(path);
                continue;
            }
            if (QFile file(path); file.exists() && !file.remove()) {
                if (!firstError)
                    firstError = Error{tr("cannot remove the file: %1").arg(file.errorString()),
                                       path, 0, 0, Error::Code::Io};
                continue;
            }
            m_edited.remove(path);
            m_base.remove(path);
            continue;
        }
        // A new file may start a new folder (a wizard's new service).
        if (const QString dir = QFileInfo(path).absolutePath();
            !QFileInfo::exists(dir) && !QDir().mkpath(dir)) {
            if (!firstError)
                firstError = Error{QStringLiteral("cannot create the folder %1").arg(dir), path, 0,
                                   0, Error::Code::Io};
            continue;
        }
        if (auto r = writeFileAtomicIfUnchanged(path, m_base.value(path), *content); !r) {
            if (!firstError)
                firstError = r.error();
            continue;
        }
        m_edited.remove(path);
        m_base.remove(path);
        // What is on disk now is what was written: a watcher's report of it is no change.
        m_disk.insert(path, DiskCopy{*content, content->size(), diskStamp(path)});
    }
    if (m_edited.isEmpty() && !firstError)
        m_stack.setClean();
    if (!written.isEmpty())
        Q_EMIT saved(written);
    if (firstError)
        return std::unexpected(*firstError);
    return {};
}

void EditBuffers::revert()
{
    const QStringList files = modifiedFiles();
    m_edited.clear();
    m_base.clear();
    m_stack.clear();
    for (const QString &path : files)
        Q_EMIT fileChanged(path);
}

} // namespace kanri::platform
