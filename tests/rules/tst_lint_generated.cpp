// `kanri lint` on a generated multi-service workspace (tests/testsupport/catalogfixture.h, with
// a rule break of each kind added) reports exactly tests/rules/data/lint_generated.txt: the same
// findings in the same order as the serial linter did before the rules ran on worker threads,
// and the same exit code. Regenerate the expected report only when a rule's output changes on
// purpose: KANRI_LINT_GENERATED_KEEP=DIR also writes the workspace to DIR, and
// `kanri lint --workspace DIR` prints the report.

#include "rules/rulelinter.h"
#include "rulestestutil.h"
#include "tests/testsupport/catalogfixture.h"
#include "tests/testsupport/testutil.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace kanri::platform;

class TestLintGenerated : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void reportIsTheKnownOne();
    void repeatedRunsGiveTheSameReport();
    void commandLineReportsTheSameAndExitsOne();

private:
    QTemporaryDir m_tmp;
    QString m_workspace;
    QByteArray m_expected;
};

namespace {

constexpr int kServices = 40;

bool writeGenerated(const QString &dir)
{
    using kanri::test::serviceName;
    using kanri::test::writeText;
    if (!kanri::test::writeWorkspace(
            dir, {.services = kServices, .developers = 30, .teams = 5, .brokenStg = true}))
        return false;
    const QString acc = dir + QStringLiteral("/accounts");
    const QString man = dir + QStringLiteral("/manifests");
    // Image repositories (odd services) for the registry rule: service 7 runs an image from
    // the folders of services 11 and 9 (the one listed last is named); service 41 has an entry
    // but no manifests; developer 5 repeats developer 4's GitHub login.
    QByteArray ms = "locals {\n  microservices = {\n";
    for (int i = 0; i <= kServices + 1; ++i) {
        if (i == kServices)
            continue; // service 40 has manifests (below) but no entry
        ms += "    \"" + serviceName(i) + "\" = {\n      team      = \"team-" +
              QByteArray::number(i % 5) + "\"\n      namespace = \"" + serviceName(i) + "\"\n";
        if (i % 2 == 1)
            ms += "      image_repository = \"" + serviceName(i) + "\"\n";
        ms += "    }\n";
    }
    ms += "  }\n}\n";
    bool ok = writeText(acc + QStringLiteral("/microservices.tf"), ms);
    QByteArray devs = "developers = {\n";
    for (int i = 0; i < 8; ++i) {
        const QByteArray id = "dev" + QByteArray::number(i);
        devs += "  " + id + " = {\n    name   = \"Developer " + QByteArray::number(i) +
                "\"\n    github = \"gh-" + (i == 5 ? QByteArray("dev4") : id) +
                "\"\n    email  = \"" + id + "@example.com\"\n";
        if (i == 6)
            devs += "    shoe_size = 44\n";
        if (i != 3)
            devs += "  }\n";
        else
            devs += "    level  = \"high\"\n  }\n";
    }
    devs += "}\n";
    ok = ok && writeText(acc + QStringLiteral("/developers.auto.tfvars"), devs);
    const auto svc = [&](int i) {
        return man + QStringLiteral("/services/") + QString::fromLatin1(serviceName(i));
    };
    // Service 7 (image repository svc-0007) runs another service's image in prd.
    ok = ok && writeText(svc(7) + QStringLiteral("/overlays/prd/kustomization.yaml"),
                         "namespace: svc-0007\nresources:\n  - ../../base\nimages:\n"
                         "  - name: registry.example.com/svc-0007\n"
                         "    newName: registry.example.com/svc-0011/svc-0009/app\n"
                         "    newTag: 1.0.0\n");
    // Service 3: a removed API, a latest tag, a CPU request far too high and an HPA.
    ok = ok && writeText(svc(3) + QStringLiteral("/base/kustomization.yaml"),
                         "resources:\n  - deployment.yaml\n  - service.yaml\n  - pdb.yaml\n"
                         "  - hpa.yaml\n");
    ok = ok && writeText(svc(3) + QStringLiteral("/base/pdb.yaml"),
                         "apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n"
                         "  name: svc-0003\nspec:\n  minAvailable: 1\n");
    ok = ok && writeText(svc(3) + QStringLiteral("/base/hpa.yaml"),
                         "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n"
                         "  name: svc-0003\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n"
                         "    kind: Deployment\n    name: svc-0003\n  minReplicas: 5\n"
                         "  maxReplicas: 2\n");
    ok = ok && writeText(svc(3) + QStringLiteral("/overlays/dev/kustomization.yaml"),
                         "namespace: dev-shared\nresources:\n  - ../../base\nimages:\n"
                         "  - name: registry.example.com/proxy\n    newTag: latest\n"
                         "patches:\n  - target:\n      kind: Deployment\n    patch: |-\n"
                         "      - op: replace\n"
                         "        path: /spec/template/spec/containers/0/resources/requests/cpu\n"
                         "        value: \"90\"\n");
    // Service 12 adds a ClusterRole (reserved) and a ConfigMap in another namespace.
    ok = ok && writeText(svc(12) + QStringLiteral("/overlays/stg/kustomization.yaml"),
                         "namespace: svc-0012\nresources:\n  - ../../base\n  - extra.yaml\n");
    ok = ok && writeText(svc(12) + QStringLiteral("/overlays/stg/extra.yaml"),
                         "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\n"
                         "metadata:\n  name: reader\nrules: []\n---\n"
                         "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n"
                         "  namespace: kube-system\ndata:\n  a: b\n");
    // Service 40: manifests without an entry. A platform folder that may hold the ClusterRole.
    ok = ok && writeText(svc(kServices) + QStringLiteral("/base/kustomization.yaml"),
                         "resources:\n  - service.yaml\n");
    ok = ok && writeText(svc(kServices) + QStringLiteral("/base/service.yaml"),
                         "apiVersion: v1\nkind: Service\nmetadata:\n  name: svc-0040\n"
                         "spec:\n  ports:\n    - port: 80\n");
    ok = ok && writeText(man + QStringLiteral("/platform/rbac/kustomization.yaml"),
                         "resources:\n  - role.yaml\n");
    ok = ok && writeText(man + QStringLiteral("/platform/rbac/role.yaml"),
                         "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\n"
                         "metadata:\n  name: platform-reader\nrules: []\n");
    // CODEOWNERS: a line for a folder that does not exist, and an unowned folder (the catch-all
    // line taken away for docs/).
    QByteArray owners = "* @org/sre\n/docs/ \n/services/svc-9999/ @org/team-1\n";
    for (int i = 0; i < kServices; ++i)
        owners += "/services/" + serviceName(i) + "/ @org/team-" + QByteArray::number(i % 5) + "\n";
    owners += "*.md @org/writers\n/services/svc-00*/overlays/prd/ @org/sre @org/release\n";
    ok = ok && writeText(man + QStringLiteral("/.github/CODEOWNERS"), owners);
    ok = ok && writeText(man + QStringLiteral("/docs/guide/setup.txt"), "setup\n");
    ok = ok && writeText(man + QStringLiteral("/docs/intro.txt"), "intro\n");
    return ok;
}

} // namespace

void TestLintGenerated::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    m_workspace = m_tmp.filePath(QStringLiteral("generated"));
    QVERIFY(writeGenerated(m_workspace));
    if (const QString keep = qEnvironmentVariable("KANRI_LINT_GENERATED_KEEP"); !keep.isEmpty())
        QVERIFY(writeGenerated(keep));
    const QString expected =
        kanri::test::sourceDir() + QStringLiteral("/tests/rules/data/lint_generated.txt");
    m_expected = kanri::test::readAll(expected);
    QVERIFY2(!m_expected.isEmpty(), qPrintable(expected));
}

void TestLintGenerated::reportIsTheKnownOne()
{
    auto ws = workspaceForDirectory(m_workspace);
    QVERIFY(ws.has_value());
    const Linter linter(kanri::test::kustomizeRenderer());
    const auto result = linter.lint(*ws);
    QVERIFY2(result.has_value(), qPrintable(result ? QString() : result.error().toString()));
    // Every service's three overlays, the one base of the service without overlays and the
    // platform folder.
    QCOMPARE(result->renderedTargets, kServices * 3 + 1 + 1);
    const QByteArray report = formatFindings(result->findings, ReportFormat::Text);
    if (report != m_expected) {
        const QList<QByteArray> got = report.split('\n');
        const QList<QByteArray> want = m_expected.split('\n');
        for (qsizetype i = 0; i < std::max(got.size(), want.size()); ++i)
            QCOMPARE(got.value(i), want.value(i));
    }
    QCOMPARE(report, m_expected);
}

void TestLintGenerated::repeatedRunsGiveTheSameReport()
{
    // The rules run on worker threads: the order must not depend on which finishes first.
    auto ws = workspaceForDirectory(m_workspace);
    QVERIFY(ws.has_value());
    for (int run = 0; run < 3; ++run) {
        const Linter linter(kanri::test::kustomizeRenderer());
        const auto result = linter.lint(*ws);
        QVERIFY(result.has_value());
        QCOMPARE(formatFindings(result->findings, ReportFormat::Text), m_expected);
    }
}

void TestLintGenerated::commandLineReportsTheSameAndExitsOne()
{
    const QString kanri = kanri::test::kanriBinary();
    QVERIFY2(QFileInfo::exists(kanri), "the kanri binary is built with the tests (KANRI_BINARY)");
    const auto r = kanri::test::run(
        kanri, {QStringLiteral("lint"), QStringLiteral("--workspace"), m_workspace});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.out, m_expected);
}

QTEST_GUILESS_MAIN(TestLintGenerated)
#include "tst_lint_generated.moc"
