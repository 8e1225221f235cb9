#include "core/fileio.h"
#include "platform/editbuffers.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

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
};

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
