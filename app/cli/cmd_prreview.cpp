// kanri pr show, review and sync: reading a pull request offline, and queued reviews.
#include "app/cli/prcommand.h"

#include "app/cli/output.h"
#include "git/gitrepository.h"
#include "github/githubblocking.h"
#include "github/githubremote.h"
#include "review/reviewchange.h"

#include <QDir>
#include <QFileInfo>

namespace kanri::cli::pr {

using namespace kanri::github;

namespace {

QString reviewEventName(ReviewEvent e)
{
    switch (e) {
    case ReviewEvent::Approve:
        return tr("approval");
    case ReviewEvent::RequestChanges:
        return tr("change request");
    case ReviewEvent::Comment:
        return tr("review comment");
    case ReviewEvent::Pending:
        break;
    }
    return tr("pending review");
}

} // namespace

int runShow(QStringList args, const QString &dir)
{
    if (args.size() != 1)
        return usage();
    auto number = pullNumber(args.first());
    if (!number)
        return usage();
    // No client is needed: everything comes from the store and the fetched refs.
    PrContext c;
    c.dir = QFileInfo(dir.isEmpty() ? QDir::currentPath() : dir).absoluteFilePath();
    auto repository = git::Repository::open(c.dir);
    if (!repository)
        return reportError(repository.error());
    if (!repository->workdir().isEmpty())
        c.dir = QDir::cleanPath(repository->workdir());
    auto url = repository->remoteUrl(QStringLiteral("origin"));
    if (!url)
        return reportError(url.error());
    if (auto repo = repoForRemote(*url))
        c.repo = *repo;

    const PullStore store = pullStore();
    if (!store.contains(c.repo, *number) || !platform::hasPullHead(c.dir, *number)) {
        // Not available offline yet: fetch it now (needs the network).
        auto online = openContext(dir);
        if (!online)
            return reportError(online.error());
        if (fetchPulls(*online, {*number}) != 0) {
            writeErr(tr("error: pull request #%1 is not available offline; run `kanri pr fetch "
                        "%1` while online")
                         .arg(*number));
            return 1;
        }
    }
    auto pull = store.load(c.repo, *number);
    if (!pull)
        return reportError(pull.error());
    const PullRequest &p = pull->pull;
    QByteArray out;
    out += QStringLiteral("#%1 %2\n").arg(p.number).arg(p.title).toUtf8();
    out += tr("%1 wants to merge %2 into %3 (%4%5)\n")
               .arg(p.author, p.headRef, p.baseRef, p.state, p.draft ? tr(", draft") : QString())
               .toUtf8();
    out += p.htmlUrl.toUtf8() + '\n';
    out += tr("fetched %1\n").arg(pull->fetchedAt.toString(Qt::ISODate)).toUtf8();
    if (!p.body.isEmpty())
        out += '\n' + p.body.toUtf8().trimmed() + "\n";
    out += '\n';

    auto review = platform::reviewFetchedPull(c.dir, *number, p.baseSha);
    if (!review)
        return reportError(review.error());
    out += platform::formatReview(*review);

    if (!pull->reviews.isEmpty()) {
        out += '\n' + tr("Reviews:\n").toUtf8();
        for (const Review &r : pull->reviews)
            out += QStringLiteral("  %1 %2%3\n")
                       .arg(r.user, r.state,
                            r.body.isEmpty() ? QString() : QStringLiteral(": ") + r.body)
                       .toUtf8();
    }
    if (!pull->comments.isEmpty() || !pull->reviewComments.isEmpty()) {
        out += '\n' + tr("Comments:\n").toUtf8();
        for (const IssueComment &ic : pull->comments)
            out += QStringLiteral("  %1: %2\n").arg(ic.user, ic.body).toUtf8();
        for (const PullComment &pc : pull->reviewComments)
            out += QStringLiteral("  %1 on %2:%3: %4\n")
                       .arg(pc.user, pc.path)
                       .arg(pc.line)
                       .arg(pc.body)
                       .toUtf8();
    }
    QList<QueuedPost> queued;
    for (const QueuedPost &q : reviewQueue().unsent())
        if (q.repo == c.repo && q.number == *number)
            queued.append(q);
    if (!queued.isEmpty()) {
        out += '\n' + tr("Queued, not yet posted:\n").toUtf8();
        for (const QueuedPost &q : queued)
            out += QStringLiteral("  %1: %2\n")
                       .arg(q.kind == QueuedPost::Kind::Review ? reviewEventName(q.review.event)
                                                               : tr("comment"),
                            q.kind == QueuedPost::Kind::Review ? q.review.body : q.comment)
                       .toUtf8();
    }
    writeOut(out);
    return 0;
}

// Posts the queue; prints what happened. Returns 0 when nothing is left unsent.
int syncQueue(Client *client, bool quietWhenEmpty)
{
    ReviewQueue queue = reviewQueue();
    if (queue.unsent().isEmpty()) {
        if (!quietWhenEmpty)
            writeOut(tr("nothing to post\n").toUtf8());
        return 0;
    }
    auto report = waitFor<SyncReport>(
        [&](QObject *context, auto done) { queue.sync(client, context, std::move(done)); });
    if (!report)
        return reportApiError(report.error());
    for (const QString &m : report->messages)
        writeErr(m);
    writeOut(tr("posted %1, already posted %2, failed %3, still queued %4\n")
                 .arg(report->posted)
                 .arg(report->alreadyPosted)
                 .arg(report->failed)
                 .arg(report->remaining)
                 .toUtf8());
    queue.removePosted();
    if (report->stoppedBy) {
        writeErr(tr("error: stopped: %1").arg(report->stoppedBy->toString()));
        return report->stoppedBy->kind == ApiError::Kind::Auth ? 1 : 3;
    }
    return report->failed > 0 ? 1 : 0;
}

int runReview(QStringList args, const QString &dir)
{
    bool bad = false;
    const auto comment = takeOption(args, QStringLiteral("--comment"), &bad);
    const bool approve = takeFlag(args, QStringLiteral("--approve"));
    const bool requestChanges = takeFlag(args, QStringLiteral("--request-changes"));
    if (bad || args.size() != 1 || (approve && requestChanges) ||
        (!approve && !requestChanges && !comment))
        return usage();
    auto number = pullNumber(args.first());
    if (!number)
        return usage();
    if (requestChanges && (!comment || comment->trimmed().isEmpty())) {
        writeErr(tr("error: --request-changes needs --comment TEXT (GitHub requires a body)"));
        return 2;
    }
    // Offline: one attempt, no retries; the queue keeps the review.
    auto c = openContext(dir, 0);
    if (!c)
        return reportError(c.error());
    NewReview review;
    review.event = approve          ? ReviewEvent::Approve
                   : requestChanges ? ReviewEvent::RequestChanges
                                    : ReviewEvent::Comment;
    review.body = comment.value_or(QString());
    if (auto pull = pullStore().load(c->repo, *number))
        review.commitId = pull->pull.headSha; // the head that was reviewed
    auto queued = reviewQueue().enqueueReview(c->repo, *number, review);
    if (!queued)
        return reportError(queued.error());
    writeOut(tr("queued %1 for #%2 (%3)\n")
                 .arg(reviewEventName(review.event))
                 .arg(*number)
                 .arg(queued->key)
                 .toUtf8());
    // 3: queued, not posted (GitHub could not be reached); the review stays on disk.
    const int status = syncQueue(c->client.get(), true);
    if (status == 3)
        writeErr(tr("error: offline: the review is queued, not posted; run `kanri pr sync` when "
                    "the network is back"));
    return status;
}

int runSync(QStringList args, const QString &dir)
{
    if (!args.isEmpty())
        return usage();
    // The queue names its repositories; the API base comes from --repo's remote when there is
    // one, else from KANRI_GITHUB_API_URL or api.github.com.
    QString remoteUrl;
    if (auto repository = git::Repository::open(
            QFileInfo(dir.isEmpty() ? QDir::currentPath() : dir).absoluteFilePath())) {
        if (auto url = repository->remoteUrl(QStringLiteral("origin")))
            remoteUrl = *url;
    } else if (!dir.isEmpty()) {
        return reportError(repository.error());
    }
    auto client = makeClient(remoteUrl);
    return syncQueue(client.get(), false);
}

} // namespace kanri::cli::pr
