#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// Plain values for the parts of GitHub's REST answers Kanri reads. Each keeps the object it was
// read from in `json`, so the offline store can save exactly what GitHub sent.
namespace kanri::github {

struct RepoRef
{
    QString owner;
    QString name;

    bool isValid() const { return !owner.isEmpty() && !name.isEmpty(); }
    QString fullName() const { return owner + QLatin1Char('/') + name; }
    friend bool operator==(const RepoRef &, const RepoRef &) = default;
};

struct User
{
    qint64 id = 0;
    QString login;
    QString name;
    QString htmlUrl;
    QJsonObject json;

    static User fromJson(const QJsonObject &o);
};

struct Repository
{
    qint64 id = 0;
    QString fullName;
    QString defaultBranch;
    QString htmlUrl;
    bool isPrivate = false;
    QJsonObject json;

    static Repository fromJson(const QJsonObject &o);
};

struct PullRequest
{
    qint64 id = 0;
    int number = 0;
    QString state; // open, closed
    QString title;
    QString body;
    QString htmlUrl;
    QString author;
    bool draft = false;
    QString headRef;   // branch name on the head repository
    QString headLabel; // owner:branch
    QString headSha;
    QString baseRef;
    QString baseSha;
    QStringList labels;
    QString createdAt;
    QString updatedAt;
    QJsonObject json;

    static PullRequest fromJson(const QJsonObject &o);
};

struct NewPullRequest
{
    QString title;
    QString body;
    QString head; // "branch", or "owner:branch" for a fork
    QString base;
    bool draft = false;
};

struct CreatedPullRequest
{
    enum class Origin { Created, AlreadyExisted };
    PullRequest pull;
    Origin origin = Origin::Created;
};

struct PullFile
{
    QString sha;
    QString filename;
    QString previousFilename; // set for renames
    QString status;           // added, removed, modified, renamed, copied, changed, unchanged
    int additions = 0;
    int deletions = 0;
    int changes = 0;
    QString patch; // absent for binary files and very large diffs
    QJsonObject json;

    static PullFile fromJson(const QJsonObject &o);
};

struct Commit
{
    QString sha;
    QString message;
    QString authorName;
    QString authorLogin;
    QString date;
    QJsonObject json;

    static Commit fromJson(const QJsonObject &o);
};

struct Review
{
    qint64 id = 0;
    QString user;
    QString state; // APPROVED, CHANGES_REQUESTED, COMMENTED, PENDING, DISMISSED
    QString body;
    QString commitId;
    QString submittedAt;
    QString htmlUrl;
    QJsonObject json;

    static Review fromJson(const QJsonObject &o);
};

enum class ReviewEvent { Comment, Approve, RequestChanges, Pending };

// An inline comment in a new review: on `line` of the file (side RIGHT = new text, LEFT = old),
// or, when line is 0, at `position` lines below the file's first hunk header.
struct ReviewComment
{
    QString path;
    QString body;
    int line = 0;
    QString side;
    int position = 0;
};

struct NewReview
{
    ReviewEvent event = ReviewEvent::Comment;
    QString body;     // required by GitHub for Comment and RequestChanges
    QString commitId; // empty: the PR's head
    QList<ReviewComment> comments;

    // GitHub's request body (POST /pulls/N/reviews), and back.
    QJsonObject toJson() const;
    static NewReview fromJson(const QJsonObject &o);
};

struct IssueComment
{
    qint64 id = 0;
    QString user;
    QString body;
    QString createdAt;
    QString htmlUrl;
    QJsonObject json;

    static IssueComment fromJson(const QJsonObject &o);
};

// An inline comment on a pull request's diff (GET /pulls/N/comments).
struct PullComment
{
    qint64 id = 0;
    QString user;
    QString body;
    QString path;
    int line = 0;
    QString side;
    QString commitId;
    qint64 inReplyTo = 0;
    QString createdAt;
    QJsonObject json;

    static PullComment fromJson(const QJsonObject &o);
};

struct Label
{
    qint64 id = 0;
    QString name;
    QString color;

    static Label fromJson(const QJsonObject &o);
};

struct Team
{
    qint64 id = 0;
    QString slug;
    QString name;
    QString description;
    QJsonObject json;

    static Team fromJson(const QJsonObject &o);
};

struct FileContent
{
    QString path;
    QString sha;
    QByteArray bytes; // decoded
    QJsonObject json;
};

} // namespace kanri::github
