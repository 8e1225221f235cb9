// kanri pr: the dispatch, and create, list and fetch (show, review and sync are in
// cmd_prreview.cpp; what they share in prcommand.h).
#include "app/cli/commands.h"
#include "app/cli/output.h"
#include "app/cli/prcommand.h"

#include "core/fileio.h"
#include "git/gitrepository.h"
#include "github/githubblocking.h"
#include "review/reviewchange.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace kanri::cli {

namespace {

using namespace kanri::github;
using namespace kanri::cli::pr;

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
