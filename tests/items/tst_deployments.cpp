// The Argo CD deployment map as the window uses it (issue 24, item 3): the live map over the
// session's edits, the catalog grouped by cluster, the services table's Clusters column, and
// the pull request's "Deploys to" paragraph. Over the generated catalog with Applications added.
#include "items/catalogtreemodel.h"
#include "items/clustertreemodel.h"
#include "items/servicesmodel.h"
#include "platform/deploymentsmodel.h"
#include "platform/session.h"
#include "publish/publishtext.h"
#include "tests/testsupport/catalogfixture.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace kanri;

namespace {

// Two clusters per environment name are declared; svc-0000 prd goes to two clusters (one
// automated, one manual), svc-0001 prd to one, svc-0002 nowhere.
const QByteArray kClusters = "clusters:\n"
                             "  - name: gke-dev\n    server: https://gke-dev.example\n"
                             "  - name: gke-prd\n    server: https://gke-prd.example\n"
                             "    labels: {provider: gke, env: prd}\n"
                             "  - name: eks-prd\n    server: https://eks-prd.example\n";

QByteArray application(const QByteArray &name, const QByteArray &path, const QByteArray &cluster,
                       bool automated)
{
    QByteArray doc =
        "apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: " + name +
        "\n  namespace: argocd\nspec:\n  project: default\n  source:\n"
        "    repoURL: https://example.com/org/manifests.git\n"
        "    targetRevision: main\n    path: " +
        path + "\n  destination:\n    name: " + cluster + "\n    namespace: ns\n";
    if (automated)
        doc += "  syncPolicy:\n    automated: {}\n";
    return doc;
}

QByteArray applications(const QByteArray &svc1Cluster = "eks-prd")
{
    return application("svc-0000-dev", "services/svc-0000/overlays/dev", "gke-dev", false) +
           "---\n" +
           application("svc-0000-prd", "services/svc-0000/overlays/prd", "gke-prd", true) +
           "---\n" +
           application("svc-0000-prd-eks", "services/svc-0000/overlays/prd", "eks-prd", false) +
           "---\n" +
           application("svc-0001-prd", "services/svc-0001/overlays/prd", svc1Cluster, true);
}

QStringList names(const QList<argocd::Deployment> &deployments)
{
    QStringList out;
    for (const argocd::Deployment &d : deployments)
        out << d.cluster + QLatin1Char('/') + d.application;
    return out;
}

QStringList childNames(const QAbstractItemModel &m, const QModelIndex &parent = {})
{
    QStringList out;
    for (int r = 0; r < m.rowCount(parent); ++r)
        out << m.index(r, 0, parent).data().toString();
    return out;
}

QModelIndex child(const QAbstractItemModel &m, const QModelIndex &parent, const QString &name)
{
    for (int r = 0; r < m.rowCount(parent); ++r) {
        if (m.index(r, 0, parent).data().toString() == name)
            return m.index(r, 0, parent);
    }
    return {};
}

} // namespace

class TestDeployments : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void mapReadsTheApplicationsAndClusters();
    void anEditOfAnApplicationIsSeenUnsaved();
    void anEditOfAnOverlayDoesNotReadTheMapAgain();
    void anEditOfAnArgoCrdDoesNotReadTheMapAgain();
    void clusterTreeGroupsServicesByCluster();
    void anInactiveClusterTreeBuildsNothingUntilShown();
    void servicesTableNamesTheClusters();
    void pullRequestBodyListsTheClusters();

private:
    QString manifests(const QString &rel) const
    {
        return m_dir->filePath(QStringLiteral("manifests/") + rel);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<platform::Session> m_session;
    std::unique_ptr<platform::DeploymentsModel> m_deployments;
};

void TestDeployments::init()
{
    QStandardPaths::setTestModeEnabled(true);
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(test::writeWorkspace(m_dir->path()));
    QFile ws(m_dir->filePath(QStringLiteral("workspace.yaml")));
    QVERIFY(ws.open(QIODevice::Append));
    ws.write(kClusters);
    ws.close();
    QVERIFY(test::writeText(manifests(QStringLiteral("argocd/applications.yaml")), applications()));
    auto workspace = platform::Workspace::load(m_dir->path());
    QVERIFY2(workspace, qPrintable(workspace ? QString() : workspace.error().toString()));
    auto session = platform::Session::open(*workspace);
    QVERIFY2(session, qPrintable(session ? QString() : session.error().toString()));
    m_session = std::move(*session);
    m_deployments = std::make_unique<platform::DeploymentsModel>(m_session.get());
    m_deployments->setDebounce(10);
    m_deployments->refreshNow();
    QVERIFY(m_deployments->isReady());
}

void TestDeployments::cleanup()
{
    m_deployments.reset();
    m_session.reset();
    m_dir.reset();
}

void TestDeployments::mapReadsTheApplicationsAndClusters()
{
    QCOMPARE(m_deployments->revision(), QStringLiteral("main"));
    QCOMPARE(m_deployments->clustersOf(QStringLiteral("services/svc-0000/overlays/prd")),
             (QStringList{QStringLiteral("eks-prd"), QStringLiteral("gke-prd")}));
    QCOMPARE(m_deployments->clustersOf(QStringLiteral("services/svc-0001/overlays/prd/")),
             QStringList{QStringLiteral("eks-prd")});
    QVERIFY(
        m_deployments->deploymentsOf(QStringLiteral("services/svc-0002/overlays/prd")).isEmpty());
    const QList<argocd::Deployment> reached = platform::reachedBy(
        m_deployments->map(), {QStringLiteral("services/svc-0001/overlays/prd"),
                               QStringLiteral("services/svc-0000/overlays/prd"),
                               QStringLiteral("services/svc-0000/overlays/prd")});
    QCOMPARE(names(reached), (QStringList{QStringLiteral("eks-prd/svc-0000-prd-eks"),
                                          QStringLiteral("eks-prd/svc-0001-prd"),
                                          QStringLiteral("gke-prd/svc-0000-prd")}));
}

void TestDeployments::anEditOfAnApplicationIsSeenUnsaved()
{
    QSignalSpy changed(m_deployments.get(), &platform::DeploymentsModel::changed);
    const QString file = manifests(QStringLiteral("argocd/applications.yaml"));
    QVERIFY(m_session->buffers()->edit(file, applications("gke-prd"), QStringLiteral("move")));
    QVERIFY(m_deployments->isBusy());
    QTRY_COMPARE(changed.count(), 1);
    QCOMPARE(m_deployments->clustersOf(QStringLiteral("services/svc-0001/overlays/prd")),
             QStringList{QStringLiteral("gke-prd")});
    // Undone: the map follows back.
    m_session->buffers()->undoStack()->undo();
    QTRY_COMPARE(changed.count(), 2);
    QCOMPARE(m_deployments->clustersOf(QStringLiteral("services/svc-0001/overlays/prd")),
             QStringList{QStringLiteral("eks-prd")});
    // A new file with an Application in it counts too, though the map never read it.
    QVERIFY(m_session->buffers()->edit(
        manifests(QStringLiteral("argocd/more.yaml")),
        application("svc-0002-dev", "services/svc-0002/overlays/dev", "gke-dev", false),
        QStringLiteral("add")));
    QTRY_COMPARE(changed.count(), 3);
    QCOMPARE(m_deployments->clustersOf(QStringLiteral("services/svc-0002/overlays/dev")),
             QStringList{QStringLiteral("gke-dev")});
}

void TestDeployments::anEditOfAnOverlayDoesNotReadTheMapAgain()
{
    QVERIFY(m_session->setServiceSetting(0, 2, platform::ServiceSetting::Replicas,
                                         QStringLiteral("9")));
    QVERIFY(!m_deployments->isBusy());
}

// A CustomResourceDefinition of the group argoproj.io (Argo Workflows' CRDs in a base) names
// argoproj.io but holds no Argo CD object: typing into it does not read the map again (the map
// was once read again on every keystroke).
void TestDeployments::anEditOfAnArgoCrdDoesNotReadTheMapAgain()
{
    const QString crd = manifests(QStringLiteral("services/svc-0000/base/workflows-crd.yaml"));
    const QByteArray text = "apiVersion: apiextensions.k8s.io/v1\n"
                            "kind: CustomResourceDefinition\n"
                            "metadata:\n  name: workflows.argoproj.io\n"
                            "spec:\n  group: argoproj.io\n  names:\n    kind: Workflow\n";
    QVERIFY(m_session->buffers()->edit(crd, text, QStringLiteral("crd")));
    QVERIFY(!m_deployments->isBusy());
    // An Application in the same file is read.
    QVERIFY(m_session->buffers()->edit(
        crd, text + "---\napiVersion: argoproj.io/v1alpha1\nkind: Application\n",
        QStringLiteral("crd")));
    QVERIFY(m_deployments->isBusy());
}

void TestDeployments::clusterTreeGroupsServicesByCluster()
{
    items::ClusterTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSources(m_session.get(), m_deployments.get());
    QCOMPARE(childNames(model),
             (QStringList{QStringLiteral("eks-prd"), QStringLiteral("gke-dev"),
                          QStringLiteral("gke-prd"), QStringLiteral("Not deployed")}));
    const QModelIndex gkePrd = child(model, {}, QStringLiteral("gke-prd"));
    QCOMPARE(gkePrd.siblingAtColumn(1).data().toString(), QStringLiteral("1 service(s)"));
    QVERIFY(gkePrd.data(Qt::ToolTipRole).toString().contains(QLatin1String("provider=gke")));
    QCOMPARE(childNames(model, child(model, {}, QStringLiteral("eks-prd"))),
             (QStringList{QStringLiteral("svc-0000"), QStringLiteral("svc-0001")}));
    const QModelIndex svc = child(model, gkePrd, QStringLiteral("svc-0000"));
    QCOMPARE(childNames(model, svc), QStringList{QStringLiteral("prd")});
    const QModelIndex prd = model.index(0, 0, svc);
    QCOMPARE(prd.siblingAtColumn(1).data().toString(),
             QStringLiteral("svc-0000-prd · ns · automated"));
    QCOMPARE(prd.data(items::CatalogTreeModel::ServiceRole).toString(), QStringLiteral("svc-0000"));
    QCOMPARE(prd.data(items::CatalogTreeModel::EnvironmentRole).toString(), QStringLiteral("prd"));
    QVERIFY(prd.data(Qt::ToolTipRole).toString().contains(QLatin1String("Project: default")));

    const QModelIndex none = child(model, {}, QStringLiteral("Not deployed"));
    QCOMPARE(childNames(model, none),
             (QStringList{QStringLiteral("svc-0000"), QStringLiteral("svc-0001"),
                          QStringLiteral("svc-0002")}));
    QCOMPARE(childNames(model, child(model, none, QStringLiteral("svc-0000"))),
             QStringList{QStringLiteral("stg")});
    QCOMPARE(childNames(model, child(model, none, QStringLiteral("svc-0002"))),
             (QStringList{QStringLiteral("dev"), QStringLiteral("stg"), QStringLiteral("prd")}));

    // The map changes: the tree follows (svc-0001 prd moves to gke-prd).
    QVERIFY(m_session->buffers()->edit(manifests(QStringLiteral("argocd/applications.yaml")),
                                       applications("gke-prd"), QStringLiteral("move")));
    m_deployments->refreshNow();
    QCOMPARE(childNames(model, child(model, {}, QStringLiteral("gke-prd"))),
             (QStringList{QStringLiteral("svc-0000"), QStringLiteral("svc-0001")}));
    QCOMPARE(childNames(model, child(model, {}, QStringLiteral("eks-prd"))),
             QStringList{QStringLiteral("svc-0000")});
}

// The window keeps the cluster tree inactive while the catalog is grouped otherwise: opening
// 20,000 services built a tree of every overlay twice (before and after the map was read).
void TestDeployments::anInactiveClusterTreeBuildsNothingUntilShown()
{
    items::ClusterTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setActive(false);
    model.setSources(m_session.get(), m_deployments.get());
    QCOMPARE(model.rowCount(), 0);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QVERIFY(m_session->buffers()->edit(manifests(QStringLiteral("argocd/applications.yaml")),
                                       applications("gke-prd"), QStringLiteral("move")));
    m_deployments->refreshNow();
    QCOMPARE(model.rowCount(), 0);

    // Shown: the tree of the map as it is now (svc-0001 prd on gke-prd).
    model.setActive(true);
    QVERIFY(!resets.isEmpty());
    QCOMPARE(childNames(model),
             (QStringList{QStringLiteral("eks-prd"), QStringLiteral("gke-dev"),
                          QStringLiteral("gke-prd"), QStringLiteral("Not deployed")}));
    QCOMPARE(childNames(model, child(model, {}, QStringLiteral("gke-prd"))),
             (QStringList{QStringLiteral("svc-0000"), QStringLiteral("svc-0001")}));
    // Active again after being hidden: built once, not again while nothing changes.
    model.setActive(false);
    resets.clear();
    model.setActive(true);
    QCOMPARE(resets.size(), 0);
    QCOMPARE(childNames(model, child(model, {}, QStringLiteral("gke-prd"))),
             (QStringList{QStringLiteral("svc-0000"), QStringLiteral("svc-0001")}));
}

void TestDeployments::servicesTableNamesTheClusters()
{
    items::ServicesModel model(m_session.get());
    QCOMPARE(model.headerData(items::ServicesModel::Clusters, Qt::Horizontal).toString(),
             QStringLiteral("Clusters"));
    QCOMPARE(model.index(0, items::ServicesModel::Clusters).data().toString(), QString());
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setDeployments(m_deployments.get());
    QVERIFY(!changed.isEmpty());
    QCOMPARE(model.index(0, items::ServicesModel::Clusters).data().toString(),
             QStringLiteral("gke-dev, eks-prd, gke-prd"));
    QCOMPARE(model.index(0, items::ServicesModel::Clusters).data(Qt::ToolTipRole).toString(),
             QStringLiteral("dev: gke-dev\nstg: not deployed\nprd: eks-prd, gke-prd"));
    QCOMPARE(model.index(2, items::ServicesModel::Clusters).data().toString(),
             QStringLiteral("not deployed"));
    const int prd = model.column(QStringLiteral("prd"), platform::ServiceSetting::Replicas);
    QVERIFY(prd > items::ServicesModel::Clusters);
    const QString tip = model.index(0, prd).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QLatin1String("Deployed to gke-prd by svc-0000-prd (automated)")),
             qPrintable(tip));
    QVERIFY2(tip.contains(QLatin1String("Deployed to eks-prd by svc-0000-prd-eks (manual)")),
             qPrintable(tip));
}

void TestDeployments::pullRequestBodyListsTheClusters()
{
    const platform::Catalog &catalog = m_session->catalog();
    // An overlay's file: that overlay; a base file: every overlay of the service.
    QCOMPARE(platform::affectedOverlays(catalog,
                                        {manifests(QStringLiteral("services/svc-0000/overlays/prd/"
                                                                  "kustomization.yaml"))}),
             QStringList{QStringLiteral("services/svc-0000/overlays/prd")});
    QCOMPARE(platform::affectedOverlays(
                 catalog, {manifests(QStringLiteral("services/svc-0001/base/deployment.yaml")),
                           m_dir->filePath(QStringLiteral("accounts/microservices.tf"))}),
             (QStringList{QStringLiteral("services/svc-0001/overlays/dev"),
                          QStringLiteral("services/svc-0001/overlays/prd"),
                          QStringLiteral("services/svc-0001/overlays/stg")}));
    const QString body = platform::deploysToText(platform::reachedBy(
        m_deployments->map(), {QStringLiteral("services/svc-0000/overlays/prd")}));
    QCOMPARE(body, QStringLiteral("**Deploys to:** eks-prd (svc-0000-prd-eks, manual sync), "
                                  "gke-prd (svc-0000-prd, automated)\n"
                                  "Applications with automated sync apply this change when it is "
                                  "merged."));
    QCOMPARE(platform::deploysToText(platform::reachedBy(
                 m_deployments->map(), {QStringLiteral("services/svc-0002/overlays/prd")})),
             QString());
}

QTEST_GUILESS_MAIN(TestDeployments)
#include "tst_deployments.moc"
