#include "editbuffers.h"
#include "fileio.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

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

QTEST_GUILESS_MAIN(TestEditBuffers)
#include "tst_editbuffers.moc"
