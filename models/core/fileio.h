#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

#include <sys/stat.h>

namespace kanri {

// The most readFile reads unless told otherwise: far above any Terraform or kustomize file, far
// below what would hurt the machine.
inline constexpr qint64 kReadFileCap = 64 * 1024 * 1024;

// Reads a regular file whole. Anything else — a folder, a FIFO, a device, a socket, or a link
// to one of them (a link to /dev/zero) — is refused before its content is read (a FIFO is never
// opened, so a read cannot block), and a file larger than maxBytes is refused with its size.
// Qt resource paths (":/...") are read through QFile under the same cap.
Result<QByteArray> readFile(const QString &path, qint64 maxBytes = kReadFileCap);

// readFile for a caller that has just stat'ed `path` itself and seen a regular file (a loader
// that needs the stat anyway): the file is opened without readFile's stat first. Should it have
// been swapped for something else since, the open does not block (O_NONBLOCK) and the fstat
// after it refuses anything but a regular file, with readFile's errors. Costs four system calls
// (open, fstat, read, close) for a file that does not change while it is read.
Result<QByteArray> readRegularFile(const QString &path, qint64 maxBytes = kReadFileCap);

enum class FollowLinks { No, Yes };
// stat(2) (FollowLinks::Yes) or lstat(2) of a path: 0, or -1 with errno set.
int statPath(const QString &path, struct stat *st, FollowLinks follow);

// The system calls this thread made through readFile, readRegularFile and statPath (what a
// test counts to keep a loader's cost per file from growing).
quint64 fileSystemCalls();

// Writes all of data to the descriptor fd, across short writes and interruptions; 0 or the errno.
int writeAll(int fd, const QByteArray &data);

// What a write that succeeded could not keep, for the caller to tell the user (the command line
// prints each warning on stderr). The content was written all the same.
struct WriteReport
{
    QStringList warnings; // plain sentences without the file name, e.g. "could not keep ..."
};

// Writes through a temporary file in the same folder and renames it over the target, so a
// reader never sees a half-written file and a failure leaves the old content in place (and no
// temporary file behind). The new file keeps the old one's mode and, where the process may
// (root editing another user's file), its owner and group; when it may not, the write happens
// and `report` (if given) says what was not kept. A new file gets 0666 minus the umask. The
// data and then the folder are fsynced, so the rename survives a power cut.
//
// A file with several hard links is replaced under this name only (the report says so).
// A symbolic link is written through: the file it leads to gets the new content and the link
// stays a link (as vi and Emacs do by default), so a link into a shared folder keeps working.
// Errors say what the system said ("No space left on device", "File too large", ...).
Result<void> writeFileAtomic(const QString &path, const QByteArray &data,
                             WriteReport *report = nullptr);

// writeFileAtomic, but only when the file still holds exactly `expected`: the bytes the writer
// read before it computed `data` (std::nullopt: the writer expects no file to be there).
// Otherwise nothing is written and the error is Error::Code::Stale with file = path. The check
// runs after the temporary file is complete, just before the rename, so the window in which a
// change on disk can still be lost is a few system calls wide, not the time of an edit.
Result<void> writeFileAtomicIfUnchanged(const QString &path,
                                        const std::optional<QByteArray> &expected,
                                        const QByteArray &data, WriteReport *report = nullptr);

} // namespace kanri
