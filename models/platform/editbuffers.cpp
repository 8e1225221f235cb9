#include "editbuffers.h"

#include "fileio.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>

namespace kanri::platform {

// Swaps a file's buffer between two contents; consecutive edits with the same merge key
// become one step, and an edit back to where it started removes itself.
class SetContentCommand : public QUndoCommand
{
public:
    SetContentCommand(EditBuffers *buffers, QString path, std::optional<QByteArray> before,
                      std::optional<QByteArray> after, const QString &text, QString mergeKey)
        : QUndoCommand(text)
        , m_buffers(buffers)
        , m_path(std::move(path))
        , m_before(std::move(before))
        , m_after(std::move(after))
        , m_mergeKey(std::move(mergeKey))
    {}

    void undo() override { m_buffers->setContent(m_path, m_before); }
    void redo() override { m_buffers->setContent(m_path, m_after); }
    int id() const override { return m_mergeKey.isEmpty() ? -1 : 1; }

    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *o = static_cast<const SetContentCommand *>(other);
        if (o->m_mergeKey != m_mergeKey || o->m_path != m_path)
            return false;
        m_after = o->m_after;
        setObsolete(m_after == m_before);
        return true;
    }

private:
    EditBuffers *m_buffers;
    QString m_path;
    std::optional<QByteArray> m_before, m_after;
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
    const QDateTime modified = info.lastModified();
    if (auto it = m_disk.constFind(path);
        it != m_disk.constEnd() && it->size == size && it->modified == modified)
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
    auto current = read(path);
    std::optional<QByteArray> before;
    if (current)
        before = *current;
    if (before && *before == content)
        return false;
    m_stack.push(new SetContentCommand(this, path, before, content, description, mergeKey));
    return true;
}

void EditBuffers::setContent(const QString &path, const std::optional<QByteArray> &content)
{
    if (content == diskContent(path))
        m_edited.remove(path);
    else
        m_edited.insert(path, content);
    Q_EMIT fileChanged(path);
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
            if (QFileInfo::exists(path) && !QFile::remove(path) && !firstError)
                firstError =
                    Error{QStringLiteral("cannot remove the file"), path, 0, 0, Error::Code::Io};
            else
                m_edited.remove(path);
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
        if (auto r = writeFileAtomic(path, *content); !r) {
            if (!firstError)
                firstError = r.error();
            continue;
        }
        m_edited.remove(path);
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
    m_stack.clear();
    for (const QString &path : files)
        Q_EMIT fileChanged(path);
}

} // namespace kanri::platform
