#include "core/fileio.h"

#include <QCoreApplication>
#include <QFile>
#include <QRandomGenerator>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kanri {

namespace {

QString tr(const char *s)
{
    return QCoreApplication::translate("kanri", s);
}

// What the system said, in its words ("No space left on device"); never "Unknown error".
QString systemError(int err)
{
    return qt_error_string(err);
}

QByteArray encoded(const QString &path)
{
    return QFile::encodeName(path);
}

bool isResource(const QString &path)
{
    return path.startsWith(u':') || path.startsWith(u"qrc:");
}

QString kindOf(mode_t mode)
{
    if (S_ISDIR(mode))
        return tr("a folder");
    if (S_ISFIFO(mode))
        return tr("a FIFO");
    if (S_ISCHR(mode))
        return tr("a character device");
    if (S_ISBLK(mode))
        return tr("a block device");
    if (S_ISSOCK(mode))
        return tr("a socket");
    return tr("not a regular file");
}

// Closes a descriptor when the scope ends, whatever path leaves it.
class Fd
{
public:
    explicit Fd(int fd = -1)
        : m_fd(fd)
    {}
    Fd(const Fd &) = delete;
    Fd &operator=(const Fd &) = delete;
    ~Fd() { reset(); }
    int get() const { return m_fd; }
    // Closes now and returns close()'s errno (0 when it succeeded).
    int reset()
    {
        int err = 0;
        if (m_fd >= 0 && ::close(m_fd) != 0)
            err = errno;
        m_fd = -1;
        return err;
    }

private:
    int m_fd;
};

// size < 0: the file grew past the limit while it was read.
Error tooLarge(const QString &path, qint64 size, qint64 maxBytes)
{
    return Error{
        size < 0
            ? tr("larger than the limit of %1 bytes; not read").arg(maxBytes)
            : tr("%1 bytes, more than the limit of %2 bytes; not read").arg(size).arg(maxBytes),
        path, 0, 0, Error::Code::Io};
}

Result<QByteArray> readResource(const QString &path, qint64 maxBytes)
{
    QFile file(path);
    if (!file.exists())
        return failAt(Error::Code::NotFound, tr("no such file"), path);
    if (!file.open(QIODevice::ReadOnly))
        return failAt(Error::Code::Io, file.errorString(), path);
    if (file.size() > maxBytes)
        return std::unexpected(tooLarge(path, file.size(), maxBytes));
    return file.read(maxBytes);
}

Error notRegular(const QString &path, mode_t mode)
{
    struct stat link = {};
    const bool viaLink = ::lstat(encoded(path).constData(), &link) == 0 && S_ISLNK(link.st_mode);
    const QString kind = kindOf(mode);
    return Error{viaLink ? tr("leads to %1, not a regular file; not read").arg(kind)
                         : tr("is %1, not a regular file; not read").arg(kind),
                 path, 0, 0, Error::Code::Io};
}

// Follows a chain of symbolic links to the path that is not a link (which may not exist yet).
Result<QString> resolveLinks(const QString &path)
{
    QString current = path;
    for (int hops = 0; hops < 40; ++hops) {
        struct stat st = {};
        if (::lstat(encoded(current).constData(), &st) != 0 || !S_ISLNK(st.st_mode))
            return current;
        QByteArray target(qMax<qsizetype>(st.st_size, 255) + 1, Qt::Uninitialized);
        const ssize_t n = ::readlink(encoded(current).constData(), target.data(), target.size());
        if (n < 0)
            return failAt(Error::Code::Io, systemError(errno), path);
        target.truncate(n);
        const QString next = QFile::decodeName(target);
        if (next.startsWith(u'/')) {
            current = next;
        } else {
            const qsizetype slash = current.lastIndexOf(u'/');
            current = slash < 0 ? next : current.left(slash + 1) + next;
        }
    }
    return failAt(Error::Code::Io, systemError(ELOOP), path);
}

QString ownerText(uid_t uid, gid_t gid)
{
    return QStringLiteral("%1:%2").arg(uid).arg(gid);
}

// The content check of writeFileAtomicIfUnchanged: an error when `target` does not hold
// exactly `expected` any more.
Result<void> checkUnchanged(const QString &shownPath, const QString &target,
                            const std::optional<QByteArray> &expected)
{
    const Error stale{tr("changed on disk since it was read; not overwritten"), shownPath, 0, 0,
                      Error::Code::Stale};
    struct stat st = {};
    if (::stat(encoded(target).constData(), &st) != 0) {
        if (errno == ENOENT)
            return expected ? Result<void>(std::unexpected(stale)) : Result<void>();
        return failAt(Error::Code::Io, systemError(errno), shownPath);
    }
    if (!expected)
        return std::unexpected(stale);
    if (!S_ISREG(st.st_mode) || st.st_size != expected->size())
        return std::unexpected(stale);
    // Any failure to read it back (it grew, it was swapped for a FIFO) means it changed.
    auto now = readFile(target, expected->size());
    if (!now || *now != *expected)
        return std::unexpected(stale);
    return {};
}

Result<void> writeAtomic(const QString &path, const std::optional<QByteArray> *expected,
                         const QByteArray &data, WriteReport *report)
{
    auto resolved = resolveLinks(path);
    if (!resolved)
        return std::unexpected(resolved.error());
    const QString target = *resolved;
    const QByteArray targetName = encoded(target);

    struct stat old = {};
    bool exists = false;
    if (::stat(targetName.constData(), &old) == 0) {
        if (!S_ISREG(old.st_mode))
            return failAt(Error::Code::Io,
                          tr("is %1, not a regular file; not overwritten").arg(kindOf(old.st_mode)),
                          path);
        exists = true;
    } else if (errno != ENOENT) {
        return failAt(Error::Code::Io, systemError(errno), path);
    }

    const qsizetype slash = targetName.lastIndexOf('/');
    const QByteArray folder =
        slash < 0 ? QByteArray(".") : targetName.left(qMax<qsizetype>(slash, 1));
    const QByteArray base = slash < 0 ? targetName : targetName.mid(slash + 1);
    // ".NAME.kanri-XXXXXXXX" beside the target (a shorter name when NAME is near NAME_MAX).
    const QByteArray prefix = (slash < 0 ? QByteArray() : targetName.left(slash + 1)) +
                              (base.size() > 200 ? QByteArray(".kanri") : '.' + base + ".kanri");

    // The kernel applies the umask to a new file's 0666; an existing file's mode is set exactly
    // below, once the owner is right (fchown clears the set-user-ID bits).
    const mode_t createMode = exists ? (old.st_mode & 0777) : 0666;
    QByteArray tempName;
    int opened = -1;
    for (int attempt = 0; attempt < 100 && opened < 0; ++attempt) {
        const QByteArray suffix =
            QByteArray::number(QRandomGenerator::global()->generate(), 36).rightJustified(7, '0');
        tempName = prefix + '-' + suffix;
        opened = ::open(tempName.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOCTTY,
                        createMode);
        if (opened < 0 && errno != EEXIST)
            break;
    }
    if (opened < 0)
        return failAt(Error::Code::Io,
                      tr("cannot create a temporary file beside it: %1").arg(systemError(errno)),
                      path);
    Fd fd(opened);

    auto failed = [&](const QString &message) {
        fd.reset();
        ::unlink(tempName.constData());
        return failAt(Error::Code::Io, message, path);
    };

    if (exists) {
        struct stat mine = {};
        if (::fstat(fd.get(), &mine) != 0)
            return failed(systemError(errno));
        if (mine.st_uid != old.st_uid || mine.st_gid != old.st_gid) {
            if (::fchown(fd.get(), old.st_uid, old.st_gid) != 0) {
                const int err = errno;
                // Keep at least the group when the process is a member of it.
                const bool groupKept =
                    mine.st_gid == old.st_gid || ::fchown(fd.get(), uid_t(-1), old.st_gid) == 0;
                if (report)
                    report->warnings.append(
                        tr("could not keep its owner and group %1 (%2); it now belongs to %3")
                            .arg(ownerText(old.st_uid, old.st_gid), systemError(err),
                                 ownerText(mine.st_uid, groupKept ? old.st_gid : mine.st_gid)));
            }
        }
        // A rename gives this name a file of its own: the other names of a hard-linked file
        // keep the old content. Said, not prevented (editing in place would not be atomic).
        if (old.st_nlink > 1 && report)
            report->warnings.append(
                tr("it had %1 hard links; this name now has its own copy, the others keep the "
                   "old content")
                    .arg(old.st_nlink));
        if (::fchmod(fd.get(), old.st_mode & 07777) != 0)
            return failed(
                tr("cannot set the mode of the temporary file: %1").arg(systemError(errno)));
    }

    if (const int err = writeAll(fd.get(), data))
        return failed(tr("cannot write: %1").arg(systemError(err)));
    if (::fsync(fd.get()) != 0)
        return failed(tr("cannot write: %1").arg(systemError(errno)));
    if (const int err = fd.reset()) {
        ::unlink(tempName.constData());
        return failAt(Error::Code::Io, tr("cannot write: %1").arg(systemError(err)), path);
    }

    if (expected) {
        if (auto same = checkUnchanged(path, target, *expected); !same) {
            ::unlink(tempName.constData());
            return same;
        }
    }

    if (::rename(tempName.constData(), targetName.constData()) != 0) {
        const int err = errno;
        ::unlink(tempName.constData());
        return failAt(Error::Code::Io, tr("cannot replace it: %1").arg(systemError(err)), path);
    }

    // The rename is in the folder; without this a power cut may bring the old file back.
    const Fd dir(::open(folder.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (dir.get() < 0 || (::fsync(dir.get()) != 0 && errno != EINVAL && errno != ENOTSUP)) {
        if (report)
            report->warnings.append(tr("written, but its folder could not be synced to disk: %1")
                                        .arg(systemError(errno)));
    }
    return {};
}

} // namespace

namespace {

thread_local quint64 t_systemCalls = 0;

// The open, fstat, read and close of a read whose path was found to be a regular file (by
// readFile's stat, or the caller's). O_NONBLOCK: should the file have been swapped for a FIFO
// since that stat, open does not wait for a writer; the fstat then refuses it.
Result<QByteArray> readOpened(const QString &path, const QByteArray &name, qint64 maxBytes)
{
    struct stat st = {};
    int opened;
    do {
        ++t_systemCalls;
        opened = ::open(name.constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    } while (opened < 0 && errno == EINTR);
    if (opened < 0) {
        if (errno == ENOENT)
            return failAt(Error::Code::NotFound, tr("no such file"), path);
        return failAt(Error::Code::Io, systemError(errno), path);
    }
    const Fd fd(opened);
    t_systemCalls += 2; // fstat, and the close when fd goes
    if (::fstat(fd.get(), &st) != 0)
        return failAt(Error::Code::Io, systemError(errno), path);
    if (!S_ISREG(st.st_mode))
        return std::unexpected(notRegular(path, st.st_mode));
    if (st.st_size > maxBytes)
        return std::unexpected(tooLarge(path, st.st_size, maxBytes));

    // Read to the end rather than trusting st_size: the file may grow while it is read (the cap
    // still holds) and some file systems (procfs) report 0. The bytes go straight into the
    // buffer that is returned, sized for the whole file and one byte more. A first read that
    // returns exactly the size fstat gave, short of that extra byte, met the end of a regular
    // file: the read that would return 0 is not made. Anything else (a file that grew, shrank
    // or reported 0) is read until a read returns 0.
    QByteArray bytes(qsizetype(qMin<qint64>(st.st_size, maxBytes)) + 1, Qt::Uninitialized);
    qsizetype size = 0;
    for (;;) {
        if (size == bytes.size()) {
            if (size > maxBytes)
                return std::unexpected(tooLarge(path, -1, maxBytes));
            bytes.resize(qMin<qint64>(qint64(size) * 2 + 65536, maxBytes + 1));
        }
        ++t_systemCalls;
        const ssize_t n = ::read(fd.get(), bytes.data() + size, size_t(bytes.size() - size));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return failAt(Error::Code::Io, systemError(errno), path);
        }
        if (n == 0)
            break;
        const bool whole = size == 0 && st.st_size > 0 && n == st.st_size;
        size += n;
        if (whole)
            break;
    }
    if (size > maxBytes)
        return std::unexpected(tooLarge(path, -1, maxBytes));
    bytes.truncate(size);
    return bytes;
}

} // namespace

Result<QByteArray> readFile(const QString &path, qint64 maxBytes)
{
    if (isResource(path))
        return readResource(path, maxBytes);
    const QByteArray name = encoded(path);
    struct stat st = {};
    ++t_systemCalls;
    if (::stat(name.constData(), &st) != 0) {
        if (errno == ENOENT)
            return failAt(Error::Code::NotFound, tr("no such file"), path);
        return failAt(Error::Code::Io, systemError(errno), path);
    }
    if (!S_ISREG(st.st_mode))
        return std::unexpected(notRegular(path, st.st_mode));
    if (st.st_size > maxBytes)
        return std::unexpected(tooLarge(path, st.st_size, maxBytes));
    return readOpened(path, name, maxBytes);
}

Result<QByteArray> readRegularFile(const QString &path, qint64 maxBytes)
{
    if (isResource(path))
        return readResource(path, maxBytes);
    return readOpened(path, encoded(path), maxBytes);
}

int statPath(const QString &path, struct stat *st, FollowLinks follow)
{
    ++t_systemCalls;
    const QByteArray name = encoded(path);
    return follow == FollowLinks::Yes ? ::stat(name.constData(), st)
                                      : ::lstat(name.constData(), st);
}

quint64 fileSystemCalls()
{
    return t_systemCalls;
}

Result<void> writeFileAtomic(const QString &path, const QByteArray &data, WriteReport *report)
{
    return writeAtomic(path, nullptr, data, report);
}

Result<void> writeFileAtomicIfUnchanged(const QString &path,
                                        const std::optional<QByteArray> &expected,
                                        const QByteArray &data, WriteReport *report)
{
    return writeAtomic(path, &expected, data, report);
}

int writeAll(int fd, const QByteArray &data)
{
    const char *p = data.constData();
    qsizetype left = data.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, p, size_t(left));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return errno;
        }
        if (n == 0)
            return EIO;
        p += n;
        left -= n;
    }
    return 0;
}

} // namespace kanri
