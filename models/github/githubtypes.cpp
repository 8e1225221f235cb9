#include "github/githubtypes.h"

#include <QJsonArray>

namespace kanri::github {

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

qint64 idOf(const QJsonObject &o)
{
    return o.value(QLatin1String("id")).toInteger();
}

QString login(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toObject().value(QLatin1String("login")).toString();
}

} // namespace

User User::fromJson(const QJsonObject &o)
{
    return User{idOf(o), str(o, "login"), str(o, "name"), str(o, "html_url"), o};
}

Repository Repository::fromJson(const QJsonObject &o)
{
    return Repository{idOf(o),
                      str(o, "full_name"),
                      str(o, "default_branch"),
                      str(o, "html_url"),
                      o.value(QLatin1String("private")).toBool(),
                      o};
}

PullRequest PullRequest::fromJson(const QJsonObject &o)
{
    PullRequest p;
    p.id = idOf(o);
    p.number = o.value(QLatin1String("number")).toInt();
    p.state = str(o, "state");
    p.title = str(o, "title");
    p.body = str(o, "body");
    p.htmlUrl = str(o, "html_url");
    p.author = login(o, "user");
    p.draft = o.value(QLatin1String("draft")).toBool();
    const QJsonObject head = o.value(QLatin1String("head")).toObject();
    const QJsonObject base = o.value(QLatin1String("base")).toObject();
    p.headRef = str(head, "ref");
    p.headLabel = str(head, "label");
    p.headSha = str(head, "sha");
    p.baseRef = str(base, "ref");
    p.baseSha = str(base, "sha");
    for (const QJsonValue &label : o.value(QLatin1String("labels")).toArray())
        p.labels << label.toObject().value(QLatin1String("name")).toString();
    p.createdAt = str(o, "created_at");
    p.updatedAt = str(o, "updated_at");
    p.json = o;
    return p;
}

PullFile PullFile::fromJson(const QJsonObject &o)
{
    PullFile f;
    f.sha = str(o, "sha");
    f.filename = str(o, "filename");
    f.previousFilename = str(o, "previous_filename");
    f.status = str(o, "status");
    f.additions = o.value(QLatin1String("additions")).toInt();
    f.deletions = o.value(QLatin1String("deletions")).toInt();
    f.changes = o.value(QLatin1String("changes")).toInt();
    f.patch = str(o, "patch");
    f.json = o;
    return f;
}

Commit Commit::fromJson(const QJsonObject &o)
{
    const QJsonObject commit = o.value(QLatin1String("commit")).toObject();
    const QJsonObject author = commit.value(QLatin1String("author")).toObject();
    return Commit{str(o, "sha"),      str(commit, "message"), str(author, "name"),
                  login(o, "author"), str(author, "date"),    o};
}

Review Review::fromJson(const QJsonObject &o)
{
    return Review{idOf(o),
                  login(o, "user"),
                  str(o, "state"),
                  str(o, "body"),
                  str(o, "commit_id"),
                  str(o, "submitted_at"),
                  str(o, "html_url"),
                  o};
}

QJsonObject NewReview::toJson() const
{
    QJsonObject o;
    switch (event) {
    case ReviewEvent::Comment:
        o.insert(QLatin1String("event"), QLatin1String("COMMENT"));
        break;
    case ReviewEvent::Approve:
        o.insert(QLatin1String("event"), QLatin1String("APPROVE"));
        break;
    case ReviewEvent::RequestChanges:
        o.insert(QLatin1String("event"), QLatin1String("REQUEST_CHANGES"));
        break;
    case ReviewEvent::Pending: // no event: GitHub keeps the review pending
        break;
    }
    if (!body.isEmpty())
        o.insert(QLatin1String("body"), body);
    if (!commitId.isEmpty())
        o.insert(QLatin1String("commit_id"), commitId);
    if (!comments.isEmpty()) {
        QJsonArray array;
        for (const ReviewComment &c : comments) {
            QJsonObject item{{QLatin1String("path"), c.path}, {QLatin1String("body"), c.body}};
            if (c.line > 0) {
                item.insert(QLatin1String("line"), c.line);
                if (!c.side.isEmpty())
                    item.insert(QLatin1String("side"), c.side);
            } else {
                item.insert(QLatin1String("position"), c.position);
            }
            array.append(item);
        }
        o.insert(QLatin1String("comments"), array);
    }
    return o;
}

NewReview NewReview::fromJson(const QJsonObject &o)
{
    NewReview review;
    const QString event = str(o, "event");
    review.event = event == QLatin1String("COMMENT")           ? ReviewEvent::Comment
                   : event == QLatin1String("APPROVE")         ? ReviewEvent::Approve
                   : event == QLatin1String("REQUEST_CHANGES") ? ReviewEvent::RequestChanges
                                                               : ReviewEvent::Pending;
    review.body = str(o, "body");
    review.commitId = str(o, "commit_id");
    for (const QJsonValue &v : o.value(QLatin1String("comments")).toArray()) {
        const QJsonObject c = v.toObject();
        review.comments.append(ReviewComment{str(c, "path"), str(c, "body"),
                                             c.value(QLatin1String("line")).toInt(), str(c, "side"),
                                             c.value(QLatin1String("position")).toInt()});
    }
    return review;
}

IssueComment IssueComment::fromJson(const QJsonObject &o)
{
    return IssueComment{
        idOf(o), login(o, "user"), str(o, "body"), str(o, "created_at"), str(o, "html_url"), o};
}

PullComment PullComment::fromJson(const QJsonObject &o)
{
    PullComment c;
    c.id = idOf(o);
    c.user = login(o, "user");
    c.body = str(o, "body");
    c.path = str(o, "path");
    c.line = o.value(QLatin1String("line")).toInt();
    c.side = str(o, "side");
    c.commitId = str(o, "commit_id");
    c.inReplyTo = o.value(QLatin1String("in_reply_to_id")).toInteger();
    c.createdAt = str(o, "created_at");
    c.json = o;
    return c;
}

Label Label::fromJson(const QJsonObject &o)
{
    return Label{idOf(o), str(o, "name"), str(o, "color")};
}

Team Team::fromJson(const QJsonObject &o)
{
    return Team{idOf(o), str(o, "slug"), str(o, "name"), str(o, "description"), o};
}

} // namespace kanri::github
