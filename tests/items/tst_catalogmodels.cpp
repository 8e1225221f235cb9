#include "core/fileio.h"
#include "core/latestresult.h"
#include "core/workerpool.h"
#include "items/catalogtreemodel.h"
#include "items/containersmodel.h"
#include "items/developersmodel.h"
#include "items/quantityvalidator.h"
#include "items/servicesmodel.h"
#include "platform/session.h"
#include "tests/testsupport/catalogfixture.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFont>
#include <QImage>
#include <QPainter>
#include <QRandomGenerator>
#include <QSemaphore>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace kanri;
using platform::ContainerField;
using Tester = QAbstractItemModelTester;

class TestCatalogModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void treeGroupsByTeamWithLazyResources();
    void treeGroupsByNamespace();
    void treeFilterMatchesSearchText();
    void treeMarksTheBrokenServiceOnly();
    void treeRendersAgainAfterAnEdit();
    void treeShowsARenderErrorAsAnErrorChild();
    void treeDropsStaleRenders();
    void treeBuildsItsNodesOnAWorker();
    void treeFinishBuildLandsThePendingBuildNow();

    void developersTypesAreRespected();
    void developersNewRowGetsDefaultsAndAPlaceholderKey();
    void developersRenameAndRemove();
    void developersIncrementalEditsMatchAFreshLoad();
    void developersExpressionCellsAreEditedAsSource();
    void developersTemplateKeysAreRenamedAsWritten();

    void servicesPrdReplicasEditChangesOnlyThePrdOverlay();
    void servicesFollowAServiceMadeOfUnsavedFiles();
    void servicesFollowTheirMicroserviceEntries();
    void servicesRenderPaintedValuesOnAWorker();
    void servicesValuesThatAgreeWithTheEditSignalNothing();
    void servicesFetchedValuesFollowAnEditMadeMeanwhile();

    void containersShowEveryEnvironment();
    void containersEditGoesIntoTheOverlay_data();
    void containersEditGoesIntoTheOverlay();
    void containersRefuseBadValues_data();
    void containersRefuseBadValues();
    void containersAllEnvironmentsWritesTheBase();

    void quantityValidator_data();
    void quantityValidator();

    void backgroundWorkLeavesQtsPoolToPainting();

private:
    QString manifests(const QString &rel) const
    {
        return m_dir->filePath(QStringLiteral("manifests/") + rel);
    }
    QByteArray bytes(const QString &path) const
    {
        return m_session->buffers()->read(path).value_or("<missing>");
    }
    void open(const test::FixtureOptions &options = {});

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<platform::Session> m_session;
};

void TestCatalogModels::init()
{
    QStandardPaths::setTestModeEnabled(true);
    m_dir = std::make_unique<QTemporaryDir>();
    open();
}

void TestCatalogModels::open(const test::FixtureOptions &options)
{
    m_session.reset();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(test::writeWorkspace(m_dir->path(), options));
    auto ws = platform::Workspace::load(m_dir->path());
    QVERIFY2(ws.has_value(), qPrintable(ws ? QString() : ws.error().toString()));
    auto session = platform::Session::open(*ws);
    QVERIFY2(session.has_value(), qPrintable(session ? QString() : session.error().toString()));
    m_session = std::move(*session);
}

void TestCatalogModels::cleanup()
{
    m_session.reset();
    m_dir.reset();
}

static QStringList childNames(const QAbstractItemModel &m, const QModelIndex &parent)
{
    QStringList names;
    for (int r = 0; r < m.rowCount(parent); ++r)
        names << m.index(r, 0, parent).data().toString();
    return names;
}

// Every node's name, depth first, indented by its depth.
static QStringList treeNames(const QAbstractItemModel &m, const QModelIndex &parent = {},
                             const QString &indent = {})
{
    QStringList names;
    for (int r = 0; r < m.rowCount(parent); ++r) {
        const QModelIndex child = m.index(r, 0, parent);
        names << indent + child.data().toString() + QLatin1Char('|') +
                     m.index(r, 1, parent).data().toString();
        names << treeNames(m, child, indent + QLatin1Char(' '));
    }
    return names;
}

void TestCatalogModels::treeGroupsByTeamWithLazyResources()
{
    {
        // Nothing rendered until an environment is expanded. (The tester below expands
        // everything it checks, so this part runs without it.)
        items::CatalogTreeModel lazy;
        lazy.setSession(m_session.get());
        const QModelIndex prd = lazy.index(2, 0, lazy.index(0, 0, lazy.index(0, 0)));
        QCOMPARE(prd.data().toString(), QStringLiteral("prd"));
        QVERIFY(lazy.hasChildren(prd));
        QCOMPARE(lazy.rowCount(prd), 0);
        QVERIFY(lazy.canFetchMore(prd));
        // Rows inserted under prd, by kind: a "Rendering…" row first, then the resources.
        QList<int> inserted;
        QString renderingText;
        connect(&lazy, &QAbstractItemModel::rowsInserted, this,
                [&](const QModelIndex &parent, int first) {
                    if (parent != prd)
                        return;
                    const QModelIndex row = lazy.index(first, 0, parent);
                    inserted << row.data(items::CatalogTreeModel::KindRole).toInt();
                    if (inserted.size() == 1)
                        renderingText =
                            row.data().toString() + u'@' +
                            row.data(items::CatalogTreeModel::EnvironmentRole).toString();
                });
        lazy.fetchMore(prd);
        QVERIFY(!lazy.canFetchMore(prd));
        QCOMPARE(lazy.rowCount(prd), 0); // rows arrive on the next event-loop turn
        QVERIFY(lazy.hasChildren(prd));
        QTRY_COMPARE(lazy.rowCount(prd), 2);
        QCOMPARE(inserted, (QList<int>{int(items::CatalogTreeModel::NodeKind::Rendering),
                                       int(items::CatalogTreeModel::NodeKind::Resource)}));
        QCOMPARE(renderingText, QStringLiteral("Rendering…@prd"));
        QCOMPARE(lazy.index(0, 0, prd).data(items::CatalogTreeModel::KindRole).toInt(),
                 int(items::CatalogTreeModel::NodeKind::Resource));
        QVERIFY(lazy.canFetchMore(lazy.index(1, 0, lazy.index(0, 0, lazy.index(0, 0))))); // stg
    }
    items::CatalogTreeModel model;
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    model.setSession(m_session.get());
    QCOMPARE(childNames(model, {}), (QStringList{"@org/team-0", "@org/team-1"}));
    const QModelIndex team0 = model.index(0, 0);
    QCOMPARE(childNames(model, team0), (QStringList{"svc-0000", "svc-0002"}));
    const QModelIndex svc = model.index(0, 0, team0);
    QCOMPARE(childNames(model, svc), (QStringList{"dev", "stg", "prd"}));
    const QModelIndex prd = model.index(2, 0, svc);
    QCOMPARE(prd.siblingAtColumn(1).data().toString(), QStringLiteral("svc-0000"));
    QCOMPARE(model.index(0, 1, svc).data().toString(), QStringLiteral("dev-shared"));
    model.fetchMore(prd);
    QTRY_COMPARE(model.rowCount(prd), 2);
    QCOMPARE(childNames(model, prd), (QStringList{"Service/svc-0000", "Deployment/svc-0000"}));
    QCOMPARE(model.index(1, 0, prd).data(items::CatalogTreeModel::KindRole).toInt(),
             int(items::CatalogTreeModel::NodeKind::Resource));
    QCOMPARE(model.index(1, 0, prd).data(items::CatalogTreeModel::EnvironmentRole).toString(),
             QStringLiteral("prd"));
}

void TestCatalogModels::treeGroupsByNamespace()
{
    items::CatalogTreeModel model;
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    model.setSession(m_session.get());
    QSignalSpy changed(&model, &items::CatalogTreeModel::groupingChanged);
    model.setProperty("grouping",
                      QVariant::fromValue(items::CatalogTreeModel::Grouping::NamespaceFirst));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.grouping(), items::CatalogTreeModel::Grouping::NamespaceFirst);
    QCOMPARE(childNames(model, {}),
             (QStringList{"dev-shared", "svc-0000", "svc-0001", "svc-0002"}));
    const QModelIndex shared = model.index(0, 0);
    QCOMPARE(model.index(0, 0).data(items::CatalogTreeModel::KindRole).toInt(),
             int(items::CatalogTreeModel::NodeKind::Namespace));
    QCOMPARE(childNames(model, shared), (QStringList{"svc-0000", "svc-0001", "svc-0002"}));
    QCOMPARE(childNames(model, model.index(0, 0, shared)), QStringList{"dev"});
    QCOMPARE(childNames(model, model.index(0, 0, model.index(1, 0))), (QStringList{"stg", "prd"}));
    const QModelIndex dev = model.index(0, 0, model.index(0, 0, shared));
    model.fetchMore(dev);
    QTRY_COMPARE(model.rowCount(dev), 2);
    model.setGrouping(items::CatalogTreeModel::Grouping::TeamFirst);
    QCOMPARE(model.rowCount(), 2);
}

void TestCatalogModels::treeFilterMatchesSearchText()
{
    items::CatalogTreeModel model;
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    model.setSession(m_session.get());
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setFilterRole(items::CatalogTreeModel::SearchTextRole);
    proxy.setRecursiveFilteringEnabled(true);
    proxy.setFilterFixedString(QStringLiteral("svc-0001"));
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(childNames(proxy, proxy.index(0, 0)), QStringList{"svc-0001"});
    model.setGrouping(items::CatalogTreeModel::Grouping::NamespaceFirst);
    proxy.setFilterFixedString(QStringLiteral("dev-shared"));
    QCOMPARE(childNames(proxy, {}), QStringList{"dev-shared"});
    QCOMPARE(proxy.rowCount(proxy.index(0, 0)), 3);
}

void TestCatalogModels::treeMarksTheBrokenServiceOnly()
{
    open({.brokenStg = true});
    items::CatalogTreeModel model;
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    model.setSession(m_session.get());
    const QModelIndex team1 = model.index(1, 0);
    const QModelIndex broken = model.index(0, 0, team1);
    QCOMPARE(broken.data().toString(), QStringLiteral("svc-0001"));
    QVERIFY(broken.data(items::CatalogTreeModel::BrokenRole).toBool());
    QVERIFY(broken.data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("services/svc-0001/overlays/stg/kustomization.yaml:")));
    QVERIFY(broken.data(Qt::DecorationRole).isValid());
    QCOMPARE(broken.siblingAtColumn(1).data().toString(), QStringLiteral("broken"));
    const QModelIndex stg = model.index(1, 0, broken);
    QVERIFY(stg.data(items::CatalogTreeModel::BrokenRole).toBool());
    QVERIFY(!model.canFetchMore(stg));
    QVERIFY(!model.index(0, 0, broken).data(items::CatalogTreeModel::BrokenRole).toBool());
    const QModelIndex team0 = model.index(0, 0);
    for (int r = 0; r < model.rowCount(team0); ++r)
        QVERIFY(!model.index(r, 0, team0).data(items::CatalogTreeModel::BrokenRole).toBool());
}

void TestCatalogModels::treeRendersAgainAfterAnEdit()
{
    items::CatalogTreeModel model;
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    model.setSession(m_session.get());
    const QModelIndex svc = model.index(0, 0, model.index(0, 0));
    const QPersistentModelIndex prd = model.index(2, 0, svc);
    model.fetchMore(prd);
    QTRY_COMPARE(model.rowCount(prd), 2);
    QVERIFY(m_session->setContainerField(0, 2, QStringLiteral("app"), ContainerField::CpuRequest,
                                         {}, QStringLiteral("250m")));
    // Forgotten at once ("Rendering…"), rendered again on a worker after this turn.
    QCOMPARE(model.rowCount(prd), 1);
    QCOMPARE(model.index(0, 0, prd).data(items::CatalogTreeModel::KindRole).toInt(),
             int(items::CatalogTreeModel::NodeKind::Rendering));
    QTRY_COMPARE(model.rowCount(prd), 2);
    QCOMPARE(model.index(0, 0, prd).data(items::CatalogTreeModel::KindRole).toInt(),
             int(items::CatalogTreeModel::NodeKind::Resource));
}

void TestCatalogModels::treeShowsARenderErrorAsAnErrorChild()
{
    items::CatalogTreeModel model;
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    model.setSession(m_session.get());
    const QModelIndex svc = model.index(0, 0, model.index(0, 0));
    const QPersistentModelIndex prd = model.index(2, 0, svc);
    QTRY_COMPARE(model.rowCount(prd), 2); // the tester expanded everything
    const QString kustomization =
        manifests(QStringLiteral("services/svc-0000/overlays/prd/kustomization.yaml"));
    QVERIFY(m_session->buffers()->edit(kustomization, "resources:\n  - missing.yaml\n",
                                       QStringLiteral("break")));
    QTRY_COMPARE(model.index(0, 0, prd).data(items::CatalogTreeModel::KindRole).toInt(),
                 int(items::CatalogTreeModel::NodeKind::RenderError));
    QCOMPARE(model.rowCount(prd), 1);
    const QModelIndex error = model.index(0, 0, prd);
    QVERIFY2(error.data().toString().contains(QStringLiteral("missing.yaml")),
             qPrintable(error.data().toString()));
    QCOMPARE(error.data(Qt::ToolTipRole).toString(), error.data().toString());
    QVERIFY(error.data(items::CatalogTreeModel::BrokenRole).toBool());
    QCOMPARE(error.data(items::CatalogTreeModel::ErrorRole).toString(), error.data().toString());
    QVERIFY(prd.data(items::CatalogTreeModel::BrokenRole).toBool());
    // Fixed again: the resources come back and the environment is no longer broken.
    m_session->buffers()->undoStack()->undo();
    QTRY_COMPARE(model.index(0, 0, prd).data(items::CatalogTreeModel::KindRole).toInt(),
                 int(items::CatalogTreeModel::NodeKind::Resource));
    QCOMPARE(model.rowCount(prd), 2);
    QVERIFY(!prd.data(items::CatalogTreeModel::BrokenRole).toBool());
}

void TestCatalogModels::treeDropsStaleRenders()
{
    items::CatalogTreeModel model;
    model.setSession(m_session.get());
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    const QModelIndex svc = model.index(0, 0, model.index(0, 0));
    const QPersistentModelIndex prd = model.index(2, 0, svc);
    const QString kustomization =
        manifests(QStringLiteral("services/svc-0000/overlays/prd/kustomization.yaml"));
    const QByteArray withConfigMap = bytes(kustomization) +
                                     "configMapGenerator:\n  - name: extra\n    literals:\n"
                                     "      - A=1\n";
    // Several edits while renders run: only the last content may show, however the workers
    // finish.
    for (int i = 0; i < 5; ++i) {
        model.fetchMore(prd);
        QVERIFY(m_session->buffers()->edit(kustomization,
                                           i % 2 ? bytes(kustomization) + "\n" : withConfigMap,
                                           QStringLiteral("edit %1").arg(i)));
    }
    QTRY_COMPARE(model.rowCount(prd), 3);
    QTRY_COMPARE(model.index(0, 0, prd).data(items::CatalogTreeModel::KindRole).toInt(),
                 int(items::CatalogTreeModel::NodeKind::Resource));
    QTest::qWait(300); // a stale result arriving late must not replace these rows
    QCOMPARE(model.rowCount(prd), 3);
    QVERIFY(childNames(model, prd).join(u' ').contains(QStringLiteral("ConfigMap/extra-")));

    // Rebuilt, and the session gone, while renders run: nothing arrives, nothing crashes.
    const QModelIndex stg = model.index(1, 0, model.index(0, 0, model.index(0, 0)));
    QCOMPARE(stg.data().toString(), QStringLiteral("stg"));
    QVERIFY(m_session->buffers()->edit(kustomization, bytes(kustomization) + "\n",
                                       QStringLiteral("again")));
    model.setGrouping(items::CatalogTreeModel::Grouping::NamespaceFirst);
    QVERIFY(m_session->buffers()->edit(kustomization, bytes(kustomization) + "\n",
                                       QStringLiteral("and again")));
    m_session.reset();
    QCOMPARE(model.rowCount(), 0);
    QTest::qWait(300);
    QCOMPARE(model.rowCount(), 0);
}

// The nodes (80,000 on 20,000 services) are built on a worker and come in with a reset;
// setSession() builds none. A rebuild shows the old nodes until the new ones are in.
void TestCatalogModels::treeBuildsItsNodesOnAWorker()
{
    items::CatalogTreeModel here;
    here.setSession(m_session.get());
    QCOMPARE(here.buildsOnThisThread(), 1);
    QVERIFY(!here.isBuilding());

    items::CatalogTreeModel model;
    model.setBuild(items::CatalogTreeModel::Build::InBackground);
    // No QAbstractItemModelTester here: it fetches (renders) every environment it checks.
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setSession(m_session.get());
    QVERIFY(model.isBuilding());
    QCOMPARE(model.rowCount(), 0);
    QTRY_VERIFY(!model.isBuilding());
    QCOMPARE(model.buildsOnThisThread(), 0);
    QCOMPARE(reset.count(), 2); // emptied at once, filled when the worker's nodes came
    QCOMPARE(treeNames(model), treeNames(here));

    const QStringList teams = childNames(model, {});
    model.setGrouping(items::CatalogTreeModel::Grouping::NamespaceFirst);
    QVERIFY(model.isBuilding());
    QCOMPARE(childNames(model, {}), teams);
    // Expanding an old node meanwhile renders nothing (its numbers may be out of date).
    const QModelIndex env = model.index(0, 0, model.index(0, 0, model.index(0, 0)));
    QVERIFY(model.canFetchMore(env));
    const quint64 renders = m_session->renderer()->renderCount();
    model.fetchMore(env);
    QTRY_VERIFY(!model.isBuilding());
    here.setGrouping(items::CatalogTreeModel::Grouping::NamespaceFirst);
    QCOMPARE(treeNames(model), treeNames(here));
    QCOMPARE(model.buildsOnThisThread(), 0);
    QTest::qWait(50);
    QCOMPARE(m_session->renderer()->renderCount(), renders);

    // The session goes: empty at once, nothing left to build.
    m_session.reset();
    QVERIFY(!model.isBuilding());
    QCOMPARE(model.rowCount(), 0);
}

void TestCatalogModels::treeFinishBuildLandsThePendingBuildNow()
{
    items::CatalogTreeModel here;
    here.setSession(m_session.get());
    items::CatalogTreeModel model;
    model.setBuild(items::CatalogTreeModel::Build::InBackground);
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    model.setSession(m_session.get());
    QVERIFY(model.isBuilding());
    model.finishBuild();
    QVERIFY(!model.isBuilding());
    QCOMPARE(treeNames(model), treeNames(here));
    // Nothing more comes from the worker.
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QTest::qWait(50);
    QCOMPARE(reset.count(), 0);
}

void TestCatalogModels::developersTypesAreRespected()
{
    items::DevelopersModel model(m_session.get());
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.columnCount(), 7); // key + 6 fields
    const int admin = int(m_session->catalog().developerFields.indexOf("admin")) + 1;
    const int level = int(m_session->catalog().developerFields.indexOf("level")) + 1;
    const int groups = int(m_session->catalog().developerFields.indexOf("groups")) + 1;
    QCOMPARE(model.index(0, admin).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QCOMPARE(model.index(1, admin).data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    QVERIFY(!model.index(1, admin).data(Qt::DisplayRole).isValid());
    QVERIFY(model.flags(model.index(1, admin)) & Qt::ItemIsUserCheckable);
    QCOMPARE(model.index(1, level).data(Qt::EditRole).typeId(), QMetaType::LongLong);
    QCOMPARE(model.index(1, level).data().toInt(), 1); // the schema default

    QVERIFY(model.setData(model.index(1, admin), Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(model.index(1, admin).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QVERIFY(model.setData(model.index(1, level), 3));
    QCOMPARE(model.index(1, level).data().toInt(), 3);
    QSignalSpy failed(&model, &items::DevelopersModel::editFailed);
    QVERIFY(!model.setData(model.index(1, level), QStringLiteral("three")));
    QCOMPARE(failed.count(), 1);
    QVERIFY(model.setData(model.index(1, groups), QStringLiteral("a, b")));
    QCOMPARE(model.index(1, groups).data().toString(), QStringLiteral("a, b"));
    const QByteArray tfvars =
        bytes(m_dir->filePath(QStringLiteral("accounts/developers.auto.tfvars")));
    QVERIFY2(tfvars.contains("groups = [\"a\", \"b\"]"), tfvars.constData());
    QVERIFY2(tfvars.contains("level  = 3"), tfvars.constData());
}

void TestCatalogModels::developersNewRowGetsDefaultsAndAPlaceholderKey()
{
    items::DevelopersModel model(m_session.get());
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    const QString tfvars = m_dir->filePath(QStringLiteral("accounts/developers.auto.tfvars"));
    const QByteArray before = bytes(tfvars);
    QVERIFY(model.insertRows(model.rowCount(), 1));
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.index(4, 0).data().toString(), QStringLiteral("new-developer"));
    const int name = int(m_session->catalog().developerFields.indexOf("name")) + 1;
    const int admin = int(m_session->catalog().developerFields.indexOf("admin")) + 1;
    QVERIFY(model.isRequired(name));
    QVERIFY(!model.isRequired(admin));
    QVERIFY(model.index(4, name).data(items::DevelopersModel::MissingRole).toBool());
    QVERIFY(!model.index(0, name).data(items::DevelopersModel::MissingRole).toBool());
    QCOMPARE(model.index(4, admin).data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));

    QVERIFY(model.insertRows(0, 2)); // appended whatever the row: the map grows at its end
    QCOMPARE(model.rowCount(), 7);
    QCOMPARE(model.index(5, 0).data().toString(), QStringLiteral("new-developer-2"));
    QCOMPARE(model.index(6, 0).data().toString(), QStringLiteral("new-developer-3"));

    QVERIFY(model.setData(model.index(4, name), QStringLiteral("Aoi Sato")));
    QVERIFY(!model.index(4, name).data(items::DevelopersModel::MissingRole).toBool());

    QUndoStack *undo = m_session->buffers()->undoStack();
    while (undo->canUndo())
        undo->undo();
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(bytes(tfvars), before);
}

void TestCatalogModels::developersRenameAndRemove()
{
    items::DevelopersModel model(m_session.get());
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    QVERIFY(model.flags(model.index(0, 0)) & Qt::ItemIsEditable);
    QVERIFY(model.setData(model.index(1, 0), QStringLiteral("asato")));
    QCOMPARE(model.index(1, 0).data().toString(), QStringLiteral("asato"));
    QSignalSpy failed(&model, &items::DevelopersModel::editFailed);
    QVERIFY(!model.setData(model.index(1, 0), QStringLiteral("dev0"))); // taken
    QVERIFY(!model.setData(model.index(1, 0), QStringLiteral("not a key")));
    QCOMPARE(failed.count(), 2);
    QVERIFY(model.removeRows(1, 2));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(1, 0).data().toString(), QStringLiteral("dev3"));
    m_session->buffers()->undoStack()->undo(); // one step for both rows
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.index(2, 0).data().toString(), QStringLiteral("dev2"));
}

// Every cell of the developers table, with the location (file:line) of each row.
static QStringList tableText(const items::DevelopersModel &model)
{
    QStringList rows;
    for (int r = 0; r < model.rowCount(); ++r) {
        QStringList cells{model.index(r, 0).data(items::DevelopersModel::LocationRole).toString()};
        for (int c = 0; c < model.columnCount(); ++c) {
            const QModelIndex i = model.index(r, c);
            cells << i.data().toString() << i.data(Qt::CheckStateRole).toString()
                  << i.data(items::DevelopersModel::MissingRole).toString();
        }
        rows << cells.join(u'|');
    }
    return rows;
}

void TestCatalogModels::developersIncrementalEditsMatchAFreshLoad()
{
    // One-cell edits update the parsed file and the catalog entry by entry. After a random
    // series of them (values that change lengths and line counts, renames, new and removed
    // rows, undo), the table must read exactly as a session loaded from the saved files.
    open({.services = 2, .developers = 40});
    const QString tfvars = m_dir->filePath(QStringLiteral("accounts/developers.auto.tfvars"));
    const QByteArray original = bytes(tfvars);
    items::DevelopersModel model(m_session.get());
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    QRandomGenerator rng(42);
    const QStringList values = {QStringLiteral("A"), QStringLiteral("Developer with a long name"),
                                QStringLiteral("名前"), QStringLiteral("x \"quoted\"")};
    int edits = 0;
    for (int round = 0; round < 4; ++round) {
        for (int step = 0; step < 40; ++step) {
            const int row = rng.bounded(model.rowCount());
            const int col = rng.bounded(model.columnCount());
            const QString type = model.fieldType(col);
            const int what = rng.bounded(20);
            if (what == 0) {
                QVERIFY(model.insertRows(model.rowCount(), 1));
            } else if (what == 1 && model.rowCount() > 5) {
                QVERIFY(model.removeRows(row, 1));
            } else if (what == 2) {
                m_session->buffers()->undoStack()->undo();
            } else if (col == 0) {
                QVERIFY(model.setData(model.index(row, 0), QStringLiteral("k%1").arg(++edits)));
            } else if (type == QLatin1String("bool")) {
                QVERIFY(model.setData(model.index(row, col),
                                      rng.bounded(2) ? Qt::Checked : Qt::Unchecked,
                                      Qt::CheckStateRole));
            } else if (type == QLatin1String("number")) {
                QVERIFY(model.setData(model.index(row, col), rng.bounded(100)));
            } else if (type.startsWith(QLatin1String("list"))) {
                QVERIFY(model.setData(model.index(row, col),
                                      rng.bounded(2) ? QStringLiteral("a, b") : QString()));
            } else {
                QVERIFY(model.setData(model.index(row, col), values[rng.bounded(4)]));
            }
            ++edits;
        }
        QVERIFY(m_session->save());
        auto ws = platform::Workspace::load(m_dir->path());
        QVERIFY(ws.has_value());
        auto fresh = platform::Session::open(*ws);
        QVERIFY(fresh.has_value());
        items::DevelopersModel freshModel(fresh->get());
        QCOMPARE(tableText(model), tableText(freshModel));
    }
    // Undo all the way: the exact bytes of the start.
    QUndoStack *undo = m_session->buffers()->undoStack();
    while (undo->canUndo())
        undo->undo();
    QCOMPARE(bytes(tfvars), original);
    auto ws = platform::Workspace::load(m_dir->path());
    QVERIFY(ws.has_value());
    QVERIFY(test::writeText(tfvars, original));
    auto fresh = platform::Session::open(*ws);
    QVERIFY(fresh.has_value());
    items::DevelopersModel freshModel(fresh->get());
    QCOMPARE(tableText(model), tableText(freshModel));
}

void TestCatalogModels::developersExpressionCellsAreEditedAsSource()
{
    const QString tfvars = m_dir->filePath(QStringLiteral("accounts/developers.auto.tfvars"));
    m_session.reset();
    QVERIFY(test::writeText(tfvars, "developers = {\n  dev0 = {\n    name   = \"A\"\n"
                                    "    github = local.gh[\"dev0\"]\n    email  = \"a@x.org\"\n"
                                    "    admin  = var.admins\n  }\n}\n"));
    auto ws = platform::Workspace::load(m_dir->path());
    QVERIFY(ws.has_value());
    auto session = platform::Session::open(*ws);
    QVERIFY(session.has_value());
    m_session = std::move(*session);

    items::DevelopersModel model(m_session.get());
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    const int github = int(m_session->catalog().developerFields.indexOf("github")) + 1;
    const int admin = int(m_session->catalog().developerFields.indexOf("admin")) + 1;
    const int email = int(m_session->catalog().developerFields.indexOf("email")) + 1;
    // shown as its source, marked as an expression, whatever the column's type
    QCOMPARE(model.index(0, github).data().toString(), QStringLiteral("local.gh[\"dev0\"]"));
    QCOMPARE(model.index(0, github).data(items::DevelopersModel::TypeRole).toString(),
             QStringLiteral("expression"));
    QVERIFY(model.index(0, github).data(Qt::FontRole).value<QFont>().italic());
    QCOMPARE(model.index(0, email).data(items::DevelopersModel::TypeRole).toString(),
             QStringLiteral("string"));
    QCOMPARE(model.index(0, admin).data().toString(), QStringLiteral("var.admins"));
    QVERIFY(!model.index(0, admin).data(Qt::CheckStateRole).isValid());
    QVERIFY(model.flags(model.index(0, admin)) & Qt::ItemIsEditable);
    QVERIFY(!(model.flags(model.index(0, admin)) & Qt::ItemIsUserCheckable));

    // edited as source text, never quoted
    QVERIFY(model.setData(model.index(0, github), QStringLiteral("local.gh[\"other\"]")));
    QVERIFY2(bytes(tfvars).contains("    github = local.gh[\"other\"]\n"),
             bytes(tfvars).constData());
    QCOMPARE(model.index(0, github).data().toString(), QStringLiteral("local.gh[\"other\"]"));
    QSignalSpy failed(&model, &items::DevelopersModel::editFailed);
    const QByteArray before = bytes(tfvars);
    QVERIFY(!model.setData(model.index(0, github), QStringLiteral("local.gh[")));
    QVERIFY(!model.setData(model.index(0, github), QString()));
    QCOMPARE(failed.count(), 2);
    QCOMPARE(bytes(tfvars), before);
    // source that is a literal makes the cell a literal of its column again
    QVERIFY(model.setData(model.index(0, admin), QStringLiteral("true")));
    QCOMPARE(model.index(0, admin).data(items::DevelopersModel::TypeRole).toString(),
             QStringLiteral("bool"));
    QCOMPARE(model.index(0, admin).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    m_session->buffers()->undoStack()->undo();
    QCOMPARE(model.index(0, admin).data().toString(), QStringLiteral("var.admins"));
}

void TestCatalogModels::developersTemplateKeysAreRenamedAsWritten()
{
    const QString tfvars = m_dir->filePath(QStringLiteral("accounts/developers.auto.tfvars"));
    m_session.reset();
    QVERIFY(test::writeText(tfvars, "developers = {\n  \"${var.prefix}-dev0\" = {\n"
                                    "    name   = \"A\"\n    github = \"a\"\n  }\n}\n"));
    auto ws = platform::Workspace::load(m_dir->path());
    QVERIFY(ws.has_value());
    auto session = platform::Session::open(*ws);
    QVERIFY(session.has_value());
    m_session = std::move(*session);

    items::DevelopersModel model(m_session.get());
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("${var.prefix}-dev0"));
    QVERIFY(model.setData(model.index(0, 0), QStringLiteral("${var.prefix}-dev9")));
    QVERIFY2(bytes(tfvars).contains("  \"${var.prefix}-dev9\" = {\n"), bytes(tfvars).constData());
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("${var.prefix}-dev9"));
    QSignalSpy failed(&model, &items::DevelopersModel::editFailed);
    QVERIFY(!model.setData(model.index(0, 0), QStringLiteral("${var.prefix")));
    QCOMPARE(failed.count(), 1);
    QVERIFY(bytes(tfvars).contains("${var.prefix}-dev9"));
}

void TestCatalogModels::servicesPrdReplicasEditChangesOnlyThePrdOverlay()
{
    items::ServicesModel model(m_session.get());
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    const int row = model.rowOf(QStringLiteral("svc-0002"));
    const int col = model.column(QStringLiteral("prd"), platform::ServiceSetting::Replicas);
    QCOMPARE(model.index(row, col).data().toInt(), 3);
    const QString prdK =
        manifests(QStringLiteral("services/svc-0002/overlays/prd/kustomization.yaml"));
    const QByteArray before = bytes(prdK);
    QVERIFY(model.setData(model.index(row, col), 5));
    QCOMPARE(model.index(row, col).data().toInt(), 5);
    QCOMPARE(m_session->buffers()->modifiedFiles(), QStringList{prdK});
    QCOMPARE(
        model.index(row, model.column(QStringLiteral("stg"), platform::ServiceSetting::Replicas))
            .data()
            .toInt(),
        1);
    m_session->buffers()->undoStack()->undo();
    QCOMPARE(bytes(prdK), before);
    QVERIFY(m_session->buffers()->modifiedFiles().isEmpty());
}

// The microservices file edited as text: a changed field keeps every service linked to its
// entry; a renamed entry leaves its service without one, and undo links it again.
void TestCatalogModels::servicesFollowTheirMicroserviceEntries()
{
    const platform::Catalog &c = m_session->catalog();
    const auto serviceNamed = [&c](const QString &name) -> const platform::Service & {
        for (const platform::Service &s : c.services) {
            if (s.name == name)
                return s;
        }
        static const platform::Service none;
        return none;
    };
    const auto entryOf = [&c, &serviceNamed](const QString &name) {
        const int i = serviceNamed(name).microservice;
        return i < 0 ? QString() : c.microservices.at(i).key;
    };
    QCOMPARE(entryOf(QStringLiteral("svc-0002")), QStringLiteral("svc-0002"));
    QCOMPARE(entryOf(QStringLiteral("svc-0001")), QStringLiteral("svc-0001"));
    const QString file = QDir(c.accountsRoot).filePath(c.microservices.constFirst().file);
    QByteArray text = bytes(file);
    const qsizetype entry = text.indexOf("\"svc-0002\" = {");
    QVERIFY(entry >= 0);
    const qsizetype team = text.indexOf("team ", entry);
    const qsizetype quote = text.indexOf('"', team);
    text.insert(quote + 1, "renamed-");
    QVERIFY(m_session->buffers()->edit(file, text, QStringLiteral("team")));
    QCOMPARE(entryOf(QStringLiteral("svc-0002")), QStringLiteral("svc-0002"));
    QVERIFY(c.microservices.at(serviceNamed(QStringLiteral("svc-0002")).microservice)
                .fields.value(QStringLiteral("team"))
                .toString()
                .startsWith(QStringLiteral("renamed-")));

    text.replace("\"svc-0002\" = {", "\"svc-0002-old\" = {");
    QVERIFY(m_session->buffers()->edit(file, text, QStringLiteral("rename")));
    QCOMPARE(serviceNamed(QStringLiteral("svc-0002")).microservice, -1);
    QCOMPARE(entryOf(QStringLiteral("svc-0001")), QStringLiteral("svc-0001"));
    bool teamListsTheNewKey = false;
    for (const platform::Team &t : c.teams)
        teamListsTheNewKey =
            teamListsTheNewKey || t.microservices.contains(QStringLiteral("svc-0002-old"));
    QVERIFY(teamListsTheNewKey);

    m_session->buffers()->undoStack()->undo();
    QCOMPARE(entryOf(QStringLiteral("svc-0002")), QStringLiteral("svc-0002"));
    QCOMPARE(entryOf(QStringLiteral("svc-0001")), QStringLiteral("svc-0001"));
}

// A wizard's new service exists only in the buffers until it is saved: the tables and the tree
// show it at once, and undo takes it away again.
void TestCatalogModels::servicesFollowAServiceMadeOfUnsavedFiles()
{
    items::ServicesModel services(m_session.get());
    Tester servicesTester(&services, Tester::FailureReportingMode::QtTest);
    items::CatalogTreeModel tree;
    tree.setSession(m_session.get());
    Tester treeTester(&tree, Tester::FailureReportingMode::QtTest);
    items::ContainersModel containers(m_session.get());
    Tester containersTester(&containers, Tester::FailureReportingMode::QtTest);
    containers.setService(services.rowOf(QStringLiteral("svc-0002")));
    const int rows = services.rowCount();
    auto inTree = [&tree](const QString &name) {
        QList<QModelIndex> pending{QModelIndex()};
        while (!pending.isEmpty()) {
            const QModelIndex parent = pending.takeFirst();
            for (int r = 0; r < tree.rowCount(parent); ++r) {
                const QModelIndex child = tree.index(r, 0, parent);
                if (child.data().toString() == name)
                    return true;
                if (child.data(items::CatalogTreeModel::KindRole).toInt() !=
                    int(items::CatalogTreeModel::NodeKind::Environment))
                    pending << child;
            }
        }
        return false;
    };
    QVERIFY(!inTree(QStringLiteral("svc-new")));

    // svc-0001's files, copied under services/svc-new as one undo step.
    const QString from = manifests(QStringLiteral("services/svc-0001"));
    const QString to = manifests(QStringLiteral("services/svc-new"));
    QUndoStack *stack = m_session->buffers()->undoStack();
    stack->beginMacro(QStringLiteral("New microservice svc-new"));
    QDirIterator it(from, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        QByteArray text = bytes(file);
        text.replace("svc-0001", "svc-new");
        QVERIFY(m_session->buffers()->edit(to + file.mid(from.size()), text,
                                           QStringLiteral("new file")));
    }
    stack->endMacro();
    QVERIFY(!QFileInfo::exists(to)); // nothing saved

    QCOMPARE(services.rowCount(), rows + 1);
    const int row = services.rowOf(QStringLiteral("svc-new"));
    QCOMPARE(row, rows); // after the others: their rows did not move
    QCOMPARE(
        services
            .index(row, services.column(QStringLiteral("prd"), platform::ServiceSetting::Replicas))
            .data()
            .toInt(),
        3);
    QCOMPARE(m_session->catalog().services.at(row).environments.size(), 3);
    QCOMPARE(m_session->catalog().services.at(row).environments.at(2).namespaceName,
             QStringLiteral("svc-new"));
    QVERIFY(inTree(QStringLiteral("svc-new")));
    QCOMPARE(containers.service(), services.rowOf(QStringLiteral("svc-0002")));

    // Shown in the containers table, then undone: the table shows nothing, the row goes.
    containers.setService(row);
    QVERIFY(containers.rowCount() > 0);
    stack->undo();
    QCOMPARE(services.rowCount(), rows);
    QCOMPARE(services.rowOf(QStringLiteral("svc-new")), -1);
    QVERIFY(!inTree(QStringLiteral("svc-new")));
    QCOMPARE(containers.service(), -1);
    QCOMPARE(containers.rowCount(), 0);
    stack->redo();
    QCOMPARE(services.rowOf(QStringLiteral("svc-new")), rows);
}

// A table that asks for values while it paints does not render on the GUI thread: the cell
// shows "…" until a worker's render is in (opening 20,000 services, sizing the columns from
// the first screen rendered 120 overlays here).
void TestCatalogModels::servicesRenderPaintedValuesOnAWorker()
{
    items::ServicesModel model(m_session.get());
    model.setRendering(items::ServicesModel::Rendering::InBackground);
    const int row = model.rowOf(QStringLiteral("svc-0002"));
    const int col = model.column(QStringLiteral("prd"), platform::ServiceSetting::Replicas);
    const quint64 renders = m_session->renderer()->renderCount();
    QCOMPARE(model.index(row, col).data().toString(), QStringLiteral("…"));
    QVERIFY(model.index(row, col)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("overlays/prd")));
    QCOMPARE(m_session->renderer()->renderCount(), renders);
    QVERIFY(m_session->valuesPending());
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QTRY_VERIFY(!m_session->valuesPending());
    QVERIFY(!changed.isEmpty());
    QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), row);
    QCOMPARE(m_session->renderer()->renderCount(), renders + 3); // the row's three overlays
    QCOMPARE(model.index(row, col).data().toInt(), 3);
    // An editor opens on the value: EditRole answers at once.
    const int other = model.rowOf(QStringLiteral("svc-0001"));
    QCOMPARE(model.index(other, col).data(Qt::EditRole).toInt(), 3);
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
}

// When the worker's render of an edited service agrees with what the table already shows (the
// edit patched into the previous values), nothing is signalled: the table painted twice per
// keystroke. A change the patch could not know (typed into the file) still comes.
void TestCatalogModels::servicesValuesThatAgreeWithTheEditSignalNothing()
{
    items::ServicesModel model(m_session.get());
    const int row = model.rowOf(QStringLiteral("svc-0002"));
    const int col = model.column(QStringLiteral("prd"), platform::ServiceSetting::Replicas);
    QCOMPARE(model.index(row, col).data().toInt(), 3);
    QSignalSpy changed(m_session.get(), &platform::Session::serviceChanged);
    QVERIFY(model.setData(model.index(row, col), 5));
    const qsizetype afterEdit = changed.count();
    QVERIFY(afterEdit > 0);
    QVERIFY(m_session->valuesPending());
    QTRY_VERIFY(!m_session->valuesPending());
    QCOMPARE(changed.count(), afterEdit);
    QCOMPARE(model.index(row, col).data().toInt(), 5);

    const QStringList files = m_session->buffers()->modifiedFiles();
    QCOMPARE(files.size(), 1);
    QByteArray text = bytes(files.first());
    const qsizetype at = text.indexOf(": 5\n");
    QVERIFY2(at > 0, text.constData());
    text.replace(at, 4, ": 6\n");
    QVERIFY(m_session->buffers()->edit(files.first(), text, QStringLiteral("typed")));
    const qsizetype afterTyping = changed.count();
    QVERIFY(afterTyping > afterEdit);
    QCOMPARE(model.index(row, col).data().toInt(), 5); // the stale values, until the render
    QTRY_VERIFY(!m_session->valuesPending());
    QCOMPARE(changed.count(), afterTyping + 1);
    QCOMPARE(changed.last().at(0).toInt(), row);
    QCOMPARE(model.index(row, col).data().toInt(), 6);
}

// An edit while a worker renders a row's values (asked while painting) starts that render
// again: the files it read are out of date (the table showed the old value until the next
// edit, after restoring a journal's edits at start-up).
void TestCatalogModels::servicesFetchedValuesFollowAnEditMadeMeanwhile()
{
    items::ServicesModel model(m_session.get());
    model.setRendering(items::ServicesModel::Rendering::InBackground);
    const int row = model.rowOf(QStringLiteral("svc-0002"));
    const int col = model.column(QStringLiteral("prd"), platform::ServiceSetting::Replicas);
    const quint64 runs = m_session->valuesRuns();
    QCOMPARE(model.index(row, col).data().toString(), QStringLiteral("…"));
    QTRY_COMPARE(m_session->valuesRuns(), runs + 1); // started, not delivered yet
    QVERIFY(m_session->valuesPending());
    const QString prdK =
        manifests(QStringLiteral("services/svc-0002/overlays/prd/kustomization.yaml"));
    QByteArray text = bytes(prdK);
    QVERIFY2(text.contains("count: 3\n"), text.constData());
    text.replace("count: 3\n", "count: 4\n");
    QVERIFY(m_session->buffers()->edit(prdK, text, QStringLiteral("typed")));
    QTRY_VERIFY(!m_session->valuesPending());
    QCOMPARE(model.index(row, col).data().toInt(), 4);
}

void TestCatalogModels::containersShowEveryEnvironment()
{
    items::ContainersModel model(m_session.get());
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    model.setService(0);
    QCOMPARE(model.columnCount(), 5);
    QCOMPARE(model.headerData(2, Qt::Horizontal).toString(), QStringLiteral("dev"));
    QCOMPARE(model.headerData(4, Qt::Horizontal).toString(), QStringLiteral("prd"));
    // app: tag, 4 quantities, 2 env vars; proxy: tag, 4 quantities.
    QCOMPARE(model.rowCount(), 7 + 5);
    const int dev = model.column(QStringLiteral("dev")), prd = model.column(QStringLiteral("prd"));
    const int tag = model.row(QStringLiteral("app"), ContainerField::ImageTag);
    QCOMPARE(model.index(tag, dev).data().toString(), QStringLiteral("1.0.0"));
    QCOMPARE(model.index(tag, prd).data().toString(), QStringLiteral("1.2.0"));
    const int log =
        model.row(QStringLiteral("app"), ContainerField::EnvVar, QStringLiteral("LOG_LEVEL"));
    QCOMPARE(model.index(log, dev).data().toString(), QStringLiteral("info"));
    QCOMPARE(model.index(log, prd).data().toString(), QStringLiteral("warn"));
    const int secret =
        model.row(QStringLiteral("app"), ContainerField::EnvVar, QStringLiteral("DB_PASSWORD"));
    QVERIFY(model.index(secret, dev)
                .data()
                .toString()
                .contains(QStringLiteral("secretKeyRef db/password")));
    QVERIFY(!(model.flags(model.index(secret, dev)) & Qt::ItemIsEditable));
    const int cpu = model.row(QStringLiteral("app"), ContainerField::CpuRequest);
    QCOMPARE(model.index(cpu, prd).data().toString(), QStringLiteral("100m"));
    QVERIFY(model.index(cpu, prd).data(items::ContainersModel::QuantityRole).toBool());
    QVERIFY(model.flags(model.index(cpu, prd)) & Qt::ItemIsEditable);
    const int proxyCpu = model.row(QStringLiteral("proxy"), ContainerField::CpuRequest);
    QCOMPARE(model.index(proxyCpu, prd).data().toString(), QString());
    model.setService(-1);
    QCOMPARE(model.rowCount(), 0);
}

void TestCatalogModels::containersEditGoesIntoTheOverlay_data()
{
    QTest::addColumn<QString>("environment");
    QTest::addColumn<QString>("container");
    QTest::addColumn<int>("field");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QStringList>("changedFiles");
    QTest::addColumn<QByteArray>("expectedText"); // in the first changed file

    const QString base = QStringLiteral("services/svc-0000/overlays/");
    QTest::newRow("a stg CPU request creates a strategic-merge patch in stg")
        << "stg"
        << "app" << int(ContainerField::CpuRequest) << QString() << "250m"
        << QStringList{base + "stg/svc-0000-patch.yaml", base + "stg/kustomization.yaml"}
        << QByteArray("cpu: 250m");
    QTest::newRow("a prd env var goes into the prd patch that already sets it")
        << "prd"
        << "app" << int(ContainerField::EnvVar) << "LOG_LEVEL"
        << "debug" << QStringList{base + "prd/deployment-patch.yaml"} << QByteArray("value: debug");
    QTest::newRow("a prd memory limit joins the prd patch of the same Deployment")
        << "prd"
        << "app" << int(ContainerField::MemoryLimit) << QString() << "1Gi"
        << QStringList{base + "prd/deployment-patch.yaml"} << QByteArray("memory: 1Gi");
    QTest::newRow("a dev image tag goes into the dev kustomization's images")
        << "dev"
        << "proxy" << int(ContainerField::ImageTag) << QString() << "2.1"
        << QStringList{base + "dev/kustomization.yaml"} << QByteArray("newTag: \"2.1\"");
    QTest::newRow("a dev env var that looks like a boolean stays a string")
        << "dev"
        << "app" << int(ContainerField::EnvVar) << "LOG_LEVEL"
        << "true" << QStringList{base + "dev/svc-0000-patch.yaml", base + "dev/kustomization.yaml"}
        << QByteArray("value: \"true\"");
}

void TestCatalogModels::containersEditGoesIntoTheOverlay()
{
    QFETCH(QString, environment);
    QFETCH(QString, container);
    QFETCH(int, field);
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QStringList, changedFiles);
    QFETCH(QByteArray, expectedText);

    items::ContainersModel model(m_session.get());
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    model.setService(0);
    const QModelIndex cell =
        model.index(model.row(container, ContainerField(field), key), model.column(environment));
    QVERIFY(cell.isValid());
    QStringList others;
    for (const char *env : {"dev", "stg", "prd"}) {
        if (QLatin1String(env) != environment)
            others << model.index(cell.row(), model.column(QString::fromLatin1(env)))
                          .data()
                          .toString();
    }
    QHash<QString, QByteArray> before;
    for (const QString &rel : changedFiles)
        before.insert(rel, bytes(manifests(rel)));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(model.setData(cell, value));
    QVERIFY(changed.count() >= 1);
    QCOMPARE(cell.data().toString(), value);
    QStringList expected;
    for (const QString &rel : changedFiles)
        expected << manifests(rel);
    QStringList modified = m_session->buffers()->modifiedFiles();
    modified.sort();
    expected.sort();
    QCOMPARE(modified, expected);
    const QByteArray text = bytes(manifests(changedFiles.first()));
    QVERIFY2(text.contains(expectedText), text.constData());
    // The other environments did not move.
    QStringList othersAfter;
    for (const char *env : {"dev", "stg", "prd"}) {
        if (QLatin1String(env) != environment)
            othersAfter << model.index(cell.row(), model.column(QString::fromLatin1(env)))
                               .data()
                               .toString();
    }
    QCOMPARE(othersAfter, others);
    m_session->buffers()->undoStack()->undo();
    for (const QString &rel : changedFiles)
        QCOMPARE(bytes(manifests(rel)), before.value(rel));
    QVERIFY(m_session->buffers()->modifiedFiles().isEmpty());
}

void TestCatalogModels::containersRefuseBadValues_data()
{
    QTest::addColumn<int>("field");
    QTest::addColumn<QString>("value");
    QTest::newRow("a CPU request with a unit that does not exist")
        << int(ContainerField::CpuRequest) << "250x";
    QTest::newRow("a negative memory limit") << int(ContainerField::MemoryLimit) << "-1Gi";
    QTest::newRow("an empty CPU limit") << int(ContainerField::CpuLimit) << "";
    QTest::newRow("an image tag with a space") << int(ContainerField::ImageTag) << "v 1";
}

void TestCatalogModels::containersRefuseBadValues()
{
    QFETCH(int, field);
    QFETCH(QString, value);
    items::ContainersModel model(m_session.get());
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    model.setService(0);
    QSignalSpy failed(&model, &items::ContainersModel::editFailed);
    const QModelIndex cell =
        model.index(model.row(QStringLiteral("app"), ContainerField(field)), model.column("stg"));
    QVERIFY(!model.setData(cell, value));
    QCOMPARE(failed.count(), 1);
    QVERIFY(m_session->buffers()->modifiedFiles().isEmpty());
}

void TestCatalogModels::containersAllEnvironmentsWritesTheBase()
{
    items::ContainersModel model(m_session.get());
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    model.setService(0);
    model.setScope(platform::EnvScope::AllEnvironments);
    const int log =
        model.row(QStringLiteral("app"), ContainerField::EnvVar, QStringLiteral("LOG_LEVEL"));
    const QString deployment = manifests(QStringLiteral("services/svc-0000/base/deployment.yaml"));
    const QString prdPatch =
        manifests(QStringLiteral("services/svc-0000/overlays/prd/deployment-patch.yaml"));
    QVERIFY(model.setData(model.index(log, model.column("stg")), QStringLiteral("error")));
    for (const char *env : {"dev", "stg", "prd"})
        QCOMPARE(model.index(log, model.column(QString::fromLatin1(env))).data().toString(),
                 QStringLiteral("error"));
    QStringList modified = m_session->buffers()->modifiedFiles();
    modified.sort();
    QCOMPARE(modified, (QStringList{deployment, prdPatch}));
    QVERIFY(bytes(deployment).contains("value: error"));
    // An image tag for all environments: the base image, and prd's `images:` entry.
    const int tag = model.row(QStringLiteral("app"), ContainerField::ImageTag);
    QVERIFY(model.setData(model.index(tag, model.column("dev")), QStringLiteral("2.0.0")));
    for (const char *env : {"dev", "stg", "prd"})
        QCOMPARE(model.index(tag, model.column(QString::fromLatin1(env))).data().toString(),
                 QStringLiteral("2.0.0"));
    QVERIFY(bytes(deployment).contains("image: registry.example.com/svc-0000:2.0.0"));
}

void TestCatalogModels::quantityValidator_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<int>("state");
    const int ok = QValidator::Acceptable, partial = QValidator::Intermediate,
              bad = QValidator::Invalid;
    QTest::newRow("millicores") << "250m" << ok;
    QTest::newRow("a decimal fraction") << "0.5" << ok;
    QTest::newRow("mebibytes") << "512Mi" << ok;
    QTest::newRow("decimal gigabytes") << "1G" << ok;
    QTest::newRow("an exponent") << "1e3" << ok;
    QTest::newRow("a binary suffix being typed") << "512M" << ok;
    QTest::newRow("an exponent being typed") << "1e" << partial;
    QTest::newRow("nothing yet") << "" << partial;
    QTest::newRow("a trailing dot") << "1." << ok;
    QTest::newRow("a unit that does not exist") << "5x" << bad;
    QTest::newRow("a negative value") << "-1" << bad;
    QTest::newRow("two units") << "1MiGi" << bad;
}

void TestCatalogModels::quantityValidator()
{
    QFETCH(QString, input);
    QFETCH(int, state);
    items::QuantityValidator v;
    int pos = 0;
    QCOMPARE(int(v.validate(input, pos)), state);
    QCOMPARE(platform::isQuantity(input), state == QValidator::Acceptable);
}

// Qt's raster engine (6.4) fills large translucent areas in jobs on QThreadPool::globalInstance()
// and waits for them on the GUI thread: Kanri's renders and scans, every thread of both of its
// pools busy, must leave that pool free, or the window does not paint until they end.
void TestCatalogModels::backgroundWorkLeavesQtsPoolToPainting()
{
    QSemaphore done;
    auto busy = [&done](const std::atomic_bool &) { return done.tryAcquire(1, 10000) ? 1 : 0; };
    std::vector<std::unique_ptr<LatestResult<int>>> renders;
    const int workers =
        std::max(workerPool()->maxThreadCount(), QThreadPool::globalInstance()->maxThreadCount());
    for (int i = 0; i < workers; ++i) {
        renders.push_back(std::make_unique<LatestResult<int>>());
        renders.back()->start(busy, [](int) {});
    }
    LatestResult<int> scan(scanPool());
    scan.start(busy, [](int) {});
    QTRY_COMPARE(workerPool()->activeThreadCount(), workerPool()->maxThreadCount());

    QImage image(1200, 1200, QImage::Format_ARGB32_Premultiplied);
    QElapsedTimer painting;
    painting.start();
    {
        QPainter painter(&image);
        for (int i = 0; i < 5; ++i)
            painter.fillRect(image.rect(), QColor(200, 30, 30, 100));
    }
    const qint64 ms = painting.elapsed();
    done.release(workers + 1);
    for (auto &render : renders)
        render->waitForDone();
    scan.waitForDone();
    QVERIFY2(ms < 5000, qPrintable(QStringLiteral("painting waited %1 ms").arg(ms)));
}

QTEST_MAIN(TestCatalogModels)
#include "tst_catalogmodels.moc"
