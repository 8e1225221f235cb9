#include "core/fileio.h"
#include "platform/diskwatcher.h"
#include "platform/editbuffers.h"
#include "platform/editjournal.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSysInfo>

#include <random>

using namespace kanri;
using namespace kanri::platform;

class TestEditBuffers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void editIsReadBackBeforeSaving();
    void undoRestoresTheBytes();
    void typingIntoOneFieldIsOneUndoStep();
    void editingBackToTheStartLeavesNothingModified();
    void saveWritesAndMarksClean();
    void failedSaveKeepsTheEdit();
    void revertDropsEverything();
    void randomEditsUndoAndRedoToTheExactBytes();
    void typingInTwoPlacesOfOneFieldMergesExactly();
    void undoOfACreatedFileRemovesIt();
    void fileChangedOutsideIsNotOverwrittenByUndo();
    void saveRefusesAFileChangedOnDiskSinceItsEdits();
    void keepMineOverwritesTakeTheirsIsUndoable();
    void journalHoldsTheEditsWithinASecondAndGoesOnSave();
    void journalOfADeadProcessIsRestoredAsOneUndoStep();
    void journalOfALiveProcessIsNotAnOrphan();
    void journalThatCannotBeWrittenSaysSo();
    void workspaceLockNamesItsHolderAndStaleLocksAreTaken();
    void watcherReportsFilesChangedCreatedAndRemoved();
    void watcherSetsItsWatchesASliceAtATime();
};

namespace {

// The id of a process that has ended (a child reaped).
qint64 deadPid()
{
    QProcess p;
    p.start(QStringLiteral("true"));
    p.waitForFinished();
    return p.processId() ? p.processId() : 999999;
}

} // namespace

void TestEditBuffers::editIsReadBackBeforeSaving()
{
    QTemporaryDir dir;
    const QString f = dir.filePath(QStringLiteral("a.yaml"));
    QVERIFY(writeFileAtomic(f, "replicas: 1\n").has_value());
    EditBuffers b;
    QSignalSpy changed(&b, &EditBuffers::fileChanged);
    QVERIFY(b.edit(f, "replicas: 3\n", QStringLiteral("replicas")));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(b.read(f).value(), QByteArray("replicas: 3\n"));
    QCOMPARE(readFile(f).value(), QByteArray("replicas: 1\n")); // disk untouched
    QVERIFY(b.isModified(f));
    QVERIFY(b.isModified());
    QCOMPARE(b.overlay().value(f), std::optional<QByteArray>("replicas: 3\n"));
    QVERIFY(!b.edit(f, "replicas: 3\n", QStringLiteral("same"))); // no-op edits push nothing
    QCOMPARE(b.undoStack()->count(), 1);
}

void TestEditBuffers::undoRestoresTheBytes()
{
    QTemporaryDir dir;
    const QString f = dir.filePath(QStringLiteral("a.tf"));
    QVERIFY(writeFileAtomic(f, "a = 1\r\n").has_value());
    EditBuffers b;
    b.edit(f, "a = 2\r\n", QStringLiteral("a"));
    b.edit(f, "a = 2\r\nb = 3\r\n", QStringLiteral("b"));
    b.undoStack()->undo();
    QCOMPARE(b.read(f).value(), QByteArray("a = 2\r\n"));
    b.undoStack()->undo();
    QCOMPARE(b.read(f).value(), QByteArray("a = 1\r\n"));
    QVERIFY(!b.isModified(f));
    QVERIFY(!b.isModified());
    b.undoStack()->redo();
    QCOMPARE(b.read(f).value(), QByteArray("a = 2\r\n"));
}

void TestEditBuffers::typingIntoOneFieldIsOneUndoStep()
{
    QTemporaryDir dir;
    const QString f = dir.filePath(QStringLiteral("a.yaml"));
    QVERIFY(writeFileAtomic(f, "tag: v1\n").has_value());
    EditBuffers b;
    const QString key = QStringLiteral("deploy/tag");
    b.edit(f, "tag: v\n", QStringLiteral("tag"), key);
    b.edit(f, "tag: v2\n", QStringLiteral("tag"), key);
    b.edit(f, "tag: v2.1\n", QStringLiteral("tag"), key);
    QCOMPARE(b.undoStack()->count(), 1);
    b.undoStack()->undo();
    QCOMPARE(b.read(f).value(), QByteArray("tag: v1\n"));
}

void TestEditBuffers::editingBackToTheStartLeavesNothingModified()
{
    QTemporaryDir dir;
    const QString f = dir.filePath(QStringLiteral("a.yaml"));
    QVERIFY(writeFileAtomic(f, "x: 1\n").has_value());
    EditBuffers b;
    b.edit(f, "x: 12\n", QStringLiteral("x"), QStringLiteral("x"));
    b.edit(f, "x: 1\n", QStringLiteral("x"), QStringLiteral("x"));
    QVERIFY(!b.isModified(f));
    QCOMPARE(b.undoStack()->count(), 0); // the merged command became obsolete
}

void TestEditBuffers::saveWritesAndMarksClean()
{
    QTemporaryDir dir;
    const QString f = dir.filePath(QStringLiteral("a.yaml"));
    const QString created = dir.filePath(QStringLiteral("patch.yaml"));
    QVERIFY(writeFileAtomic(f, "x: 1\n").has_value());
    EditBuffers b;
    b.edit(f, "x: 2\n", QStringLiteral("x"));
    b.edit(created, "y: 1\n", QStringLiteral("new patch"));
    QCOMPARE(b.modifiedFiles().size(), 2);
    QVERIFY(b.save().has_value());
    QCOMPARE(readFile(f).value(), QByteArray("x: 2\n"));
    QCOMPARE(readFile(created).value(), QByteArray("y: 1\n"));
    QVERIFY(!b.isModified());
    // A new file in a new folder (a new service) makes the folder.
    const QString nested = dir.filePath(QStringLiteral("services/new/base/kustomization.yaml"));
    b.edit(nested, "resources: []\n", QStringLiteral("new service"));
    QVERIFY(b.save().has_value());
    QCOMPARE(readFile(nested).value(), QByteArray("resources: []\n"));
    QVERIFY(b.modifiedFiles().isEmpty());
}

void TestEditBuffers::failedSaveKeepsTheEdit()
{
    QTemporaryDir dir;
    const QString good = dir.filePath(QStringLiteral("good.yaml"));
    // Its folder cannot be made: a file is in the way.
    QVERIFY(writeFileAtomic(dir.filePath(QStringLiteral("a-file")), "x").has_value());
    const QString bad = dir.filePath(QStringLiteral("a-file/bad.yaml"));
    EditBuffers b;
    b.edit(good, "g: 1\n", QStringLiteral("good"));
    b.edit(bad, "b: 1\n", QStringLiteral("bad"));
    const auto r = b.save();
    QVERIFY(!r.has_value());
    QVERIFY(r.error().toString().contains(QStringLiteral("bad.yaml")));
    QCOMPARE(readFile(good).value(), QByteArray("g: 1\n"));
    QCOMPARE(b.modifiedFiles(), QStringList{bad});
    QCOMPARE(b.read(bad).value(), QByteArray("b: 1\n")); // what the user typed is still there
    QVERIFY(b.isModified());
}

void TestEditBuffers::revertDropsEverything()
{
    QTemporaryDir dir;
    const QString f = dir.filePath(QStringLiteral("a.yaml"));
    QVERIFY(writeFileAtomic(f, "x: 1\n").has_value());
    EditBuffers b;
    b.edit(f, "x: 2\n", QStringLiteral("x"));
    b.revert();
    QCOMPARE(b.read(f).value(), QByteArray("x: 1\n"));
    QVERIFY(!b.isModified());
    QCOMPARE(b.undoStack()->count(), 0);
}

// Random edits (insertions, deletions, replacements, some merged as typing) of one file, then
// every undo and every redo: each step gives exactly the bytes it had.
void TestEditBuffers::randomEditsUndoAndRedoToTheExactBytes()
{
    QTemporaryDir dir;
    const QString f = dir.filePath(QStringLiteral("a.tf"));
    QByteArray text;
    for (int i = 0; i < 400; ++i)
        text += "line " + QByteArray::number(i) + " = \"value\"\n";
    QVERIFY(writeFileAtomic(f, text).has_value());
    EditBuffers b;
    QList<QByteArray> states{text};
    std::mt19937 random(20261127);
    for (int step = 0; step < 300; ++step) {
        QByteArray next = states.constLast();
        const int at = int(random() % quint32(next.size() + 1));
        const int len = int(random() % 40);
        QByteArray with(int(random() % 30), 'a' + char(random() % 26));
        if (random() % 7 == 0)
            with.clear();
        next.replace(at, std::min<qsizetype>(len, next.size() - at), with);
        // Runs of edits with one merge key are one undo step, like typing into one cell.
        const QString key = step % 5 < 3 ? QStringLiteral("k%1").arg(step / 5) : QString();
        const int before = b.undoStack()->count();
        if (!b.edit(f, next, QStringLiteral("edit"), key))
            continue;
        if (b.undoStack()->count() == before && !states.isEmpty() && before > 0)
            states.last() = next; // merged into the last step
        else
            states.append(next);
        QCOMPARE(b.read(f).value(), next);
    }
    QCOMPARE(b.undoStack()->count(), states.size() - 1);
    for (qsizetype i = states.size() - 1; i > 0; --i) {
        b.undoStack()->undo();
        QCOMPARE(b.read(f).value(), states.at(i - 1));
    }
    QVERIFY(!b.isModified(f));
    for (qsizetype i = 1; i < states.size(); ++i) {
        b.undoStack()->redo();
        QCOMPARE(b.read(f).value(), states.at(i));
    }
}

// One merged step over edits at both ends of a field takes back both.
void TestEditBuffers::typingInTwoPlacesOfOneFieldMergesExactly()
{
    QTemporaryDir dir;
    const QString f = dir.filePath(QStringLiteral("a.yaml"));
    QVERIFY(writeFileAtomic(f, "a: 1\nname: bob\nz: 2\n").has_value());
    EditBuffers b;
    const QString key = QStringLiteral("name");
    QVERIFY(b.edit(f, "a: 1\nname: bobby\nz: 2\n", key, key));
    QVERIFY(b.edit(f, "a: 1\nname: Xbobby\nz: 2\n", key, key));
    QVERIFY(b.edit(f, "a: 1\nname: Xby\nz: 2\n", key, key));
    QCOMPARE(b.undoStack()->count(), 1);
    b.undoStack()->undo();
    QCOMPARE(b.read(f).value(), QByteArray("a: 1\nname: bob\nz: 2\n"));
    b.undoStack()->redo();
    QCOMPARE(b.read(f).value(), QByteArray("a: 1\nname: Xby\nz: 2\n"));
}

void TestEditBuffers::undoOfACreatedFileRemovesIt()
{
    QTemporaryDir dir;
    const QString f = dir.filePath(QStringLiteral("new/patch.yaml"));
    EditBuffers b;
    const QString key = QStringLiteral("patch");
    QVERIFY(b.edit(f, "replicas: 1\n", key, key));
    QVERIFY(b.edit(f, "replicas: 12\n", key, key)); // merged into the creation
    QCOMPARE(b.undoStack()->count(), 1);
    b.undoStack()->undo();
    QVERIFY(!b.read(f).has_value());
    QVERIFY(!b.isModified());
    b.undoStack()->redo();
    QCOMPARE(b.read(f).value(), QByteArray("replicas: 12\n"));
}

// Saved, then changed by another program: undoing the saved edit would apply it to bytes it
// was not made on. It leaves the file alone and says why.
void TestEditBuffers::fileChangedOutsideIsNotOverwrittenByUndo()
{
    QTemporaryDir dir;
    const QString f = dir.filePath(QStringLiteral("a.yaml"));
    QVERIFY(writeFileAtomic(f, "x: 1\n").has_value());
    EditBuffers b;
    QSignalSpy conflicts(&b, &EditBuffers::conflict);
    QVERIFY(b.edit(f, "x: 2\n", QStringLiteral("x")));
    QVERIFY(b.save().has_value());
    QVERIFY(writeFileAtomic(f, "x: 2\ny: 7\n# changed by an editor\n").has_value());
    b.undoStack()->undo();
    QCOMPARE(conflicts.count(), 1);
    QVERIFY(conflicts.at(0).at(0).value<Error>().toString().contains(f));
    QCOMPARE(b.read(f).value(), QByteArray("x: 2\ny: 7\n# changed by an editor\n"));
    QVERIFY(!b.isModified(f));
}

QTEST_GUILESS_MAIN(TestEditBuffers)
#include "tst_editbuffers.moc"

void TestEditBuffers::saveRefusesAFileChangedOnDiskSinceItsEdits()
{
    QTemporaryDir dir;
    const QString f = dir.filePath(QStringLiteral("a.yaml"));
    QVERIFY(writeFileAtomic(f, "replicas: 1\n").has_value());
    EditBuffers b;
    QVERIFY(b.edit(f, "replicas: 3\n", QStringLiteral("replicas")));
    QVERIFY(b.changedOnDisk().isEmpty());
    // Another program writes the file (same size, within the same millisecond).
    QVERIFY(writeFileAtomic(f, "replicas: 2\n").has_value());
    QCOMPARE(b.changedOnDisk(), QStringList{f});
    const auto saved = b.save();
    QVERIFY(!saved);
    QCOMPARE(saved.error().code, Error::Code::Stale);
    QCOMPARE(saved.error().file, f);
    QCOMPARE(readFile(f).value(), QByteArray("replicas: 2\n")); // theirs, not overwritten
    QCOMPARE(b.read(f).value(), QByteArray("replicas: 3\n"));   // mine, kept
    QVERIFY(b.isModified(f));
}

void TestEditBuffers::keepMineOverwritesTakeTheirsIsUndoable()
{
    QTemporaryDir dir;
    const QString mine = dir.filePath(QStringLiteral("mine.yaml"));
    const QString theirs = dir.filePath(QStringLiteral("theirs.yaml"));
    QVERIFY(writeFileAtomic(mine, "a: 1\n").has_value());
    QVERIFY(writeFileAtomic(theirs, "b: 1\n").has_value());
    EditBuffers b;
    b.edit(mine, "a: 2\n", QStringLiteral("a"));
    b.edit(theirs, "b: 2\n", QStringLiteral("b"));
    QVERIFY(writeFileAtomic(mine, "a: 9\n").has_value());
    QVERIFY(writeFileAtomic(theirs, "b: 9\n").has_value());
    QCOMPARE(b.changedOnDisk().size(), 2);

    b.keepEdits(mine);
    b.takeDisk(theirs);
    QVERIFY(!b.isModified(theirs));
    QCOMPARE(b.read(theirs).value(), QByteArray("b: 9\n"));
    QVERIFY(b.changedOnDisk().isEmpty());
    QVERIFY(b.save().has_value());
    QCOMPARE(readFile(mine).value(), QByteArray("a: 2\n"));
    QCOMPARE(readFile(theirs).value(), QByteArray("b: 9\n"));
    // Taking theirs was a step: undo brings the dropped edit back.
    b.undoStack()->undo();
    QCOMPARE(b.read(theirs).value(), QByteArray("b: 2\n"));
}

void TestEditBuffers::journalHoldsTheEditsWithinASecondAndGoesOnSave()
{
    QTemporaryDir dir;
    const QString ws = dir.filePath(QStringLiteral("ws"));
    const QString journals = dir.filePath(QStringLiteral("data/journal"));
    QVERIFY(QDir().mkpath(ws));
    const QString f = ws + QStringLiteral("/a.tf");
    QVERIFY(writeFileAtomic(f, "a = 1\n").has_value());
    EditBuffers b;
    EditJournal journal(&b, ws, journals);
    QVERIFY(!QFileInfo::exists(journal.filePath()));
    b.edit(f, "a = 2\n", QStringLiteral("a"));
    QElapsedTimer timer;
    timer.start();
    QTRY_VERIFY_WITH_TIMEOUT(EditJournal::read(journal.filePath()).has_value(), 1000);
    QVERIFY(timer.elapsed() < 1000);
    QCOMPARE(QFileInfo(journal.filePath()).permissions() & 0x0777,
             QFile::ReadUser | QFile::WriteUser);
    QCOMPARE(QFile::permissions(journals) & (QFile::ReadOther | QFile::ReadGroup),
             QFileDevice::Permissions());
    auto read = EditJournal::read(journal.filePath());
    QVERIFY(read.has_value());
    QCOMPARE(read->entries.size(), 1);
    QCOMPARE(read->entries.first().path, f);
    QCOMPARE(read->entries.first().content, std::optional<QByteArray>("a = 2\n"));
    QCOMPARE(read->entries.first().baseSha256, EditJournal::sha256(QByteArray("a = 1\n")));
    QCOMPARE(read->pid, QCoreApplication::applicationPid());
    // The journal follows each change, and goes when nothing is unsaved.
    b.edit(f, "a = 3\n", QStringLiteral("a"));
    QVERIFY(journal.flush().has_value());
    QCOMPARE(EditJournal::read(journal.filePath())->entries.first().content,
             std::optional<QByteArray>("a = 3\n"));
    QVERIFY(b.save().has_value());
    QVERIFY(journal.flush().has_value());
    QVERIFY(!QFileInfo::exists(journal.filePath()));
    // A discard (revert) removes it too.
    b.edit(f, "a = 4\n", QStringLiteral("a"));
    QVERIFY(journal.flush().has_value());
    QVERIFY(QFileInfo::exists(journal.filePath()));
    b.revert();
    QVERIFY(journal.flush().has_value());
    QVERIFY(!QFileInfo::exists(journal.filePath()));
}

void TestEditBuffers::journalOfADeadProcessIsRestoredAsOneUndoStep()
{
    QTemporaryDir dir;
    const QString ws = dir.filePath(QStringLiteral("ws"));
    const QString journals = dir.filePath(QStringLiteral("journal"));
    QVERIFY(QDir().mkpath(ws));
    const QString a = ws + QStringLiteral("/a.tf"), c = ws + QStringLiteral("/b/c.yaml");
    QVERIFY(writeFileAtomic(a, "a = 1\n").has_value());
    QString orphanFile;
    {
        EditBuffers b;
        EditJournal journal(&b, ws, journals);
        b.edit(a, "a = 2\n", QStringLiteral("a"));
        b.edit(c, "c: new\n", QStringLiteral("c")); // a file not on disk yet
        QVERIFY(journal.flush().has_value());
        // As a killed process leaves it: its file stays, under another (dead) process id.
        const qint64 dead = deadPid();
        orphanFile = journals + QStringLiteral("/%1-%2.json").arg(workspaceKey(ws)).arg(dead);
        QString text = QString::fromUtf8(readFile(journal.filePath()).value());
        text.replace(QStringLiteral("\"pid\":%1").arg(QCoreApplication::applicationPid()),
                     QStringLiteral("\"pid\":%1").arg(dead));
        QVERIFY(writeFileAtomic(orphanFile, text.toUtf8()).has_value());
        b.revert();
    }
    QVERIFY(QFileInfo::exists(orphanFile));
    QVERIFY(EditJournal::orphans(journals, dir.filePath(QStringLiteral("other"))).isEmpty());
    const QList<Journal> orphans = EditJournal::orphans(journals, ws);
    QCOMPARE(orphans.size(), 1);
    QCOMPARE(orphans.first().file, orphanFile);
    QCOMPARE(orphans.first().entries.size(), 2);

    EditBuffers b;
    QCOMPARE(EditJournal::restore(&b, orphans.first()), 2);
    QCOMPARE(b.read(a).value(), QByteArray("a = 2\n"));
    QCOMPARE(b.read(c).value(), QByteArray("c: new\n"));
    QCOMPARE(readFile(a).value(), QByteArray("a = 1\n")); // restored as unsaved edits
    QCOMPARE(b.undoStack()->count(), 1);
    b.undoStack()->undo();
    QVERIFY(!b.isModified());
    // Restoring what is already there changes nothing and pushes nothing.
    b.undoStack()->redo();
    QCOMPARE(EditJournal::restore(&b, orphans.first()), 0);
    QCOMPARE(b.undoStack()->count(), 1);

    // A damaged journal is reported with no entries (safe to remove), never half-read.
    QVERIFY(writeFileAtomic(orphanFile, "{\"kanriJournal\":1,\"files\":[{\"path\":\"x\"}]}")
                .has_value());
    QVERIFY(!EditJournal::read(orphanFile));
    QCOMPARE(EditJournal::orphans(journals, ws).size(), 1);
    QVERIFY(EditJournal::orphans(journals, ws).first().entries.isEmpty());
}

void TestEditBuffers::journalOfALiveProcessIsNotAnOrphan()
{
    QTemporaryDir dir;
    const QString ws = dir.filePath(QStringLiteral("ws"));
    const QString journals = dir.filePath(QStringLiteral("journal"));
    QVERIFY(QDir().mkpath(ws));
    EditBuffers b;
    EditJournal journal(&b, ws, journals);
    b.edit(ws + QStringLiteral("/x.tf"), "x = 1\n", QStringLiteral("x"));
    QVERIFY(journal.flush().has_value());
    // This process's own journal, and one of another running process: neither is offered.
    QVERIFY(EditJournal::orphans(journals, ws).isEmpty());
    QProcess sleeper;
    sleeper.start(QStringLiteral("sleep"), {QStringLiteral("30")});
    QVERIFY(sleeper.waitForStarted());
    QString text = QString::fromUtf8(readFile(journal.filePath()).value());
    text.replace(QStringLiteral("\"pid\":%1").arg(QCoreApplication::applicationPid()),
                 QStringLiteral("\"pid\":%1").arg(sleeper.processId()));
    text.remove(QRegularExpression(QStringLiteral("\"start\":\"[0-9]*\",?")));
    const QString other =
        journals + QStringLiteral("/%1-%2.json").arg(workspaceKey(ws)).arg(sleeper.processId());
    QVERIFY(writeFileAtomic(other, text.toUtf8()).has_value());
    QVERIFY(EditJournal::orphans(journals, ws).isEmpty());
    sleeper.kill();
    sleeper.waitForFinished();
    QCOMPARE(EditJournal::orphans(journals, ws).size(), 1);
}

void TestEditBuffers::workspaceLockNamesItsHolderAndStaleLocksAreTaken()
{
    QTemporaryDir dir;
    const QString ws = dir.filePath(QStringLiteral("ws"));
    const QString locks = dir.filePath(QStringLiteral("journal"));
    std::optional<WorkspaceLock> first(std::in_place, locks, ws);
    QVERIFY(first->tryLock());
    QVERIFY(first->isLocked());
    WorkspaceLock second(locks, ws);
    QVERIFY(!second.tryLock());
    QCOMPARE(second.holderPid(), QCoreApplication::applicationPid());
    QVERIFY(!second.holderHost().isEmpty());
    WorkspaceLock elsewhere(locks, dir.filePath(QStringLiteral("other")));
    QVERIFY(elsewhere.tryLock());
    // A lock left by a process that is gone (killed) is stale: the next window takes it.
    const QString path = first->filePath();
    QByteArray held = readFile(path).value();
    first.reset();
    QVERIFY(!QFileInfo::exists(path));
    QVERIFY(held.startsWith(QByteArray::number(QCoreApplication::applicationPid()) + '\n'));
    held = QByteArray::number(deadPid()) + held.mid(held.indexOf('\n'));
    QVERIFY(writeFileAtomic(path, held).has_value());
    WorkspaceLock third(locks, ws);
    QVERIFY(third.tryLock());
}

void TestEditBuffers::watcherReportsFilesChangedCreatedAndRemoved()
{
    QTemporaryDir dir;
    const QString root = dir.filePath(QStringLiteral("repo"));
    QVERIFY(QDir().mkpath(root + QStringLiteral("/a/.git")));
    const QString f = root + QStringLiteral("/a/f.yaml");
    QVERIFY(writeFileAtomic(f, "x: 1\n").has_value());
    QVERIFY(writeFileAtomic(root + QStringLiteral("/a/.git/HEAD"), "ref\n").has_value());
    DiskWatcher watcher({root});
    watcher.setDelay(20);
    QSignalSpy changed(&watcher, &DiskWatcher::filesChanged);
    QTRY_VERIFY(watcher.isReady());
    QVERIFY(watcher.watchedPaths() >= 2);

    // Rewritten in place (as `>` does), by rename (as editors and git do), created, removed.
    {
        QFile file(f);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("x: 2\n");
    }
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, 5000);
    QCOMPARE(changed.takeFirst().first().toStringList(), QStringList{f});
    const QString g = root + QStringLiteral("/b/c/g.yaml");
    QVERIFY(QDir().mkpath(root + QStringLiteral("/b/c")));
    QVERIFY(writeFileAtomic(g, "y: 1\n").has_value()); // a new folder, two deep
    QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const auto &report : changed)
                if (report.first().toStringList().contains(g))
                    return true;
            return false;
        }(),
        5000);
    changed.clear();
    QVERIFY(QFile::remove(f));
    QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), 5000);
    QVERIFY(changed.takeFirst().first().toStringList().contains(f));
    // What happens in .git is none of the catalog's business.
    QVERIFY(writeFileAtomic(root + QStringLiteral("/a/.git/HEAD"), "other\n").has_value());
    watcher.rescan();
    QVERIFY(changed.isEmpty());
    // rescan() finds what no watch saw.
    QVERIFY(writeFileAtomic(g, "y: 22\n").has_value());
    watcher.rescan();
    QVERIFY(!changed.isEmpty());
    QVERIFY(changed.last().first().toStringList().contains(g));
}

// Each watch is a system call on the GUI thread: thousands at once held the window. They are
// set at most DiskWatcher::watchesPerTurn per event-loop turn, and ready() comes with the last.
void TestEditBuffers::watcherSetsItsWatchesASliceAtATime()
{
    QTemporaryDir dir;
    const QString root = dir.filePath(QStringLiteral("repo"));
    const int folders = 3;
    const int filesPerFolder = 400;
    for (int d = 0; d < folders; ++d) {
        const QString folder = root + QStringLiteral("/f%1").arg(d);
        QVERIFY(QDir().mkpath(folder));
        for (int f = 0; f < filesPerFolder; ++f) {
            QFile file(folder + QStringLiteral("/%1.yaml").arg(f));
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
    }
    const int expected = 1 + folders + folders * filesPerFolder; // the root too
    QVERIFY(expected > 2 * DiskWatcher::watchesPerTurn);

    DiskWatcher watcher({root});
    // A zero timer fires once per event-loop turn: what was added between two of its ticks was
    // added in one turn.
    int last = 0;
    int largestStep = 0;
    int turnsWatching = 0;
    QTimer turns;
    turns.setInterval(0);
    connect(&turns, &QTimer::timeout, this, [&] {
        const int now = watcher.watchedPaths();
        largestStep = std::max(largestStep, now - last);
        if (now > 0 && !watcher.isReady())
            ++turnsWatching;
        last = now;
    });
    turns.start();
    QTRY_VERIFY(watcher.isReady());
    turns.stop();
    QCOMPARE(watcher.watchedPaths(), expected);
    QVERIFY2(largestStep <= DiskWatcher::watchesPerTurn,
             qPrintable(QStringLiteral("%1 watches set in one turn").arg(largestStep)));
    QVERIFY(turnsWatching >= 2);
}

void TestEditBuffers::journalThatCannotBeWrittenSaysSo()
{
    QTemporaryDir dir;
    const QString ws = dir.filePath(QStringLiteral("ws"));
    QVERIFY(QDir().mkpath(ws));
    // The data folder's place is taken by a file: no journal can be written there.
    const QString blocked = dir.filePath(QStringLiteral("data"));
    QVERIFY(writeFileAtomic(blocked, "not a folder").has_value());
    EditBuffers b;
    EditJournal journal(&b, ws, blocked + QStringLiteral("/journal"));
    QSignalSpy failed(&journal, &EditJournal::writeFailed);
    b.edit(ws + QStringLiteral("/a.tf"), "a = 1\n", QStringLiteral("a"));
    const auto r = journal.flush();
    QVERIFY(!r);
    QVERIFY2(r.error().toString().contains(QStringLiteral("journal")),
             qPrintable(r.error().toString()));
    QTRY_COMPARE(failed.count(), 1);
    // Reported once, not at every keystroke; the edit itself is untouched.
    b.edit(ws + QStringLiteral("/a.tf"), "a = 2\n", QStringLiteral("a"));
    QVERIFY(!journal.flush());
    QTest::qWait(50);
    QCOMPARE(failed.count(), 1);
    QCOMPARE(b.read(ws + QStringLiteral("/a.tf")).value(), QByteArray("a = 2\n"));
}
