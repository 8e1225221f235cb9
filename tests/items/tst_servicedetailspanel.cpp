#include "items/containersmodel.h"
#include "platform/session.h"
#include "tests/testsupport/catalogfixture.h"
#include "ui/main/servicedetailspanel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace kanri;
using platform::ContainerField;

class TestServiceDetailsPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void showsTheSelectedService();
    void quantityEditorRefusesWrongCharacters();
    void allEnvironmentsCheckBoxWritesTheBase();
    void refusedEditIsReported();

private:
    QLineEdit *openEditor(const QModelIndex &index);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<platform::Session> m_session;
    std::unique_ptr<ui::ServiceDetailsPanel> m_panel;
};

void TestServiceDetailsPanel::init()
{
    QStandardPaths::setTestModeEnabled(true);
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(test::writeWorkspace(m_dir->path()));
    auto ws = platform::Workspace::load(m_dir->path());
    QVERIFY(ws.has_value());
    auto session = platform::Session::open(*ws);
    QVERIFY(session.has_value());
    m_session = std::move(*session);
    m_panel = std::make_unique<ui::ServiceDetailsPanel>();
    m_panel->setSession(m_session.get());
    m_panel->resize(900, 500);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

void TestServiceDetailsPanel::cleanup()
{
    m_panel.reset();
    m_session.reset();
    m_dir.reset();
}

QLineEdit *TestServiceDetailsPanel::openEditor(const QModelIndex &index)
{
    QTableView *table = m_panel->table();
    table->setCurrentIndex(index);
    table->edit(index);
    return table->viewport()->findChild<QLineEdit *>();
}

void TestServiceDetailsPanel::showsTheSelectedService()
{
    QAbstractItemModelTester tester(m_panel->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(m_panel->table()->model()->rowCount(), 0);
    m_panel->setService(2);
    QCOMPARE(m_panel->service(), 2);
    QCOMPARE(m_panel->table()->model()->rowCount(), 12);
    const QString dir = qEnvironmentVariable("KANRI_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(m_panel->grab().save(dir + QStringLiteral("/servicedetailspanel.png")));
}

void TestServiceDetailsPanel::quantityEditorRefusesWrongCharacters()
{
    m_panel->setService(0);
    items::ContainersModel *model = m_panel->model();
    const QModelIndex cell =
        model->index(model->row(QStringLiteral("app"), ContainerField::CpuRequest),
                     model->column(QStringLiteral("stg")));
    QLineEdit *editor = openEditor(cell);
    QVERIFY(editor);
    QVERIFY(editor->validator());
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("25x0m"));
    QCOMPARE(editor->text(), QStringLiteral("250m")); // the x never got in
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(cell.data().toString(), QStringLiteral("250m"));
    const QString patch = m_dir->filePath(
        QStringLiteral("manifests/services/svc-0000/overlays/stg/svc-0000-patch.yaml"));
    QVERIFY(m_session->buffers()->read(patch).value_or(QByteArray()).contains("cpu: 250m"));
}

void TestServiceDetailsPanel::allEnvironmentsCheckBoxWritesTheBase()
{
    m_panel->setService(0);
    m_panel->allEnvironments()->click();
    QCOMPARE(m_panel->model()->scope(), platform::EnvScope::AllEnvironments);
    items::ContainersModel *model = m_panel->model();
    const QModelIndex cell =
        model->index(model->row(QStringLiteral("app"), ContainerField::MemoryLimit),
                     model->column(QStringLiteral("dev")));
    QLineEdit *editor = openEditor(cell);
    QVERIFY(editor);
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("1Gi"));
    QTest::keyClick(editor, Qt::Key_Return);
    for (const char *env : {"dev", "stg", "prd"})
        QTRY_COMPARE(
            model->index(cell.row(), model->column(QString::fromLatin1(env))).data().toString(),
            QStringLiteral("1Gi"));
    QCOMPARE(m_session->buffers()->modifiedFiles(),
             QStringList{m_dir->filePath(
                 QStringLiteral("manifests/services/svc-0000/base/deployment.yaml"))});
}

void TestServiceDetailsPanel::refusedEditIsReported()
{
    m_panel->setService(0);
    QSignalSpy failed(m_panel.get(), &ui::ServiceDetailsPanel::editFailed);
    items::ContainersModel *model = m_panel->model();
    const QModelIndex cell =
        model->index(model->row(QStringLiteral("app"), ContainerField::CpuLimit),
                     model->column(QStringLiteral("prd")));
    QLineEdit *editor = openEditor(cell);
    QVERIFY(editor);
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("1e"));
    QVERIFY(!editor->hasAcceptableInput());
    QTest::keyClick(editor, Qt::Key_Return); // an unfinished quantity is not committed
    QCOMPARE(cell.data().toString(), QStringLiteral("500m"));
    QCOMPARE(failed.count(), 0);
    // A value that reaches the model anyway (pasted, scripted) is refused with a message.
    QVERIFY(!m_panel->table()->model()->setData(cell, QStringLiteral("1e")));
    QCOMPARE(failed.count(), 1);
    QVERIFY(failed.first().first().toString().contains(QStringLiteral("not a quantity")));
    QCOMPARE(cell.data().toString(), QStringLiteral("500m"));
    QVERIFY(m_session->buffers()->modifiedFiles().isEmpty());
}

QTEST_MAIN(TestServiceDetailsPanel)
#include "tst_servicedetailspanel.moc"
