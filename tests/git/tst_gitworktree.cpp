// The working tree as the Changes panel and the commit dialog see it (git/gitworktree.h):
// status letters of every kind of change against `git status --porcelain`, a file at HEAD, in
// the index and on disk, its diff against `git diff`, staging and committing on a worker; and
// the SSH host keys trusted in a session (git/githostkeytrust.h). Repositories are made with the
// git command line, so a bug in models/git cannot hide in the fixture.

#include "git/githostkeytrust.h"
#include "git/gitworktree.h"

#include "tests/testsupport/gittestrepo.h"
#include "tests/testsupport/holdqtpool.h"

#include <QDir>
#include <QFutureWatcher>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace kanri;
using kanri::test::configureIdentity;
using kanri::test::gitOut;
using kanri::test::readAll;
using kanri::test::why;
using kanri::test::writeFile;

namespace {

// Waits for a future with the event loop running (as the GUI does), then gives its result.
template<typename T> T await(QFuture<T> future)
{
    QFutureWatcher<T> watcher;
    QSignalSpy finished(&watcher, &QFutureWatcherBase::finished);
    watcher.setFuture(future);
    if (!future.isFinished())
        finished.wait(20000);
    return future.result();
}

} // namespace

class TestGitWorktree : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void statusNamesEveryKindOfChange_data();
    void statusNamesEveryKindOfChange();
    void statusFoldsInUnsavedEdits();
    void statusOfAMissingRepositorySaysItIsNotCloned();
    void statusCountsCommitsToPush();
    void readsAFileAtHeadInTheIndexAndOnDisk();
    void diffOfAFileIsWhatGitPrints();
    void diffSaysWhenAFileIsBinaryOrTooLarge();
    void diffOfUnsavedContentIsALineDiffFromDisk();
    void stagingAndUnstagingRunOnAWorker();
    void commitTakesExactlyTheCheckedFiles();
    void switchingBranchesRunsOnAWorkerAndKeepsLocalChanges();
    void hostKeyIsRefusedUntilTrustedThenRecorded();

private:
    QString repo() const { return m_tmp->filePath(QStringLiteral("repo")); }
    QString file(const QString &relative) const { return repo() + QLatin1Char('/') + relative; }
    QString git(const QStringList &args) const { return gitOut(args, repo()); }
    git::WorktreeStatus status(const QSet<QString> &unsaved = {}) const
    {
        const auto all = git::readWorktreeStatus({{QStringLiteral("demo"), repo()}}, unsaved);
        return all.value(0);
    }

    std::unique_ptr<QTemporaryDir> m_tmp;
};

void TestGitWorktree::init()
{
    m_tmp = std::make_unique<QTemporaryDir>();
    QVERIFY(m_tmp->isValid());
    QVERIFY(gitOut({"init", "-q", "-b", "main", repo()}, m_tmp->path()).isEmpty());
    configureIdentity(repo());
    QVERIFY(writeFile(file("README.md"), "# demo\n"));
    QVERIFY(writeFile(file("shared.txt"), "line 1\nline 2\nline 3\n"));
    QVERIFY(writeFile(file("old-name.txt"), "a file that will be renamed\nwith two lines\n"));
    git({"add", "-A"});
    git({"commit", "-q", "-m", "initial"});
    QVERIFY(!git({"rev-parse", "HEAD"}).isEmpty());
}

void TestGitWorktree::statusNamesEveryKindOfChange_data()
{
    QTest::addColumn<QString>("setUp"); // what is done to the working tree
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("oldPath");
    QTest::addColumn<QString>("letters"); // index and worktree columns, as git status prints them

    QTest::newRow("a new file staged is added") << "add"
                                                << "new.txt"
                                                << ""
                                                << "A ";
    QTest::newRow("an edited file not staged is modified in the worktree") << "modify"
                                                                           << "shared.txt"
                                                                           << ""
                                                                           << " M";
    QTest::newRow("an edited file staged is modified in the index") << "modify-staged"
                                                                    << "shared.txt"
                                                                    << ""
                                                                    << "M ";
    QTest::newRow("a removed file not staged is deleted in the worktree") << "delete"
                                                                          << "README.md"
                                                                          << ""
                                                                          << " D";
    QTest::newRow("a file moved with git mv is renamed in the index") << "rename"
                                                                      << "new-name.txt"
                                                                      << "old-name.txt"
                                                                      << "R ";
    QTest::newRow("a file both branches changed is a conflict") << "conflict"
                                                                << "shared.txt"
                                                                << ""
                                                                << "UU";
    QTest::newRow("a file git does not know is untracked") << "untracked"
                                                           << "notes.md"
                                                           << ""
                                                           << "??";
}

void TestGitWorktree::statusNamesEveryKindOfChange()
{
    QFETCH(QString, setUp);
    QFETCH(QString, path);
    QFETCH(QString, oldPath);
    QFETCH(QString, letters);

    if (setUp == QLatin1String("add")) {
        QVERIFY(writeFile(file("new.txt"), "new\n"));
        git({"add", "new.txt"});
    } else if (setUp.startsWith(QLatin1String("modify"))) {
        QVERIFY(writeFile(file("shared.txt"), "line 1\nline two\nline 3\n"));
        if (setUp == QLatin1String("modify-staged"))
            git({"add", "shared.txt"});
    } else if (setUp == QLatin1String("delete")) {
        QVERIFY(QFile::remove(file("README.md")));
    } else if (setUp == QLatin1String("rename")) {
        git({"mv", "old-name.txt", "new-name.txt"});
    } else if (setUp == QLatin1String("conflict")) {
        git({"switch", "-q", "-c", "other"});
        QVERIFY(writeFile(file("shared.txt"), "line 1\nother's line\nline 3\n"));
        git({"commit", "-q", "-am", "other"});
        git({"switch", "-q", "main"});
        QVERIFY(writeFile(file("shared.txt"), "line 1\nmain's line\nline 3\n"));
        git({"commit", "-q", "-am", "main"});
        git({"merge", "-q", "other"}); // stops on the conflict
    } else if (setUp == QLatin1String("untracked")) {
        QVERIFY(writeFile(file("notes.md"), "notes\n"));
    }
    // The oracle: git's own porcelain line, the only one (untrimmed: a leading space counts).
    const QString porcelain = QString::fromUtf8(
        kanri::test::run(QStringLiteral("git"), {"status", "--porcelain"}, repo()).out);
    QVERIFY2(porcelain.startsWith(letters) && porcelain.count(QLatin1Char('\n')) == 1,
             qPrintable(porcelain));

    const git::WorktreeStatus read = status();
    QVERIFY2(read.error.isEmpty(), qPrintable(read.error));
    QVERIFY(read.cloned);
    QCOMPARE(read.branch, QStringLiteral("main"));
    QCOMPARE(read.files.size(), 1);
    const git::WorktreeFile &entry = read.files.first();
    QCOMPARE(entry.path, path);
    QCOMPARE(entry.oldPath, oldPath);
    QCOMPARE(QString(QChar::fromLatin1(entry.index)) + QChar::fromLatin1(entry.worktree), letters);
    QCOMPARE(entry.absolutePath, QDir::cleanPath(file(path)));
    QVERIFY(!entry.unsaved);
    QCOMPARE(entry.staged(), letters[0] != QLatin1Char(' ') && letters[0] != QLatin1Char('?') &&
                                 letters[0] != QLatin1Char('U'));
    QCOMPARE(entry.unstaged(), letters[1] != QLatin1Char(' '));
}

void TestGitWorktree::statusFoldsInUnsavedEdits()
{
    QVERIFY(writeFile(file("shared.txt"), "changed on disk\n"));
    const QString listed = QDir::cleanPath(file("shared.txt"));
    const QString unlisted = QDir::cleanPath(file("README.md"));
    const QString elsewhere = m_tmp->filePath(QStringLiteral("other/README.md"));
    const git::WorktreeStatus read = status({listed, unlisted, elsewhere});
    QCOMPARE(read.files.size(), 2); // a file outside the working tree is not listed
    // Sorted by path: README.md (only unsaved edits, no status letters), then shared.txt.
    QCOMPARE(read.files[0].path, QStringLiteral("README.md"));
    QVERIFY(read.files[0].unsaved);
    QCOMPARE(read.files[0].index, ' ');
    QCOMPARE(read.files[0].worktree, ' ');
    QCOMPARE(read.files[1].path, QStringLiteral("shared.txt"));
    QVERIFY(read.files[1].unsaved);
    QCOMPARE(read.files[1].worktree, 'M');
}

void TestGitWorktree::statusOfAMissingRepositorySaysItIsNotCloned()
{
    const QString missing = m_tmp->filePath(QStringLiteral("missing"));
    const auto all = git::readWorktreeStatus(
        {{QStringLiteral("demo"), repo()}, {QStringLiteral("gone"), missing}}, {});
    QCOMPARE(all.size(), 2);
    QVERIFY(all[0].cloned);
    QVERIFY(!all[1].cloned);
    QCOMPARE(all[1].name, QStringLiteral("gone"));
    QVERIFY(!all[1].error.isEmpty());
    QVERIFY(all[1].files.isEmpty());
}

void TestGitWorktree::statusCountsCommitsToPush()
{
    // No upstream: every commit of the branch is unpushed.
    git::WorktreeStatus read = status();
    QCOMPARE(read.ahead, -1);
    QCOMPARE(read.unpushed, 1);

    const QString bare = m_tmp->filePath(QStringLiteral("remote.git"));
    gitOut({"init", "-q", "--bare", "-b", "main", bare}, m_tmp->path());
    git({"remote", "add", "origin", bare});
    git({"push", "-q", "-u", "origin", "main"});
    QVERIFY(writeFile(file("shared.txt"), "one more\n"));
    git({"commit", "-q", "-am", "second"});
    read = status();
    QCOMPARE(read.ahead, 1);
    QCOMPARE(read.behind, 0);
    QCOMPARE(read.unpushed, 1);
}

void TestGitWorktree::readsAFileAtHeadInTheIndexAndOnDisk()
{
    QVERIFY(writeFile(file("shared.txt"), "staged\n"));
    git({"add", "shared.txt"});
    QVERIFY(writeFile(file("shared.txt"), "on disk\n"));
    auto repository = git::Repository::open(repo());
    QVERIFY2(repository, why(repository));

    auto head =
        git::readFileVersion(*repository, QStringLiteral("shared.txt"), git::FileVersion::Head);
    QVERIFY2(head, why(head));
    QCOMPARE(head->bytes, QByteArray("line 1\nline 2\nline 3\n"));
    QCOMPARE(head->size, qint64(21));
    auto index =
        git::readFileVersion(*repository, QStringLiteral("shared.txt"), git::FileVersion::Index);
    QVERIFY2(index, why(index));
    QCOMPARE(index->bytes, QByteArray("staged\n"));
    auto disk =
        git::readFileVersion(*repository, QStringLiteral("shared.txt"), git::FileVersion::Worktree);
    QVERIFY2(disk, why(disk));
    QCOMPARE(disk->bytes, QByteArray("on disk\n"));

    // A file only on disk is not at HEAD nor in the index; a cap leaves a big file unread.
    QVERIFY(writeFile(file("new.txt"), "new\n"));
    for (const auto version : {git::FileVersion::Head, git::FileVersion::Index}) {
        auto none = git::readFileVersion(*repository, QStringLiteral("new.txt"), version);
        QVERIFY(!none);
        QCOMPARE(none.error().code, Error::Code::NotFound);
    }
    auto capped =
        git::readFileVersion(*repository, QStringLiteral("shared.txt"), git::FileVersion::Head, 10);
    QVERIFY2(capped, why(capped));
    QVERIFY(capped->tooLarge);
    QVERIFY(capped->bytes.isEmpty());
    QCOMPARE(capped->size, qint64(21));
}

void TestGitWorktree::diffOfAFileIsWhatGitPrints()
{
    QVERIFY(writeFile(file("shared.txt"), "line 1\nstaged\nline 3\n"));
    git({"add", "shared.txt"});
    QVERIFY(writeFile(file("shared.txt"), "line 1\nstaged\nline 3\nunstaged\n"));
    git::WorktreeDiffRequest request;
    request.repository = {QStringLiteral("demo"), repo()};
    request.path = QStringLiteral("shared.txt");
    const git::WorktreeFileDiff diff = await(git::diffWorktreeFileAsync(request));
    QVERIFY2(diff.error.isEmpty(), qPrintable(diff.error));
    QCOMPARE(diff.repository, QStringLiteral("demo"));
    QVERIFY(!diff.unsaved);
    QCOMPARE(diff.parts.size(), 2);
    QCOMPARE(diff.parts[0].side, git::WorktreeDiffPart::Side::Staged);
    QCOMPARE(diff.parts[0].text.trimmed(),
             git({"diff", "--cached", "--no-color", "--", "shared.txt"}));
    QCOMPARE(diff.parts[1].side, git::WorktreeDiffPart::Side::Unstaged);
    QCOMPARE(diff.parts[1].text.trimmed(), git({"diff", "--no-color", "--", "shared.txt"}));
    QCOMPARE(diff.parts[1].note, git::WorktreeDiffPart::Note::None);

    // An untracked file is new in the unstaged part; an unchanged one has no part at all.
    QVERIFY(writeFile(file("new.txt"), "brand\nnew\n"));
    request.path = QStringLiteral("new.txt");
    const git::WorktreeFileDiff added = git::diffWorktreeFile(request);
    QCOMPARE(added.parts.size(), 1);
    QVERIFY2(added.parts[0].text.contains(QStringLiteral("+brand\n+new\n")),
             qPrintable(added.parts[0].text));
    request.path = QStringLiteral("README.md");
    QVERIFY(git::diffWorktreeFile(request).parts.isEmpty());
}

void TestGitWorktree::diffSaysWhenAFileIsBinaryOrTooLarge()
{
    QVERIFY(writeFile(file("logo.png"), QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)));
    QByteArray large;
    while (large.size() < 3000)
        large += "a line of a large generated file\n";
    QVERIFY(writeFile(file("large.txt"), large));
    git::WorktreeDiffRequest request;
    request.repository = {QStringLiteral("demo"), repo()};
    request.maxBytes = 2048;
    request.path = QStringLiteral("logo.png");
    git::WorktreeFileDiff diff = git::diffWorktreeFile(request);
    QCOMPARE(diff.parts.size(), 1);
    QCOMPARE(diff.parts[0].note, git::WorktreeDiffPart::Note::Binary);
    QVERIFY(diff.parts[0].text.isEmpty());
    request.path = QStringLiteral("large.txt");
    diff = git::diffWorktreeFile(request);
    QCOMPARE(diff.parts.size(), 1);
    QCOMPARE(diff.parts[0].note, git::WorktreeDiffPart::Note::TooLarge);
    QCOMPARE(diff.parts[0].size, qint64(large.size()));
}

void TestGitWorktree::diffOfUnsavedContentIsALineDiffFromDisk()
{
    git::WorktreeDiffRequest request;
    request.repository = {QStringLiteral("demo"), repo()};
    request.path = QStringLiteral("shared.txt");
    request.unsaved = QByteArray("line 1\nline 2 edited\nline 3\n");
    git::WorktreeFileDiff diff = git::diffWorktreeFile(request);
    QVERIFY(diff.unsaved);
    QCOMPARE(diff.parts.size(), 1); // nothing staged or unstaged: only what saving changes
    const git::WorktreeDiffPart &part = diff.parts[0];
    QCOMPARE(part.side, git::WorktreeDiffPart::Side::Unsaved);
    QCOMPARE(part.note, git::WorktreeDiffPart::Note::None);
    QCOMPARE(part.text, QStringLiteral("--- a/shared.txt\n+++ b/shared.txt\n"
                                       "@@ -1,3 +1,3 @@\n line 1\n-line 2\n+line 2 edited\n"
                                       " line 3\n"));

    request.unsaved = readAll(file("shared.txt"));
    diff = git::diffWorktreeFile(request);
    QCOMPARE(diff.parts.size(), 1);
    QCOMPARE(diff.parts[0].note, git::WorktreeDiffPart::Note::SameAsDisk);

    request.unsaved = QByteArray("a\0b", 3);
    QCOMPARE(git::diffWorktreeFile(request).parts[0].note, git::WorktreeDiffPart::Note::Binary);
}

void TestGitWorktree::stagingAndUnstagingRunOnAWorker()
{
    QVERIFY(writeFile(file("shared.txt"), "changed\n"));
    QVERIFY(QFile::remove(file("README.md")));
    const QStringList paths{QStringLiteral("shared.txt"), QStringLiteral("README.md")};
    {
        test::HoldQtPool qtPool; // not on Qt's pool, where painting waits for its own jobs
        QVERIFY(qtPool.holdsAll());
        QFuture<Result<void>> staging = git::stageAsync(repo(), paths, git::Staging::Stage);
        const Result<void> staged = await(staging);
        QVERIFY2(staged, why(staged));
        QVERIFY(qtPool.stillHeld());
    }
    QCOMPARE(git({"diff", "--cached", "--name-status"}),
             QStringLiteral("D\tREADME.md\nM\tshared.txt"));

    const Result<void> unstaged =
        await(git::stageAsync(repo(), {QStringLiteral("shared.txt")}, git::Staging::Unstage));
    QVERIFY2(unstaged, why(unstaged));
    QCOMPARE(git({"diff", "--cached", "--name-status"}), QStringLiteral("D\tREADME.md"));
    QCOMPARE(readAll(file("shared.txt")), QByteArray("changed\n")); // the file is left as it is

    // A path that matches nothing fails and changes nothing.
    const Result<void> none =
        await(git::stageAsync(repo(), {QStringLiteral("nothing.txt")}, git::Staging::Stage));
    QVERIFY(!none);
    QCOMPARE(git({"diff", "--cached", "--name-status"}), QStringLiteral("D\tREADME.md"));
}

void TestGitWorktree::commitTakesExactlyTheCheckedFiles()
{
    QVERIFY(writeFile(file("shared.txt"), "checked\n"));
    QVERIFY(writeFile(file("left-out.txt"), "staged, not checked\n"));
    git({"add", "left-out.txt"});
    QVERIFY(writeFile(file("new.txt"), "checked and untracked\n"));
    const git::Signature author{QStringLiteral("Ada"), QStringLiteral("ada@example.invalid")};
    const Result<git::CommitDone> done = await(
        git::commitCheckedAsync(repo(), {QStringLiteral("shared.txt"), QStringLiteral("new.txt")},
                                QStringLiteral("Two"), author));
    QVERIFY2(done, why(done));
    QCOMPARE(done->branch, QStringLiteral("main"));
    QCOMPARE(done->id, git({"rev-parse", "HEAD"}));
    QCOMPARE(git({"show", "--name-only", "--format=%an", "HEAD"}),
             QStringLiteral("Ada\n\nnew.txt\nshared.txt"));
    // The file left out is neither committed nor staged any more.
    QCOMPARE(git({"status", "--porcelain", "--", "left-out.txt"}),
             QStringLiteral("?? left-out.txt"));
}

void TestGitWorktree::switchingBranchesRunsOnAWorkerAndKeepsLocalChanges()
{
    git({"switch", "-q", "-c", "topic"});
    QVERIFY(writeFile(file("topic.txt"), "t\n"));
    QVERIFY(writeFile(file("shared.txt"), "topic's line\n"));
    git({"add", "-A"});
    git({"commit", "-q", "-m", "topic"});
    git({"switch", "-q", "main"});

    Result<QString> now =
        await(git::switchBranchAsync(repo(), QStringLiteral("topic"), git::BranchSource::Local));
    QVERIFY2(now, why(now));
    QCOMPARE(*now, QStringLiteral("topic"));
    QCOMPARE(git({"branch", "--show-current"}), QStringLiteral("topic"));
    QVERIFY(QFileInfo::exists(file("topic.txt")));

    // A local edit the switch would overwrite stops it, untouched.
    QVERIFY(writeFile(file("shared.txt"), "my local edit\n"));
    now = await(git::switchBranchAsync(repo(), QStringLiteral("main"), git::BranchSource::Local));
    QVERIFY(!now);
    QVERIFY2(now.error().message.contains(QStringLiteral("shared.txt")),
             qPrintable(now.error().message));
    QCOMPARE(git({"branch", "--show-current"}), QStringLiteral("topic"));
    QCOMPARE(readAll(file("shared.txt")), QByteArray("my local edit\n"));
    git({"checkout", "--", "shared.txt"});

    // A remote-tracking branch becomes a local branch that tracks it.
    const QString bare = m_tmp->filePath(QStringLiteral("remote.git"));
    gitOut({"init", "-q", "--bare", "-b", "main", bare}, m_tmp->path());
    git({"remote", "add", "origin", bare});
    git({"push", "-q", "origin", "topic:feature"});
    git({"fetch", "-q", "origin"});
    now = await(git::switchBranchAsync(repo(), QStringLiteral("origin/feature"),
                                       git::BranchSource::RemoteTracking));
    QVERIFY2(now, why(now));
    QCOMPARE(*now, QStringLiteral("feature"));
    QCOMPARE(git({"rev-parse", "--abbrev-ref", "feature@{upstream}"}),
             QStringLiteral("origin/feature"));
}

void TestGitWorktree::hostKeyIsRefusedUntilTrustedThenRecorded()
{
    auto trust = std::make_shared<git::HostKeyTrust>();
    const auto decide = git::HostKeyTrust::callback(trust);
    git::HostKeyInfo key;
    key.host = QStringLiteral("git.example.invalid");
    key.port = 2222;
    key.fingerprint = QStringLiteral("SHA256:abc");
    key.keyType = QStringLiteral("ssh-ed25519");

    // Asked on a worker, as a network operation does: refused and remembered for the GUI.
    git::HostKeyDecision onWorker = git::HostKeyDecision::AcceptOnce;
    std::unique_ptr<QThread> worker(QThread::create([&] { onWorker = decide(key); }));
    worker->start();
    QVERIFY(worker->wait(10000));
    QCOMPARE(onWorker, git::HostKeyDecision::Refuse);
    auto refused = trust->takeRefused();
    QVERIFY(refused);
    QCOMPARE(refused->fingerprint, key.fingerprint);
    QVERIFY(!trust->takeRefused()); // taken once
    decide(key);
    trust->clearRefused();
    QVERIFY(!trust->takeRefused());

    // Without the raw key it is trusted for the session only: nothing is written.
    const QString knownHosts = m_tmp->filePath(QStringLiteral("ssh/known_hosts"));
    QVERIFY(trust->trust(key, knownHosts));
    QVERIFY(!QFileInfo::exists(knownHosts));
    QVERIFY(trust->isTrusted(key.fingerprint));
    QCOMPARE(decide(key), git::HostKeyDecision::AcceptOnce);
    QVERIFY(!trust->takeRefused());

    // With it, a known_hosts line that names the host and port.
    git::HostKeyInfo other = key;
    other.fingerprint = QStringLiteral("SHA256:def");
    other.key = QByteArray("\0\0\0\x0bssh-ed25519\0\0\0\x20", 19) + QByteArray(32, 'k');
    QCOMPARE(decide(other), git::HostKeyDecision::Refuse);
    const Result<void> recorded = trust->trust(other, knownHosts);
    QVERIFY2(recorded, why(recorded));
    QVERIFY2(readAll(knownHosts).startsWith("[git.example.invalid]:2222 ssh-ed25519 "),
             readAll(knownHosts).constData());
    QCOMPARE(decide(other), git::HostKeyDecision::AcceptOnce);
}

QTEST_GUILESS_MAIN(TestGitWorktree)
#include "tst_gitworktree.moc"
