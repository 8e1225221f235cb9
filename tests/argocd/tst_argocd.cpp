// models/argocd: the map of overlays to the Argo CD applications that deploy them: Applications,
// app of apps, ApplicationSet generators (the examples of Argo CD's documentation, with the
// applications Argo CD generates from them), clusters, and the demo platform's map.

#include "argocd/deployments.h"
#include "tests/testsupport/testutil.h"

#include <QTemporaryDir>
#include <QTest>

using namespace kanri;
using namespace kanri::argocd;

class TestArgoCd : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void anApplicationDeploysItsPath();
    void syncPolicyAndWave_data();
    void syncPolicyAndWave();
    void multiSourceApplicationsDeployEachPath();
    void otherRepositoriesAndRevisionsAreNotThisRepository();
    void theRepositoryUrlIsGuessedWhenNotConfigured();
    void kanriYamlNamesTheRepositoryUrl();
    void normaliseRepoUrl_data();
    void normaliseRepoUrl();

    void listGenerator();
    void listGeneratorRefusesNonStringsWithFastTemplate();
    void clustersGeneratorReadsClusterSecrets();
    void clustersGeneratorWithGoTemplate();
    void workspaceClustersWhenTheRepositoryHasNoSecrets();
    void readWorkspaceClusters();
    void gitDirectoryGenerator();
    void gitDirectoryGeneratorWithGoTemplateAndPrefix();
    void gitFileGenerator();
    void gitFileGeneratorWithGoTemplate();
    void gitGeneratorOfAnotherRepositoryIsANote();
    void matrixGenerator();
    void matrixInterpolatesTheSecondGenerator();
    void mergeGenerator();
    void templatePatchAndGeneratorTemplate();
    void duplicateGeneratedNamesAreAProblem();

    void appOfAppsRendersWithKustomize();
    void appOfAppsCycleIsReported();
    void appOfAppsDepthIsBounded();
    void renamedByKustomizeCountsOnce();

    void malformedObjectsAreProblemsAtTheirLine_data();
    void malformedObjectsAreProblemsAtTheirLine();
    void unsavedEditsAreRead();
    void filesOutsideTheRepositoryAreNotRead();

    void demoEveryOverlayIsDeployedToItsCluster();
    void demoApplicationSetsResolveThroughTheClusters();

private:
    void write(const QString &path, const QByteArray &text);
    DeploymentMap read(const Options &options = defaults());
    static Options defaults();

    std::unique_ptr<QTemporaryDir> m_dir;
};

namespace {

const QByteArray kRepo = "https://github.com/example/manifests.git";

QByteArray application(const QByteArray &name, const QByteArray &path,
                       const QByteArray &destination = "name: gke-prd",
                       const QByteArray &extra = {})
{
    return "apiVersion: argoproj.io/v1alpha1\n"
           "kind: Application\n"
           "metadata:\n"
           "  name: " +
           name + "\n  namespace: argocd\n" + extra +
           "spec:\n"
           "  project: payments\n"
           "  source:\n"
           "    repoURL: " +
           kRepo + "\n    targetRevision: main\n    path: " + path +
           "\n"
           "  destination:\n"
           "    " +
           destination + "\n    namespace: payment-api\n";
}

QByteArray clusterSecret(const QByteArray &name, const QByteArray &server, const QByteArray &labels)
{
    return "apiVersion: v1\nkind: Secret\nmetadata:\n  name: cluster-" + name +
           "\n  labels:\n    argocd.argoproj.io/secret-type: cluster\n" + labels +
           "type: Opaque\nstringData:\n  name: " + name + "\n  server: " + server + "\n";
}

QStringList names(const QList<Deployment> &list)
{
    QStringList out;
    for (const Deployment &d : list)
        out << d.application;
    return out;
}

QStringList messages(const QList<Error> &errors)
{
    QStringList out;
    for (const Error &e : errors)
        out << e.toString();
    return out;
}

const Deployment *find(const DeploymentMap &map, const QString &name)
{
    for (const Deployment &d : map.applications)
        if (d.application == name)
            return &d;
    return nullptr;
}

} // namespace

void TestArgoCd::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestArgoCd::write(const QString &path, const QByteArray &text)
{
    QVERIFY2(test::writeFile(m_dir->filePath(path), text), qPrintable(path));
}

Options TestArgoCd::defaults()
{
    Options o;
    o.repoUrls = {QString::fromLatin1(kRepo)};
    return o;
}

DeploymentMap TestArgoCd::read(const Options &options)
{
    auto map = readDeployments(m_dir->path(), options);
    if (!map) {
        qWarning("%s", qPrintable(map.error().toString()));
        return {};
    }
    return *map;
}

void TestArgoCd::anApplicationDeploysItsPath()
{
    write("services/pay/overlays/prd/kustomization.yaml", "namespace: pay\n");
    write("apps/pay-prd.yaml", application("pay-prd", "services/pay/overlays/prd/"));
    write("clusters/gke-prd.yaml", clusterSecret("gke-prd", "https://10.0.0.1", "    env: prd\n"));
    const DeploymentMap map = read();
    QVERIFY2(map.problems.isEmpty(), qPrintable(messages(map.problems).join('\n')));
    const auto list = map.deploymentsOf(QStringLiteral("services/pay/overlays/prd"));
    QCOMPARE(list.size(), 1);
    const Deployment &d = list.first();
    QCOMPARE(d.application, QStringLiteral("pay-prd"));
    QCOMPARE(d.cluster, QStringLiteral("gke-prd"));
    QCOMPARE(d.server, QStringLiteral("https://10.0.0.1")); // resolved from the Secret
    QCOMPARE(d.nameSpace, QStringLiteral("payment-api"));
    QCOMPARE(d.project, QStringLiteral("payments"));
    QCOMPARE(d.file, QStringLiteral("apps/pay-prd.yaml"));
    QCOMPARE(d.line, 1);
    QVERIFY(d.thisRepository);
    QCOMPARE(map.clusterSource, ClusterSource::Secrets);
    QCOMPARE(map.clustersOf(QStringLiteral("services/pay/overlays/prd")),
             QStringList{QStringLiteral("gke-prd")});
    // in-cluster is always known.
    QVERIFY(map.cluster(QStringLiteral("in-cluster")));
    QCOMPARE(map.cluster(QStringLiteral("in-cluster"))->server,
             QStringLiteral("https://kubernetes.default.svc"));

    // A destination by server resolves to the cluster's name.
    write("apps/pay-prd.yaml",
          application("pay-prd", "services/pay/overlays/prd", "server: https://10.0.0.1"));
    const DeploymentMap byServer = read();
    QCOMPARE(byServer.deploymentsOf(QStringLiteral("services/pay/overlays/prd")).value(0).cluster,
             QStringLiteral("gke-prd"));
}

void TestArgoCd::syncPolicyAndWave_data()
{
    QTest::addColumn<QByteArray>("metadata");
    QTest::addColumn<QByteArray>("syncPolicy");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("wave");

    QTest::newRow("no sync policy is manual") << QByteArray() << QByteArray() << "manual" << 0;
    QTest::newRow("automated with prune and selfHeal")
        << QByteArray()
        << QByteArray("  syncPolicy:\n    automated:\n      prune: true\n"
                      "      selfHeal: true\n")
        << "automated (prune, selfHeal)" << 0;
    QTest::newRow("automated without options")
        << QByteArray() << QByteArray("  syncPolicy:\n    automated: {}\n") << "automated" << 0;
    QTest::newRow("automated but disabled is manual")
        << QByteArray()
        << QByteArray("  syncPolicy:\n    automated:\n      enabled: false\n      prune: true\n")
        << "manual" << 0;
    QTest::newRow("only syncOptions is manual")
        << QByteArray() << QByteArray("  syncPolicy:\n    syncOptions: [CreateNamespace=true]\n")
        << "manual" << 0;
    QTest::newRow("a negative sync wave")
        << QByteArray("  annotations:\n    argocd.argoproj.io/sync-wave: \"-2\"\n") << QByteArray()
        << "manual" << -2;
}

void TestArgoCd::syncPolicyAndWave()
{
    QFETCH(QByteArray, metadata);
    QFETCH(QByteArray, syncPolicy);
    QFETCH(QString, expected);
    QFETCH(int, wave);
    write("p/kustomization.yaml", "resources: []\n");
    write("apps/a.yaml", application("a", "p", "name: gke-prd", metadata) + syncPolicy);
    const DeploymentMap map = read();
    QVERIFY2(map.problems.isEmpty(), qPrintable(messages(map.problems).join('\n')));
    const auto list = map.deploymentsOf(QStringLiteral("p"));
    QCOMPARE(list.size(), 1);
    QCOMPARE(list[0].syncPolicy, expected);
    QCOMPARE(list[0].syncWave, wave);
}

void TestArgoCd::multiSourceApplicationsDeployEachPath()
{
    write("a/kustomization.yaml", "resources: []\n");
    write("b/kustomization.yaml", "resources: []\n");
    write("apps/multi.yaml", "apiVersion: argoproj.io/v1alpha1\nkind: Application\n"
                             "metadata:\n  name: multi\nspec:\n  project: default\n"
                             "  sources:\n"
                             "    - repoURL: " +
                                 kRepo +
                                 "\n      path: a\n      targetRevision: main\n"
                                 "    - repoURL: " +
                                 kRepo +
                                 "\n      path: b\n      targetRevision: main\n"
                                 "    - repoURL: https://charts.example.com\n"
                                 "      chart: redis\n      targetRevision: 1.0.0\n"
                                 "    - repoURL: " +
                                 kRepo +
                                 "\n      targetRevision: main\n      ref: values\n"
                                 "  destination:\n    name: in-cluster\n    namespace: x\n");
    const DeploymentMap map = read();
    QVERIFY2(map.problems.isEmpty(), qPrintable(messages(map.problems).join('\n')));
    QCOMPARE(names(map.deploymentsOf(QStringLiteral("a"))), QStringList{"multi"});
    QCOMPARE(names(map.deploymentsOf(QStringLiteral("b"))), QStringList{"multi"});
    QCOMPARE(map.applications.size(), 2); // the chart and the $values ref deploy no path
    QCOMPARE(map.deploymentsOf(QStringLiteral("a")).value(0).server,
             QStringLiteral("https://kubernetes.default.svc"));
}

void TestArgoCd::otherRepositoriesAndRevisionsAreNotThisRepository()
{
    write("p/kustomization.yaml", "resources: []\n");
    write("apps/main.yaml", application("on-main", "p"));
    QByteArray release = application("on-release", "p");
    release.replace("targetRevision: main", "targetRevision: release-1");
    write("apps/release.yaml", release);
    QByteArray head = application("on-head", "p");
    head.replace("targetRevision: main", "targetRevision: HEAD");
    write("apps/head.yaml", head);
    QByteArray other = application("elsewhere", "p");
    other.replace(kRepo, "https://github.com/example/other.git");
    write("apps/other.yaml", other);

    const DeploymentMap map = read();
    QCOMPARE(names(map.deploymentsOf(QStringLiteral("p"))),
             (QStringList{QStringLiteral("on-head"), QStringLiteral("on-main")}));
    QCOMPARE(map.applications.size(), 4);
    QVERIFY(!find(map, QStringLiteral("elsewhere"))->thisRepository);

    Options atRelease = defaults();
    atRelease.revision = QStringLiteral("release-1");
    const DeploymentMap released = read(atRelease);
    QCOMPARE(names(released.deploymentsOf(QStringLiteral("p"))),
             QStringList{QStringLiteral("on-release")});
}

void TestArgoCd::theRepositoryUrlIsGuessedWhenNotConfigured()
{
    write("p/kustomization.yaml", "resources: []\n");
    write("apps/a.yaml", application("a", "p"));
    write("apps/b.yaml", application("b", "p"));
    QByteArray other = application("c", "nowhere");
    other.replace(kRepo, "https://github.com/example/other.git");
    write("apps/c.yaml", other);
    const DeploymentMap map = read(Options{});
    QCOMPARE(names(map.deploymentsOf(QStringLiteral("p"))), (QStringList{"a", "b"}));
    QCOMPARE(map.repoUrls, QStringList{QStringLiteral("github.com/example/manifests")});
    QCOMPARE(map.assumptions.size(), 1);
    QVERIFY2(map.assumptions[0].contains(QString::fromLatin1(kRepo)),
             qPrintable(map.assumptions[0]));
    // A configured URL that an Application uses is not second-guessed.
    const DeploymentMap configured = read();
    QVERIFY(configured.assumptions.isEmpty());
}

void TestArgoCd::kanriYamlNamesTheRepositoryUrl()
{
    write("p/kustomization.yaml", "resources: []\n");
    QByteArray app = application("a", "p");
    app.replace(kRepo, "git@github.com:example/Manifests");
    write("apps/a.yaml", app);
    write(".kanri.yaml", "argocd:\n  repoURL: https://github.com/example/Manifests.git\n");
    const DeploymentMap map = read(Options{});
    QVERIFY(map.assumptions.isEmpty());
    QCOMPARE(names(map.deploymentsOf(QStringLiteral("p"))), QStringList{"a"});
    write(".kanri.yaml", "argocd:\n  repoURL: {a: b}\n");
    const DeploymentMap bad = read(Options{});
    QCOMPARE(messages(bad.problems),
             QStringList{QStringLiteral(".kanri.yaml:2:12: error: argocd.repoURL must be a URL or "
                                        "a list of URLs")});
}

void TestArgoCd::normaliseRepoUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("expected");
    QTest::newRow("https with .git") << "https://github.com/org/repo.git"
                                     << "github.com/org/repo";
    QTest::newRow("a trailing slash") << "https://github.com/org/repo/"
                                      << "github.com/org/repo";
    QTest::newRow("the host's case does not count") << "https://GitHub.com/org/repo"
                                                    << "github.com/org/repo";
    QTest::newRow("scp-like ssh") << "git@github.com:org/repo.git"
                                  << "github.com/org/repo";
    QTest::newRow("ssh URL with a user") << "ssh://git@github.com/org/repo"
                                         << "github.com/org/repo";
    QTest::newRow("a local path stays a path") << "/srv/git/manifests.git/"
                                               << "/srv/git/manifests";
    QTest::newRow("a file URL is its path") << "file:///srv/git/manifests.git"
                                            << "/srv/git/manifests";
}

void TestArgoCd::normaliseRepoUrl()
{
    QFETCH(QString, url);
    QFETCH(QString, expected);
    QCOMPARE(argocd::normaliseRepoUrl(url), expected);
}

// Argo CD's documentation, Generators > List: two applications, one per element.
void TestArgoCd::listGenerator()
{
    write("applicationset/examples/list-generator/guestbook/engineering-dev/kustomization.yaml",
          "resources: []\n");
    write("appset.yaml", R"(apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata:
  name: guestbook
  namespace: argocd
spec:
  generators:
  - list:
      elements:
      - cluster: engineering-dev
        url: https://1.2.3.4
      - cluster: engineering-prod
        url: https://2.4.6.8
  template:
    metadata:
      name: '{{cluster}}-guestbook'
    spec:
      project: "my-project"
      source:
        repoURL: https://github.com/argoproj/argo-cd.git
        targetRevision: HEAD
        path: applicationset/examples/list-generator/guestbook/{{cluster}}
      destination:
        server: '{{url}}'
        namespace: guestbook
)");
    Options o;
    o.repoUrls = {QStringLiteral("https://github.com/argoproj/argo-cd.git")};
    const DeploymentMap map = read(o);
    QVERIFY2(map.problems.isEmpty(), qPrintable(messages(map.problems).join('\n')));
    QCOMPARE(names(map.applications),
             (QStringList{"engineering-dev-guestbook", "engineering-prod-guestbook"}));
    const Deployment *dev = find(map, QStringLiteral("engineering-dev-guestbook"));
    QCOMPARE(dev->server, QStringLiteral("https://1.2.3.4"));
    QCOMPARE(dev->path,
             QStringLiteral("applicationset/examples/list-generator/guestbook/engineering-dev"));
    QCOMPARE(dev->applicationSet, QStringLiteral("guestbook"));
    QCOMPARE(dev->project, QStringLiteral("my-project"));
    QCOMPARE(dev->file, QStringLiteral("appset.yaml"));
    QVERIFY(dev->thisRepository);
}

void TestArgoCd::listGeneratorRefusesNonStringsWithFastTemplate()
{
    write("appset.yaml", "apiVersion: argoproj.io/v1alpha1\nkind: ApplicationSet\n"
                         "metadata:\n  name: nums\nspec:\n  generators:\n  - list:\n"
                         "      elements:\n      - replicas: 3\n"
                         "  template:\n    metadata:\n      name: 'x-{{replicas}}'\n"
                         "    spec:\n      project: default\n");
    const DeploymentMap map = read();
    QCOMPARE(map.applications.size(), 0);
    QCOMPARE(messages(map.problems),
             QStringList{QStringLiteral(
                 "appset.yaml:9:19: error: ApplicationSet nums: error parsing element: the value "
                 "of 'replicas' is not a string (quote it, or use goTemplate)")});
}

void TestArgoCd::clustersGeneratorReadsClusterSecrets()
{
    write("argocd/clusters.yaml",
          clusterSecret("staging", "https://1.2.3.4", "    staging: \"true\"\n") + "---\n" +
              clusterSecret("production", "https://2.4.6.8", "    env: prod\n"));
    write("guestbook/kustomization.yaml", "resources: []\n");
    write("appset.yaml", R"(apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata:
  name: guestbook
spec:
  generators:
  - clusters:
      selector:
        matchLabels:
          staging: "true"
      values:
        revision: stable
  - clusters: {}
  template:
    metadata:
      name: '{{name}}-guestbook-{{values.revision}}'
      labels:
        env: '{{metadata.labels.env}}'
    spec:
      project: "default"
      source:
        repoURL: https://github.com/example/manifests.git
        targetRevision: main
        path: guestbook
      destination:
        server: '{{server}}'
        namespace: guestbook
)");
    const DeploymentMap map = read();
    QVERIFY2(map.problems.isEmpty(), qPrintable(messages(map.problems).join('\n')));
    // The selector picks the labelled Secret; an empty one takes every cluster and in-cluster,
    // and leaves {{values.revision}} as it was written (fasttemplate keeps unknown tags).
    QCOMPARE(names(map.applications),
             (QStringList{"in-cluster-guestbook-{{values.revision}}",
                          "production-guestbook-{{values.revision}}", "staging-guestbook-stable",
                          "staging-guestbook-{{values.revision}}"}));
    QCOMPARE(find(map, QStringLiteral("staging-guestbook-stable"))->cluster,
             QStringLiteral("staging"));
    QCOMPARE(map.clustersOf(QStringLiteral("guestbook")),
             (QStringList{"in-cluster", "production", "staging"}));
}

void TestArgoCd::clustersGeneratorWithGoTemplate()
{
    write("c.yaml",
          clusterSecret("gke-prd", "https://1.1.1.1", "    provider: gke\n    env: prd\n") +
              "---\n" +
              clusterSecret("eks-prd", "https://2.2.2.2", "    provider: eks\n    env: prd\n"));
    write("platform/agent/kustomization.yaml", "resources: []\n");
    write("appset.yaml", R"(apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata:
  name: agent
spec:
  goTemplate: true
  goTemplateOptions: ["missingkey=error"]
  generators:
  - clusters:
      selector:
        matchExpressions:
          - {key: provider, operator: In, values: [gke]}
  template:
    metadata:
      name: 'agent-{{.name}}-{{index .metadata.labels "env" | upper}}'
    spec:
      project: platform
      source:
        repoURL: https://github.com/example/manifests.git
        targetRevision: main
        path: platform/agent
      destination:
        name: '{{.name}}'
        namespace: '{{.nameNormalized}}'
)");
    const DeploymentMap map = read();
    QVERIFY2(map.problems.isEmpty(), qPrintable(messages(map.problems).join('\n')));
    QCOMPARE(names(map.applications), QStringList{"agent-gke-prd-PRD"});
    QCOMPARE(map.applications[0].server, QStringLiteral("https://1.1.1.1"));
}

void TestArgoCd::workspaceClustersWhenTheRepositoryHasNoSecrets()
{
    write("p/kustomization.yaml", "resources: []\n");
    write("appset.yaml", R"(apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata:
  name: p
spec:
  goTemplate: true
  generators:
  - clusters:
      selector:
        matchLabels: {env: prd}
  template:
    metadata:
      name: 'p-{{.name}}'
    spec:
      project: default
      source: {repoURL: "https://github.com/example/manifests.git", targetRevision: main, path: p}
      destination: {name: '{{.name}}', namespace: p}
)");
    Options o = defaults();
    o.workspaceClusters = {Cluster{QStringLiteral("gke-prd"),
                                   QStringLiteral("https://1.1.1.1"),
                                   {{QStringLiteral("env"), QStringLiteral("prd")}},
                                   {},
                                   {},
                                   QStringLiteral("/ws/workspace.yaml"),
                                   3},
                           Cluster{QStringLiteral("gke-dev"),
                                   QStringLiteral("https://3.3.3.3"),
                                   {{QStringLiteral("env"), QStringLiteral("dev")}},
                                   {},
                                   {},
                                   QStringLiteral("/ws/workspace.yaml"),
                                   7}};
    const DeploymentMap map = read(o);
    QCOMPARE(map.clusterSource, ClusterSource::Workspace);
    QCOMPARE(names(map.deploymentsOf(QStringLiteral("p"))), QStringList{"p-gke-prd"});
    QCOMPARE(map.clusters.size(), 3); // and in-cluster

    // Secrets in the repository win over workspace.yaml.
    write("c.yaml", clusterSecret("eks-prd", "https://2.2.2.2", "    env: prd\n"));
    const DeploymentMap withSecrets = read(o);
    QCOMPARE(withSecrets.clusterSource, ClusterSource::Secrets);
    QCOMPARE(names(withSecrets.deploymentsOf(QStringLiteral("p"))), QStringList{"p-eks-prd"});
}

void TestArgoCd::readWorkspaceClusters()
{
    write("workspace.yaml", "name: demo\nrepositories: []\nclusters:\n"
                            "  - name: gke-prd\n    server: https://1.1.1.1\n"
                            "    labels: {provider: gke, env: prd}\n"
                            "  - name: eks-dev\n    server: https://2.2.2.2\n");
    auto clusters = argocd::readWorkspaceClusters(m_dir->filePath("workspace.yaml"));
    QVERIFY(clusters.has_value());
    QCOMPARE(clusters->size(), 2);
    QCOMPARE(clusters->at(0).name, QStringLiteral("gke-prd"));
    QCOMPARE(clusters->at(0).labels.value(QStringLiteral("provider")), QStringLiteral("gke"));
    QCOMPARE(clusters->at(0).line, 4);
    QCOMPARE(clusters->at(1).server, QStringLiteral("https://2.2.2.2"));

    auto none = argocd::readWorkspaceClusters(m_dir->filePath("absent.yaml"));
    QVERIFY(none.has_value() && none->isEmpty());

    write("workspace.yaml", "clusters:\n  - name: x\n");
    auto bad = argocd::readWorkspaceClusters(m_dir->filePath("workspace.yaml"));
    QVERIFY(!bad.has_value());
    QCOMPARE(bad.error().toString(), m_dir->filePath("workspace.yaml") +
                                         QStringLiteral(":2:5: error: a cluster needs a name and "
                                                        "a server"));
    write("workspace.yaml", "clusters: 3\n");
    QVERIFY(!argocd::readWorkspaceClusters(m_dir->filePath("workspace.yaml")).has_value());
}

// Argo CD's documentation, Generators > Git > Directories, with an exclusion.
void TestArgoCd::gitDirectoryGenerator()
{
    const QString base =
        QStringLiteral("applicationset/examples/git-generator-directory/excludes/cluster-addons/");
    for (const char *addon : {"argo-workflows", "helm-guestbook", "exclude-helm-guestbook"})
        write(base + QLatin1String(addon) + QStringLiteral("/kustomization.yaml"),
              "resources: []\n");
    write(base + QStringLiteral(".hidden/kustomization.yaml"), "resources: []\n");
    write("appset.yaml", R"(apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata:
  name: cluster-addons
  namespace: argocd
spec:
  generators:
  - git:
      repoURL: https://github.com/argoproj/argo-cd.git
      revision: HEAD
      directories:
      - path: applicationset/examples/git-generator-directory/excludes/cluster-addons/*
      - path: applicationset/examples/git-generator-directory/excludes/cluster-addons/exclude-helm-guestbook
        exclude: true
  template:
    metadata:
      name: '{{path.basename}}'
    spec:
      project: "my-project"
      source:
        repoURL: https://github.com/argoproj/argo-cd.git
        targetRevision: HEAD
        path: '{{path}}'
      destination:
        server: https://kubernetes.default.svc
        namespace: '{{path[4]}}-{{path.basenameNormalized}}'
)");
    Options o;
    o.repoUrls = {QStringLiteral("https://github.com/argoproj/argo-cd")};
    const DeploymentMap map = read(o);
    QVERIFY2(map.problems.isEmpty(), qPrintable(messages(map.problems).join('\n')));
    QCOMPARE(names(map.applications), (QStringList{"argo-workflows", "helm-guestbook"}));
    QCOMPARE(find(map, QStringLiteral("helm-guestbook"))->nameSpace,
             QStringLiteral("cluster-addons-helm-guestbook"));
    QCOMPARE(find(map, QStringLiteral("helm-guestbook"))->cluster, QStringLiteral("in-cluster"));
    QCOMPARE(map.deploymentsOf(base + QStringLiteral("argo-workflows")).size(), 1);
}

void TestArgoCd::gitDirectoryGeneratorWithGoTemplateAndPrefix()
{
    for (const char *dir : {"services/pay/overlays/dev", "services/pay/overlays/prd",
                            "services/shop/overlays/prd", "services/shop/base"})
        write(QLatin1String(dir) + QStringLiteral("/kustomization.yaml"), "resources: []\n");
    write("appset.yaml", R"(apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata:
  name: services
spec:
  goTemplate: true
  goTemplateOptions: ["missingkey=error"]
  generators:
  - git:
      repoURL: https://github.com/example/manifests.git
      revision: main
      pathParamPrefix: overlay
      directories:
      - path: services/*/overlays/*
  template:
    metadata:
      name: '{{index .overlay.path.segments 1}}-{{.overlay.path.basename}}'
      annotations:
        argocd.argoproj.io/sync-wave: '{{if eq .overlay.path.basename "prd"}}5{{else}}1{{end}}'
    spec:
      project: default
      source:
        repoURL: https://github.com/example/manifests.git
        targetRevision: main
        path: '{{.overlay.path.path}}'
      destination:
        name: 'gke-{{.overlay.path.basename}}'
        namespace: '{{index .overlay.path.segments 1}}'
)");
    const DeploymentMap map = read();
    QVERIFY2(map.problems.isEmpty(), qPrintable(messages(map.problems).join('\n')));
    QCOMPARE(names(map.applications), (QStringList{"pay-dev", "pay-prd", "shop-prd"}));
    const auto prd = map.deploymentsOf(QStringLiteral("services/shop/overlays/prd"));
    QCOMPARE(prd.size(), 1);
    QCOMPARE(prd[0].cluster, QStringLiteral("gke-prd"));
    QCOMPARE(prd[0].nameSpace, QStringLiteral("shop"));
    QCOMPARE(prd[0].syncWave, 5);
    QCOMPARE(find(map, QStringLiteral("pay-dev"))->syncWave, 1);
}

// Argo CD's documentation, Generators > Git > Files: one application per config.json, the
// file's fields flattened for fasttemplate.
void TestArgoCd::gitFileGenerator()
{
    write(
        "cluster-config/engineering/dev/config.json",
        R"({"aws_account": "123456", "asset_id": "11223344", "cluster": {"owner": "cluster-admin@company.com", "name": "engineering-dev", "address": "https://1.2.3.4"}})");
    write(
        "cluster-config/engineering/prod/config.json",
        R"({"aws_account": "123456", "asset_id": "11223344", "cluster": {"owner": "cluster-admin@company.com", "name": "engineering-prod", "address": "https://2.4.6.8"}})");
    write("cluster-config/engineering/prod/notes.txt", "not matched\n");
    write("appset.yaml", R"(apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata:
  name: guestbook
spec:
  generators:
  - git:
      repoURL: https://github.com/example/manifests.git
      revision: HEAD
      files:
      - path: "cluster-config/**/config.json"
  template:
    metadata:
      name: '{{cluster.name}}-guestbook'
      labels:
        account: '{{aws_account}}'
    spec:
      project: default
      source:
        repoURL: https://github.com/example/manifests.git
        targetRevision: HEAD
        path: "apps/guestbook"
      destination:
        server: '{{cluster.address}}'
        namespace: '{{path[1]}}-{{path.basename}}-{{path.filenameNormalized}}'
)");
    const DeploymentMap map = read();
    QVERIFY2(map.problems.isEmpty(), qPrintable(messages(map.problems).join('\n')));
    QCOMPARE(names(map.applications),
             (QStringList{"engineering-dev-guestbook", "engineering-prod-guestbook"}));
    const Deployment *prod = find(map, QStringLiteral("engineering-prod-guestbook"));
    QCOMPARE(prod->server, QStringLiteral("https://2.4.6.8"));
    QCOMPARE(prod->nameSpace, QStringLiteral("engineering-prod-config.json"));
}

void TestArgoCd::gitFileGeneratorWithGoTemplate()
{
    write("envs/prd.yaml", "- service: pay\n  replicas: 3\n- service: shop\n  replicas: 1\n");
    write("envs/dev.yaml", "- service: pay\n  replicas: 1\n");
    write("appset.yaml", R"(apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata:
  name: envs
spec:
  goTemplate: true
  generators:
  - git:
      repoURL: https://github.com/example/manifests.git
      revision: main
      files:
      - path: envs/*.yaml
      - path: envs/dev.yaml
        exclude: true
  template:
    metadata:
      name: '{{.service}}-{{trimSuffix ".yaml" .path.filename}}-{{.replicas}}'
    spec:
      project: default
      source: {repoURL: "https://github.com/example/manifests.git", targetRevision: main, path: '{{.path.path}}'}
      destination: {name: in-cluster, namespace: '{{.service}}'}
)");
    const DeploymentMap map = read();
    QVERIFY2(map.problems.isEmpty(), qPrintable(messages(map.problems).join('\n')));
    QCOMPARE(names(map.applications), (QStringList{"pay-prd-3", "shop-prd-1"}));
    QCOMPARE(names(map.deploymentsOf(QStringLiteral("envs"))),
             (QStringList{"pay-prd-3", "shop-prd-1"}));
}

void TestArgoCd::gitGeneratorOfAnotherRepositoryIsANote()
{
    write("appset.yaml", R"(apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata:
  name: remote
spec:
  generators:
  - git:
      repoURL: https://github.com/example/other.git
      revision: main
      directories: [{path: "*"}]
  - pullRequest:
      github: {owner: example, repo: manifests}
  template:
    metadata: {name: '{{path.basename}}'}
    spec:
      project: default
      source: {repoURL: "https://github.com/example/other.git", targetRevision: main, path: '{{path}}'}
      destination: {name: in-cluster, namespace: x}
)");
    const DeploymentMap map = read();
    QVERIFY(map.problems.isEmpty());
    QCOMPARE(map.notes.size(), 1);
    QVERIFY2(map.notes[0].toString().startsWith(QLatin1String("appset.yaml:8:7: error: ")),
             qPrintable(map.notes[0].toString()));
    QVERIFY(map.notes[0].message.contains(QLatin1String("https://github.com/example/other.git")));
}

// Argo CD's documentation, Generators > Matrix: git directories x clusters.
void TestArgoCd::matrixGenerator()
{
    for (const char *addon : {"argo-workflows", "helm-guestbook"})
        write(QStringLiteral("applicationset/examples/matrix/cluster-addons/") +
                  QLatin1String(addon) + QStringLiteral("/kustomization.yaml"),
              "resources: []\n");
    write("clusters.yaml", clusterSecret("staging", "https://1.2.3.4", "") + "---\n" +
                               clusterSecret("production", "https://2.4.6.8", ""));
    write("appset.yaml", R"(apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata:
  name: cluster-git
spec:
  generators:
    - matrix:
        generators:
          - git:
              repoURL: https://github.com/argoproj/argo-cd.git
              revision: HEAD
              directories:
                - path: applicationset/examples/matrix/cluster-addons/*
          - clusters:
              selector:
                matchLabels:
                  argocd.argoproj.io/secret-type: cluster
  template:
    metadata:
      name: '{{path.basename}}-{{name}}'
    spec:
      project: '{{metadata.labels.environment}}'
      source:
        repoURL: https://github.com/argoproj/argo-cd.git
        targetRevision: HEAD
        path: '{{path}}'
      destination:
        server: '{{server}}'
        namespace: '{{path.basename}}'
)");
    Options o;
    o.repoUrls = {QStringLiteral("https://github.com/argoproj/argo-cd.git")};
    const DeploymentMap map = read(o);
    QVERIFY2(map.problems.isEmpty(), qPrintable(messages(map.problems).join('\n')));
    QCOMPARE(names(map.applications),
             (QStringList{"argo-workflows-production", "argo-workflows-staging",
                          "helm-guestbook-production", "helm-guestbook-staging"}));
    QCOMPARE(map.clustersOf(QStringLiteral("applicationset/examples/matrix/cluster-addons/"
                                           "helm-guestbook")),
             (QStringList{"production", "staging"}));
}

// The demo's pattern: each overlay of each service to the cluster of its environment; the
// second generator's selector is interpolated with the first one's parameters.
void TestArgoCd::matrixInterpolatesTheSecondGenerator()
{
    for (const char *dir : {"services/pay/overlays/dev", "services/pay/overlays/prd"})
        write(QLatin1String(dir) + QStringLiteral("/kustomization.yaml"), "resources: []\n");
    write("clusters.yaml",
          clusterSecret("gke-dev", "https://1.1.1.1", "    env: dev\n    provider: gke\n") +
              "---\n" +
              clusterSecret("gke-prd", "https://2.2.2.2", "    env: prd\n    provider: gke\n") +
              "---\n" +
              clusterSecret("eks-prd", "https://3.3.3.3", "    env: prd\n    provider: eks\n"));
    write("appset.yaml", R"(apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata:
  name: services
spec:
  goTemplate: true
  goTemplateOptions: ["missingkey=error"]
  generators:
    - matrix:
        generators:
          - git:
              repoURL: https://github.com/example/manifests.git
              revision: main
              directories:
                - path: services/*/overlays/*
          - clusters:
              selector:
                matchLabels:
                  provider: gke
                  env: '{{.path.basename}}'
  template:
    metadata:
      name: '{{index .path.segments 1}}-{{.path.basename}}'
    spec:
      project: default
      source:
        repoURL: https://github.com/example/manifests.git
        targetRevision: main
        path: '{{.path.path}}'
      destination:
        name: '{{.name}}'
        namespace: '{{index .path.segments 1}}'
)");
    const DeploymentMap map = read();
    QVERIFY2(map.problems.isEmpty(), qPrintable(messages(map.problems).join('\n')));
    QCOMPARE(map.clustersOf(QStringLiteral("services/pay/overlays/dev")), QStringList{"gke-dev"});
    QCOMPARE(map.clustersOf(QStringLiteral("services/pay/overlays/prd")), QStringList{"gke-prd"});
}

// Argo CD's documentation, Generators > Merge: base values per cluster, overridden by a
// selector and by a list element matched on `server`.
void TestArgoCd::mergeGenerator()
{
    write("clusters.yaml", clusterSecret("c1", "https://1.2.3.4", "    use-kafka: \"false\"\n") +
                               "---\n" + clusterSecret("c2", "https://2.4.6.8", ""));
    write("appset.yaml", R"(apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata:
  name: cluster-git
spec:
  generators:
    - merge:
        mergeKeys:
          - server
        generators:
          - clusters:
              values:
                kafka: 'true'
                redis: 'false'
          - clusters:
              selector:
                matchLabels:
                  use-kafka: 'false'
              values:
                kafka: 'false'
          - list:
              elements:
                - server: https://2.4.6.8
                  values.redis: 'true'
  template:
    metadata:
      name: '{{name}}-kafka-{{values.kafka}}-redis-{{values.redis}}'
    spec:
      project: default
      source:
        repoURL: https://github.com/argoproj/argo-cd.git
        targetRevision: HEAD
        path: app
      destination:
        server: '{{server}}'
        namespace: default
)");
    const DeploymentMap map = read();
    QVERIFY2(map.problems.isEmpty(), qPrintable(messages(map.problems).join('\n')));
    QCOMPARE(names(map.applications),
             (QStringList{"c1-kafka-false-redis-false", "c2-kafka-true-redis-true",
                          "in-cluster-kafka-true-redis-false"}));
}

void TestArgoCd::templatePatchAndGeneratorTemplate()
{
    write("appset.yaml", R"(apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata:
  name: patched
spec:
  goTemplate: true
  generators:
  - list:
      elements:
      - name: a
        auto: true
      - name: b
        auto: false
    template:
      metadata: {}
      spec:
        project: special
  template:
    metadata:
      name: '{{.name}}'
    spec:
      project: default
      source: {repoURL: "https://github.com/example/manifests.git", targetRevision: main, path: '{{.name}}'}
      destination: {name: in-cluster, namespace: '{{.name}}'}
  templatePatch: |
    {{- if .auto }}
    spec:
      syncPolicy:
        automated:
          prune: true
    {{- end }}
)");
    const DeploymentMap map = read();
    QVERIFY2(map.problems.isEmpty(), qPrintable(messages(map.problems).join('\n')));
    QCOMPARE(find(map, QStringLiteral("a"))->syncPolicy, QStringLiteral("automated (prune)"));
    QCOMPARE(find(map, QStringLiteral("b"))->syncPolicy, QStringLiteral("manual"));
    QCOMPARE(find(map, QStringLiteral("a"))->project, QStringLiteral("special"));
}

void TestArgoCd::duplicateGeneratedNamesAreAProblem()
{
    write("appset.yaml", "apiVersion: argoproj.io/v1alpha1\nkind: ApplicationSet\n"
                         "metadata:\n  name: dup\nspec:\n  generators:\n  - list:\n"
                         "      elements: [{env: dev}, {env: prd}]\n"
                         "  template:\n    metadata:\n      name: same\n"
                         "    spec:\n      project: default\n"
                         "      source: {repoURL: x, path: '{{env}}'}\n"
                         "      destination: {name: in-cluster}\n");
    const DeploymentMap map = read();
    QCOMPARE(map.applications.size(), 0);
    QCOMPARE(messages(map.problems),
             QStringList{QStringLiteral("appset.yaml:1:1: error: ApplicationSet dup contains "
                                        "applications with duplicate name: same")});
}

void TestArgoCd::appOfAppsRendersWithKustomize()
{
    write("services/a/kustomization.yaml", "resources: []\n");
    write("services/b/kustomization.yaml", "resources: []\n");
    write("apps/kustomization.yaml", "resources:\n- a.yaml\n- b.yaml\n");
    write("apps/a.yaml", application("a", "services/a"));
    write("apps/b.yaml", application("b", "services/b"));
    write("bootstrap/root.yaml", application("root", "apps", "name: in-cluster"));
    const DeploymentMap map = read();
    QVERIFY2(map.problems.isEmpty(), qPrintable(messages(map.problems).join('\n')));
    QCOMPARE(names(map.applications), (QStringList{"a", "b", "root"}));
    QCOMPARE(find(map, QStringLiteral("a"))->parent, QStringLiteral("root"));
    QCOMPARE(find(map, QStringLiteral("a"))->file, QStringLiteral("apps/a.yaml"));
    QCOMPARE(find(map, QStringLiteral("a"))->line, 1);
    QCOMPARE(find(map, QStringLiteral("root"))->parent, QString());
    QCOMPARE(names(map.deploymentsOf(QStringLiteral("apps"))), QStringList{"root"});
}

void TestArgoCd::appOfAppsCycleIsReported()
{
    write("apps/kustomization.yaml", "resources:\n- a.yaml\n");
    write("apps/a.yaml", application("a", "apps"));
    write("bootstrap/root.yaml", application("root", "apps"));
    const DeploymentMap map = read();
    // root renders apps/, whose application `a` renders apps/ again.
    QCOMPARE(map.problems.size(), 1);
    QVERIFY2(map.problems[0].toString().contains(
                 QLatin1String("root and a both render the applications of apps")),
             qPrintable(map.problems[0].toString()));
    // An application that manages the folder it is in is fine (the demo's root application).
    write("apps/a.yaml", application("root", "apps"));
    QFile::remove(m_dir->filePath("bootstrap/root.yaml"));
    const DeploymentMap self = read();
    QVERIFY2(self.problems.isEmpty(), qPrintable(messages(self.problems).join('\n')));
}

void TestArgoCd::appOfAppsDepthIsBounded()
{
    // root → l1 → l2 → l3 → leaf, each level a folder with one Application.
    write("bootstrap/root.yaml", application("root", "l1"));
    for (int i = 1; i <= 3; ++i) {
        const QByteArray n = QByteArray::number(i);
        write(QStringLiteral("l%1/kustomization.yaml").arg(i), "resources:\n- app.yaml\n");
        write(QStringLiteral("l%1/app.yaml").arg(i),
              application("app" + n, i < 3 ? "l" + QByteArray::number(i + 1) : "leaf"));
    }
    write("leaf/kustomization.yaml", "resources: []\n");
    Options o = defaults();
    o.maxAppOfAppsDepth = 2;
    const DeploymentMap map = read(o);
    QCOMPARE(map.problems.size(), 1);
    QVERIFY2(map.problems[0].message.contains(QLatin1String("more than 2 levels deep")),
             qPrintable(map.problems[0].toString()));
    QVERIFY(read().problems.isEmpty());
}

void TestArgoCd::renamedByKustomizeCountsOnce()
{
    write("services/a/kustomization.yaml", "resources: []\n");
    write("apps/kustomization.yaml", "namePrefix: team-\nresources:\n- a.yaml\n");
    write("apps/a.yaml", application("a", "services/a"));
    write("bootstrap/root.yaml", application("root", "apps"));
    const DeploymentMap map = read();
    QCOMPARE(names(map.deploymentsOf(QStringLiteral("services/a"))), QStringList{"team-a"});
}

void TestArgoCd::malformedObjectsAreProblemsAtTheirLine_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected");

    QTest::newRow("a YAML syntax error in an Application")
        << QByteArray("apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata: [\n")
        << "bad.yaml:4:1: error: ";
    QTest::newRow("an ApplicationSet whose generators are not a list")
        << QByteArray("apiVersion: argoproj.io/v1alpha1\nkind: ApplicationSet\nmetadata:\n"
                      "  name: s\nspec:\n  generators: {}\n  template: {metadata: {}}\n")
        << "bad.yaml:6:3: error: ApplicationSet s has no generators list";
    QTest::newRow("a Go template that does not parse")
        << QByteArray("apiVersion: argoproj.io/v1alpha1\nkind: ApplicationSet\nmetadata:\n"
                      "  name: s\nspec:\n  goTemplate: true\n  generators:\n"
                      "  - list: {elements: [{a: b}]}\n  template:\n    metadata:\n"
                      "      name: '{{.a'\n")
        << "bad.yaml:11:13: error: ApplicationSet s: failed to execute go template {{.a: "
           "template: :1:1: unclosed action";
    QTest::newRow("a missing key with missingkey=error")
        << QByteArray("apiVersion: argoproj.io/v1alpha1\nkind: ApplicationSet\nmetadata:\n"
                      "  name: s\nspec:\n  goTemplate: true\n  goTemplateOptions: "
                      "[missingkey=error]\n  generators:\n  - list: {elements: [{a: b}]}\n"
                      "  template:\n    metadata:\n      name: '{{.b}}'\n")
        << "bad.yaml:12:13: error: ApplicationSet s: failed to execute go template {{.b}}: "
           "template: :1:3: executing \"\" at <.b>: map has no entry for key \"b\"";
    QTest::newRow("a matrix with three generators")
        << QByteArray("apiVersion: argoproj.io/v1alpha1\nkind: ApplicationSet\nmetadata:\n"
                      "  name: s\nspec:\n  generators:\n  - matrix:\n      generators: [{list: "
                      "{}}, {list: {}}, {list: {}}]\n  template: {metadata: {name: x}}\n")
        << "bad.yaml:8:7: error: ApplicationSet s: matrix must have exactly 2 child generators";
    QTest::newRow("a generator nested too deeply")
        << QByteArray("apiVersion: argoproj.io/v1alpha1\nkind: ApplicationSet\nmetadata:\n"
                      "  name: s\nspec:\n  generators:\n  - matrix:\n      generators:\n"
                      "      - matrix:\n          generators:\n          - matrix:\n"
                      "              generators:\n              - matrix:\n"
                      "                  generators: [{list: {}}, {list: {}}]\n"
                      "              - list: {}\n          - list: {}\n      - list: {}\n"
                      "  template: {metadata: {name: x}}\n")
        << "bad.yaml:14:32: error: ApplicationSet s: generators nested more than 3 levels deep";
    QTest::newRow("an unknown goTemplateOptions entry")
        << QByteArray("apiVersion: argoproj.io/v1alpha1\nkind: ApplicationSet\nmetadata:\n"
                      "  name: s\nspec:\n  goTemplate: true\n  goTemplateOptions: [nope]\n"
                      "  generators: []\n  template: {metadata: {name: x}}\n")
        << "bad.yaml:7:22: error: unrecognized option: nope";
    QTest::newRow("an Application without a name")
        << QByteArray("apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata: {}\n")
        << "bad.yaml:1:1: error: Application without metadata.name";
    QTest::newRow("an Application path that leaves the repository")
        << QByteArray("apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n"
                      "  name: out\nspec:\n  source:\n    repoURL: "
                      "https://github.com/example/manifests.git\n    targetRevision: main\n"
                      "    path: ../../etc\n  destination: {name: in-cluster}\n")
        << "bad.yaml:9:11: error: the path of out leaves the repository";
    QTest::newRow("a sync wave that is not a number")
        << QByteArray("apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n"
                      "  name: w\n  annotations:\n    argocd.argoproj.io/sync-wave: soon\n"
                      "spec:\n  source: {repoURL: x, path: p}\n")
        << "bad.yaml:6:35: error: sync wave 'soon' of w is not an integer";
}

void TestArgoCd::malformedObjectsAreProblemsAtTheirLine()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    write("bad.yaml", text);
    const DeploymentMap map = read();
    QCOMPARE(map.problems.size(), 1);
    QVERIFY2(map.problems[0].toString().startsWith(expected),
             qPrintable(map.problems[0].toString()));
}

void TestArgoCd::unsavedEditsAreRead()
{
    write("p/kustomization.yaml", "resources: []\n");
    write("apps/a.yaml", application("a", "p"));
    kustomize::FileOverlay overlay;
    overlay.files.insert(QDir::cleanPath(m_dir->filePath("apps/a.yaml")),
                         application("a", "p", "name: eks-prd"));
    overlay.files.insert(QDir::cleanPath(m_dir->filePath("apps/new.yaml")),
                         application("new", "p", "name: gke-dev"));
    Options o = defaults();
    o.overlay = &overlay;
    const DeploymentMap map = read(o);
    QCOMPARE(map.clustersOf(QStringLiteral("p")), (QStringList{"eks-prd", "gke-dev"}));
    overlay.files.insert(QDir::cleanPath(m_dir->filePath("apps/a.yaml")), std::nullopt);
    QCOMPARE(read(o).clustersOf(QStringLiteral("p")), QStringList{"gke-dev"});
}

void TestArgoCd::filesOutsideTheRepositoryAreNotRead()
{
    QTemporaryDir outside;
    QVERIFY(test::writeFile(outside.filePath("app.yaml"), application("outside", "p")));
    write("repo/p/kustomization.yaml", "resources: []\n");
    write("repo/.git/app.yaml", application("in-git", "p"));
    QVERIFY(QFile::link(outside.filePath("app.yaml"), m_dir->filePath("repo/linked.yaml")));
    QVERIFY(QFile::link(outside.path(), m_dir->filePath("repo/linked-folder")));
    auto map = readDeployments(m_dir->filePath("repo"), defaults());
    QVERIFY(map.has_value());
    QCOMPARE(map->applications.size(), 0);
}

void TestArgoCd::demoEveryOverlayIsDeployedToItsCluster()
{
    QVERIFY2(!test::sourceDir().isEmpty(), "KANRI_SOURCE_DIR is not set (run via ctest)");
    const QString root = test::sourceDir() + QStringLiteral("/resources/demo/manifests");
    auto map = readDeployments(root, Options{});
    if (!map)
        QFAIL(qPrintable(map.error().toString()));
    QVERIFY2(map->problems.isEmpty(), qPrintable(messages(map->problems).join('\n')));
    QVERIFY(map->notes.isEmpty());
    QVERIFY2(map->assumptions.isEmpty(), qPrintable(map->assumptions.join('\n'))); // .kanri.yaml
    QCOMPARE(map->clusterSource, ClusterSource::Secrets);
    QCOMPARE(map->clusters.size(), 7);

    const QSet<QString> onEks{QStringLiteral("fraud-detector"), QStringLiteral("video-transcoder")};
    const QStringList services = QDir(root + QStringLiteral("/services"))
                                     .entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    QCOMPARE(services.size(), 12);
    for (const QString &service : services) {
        for (const QString env : {"dev", "stg", "prd"}) {
            const QString overlay = QStringLiteral("services/%1/overlays/%2").arg(service, env);
            const auto list = map->deploymentsOf(overlay);
            QCOMPARE(list.size(), 1);
            const Deployment &d = list.first();
            QCOMPARE(d.application, service + QLatin1Char('-') + env);
            QCOMPARE(d.cluster,
                     (onEks.contains(service) ? QStringLiteral("eks-") : QStringLiteral("gke-")) +
                         env);
            QVERIFY2(!d.server.isEmpty(), qPrintable(overlay));
            QCOMPARE(d.nameSpace, service);
            QCOMPARE(d.parent, QStringLiteral("root"));
            QCOMPARE(d.syncPolicy, env == QLatin1String("prd")
                                       ? QStringLiteral("manual")
                                       : QStringLiteral("automated (prune, selfHeal)"));
        }
    }
    QCOMPARE(names(map->deploymentsOf(QStringLiteral("argocd/applications"))), QStringList{"root"});
    QCOMPARE(names(map->deploymentsOf(QStringLiteral("platform/argocd"))),
             QStringList{"platform-argocd"});
}

void TestArgoCd::demoApplicationSetsResolveThroughTheClusters()
{
    QVERIFY2(!test::sourceDir().isEmpty(), "KANRI_SOURCE_DIR is not set (run via ctest)");
    const QString root = test::sourceDir() + QStringLiteral("/resources/demo/manifests");
    auto map = readDeployments(root, Options{});
    QVERIFY(map.has_value());
    const QStringList six{"eks-dev", "eks-prd", "eks-stg", "gke-dev", "gke-prd", "gke-stg"};
    QCOMPARE(map->clustersOf(QStringLiteral("platform/datadog-agent")), six);
    QCOMPARE(map->clustersOf(QStringLiteral("platform/namespaces")), six);
    for (const Deployment &d : map->deploymentsOf(QStringLiteral("platform/datadog-agent"))) {
        QCOMPARE(d.applicationSet, QStringLiteral("platform-datadog-agent"));
        QCOMPARE(d.application, QStringLiteral("datadog-agent-") + d.cluster);
        QCOMPARE(d.nameSpace, QStringLiteral("datadog"));
        QCOMPARE(d.syncPolicy, QStringLiteral("automated (selfHeal)"));
    }
    const Cluster *prd = map->cluster(QStringLiteral("eks-prd"));
    QVERIFY(prd);
    QCOMPARE(prd->labels.value(QStringLiteral("demo.example.co.jp/provider")),
             QStringLiteral("eks"));
    QCOMPARE(prd->file, QStringLiteral("platform/argocd/clusters/eks-prd.yaml"));
}

QTEST_GUILESS_MAIN(TestArgoCd)
#include "tst_argocd.moc"
