// Local repository operations: init, stage, commit, branches, status, push to and pull from
// a bare repository on disk.

#include "git/gitrepository.h"
#include "tests/testsupport/gittestrepo.h"

#include <QDir>
#include <QFile>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

using namespace kanri;
using namespace kanri::git;

namespace {

using kanri::test::configureIdentity;
using kanri::test::gitOut;
using kanri::test::readAll;
using kanri::test::why;
using kanri::test::writeFile;

const Signature author{QStringLiteral("Test Author"), QStringLiteral("author@example.invalid")};

} // namespace

class TestGitRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void initStageCommitAndReadBack();
    void commitRefusesAnEmptyCommit();
    void statusListsChanges();
    void stagePathsAndUnstage();
    void branchesCreateAndSwitch();
    void switchRefusesToOverwriteLocalChanges();
    void pushToLocalBareRepositoryAndSetUpstream();
    void addRemoteRefusesATokenInTheUrl();
    void pullFastForwards();
    void pullMergesOrRebasesDivergedBranches_data();
    void pullMergesOrRebasesDivergedBranches();
    void pullWithConflictListsFilesAndChangesNothing_data();
    void pullWithConflictListsFilesAndChangesNothing();
    void pullRefusesToOverwriteLocalChanges();
    void aheadBehindCounts();
    void remoteBranchIsCheckedOutAsATrackingBranch();
    void diffFileShowsTheStagedAndTheUnstagedPartLikeGit();
    void diffFileOfAnUntrackedFileShowsItAsNew();
    void diffFileOfABinaryOrTooLargeFileSaysSo();
    void diffFileCutsALongDiffAtTheCap();
    void identityIsTakenLikeGitTakesIt();
    void commitStagesAndUnstagesItsFilesWithIt();
    void aFailedCommitLeavesTheIndexAsItWas_data();
    void aFailedCommitLeavesTheIndexAsItWas();
    void commitsOnNoRemoteCountsWhatAPushWouldSend();
    void globalIdentityIsWrittenWhereGitReadsIt();

private:
    QTemporaryDir m_home;
};

// No global git configuration (the machine's ~/.gitconfig would decide the identity tests),
// and no identity in the environment: each test sets what it needs.
void TestGitRepository::initTestCase()
{
    QVERIFY(m_home.isValid());
    qputenv("HOME", QFile::encodeName(m_home.path()));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_home.filePath(".config")));
    for (const char *v : {"GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME",
                          "GIT_COMMITTER_EMAIL", "EMAIL"})
        qunsetenv(v);
}

void TestGitRepository::initStageCommitAndReadBack()
{
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("repo"));
    auto repo = Repository::init(dir, false, QStringLiteral("main"));
    QVERIFY2(repo, why(repo));
    QCOMPARE(repo->currentBranch(), QStringLiteral("main"));
    QCOMPARE(repo->workdir(), QDir::cleanPath(dir));
    writeFile(dir + "/a.txt", "hello\n");
    writeFile(dir + "/sub/b.txt", "world\n");
    QVERIFY(repo->stageAll());
    auto id = repo->commit(QStringLiteral("first"), author);
    QVERIFY2(id, why(id));
    QCOMPARE(id->size(), 40);
    QCOMPARE(gitOut({"log", "-1", "--format=%H %an <%ae> %s"}, dir),
             *id + " Test Author <author@example.invalid> first");
    QCOMPARE(gitOut({"ls-files"}, dir), QStringLiteral("a.txt\nsub/b.txt"));

    // Deletions are staged by stageAll too.
    QFile::remove(dir + "/a.txt");
    QVERIFY(repo->stageAll());
    QVERIFY(repo->commit(QStringLiteral("second"), author));
    QCOMPARE(gitOut({"ls-files"}, dir), QStringLiteral("sub/b.txt"));

    auto reopened = Repository::open(dir + "/sub");
    QVERIFY2(reopened, why(reopened));
    QCOMPARE(reopened->workdir(), QDir::cleanPath(dir));

    auto missing = Repository::open(tmp.filePath(QStringLiteral("nothing-here")));
    QVERIFY(!missing);
}

void TestGitRepository::commitRefusesAnEmptyCommit()
{
    QTemporaryDir tmp;
    auto repo = Repository::init(tmp.path(), false);
    QVERIFY(repo);
    auto none = repo->commit(QStringLiteral("empty"), author);
    QVERIFY(!none);
    QVERIFY(none.error().message.contains("nothing to commit"));
    writeFile(tmp.filePath("x"), "x");
    QVERIFY(repo->stageAll());
    QVERIFY(repo->commit(QStringLiteral("x"), author));
    auto again = repo->commit(QStringLiteral("again"), author);
    QVERIFY(!again);
    QVERIFY(again.error().message.contains("nothing to commit"));
}

void TestGitRepository::statusListsChanges()
{
    QTemporaryDir tmp;
    auto repo = Repository::init(tmp.path(), false);
    QVERIFY(repo);
    writeFile(tmp.filePath("kept.txt"), "1\n");
    writeFile(tmp.filePath("gone.txt"), "1\n");
    QVERIFY(repo->stageAll());
    QVERIFY(repo->commit("base", author));
    writeFile(tmp.filePath("kept.txt"), "2\n");
    QFile::remove(tmp.filePath("gone.txt"));
    writeFile(tmp.filePath("new.txt"), "n\n");
    writeFile(tmp.filePath("staged.txt"), "s\n");
    QVERIFY(repo->stagePaths({"staged.txt"}));
    auto status = repo->status();
    QVERIFY(status);
    QStringList lines;
    for (const auto &e : *status)
        lines << QStringLiteral("%1%2 %3").arg(QChar(e.index), QChar(e.worktree), e.path);
    QCOMPARE(lines, (QStringList{" D gone.txt", " M kept.txt", "?? new.txt", "A  staged.txt"}));
}

void TestGitRepository::stagePathsAndUnstage()
{
    QTemporaryDir tmp;
    auto repo = Repository::init(tmp.path(), false);
    QVERIFY(repo);
    writeFile(tmp.filePath("a"), "a");
    writeFile(tmp.filePath("d/b"), "b");
    QVERIFY(repo->stageAll());
    QVERIFY(repo->commit("base", author));
    writeFile(tmp.filePath("a"), "a2");
    writeFile(tmp.filePath("d/b"), "b2");
    QFile::remove(tmp.filePath("a"));
    QVERIFY(repo->stagePaths({"a", "d"}));
    QCOMPARE(gitOut({"status", "--porcelain"}, tmp.path()), QStringLiteral("D  a\nM  d/b"));
    QVERIFY(repo->unstagePaths({"d/b"}));
    QCOMPARE(gitOut({"status", "--porcelain"}, tmp.path()), QStringLiteral("D  a\n M d/b"));
    auto bad = repo->stagePaths({"no-such-file"});
    QVERIFY(!bad);
    QCOMPARE(bad.error().code, Error::Code::NotFound);
}

void TestGitRepository::branchesCreateAndSwitch()
{
    QTemporaryDir tmp;
    auto repo = Repository::init(tmp.path(), false);
    QVERIFY(repo);
    QVERIFY(!repo->createBranch("early")); // no commit yet
    writeFile(tmp.filePath("f"), "main\n");
    QVERIFY(repo->stageAll());
    QVERIFY(repo->commit("base", author));
    QVERIFY(repo->createBranch("feature"));
    QCOMPARE(repo->currentBranch(), QStringLiteral("feature"));
    writeFile(tmp.filePath("f"), "feature\n");
    QVERIFY(repo->stageAll());
    QVERIFY(repo->commit("feature work", author));
    QVERIFY(repo->switchBranch("main"));
    QCOMPARE(readAll(tmp.filePath("f")), QByteArray("main\n"));
    auto list = repo->branches();
    QVERIFY(list);
    QCOMPARE(list->size(), 2u);
    QCOMPARE(list->at(0).name, QStringLiteral("feature"));
    QVERIFY(!list->at(0).current);
    QVERIFY(list->at(1).current);
    auto dup = repo->createBranch("feature");
    QVERIFY(!dup);
    QVERIFY(dup.error().message.contains("already exists"));
    QVERIFY(!repo->createBranch("bad..name"));
    QVERIFY(!repo->switchBranch("nope"));
}

void TestGitRepository::switchRefusesToOverwriteLocalChanges()
{
    QTemporaryDir tmp;
    auto repo = Repository::init(tmp.path(), false);
    QVERIFY(repo);
    writeFile(tmp.filePath("f"), "main\n");
    QVERIFY(repo->stageAll());
    QVERIFY(repo->commit("base", author));
    QVERIFY(repo->createBranch("other"));
    writeFile(tmp.filePath("f"), "other\n");
    QVERIFY(repo->stageAll());
    QVERIFY(repo->commit("other", author));
    writeFile(tmp.filePath("f"), "local edit\n");
    auto switched = repo->switchBranch("main");
    QVERIFY(!switched);
    QCOMPARE(switched.error().code, Error::Code::Conflict);
    QVERIFY2(switched.error().message.contains("f"), qPrintable(switched.error().message));
    QCOMPARE(readAll(tmp.filePath("f")), QByteArray("local edit\n"));
    QCOMPARE(repo->currentBranch(), QStringLiteral("other"));
}

void TestGitRepository::pushToLocalBareRepositoryAndSetUpstream()
{
    QTemporaryDir tmp;
    const QString bare = tmp.filePath("server.git");
    QVERIFY(Repository::init(bare, true));
    const QString work = tmp.filePath("work");
    auto repo = Repository::init(work, false);
    QVERIFY(repo);
    writeFile(work + "/f", "1\n");
    QVERIFY(repo->stageAll());
    auto id = repo->commit("one", author);
    QVERIFY(id);
    QVERIFY(repo->addRemote("origin", bare));
    auto pushed = repo->push("origin", "main", true);
    QVERIFY2(pushed, why(pushed));
    QCOMPARE(gitOut({"rev-parse", "refs/heads/main"}, bare), *id);
    QCOMPARE(*repo->upstreamOf("main"), QStringLiteral("origin/main"));
    auto counts = repo->aheadBehind("main");
    QVERIFY(counts);
    QCOMPARE(counts->ahead, 0u);
    QCOMPARE(counts->behind, 0u);
}

void TestGitRepository::addRemoteRefusesATokenInTheUrl()
{
    QTemporaryDir tmp;
    auto repo = Repository::init(tmp.path(), false);
    QVERIFY(repo);
    auto added = repo->addRemote("origin", "https://user:s3cr3t-token@example.invalid/r.git");
    QVERIFY(!added);
    QVERIFY(!added.error().message.contains("s3cr3t-token"));
    QVERIFY(!readAll(tmp.filePath(".git/config")).contains("s3cr3t-token"));
    QVERIFY(repo->addRemote("origin", "https://user@example.invalid/r.git"));
}

namespace {

// A bare server plus two clones (alice, bob) sharing one base commit.
struct Trio
{
    QString server, alice, bob;
};

Trio makeTrio(const QTemporaryDir &tmp)
{
    Trio t{tmp.filePath("server.git"), tmp.filePath("alice"), tmp.filePath("bob")};
    auto server = Repository::init(t.server, true);
    auto alice = Repository::init(t.alice, false);
    if (!server || !alice)
        return {};
    configureIdentity(t.alice);
    writeFile(t.alice + "/shared.txt", "line 1\nline 2\nline 3\n");
    writeFile(t.alice + "/alice.txt", "a\n");
    alice->stageAll();
    alice->commit("base", author);
    alice->addRemote("origin", t.server);
    alice->push("origin", "main", true);
    auto bob = Repository::clone(t.server, t.bob);
    if (!bob)
        return {};
    configureIdentity(t.bob);
    return t;
}

} // namespace

void TestGitRepository::pullFastForwards()
{
    QTemporaryDir tmp;
    const Trio t = makeTrio(tmp);
    QVERIFY(!t.bob.isEmpty());
    auto alice = Repository::open(t.alice);
    writeFile(t.alice + "/alice.txt", "a2\n");
    QVERIFY(alice->stageAll());
    auto id = alice->commit("alice 2", author);
    QVERIFY(alice->push("origin", "main", false));
    auto bob = Repository::open(t.bob);
    QVERIFY(bob);
    auto pulled = bob->pull(PullStrategy::Merge);
    QVERIFY2(pulled, why(pulled));
    QCOMPARE(pulled->outcome, PullResult::Outcome::FastForwarded);
    QCOMPARE(pulled->head, *id);
    QCOMPARE(readAll(t.bob + "/alice.txt"), QByteArray("a2\n"));
    QCOMPARE(gitOut({"status", "--porcelain"}, t.bob), QString());
    auto again = bob->pull(PullStrategy::Merge);
    QVERIFY(again);
    QCOMPARE(again->outcome, PullResult::Outcome::UpToDate);
}

void TestGitRepository::pullMergesOrRebasesDivergedBranches_data()
{
    QTest::addColumn<PullStrategy>("strategy");
    QTest::addColumn<PullResult::Outcome>("outcome");
    QTest::addColumn<int>("parents");
    QTest::newRow("merge makes a merge commit")
        << PullStrategy::Merge << PullResult::Outcome::Merged << 2;
    QTest::newRow("rebase replays the local commit")
        << PullStrategy::Rebase << PullResult::Outcome::Rebased << 1;
}

void TestGitRepository::pullMergesOrRebasesDivergedBranches()
{
    QFETCH(PullStrategy, strategy);
    QFETCH(PullResult::Outcome, outcome);
    QFETCH(int, parents);
    QTemporaryDir tmp;
    const Trio t = makeTrio(tmp);
    QVERIFY(!t.bob.isEmpty());
    auto alice = Repository::open(t.alice);
    writeFile(t.alice + "/alice.txt", "a2\n");
    QVERIFY(alice->stageAll());
    QVERIFY(alice->commit("alice 2", author));
    QVERIFY(alice->push("origin", "main", false));
    auto bob = Repository::open(t.bob);
    writeFile(t.bob + "/bob.txt", "b\n");
    QVERIFY(bob->stageAll());
    QVERIFY(bob->commit("bob 1", author));
    auto pulled = bob->pull(strategy);
    QVERIFY2(pulled, why(pulled));
    QCOMPARE(pulled->outcome, outcome);
    QCOMPARE(gitOut({"rev-parse", "HEAD"}, t.bob), pulled->head);
    QCOMPARE(gitOut({"log", "-1", "--format=%P"}, t.bob).split(' ').size(), parents);
    QCOMPARE(readAll(t.bob + "/alice.txt"), QByteArray("a2\n"));
    QCOMPARE(readAll(t.bob + "/bob.txt"), QByteArray("b\n"));
    QCOMPARE(gitOut({"status", "--porcelain"}, t.bob), QString());
    auto counts = bob->aheadBehind("main");
    QVERIFY(counts);
    QCOMPARE(counts->behind, 0u);
    QVERIFY(counts->ahead >= 1u);
    QVERIFY(bob->push("origin", "main", false));
}

void TestGitRepository::pullWithConflictListsFilesAndChangesNothing_data()
{
    pullMergesOrRebasesDivergedBranches_data();
}

void TestGitRepository::pullWithConflictListsFilesAndChangesNothing()
{
    QFETCH(PullStrategy, strategy);
    QTemporaryDir tmp;
    const Trio t = makeTrio(tmp);
    QVERIFY(!t.bob.isEmpty());
    auto alice = Repository::open(t.alice);
    writeFile(t.alice + "/shared.txt", "line 1\nALICE\nline 3\n");
    QVERIFY(alice->stageAll());
    QVERIFY(alice->commit("alice edits line 2", author));
    QVERIFY(alice->push("origin", "main", false));
    auto bob = Repository::open(t.bob);
    writeFile(t.bob + "/shared.txt", "line 1\nBOB\nline 3\n");
    QVERIFY(bob->stageAll());
    auto bobHead = bob->commit("bob edits line 2", author);
    QVERIFY(bobHead);
    writeFile(t.bob + "/untracked.txt", "keep me\n");
    const QString statusBefore = gitOut({"status", "--porcelain"}, t.bob);
    auto pulled = bob->pull(strategy);
    QVERIFY2(pulled, why(pulled));
    QCOMPARE(pulled->outcome, PullResult::Outcome::Conflicts);
    QCOMPARE(pulled->conflicts, QStringList{"shared.txt"});
    QCOMPARE(gitOut({"rev-parse", "HEAD"}, t.bob), *bobHead);
    QCOMPARE(readAll(t.bob + "/shared.txt"), QByteArray("line 1\nBOB\nline 3\n"));
    QCOMPARE(gitOut({"status", "--porcelain"}, t.bob), statusBefore);
    QVERIFY(!QFile::exists(t.bob + "/.git/MERGE_HEAD"));
    QVERIFY(!QDir(t.bob + "/.git/rebase-merge").exists());
}

void TestGitRepository::pullRefusesToOverwriteLocalChanges()
{
    QTemporaryDir tmp;
    const Trio t = makeTrio(tmp);
    QVERIFY(!t.bob.isEmpty());
    auto alice = Repository::open(t.alice);
    writeFile(t.alice + "/alice.txt", "a2\n");
    QVERIFY(alice->stageAll());
    QVERIFY(alice->commit("alice 2", author));
    QVERIFY(alice->push("origin", "main", false));
    auto bob = Repository::open(t.bob);
    const QString before = *bob->headCommit();
    writeFile(t.bob + "/alice.txt", "bob's uncommitted edit\n");
    auto pulled = bob->pull(PullStrategy::Merge);
    QVERIFY(!pulled);
    QCOMPARE(pulled.error().code, Error::Code::Conflict);
    QVERIFY2(pulled.error().message.contains("alice.txt"), why(pulled));
    QCOMPARE(*bob->headCommit(), before);
    QCOMPARE(readAll(t.bob + "/alice.txt"), QByteArray("bob's uncommitted edit\n"));
}

void TestGitRepository::aheadBehindCounts()
{
    QTemporaryDir tmp;
    const Trio t = makeTrio(tmp);
    QVERIFY(!t.bob.isEmpty());
    auto bob = Repository::open(t.bob);
    for (int i = 0; i < 3; ++i) {
        writeFile(t.bob + "/n.txt", QByteArray::number(i));
        QVERIFY(bob->stageAll());
        QVERIFY(bob->commit(QStringLiteral("bob %1").arg(i), author));
    }
    auto alice = Repository::open(t.alice);
    writeFile(t.alice + "/m.txt", "m");
    QVERIFY(alice->stageAll());
    QVERIFY(alice->commit("alice", author));
    QVERIFY(alice->push("origin", "main", false));
    QVERIFY(bob->fetch("origin"));
    auto counts = bob->aheadBehind("main");
    QVERIFY(counts);
    QCOMPARE(counts->ahead, 3u);
    QCOMPARE(counts->behind, 1u);
    auto rejected = bob->push("origin", "main", false);
    QVERIFY(!rejected);
    QCOMPARE(rejected.error().code, Error::Code::Rejected);
    QCOMPARE(rejected.error().message,
             QStringLiteral("push rejected: the remote has commits you do not have; pull first"));
}

void TestGitRepository::remoteBranchIsCheckedOutAsATrackingBranch()
{
    QTemporaryDir tmp;
    const Trio t = makeTrio(tmp);
    QVERIFY(!t.bob.isEmpty());
    auto alice = Repository::open(t.alice);
    QVERIFY(alice->createBranch("feature"));
    writeFile(t.alice + "/alice.txt", "feature\n");
    QVERIFY(alice->stageAll());
    auto id = alice->commit("feature work", author);
    QVERIFY(id);
    QVERIFY(alice->push("origin", "feature", true));

    auto bob = Repository::open(t.bob);
    QVERIFY(bob);
    QVERIFY(bob->fetch("origin"));
    auto remotes = bob->remoteBranches();
    QVERIFY2(remotes, why(remotes));
    QCOMPARE(*remotes, QStringList({"origin/feature", "origin/main"}));
    QVERIFY(!bob->switchToRemoteBranch("origin/nope"));

    // A local edit the checkout would overwrite stops it, and no branch is left behind.
    writeFile(t.bob + "/alice.txt", "bob's edit\n");
    auto refused = bob->switchToRemoteBranch("origin/feature");
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, Error::Code::Conflict);
    QVERIFY(!bob->hasLocalBranch("feature"));
    QCOMPARE(readAll(t.bob + "/alice.txt"), QByteArray("bob's edit\n"));

    writeFile(t.bob + "/alice.txt", "a\n");
    auto switched = bob->switchToRemoteBranch("origin/feature");
    QVERIFY2(switched, why(switched));
    QCOMPARE(bob->currentBranch(), QStringLiteral("feature"));
    QCOMPARE(*bob->headCommit(), *id);
    QCOMPARE(*bob->upstreamOf("feature"), QStringLiteral("origin/feature"));
    QCOMPARE(readAll(t.bob + "/alice.txt"), QByteArray("feature\n"));

    // Once the local branch exists, the remote one switches to it as it is.
    QVERIFY(bob->switchBranch("main"));
    QVERIFY(bob->switchToRemoteBranch("origin/feature"));
    QCOMPARE(bob->currentBranch(), QStringLiteral("feature"));
}

void TestGitRepository::diffFileShowsTheStagedAndTheUnstagedPartLikeGit()
{
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("repo"));
    auto repo = Repository::init(dir, false);
    QVERIFY(repo);
    writeFile(dir + "/a.txt", "one\ntwo\nthree\n");
    QVERIFY(repo->stageAll());
    QVERIFY(repo->commit(QStringLiteral("first"), author));
    writeFile(dir + "/a.txt", "one\nTWO\nthree\n");
    QVERIFY(repo->stagePaths({QStringLiteral("a.txt")}));
    writeFile(dir + "/a.txt", "one\nTWO\nthree\nfour\n");

    auto staged = repo->diffFile(QStringLiteral("a.txt"), true);
    QVERIFY2(staged, why(staged));
    QCOMPARE(staged->kind, FileDiff::Kind::Text);
    QCOMPARE(QString::fromUtf8(staged->text),
             gitOut({"diff", "--cached", "--no-color", "--", "a.txt"}, dir) + "\n");
    QVERIFY(staged->text.contains("-two\n+TWO\n"));
    QVERIFY(!staged->text.contains("+four"));

    auto unstaged = repo->diffFile(QStringLiteral("a.txt"), false);
    QVERIFY2(unstaged, why(unstaged));
    QCOMPARE(unstaged->kind, FileDiff::Kind::Text);
    QCOMPARE(QString::fromUtf8(unstaged->text),
             gitOut({"diff", "--no-color", "--", "a.txt"}, dir) + "\n");
    QVERIFY(unstaged->text.contains("+four\n"));
    QVERIFY(!unstaged->text.contains("-two"));

    // A file that did not change: nothing on either side.
    writeFile(dir + "/b.txt", "b\n");
    QVERIFY(repo->stagePaths({QStringLiteral("b.txt")}));
    QVERIFY(repo->commit(QStringLiteral("b"), author));
    auto same = repo->diffFile(QStringLiteral("b.txt"), false);
    QVERIFY(same);
    QCOMPARE(same->kind, FileDiff::Kind::Unchanged);
    QVERIFY(same->text.isEmpty());
}

void TestGitRepository::diffFileOfAnUntrackedFileShowsItAsNew()
{
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("repo"));
    auto repo = Repository::init(dir, false);
    QVERIFY(repo);
    // No commit yet: the staged side compares against an empty tree.
    writeFile(dir + "/staged.txt", "s\n");
    QVERIFY(repo->stagePaths({QStringLiteral("staged.txt")}));
    auto first = repo->diffFile(QStringLiteral("staged.txt"), true);
    QVERIFY2(first, why(first));
    QVERIFY(first->text.contains("new file mode"));
    QVERIFY(first->text.contains("+s\n"));

    writeFile(dir + "/notes/new.txt", "hello\nworld\n");
    auto unstaged = repo->diffFile(QStringLiteral("notes/new.txt"), false);
    QVERIFY2(unstaged, why(unstaged));
    QCOMPARE(unstaged->kind, FileDiff::Kind::Text);
    QVERIFY(unstaged->text.contains("+++ b/notes/new.txt"));
    QVERIFY(unstaged->text.contains("+hello\n+world\n"));
    auto staged = repo->diffFile(QStringLiteral("notes/new.txt"), true);
    QVERIFY(staged);
    QCOMPARE(staged->kind, FileDiff::Kind::Unchanged);
}

void TestGitRepository::diffFileOfABinaryOrTooLargeFileSaysSo()
{
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("repo"));
    auto repo = Repository::init(dir, false);
    QVERIFY(repo);
    writeFile(dir + "/image.bin", QByteArray("\x89PNG\0\0\x01", 8));
    writeFile(dir + "/big.txt", QByteArray(2000, 'x') + '\n');
    QVERIFY(repo->stageAll());
    QVERIFY(repo->commit(QStringLiteral("first"), author));
    writeFile(dir + "/image.bin", QByteArray("\x89PNG\0\0\x02", 8));
    QByteArray big;
    for (int i = 0; i < 200; ++i)
        big += QByteArray::number(i) + QByteArray(20, 'y') + '\n';
    writeFile(dir + "/big.txt", big);

    auto binary = repo->diffFile(QStringLiteral("image.bin"), false);
    QVERIFY2(binary, why(binary));
    QCOMPARE(binary->kind, FileDiff::Kind::Binary);
    QVERIFY(binary->text.isEmpty());

    auto large = repo->diffFile(QStringLiteral("big.txt"), false, 1000);
    QVERIFY2(large, why(large));
    QCOMPARE(large->kind, FileDiff::Kind::TooLarge);
    QCOMPARE(large->size, qint64(std::max<qsizetype>(big.size(), 2001)));
    auto fits = repo->diffFile(QStringLiteral("big.txt"), false, 100000);
    QVERIFY(fits);
    QCOMPARE(fits->kind, FileDiff::Kind::Text);
}

void TestGitRepository::diffFileCutsALongDiffAtTheCap()
{
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("repo"));
    auto repo = Repository::init(dir, false);
    QVERIFY(repo);
    QByteArray before, after;
    for (int i = 0; i < 1000; ++i) {
        before += "old line " + QByteArray::number(i) + '\n';
        after += "new line " + QByteArray::number(i) + '\n';
    }
    writeFile(dir + "/long.txt", before);
    QVERIFY(repo->stageAll());
    QVERIFY(repo->commit(QStringLiteral("first"), author));
    writeFile(dir + "/long.txt", after);
    // Each side is under the cap, the diff (both sides) is not.
    const qint64 cap = 20000;
    QVERIFY(before.size() < cap && after.size() < cap);
    auto diff = repo->diffFile(QStringLiteral("long.txt"), false, cap);
    QVERIFY2(diff, why(diff));
    QCOMPARE(diff->kind, FileDiff::Kind::Text);
    QVERIFY(diff->truncated);
    QVERIFY(diff->text.size() <= cap);
    QVERIFY(diff->text.endsWith('\n'));
    QVERIFY(diff->text.startsWith("diff --git a/long.txt b/long.txt"));
}

void TestGitRepository::identityIsTakenLikeGitTakesIt()
{
    QTemporaryDir tmp;
    auto repo = Repository::init(tmp.path(), false);
    QVERIFY(repo);
    auto none = repo->identity(IdentityRole::Author);
    QVERIFY(!none);
    QCOMPARE(none.error().message,
             QStringLiteral("no author configured: set user.name and user.email (git config "
                            "--global), or GIT_AUTHOR_NAME and GIT_AUTHOR_EMAIL"));
    QCOMPARE(repo->partialIdentity(IdentityRole::Author).name, QString());

    // EMAIL fills a missing e-mail; the configuration gives the name.
    qputenv("EMAIL", "from.email@example.invalid");
    gitOut({"config", "user.name", "Config Name"}, tmp.path());
    auto both = repo->identity(IdentityRole::Committer);
    QVERIFY2(both, why(both));
    QCOMPARE(both->name, QStringLiteral("Config Name"));
    QCOMPARE(both->email, QStringLiteral("from.email@example.invalid"));
    gitOut({"config", "user.email", "config@example.invalid"}, tmp.path());
    QCOMPARE(repo->identity(IdentityRole::Author)->email, QStringLiteral("config@example.invalid"));

    // The environment wins, per role.
    qputenv("GIT_AUTHOR_NAME", "Env Author");
    qputenv("GIT_AUTHOR_EMAIL", "env.author@example.invalid");
    qputenv("GIT_COMMITTER_EMAIL", "env.committer@example.invalid");
    auto cleanup = qScopeGuard([] {
        for (const char *v :
             {"GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_EMAIL", "EMAIL"})
            qunsetenv(v);
    });
    writeFile(tmp.filePath("a.txt"), "a\n");
    CommitContent content;
    content.stage << QStringLiteral("a.txt");
    QVERIFY(repo->commit(QStringLiteral("from the environment"), content));
    QCOMPARE(gitOut({"log", "-1", "--format=%an <%ae> / %cn <%ce>"}, tmp.path()),
             QStringLiteral("Env Author <env.author@example.invalid> / "
                            "Config Name <env.committer@example.invalid>"));
}

void TestGitRepository::commitStagesAndUnstagesItsFilesWithIt()
{
    QTemporaryDir tmp;
    auto repo = Repository::init(tmp.path(), false);
    QVERIFY(repo);
    writeFile(tmp.filePath("kept.txt"), "kept\n");
    writeFile(tmp.filePath("gone.txt"), "gone\n");
    QVERIFY(repo->stageAll());
    QVERIFY(repo->commit(QStringLiteral("base"), author));
    writeFile(tmp.filePath("kept.txt"), "kept, changed\n");
    QFile::remove(tmp.filePath("gone.txt"));
    writeFile(tmp.filePath("new.txt"), "new\n");
    writeFile(tmp.filePath("staged.txt"), "staged\n");
    gitOut({"add", "staged.txt", "kept.txt"}, tmp.path());
    writeFile(tmp.filePath("kept.txt"), "kept, changed again\n");

    CommitContent content;
    content.stage << QStringLiteral("gone.txt") << QStringLiteral("new.txt");
    content.unstage << QStringLiteral("staged.txt") << QStringLiteral("kept.txt");
    auto id = repo->commit(QStringLiteral("some"), content, author);
    QVERIFY2(id, why(id));
    QCOMPARE(gitOut({"show", "--name-status", "--format=", "HEAD"}, tmp.path()),
             QStringLiteral("D\tgone.txt\nA\tnew.txt"));
    // The index matches the new commit; the unstaged files are as they were in the tree
    // (gitOut trims the leading blank of " M").
    QCOMPARE(gitOut({"status", "--porcelain"}, tmp.path()),
             QStringLiteral("M kept.txt\n?? staged.txt"));
    QCOMPARE(gitOut({"diff", "--cached", "--name-only"}, tmp.path()), QString());
    QCOMPARE(readAll(tmp.filePath("kept.txt")), QByteArray("kept, changed again\n"));
}

void TestGitRepository::aFailedCommitLeavesTheIndexAsItWas_data()
{
    QTest::addColumn<QString>("stage");
    QTest::addColumn<QString>("unstage");
    QTest::addColumn<bool>("withAuthor");
    QTest::addColumn<QString>("why");
    QTest::newRow("no author configured") << "new.txt"
                                          << "staged.txt" << false << "no author";
    QTest::newRow("an author git refuses") << "new.txt"
                                           << "staged.txt" << true << "angle";
    QTest::newRow("a file that is not there") << "missing.txt"
                                              << "staged.txt" << true << "matches no file";
    QTest::newRow("nothing left to commit")
        << QString() << "staged.txt" << true << "nothing to commit";
}

void TestGitRepository::aFailedCommitLeavesTheIndexAsItWas()
{
    QFETCH(QString, stage);
    QFETCH(QString, unstage);
    QFETCH(bool, withAuthor);
    QFETCH(QString, why);
    QTemporaryDir tmp;
    auto repo = Repository::init(tmp.path(), false);
    QVERIFY(repo);
    writeFile(tmp.filePath("base.txt"), "base\n");
    QVERIFY(repo->stageAll());
    QVERIFY(repo->commit(QStringLiteral("base"), author));
    writeFile(tmp.filePath("new.txt"), "new\n");
    writeFile(tmp.filePath("staged.txt"), "staged\n");
    gitOut({"add", "staged.txt"}, tmp.path());
    const QString index = gitOut({"ls-files", "--stage"}, tmp.path());
    const QString status = gitOut({"status", "--porcelain"}, tmp.path());
    const QString head = gitOut({"rev-parse", "HEAD"}, tmp.path());

    CommitContent content;
    if (!stage.isEmpty())
        content.stage << stage;
    content.unstage << unstage;
    const std::optional<Signature> who =
        !withAuthor ? std::nullopt
        : why == QLatin1String("angle")
            ? std::optional(Signature{QStringLiteral("Bad <Name>"), QStringLiteral("b@x.invalid")})
            : std::optional(author);
    auto id = repo->commit(QStringLiteral("fails"), content, who);
    QVERIFY(!id);
    QVERIFY2(id.error().message.contains(why), qPrintable(id.error().message));
    QCOMPARE(gitOut({"ls-files", "--stage"}, tmp.path()), index);
    QCOMPARE(gitOut({"status", "--porcelain"}, tmp.path()), status);
    QCOMPARE(gitOut({"rev-parse", "HEAD"}, tmp.path()), head);
    // The same Repository still sees the index as it is on disk.
    auto listed = repo->status();
    QVERIFY(listed);
    bool stagedStill = false;
    for (const StatusEntry &e : *listed)
        stagedStill = stagedStill || (e.path == QLatin1String("staged.txt") && e.index == 'A');
    QVERIFY(stagedStill);
}

void TestGitRepository::commitsOnNoRemoteCountsWhatAPushWouldSend()
{
    QTemporaryDir tmp;
    const QString dir = tmp.filePath("work");
    auto repo = Repository::init(dir, false);
    QVERIFY(repo);
    QVERIFY(Repository::init(tmp.filePath("bare.git"), true));
    QVERIFY(repo->addRemote(QStringLiteral("origin"), tmp.filePath("bare.git")));
    writeFile(dir + "/a.txt", "a\n");
    QVERIFY(repo->stageAll());
    QVERIFY(repo->commit(QStringLiteral("one"), author));
    QCOMPARE(repo->commitsOnNoRemote(QStringLiteral("main")).value_or(99), std::size_t(1));
    QVERIFY(repo->push(QStringLiteral("origin"), QStringLiteral("main"), true));
    QCOMPARE(repo->commitsOnNoRemote(QStringLiteral("main")).value_or(99), std::size_t(0));
    QVERIFY(repo->createBranch(QStringLiteral("topic")));
    QCOMPARE(repo->commitsOnNoRemote(QStringLiteral("topic")).value_or(99), std::size_t(0));
    for (int i = 0; i < 2; ++i) {
        writeFile(dir + QStringLiteral("/t%1.txt").arg(i), "t\n");
        QVERIFY(repo->stageAll());
        QVERIFY(repo->commit(QStringLiteral("topic %1").arg(i), author));
    }
    QCOMPARE(repo->commitsOnNoRemote(QStringLiteral("topic")).value_or(99), std::size_t(2));
    QCOMPARE(gitOut({"rev-list", "--count", "topic", "--not", "--remotes"}, dir),
             QStringLiteral("2"));
    QVERIFY(!repo->commitsOnNoRemote(QStringLiteral("no-such-branch")));
}

void TestGitRepository::globalIdentityIsWrittenWhereGitReadsIt()
{
    QTemporaryDir tmp;
    auto repo = Repository::init(tmp.path(), false);
    QVERIFY(repo);
    QVERIFY(!repo->identity(IdentityRole::Author));
    QVERIFY(!setGlobalIdentity(Signature{QStringLiteral("Only A Name"), {}}));
    auto cleanup = qScopeGuard([this] { QFile::remove(m_home.filePath(".gitconfig")); });
    auto written = setGlobalIdentity(
        Signature{QStringLiteral("Lucía García"), QStringLiteral("lgarcia@example.com")});
    QVERIFY2(written, why(written));
    QVERIFY(QFileInfo::exists(m_home.filePath(".gitconfig")));
    QCOMPARE(gitOut({"config", "--global", "user.name"}, tmp.path()),
             QStringLiteral("Lucía García"));
    auto reopened = Repository::open(tmp.path());
    QVERIFY(reopened);
    auto who = reopened->identity(IdentityRole::Author);
    QVERIFY2(who, why(who));
    QCOMPARE(who->email, QStringLiteral("lgarcia@example.com"));
}

QTEST_GUILESS_MAIN(TestGitRepository)
#include "tst_gitrepository.moc"
