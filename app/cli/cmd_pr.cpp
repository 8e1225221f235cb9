#include "app/cli/commands.h"
#include "app/cli/output.h"

#include "core/fileio.h"
#include "git/gitrepository.h"
#include "github/githubblocking.h"
#include "github/githubclient.h"
#include "github/githubpullstore.h"
#include "github/githubremote.h"
#include "github/githubreviewqueue.h"
#include "review/pullsync.h"
#include "review/reviewchange.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>
#include <memory>
#include <optional>

namespace kanri::cli {

namespace {

using namespace kanri::github;

QString tr(const char *text)
{
    return QCoreApplication::translate("kanri::cli", text);
}

int usage()
{
    writeErr(QStringLiteral(
        "usage: kanri pr create [--repo DIR] [--title T] [--body-file F] [--base B] [--draft]\n"
        "       kanri pr list [--repo DIR] [--json]\n"
        "       kanri pr fetch [--repo DIR] [N...]\n"
        "       kanri pr show [--repo DIR] N\n"
        "       kanri pr review [--repo DIR] N (--comment TEXT | --approve | --request-changes "
        "[--comment TEXT])\n"
        "       kanri pr sync [--repo DIR]"));
    return 2;
}

int reportError(const Error &e)
{
    writeErr(e.toString());
    return 1;
}

int reportApiError(const ApiError &e)
{
    writeErr(e.toError().toString());
    return 1;
}

// Removes `--name VALUE` / `--name=VALUE` from args. Missing value: *bad.
std::optional<QString> takeOption(QStringList &args, const QString &name, bool *bad)
{
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == name) {
            if (i + 1 >= args.size()) {
                *bad = true;
                return std::nullopt;
            }
            const QString value = args[i + 1];
            args.remove(i, 2);
            return value;
        }
        if (args[i].startsWith(name + QLatin1Char('='))) {
            const QString value = args[i].mid(name.size() + 1);
            args.removeAt(i);
            return value;
        }
    }
    return std::nullopt;
}

bool takeFlag(QStringList &args, const QString &name)
{
    return args.removeAll(name) > 0;
}

PullStore pullStore()
{
    return PullStore(PullStore::defaultFolder());
}

ReviewQueue reviewQueue()
{
    return ReviewQueue(ReviewQueue::defaultFolder());
}

// The repository the command works on, the GitHub repository it belongs to and a client.
struct PrContext
{
    QString dir;
    QString remoteUrl;
    RepoRef repo;
    std::unique_ptr<Client> client;
};

std::unique_ptr<Client> makeClient(const QString &remoteUrl, int maxRetries = -1)
{
    ClientOptions options = ClientOptions::forRemote(remoteUrl);
    if (maxRetries >= 0)
        options.maxRetries = maxRetries;
    return std::make_unique<Client>(options, std::make_shared<credentials::TokenStore>());
}

Result<PrContext> openContext(const QString &dirArg, int maxRetries = -1)
{
    PrContext c;
    c.dir = QFileInfo(dirArg.isEmpty() ? QDir::currentPath() : dirArg).absoluteFilePath();
    auto repository = git::Repository::open(c.dir);
    if (!repository)
        return std::unexpected(repository.error());
    if (!repository->workdir().isEmpty())
        c.dir = QDir::cleanPath(repository->workdir());
    auto url = repository->remoteUrl(QStringLiteral("origin"));
    if (!url)
        return std::unexpected(url.error());
    c.remoteUrl = *url;
    if (auto repo = repoForRemote(*url))
        c.repo = *repo;
    else
        return fail(Error::Code::Unsupported,
                    tr("cannot tell the GitHub repository from the remote origin (%1)").arg(*url));
    c.client = makeClient(c.remoteUrl, maxRetries);
    QObject::connect(
        c.client.get(), &Client::waitingForRateLimit, [](int seconds, const QString &message) {
            writeErr(tr("GitHub rate limit: waiting %1 s (%2)").arg(seconds).arg(message));
        });
    return c;
}

std::optional<int> pullNumber(const QString &text)
{
    bool ok = false;
    const int n = QString(text).remove(QLatin1Char('#')).toInt(&ok);
    if (!ok || n <= 0)
        return std::nullopt;
    return n;
}

// Makes pull requests available offline (review::PullSync): per pull request its metadata,
// files and comments into the store, once its head and base are in refs/kanri/pull/N/{head,base}
// of the local repository. No numbers: every open one. Returns 0 when every one was fetched.
int fetchPulls(PrContext &c, const QList<int> &numbers)
{
    review::PullSync sync(pullStore());
    QObject::connect(&sync, &review::PullSync::pullStored,
                     [](const review::PullTarget &target, const OfflinePull &pull) {
                         writeOut(QStringLiteral("fetched #%1 %2 (%3 files, %4 comments)\n")
                                      .arg(target.number)
                                      .arg(pull.pull.title)
                                      .arg(pull.files.size())
                                      .arg(pull.comments.size() + pull.reviewComments.size())
                                      .toUtf8());
                     });
    QObject::connect(&sync, &review::PullSync::pullFailed,
                     [](const review::PullSyncFailure &f) { writeErr(f.error.toString()); });
    QEventLoop loop;
    std::optional<review::PullSyncReport> report;
    QObject::connect(&sync, &review::PullSync::finished, &loop,
                     [&](const review::PullSyncReport &r) {
                         report = r;
                         loop.quit();
                     });
    if (numbers.isEmpty()) {
        sync.startAllOpen(c.client.get(), c.repo, c.dir);
    } else {
        QList<review::PullTarget> pulls;
        for (int n : numbers)
            pulls.append({c.client.get(), c.repo, c.dir, n});
        sync.start(pulls);
    }
    if (!report)
        loop.exec();
    return report->failures.isEmpty() ? 0 : 1;
}

int runFetch(QStringList args, const QString &dir)
{
    QList<int> numbers;
    for (const QString &a : args) {
        auto n = pullNumber(a);
        if (!n)
            return usage();
        numbers.append(*n);
    }
    auto c = openContext(dir);
    if (!c)
        return reportError(c.error());
    return fetchPulls(*c, numbers);
}

int runList(QStringList args, const QString &dir)
{
    const bool json = takeFlag(args, QStringLiteral("--json"));
    if (!args.isEmpty())
        return usage();
    auto c = openContext(dir);
    if (!c)
        return reportError(c.error());
    auto pulls = waitFor<QList<PullRequest>>([&](QObject *context, auto done) {
        c->client->listOpenPulls(c->repo, context, std::move(done));
    });
    if (!pulls)
        return reportApiError(pulls.error());
    if (json) {
        QJsonArray array;
        for (const PullRequest &p : *pulls)
            array.append(p.json);
        writeOut(QJsonDocument(array).toJson(QJsonDocument::Indented));
        return 0;
    }
    QByteArray out;
    for (const PullRequest &p : *pulls)
        out += QStringLiteral("#%1\t%2\t%3 -> %4\t%5%6\t%7\n")
                   .arg(p.number)
                   .arg(p.title, p.headRef, p.baseRef, p.author,
                        p.draft ? tr(" (draft)") : QString(), p.htmlUrl)
                   .toUtf8();
    writeOut(out);
    return 0;
}

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
    const int status = syncQueue(c->client.get(), true);
    if (status == 3) {
        writeOut(tr("offline: kept in the queue; run `kanri pr sync` when the network is back\n")
                     .toUtf8());
        return 0;
    }
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

int reportDraftError(const Error &e, const QString &dir)
{
    auto repository = git::Repository::open(dir);
    if (e.code == Error::Code::NotFound && repository)
        writeErr(
            tr("error: %1 (kanri push origin %2)").arg(e.message, repository->currentBranch()));
    else
        writeErr(tr("error: %1").arg(e.message));
    return 1;
}

int runCreate(QStringList args, const QString &dir)
{
    bool bad = false;
    const auto title = takeOption(args, QStringLiteral("--title"), &bad);
    const auto bodyFile = takeOption(args, QStringLiteral("--body-file"), &bad);
    const auto baseOption = takeOption(args, QStringLiteral("--base"), &bad);
    const bool asDraft = takeFlag(args, QStringLiteral("--draft"));
    if (bad || !args.isEmpty())
        return usage();
    auto c = openContext(dir);
    if (!c)
        return reportError(c.error());
    // Before any network call: the branch must be on the remote.
    if (auto pushed = platform::draftPull(c->dir, {}); !pushed)
        return reportDraftError(pushed.error(), c->dir);
    QString base = baseOption.value_or(QString());
    if (base.isEmpty()) {
        auto info = waitFor<Repository>([&](QObject *context, auto done) {
            c->client->repository(c->repo, context, std::move(done));
        });
        if (!info)
            return reportApiError(info.error());
        base = info->defaultBranch.isEmpty() ? QStringLiteral("main") : info->defaultBranch;
    }

    QString body;
    if (bodyFile) {
        auto bytes = readFile(*bodyFile);
        if (!bytes)
            return reportError(bytes.error());
        body = QString::fromUtf8(*bytes);
    }
    auto draft = platform::draftPull(c->dir, base);
    if (!draft)
        return reportDraftError(draft.error(), c->dir);
    const QString branch = draft->branch;
    if (draft->hasUnpushedCommits)
        writeErr(tr("warning: %1 has commits that are not pushed; the pull request shows %2")
                     .arg(branch, draft->pushedRef.mid(13)));
    if (!draft->note.isEmpty())
        writeErr(tr("warning: no generated description: %1").arg(draft->note));
    if (!bodyFile)
        body = draft->body;
    NewPullRequest request;
    request.title = title.value_or(draft->title);
    request.body = body;
    request.head = branch;
    request.base = base;
    request.draft = asDraft;
    auto created = waitFor<CreatedPullRequest>([&](QObject *context, auto done) {
        c->client->createPull(c->repo, request, context, std::move(done));
    });
    if (!created)
        return reportApiError(created.error());
    if (created->origin == CreatedPullRequest::Origin::AlreadyExisted)
        writeErr(
            tr("a pull request already exists for %1: #%2").arg(branch).arg(created->pull.number));
    writeOut(created->pull.htmlUrl.toUtf8() + '\n');
    return 0;
}

} // namespace

int runPr(const QStringList &arguments)
{
    QStringList args = arguments;
    if (args.isEmpty())
        return usage();
    const QString sub = args.takeFirst();
    bool bad = false;
    const QString dir = takeOption(args, QStringLiteral("--repo"), &bad).value_or(QString());
    if (bad)
        return usage();
    if (sub == QLatin1String("create"))
        return runCreate(args, dir);
    if (sub == QLatin1String("list"))
        return runList(args, dir);
    if (sub == QLatin1String("fetch"))
        return runFetch(args, dir);
    if (sub == QLatin1String("show"))
        return runShow(args, dir);
    if (sub == QLatin1String("review"))
        return runReview(args, dir);
    if (sub == QLatin1String("sync"))
        return runSync(args, dir);
    return usage();
}

} // namespace kanri::cli
