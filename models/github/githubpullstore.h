#pragma once

#include "core/result.h"
#include "github/githubclient.h"
#include "github/githubtypes.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace kanri::github {

// Everything Kanri shows about a pull request, as GitHub sent it.
struct OfflinePull
{
    PullRequest pull;
    QList<PullFile> files;
    QList<Commit> commits;
    QList<Review> reviews;
    QList<IssueComment> comments;      // the conversation
    QList<PullComment> reviewComments; // inline, on the diff
    QByteArray diff;                   // GitHub's unified diff (application/vnd.github.diff)
    QDateTime fetchedAt;
};

// Fetches an OfflinePull: the seven calls run side by side; the first failure is the answer.
void fetchOfflinePull(Client *client, const RepoRef &repo, int number, QObject *context,
                      Client::Callback<OfflinePull> done);

// Pull requests kept for offline reading, under FOLDER/OWNER/REPO/NUMBER/:
//   pull.json files.json commits.json reviews.json comments.json review-comments.json
//   diff.patch fetched-at.txt
// Each file is written atomically; a PR saved again replaces the old copy file by file.
class PullStore
{
public:
    explicit PullStore(QString folder);
    // AppDataLocation + "/pulls", shared by the command line and the GUI.
    static QString defaultFolder();

    const QString &folder() const { return m_folder; }

    Result<void> save(const RepoRef &repo, const OfflinePull &pull) const;
    Result<OfflinePull> load(const RepoRef &repo, int number) const;
    bool contains(const RepoRef &repo, int number) const;
    QList<int> numbers(const RepoRef &repo) const; // ascending
    Result<void> remove(const RepoRef &repo, int number) const;

private:
    Result<QString> pullFolder(const RepoRef &repo, int number) const;

    QString m_folder;
};

} // namespace kanri::github
