#include "items/catalogtreemodel.h"
#include "items/developersmodel.h"
#include "items/servicesmodel.h"
#include "platform/demoworkspace.h"
#include "platform/livediff.h"
#include "platform/session.h"
#include "tests/testsupport/testutil.h"
#include "ui/diff/diffpanel.h"
#include "ui/editor/sourceeditor.h"
#include "ui/main/entryform.h"
#include "ui/main/mainwindow.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <QValidator>

using namespace kanri;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void windowShowsTheDemo();
    void filterNarrowsTheTree();
    void prdReplicasEditShowsInPrdDiffOnly();
    void undoRemovesTheDiff();
    void anotherTeamsServiceAsksFirst();
    void brokenYamlKeepsThePreviousDiff();
    void developerCheckBoxWritesTheTerraformFile();
    void entryFormEditsTheSelectedDeveloper();
    void settingEditorsFitTheirType();
    void servicesTableFollowsAnEditWithoutRendering();
    void sourceEditOfAnOverlayReachesTheTable();
    void liveDiffFollowsSaveAndCommit();
    void ownershipFollowsAnUnsavedCodeOwnersEdit();
    void settingTheSessionBuildsAndRendersNothingHere();
    void selectingRightAfterSetSessionLandsOnTheService();
    void treeKeepsItsPlaceWhenBuiltAgain();

private:
    static items::CatalogTreeModel *treeModel(ui::MainWindow *window);
    int treeRows(QAbstractItemModel *model, const QModelIndex &parent = {});
    void editPrdReplicas(const QString &service, const QString &value);

    QTemporaryDir m_tmp;
    std::optional<platform::Workspace> m_demo;
    std::unique_ptr<platform::Session> m_session;
    std::unique_ptr<ui::MainWindow> m_window;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    auto ws =
        platform::materialiseDemo(QStringLiteral(":/demo"), m_tmp.filePath(QStringLiteral("demo")));
    QVERIFY2(ws.has_value(), qPrintable(ws ? QString() : ws.error().toString()));
    m_demo = *ws;
}

void TestMainWindow::init()
{
    auto session = platform::Session::open(*m_demo);
    QVERIFY(session.has_value());
    m_session = std::move(*session);
    m_window = std::make_unique<ui::MainWindow>();
    m_window->setSession(m_session.get());
    new QAbstractItemModelTester(m_window->servicesModel(),
                                 QAbstractItemModelTester::FailureReportingMode::QtTest, this);
    new QAbstractItemModelTester(m_window->catalogTree()->model(),
                                 QAbstractItemModelTester::FailureReportingMode::QtTest, this);
    m_window->show();
    // The tree's nodes and the table's values come from workers a moment later.
    QTRY_VERIFY(!treeModel(m_window.get())->isBuilding());
    QTRY_VERIFY(!m_session->valuesPending());
}

void TestMainWindow::cleanup()
{
    m_session->revert();
    m_window.reset();
    m_session.reset();
}

// After an edit in the services table, the cell shows the new value at once while the service
// renders again on a worker (the GUI thread never renders for an edit).
void TestMainWindow::servicesTableFollowsAnEditWithoutRendering()
{
    items::ServicesModel *model = m_window->servicesModel();
    const int row = model->rowOf(QStringLiteral("payment-api"));
    const int prd = model->column(QStringLiteral("prd"), platform::ServiceSetting::Replicas);
    const int envs = int(m_session->catalog().services.at(row).environments.size());
    int prdEnv = -1;
    for (int e = 0; e < envs; ++e) {
        QVERIFY(!m_session->values(row, e).deploymentName.isEmpty()); // rendered once
        if (m_session->catalog().services.at(row).environments.at(e).name == QLatin1String("prd"))
            prdEnv = e;
    }
    QVERIFY(prdEnv >= 0);
    QVERIFY(model->setData(model->index(row, prd), 23));
    QCOMPARE(model->index(row, prd).data().toInt(), 23);
    QVERIFY(!m_session->hasValues(row, prdEnv)); // what the table shows is the patched copy
    QVERIFY(m_session->valuesPending());
    QTRY_VERIFY(!m_session->valuesPending());
    QVERIFY(m_session->hasValues(row, prdEnv));
    QCOMPARE(m_session->values(row, prdEnv).replicas, std::optional<int>(23));
    QCOMPARE(model->index(row, prd).data().toInt(), 23);
}

// A change typed into an overlay file (not through the table) shows in the table once the
// worker's render is in.
void TestMainWindow::sourceEditOfAnOverlayReachesTheTable()
{
    items::ServicesModel *model = m_window->servicesModel();
    const int row = model->rowOf(QStringLiteral("payment-api"));
    const int prd = model->column(QStringLiteral("prd"), platform::ServiceSetting::Replicas);
    QVERIFY(model->setData(model->index(row, prd), 31));
    QTRY_VERIFY(!m_session->valuesPending());
    const QStringList files = m_session->buffers()->modifiedFiles();
    QCOMPARE(files.size(), 1);
    QByteArray text = *m_session->buffers()->read(files.first());
    // The overlay sets the value in a patch of its own (a strategic merge or a JSON patch).
    const qsizetype at = text.indexOf(": 31\n");
    QVERIFY2(at > 0, text.constData());
    text.replace(at, 5, ": 32\n");
    QVERIFY(m_session->buffers()->edit(files.first(), text, QStringLiteral("typed")));
    QTRY_COMPARE(model->index(row, prd).data().toInt(), 32);
    QVERIFY(!m_session->valuesPending());
}

// The HEAD side of the live diff is cached: a save (the file now differs on disk) and a commit
// (HEAD moved) must both be seen.
void TestMainWindow::liveDiffFollowsSaveAndCommit()
{
    QTemporaryDir dir;
    auto ws =
        platform::materialiseDemo(QStringLiteral(":/demo"), dir.filePath(QStringLiteral("demo")));
    QVERIFY(ws.has_value());
    auto opened = platform::Session::open(*ws);
    QVERIFY(opened.has_value());
    std::unique_ptr<platform::Session> session = std::move(*opened);
    ui::MainWindow window;
    window.setSession(session.get());
    window.selectService(QStringLiteral("payment-api"));
    platform::LiveDiff *live = window.liveDiff();
    live->computeNow();
    auto prdChanged = [live] {
        for (const auto &env : live->results()) {
            if (env.environment == QLatin1String("prd"))
                return env.diff.changed;
        }
        return -1;
    };
    QCOMPARE(prdChanged(), 0);

    items::ServicesModel *model = window.servicesModel();
    const int row = model->rowOf(QStringLiteral("payment-api"));
    const int prd = model->column(QStringLiteral("prd"), platform::ServiceSetting::Replicas);
    QVERIFY(model->setData(model->index(row, prd), 41));
    live->computeNow();
    QCOMPARE(prdChanged(), 1);

    QVERIFY(session->save().has_value());
    live->computeNow();
    QCOMPARE(prdChanged(), 1); // saved: the file on disk differs from HEAD

    const QString root = session->catalog().manifestsRoot;
    const auto add =
        test::run(QStringLiteral("git"), {QStringLiteral("add"), QStringLiteral("-A")}, root);
    QCOMPARE(add.exitCode, 0);
    const auto commit =
        test::run(QStringLiteral("git"),
                  {QStringLiteral("-c"), QStringLiteral("user.name=T"), QStringLiteral("-c"),
                   QStringLiteral("user.email=t@example.com"), QStringLiteral("commit"),
                   QStringLiteral("-qm"), QStringLiteral("prd replicas")},
                  root);
    QVERIFY2(commit.exitCode == 0, commit.err.constData());
    live->computeNow();
    QCOMPARE(prdChanged(), 0); // HEAD moved: nothing differs any more
    QTRY_VERIFY(!session->valuesPending());
}

int TestMainWindow::treeRows(QAbstractItemModel *model, const QModelIndex &parent)
{
    int n = 0;
    for (int r = 0; r < model->rowCount(parent); ++r)
        n += 1 + treeRows(model, model->index(r, 0, parent));
    return n;
}

void TestMainWindow::windowShowsTheDemo()
{
    QCOMPARE(m_window->servicesModel()->rowCount(), 12);
    QVERIFY(m_window->developersTable()->model()->rowCount() >= 30);
    QVERIFY(m_window->servicesModel()->rowOf(QStringLiteral("payment-api")) >= 0);
    const int col = m_window->servicesModel()->column(QStringLiteral("prd"),
                                                      platform::ServiceSetting::Replicas);
    QVERIFY(col > 0);
    const int row = m_window->servicesModel()->rowOf(QStringLiteral("payment-api"));
    QVERIFY(m_window->servicesModel()->index(row, col).data().toInt() > 0);
}

void TestMainWindow::filterNarrowsTheTree()
{
    QAbstractItemModel *tree = m_window->catalogTree()->model();
    const int all = treeRows(tree);
    QTest::keyClicks(m_window->filterBox(), QStringLiteral("payment-api"));
    const int filtered = treeRows(tree);
    QVERIFY2(filtered > 0 && filtered < all,
             qPrintable(QStringLiteral("%1 of %2").arg(filtered).arg(all)));
    const QModelIndexList hits =
        tree->match(tree->index(0, 0), items::CatalogTreeModel::ServiceRole,
                    QStringLiteral("product-api"), 1, Qt::MatchExactly | Qt::MatchRecursive);
    QVERIFY(hits.isEmpty());
    m_window->filterBox()->clear();
    QCOMPARE(treeRows(tree), all);
}

void TestMainWindow::editPrdReplicas(const QString &service, const QString &value)
{
    items::ServicesModel *model = m_window->servicesModel();
    const int row = model->rowOf(service);
    const int col = model->column(QStringLiteral("prd"), platform::ServiceSetting::Replicas);
    QVERIFY(model->setData(model->index(row, col), value));
    QCOMPARE(model->index(row, col).data().toString(), value);
}

void TestMainWindow::prdReplicasEditShowsInPrdDiffOnly()
{
    m_window->selectService(QStringLiteral("payment-api"));
    editPrdReplicas(QStringLiteral("payment-api"), QStringLiteral("17"));
    m_window->liveDiff()->computeNow();
    const auto &results = m_window->liveDiff()->results();
    QCOMPARE(results.size(), 3);
    for (const auto &env : results) {
        if (env.environment == QLatin1String("prd")) {
            QCOMPARE(env.diff.changed, 1);
        } else {
            QVERIFY2(env.diff.isEmpty(), qPrintable(env.environment));
        }
    }
    const QString text = m_window->diffPanel()->unifiedText();
    QVERIFY2(text.contains(QStringLiteral("+  replicas: 17")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("prd ·")));
    QVERIFY(!text.contains(QStringLiteral("dev ·")));
    QVERIFY(m_window->diffPanel()->summaryText().contains(QStringLiteral("prd: 1 changed")));
    // Only the prd overlay's files are edited.
    for (const QString &file : m_session->buffers()->modifiedFiles())
        QVERIFY2(file.contains(QStringLiteral("/services/payment-api/overlays/prd/")),
                 qPrintable(file));
}

void TestMainWindow::undoRemovesTheDiff()
{
    m_window->selectService(QStringLiteral("payment-api"));
    editPrdReplicas(QStringLiteral("payment-api"), QStringLiteral("9"));
    m_session->buffers()->undoStack()->undo();
    QVERIFY(m_session->buffers()->modifiedFiles().isEmpty());
    m_window->liveDiff()->computeNow();
    for (const auto &env : m_window->liveDiff()->results())
        QVERIFY(env.diff.isEmpty());
}

void TestMainWindow::anotherTeamsServiceAsksFirst()
{
    m_session->setUserTeams({QStringLiteral("@demo-org/payments")});
    QTableView *view = m_window->servicesTable();
    auto *proxy = static_cast<QSortFilterProxyModel *>(view->model());
    items::ServicesModel *model = m_window->servicesModel();
    const int col = model->column(QStringLiteral("prd"), platform::ServiceSetting::Replicas);
    const QModelIndex theirs =
        proxy->mapFromSource(model->index(model->rowOf(QStringLiteral("product-api")), col));
    const QString before = theirs.data().toString();
    QVERIFY(!theirs.data(items::ServicesModel::OwnedRole).toBool());

    auto *delegate = static_cast<QStyledItemDelegate *>(view->itemDelegate());
    QStyleOptionViewItem option;
    bool asked = false;
    auto answer = [&](QMessageBox::StandardButton button) {
        QTimer::singleShot(0, this, [&asked, button] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (box) {
                asked = true;
                box->button(button)->click();
            }
        });
    };
    QWidget *editor = delegate->createEditor(view->viewport(), option, theirs);
    delegate->setEditorData(editor, theirs);
    editor->setProperty("value", 42);
    if (auto *line = qobject_cast<QLineEdit *>(editor))
        line->setText(QStringLiteral("42"));
    answer(QMessageBox::No);
    delegate->setModelData(editor, proxy, theirs);
    QVERIFY(asked);
    QCOMPARE(theirs.data().toString(), before); // refused: nothing changed
    asked = false;
    answer(QMessageBox::Yes);
    delegate->setModelData(editor, proxy, theirs);
    QVERIFY(asked);
    QCOMPARE(theirs.data().toString(), QStringLiteral("42"));
    delete editor;

    // One's own service is edited without a question.
    const QModelIndex mine =
        proxy->mapFromSource(model->index(model->rowOf(QStringLiteral("payment-api")), col));
    QVERIFY(mine.data(items::ServicesModel::OwnedRole).toBool());
}

void TestMainWindow::brokenYamlKeepsThePreviousDiff()
{
    m_window->selectService(QStringLiteral("payment-api"));
    editPrdReplicas(QStringLiteral("payment-api"), QStringLiteral("21"));
    m_window->liveDiff()->computeNow();
    QVERIFY(m_window->diffPanel()->unifiedText().contains(QStringLiteral("+  replicas: 21")));

    const QString kustomization =
        m_session->catalog().manifestsRoot +
        QStringLiteral("/services/payment-api/overlays/prd/kustomization.yaml");
    const QByteArray good = m_session->buffers()->read(kustomization).value();
    m_session->buffers()->edit(kustomization, good + "\nresources: [unclosed\n",
                               QStringLiteral("typing"));
    m_window->liveDiff()->computeNow();
    bool sawError = false;
    for (const auto &env : m_window->liveDiff()->results()) {
        if (env.environment == QLatin1String("prd")) {
            sawError = !env.error.isEmpty();
            QCOMPARE(env.diff.changed, 1); // the previous diff stays
        }
    }
    QVERIFY(sawError);
    QVERIFY(m_window->diffPanel()->summaryText().contains(QStringLiteral("kustomization.yaml")));
    QVERIFY(m_window->diffPanel()->unifiedText().contains(QStringLiteral("+  replicas: 21")));
}

void TestMainWindow::developerCheckBoxWritesTheTerraformFile()
{
    items::DevelopersModel *model = nullptr;
    auto *proxy = static_cast<QSortFilterProxyModel *>(m_window->developersTable()->model());
    model = static_cast<items::DevelopersModel *>(proxy->sourceModel());
    int col = -1;
    for (int c = 0; c < model->columnCount(); ++c) {
        if (model->field(c) == QLatin1String("pagerduty"))
            col = c;
    }
    QVERIFY(col > 0);
    QCOMPARE(model->fieldType(col), QStringLiteral("bool"));
    int row = -1;
    for (int r = 0; r < model->rowCount() && row < 0; ++r) {
        if (model->index(r, col).data(Qt::CheckStateRole).toInt() == Qt::Unchecked)
            row = r;
    }
    QVERIFY(row >= 0);
    const QString key = model->index(row, 0).data().toString();
    QVERIFY(model->setData(model->index(row, col), Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(model->index(row, col).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    const QStringList files = m_session->buffers()->modifiedFiles();
    QCOMPARE(files.size(), 1);
    QVERIFY(files.first().endsWith(QStringLiteral("developers.auto.tfvars")));
    const QByteArray text = m_session->buffers()->read(files.first()).value();
    QVERIFY(text.contains("pagerduty"));

    // The diff panel shows the Terraform file's own text diff: one line, this developer's.
    m_window->liveDiff()->computeNow();
    const auto &accounts = m_window->liveDiff()->accountsDiffs();
    QCOMPARE(accounts.size(), 1);
    QVERIFY(accounts.first().file.endsWith(QStringLiteral("developers.auto.tfvars")));
    const QString unified = m_window->diffPanel()->unifiedText();
    QVERIFY2(unified.contains(QStringLiteral("=== accounts · ")), qPrintable(unified));
    // One line more than before: pagerduty. Other changed lines may only be re-aligned `=`
    // (terraform fmt pads an object's attributes to its longest key).
    QStringList added, removed;
    auto squeeze = [](QString line) { return line.mid(1).remove(QLatin1Char(' ')); };
    for (const QString &line : unified.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1Char('+')))
            added << squeeze(line);
        else if (line.startsWith(QLatin1Char('-')))
            removed << squeeze(line);
    }
    QVERIFY2(added.size() == removed.size() + 1 || added.size() == removed.size(),
             qPrintable(unified));
    for (const QString &line : std::as_const(removed))
        QVERIFY2(added.removeOne(line) || line.contains(QStringLiteral("pagerduty")),
                 qPrintable(unified));
    QCOMPARE(added.size(), 1);
    QVERIFY2(added.first().contains(QStringLiteral("pagerduty=true")), qPrintable(unified));
    QVERIFY(m_window->diffPanel()->summaryText().contains(QStringLiteral("accounts:")));

    m_session->buffers()->undoStack()->undo();
    QVERIFY(m_session->buffers()->modifiedFiles().isEmpty());
    m_window->liveDiff()->computeNow();
    QVERIFY(m_window->liveDiff()->accountsDiffs().isEmpty());
    QVERIFY(!m_window->diffPanel()->unifiedText().contains(QStringLiteral("=== accounts")));
    QCOMPARE(model->index(row, 0).data().toString(), key);
    QCOMPARE(model->index(row, col).data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
}

void TestMainWindow::entryFormEditsTheSelectedDeveloper()
{
    QTableView *table = m_window->developersTable();
    auto *proxy = static_cast<QSortFilterProxyModel *>(table->model());
    auto *model = static_cast<items::DevelopersModel *>(proxy->sourceModel());
    int boolColumn = -1, textColumn = -1;
    for (int c = 1; c < model->columnCount(); ++c) {
        if (model->fieldType(c) == QLatin1String("bool") && boolColumn < 0)
            boolColumn = c;
        if (model->fieldType(c) == QLatin1String("string") && textColumn < 0)
            textColumn = c;
    }
    QVERIFY(boolColumn > 0 && textColumn > 0);
    int row = -1;
    for (int r = 0; r < model->rowCount() && row < 0; ++r) {
        if (model->index(r, boolColumn).data(Qt::CheckStateRole).toInt() == Qt::Unchecked &&
            model->index(r, 0).data(items::DevelopersModel::OwnedRole).toBool())
            row = r;
    }
    QVERIFY(row >= 0);
    const QString key = model->index(row, 0).data().toString();
    table->setCurrentIndex(proxy->mapFromSource(model->index(row, 0)));

    // The form shows that developer, each field with the editor its type asks for.
    ui::EntryForm *form = m_window->entryForm();
    QCOMPARE(form->row(), row);
    auto *box = qobject_cast<QCheckBox *>(form->editor(boolColumn));
    auto *line = qobject_cast<QLineEdit *>(form->editor(textColumn));
    QVERIFY(box && line);
    QVERIFY(!box->isChecked());
    QCOMPARE(line->text(), model->index(row, textColumn).data().toString());

    // Checking the box writes the Terraform file like the table does, as an undo step.
    box->setChecked(true);
    QCOMPARE(model->index(row, boolColumn).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QCOMPARE(m_session->buffers()->modifiedFiles().size(), 1);

    // Typing a value and leaving the field writes it too.
    line->setFocus();
    line->selectAll();
    QTest::keyClicks(line, QStringLiteral("Form Typed"));
    QTest::keyClick(line, Qt::Key_Return);
    QCOMPARE(model->index(row, textColumn).data().toString(), QStringLiteral("Form Typed"));
    const QByteArray text =
        m_session->buffers()->read(m_session->buffers()->modifiedFiles().first()).value();
    QVERIFY(text.contains("Form Typed"));

    // Undo follows into the form.
    m_session->buffers()->undoStack()->undo();
    m_session->buffers()->undoStack()->undo();
    QVERIFY(m_session->buffers()->modifiedFiles().isEmpty());
    QVERIFY(!box->isChecked());
    QCOMPARE(line->text(), model->index(row, textColumn).data().toString());
    QCOMPARE(model->index(row, 0).data().toString(), key);
}

void TestMainWindow::settingEditorsFitTheirType()
{
    QTableView *table = m_window->servicesTable();
    auto *proxy = static_cast<QSortFilterProxyModel *>(table->model());
    items::ServicesModel *model = m_window->servicesModel();
    const int row = model->rowOf(QStringLiteral("payment-api"));
    auto editorFor = [&](platform::ServiceSetting setting) {
        const int col = model->column(QStringLiteral("prd"), setting);
        const QModelIndex index = proxy->mapFromSource(model->index(row, col));
        return table->itemDelegate()->createEditor(table->viewport(), QStyleOptionViewItem(),
                                                   index);
    };

    std::unique_ptr<QWidget> replicas(editorFor(platform::ServiceSetting::Replicas));
    auto *spin = qobject_cast<QSpinBox *>(replicas.get());
    QVERIFY(spin);
    QCOMPARE(spin->minimum(), 0);
    std::unique_ptr<QWidget> hpaMin(editorFor(platform::ServiceSetting::HpaMin));
    QVERIFY(qobject_cast<QSpinBox *>(hpaMin.get()));
    QCOMPARE(qobject_cast<QSpinBox *>(hpaMin.get())->minimum(), 1);

    std::unique_ptr<QWidget> tag(editorFor(platform::ServiceSetting::ImageTag));
    auto *line = qobject_cast<QLineEdit *>(tag.get());
    QVERIFY(line && line->validator());
    QString good = QStringLiteral("v1.2.3-rc_1"), bad = QStringLiteral("v1 beta");
    int pos = 0;
    QCOMPARE(line->validator()->validate(good, pos), QValidator::Acceptable);
    QCOMPARE(line->validator()->validate(bad, pos), QValidator::Invalid);

    // The developers table keeps the default editors (its roles mean other things).
    QTableView *developers = m_window->developersTable();
    std::unique_ptr<QWidget> plain(developers->itemDelegate()->createEditor(
        developers->viewport(), QStyleOptionViewItem(), developers->model()->index(0, 0)));
    QVERIFY(!qobject_cast<QSpinBox *>(plain.get()));
}

// CODEOWNERS edited but not saved: the service moves to its new team in the tree, the Source
// pane names the new owners, and undo moves everything back.
void TestMainWindow::ownershipFollowsAnUnsavedCodeOwnersEdit()
{
    m_session->setUserTeams({QStringLiteral("@demo-org/payments")});
    const QString root = m_session->catalog().manifestsRoot;
    const QString overlay =
        root + QStringLiteral("/services/payment-api/overlays/prd/kustomization.yaml");
    QVERIFY(m_window->sourceEditor()->openFile(overlay, 1, 1));
    QLabel *title = m_window->sourceEditor()->headerLabel();
    QVERIFY2(!title->text().contains(QStringLiteral("owned by")), qPrintable(title->text()));
    auto teamInTree = [this](const QString &service) {
        QAbstractItemModel *model = m_window->catalogTree()->model();
        for (int t = 0; t < model->rowCount(); ++t) {
            const QModelIndex team = model->index(t, 0);
            for (int r = 0; r < model->rowCount(team); ++r)
                if (model->index(r, 0, team).data(items::CatalogTreeModel::ServiceRole) == service)
                    return team.data().toString();
        }
        return QString();
    };
    QCOMPARE(teamInTree(QStringLiteral("payment-api")), QStringLiteral("@demo-org/payments"));

    const QString owners = root + QStringLiteral("/.github/CODEOWNERS");
    QByteArray text = *m_session->buffers()->read(owners);
    const QByteArray line = "/services/payment-api/         @demo-org/payments";
    QVERIFY(text.contains(line));
    text.replace(line, "/services/payment-api/         @demo-org/growth");
    QVERIFY(m_session->buffers()->edit(owners, text, QStringLiteral("Give payment-api away")));
    QCOMPARE(m_session->catalog().service(QStringLiteral("payment-api"))->team,
             QStringLiteral("@demo-org/growth"));
    // The tree is built again on a worker.
    QTRY_COMPARE(teamInTree(QStringLiteral("payment-api")), QStringLiteral("@demo-org/growth"));
    QVERIFY(!m_session->ownsFile(overlay));
    QVERIFY2(title->text().contains(QStringLiteral("owned by @demo-org/growth")),
             qPrintable(title->text()));

    m_session->buffers()->undoStack()->undo();
    QTRY_COMPARE(teamInTree(QStringLiteral("payment-api")), QStringLiteral("@demo-org/payments"));
    QVERIFY(m_session->ownsFile(overlay));
    QVERIFY2(!title->text().contains(QStringLiteral("owned by")), qPrintable(title->text()));
}

items::CatalogTreeModel *TestMainWindow::treeModel(ui::MainWindow *window)
{
    auto *proxy = static_cast<QSortFilterProxyModel *>(window->catalogTree()->model());
    return qobject_cast<items::CatalogTreeModel *>(proxy->sourceModel());
}

// Opening 20,000 services once stalled the GUI thread a quarter of a second here: the tree's
// 80,000 nodes were built and the first screen of the services table rendered inside
// setSession(). Both happen on workers now, and the window fills in when they are in.
void TestMainWindow::settingTheSessionBuildsAndRendersNothingHere()
{
    auto opened = platform::Session::open(*m_demo);
    QVERIFY(opened.has_value());
    std::unique_ptr<platform::Session> session = std::move(*opened);
    const quint64 renders = session->renderer()->renderCount();
    ui::MainWindow window;
    window.setSession(session.get());
    items::CatalogTreeModel *tree = treeModel(&window);
    QVERIFY(tree->isBuilding());
    QCOMPARE(tree->rowCount(), 0);
    QCOMPARE(session->renderer()->renderCount(), renders); // the table's sizing rendered nothing
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY(!tree->isBuilding());
    QCOMPARE(tree->buildsOnThisThread(), 0);
    QVERIFY(tree->rowCount() > 0);
    QVERIFY(window.catalogTree()->isExpanded(window.catalogTree()->model()->index(0, 0)));

    // The first screen of the services table fills in as its values come from a worker.
    items::ServicesModel *model = window.servicesModel();
    const int row = model->rowOf(QStringLiteral("payment-api"));
    const int prd = model->column(QStringLiteral("prd"), platform::ServiceSetting::Replicas);
    QTRY_VERIFY(!session->valuesPending());
    int prdEnv = -1;
    for (int e = 0; e < session->catalog().services.at(row).environments.size(); ++e) {
        if (session->catalog().services.at(row).environments.at(e).name == QLatin1String("prd"))
            prdEnv = e;
    }
    QVERIFY(session->hasValues(row, prdEnv));
    QCOMPARE(model->index(row, prd).data().toInt(), *session->values(row, prdEnv).replicas);
    window.setSession(nullptr);
}

// Selecting (a finding, the palette, --select) right after the session is set does not wait
// for the worker's nodes to come by themselves: they are made to land first.
void TestMainWindow::selectingRightAfterSetSessionLandsOnTheService()
{
    auto opened = platform::Session::open(*m_demo);
    QVERIFY(opened.has_value());
    std::unique_ptr<platform::Session> session = std::move(*opened);
    ui::MainWindow window;
    window.setSession(session.get());
    QVERIFY(treeModel(&window)->isBuilding());
    window.selectService(QStringLiteral("payment-api"));
    QVERIFY(!treeModel(&window)->isBuilding());
    const QModelIndex current = window.catalogTree()->currentIndex();
    QCOMPARE(current.data(items::CatalogTreeModel::ServiceRole).toString(),
             QStringLiteral("payment-api"));
    QCOMPARE(window.liveDiff()->service(),
             window.servicesModel()->rowOf(QStringLiteral("payment-api")));
    window.setSession(nullptr);
}

// A service made of unsaved files builds the tree again (on a worker): meanwhile the old nodes
// stay; then the current item and what was expanded are where they were.
void TestMainWindow::treeKeepsItsPlaceWhenBuiltAgain()
{
    QTreeView *view = m_window->catalogTree();
    items::CatalogTreeModel *tree = treeModel(m_window.get());
    m_window->selectService(QStringLiteral("payment-api"));
    const QModelIndex service = view->currentIndex();
    view->expand(service);
    QModelIndex prd;
    for (int r = 0; r < view->model()->rowCount(service); ++r) {
        if (view->model()->index(r, 0, service).data().toString() == QLatin1String("prd"))
            prd = view->model()->index(r, 0, service);
    }
    QVERIFY(prd.isValid());
    view->setCurrentIndex(prd);
    const int liveService = m_window->liveDiff()->service();

    const platform::Catalog &c = m_session->catalog();
    const platform::Service *s = c.service(QStringLiteral("payment-api"));
    QVERIFY(s);
    const QString from = QDir(c.manifestsRoot).filePath(s->path);
    const QString to = QDir(c.manifestsRoot).filePath(QStringLiteral("services/payment-copy"));
    QUndoStack *stack = m_session->buffers()->undoStack();
    stack->beginMacro(QStringLiteral("New microservice payment-copy"));
    QDirIterator it(from, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        QByteArray text = m_session->buffers()->read(file).value_or(QByteArray());
        text.replace("payment-api", "payment-copy");
        QVERIFY(m_session->buffers()->edit(to + file.mid(from.size()), text,
                                           QStringLiteral("new file")));
    }
    stack->endMacro();
    QVERIFY(c.service(QStringLiteral("payment-copy")));
    QVERIFY(tree->isBuilding());
    QCOMPARE(view->currentIndex().data(items::CatalogTreeModel::EnvironmentRole).toString(),
             QStringLiteral("prd")); // the old nodes, still shown

    QTRY_VERIFY(!tree->isBuilding());
    const QModelIndex current = view->currentIndex();
    QCOMPARE(current.data(items::CatalogTreeModel::ServiceRole).toString(),
             QStringLiteral("payment-api"));
    QCOMPARE(current.data(items::CatalogTreeModel::EnvironmentRole).toString(),
             QStringLiteral("prd"));
    QVERIFY(view->isExpanded(current.parent()));
    QCOMPARE(m_window->liveDiff()->service(), liveService);
    m_window->selectService(QStringLiteral("payment-copy"));
    QCOMPARE(view->currentIndex().data(items::CatalogTreeModel::ServiceRole).toString(),
             QStringLiteral("payment-copy"));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
