#include "core/fileio.h"

#include <QFile>
#include <QSaveFile>

namespace kanri {

Result<QByteArray> readFile(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return failAt(Error::Code::NotFound, QStringLiteral("no such file"), path);
    if (!file.open(QIODevice::ReadOnly))
        return failAt(Error::Code::Io, file.errorString(), path);
    return file.readAll();
}

Result<void> writeFileAtomic(const QString &path, const QByteArray &data)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return failAt(Error::Code::Io, file.errorString(), path);
    if (file.write(data) != data.size()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return failAt(Error::Code::Io, reason, path);
    }
    if (!file.commit())
        return failAt(Error::Code::Io, file.errorString(), path);
    return {};
}

} // namespace kanri
