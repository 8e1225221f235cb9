// The entry form on a developer whose fields hold expressions: an expression cell gets a line
// edit showing its HCL source (in italics, whatever the field's type) and is edited as source.
#include "items/developersmodel.h"
#include "platform/editbuffers.h"
#include "platform/session.h"
#include "tests/testsupport/catalogfixture.h"
#include "ui/main/entryform.h"

#include <QApplication>
#include <QCheckBox>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace kanri;

class TestEntryForm : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void expressionFieldsAreEditedAsSource();
};

void TestEntryForm::expressionFieldsAreEditedAsSource()
{
    QStandardPaths::setTestModeEnabled(true);
    QTemporaryDir dir;
    QVERIFY(test::writeWorkspace(dir.path()));
    const QString tfvars = dir.filePath(QStringLiteral("accounts/developers.auto.tfvars"));
    QVERIFY(test::writeText(tfvars, "developers = {\n  dev0 = {\n    name   = \"A\"\n"
                                    "    github = local.gh[\"dev0\"]\n    admin  = var.admins\n"
                                    "  }\n}\n"));
    auto ws = platform::Workspace::load(dir.path());
    QVERIFY(ws.has_value());
    auto session = platform::Session::open(*ws);
    QVERIFY(session.has_value());
    items::DevelopersModel model(session->get());
    ui::EntryForm form(items::DevelopersModel::TypeRole, items::DevelopersModel::RequiredRole);
    form.setModel(&model);
    form.setRow(model.index(0, 0));
    const QStringList fields = (*session)->catalog().developerFields;
    const int github = int(fields.indexOf("github")) + 1;
    const int admin = int(fields.indexOf("admin")) + 1;
    const int name = int(fields.indexOf("name")) + 1;

    auto *source = qobject_cast<QLineEdit *>(form.editor(github));
    QVERIFY(source);
    QCOMPARE(source->text(), QStringLiteral("local.gh[\"dev0\"]"));
    QVERIFY(source->font().italic());
    QVERIFY(!qobject_cast<QLineEdit *>(form.editor(name))->font().italic());
    // a bool field holding an expression is a line edit too, not a check box
    auto *adminSource = qobject_cast<QLineEdit *>(form.editor(admin));
    QVERIFY(adminSource);
    QCOMPARE(adminSource->text(), QStringLiteral("var.admins"));

    source->setText(QStringLiteral("local.gh[\"other\"]"));
    Q_EMIT source->editingFinished();
    QVERIFY(
        (*session)->buffers()->read(tfvars).value().contains("    github = local.gh[\"other\"]\n"));

    // source that is a literal: the field is a bool again, and gets its check box
    adminSource->setText(QStringLiteral("true"));
    Q_EMIT adminSource->editingFinished();
    QTRY_VERIFY(qobject_cast<QCheckBox *>(form.editor(admin)));
    QVERIFY(qobject_cast<QCheckBox *>(form.editor(admin))->isChecked());
    (*session)->buffers()->undoStack()->undo();
    QTRY_VERIFY(qobject_cast<QLineEdit *>(form.editor(admin)));
    QCOMPARE(qobject_cast<QLineEdit *>(form.editor(admin))->text(), QStringLiteral("var.admins"));
}

QTEST_MAIN(TestEntryForm)
#include "tst_entryform.moc"
