#pragma once

#include "core/result.h"
#include "github/githubtypes.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace kanri::review {

// A line comment drafted in the review window, not yet sent: GitHub's review comment (path,
// line, side, body; line 0 for one that goes into the review's text, its body then naming the
// file and line) with the head it was drafted on and, for a comment on a line of the rendered
// diff, the rendered line it quotes.
struct DraftComment
{
    QString path;
    int line = 0;
    QString side; // "LEFT" or "RIGHT"
    QString body;
    QString quotedLine; // the rendered line, for a comment made on the rendered diff
    QString headSha;    // the pull request's head when the comment was drafted

    github::ReviewComment comment() const { return {path, body, line, side, 0}; }
    static DraftComment from(const github::ReviewComment &c, const QString &headSha,
                             const QString &quotedLine = {});
    // The head moved since the comment was drafted: its line may name other text now.
    bool mayHaveMoved(const QString &currentHead) const
    {
        return !headSha.isEmpty() && !currentHead.isEmpty() && headSha != currentHead;
    }
    friend bool operator==(const DraftComment &, const DraftComment &) = default;
};

// What the user typed in the review window of one pull request and has not sent yet: the
// review's text and the drafted line comments. On disk: one JSON object with "version" (1).
struct ReviewDraft
{
    static constexpr int formatVersion = 1;

    github::RepoRef repo;
    int number = 0;
    QString headSha; // the pull request's head when the draft was last saved
    QString body;
    QList<DraftComment> comments;
    QDateTime savedAt; // UTC

    bool isEmpty() const { return body.trimmed().isEmpty() && comments.isEmpty(); }
    QJsonObject toJson() const;
    // nullopt for an object that is no draft or comes from a newer Kanri (a higher version).
    static std::optional<ReviewDraft> fromJson(const QJsonObject &o);
};

// Review drafts on disk, one file per pull request: FOLDER/OWNER/REPO/NUMBER.json (the layout
// of github::PullStore), written atomically, readable by the owner only (0600, folders 0700),
// so what was typed survives closing the window, switching pull request and a crash.
class ReviewDrafts
{
public:
    explicit ReviewDrafts(QString folder);
    // github::ReviewQueue::defaultFolder() + "/drafts", beside the queued posts.
    static QString defaultFolder();

    const QString &folder() const { return m_folder; }
    Result<QString> pathFor(const github::RepoRef &repo, int number) const;

    // Writes `draft` (savedAt set now when invalid); an empty draft removes the file instead.
    Result<void> save(const ReviewDraft &draft) const;
    // The draft of a pull request; nullopt when there is none. A file that does not parse is an
    // error (and is left in place, so nothing the user typed is deleted by a bug).
    Result<std::optional<ReviewDraft>> load(const github::RepoRef &repo, int number) const;
    // Forgets the draft (sent, queued, or cleared by the user); no file is no error.
    Result<void> remove(const github::RepoRef &repo, int number) const;

private:
    QString m_folder;
};

} // namespace kanri::review
