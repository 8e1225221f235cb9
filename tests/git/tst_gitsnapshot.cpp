#include "core/fileio.h"
#include "git/gitsnapshot.h"
#include "tests/testsupport/testutil.h"

#include <QTemporaryDir>
#include <QTest>

using namespace kanri;
using namespace kanri::git;

class TestGitSnapshot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void readsFilesAtARevision();
    void listsWorkTreeChanges();
    void comparesTwoCommitsAndFindsTheMergeBase();
    void extractsACommit();
    void unknownRevisionIsAnError();

private:
    void git(const QStringList &args);
    QString rev(const QString &what);
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestGitSnapshot::git(const QStringList &args)
{
    const auto r = test::run(QStringLiteral("git"),
                             QStringList{QStringLiteral("-C"), m_dir->path(), QStringLiteral("-c"),
                                         QStringLiteral("user.name=T"), QStringLiteral("-c"),
                                         QStringLiteral("user.email=t@example.com")} +
                                 args);
    QVERIFY2(r.exitCode == 0, r.err.constData());
}

QString TestGitSnapshot::rev(const QString &what)
{
    const auto r = test::run(QStringLiteral("git"), {QStringLiteral("-C"), m_dir->path(),
                                                     QStringLiteral("rev-parse"), what});
    return QString::fromUtf8(r.out).trimmed();
}

void TestGitSnapshot::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    git({QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"),
         QStringLiteral("main")});
    QVERIFY(writeFileAtomic(m_dir->filePath(QStringLiteral("a.txt")), "one\n").has_value());
    QDir(m_dir->path()).mkpath(QStringLiteral("sub/dir"));
    QVERIFY(
        writeFileAtomic(m_dir->filePath(QStringLiteral("sub/dir/b.yaml")), "b: 1\n").has_value());
    git({QStringLiteral("add"), QStringLiteral("-A")});
    git({QStringLiteral("commit"), QStringLiteral("-qm"), QStringLiteral("first")});
}

void TestGitSnapshot::readsFilesAtARevision()
{
    QVERIFY(writeFileAtomic(m_dir->filePath(QStringLiteral("a.txt")), "two\n").has_value());
    auto s = Snapshot::open(m_dir->path(), QStringLiteral("HEAD"));
    QVERIFY2(s.has_value(), qPrintable(s ? QString() : s.error().toString()));
    QCOMPARE(s->commitId(), rev(QStringLiteral("HEAD")));
    QCOMPARE(s->read(QStringLiteral("a.txt")).value(), std::optional<QByteArray>("one\n"));
    QCOMPARE(s->read(QStringLiteral("sub/dir/b.yaml")).value(),
             std::optional<QByteArray>("b: 1\n"));
    QCOMPARE(s->read(QStringLiteral("missing.txt")).value(), std::optional<QByteArray>());
    QCOMPARE(s->files().value(),
             (QStringList{QStringLiteral("a.txt"), QStringLiteral("sub/dir/b.yaml")}));
}

void TestGitSnapshot::listsWorkTreeChanges()
{
    QVERIFY(writeFileAtomic(m_dir->filePath(QStringLiteral("a.txt")), "changed\n").has_value());
    QVERIFY(writeFileAtomic(m_dir->filePath(QStringLiteral("new.txt")), "new\n").has_value());
    QVERIFY(QFile::remove(m_dir->filePath(QStringLiteral("sub/dir/b.yaml"))));
    auto s = Snapshot::open(m_dir->path(), QStringLiteral("HEAD"));
    QVERIFY(s.has_value());
    QCOMPARE(s->changedInWorkTree().value(),
             (QStringList{QStringLiteral("a.txt"), QStringLiteral("new.txt"),
                          QStringLiteral("sub/dir/b.yaml")}));
}

void TestGitSnapshot::comparesTwoCommitsAndFindsTheMergeBase()
{
    const QString first = rev(QStringLiteral("HEAD"));
    git({QStringLiteral("checkout"), QStringLiteral("-qb"), QStringLiteral("feature")});
    QVERIFY(writeFileAtomic(m_dir->filePath(QStringLiteral("a.txt")), "feature\n").has_value());
    git({QStringLiteral("commit"), QStringLiteral("-qam"), QStringLiteral("feature")});
    git({QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("main")});
    QVERIFY(writeFileAtomic(m_dir->filePath(QStringLiteral("c.txt")), "main\n").has_value());
    git({QStringLiteral("add"), QStringLiteral("c.txt")});
    git({QStringLiteral("commit"), QStringLiteral("-qm"), QStringLiteral("main")});

    QCOMPARE(Snapshot::mergeBase(m_dir->path(), QStringLiteral("main"), QStringLiteral("feature"))
                 .value(),
             first);
    auto base = Snapshot::open(m_dir->path(), first);
    auto head = Snapshot::open(m_dir->path(), QStringLiteral("feature"));
    QVERIFY(base && head);
    QCOMPARE(head->changedSince(*base).value(), QStringList{QStringLiteral("a.txt")});
}

void TestGitSnapshot::extractsACommit()
{
    auto s = Snapshot::open(m_dir->path(), QStringLiteral("main"));
    QVERIFY(s.has_value());
    QTemporaryDir out;
    QVERIFY(s->extractTo(out.path()).has_value());
    QCOMPARE(readFile(out.filePath(QStringLiteral("sub/dir/b.yaml"))).value(),
             QByteArray("b: 1\n"));
    QCOMPARE(readFile(out.filePath(QStringLiteral("a.txt"))).value(), QByteArray("one\n"));
}

void TestGitSnapshot::unknownRevisionIsAnError()
{
    auto s = Snapshot::open(m_dir->path(), QStringLiteral("no-such-branch"));
    QVERIFY(!s.has_value());
    QVERIFY(s.error().message.contains(QStringLiteral("no-such-branch")));
    QVERIFY(!Snapshot::open(m_dir->filePath(QStringLiteral("nope")), QStringLiteral("HEAD"))
                 .has_value());
}

QTEST_GUILESS_MAIN(TestGitSnapshot)
#include "tst_gitsnapshot.moc"
