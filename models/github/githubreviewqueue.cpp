#include "github/githubreviewqueue.h"

#include "core/fileio.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QLockFile>
#include <QMetaObject>
#include <QPointer>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QUuid>

#include <algorithm>

namespace kanri::github {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("kanri::github::ReviewQueue", text);
}

const char *stateName(QueuedPost::State state)
{
    switch (state) {
    case QueuedPost::State::Pending:
        return "pending";
    case QueuedPost::State::Sending:
        return "sending";
    case QueuedPost::State::Posted:
        return "posted";
    case QueuedPost::State::Failed:
        return "failed";
    }
    return "pending";
}

// Errors that say "not now" rather than "never": the sync stops and keeps the rest queued.
bool isTransient(const ApiError &error)
{
    switch (error.kind) {
    case ApiError::Kind::Network:
    case ApiError::Kind::Timeout:
    case ApiError::Kind::Server:
    case ApiError::Kind::RateLimited:
    case ApiError::Kind::Auth:
    case ApiError::Kind::DeviceFlow:
    case ApiError::Kind::Usage:
        return true;
    case ApiError::Kind::Forbidden:
    case ApiError::Kind::NotFound:
    case ApiError::Kind::Validation:
    case ApiError::Kind::Other:
        return false;
    }
    return true;
}

} // namespace

QJsonObject QueuedPost::toJson() const
{
    QJsonObject o{{QLatin1String("version"), QueuedPost::formatVersion},
                  {QLatin1String("key"), key},
                  {QLatin1String("owner"), repo.owner},
                  {QLatin1String("repo"), repo.name},
                  {QLatin1String("number"), number},
                  {QLatin1String("kind"),
                   kind == Kind::Review ? QLatin1String("review") : QLatin1String("comment")},
                  {QLatin1String("created_at"), createdAt.toUTC().toString(Qt::ISODateWithMs)},
                  {QLatin1String("sequence"), sequence},
                  {QLatin1String("state"), QLatin1String(stateName(state))},
                  {QLatin1String("attempts"), attempts}};
    if (kind == Kind::Review)
        o.insert(QLatin1String("review"), review.toJson());
    else
        o.insert(QLatin1String("comment"), comment);
    if (!lastError.isEmpty())
        o.insert(QLatin1String("last_error"), lastError);
    if (postedId != 0)
        o.insert(QLatin1String("posted_id"), postedId);
    if (!postedUrl.isEmpty())
        o.insert(QLatin1String("posted_url"), postedUrl);
    return o;
}

std::optional<QueuedPost> QueuedPost::fromJson(const QJsonObject &o)
{
    // A file written by a newer Kanri may mean something this one cannot post right: left alone.
    if (o.value(QLatin1String("version")).toInt(1) > formatVersion)
        return std::nullopt;
    QueuedPost p;
    p.key = o.value(QLatin1String("key")).toString();
    p.repo = {o.value(QLatin1String("owner")).toString(),
              o.value(QLatin1String("repo")).toString()};
    p.number = o.value(QLatin1String("number")).toInt();
    if (p.key.isEmpty() || !p.repo.isValid() || p.number <= 0)
        return std::nullopt;
    p.kind = o.value(QLatin1String("kind")).toString() == QLatin1String("comment") ? Kind::Comment
                                                                                   : Kind::Review;
    p.review = NewReview::fromJson(o.value(QLatin1String("review")).toObject());
    p.comment = o.value(QLatin1String("comment")).toString();
    p.createdAt =
        QDateTime::fromString(o.value(QLatin1String("created_at")).toString(), Qt::ISODateWithMs);
    p.sequence = o.value(QLatin1String("sequence")).toInteger();
    const QString state = o.value(QLatin1String("state")).toString();
    p.state = state == QLatin1String("sending")  ? State::Sending
              : state == QLatin1String("posted") ? State::Posted
              : state == QLatin1String("failed") ? State::Failed
                                                 : State::Pending;
    p.attempts = o.value(QLatin1String("attempts")).toInt();
    p.lastError = o.value(QLatin1String("last_error")).toString();
    p.postedId = o.value(QLatin1String("posted_id")).toInteger();
    p.postedUrl = o.value(QLatin1String("posted_url")).toString();
    return p;
}

QString QueuedPost::bodyWithMarker() const
{
    const QString text = kind == Kind::Review ? review.body : comment;
    return (text.isEmpty() ? QString() : text + QStringLiteral("\n\n")) +
           ReviewQueue::markerFor(key);
}

QString ReviewQueue::defaultFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/review-queue");
}

ReviewQueue::ReviewQueue(QString folder)
    : m_folder(std::move(folder))
{}

QString ReviewQueue::markerFor(const QString &key)
{
    return QStringLiteral("<!-- kanri-post: %1 -->").arg(key);
}

QString ReviewQueue::withoutMarkers(const QString &text)
{
    static const QRegularExpression marker(QStringLiteral(R"(\s*<!--\s*kanri-post:[^>]*-->)"));
    return QString(text).remove(marker).trimmed();
}

QString ReviewQueue::pathFor(const QString &key) const
{
    return m_folder + QLatin1Char('/') + key + QStringLiteral(".json");
}

Result<QueuedPost> ReviewQueue::enqueueReview(const RepoRef &repo, int number,
                                              const NewReview &review)
{
    const bool needsBody = review.event == ReviewEvent::RequestChanges ||
                           (review.event == ReviewEvent::Comment && review.comments.isEmpty());
    if (needsBody && review.body.trimmed().isEmpty())
        return fail(Error::Code::Usage, tr("a comment or change request needs a text"));
    QueuedPost post;
    post.repo = repo;
    post.number = number;
    post.kind = QueuedPost::Kind::Review;
    post.review = review;
    return enqueue(std::move(post));
}

Result<QueuedPost> ReviewQueue::enqueueComment(const RepoRef &repo, int number, const QString &body)
{
    if (body.trimmed().isEmpty())
        return fail(Error::Code::Usage, tr("a comment needs a text"));
    QueuedPost post;
    post.repo = repo;
    post.number = number;
    post.kind = QueuedPost::Kind::Comment;
    post.comment = body;
    return enqueue(std::move(post));
}

Result<QueuedPost> ReviewQueue::enqueue(QueuedPost post)
{
    if (!post.repo.isValid() || post.number <= 0)
        return fail(Error::Code::Usage, tr("no repository or pull request number"));
    post.key = QUuid::createUuid().toString(QUuid::WithoutBraces);
    post.createdAt = QDateTime::currentDateTimeUtc();
    const QList<QueuedPost> existing = entries();
    post.sequence = existing.isEmpty() ? 1 : existing.last().sequence + 1;
    if (auto saved = save(post); !saved)
        return std::unexpected(saved.error());
    return post;
}

Result<void> ReviewQueue::save(const QueuedPost &post) const
{
    if (!QDir().mkpath(m_folder))
        return failAt(Error::Code::Io, tr("cannot create the folder"), m_folder);
    return writeFileAtomic(pathFor(post.key),
                           QJsonDocument(post.toJson()).toJson(QJsonDocument::Indented));
}

QList<QueuedPost> ReviewQueue::entries() const
{
    QList<QueuedPost> posts;
    const QDir dir(m_folder);
    for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files)) {
        const auto bytes = readFile(dir.filePath(name));
        if (!bytes)
            continue;
        if (auto post = QueuedPost::fromJson(QJsonDocument::fromJson(*bytes).object()))
            posts.append(std::move(*post));
    }
    std::sort(posts.begin(), posts.end(), [](const QueuedPost &a, const QueuedPost &b) {
        return a.sequence != b.sequence ? a.sequence < b.sequence : a.key < b.key;
    });
    return posts;
}

QList<QueuedPost> ReviewQueue::unsent() const
{
    QList<QueuedPost> posts = entries();
    posts.removeIf([](const QueuedPost &p) {
        return p.state != QueuedPost::State::Pending && p.state != QueuedPost::State::Sending;
    });
    return posts;
}

Result<void> ReviewQueue::removePosted()
{
    for (const QueuedPost &post : entries()) {
        if (post.state == QueuedPost::State::Posted && !QFile::remove(pathFor(post.key)))
            return failAt(Error::Code::Io, tr("cannot remove"), pathFor(post.key));
    }
    return {};
}

// ----- sync ------------------------------------------------------------------------------------

namespace {

struct SyncRun
{
    ReviewQueue queue;
    QPointer<Client> client;
    QPointer<QObject> context;
    std::function<void(ApiResult<SyncReport>)> done;
    std::unique_ptr<QLockFile> lock;
    QList<QueuedPost> todo;
    SyncReport report;
};

using Run = std::shared_ptr<SyncRun>;

void step(const Run &run);

void finish(const Run &run)
{
    run->report.remaining = int(run->todo.size());
    run->lock.reset();
    if (auto done = std::exchange(run->done, {}))
        done(run->report);
}

void stop(const Run &run, const ApiError &error)
{
    run->report.stoppedBy = error;
    finish(run);
}

void saveOrStop(const Run &run, const QueuedPost &post, const std::function<void()> &next)
{
    if (auto saved = run->queue.save(post); !saved) {
        run->lock.reset();
        if (auto done = std::exchange(run->done, {}))
            done(apiFail(ApiError::Kind::Other, saved.error().toString()));
        return;
    }
    next();
}

void markPosted(const Run &run, QueuedPost post, qint64 id, const QString &url, bool already)
{
    post.state = QueuedPost::State::Posted;
    post.postedId = id;
    post.postedUrl = url;
    post.lastError.clear();
    saveOrStop(run, post, [run, post, already] {
        ++(already ? run->report.alreadyPosted : run->report.posted);
        run->report.postedPosts.append(post);
        run->todo.removeFirst();
        step(run);
    });
}

void refused(const Run &run, QueuedPost post, const ApiError &error)
{
    if (isTransient(error)) {
        post.lastError = error.toString();
        saveOrStop(run, post, [run, error] { stop(run, error); });
        return;
    }
    post.state = QueuedPost::State::Failed;
    post.lastError = error.toString();
    saveOrStop(run, post, [run, post] {
        ++run->report.failed;
        run->report.messages << QStringLiteral("%1#%2: %3")
                                    .arg(post.repo.fullName())
                                    .arg(post.number)
                                    .arg(post.lastError);
        run->todo.removeFirst();
        step(run);
    });
}

void send(const Run &run, QueuedPost post)
{
    post.state = QueuedPost::State::Sending; // from now on GitHub may have it
    ++post.attempts;
    saveOrStop(run, post, [run, post] {
        if (!run->client)
            return;
        if (post.kind == QueuedPost::Kind::Review) {
            NewReview review = post.review;
            review.body = post.bodyWithMarker();
            run->client->createReview(post.repo, post.number, review, run->context,
                                      [run, post](ApiResult<Review> r) {
                                          if (r)
                                              markPosted(run, post, r->id, r->htmlUrl, false);
                                          else
                                              refused(run, post, r.error());
                                      });
        } else {
            run->client->createIssueComment(post.repo, post.number, post.bodyWithMarker(),
                                            run->context, [run, post](ApiResult<IssueComment> r) {
                                                if (r)
                                                    markPosted(run, post, r->id, r->htmlUrl, false);
                                                else
                                                    refused(run, post, r.error());
                                            });
        }
    });
}

// A post in state Sending may have reached GitHub: look for its marker before sending again.
void lookUp(const Run &run, const QueuedPost &post)
{
    const QString marker = ReviewQueue::markerFor(post.key);
    if (post.kind == QueuedPost::Kind::Review) {
        run->client->reviews(post.repo, post.number, run->context,
                             [run, post, marker](ApiResult<QList<Review>> r) {
                                 if (!r) {
                                     refused(run, post, r.error());
                                     return;
                                 }
                                 for (const Review &review : *r) {
                                     if (review.body.contains(marker)) {
                                         markPosted(run, post, review.id, review.htmlUrl, true);
                                         return;
                                     }
                                 }
                                 send(run, post);
                             });
    } else {
        run->client->issueComments(post.repo, post.number, run->context,
                                   [run, post, marker](ApiResult<QList<IssueComment>> r) {
                                       if (!r) {
                                           refused(run, post, r.error());
                                           return;
                                       }
                                       for (const IssueComment &comment : *r) {
                                           if (comment.body.contains(marker)) {
                                               markPosted(run, post, comment.id, comment.htmlUrl,
                                                          true);
                                               return;
                                           }
                                       }
                                       send(run, post);
                                   });
    }
}

void step(const Run &run)
{
    if (!run->context || !run->client)
        return;
    if (run->todo.isEmpty()) {
        finish(run);
        return;
    }
    const QueuedPost &post = run->todo.first();
    if (post.state == QueuedPost::State::Sending)
        lookUp(run, post);
    else
        send(run, post);
}

} // namespace

void ReviewQueue::sync(Client *client, QObject *context,
                       std::function<void(ApiResult<SyncReport>)> done)
{
    auto run = std::make_shared<SyncRun>(
        SyncRun{*this, client, context ? context : client, std::move(done), nullptr, {}, {}});
    // Starts from the event loop, so `done` never runs inside sync().
    QMetaObject::invokeMethod(
        run->context.data(),
        [run] {
            const QString folder = run->queue.folder();
            if (!QDir().mkpath(folder)) {
                run->done(
                    apiFail(ApiError::Kind::Other, tr("cannot create the folder %1").arg(folder)));
                return;
            }
            // A lock whose owner died is taken over (QLockFile checks the process id).
            run->lock = std::make_unique<QLockFile>(folder + QStringLiteral("/.sync.lock"));
            run->lock->setStaleLockTime(0);
            if (!run->lock->tryLock(0)) {
                run->done(apiFail(ApiError::Kind::Usage,
                                  tr("another Kanri is already posting the queued reviews")));
                return;
            }
            run->todo = run->queue.unsent();
            step(run);
        },
        Qt::QueuedConnection);
}

} // namespace kanri::github
