#include "app/cli/prcommand.h"

#include "app/cli/help.h"
#include "app/cli/output.h"
#include "git/gitrepository.h"
#include "github/githubremote.h"
#include "review/pullsync.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>

namespace kanri::cli::pr {

using namespace kanri::github;

QString tr(const char *text)
{
    return QCoreApplication::translate("kanri::cli::pr", text);
}

int usage()
{
    writeErr(help::usage("pr"));
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

std::unique_ptr<Client> makeClient(const QString &remoteUrl, int maxRetries)
{
    ClientOptions options = ClientOptions::forRemote(remoteUrl);
    if (maxRetries >= 0)
        options.maxRetries = maxRetries;
    return std::make_unique<Client>(options, std::make_shared<credentials::TokenStore>());
}

Result<PrContext> openContext(const QString &dirArg, int maxRetries)
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

} // namespace kanri::cli::pr
