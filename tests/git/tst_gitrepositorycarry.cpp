// Publishing a change from any branch (models/git additions for the wizards' flow): the
// remote's default branch found by a fetch, and a change made on top of HEAD carried over to
// another commit (merged into its files, other local changes kept, conflicts refused with
// nothing changed). Repositories are made with the git command line in temporary folders.

#include "git/gitrepository.h"

#include "tests/testsupport/testutil.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace kanri;
using namespace kanri::git;

namespace {

QString cli(const QStringList &args, const QString &dir)
{
    return QString::fromUtf8(kanri::test::run(QStringLiteral("git"), args, dir).out).trimmed();
}

QByteArray lines(int count, const QHash<int, QByteArray> &changed = {})
{
    QByteArray out;
    for (int i = 1; i <= count; ++i)
        out += changed.value(i, "line " + QByteArray::number(i)) + '\n';
    return out;
}

} // namespace

class TestGitRepositoryCarry : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void fetchDefaultBranchFollowsTheRemotesHead();
    void fetchDefaultBranchFallsBackToMainOrMaster();
    void aChangeIsMergedIntoTheBaseAndOtherLocalChangesStay();
    void refusals_data();
    void refusals();

private:
    // origin (bare, HEAD → main) with list.txt (20 lines) and shared.txt; a clone "work" on
    // feature with a commit that changes line 5 and adds only-here.txt; origin's main moved
    // on (line 1 changed). Returns the work tree.
    QString makeFeatureClone();
    std::unique_ptr<QTemporaryDir> m_tmp;
};

void TestGitRepositoryCarry::init()
{
    m_tmp = std::make_unique<QTemporaryDir>();
    QVERIFY(m_tmp->isValid());
}

QString TestGitRepositoryCarry::makeFeatureClone()
{
    const QString root = m_tmp->path();
    const QString origin = root + QStringLiteral("/origin.git");
    const QString seed = root + QStringLiteral("/seed");
    cli({"init", "-q", "--bare", "-b", "main", origin}, root);
    cli({"init", "-q", "-b", "main", seed}, root);
    for (const QString &dir : {seed}) {
        cli({"config", "user.name", "T"}, dir);
        cli({"config", "user.email", "t@example.invalid"}, dir);
    }
    if (!kanri::test::writeFile(seed + QStringLiteral("/list.txt"), lines(20)))
        return {};
    if (!kanri::test::writeFile(seed + QStringLiteral("/shared.txt"), "shared\n"))
        return {};
    cli({"add", "-A"}, seed);
    cli({"commit", "-q", "-m", "start"}, seed);
    cli({"remote", "add", "origin", origin}, seed);
    cli({"push", "-q", "origin", "main"}, seed);
    const QString work = root + QStringLiteral("/work");
    cli({"clone", "-q", origin, work}, root);
    cli({"config", "user.name", "T"}, work);
    cli({"config", "user.email", "t@example.invalid"}, work);
    cli({"switch", "-q", "-c", "feature"}, work);
    if (!kanri::test::writeFile(work + QStringLiteral("/list.txt"),
                                lines(20, {{5, "feature five"}})))
        return {};
    if (!kanri::test::writeFile(work + QStringLiteral("/only-here.txt"), "feature file\n"))
        return {};
    cli({"add", "-A"}, work);
    cli({"commit", "-q", "-m", "feature work"}, work);
    if (!kanri::test::writeFile(seed + QStringLiteral("/list.txt"), lines(20, {{1, "origin one"}})))
        return {};
    cli({"commit", "-q", "-am", "origin moves on"}, seed);
    cli({"push", "-q", "origin", "main"}, seed);
    return work;
}

void TestGitRepositoryCarry::fetchDefaultBranchFollowsTheRemotesHead()
{
    const QString work = makeFeatureClone();
    QVERIFY(!work.isEmpty());
    const QString origin = m_tmp->path() + QStringLiteral("/origin.git");
    // The remote's HEAD names trunk, which the clone has never seen.
    cli({"push", "-q", origin, "main:trunk"}, m_tmp->path() + QStringLiteral("/seed"));
    cli({"symbolic-ref", "HEAD", "refs/heads/trunk"}, origin);
    auto repo = Repository::open(work);
    QVERIFY(repo);
    auto branch = repo->fetchDefaultBranch(QStringLiteral("origin"));
    QVERIFY2(branch, branch ? "" : qPrintable(branch.error().toString()));
    QCOMPARE(*branch, QStringLiteral("trunk"));
    auto commit = repo->resolveCommit(QStringLiteral("refs/remotes/origin/trunk"));
    QVERIFY(commit);
    QCOMPARE(*commit, cli({"rev-parse", "trunk"}, origin));
}

void TestGitRepositoryCarry::fetchDefaultBranchFallsBackToMainOrMaster()
{
    const QString work = makeFeatureClone();
    QVERIFY(!work.isEmpty());
    const QString origin = m_tmp->path() + QStringLiteral("/origin.git");
    // HEAD names a branch that does not exist: the clone's origin/HEAD (main) is used.
    cli({"symbolic-ref", "HEAD", "refs/heads/gone"}, origin);
    auto repo = Repository::open(work);
    QVERIFY(repo);
    auto branch = repo->fetchDefaultBranch(QStringLiteral("origin"));
    QVERIFY(branch);
    QCOMPARE(*branch, QStringLiteral("main"));
    // Without the clone's origin/HEAD either: main, as the remote has it.
    cli({"update-ref", "-d", "refs/remotes/origin/HEAD"}, work);
    branch = repo->fetchDefaultBranch(QStringLiteral("origin"));
    QVERIFY(branch);
    QCOMPARE(*branch, QStringLiteral("main"));
    QCOMPARE(*repo->resolveCommit(QStringLiteral("origin/main")),
             cli({"rev-parse", "main"}, origin));
}

void TestGitRepositoryCarry::aChangeIsMergedIntoTheBaseAndOtherLocalChangesStay()
{
    const QString work = makeFeatureClone();
    QVERIFY(!work.isEmpty());
    auto repo = Repository::open(work);
    QVERIFY(repo);
    QVERIFY(repo->fetchDefaultBranch(QStringLiteral("origin")));
    const QString base = *repo->resolveCommit(QStringLiteral("origin/main"));
    const QString feature = *repo->headCommit();
    // Other local work: a modified file both branches have alike, an untracked file.
    QVERIFY(kanri::test::writeFile(work + QStringLiteral("/shared.txt"), "shared, edited\n"));
    QVERIFY(kanri::test::writeFile(work + QStringLiteral("/untracked.txt"), "mine\n"));
    // The change: line 20 of list.txt, and a new file.
    QHash<QString, std::optional<QByteArray>> change;
    const QByteArray edited = lines(20, {{5, "feature five"}, {20, "wizard twenty"}});
    change.insert(QStringLiteral("list.txt"), edited);
    change.insert(QStringLiteral("new/file.txt"), QByteArray("new\n"));
    auto plan = repo->planCarry(base, change);
    QVERIFY2(plan, plan ? "" : qPrintable(plan.error().toString()));
    QCOMPARE(plan->baseCommit, base);
    // Origin's line 1 stays, the feature's line 5 is not carried, the change's line 20 is.
    QCOMPARE(plan->files.value(QStringLiteral("list.txt")).value_or(QByteArray()),
             lines(20, {{1, "origin one"}, {20, "wizard twenty"}}));
    QCOMPARE(cli({"rev-parse", "HEAD"}, work), feature); // nothing changed yet

    // As the flow does: the files saved (the new content on disk), then the commit.
    QVERIFY(kanri::test::writeFile(work + QStringLiteral("/list.txt"), edited));
    QVERIFY(kanri::test::writeFile(work + QStringLiteral("/new/file.txt"), "new\n"));
    auto commit =
        repo->commitCarried(QStringLiteral("carried"), *plan, QStringLiteral("Carry"),
                            Signature{QStringLiteral("A"), QStringLiteral("a@x.invalid")});
    QVERIFY2(commit, commit ? "" : qPrintable(commit.error().toString()));
    QCOMPARE(repo->currentBranch(), QStringLiteral("carried"));
    QCOMPARE(cli({"rev-parse", "carried^"}, work), base);
    QCOMPARE(cli({"diff", "--name-only", base, "carried"}, work),
             QStringLiteral("list.txt\nnew/file.txt"));
    QCOMPARE(kanri::test::readAll(work + QStringLiteral("/list.txt")),
             lines(20, {{1, "origin one"}, {20, "wizard twenty"}}));
    QVERIFY(!QFileInfo::exists(work + QStringLiteral("/only-here.txt")));
    QCOMPARE(kanri::test::readAll(work + QStringLiteral("/shared.txt")),
             QByteArray("shared, edited\n"));
    QCOMPARE(kanri::test::readAll(work + QStringLiteral("/untracked.txt")), QByteArray("mine\n"));
    QCOMPARE(cli({"status", "--porcelain"}, work),
             QStringLiteral("M shared.txt\n?? untracked.txt"));
    QCOMPARE(cli({"rev-parse", "feature"}, work), feature);
}

void TestGitRepositoryCarry::refusals_data()
{
    QTest::addColumn<QString>("setup");
    QTest::addColumn<QString>("says");
    QTest::newRow("the file has other uncommitted changes on disk") << "dirty"
                                                                    << "uncommitted changes";
    QTest::newRow("the file has other staged changes") << "staged"
                                                       << "uncommitted changes";
    QTest::newRow("the base changed the same lines") << "same-lines"
                                                     << "same lines";
    QTest::newRow("the base does not have the file") << "not-on-base"
                                                     << "not there";
    QTest::newRow("the switch would overwrite another modified file") << "in-the-way"
                                                                      << "would be overwritten";
    QTest::newRow("an untracked file stands where the base has one") << "untracked-in-the-way"
                                                                     << "would be overwritten";
}

void TestGitRepositoryCarry::refusals()
{
    QFETCH(QString, setup);
    QFETCH(QString, says);
    const QString work = makeFeatureClone();
    QVERIFY(!work.isEmpty());
    auto repo = Repository::open(work);
    QVERIFY(repo);
    QVERIFY(repo->fetchDefaultBranch(QStringLiteral("origin")));
    const QString base = *repo->resolveCommit(QStringLiteral("origin/main"));
    QHash<QString, std::optional<QByteArray>> change;
    change.insert(QStringLiteral("list.txt"),
                  lines(20, {{5, "feature five"}, {20, "wizard twenty"}}));
    if (setup == QLatin1String("dirty")) {
        QVERIFY(kanri::test::writeFile(work + QStringLiteral("/list.txt"),
                                       lines(20, {{5, "feature five"}, {9, "x"}})));
    } else if (setup == QLatin1String("staged")) {
        QVERIFY(kanri::test::writeFile(work + QStringLiteral("/list.txt"),
                                       lines(20, {{5, "feature five"}, {9, "x"}})));
        cli({"add", "list.txt"}, work);
        QVERIFY(kanri::test::writeFile(work + QStringLiteral("/list.txt"),
                                       lines(20, {{5, "feature five"}})));
    } else if (setup == QLatin1String("same-lines")) {
        change.insert(QStringLiteral("list.txt"),
                      lines(20, {{1, "wizard one"}, {5, "feature five"}}));
    } else if (setup == QLatin1String("not-on-base")) {
        change.insert(QStringLiteral("only-here.txt"), QByteArray("changed\n"));
    } else if (setup == QLatin1String("in-the-way")) {
        QVERIFY(kanri::test::writeFile(work + QStringLiteral("/only-here.txt"), "edited\n"));
    } else if (setup == QLatin1String("untracked-in-the-way")) {
        // origin gets a file the clone has as untracked work.
        const QString seed = m_tmp->path() + QStringLiteral("/seed");
        QVERIFY(kanri::test::writeFile(seed + QStringLiteral("/notes.txt"), "origin's\n"));
        cli({"add", "notes.txt"}, seed);
        cli({"commit", "-q", "-m", "notes"}, seed);
        cli({"push", "-q", "origin", "main"}, seed);
        QVERIFY(repo->fetchDefaultBranch(QStringLiteral("origin")));
        QVERIFY(kanri::test::writeFile(work + QStringLiteral("/notes.txt"), "mine\n"));
    }
    const QString head = cli({"rev-parse", "HEAD"}, work);
    const QString status = cli({"status", "--porcelain"}, work);
    auto plan = repo->planCarry(*repo->resolveCommit(QStringLiteral("origin/main")), change);
    QVERIFY(!plan);
    QCOMPARE(plan.error().code, Error::Code::Conflict);
    QVERIFY2(plan.error().message.contains(says), qPrintable(plan.error().message));
    QCOMPARE(cli({"rev-parse", "HEAD"}, work), head);
    QCOMPARE(cli({"status", "--porcelain"}, work), status);
    Q_UNUSED(base);
}

QTEST_GUILESS_MAIN(TestGitRepositoryCarry)
#include "tst_gitrepositorycarry.moc"
