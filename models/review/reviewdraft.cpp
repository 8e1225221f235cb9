#include "review/reviewdraft.h"

#include "core/fileio.h"
#include "github/githubreviewqueue.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <fcntl.h>
#include <unistd.h>

namespace kanri::review {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("kanri::review::ReviewDrafts", text);
}

// As github::PullStore: owner and repository names are [A-Za-z0-9._-]; anything that could
// leave the folder is refused rather than escaped.
bool safeName(const QString &name)
{
    return !name.isEmpty() && name != QLatin1String(".") && name != QLatin1String("..") &&
           !name.contains(QLatin1Char('/')) && !name.contains(QLatin1Char('\\'));
}

// Folders only the owner may enter: drafts hold what the user typed.
Result<void> makePrivateFolders(const QString &root, const QString &directory)
{
    if (!QDir().mkpath(directory))
        return failAt(Error::Code::Io, tr("cannot create the folder"), directory);
    const auto owner = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadUser |
                       QFile::WriteUser | QFile::ExeUser;
    for (QString d = directory; d.startsWith(root) && d.size() >= root.size();
         d = QFileInfo(d).path()) {
        QFile::setPermissions(d, owner);
        if (d == root)
            break;
    }
    return {};
}

QLatin1String key(const char *k)
{
    return QLatin1String(k);
}

} // namespace

DraftComment DraftComment::from(const github::ReviewComment &c, const QString &headSha,
                                const QString &quotedLine)
{
    return {c.path, c.line, c.side, c.body, quotedLine, headSha};
}

QJsonObject ReviewDraft::toJson() const
{
    QJsonArray array;
    for (const DraftComment &c : comments) {
        QJsonObject o{{key("path"), c.path},
                      {key("line"), c.line},
                      {key("side"), c.side},
                      {key("body"), c.body},
                      {key("head_sha"), c.headSha}};
        if (!c.quotedLine.isEmpty())
            o.insert(key("quoted_line"), c.quotedLine);
        array.append(o);
    }
    return {{key("version"), formatVersion},
            {key("owner"), repo.owner},
            {key("repo"), repo.name},
            {key("number"), number},
            {key("head_sha"), headSha},
            {key("body"), body},
            {key("comments"), array},
            {key("saved_at"), savedAt.toUTC().toString(Qt::ISODateWithMs)}};
}

std::optional<ReviewDraft> ReviewDraft::fromJson(const QJsonObject &o)
{
    const int version = o.value(key("version")).toInt(0);
    if (version < 1 || version > formatVersion)
        return std::nullopt;
    ReviewDraft d;
    d.repo = {o.value(key("owner")).toString(), o.value(key("repo")).toString()};
    d.number = o.value(key("number")).toInt();
    if (!d.repo.isValid() || d.number <= 0)
        return std::nullopt;
    d.headSha = o.value(key("head_sha")).toString();
    d.body = o.value(key("body")).toString();
    for (const QJsonValue &v : o.value(key("comments")).toArray()) {
        const QJsonObject c = v.toObject();
        DraftComment comment;
        comment.path = c.value(key("path")).toString();
        comment.line = c.value(key("line")).toInt();
        comment.side = c.value(key("side")).toString();
        comment.body = c.value(key("body")).toString();
        comment.quotedLine = c.value(key("quoted_line")).toString();
        comment.headSha = c.value(key("head_sha")).toString();
        if (!comment.body.isEmpty())
            d.comments.append(comment);
    }
    d.savedAt = QDateTime::fromString(o.value(key("saved_at")).toString(), Qt::ISODateWithMs);
    return d;
}

QString ReviewDrafts::defaultFolder()
{
    return github::ReviewQueue::defaultFolder() + QStringLiteral("/drafts");
}

ReviewDrafts::ReviewDrafts(QString folder)
    : m_folder(std::move(folder))
{}

Result<QString> ReviewDrafts::pathFor(const github::RepoRef &repo, int number) const
{
    if (!safeName(repo.owner) || !safeName(repo.name) || number <= 0)
        return fail(Error::Code::Usage,
                    tr("not a pull request: %1#%2").arg(repo.fullName()).arg(number));
    return QStringLiteral("%1/%2/%3/%4.json").arg(m_folder, repo.owner, repo.name).arg(number);
}

Result<void> ReviewDrafts::save(const ReviewDraft &draft) const
{
    if (draft.isEmpty())
        return remove(draft.repo, draft.number);
    const auto path = pathFor(draft.repo, draft.number);
    if (!path)
        return std::unexpected(path.error());
    if (auto made = makePrivateFolders(m_folder, QFileInfo(*path).path()); !made)
        return made;
    // Made 0600 before anything is in it; the atomic write keeps the mode it finds.
    const int fd =
        ::open(QFile::encodeName(*path).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0)
        ::close(fd);
    ReviewDraft stamped = draft;
    if (!stamped.savedAt.isValid())
        stamped.savedAt = QDateTime::currentDateTimeUtc();
    return writeFileAtomic(*path, QJsonDocument(stamped.toJson()).toJson(QJsonDocument::Indented));
}

Result<std::optional<ReviewDraft>> ReviewDrafts::load(const github::RepoRef &repo, int number) const
{
    const auto path = pathFor(repo, number);
    if (!path)
        return std::unexpected(path.error());
    if (!QFileInfo::exists(*path))
        return std::optional<ReviewDraft>();
    const auto bytes = readFile(*path);
    if (!bytes)
        return std::unexpected(bytes.error());
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(*bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return failAt(Error::Code::Syntax,
                      tr("not a review draft: %1").arg(parseError.errorString()), *path);
    auto draft = ReviewDraft::fromJson(doc.object());
    if (!draft)
        return failAt(Error::Code::Syntax, tr("not a review draft this version of Kanri can read"),
                      *path);
    if (draft->repo != repo || draft->number != number)
        return failAt(Error::Code::Syntax, tr("the draft names another pull request"), *path);
    return draft;
}

Result<void> ReviewDrafts::remove(const github::RepoRef &repo, int number) const
{
    const auto path = pathFor(repo, number);
    if (!path)
        return std::unexpected(path.error());
    QFile file(*path);
    if (file.exists() && !file.remove())
        return failAt(Error::Code::Io, tr("cannot remove the draft: %1").arg(file.errorString()),
                      *path);
    return {};
}

} // namespace kanri::review
