#include "github/githubpullstore.h"

#include "core/fileio.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>

#include <algorithm>
#include <memory>

namespace kanri::github {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("kanri::github::PullStore", text);
}

// GitHub owner and repository names are [A-Za-z0-9._-]; anything that could leave the folder
// is refused rather than escaped.
bool safeName(const QString &name)
{
    return !name.isEmpty() && name != QLatin1String(".") && name != QLatin1String("..") &&
           !name.contains(QLatin1Char('/')) && !name.contains(QLatin1Char('\\'));
}

template<typename T> QByteArray toArray(const QList<T> &items)
{
    QJsonArray array;
    for (const T &item : items)
        array.append(item.json);
    return QJsonDocument(array).toJson(QJsonDocument::Indented);
}

template<typename T> Result<QList<T>> readArray(const QString &path)
{
    const auto bytes = readFile(path);
    if (!bytes)
        return std::unexpected(bytes.error());
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(*bytes, &error);
    if (!doc.isArray())
        return failAt(Error::Code::Syntax, error.errorString(), path);
    QList<T> items;
    for (const QJsonValue &v : doc.array())
        items.append(T::fromJson(v.toObject()));
    return items;
}

// Collects the seven answers; the first error wins and later answers are ignored.
struct Fetch
{
    OfflinePull result;
    int outstanding = 7;
    bool failed = false;
    Client::Callback<OfflinePull> done;

    template<typename T> auto into(T OfflinePull::*field)
    {
        return [this, field](ApiResult<T> answer) {
            if (failed)
                return;
            if (!answer) {
                failed = true;
                done(std::unexpected(answer.error()));
                return;
            }
            result.*field = std::move(*answer);
            if (--outstanding == 0) {
                result.fetchedAt = QDateTime::currentDateTimeUtc();
                done(std::move(result));
            }
        };
    }
};

} // namespace

void fetchOfflinePull(Client *client, const RepoRef &repo, int number, QObject *context,
                      Client::Callback<OfflinePull> done)
{
    auto fetch = std::make_shared<Fetch>();
    fetch->done = std::move(done);
    // Each callback keeps the collector alive until the last one has run (or was dropped).
    auto keep = [fetch](auto callback) {
        return [fetch, callback](auto answer) mutable { callback(std::move(answer)); };
    };
    client->pull(repo, number, context, keep(fetch->into(&OfflinePull::pull)));
    client->pullFiles(repo, number, context, keep(fetch->into(&OfflinePull::files)));
    client->pullCommits(repo, number, context, keep(fetch->into(&OfflinePull::commits)));
    client->reviews(repo, number, context, keep(fetch->into(&OfflinePull::reviews)));
    client->issueComments(repo, number, context, keep(fetch->into(&OfflinePull::comments)));
    client->pullComments(repo, number, context, keep(fetch->into(&OfflinePull::reviewComments)));
    client->pullDiff(repo, number, context, keep(fetch->into(&OfflinePull::diff)));
}

QString PullStore::defaultFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/pulls");
}

PullStore::PullStore(QString folder)
    : m_folder(std::move(folder))
{}

Result<QString> PullStore::pullFolder(const RepoRef &repo, int number) const
{
    if (!safeName(repo.owner) || !safeName(repo.name) || number <= 0)
        return fail(Error::Code::Usage,
                    tr("not a pull request: %1#%2").arg(repo.fullName()).arg(number));
    return QStringLiteral("%1/%2/%3/%4").arg(m_folder, repo.owner, repo.name).arg(number);
}

Result<void> PullStore::save(const RepoRef &repo, const OfflinePull &pull) const
{
    const auto folder = pullFolder(repo, pull.pull.number);
    if (!folder)
        return std::unexpected(folder.error());
    if (!QDir().mkpath(*folder))
        return failAt(Error::Code::Io, tr("cannot create the folder"), *folder);
    const QList<QPair<QString, QByteArray>> files{
        {QStringLiteral("pull.json"),
         QJsonDocument(pull.pull.json).toJson(QJsonDocument::Indented)},
        {QStringLiteral("files.json"), toArray(pull.files)},
        {QStringLiteral("commits.json"), toArray(pull.commits)},
        {QStringLiteral("reviews.json"), toArray(pull.reviews)},
        {QStringLiteral("comments.json"), toArray(pull.comments)},
        {QStringLiteral("review-comments.json"), toArray(pull.reviewComments)},
        {QStringLiteral("diff.patch"), pull.diff},
        {QStringLiteral("fetched-at.txt"),
         pull.fetchedAt.toUTC().toString(Qt::ISODateWithMs).toUtf8() + '\n'},
    };
    for (const auto &[name, bytes] : files) {
        if (auto written = writeFileAtomic(*folder + QLatin1Char('/') + name, bytes); !written)
            return written;
    }
    return {};
}

Result<OfflinePull> PullStore::load(const RepoRef &repo, int number) const
{
    const auto folder = pullFolder(repo, number);
    if (!folder)
        return std::unexpected(folder.error());
    if (!contains(repo, number))
        return fail(
            Error::Code::NotFound,
            tr("%1#%2 is not available offline; fetch it first").arg(repo.fullName()).arg(number));
    const QString dir = *folder + QLatin1Char('/');
    OfflinePull pull;
    const auto pullBytes = readFile(dir + QStringLiteral("pull.json"));
    if (!pullBytes)
        return std::unexpected(pullBytes.error());
    const QJsonDocument doc = QJsonDocument::fromJson(*pullBytes);
    if (!doc.isObject())
        return failAt(Error::Code::Syntax, tr("not a JSON object"),
                      dir + QStringLiteral("pull.json"));
    pull.pull = PullRequest::fromJson(doc.object());

    auto files = readArray<PullFile>(dir + QStringLiteral("files.json"));
    auto commits = readArray<Commit>(dir + QStringLiteral("commits.json"));
    auto reviews = readArray<Review>(dir + QStringLiteral("reviews.json"));
    auto comments = readArray<IssueComment>(dir + QStringLiteral("comments.json"));
    auto inlineComments = readArray<PullComment>(dir + QStringLiteral("review-comments.json"));
    auto diff = readFile(dir + QStringLiteral("diff.patch"));
    for (const Error *e :
         {files ? nullptr : &files.error(), commits ? nullptr : &commits.error(),
          reviews ? nullptr : &reviews.error(), comments ? nullptr : &comments.error(),
          inlineComments ? nullptr : &inlineComments.error(), diff ? nullptr : &diff.error()}) {
        if (e)
            return std::unexpected(*e);
    }
    pull.files = std::move(*files);
    pull.commits = std::move(*commits);
    pull.reviews = std::move(*reviews);
    pull.comments = std::move(*comments);
    pull.reviewComments = std::move(*inlineComments);
    pull.diff = std::move(*diff);
    if (const auto when = readFile(dir + QStringLiteral("fetched-at.txt")))
        pull.fetchedAt =
            QDateTime::fromString(QString::fromUtf8(when->trimmed()), Qt::ISODateWithMs);
    return pull;
}

bool PullStore::contains(const RepoRef &repo, int number) const
{
    const auto folder = pullFolder(repo, number);
    return folder && QFile::exists(*folder + QStringLiteral("/pull.json"));
}

QList<int> PullStore::numbers(const RepoRef &repo) const
{
    QList<int> numbers;
    if (!safeName(repo.owner) || !safeName(repo.name))
        return numbers;
    const QDir dir(QStringLiteral("%1/%2/%3").arg(m_folder, repo.owner, repo.name));
    for (const QString &name : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool ok = false;
        const int number = name.toInt(&ok);
        if (ok && contains(repo, number))
            numbers.append(number);
    }
    std::sort(numbers.begin(), numbers.end());
    return numbers;
}

Result<void> PullStore::remove(const RepoRef &repo, int number) const
{
    const auto folder = pullFolder(repo, number);
    if (!folder)
        return std::unexpected(folder.error());
    if (!QDir(*folder).removeRecursively())
        return failAt(Error::Code::Io, tr("cannot remove"), *folder);
    return {};
}

} // namespace kanri::github
