#include "core/fileio.h"
#include "github/githubreviewqueue.h"
#include "review/reviewdraft.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace kanri::review;
using kanri::github::RepoRef;

namespace {

const RepoRef repo{QStringLiteral("acme"), QStringLiteral("manifests")};

ReviewDraft sampleDraft()
{
    ReviewDraft d;
    d.repo = repo;
    d.number = 7;
    d.headSha = QStringLiteral("1111111111111111111111111111111111111111");
    d.body = QStringLiteral("Looks good, but:\n- replicas?");
    d.comments.append({QStringLiteral("overlays/prd/kustomization.yaml"), 13,
                       QStringLiteral("RIGHT"),
                       QStringLiteral("> rendered prd · Deployment web:\n> `replicas: 5`\n\nWhy?"),
                       QStringLiteral("  replicas: 5"), d.headSha});
    d.comments.append({QStringLiteral("base/deployment.yaml"), 4, QStringLiteral("LEFT"),
                       QStringLiteral("Gone?"), QString(), d.headSha});
    return d;
}

int modeOf(const QString &path)
{
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

} // namespace

class TestReviewDraft : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aSavedDraftLoadsBackWhole();
    void theFileIsPrivateAndWrittenAtomically();
    void anEmptyDraftRemovesTheFile();
    void removingForgetsTheDraftAndNothingElse();
    void theFormatIsVersioned();
    void aBrokenFileIsAnErrorAndIsKept();
    void namesThatLeaveTheFolderAreRefused();
    void commentsOnAnotherHeadMayHaveMoved();
    void draftsLiveBesideTheQueueWithoutBeingQueued();
};

void TestReviewDraft::aSavedDraftLoadsBackWhole()
{
    QTemporaryDir dir;
    const ReviewDrafts drafts(dir.path());
    QVERIFY(drafts.save(sampleDraft()));
    QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("acme/manifests/7.json"))));
    const auto loaded = drafts.load(repo, 7);
    QVERIFY(loaded);
    QVERIFY(loaded->has_value());
    const ReviewDraft &d = **loaded;
    QCOMPARE(d.repo, repo);
    QCOMPARE(d.number, 7);
    QCOMPARE(d.headSha, sampleDraft().headSha);
    QCOMPARE(d.body, sampleDraft().body);
    QCOMPARE(d.comments, sampleDraft().comments);
    QCOMPARE(d.comments.at(0).quotedLine, QStringLiteral("  replicas: 5"));
    QVERIFY(d.savedAt.isValid());
    QVERIFY(qAbs(d.savedAt.secsTo(QDateTime::currentDateTimeUtc())) < 60);

    // Another pull request has its own draft; none is no error.
    const auto other = drafts.load(repo, 8);
    QVERIFY(other);
    QVERIFY(!other->has_value());
}

void TestReviewDraft::theFileIsPrivateAndWrittenAtomically()
{
    QTemporaryDir dir;
    const ReviewDrafts drafts(dir.path());
    ReviewDraft d = sampleDraft();
    QVERIFY(drafts.save(d));
    const QString path = *drafts.pathFor(repo, 7);
    QCOMPARE(modeOf(path), 0600);
    QCOMPARE(modeOf(dir.filePath(QStringLiteral("acme"))), 0700);
    QCOMPARE(modeOf(dir.filePath(QStringLiteral("acme/manifests"))), 0700);

    // Saved again: replaced whole (no temporary file left beside it), still 0600.
    d.body = QStringLiteral("second thoughts");
    QVERIFY(drafts.save(d));
    QCOMPARE(QDir(QFileInfo(path).path()).entryList(QDir::Files | QDir::Hidden),
             QStringList{QStringLiteral("7.json")});
    QCOMPARE(modeOf(path), 0600);
    QCOMPARE((*drafts.load(repo, 7))->body, QStringLiteral("second thoughts"));

    // A failed write leaves the last draft in place: the folder is read-only.
    if (::geteuid() != 0) {
        QFile::setPermissions(QFileInfo(path).path(), QFile::ReadOwner | QFile::ExeOwner);
        d.body = QStringLiteral("lost?");
        QVERIFY(!drafts.save(d));
        QFile::setPermissions(QFileInfo(path).path(),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QCOMPARE((*drafts.load(repo, 7))->body, QStringLiteral("second thoughts"));
    }
}

void TestReviewDraft::anEmptyDraftRemovesTheFile()
{
    QTemporaryDir dir;
    const ReviewDrafts drafts(dir.path());
    QVERIFY(drafts.save(sampleDraft()));
    ReviewDraft cleared = sampleDraft();
    cleared.body = QStringLiteral("  \n");
    cleared.comments.clear();
    QVERIFY(cleared.isEmpty());
    QVERIFY(drafts.save(cleared));
    QVERIFY(!QFileInfo::exists(*drafts.pathFor(repo, 7)));
    QVERIFY(!drafts.load(repo, 7)->has_value());

    // Line comments alone are a draft.
    ReviewDraft commentsOnly = sampleDraft();
    commentsOnly.body.clear();
    QVERIFY(!commentsOnly.isEmpty());
    QVERIFY(drafts.save(commentsOnly));
    QCOMPARE((*drafts.load(repo, 7))->comments.size(), 2);
}

void TestReviewDraft::removingForgetsTheDraftAndNothingElse()
{
    QTemporaryDir dir;
    const ReviewDrafts drafts(dir.path());
    QVERIFY(drafts.save(sampleDraft()));
    ReviewDraft eight = sampleDraft();
    eight.number = 8;
    QVERIFY(drafts.save(eight));
    QVERIFY(drafts.remove(repo, 7));
    QVERIFY(!drafts.load(repo, 7)->has_value());
    QVERIFY(drafts.load(repo, 8)->has_value());
    QVERIFY(drafts.remove(repo, 7)); // already gone: no error
}

void TestReviewDraft::theFormatIsVersioned()
{
    const QJsonObject o = sampleDraft().toJson();
    QCOMPARE(o.value(QStringLiteral("version")).toInt(), ReviewDraft::formatVersion);
    QVERIFY(ReviewDraft::fromJson(o).has_value());

    // A newer Kanri's draft is not misread, and not removed either.
    QTemporaryDir dir;
    const ReviewDrafts drafts(dir.path());
    QVERIFY(drafts.save(sampleDraft()));
    QJsonObject newer = o;
    newer.insert(QStringLiteral("version"), ReviewDraft::formatVersion + 1);
    QVERIFY(!ReviewDraft::fromJson(newer));
    const QString path = *drafts.pathFor(repo, 7);
    QVERIFY(kanri::writeFileAtomic(path, QJsonDocument(newer).toJson()));
    const auto loaded = drafts.load(repo, 7);
    QVERIFY(!loaded);
    QCOMPARE(loaded.error().file, path);
    QVERIFY(QFileInfo::exists(path));

    // No version at all: not a draft.
    QJsonObject none = o;
    none.remove(QStringLiteral("version"));
    QVERIFY(!ReviewDraft::fromJson(none));
}

void TestReviewDraft::aBrokenFileIsAnErrorAndIsKept()
{
    QTemporaryDir dir;
    const ReviewDrafts drafts(dir.path());
    QVERIFY(drafts.save(sampleDraft()));
    const QString path = *drafts.pathFor(repo, 7);
    QVERIFY(kanri::writeFileAtomic(path, "{\"version\": 1, \"body\": \"trunc"));
    const auto loaded = drafts.load(repo, 7);
    QVERIFY(!loaded);
    QCOMPARE(loaded.error().code, kanri::Error::Code::Syntax);
    QVERIFY(QFileInfo::exists(path));

    // A draft of another pull request under this one's name is not taken for it.
    ReviewDraft other = sampleDraft();
    other.number = 9;
    QVERIFY(kanri::writeFileAtomic(path, QJsonDocument(other.toJson()).toJson()));
    QVERIFY(!drafts.load(repo, 7));
}

void TestReviewDraft::namesThatLeaveTheFolderAreRefused()
{
    QTemporaryDir dir;
    const ReviewDrafts drafts(dir.path() + QStringLiteral("/drafts"));
    ReviewDraft d = sampleDraft();
    d.repo = {QStringLiteral(".."), QStringLiteral("x")};
    QVERIFY(!drafts.save(d));
    d.repo = {QStringLiteral("acme"), QStringLiteral("a/b")};
    QVERIFY(!drafts.save(d));
    d.repo = repo;
    d.number = 0;
    QVERIFY(!drafts.save(d));
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("x"))));
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("drafts"))));
}

void TestReviewDraft::commentsOnAnotherHeadMayHaveMoved()
{
    const DraftComment c = sampleDraft().comments.first();
    QVERIFY(!c.mayHaveMoved(c.headSha));
    QVERIFY(c.mayHaveMoved(QStringLiteral("2222222222222222222222222222222222222222")));
    DraftComment unknown = c;
    unknown.headSha.clear();
    QVERIFY(!unknown.mayHaveMoved(QStringLiteral("2222222222222222222222222222222222222222")));
    QCOMPARE(c.comment().path, c.path);
    QCOMPARE(c.comment().line, 13);
    QCOMPARE(c.comment().side, QStringLiteral("RIGHT"));
    QCOMPARE(c.comment().body, c.body);
}

void TestReviewDraft::draftsLiveBesideTheQueueWithoutBeingQueued()
{
    QCOMPARE(ReviewDrafts::defaultFolder(),
             kanri::github::ReviewQueue::defaultFolder() + QStringLiteral("/drafts"));
    // The queue lists its own files only: a draft is never posted by a sync.
    QTemporaryDir dir;
    QVERIFY(ReviewDrafts(dir.path() + QStringLiteral("/drafts")).save(sampleDraft()));
    QVERIFY(kanri::github::ReviewQueue(dir.path()).entries().isEmpty());
}

QTEST_GUILESS_MAIN(TestReviewDraft)
#include "tst_reviewdraft.moc"
