#pragma once

// OpenSSH known_hosts files: checking a server's host key against them and recording a key the
// user trusted, in the standard `host keytype base64` form (`[host]:port` for a port other than
// 22), so `ssh` and the next run of Kanri both know it.

#include "core/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace kanri::git {

struct KnownHostsCheck
{
    enum class Status {
        Unknown, // no line for the host with this key type
        Matches, // a line records exactly this key
        Changed, // a line records another key of the same type (or revokes this one)
    };
    Status status = Status::Unknown;
    QString file; // Matches, Changed: the file and 1-based line of the entry
    int line = 0;
    QStringList otherKeyTypes; // Unknown: key types recorded for the host, if any
};

// "host" for port 22, else "[host]:port" (how known_hosts names a host).
QString knownHostsName(const QString &host, int port);
// The key type named in an SSH public key blob ("ssh-ed25519"), or empty.
QString sshKeyType(const QByteArray &keyBlob);

// The files checked: ~/.ssh/known_hosts, then Kanri's own (used when ~/.ssh is not writable).
QStringList defaultKnownHostsFiles();
// Where a trusted key is written: ~/.ssh/known_hosts when it (or ~/.ssh) is writable or can be
// created, else Kanri's own file in its data folder.
QString writableKnownHostsFile();

// Looks the key up (hashed `|1|salt|hash` host names, patterns with * ? and !, and markers
// @revoked / @cert-authority are understood). Missing files are skipped.
KnownHostsCheck checkKnownHosts(const QStringList &files, const QString &host, int port,
                                const QByteArray &keyBlob);

// Appends `host keytype base64` to the file (read, append, write atomically), creating the
// folder with mode 0700 when missing.
Result<void> addKnownHost(const QString &file, const QString &host, int port,
                          const QByteArray &keyBlob);

} // namespace kanri::git
