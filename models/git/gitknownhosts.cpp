#include "git/gitknownhosts.h"
#include "git/giterrors.h"

#include "core/fileio.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMessageAuthenticationCode>
#include <QStandardPaths>

namespace kanri::git {

using detail::tr;

namespace {

// OpenSSH's pattern syntax: * any run, ? one character; case-insensitive like host names.
bool wildcardMatch(QStringView pattern, QStringView text)
{
    qsizetype p = 0, t = 0, star = -1, mark = 0;
    while (t < text.size()) {
        if (p < pattern.size() &&
            (pattern[p] == QLatin1Char('?') || pattern[p].toLower() == text[t].toLower())) {
            ++p;
            ++t;
        } else if (p < pattern.size() && pattern[p] == QLatin1Char('*')) {
            star = p++;
            mark = t;
        } else if (star >= 0) {
            p = star + 1;
            t = ++mark;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == QLatin1Char('*'))
        ++p;
    return p == pattern.size();
}

// Whether a known_hosts host field names `name` ("host" or "[host]:port").
bool hostFieldMatches(const QByteArray &field, const QString &name)
{
    if (field.startsWith("|1|")) {
        const QList<QByteArray> parts = field.split('|'); // "", "1", salt, hash
        if (parts.size() != 4)
            return false;
        const QByteArray salt = QByteArray::fromBase64(parts[2]);
        const QByteArray hash = QByteArray::fromBase64(parts[3]);
        return QMessageAuthenticationCode::hash(name.toUtf8(), salt, QCryptographicHash::Sha1) ==
               hash;
    }
    bool matched = false;
    for (const QByteArray &raw : field.split(',')) {
        QString pattern = QString::fromUtf8(raw);
        const bool negated = pattern.startsWith(QLatin1Char('!'));
        if (negated)
            pattern.remove(0, 1);
        if (wildcardMatch(pattern, name)) {
            if (negated)
                return false;
            matched = true;
        }
    }
    return matched;
}

} // namespace

QString knownHostsName(const QString &host, int port)
{
    return port == 22 || port <= 0 ? host : QStringLiteral("[%1]:%2").arg(host).arg(port);
}

QString sshKeyType(const QByteArray &keyBlob)
{
    if (keyBlob.size() < 4)
        return {};
    const auto *b = reinterpret_cast<const unsigned char *>(keyBlob.constData());
    const quint32 length =
        (quint32(b[0]) << 24) | (quint32(b[1]) << 16) | (quint32(b[2]) << 8) | quint32(b[3]);
    if (length == 0 || length > 64 || qsizetype(length) > keyBlob.size() - 4)
        return {};
    return QString::fromLatin1(keyBlob.mid(4, qsizetype(length)));
}

QStringList defaultKnownHostsFiles()
{
    QStringList files{QDir::homePath() + QStringLiteral("/.ssh/known_hosts")};
    const QString own = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (!own.isEmpty())
        files << own + QStringLiteral("/known_hosts");
    return files;
}

QString writableKnownHostsFile()
{
    const QString ssh = QDir::homePath() + QStringLiteral("/.ssh");
    const QFileInfo file(ssh + QStringLiteral("/known_hosts"));
    const QFileInfo dir(ssh);
    const QFileInfo home(QDir::homePath());
    const bool usable = file.exists()  ? file.isWritable()
                        : dir.exists() ? dir.isDir() && dir.isWritable()
                                       : home.isDir() && home.isWritable();
    if (usable)
        return file.filePath();
    return defaultKnownHostsFiles().value(1, file.filePath());
}

KnownHostsCheck checkKnownHosts(const QStringList &files, const QString &host, int port,
                                const QByteArray &keyBlob)
{
    const QString name = knownHostsName(host, port);
    const QString type = sshKeyType(keyBlob);
    KnownHostsCheck matched, changed, revoked, unknown;
    matched.status = KnownHostsCheck::Status::Matches;
    changed.status = revoked.status = KnownHostsCheck::Status::Changed;
    auto note = [](KnownHostsCheck &check, const QString &file, int line) {
        if (check.line == 0) {
            check.file = file;
            check.line = line;
        }
    };
    for (const QString &path : files) {
        auto content = readFile(path);
        if (!content)
            continue;
        int lineNumber = 0;
        for (const QByteArray &rawLine : content->split('\n')) {
            ++lineNumber;
            const QByteArray line = rawLine.simplified();
            if (line.isEmpty() || line.startsWith('#'))
                continue;
            QList<QByteArray> fields = line.split(' ');
            bool isRevocation = false;
            if (fields.value(0).startsWith('@')) {
                if (fields[0] != "@revoked")
                    continue; // @cert-authority: certificates are not used here
                isRevocation = true;
                fields.removeFirst();
            }
            if (fields.size() < 3 || !hostFieldMatches(fields[0], name))
                continue;
            const QString lineType = QString::fromLatin1(fields[1]);
            const bool sameKey = QByteArray::fromBase64(fields[2]) == keyBlob;
            if (isRevocation) {
                if (sameKey)
                    note(revoked, path, lineNumber);
            } else if (sameKey) {
                note(matched, path, lineNumber);
            } else if (lineType == type) {
                note(changed, path, lineNumber);
            } else if (!unknown.otherKeyTypes.contains(lineType)) {
                unknown.otherKeyTypes << lineType;
            }
        }
    }
    // A revoked key is refused wherever else it is listed; otherwise one matching line is
    // enough (OpenSSH accepts a host with several recorded keys).
    if (revoked.line > 0)
        return revoked;
    if (matched.line > 0)
        return matched;
    if (changed.line > 0)
        return changed;
    return unknown;
}

Result<void> addKnownHost(const QString &file, const QString &host, int port,
                          const QByteArray &keyBlob)
{
    const QString type = sshKeyType(keyBlob);
    if (type.isEmpty() || host.isEmpty())
        return fail(Error::Code::Usage, tr("not an SSH host key"));
    const QFileInfo info(file);
    QDir dir = info.absoluteDir();
    if (!dir.exists()) {
        if (!QDir().mkpath(dir.absolutePath()))
            return fail(Error::Code::Io, tr("cannot create %1").arg(dir.absolutePath()));
        QFile::setPermissions(dir.absolutePath(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                      QFileDevice::ExeOwner);
    }
    QByteArray content;
    if (info.exists()) {
        auto existing = readFile(file);
        if (!existing)
            return std::unexpected(existing.error());
        content = *existing;
        if (!content.isEmpty() && !content.endsWith('\n'))
            content += '\n';
    }
    content += knownHostsName(host, port).toUtf8() + ' ' + type.toLatin1() + ' ' +
               keyBlob.toBase64() + '\n';
    return writeFileAtomic(file, content);
}

} // namespace kanri::git
