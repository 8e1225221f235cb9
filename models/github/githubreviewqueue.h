#pragma once

#include "core/result.h"
#include "github/githubclient.h"
#include "github/githubtypes.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace kanri::github {

// A review or conversation comment written while offline, waiting to be posted. On disk: one
// JSON object with "version" (1: no version key; 2: reviews may carry line comments, as
// "review": {"comments": [{"path", "line", "side", "body"}]}, GitHub's own request body).
struct QueuedPost
{
    static constexpr int formatVersion = 2;

    enum class Kind { Review, Comment };
    // Pending: never sent. Sending: sent at least once without a known outcome (timeout, crash),
    // so GitHub may have it already. Posted and Failed are final.
    enum class State { Pending, Sending, Posted, Failed };

    QString key; // the idempotence key, also written into the posted body as an HTML comment
    RepoRef repo;
    int number = 0;
    Kind kind = Kind::Review;
    NewReview review; // Kind::Review
    QString comment;  // Kind::Comment
    QDateTime createdAt;
    qint64 sequence = 0; // the order of enqueueing; posts go out in this order
    State state = State::Pending;
    int attempts = 0;
    QString lastError;
    qint64 postedId = 0;
    QString postedUrl;

    QJsonObject toJson() const;
    static std::optional<QueuedPost> fromJson(const QJsonObject &o);
    // The body as sent: the user's text followed by the invisible marker.
    QString bodyWithMarker() const;
};

struct SyncReport
{
    int posted = 0;        // sent now
    int alreadyPosted = 0; // found on GitHub by their marker: an earlier attempt got through
    int failed = 0;        // refused by GitHub (422, 404, 403): final, not retried
    int remaining = 0;     // still waiting, because the sync stopped early
    QStringList messages;  // one line per failure
    QList<QueuedPost> postedPosts;     // what posted and alreadyPosted count, in order
    std::optional<ApiError> stoppedBy; // network, timeout, rate limit, 5xx or credentials
};

// Reviews and comments queued on disk, one JSON file per post in FOLDER (created on demand),
// written atomically, so they survive a crash or restart. Posting is exactly once: each post
// carries `<!-- kanri-post: KEY -->` in its body; a post whose outcome is unknown (state Sending)
// is looked up on GitHub by that marker before it is sent again. A lock file keeps two syncs
// (two processes) from posting the same entries.
class ReviewQueue
{
public:
    explicit ReviewQueue(QString folder);
    // AppDataLocation + "/review-queue", shared by the command line and the GUI.
    static QString defaultFolder();

    const QString &folder() const { return m_folder; }

    Result<QueuedPost> enqueueReview(const RepoRef &repo, int number, const NewReview &review);
    Result<QueuedPost> enqueueComment(const RepoRef &repo, int number, const QString &body);

    // All entries, oldest first; files that do not parse are skipped.
    QList<QueuedPost> entries() const;
    QList<QueuedPost> unsent() const; // Pending and Sending
    Result<void> save(const QueuedPost &post) const;
    Result<void> removePosted(); // forgets Posted entries

    static QString markerFor(const QString &key);
    // `text` without the markers Kanri writes into posted bodies (and the blank lines before
    // them): what a person should read.
    static QString withoutMarkers(const QString &text);

    // Posts every unsent entry in order through `client`, then calls `done` (on `context`).
    // Stops at the first error that says "not now" (network, timeout, 5xx, rate limit, 401) and
    // leaves the rest queued; a refusal of one post (422, 404, 403) marks it Failed and goes on.
    void sync(Client *client, QObject *context, std::function<void(ApiResult<SyncReport>)> done);

private:
    Result<QueuedPost> enqueue(QueuedPost post);
    QString pathFor(const QString &key) const;

    QString m_folder;
};

} // namespace kanri::github
