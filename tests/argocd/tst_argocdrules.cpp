// The Argo CD rules (models/rules/ruleargocd) over a workspace, through `kanri lint`'s Linter,
// and the catalog's JSON with each environment's applications (models/platform/catalogjson,
// `kanri catalog --json` on the demo).

#include "platform/catalog.h"
#include "platform/catalogjson.h"
#include "rules/ruleargocd.h"
#include "rules/rulelinter.h"
#include "tests/testsupport/testutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace kanri;
using namespace kanri::platform;

class TestArgoCdRules : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void eachRuleFindsItsCase();
    void aCleanRepositoryHasNoFindings();
    void noApplicationsMeansNoOverlayFindings();
    void theLinterRunsTheRules();
    void unsavedEditsAreChecked();
    void workspaceClustersReachTheApplicationSets();
    void catalogJsonListsTheApplications();
    void demoCatalogJsonFromTheCommandLine();

private:
    void write(const QString &path, const QByteArray &text);
    Catalog catalog();
    QString manifests() const { return m_dir->filePath(QStringLiteral("manifests")); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

namespace {

QByteArray overlay(const QByteArray &ns)
{
    return "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: " + ns +
           "\nresources: []\n";
}

QByteArray application(const QByteArray &name, const QByteArray &path, const QByteArray &cluster,
                       const QByteArray &ns)
{
    return "apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: " + name +
           "\n  annotations:\n    argocd.argoproj.io/sync-wave: \"2\"\n"
           "spec:\n  project: shop\n  source:\n"
           "    repoURL: https://github.com/example/manifests.git\n"
           "    targetRevision: main\n    path: " +
           path + "\n  destination:\n    name: " + cluster + "\n    namespace: " + ns + "\n";
}

QStringList describe(const QList<Finding> &findings)
{
    QStringList out;
    for (const Finding &f : findings)
        out << QStringLiteral("%1 %2:%3 %4").arg(f.rule, f.file).arg(f.line).arg(f.message);
    out.sort();
    return out;
}

} // namespace

void TestArgoCdRules::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    write("workspace.yaml", "name: t\nrepositories:\n"
                            "  - name: manifests\n    role: manifests\n    path: manifests\n"
                            "    url: https://github.com/example/manifests.git\n"
                            "clusters:\n"
                            "  - name: gke-dev\n    server: https://1.1.1.1\n"
                            "    labels: {env: dev}\n"
                            "  - name: gke-prd\n    server: https://2.2.2.2\n"
                            "    labels: {env: prd}\n");
    for (const char *svc : {"a", "b"}) {
        for (const char *env : {"dev", "prd"})
            write(QStringLiteral("manifests/services/%1/overlays/%2/kustomization.yaml")
                      .arg(QLatin1String(svc), QLatin1String(env)),
                  overlay(svc));
    }
}

void TestArgoCdRules::write(const QString &path, const QByteArray &text)
{
    QVERIFY2(test::writeFile(m_dir->filePath(path), text), qPrintable(path));
}

Catalog TestArgoCdRules::catalog()
{
    auto ws = Workspace::load(m_dir->path());
    if (!ws) {
        qWarning("%s", qPrintable(ws.error().toString()));
        return {};
    }
    auto c = Catalog::load(*ws);
    if (!c) {
        qWarning("%s", qPrintable(c.error().toString()));
        return {};
    }
    return *c;
}

void TestArgoCdRules::eachRuleFindsItsCase()
{
    write("manifests/argocd/a-dev.yaml",
          application("a-dev", "services/a/overlays/dev", "gke-dev", "somewhere-else"));
    write("manifests/argocd/a-prd.yaml",
          application("a-prd", "services/a/overlays/prd", "gke-prd", "a"));
    write("manifests/argocd/a-prd-again.yaml",
          application("a-prd-again", "services/a/overlays/prd", "gke-prd", "a"));
    write("manifests/argocd/b-dev.yaml",
          application("b-dev", "services/b/overlays/dev", "gke-dev", "b"));
    write("manifests/argocd/gone.yaml",
          application("gone", "services/gone/overlays/prd", "gke-prd", "gone"));
    write("manifests/argocd/broken.yaml",
          "apiVersion: argoproj.io/v1alpha1\nkind: ApplicationSet\nmetadata:\n  name: broken\n"
          "spec:\n  goTemplate: true\n  generators:\n  - list: {elements: [{x: y}]}\n"
          "  template:\n    metadata:\n      name: '{{.x | nope}}'\n");
    const Catalog c = catalog();
    const QList<Finding> findings = checkArgoCd(c, m_dir->path());
    QCOMPARE(
        describe(findings),
        (QStringList{
            "argocd/duplicate-deployment manifests/argocd/a-prd-again.yaml:1 a-prd and "
            "a-prd-again both deploy services/a/overlays/prd to the cluster gke-prd",
            "argocd/invalid manifests/argocd/broken.yaml:11 ApplicationSet broken: failed to "
            "execute go template {{.x | nope}}: template: :1:8: executing \"\" at <nope>: "
            "function \"nope\" not defined",
            "argocd/missing-path manifests/argocd/gone.yaml:1 the application gone deploys "
            "services/gone/overlays/prd, which does not exist in this repository",
            "argocd/namespace-mismatch manifests/argocd/a-dev.yaml:1 the application a-dev "
            "deploys services/a/overlays/dev into the namespace somewhere-else, but the "
            "overlay sets a",
            "argocd/overlay-not-deployed manifests/services/b/overlays/prd/kustomization.yaml:1 "
            "no Argo CD application deploys services/b/overlays/prd",
        }));
    for (const Finding &f : findings) {
        const RuleInfo *info = nullptr;
        for (const RuleInfo &r : ruleCatalog())
            if (QLatin1String(r.id) == f.rule)
                info = &r;
        QVERIFY2(info, qPrintable(f.rule + QStringLiteral(" is not in the rule catalog")));
        QCOMPARE(f.severity, info->defaultSeverity);
        QCOMPARE(f.repository, QDir::cleanPath(manifests()));
    }
    const auto mismatch = std::find_if(findings.cbegin(), findings.cend(), [](const Finding &f) {
        return f.rule == QLatin1String("argocd/namespace-mismatch");
    });
    QCOMPARE(mismatch->service, QStringLiteral("a"));
    QCOMPARE(mismatch->environment, QStringLiteral("dev"));
}

void TestArgoCdRules::aCleanRepositoryHasNoFindings()
{
    for (const char *svc : {"a", "b"})
        for (const char *env : {"dev", "prd"})
            write(QStringLiteral("manifests/argocd/%1-%2.yaml")
                      .arg(QLatin1String(svc), QLatin1String(env)),
                  application(QByteArray(svc) + '-' + env,
                              "services/" + QByteArray(svc) + "/overlays/" + env,
                              "gke-" + QByteArray(env), svc));
    QCOMPARE(describe(checkArgoCd(catalog(), m_dir->path())), QStringList());
}

void TestArgoCdRules::noApplicationsMeansNoOverlayFindings()
{
    // A repository without Argo CD objects is not told that nothing deploys it.
    QCOMPARE(describe(checkArgoCd(catalog(), m_dir->path())), QStringList());
}

void TestArgoCdRules::theLinterRunsTheRules()
{
    write("manifests/argocd/a-dev.yaml",
          application("a-dev", "services/a/overlays/dev", "gke-dev", "wrong"));
    const Linter linter([](const QString &) -> Result<QByteArray> { return QByteArray(); });
    auto result = linter.lint(catalog());
    QVERIFY(result.has_value());
    QStringList rules;
    for (const Finding &f : result->findings)
        if (f.rule.startsWith(QLatin1String("argocd/")))
            rules << f.rule;
    rules.sort();
    QCOMPARE(rules, (QStringList{"argocd/namespace-mismatch", "argocd/overlay-not-deployed",
                                 "argocd/overlay-not-deployed", "argocd/overlay-not-deployed"}));

    // The rules obey .kanri.yaml like every other rule.
    write("manifests/.kanri.yaml", "rules:\n  disable: [argocd/overlay-not-deployed]\n"
                                   "  severity: {argocd/namespace-mismatch: warning}\n");
    auto configured = linter.lint(catalog());
    QVERIFY(configured.has_value());
    QStringList after;
    for (const Finding &f : configured->findings)
        if (f.rule.startsWith(QLatin1String("argocd/")))
            after << f.rule + QLatin1Char(' ') + severityName(f.severity);
    QCOMPARE(after, QStringList{"argocd/namespace-mismatch warning"});
}

void TestArgoCdRules::unsavedEditsAreChecked()
{
    write("manifests/argocd/a-dev.yaml",
          application("a-dev", "services/a/overlays/dev", "gke-dev", "a"));
    QHash<QString, std::optional<QByteArray>> unsaved;
    unsaved.insert(QDir::cleanPath(manifests() + QStringLiteral("/argocd/a-dev.yaml")),
                   application("a-dev", "services/a/overlays/dev", "gke-dev", "typo"));
    QStringList rules;
    for (const Finding &f : checkArgoCd(catalog(), m_dir->path(), unsaved))
        rules << f.rule;
    QVERIFY2(rules.contains(QStringLiteral("argocd/namespace-mismatch")),
             qPrintable(rules.join(' ')));
}

void TestArgoCdRules::workspaceClustersReachTheApplicationSets()
{
    write("manifests/argocd/services.yaml", R"(apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata:
  name: services
spec:
  goTemplate: true
  generators:
  - matrix:
      generators:
      - git:
          repoURL: https://github.com/example/manifests.git
          revision: main
          directories: [{path: "services/*/overlays/*"}]
      - clusters:
          selector:
            matchLabels: {env: '{{.path.basename}}'}
  template:
    metadata:
      name: '{{index .path.segments 1}}-{{.path.basename}}'
    spec:
      project: shop
      source:
        repoURL: https://github.com/example/manifests.git
        targetRevision: main
        path: '{{.path.path}}'
      destination: {name: '{{.name}}', namespace: '{{index .path.segments 1}}'}
)");
    const Catalog c = catalog();
    auto map = catalogDeployments(c);
    QVERIFY(map.has_value());
    QVERIFY2(map->problems.isEmpty(), qPrintable(map->problems.value(0).toString()));
    QCOMPARE(map->clusterSource, argocd::ClusterSource::Workspace);
    QCOMPARE(map->clustersOf(QStringLiteral("services/b/overlays/prd")), QStringList{"gke-prd"});
    QCOMPARE(describe(checkDeployments(c, *map, m_dir->path())), QStringList());

    // A broken clusters list in workspace.yaml is a problem of the map, at its line.
    QByteArray ws = test::readAll(m_dir->filePath("workspace.yaml"));
    ws.replace("  - name: gke-prd\n", "  - nme: gke-prd\n");
    write("workspace.yaml", ws);
    auto broken = catalogDeployments(catalog());
    QVERIFY(broken.has_value());
    QCOMPARE(broken->problems.size(), 1);
    QCOMPARE(broken->problems[0].toString(),
             m_dir->filePath("workspace.yaml") +
                 QStringLiteral(":11:5: error: a cluster needs a name and a server"));
}

void TestArgoCdRules::catalogJsonListsTheApplications()
{
    write("manifests/argocd/a-prd.yaml",
          application("a-prd", "services/a/overlays/prd", "gke-prd", "a"));
    const Catalog c = catalog();
    const QJsonObject plain = catalogToJson(c);
    auto map = catalogDeployments(c);
    QVERIFY(map.has_value());
    const QJsonObject with = catalogToJson(c, &*map);
    // Without a map the JSON is what it was; with one only `applications` is added.
    QJsonObject stripped = with;
    QJsonArray services = stripped.value("services").toArray();
    for (qsizetype i = 0; i < services.size(); ++i) {
        QJsonObject s = services[i].toObject();
        QJsonArray envs = s.value("environments").toArray();
        for (qsizetype j = 0; j < envs.size(); ++j) {
            QJsonObject e = envs[j].toObject();
            QVERIFY(e.contains("applications"));
            e.remove("applications");
            envs[j] = e;
        }
        s.insert("environments", envs);
        services[i] = s;
    }
    stripped.insert("services", services);
    QCOMPARE(stripped, plain);

    const QJsonObject a = with.value("services").toArray().at(0).toObject();
    QCOMPARE(a.value("id").toString(), QStringLiteral("a"));
    QJsonObject prd;
    for (const QJsonValue &e : a.value("environments").toArray())
        if (e.toObject().value("name") == QLatin1String("prd"))
            prd = e.toObject();
    const QJsonArray expected{QJsonObject{{"name", "a-prd"},
                                          {"cluster", "gke-prd"},
                                          {"namespace", "a"},
                                          {"project", "shop"},
                                          {"syncWave", 2}}};
    QCOMPARE(prd.value("applications").toArray(), expected);
}

void TestArgoCdRules::demoCatalogJsonFromTheCommandLine()
{
    const QString kanri = test::kanriBinary();
    QVERIFY2(QFileInfo::exists(kanri), "the kanri binary is built with the tests");
    // An empty folder becomes the demo workspace.
    QTemporaryDir home;
    const QString ws = home.filePath(QStringLiteral("demo"));
    const auto r = test::run(kanri, {"catalog", "--workspace", ws, "--json"});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject json = QJsonDocument::fromJson(r.out).object();
    int applications = 0;
    for (const QJsonValue &s : json.value("services").toArray()) {
        const QString service = s.toObject().value("id").toString();
        const bool eks = service == QLatin1String("fraud-detector") ||
                         service == QLatin1String("video-transcoder");
        for (const QJsonValue &e : s.toObject().value("environments").toArray()) {
            const QJsonObject env = e.toObject();
            const QJsonArray apps = env.value("applications").toArray();
            QCOMPARE(apps.size(), 1);
            const QJsonObject app = apps.first().toObject();
            QCOMPARE(app.value("name").toString(),
                     service + QLatin1Char('-') + env.value("name").toString());
            QCOMPARE(app.value("cluster").toString(),
                     (eks ? QStringLiteral("eks-") : QStringLiteral("gke-")) +
                         env.value("name").toString());
            QCOMPARE(app.value("namespace").toString(), env.value("namespace").toString());
            QVERIFY(!app.value("project").toString().isEmpty());
            QCOMPARE(app.value("syncWave").toInt(-1), 0);
            ++applications;
        }
    }
    QCOMPARE(applications, 36);
}

QTEST_GUILESS_MAIN(TestArgoCdRules)
#include "tst_argocdrules.moc"
