// Each platform rule on a small synthetic workspace (an accounts and a manifests repository):
// rows that fire at the expected file:line and rows that do not. The manifests render with the
// in-process kustomize engine.

#include "rules/rulelinter.h"
#include "rules/rulesources.h"
#include "rulestestutil.h"
#include "tests/testsupport/testutil.h"

#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace kanri::platform;

using Files = QMap<QString, QByteArray>; // workspace-relative path → content; empty: delete

class TestRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rules_data();
    void rules();
    void sourceLocationsFollowTheLastWriter();
    void releasingCachesChangesNoFinding();
};

namespace {

const QByteArray kDeployment = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
spec:
  replicas: 2
  selector:
    matchLabels:
      app: app
  template:
    metadata:
      labels:
        app: app
    spec:
      containers:
        - name: app
          image: registry.example/proj/app/app:1.0.0
          resources:
            requests:
              cpu: 100m
              memory: 128Mi
            limits:
              cpu: 500m
              memory: 256Mi
)";

// A clean workspace: one service `app` with a dev overlay, its microservice entry, two
// developers, CODEOWNERS in both repositories.
Files cleanWorkspace()
{
    Files f;
    f[QStringLiteral("workspace.yaml")] = "name: t\n"
                                          "repositories:\n"
                                          "  - name: accounts\n"
                                          "    role: accounts\n"
                                          "    url: /nowhere/accounts.git\n"
                                          "    path: accounts\n"
                                          "  - name: manifests\n"
                                          "    role: manifests\n"
                                          "    url: /nowhere/manifests.git\n"
                                          "    path: manifests\n";
    f[QStringLiteral("accounts/.github/CODEOWNERS")] = "* @org/sre\n";
    f[QStringLiteral("accounts/variables.tf")] = "variable \"developers\" {\n"
                                                 "  type = map(object({\n"
                                                 "    name            = string\n"
                                                 "    github          = string\n"
                                                 "    github_approver = optional(bool, false)\n"
                                                 "    gcp             = optional(bool, false)\n"
                                                 "  }))\n"
                                                 "}\n";
    f[QStringLiteral("accounts/developers.auto.tfvars")] = "developers = {\n"
                                                           "  alice = {\n"
                                                           "    name            = \"Alice\"\n"
                                                           "    github          = \"alice-gh\"\n"
                                                           "    github_approver = true\n"
                                                           "  }\n"
                                                           "  bob = {\n"
                                                           "    name   = \"Bob\"\n"
                                                           "    github = \"bob-gh\"\n"
                                                           "    gcp    = true\n"
                                                           "  }\n"
                                                           "}\n";
    f[QStringLiteral("accounts/microservices.tf")] = "locals {\n"
                                                     "  microservices = {\n"
                                                     "    app = {\n"
                                                     "      team           = \"team\"\n"
                                                     "      namespace      = \"app\"\n"
                                                     "      gar_repository = \"app\"\n"
                                                     "    }\n"
                                                     "  }\n"
                                                     "}\n";
    f[QStringLiteral("manifests/.github/CODEOWNERS")] = "* @org/sre\n"
                                                        "/services/app/ @org/team\n";
    f[QStringLiteral("manifests/services/app/base/kustomization.yaml")] = "resources:\n"
                                                                          "  - deployment.yaml\n"
                                                                          "  - hpa.yaml\n";
    f[QStringLiteral("manifests/services/app/base/deployment.yaml")] = kDeployment;
    f[QStringLiteral("manifests/services/app/base/hpa.yaml")] = "apiVersion: autoscaling/v2\n"
                                                                "kind: HorizontalPodAutoscaler\n"
                                                                "metadata:\n"
                                                                "  name: app\n"
                                                                "spec:\n"
                                                                "  scaleTargetRef:\n"
                                                                "    apiVersion: apps/v1\n"
                                                                "    kind: Deployment\n"
                                                                "    name: app\n"
                                                                "  minReplicas: 2\n"
                                                                "  maxReplicas: 4\n";
    f[QStringLiteral("manifests/services/app/overlays/dev/kustomization.yaml")] =
        "namespace: app\n"
        "resources:\n"
        "  - ../../base\n";
    return f;
}

QByteArray deploymentWith(const QByteArray &from, const QByteArray &to)
{
    QByteArray d = kDeployment;
    d.replace(from, to);
    return d;
}

const QString kOverlay = QStringLiteral("manifests/services/app/overlays/dev/kustomization.yaml");
const QString kBase = QStringLiteral("manifests/services/app/base/");
const QString kManifestsConfig = QStringLiteral("manifests/.kanri.yaml");

QStringList summarise(const QList<Finding> &findings)
{
    QStringList out;
    for (const Finding &f : findings)
        out << QStringLiteral("%1:%2 %3 [%4]")
                   .arg(f.file)
                   .arg(f.line)
                   .arg(severityName(f.severity), f.rule);
    return out;
}

} // namespace

void TestRules::rules_data()
{
    QTest::addColumn<Files>("changes");
    QTest::addColumn<QStringList>("expected");

    const QString dep = kBase + QStringLiteral("deployment.yaml");
    const QString hpa = kBase + QStringLiteral("hpa.yaml");

    QTest::newRow("a clean workspace has no findings") << Files{} << QStringList{};

    // k8s/deprecated-api
    QTest::newRow("a policy/v1beta1 PodDisruptionBudget is removed in 1.31: error")
        << Files{{kBase + QStringLiteral("kustomization.yaml"),
                  "resources:\n  - deployment.yaml\n  - hpa.yaml\n  - pdb.yaml\n"},
                 {kBase + QStringLiteral("pdb.yaml"),
                  "# keeps one pod up\napiVersion: policy/v1beta1\nkind: PodDisruptionBudget\n"
                  "metadata:\n  name: app\nspec:\n  maxUnavailable: 1\n"}}
        << QStringList{kBase + QStringLiteral("pdb.yaml:2 error [k8s/deprecated-api]")};
    QTest::newRow("a policy/v1 PodDisruptionBudget is fine")
        << Files{{kBase + QStringLiteral("kustomization.yaml"),
                  "resources:\n  - deployment.yaml\n  - hpa.yaml\n  - pdb.yaml\n"},
                 {kBase + QStringLiteral("pdb.yaml"),
                  "apiVersion: policy/v1\nkind: PodDisruptionBudget\n"
                  "metadata:\n  name: app\nspec:\n  maxUnavailable: 1\n"}}
        << QStringList{};
    QTest::newRow("autoscaling/v2beta2 is only deprecated when the target is 1.24: warning")
        << Files{{kManifestsConfig, "rules:\n  kubernetesVersion: \"1.24\"\n"},
                 {hpa, "apiVersion: autoscaling/v2beta2\nkind: HorizontalPodAutoscaler\n"
                       "metadata:\n  name: app\nspec:\n  scaleTargetRef:\n"
                       "    apiVersion: apps/v1\n    kind: Deployment\n    name: app\n"
                       "  minReplicas: 2\n  maxReplicas: 4\n"}}
        << QStringList{hpa + QStringLiteral(":1 warning [k8s/deprecated-api]")};
    QTest::newRow("autoscaling/v2beta2 is fine for a 1.22 cluster")
        << Files{{kManifestsConfig, "rules:\n  kubernetesVersion: \"1.22\"\n"},
                 {hpa, "apiVersion: autoscaling/v2beta2\nkind: HorizontalPodAutoscaler\n"
                       "metadata:\n  name: app\nspec:\n  scaleTargetRef:\n"
                       "    apiVersion: apps/v1\n    kind: Deployment\n    name: app\n"
                       "  minReplicas: 2\n  maxReplicas: 4\n"}}
        << QStringList{};

    // k8s/resources-missing
    QTest::newRow("a container without resources is reported at the container")
        << Files{{dep, deploymentWith("          resources:\n            requests:\n"
                                      "              cpu: 100m\n              memory: 128Mi\n"
                                      "            limits:\n              cpu: 500m\n"
                                      "              memory: 256Mi\n",
                                      "")}}
        << QStringList{dep + QStringLiteral(":16 warning [k8s/resources-missing]")};
    QTest::newRow("a container with only requests lacks limits")
        << Files{{dep, deploymentWith("            limits:\n              cpu: 500m\n"
                                      "              memory: 256Mi\n",
                                      "")}}
        << QStringList{dep + QStringLiteral(":18 warning [k8s/resources-missing]")};

    // k8s/cpu-request-too-high and its range
    const QString patch = QStringLiteral("manifests/services/app/overlays/dev/patch.yaml");
    const QByteArray overlayWithPatch = "namespace: app\nresources:\n  - ../../base\n"
                                        "patches:\n  - path: patch.yaml\n";
    const auto cpuPatch = [](const QByteArray &request, const QByteArray &limit) {
        return QByteArray("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\n"
                          "spec:\n  template:\n    spec:\n      containers:\n"
                          "        - name: app\n          resources:\n            requests:\n"
                          "              cpu: \"") +
               request + "\"\n            limits:\n              cpu: \"" + limit + "\"\n";
    };
    QTest::newRow("48 cores requested in an overlay patch is an error at the patch line")
        << Files{{kOverlay, overlayWithPatch}, {patch, cpuPatch("48", "48")}}
        << QStringList{patch + QStringLiteral(":12 error [k8s/cpu-request-too-high]")};
    QTest::newRow("6 cores requested is a warning")
        << Files{{kOverlay, overlayWithPatch}, {patch, cpuPatch("6", "6")}}
        << QStringList{patch + QStringLiteral(":12 warning [k8s/cpu-request-too-high]")};
    QTest::newRow("2 cores requested is within the default range")
        << Files{{kOverlay, overlayWithPatch}, {patch, cpuPatch("2", "2")}} << QStringList{};
    QTest::newRow("a configured range replaces the default")
        << Files{{kOverlay, overlayWithPatch},
                 {patch, cpuPatch("2", "2")},
                 {kManifestsConfig,
                  "rules:\n  thresholds:\n"
                  "    cpuRequests: {warning: {above: 500m}, error: {above: 1}}\n"}}
        << QStringList{patch + QStringLiteral(":12 error [k8s/cpu-request-too-high]")};
    QTest::newRow("a memory request above the configured error level")
        << Files{{kManifestsConfig,
                  "rules:\n  thresholds:\n    memoryRequests: {error: {above: 64Mi}}\n"}}
        << QStringList{dep + QStringLiteral(":21 error [k8s/memory-request-too-high]")};
    QTest::newRow("a memory request below the configured warning level")
        << Files{{kManifestsConfig,
                  "rules:\n  thresholds:\n    memoryRequests: {warning: {below: 256Mi}}\n"}}
        << QStringList{dep + QStringLiteral(":21 warning [k8s/memory-request-too-low]")};

    // k8s/limit-below-request
    QTest::newRow("a memory limit below the request")
        << Files{{dep, deploymentWith("memory: 256Mi", "memory: 64Mi")}}
        << QStringList{dep + QStringLiteral(":24 error [k8s/limit-below-request]")};
    QTest::newRow("a limit equal to the request is fine")
        << Files{{dep, deploymentWith("memory: 256Mi", "memory: 128Mi")}} << QStringList{};

    // hpa/*
    QTest::newRow("minReplicas above maxReplicas set by an inline JSON patch")
        << Files{{kOverlay, "namespace: app\n"
                            "resources:\n"
                            "  - ../../base\n"
                            "patches:\n"
                            "  - target:\n"
                            "      kind: HorizontalPodAutoscaler\n"
                            "      name: app\n"
                            "    patch: |-\n"
                            "      - op: replace\n"
                            "        path: /spec/minReplicas\n"
                            "        value: 9\n"}}
        << QStringList{kOverlay + QStringLiteral(":11 error [hpa/min-above-max]")};
    QTest::newRow("minReplicas equal to maxReplicas is fine")
        << Files{{hpa, QByteArray("apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\n"
                                  "metadata:\n  name: app\nspec:\n  scaleTargetRef:\n"
                                  "    apiVersion: apps/v1\n    kind: Deployment\n    name: app\n"
                                  "  minReplicas: 4\n  maxReplicas: 4\n")}}
        << QStringList{};
    QTest::newRow("minReplicas 0 is below one")
        << Files{{hpa, QByteArray("apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\n"
                                  "metadata:\n  name: app\nspec:\n  scaleTargetRef:\n"
                                  "    apiVersion: apps/v1\n    kind: Deployment\n    name: app\n"
                                  "  minReplicas: 0\n  maxReplicas: 4\n")}}
        << QStringList{hpa + QStringLiteral(":10 error [hpa/min-below-one]")};
    QTest::newRow("replicas next to an HPA are not reported unless the rule is enabled")
        << Files{} << QStringList{};
    QTest::newRow("replicas next to an HPA, rule enabled, point at the replicas entry")
        << Files{{kManifestsConfig, "rules:\n  enable: [hpa/replicas-with-hpa]\n"},
                 {kOverlay, "namespace: app\nresources:\n  - ../../base\nreplicas:\n"
                            "  - name: app\n    count: 3\n"}}
        << QStringList{kOverlay + QStringLiteral(":6 warning [hpa/replicas-with-hpa]")};

    // tenancy/*
    QTest::newRow("an overlay rendering into another namespace")
        << Files{{kOverlay, "resources:\n  - ../../base\nnamespace: payments\n"}}
        << QStringList{kOverlay + QStringLiteral(":3 error [tenancy/namespace]")};
    QTest::newRow("a Namespace in a service folder is reserved")
        << Files{{kOverlay, "namespace: app\nresources:\n  - ../../base\n  - ns.yaml\n"},
                 {QStringLiteral("manifests/services/app/overlays/dev/ns.yaml"),
                  "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: app\n"}}
        << QStringList{QStringLiteral("manifests/services/app/overlays/dev/ns.yaml:2 error "
                                      "[tenancy/reserved-kind]")};
    QTest::newRow("a Namespace under platform/ is allowed")
        << Files{{QStringLiteral("manifests/platform/ns/kustomization.yaml"),
                  "resources:\n  - ns.yaml\n"},
                 {QStringLiteral("manifests/platform/ns/ns.yaml"),
                  "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: app\n"}}
        << QStringList{};
    const QByteArray latestPod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n"
                                 "  containers:\n    - name: c\n      image: nginx:latest\n"
                                 "      resources:\n"
                                 "        requests: {cpu: 100m, memory: 128Mi}\n"
                                 "        limits: {cpu: 500m, memory: 256Mi}\n";
    QTest::newRow("a platform folder a nested glob names is linted")
        << Files{{kManifestsConfig, "rules:\n  platformFolders: [infra/clusters/*]\n"},
                 {QStringLiteral("manifests/infra/clusters/a/kustomization.yaml"),
                  "resources:\n  - pod.yaml\n"},
                 {QStringLiteral("manifests/infra/clusters/a/pod.yaml"), latestPod},
                 {QStringLiteral("manifests/infra/other/b/kustomization.yaml"),
                  "resources:\n  - pod.yaml\n"},
                 {QStringLiteral("manifests/infra/other/b/pod.yaml"), latestPod}}
        << QStringList{QStringLiteral("manifests/infra/clusters/a/pod.yaml:8 error "
                                      "[image/latest-tag]")};
    QTest::newRow("a platform glob starting with a wildcard is searched everywhere")
        << Files{{kManifestsConfig, "rules:\n  platformFolders: [\"*/clusters/**\"]\n"},
                 {QStringLiteral("manifests/infra/clusters/a/b/kustomization.yaml"),
                  "resources:\n  - pod.yaml\n"},
                 {QStringLiteral("manifests/infra/clusters/a/b/pod.yaml"), latestPod}}
        << QStringList{QStringLiteral("manifests/infra/clusters/a/b/pod.yaml:8 error "
                                      "[image/latest-tag]")};
    QTest::newRow("a platform glob naming a hidden folder finds nothing")
        << Files{{kManifestsConfig, "rules:\n  platformFolders: [.infra/*]\n"},
                 {QStringLiteral("manifests/.infra/a/kustomization.yaml"),
                  "resources:\n  - pod.yaml\n"},
                 {QStringLiteral("manifests/.infra/a/pod.yaml"), latestPod}}
        << QStringList{};
    QTest::newRow("an exemption by service silences a reserved kind")
        << Files{{kOverlay, "namespace: app\nresources:\n  - ../../base\n  - ns.yaml\n"},
                 {QStringLiteral("manifests/services/app/overlays/dev/ns.yaml"),
                  "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: app\n"},
                 {kManifestsConfig, "rules:\n  exemptions:\n"
                                    "    - rule: tenancy/reserved-kind\n      service: app\n"}}
        << QStringList{};

    // image/*
    QTest::newRow("newTag latest in the overlay points at the images entry")
        << Files{{kOverlay, "namespace: app\nresources:\n  - ../../base\nimages:\n"
                            "  - name: registry.example/proj/app/app\n    newTag: latest\n"}}
        << QStringList{kOverlay + QStringLiteral(":6 error [image/latest-tag]")};
    QTest::newRow("an image without a tag points at the image line")
        << Files{{dep, deploymentWith("app/app:1.0.0", "app/app")}}
        << QStringList{dep + QStringLiteral(":17 error [image/latest-tag]")};
    QTest::newRow("an image pinned by digest has no tag and is fine")
        << Files{{dep, deploymentWith("app/app:1.0.0", "app/app@sha256:" + QByteArray(64, 'a'))}}
        << QStringList{};
    QTest::newRow("an image exempted by path glob")
        << Files{{dep, deploymentWith("app/app:1.0.0", "app/app:latest")},
                 {kManifestsConfig,
                  "rules:\n  exemptions:\n    - rule: image/*\n      path: services/app/**\n"}}
        << QStringList{};
    QTest::newRow("an image from another service's repository")
        << Files{{dep, deploymentWith("proj/app/app:1.0.0", "proj/other/app:1.0.0")},
                 {QStringLiteral("accounts/microservices.tf"),
                  "locals {\n  microservices = {\n"
                  "    app = {\n      team = \"team\"\n      namespace = \"app\"\n"
                  "      gar_repository = \"app\"\n    }\n"
                  "    other = {\n      team = \"team\"\n      namespace = \"other\"\n"
                  "      gar_repository = \"other\"\n    }\n  }\n}\n"}}
        << QStringList{QStringLiteral("accounts/microservices.tf:8 warning "
                                      "[catalog/entry-without-manifests]"),
                       dep + QStringLiteral(":17 warning [image/registry]")};
    QTest::newRow("a third-party image is fine without a registry list")
        << Files{{dep,
                  deploymentWith("registry.example/proj/app/app:1.0.0", "gcr.io/vendor/proxy:2.1")}}
        << QStringList{};
    QTest::newRow("a third-party image outside the configured registries")
        << Files{{dep,
                  deploymentWith("registry.example/proj/app/app:1.0.0", "gcr.io/vendor/proxy:2.1")},
                 {kManifestsConfig, "rules:\n  registries: [docker.io/library]\n"}}
        << QStringList{dep + QStringLiteral(":17 warning [image/registry]")};

    // accounts/*
    const QString devs = QStringLiteral("accounts/developers.auto.tfvars");
    QTest::newRow("a developer field the schema does not declare")
        << Files{{devs, "developers = {\n  alice = {\n    name   = \"Alice\"\n"
                        "    github = \"alice-gh\"\n    vpn    = true\n  }\n}\n"}}
        << QStringList{devs + QStringLiteral(":5 error [accounts/developer-schema]")};
    QTest::newRow("a developer flag of the wrong type")
        << Files{{devs, "developers = {\n  alice = {\n    name   = \"Alice\"\n"
                        "    github = \"alice-gh\"\n    gcp    = [\"yes\"]\n  }\n}\n"}}
        << QStringList{devs + QStringLiteral(":5 error [accounts/developer-schema]")};
    QTest::newRow("a developer flag set by an expression is not a type error")
        << Files{{devs, "developers = {\n  alice = {\n    name   = \"Alice\"\n"
                        "    github = \"alice-gh\"\n    gcp    = var.admins_get_gcp\n"
                        "    github_approver = contains(var.approvers, \"alice\")\n  }\n}\n"}}
        << QStringList{};
    QTest::newRow("a developer flag written as a quoted word is a type error")
        << Files{{devs, "developers = {\n  alice = {\n    name   = \"Alice\"\n"
                        "    github = \"alice-gh\"\n    gcp    = \"yes.please\"\n  }\n}\n"}}
        << QStringList{devs + QStringLiteral(":5 error [accounts/developer-schema]")};
    QTest::newRow("a developer without a required field")
        << Files{{devs, "developers = {\n  alice = {\n    github = \"alice-gh\"\n  }\n}\n"}}
        << QStringList{devs + QStringLiteral(":2 error [accounts/developer-schema]")};
    QTest::newRow("a GitHub login listed twice, ignoring case")
        << Files{{devs, "developers = {\n  alice = {\n    name   = \"Alice\"\n"
                        "    github = \"alice-gh\"\n  }\n  alice2 = {\n    name   = \"Alice\"\n"
                        "    github = \"Alice-GH\"\n  }\n}\n"}}
        << QStringList{devs + QStringLiteral(":8 error [accounts/duplicate-github]")};
    QTest::newRow("an approver without a GitHub login")
        << Files{{devs, "developers = {\n  alice = {\n    name            = \"Alice\"\n"
                        "    github          = \"\"\n    github_approver = true\n  }\n}\n"}}
        << QStringList{devs + QStringLiteral(":5 error [accounts/approver-without-github]")};

    // catalog/*
    QTest::newRow("a microservice entry without manifests")
        << Files{{QStringLiteral("accounts/microservices.tf"),
                  "locals {\n  microservices = {\n"
                  "    app = {\n      team = \"team\"\n      namespace = \"app\"\n    }\n"
                  "    ghost = {\n      team = \"team\"\n      namespace = \"ghost\"\n    }\n"
                  "  }\n}\n"}}
        << QStringList{QStringLiteral("accounts/microservices.tf:7 warning "
                                      "[catalog/entry-without-manifests]")};
    QTest::newRow("a service folder without a microservice entry")
        << Files{{QStringLiteral("manifests/services/orphan/base/kustomization.yaml"),
                  "resources:\n  - cm.yaml\n"},
                 {QStringLiteral("manifests/services/orphan/base/cm.yaml"),
                  "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: orphan\n"
                  "  namespace: orphan\n"}}
        << QStringList{QStringLiteral("manifests/services/orphan/base/kustomization.yaml:1 "
                                      "warning [catalog/manifests-without-entry]")};

    // codeowners/*
    QTest::newRow("a CODEOWNERS line that matches nothing")
        << Files{{QStringLiteral("manifests/.github/CODEOWNERS"),
                  "* @org/sre\n/services/app/ @org/team\n/services/gone/ @org/team\n"}}
        << QStringList{QStringLiteral("manifests/.github/CODEOWNERS:3 warning "
                                      "[codeowners/no-match]")};
    QTest::newRow("files nobody owns are reported per folder")
        << Files{{QStringLiteral("manifests/.github/CODEOWNERS"), "/services/app/ @org/team\n"}}
        << QStringList{QStringLiteral("manifests/.github/CODEOWNERS:0 warning "
                                      "[codeowners/unowned]")};
    QTest::newRow("a disabled rule reports nothing")
        << Files{{QStringLiteral("manifests/.github/CODEOWNERS"), "/services/app/ @org/team\n"},
                 {kManifestsConfig, "rules:\n  disable: [codeowners/unowned]\n"}}
        << QStringList{};
}

void TestRules::rules()
{
    QFETCH(Files, changes);
    QFETCH(QStringList, expected);

    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    Files files = cleanWorkspace();
    for (auto it = changes.cbegin(); it != changes.cend(); ++it)
        files[it.key()] = it.value();
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        if (!it.value().isEmpty())
            QVERIFY(kanri::test::writeFile(tmp.filePath(it.key()), it.value()));
    }
    auto ws = workspaceForDirectory(tmp.path());
    QVERIFY2(ws.has_value(), qPrintable(ws ? QString() : ws.error().toString()));
    const Linter linter(kanri::test::kustomizeRenderer());
    const auto result = linter.lint(*ws);
    QVERIFY2(result.has_value(), qPrintable(result ? QString() : result.error().toString()));
    const QStringList got = summarise(result->findings);
    if (got != expected) {
        for (const Finding &f : result->findings)
            qWarning().noquote() << f.file << f.line << f.rule << f.message;
    }
    QCOMPARE(got, expected);
    for (const Finding &f : result->findings) {
        QVERIFY2(!f.hint.isEmpty(), qPrintable(f.rule));
        QVERIFY2(!f.message.isEmpty(), qPrintable(f.rule));
    }
}

void TestRules::sourceLocationsFollowTheLastWriter()
{
    // The same field set in the base and in two stacked overlays: the outermost one wins.
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString root = tmp.path();
    QVERIFY(kanri::test::writeFile(root + QStringLiteral("/base/kustomization.yaml"),
                                   "resources:\n  - d.yaml\n"));
    QVERIFY(kanri::test::writeFile(root + QStringLiteral("/base/d.yaml"), kDeployment));
    QVERIFY(kanri::test::writeFile(root + QStringLiteral("/mid/kustomization.yaml"),
                                   "resources:\n  - ../base\npatches:\n  - path: p.yaml\n"));
    QVERIFY(kanri::test::writeFile(root + QStringLiteral("/mid/p.yaml"),
                                   "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n"
                                   "  name: app\nspec:\n  replicas: 5\n"));
    QVERIFY(kanri::test::writeFile(root + QStringLiteral("/top/kustomization.yaml"),
                                   "resources:\n  - ../mid\n"));
    const KustomizeSources sources(root + QStringLiteral("/top"));
    bool exact = false;
    auto loc = sources.field(QStringLiteral("Deployment"), QStringLiteral("app"),
                             parseFieldPath(QStringLiteral("spec.replicas")), &exact);
    QVERIFY(loc.has_value());
    QVERIFY(exact);
    QCOMPARE(loc->file, root + QStringLiteral("/mid/p.yaml"));
    QCOMPARE(loc->line, 6);
    QCOMPARE(loc->column, 13);
    loc = sources.field(QStringLiteral("Deployment"), QStringLiteral("app"),
                        parseFieldPath(QStringLiteral(
                            "spec.template.spec.containers[name=app].resources.limits.cpu")));
    QVERIFY(loc.has_value());
    QCOMPARE(loc->file, root + QStringLiteral("/base/d.yaml"));
    QCOMPARE(loc->line, 23);
    loc = sources.resourceKey(QStringLiteral("Deployment"), QStringLiteral("app"),
                              QStringLiteral("kind"));
    QVERIFY(loc.has_value());
    QCOMPARE(loc->line, 2);
    QVERIFY(!sources.resourceKey(QStringLiteral("Service"), QStringLiteral("app"),
                                 QStringLiteral("kind")));
}

// Linter::setReleaseCaches: called after every N renders while the others go on; the findings
// are those of a lint that keeps every cache.
void TestRules::releasingCachesChangesNoFinding()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    Files files = cleanWorkspace();
    for (const char *env : {"stg", "prd", "qa"}) {
        files[QStringLiteral("manifests/services/app/overlays/%1/kustomization.yaml")
                  .arg(QLatin1String(env))] =
            "namespace: elsewhere\nresources:\n  - ../../base\nimages:\n  - name: "
            "registry.example/proj/app/app\n    newTag: latest\n";
    }
    for (auto it = files.cbegin(); it != files.cend(); ++it)
        QVERIFY(kanri::test::writeFile(tmp.filePath(it.key()), it.value()));
    auto ws = workspaceForDirectory(tmp.path());
    QVERIFY(ws.has_value());

    const auto kept = Linter(kanri::test::kustomizeRenderer()).lint(*ws);
    QVERIFY(kept.has_value());
    QCOMPARE(kept->renderedTargets, 4);
    QVERIFY(kept->findings.size() >= 6); // namespace and tag in each of three overlays

    auto renderer = std::make_shared<kanri::kustomize::Renderer>();
    std::atomic_int released{0};
    Linter linter([renderer](const QString &dir) -> kanri::Result<QByteArray> {
        auto out = renderer->render(dir);
        if (!out)
            return std::unexpected(out.error());
        return out->text;
    });
    linter.setReleaseCaches(
        [&] {
            renderer->clearCache();
            ++released;
        },
        1);
    const auto released1 = linter.lint(*ws);
    QVERIFY(released1.has_value());
    QCOMPARE(released.load(), 4);
    QCOMPARE(formatFindings(released1->findings, ReportFormat::Json),
             formatFindings(kept->findings, ReportFormat::Json));
}

QTEST_GUILESS_MAIN(TestRules)
#include "tst_rules.moc"
