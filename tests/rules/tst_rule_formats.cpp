// The report formats of `kanri lint` (text, JSON, GitHub workflow commands, SARIF 2.1.0), the
// .kanri.yaml rules configuration, quantities and the deprecated-API table.

#include "rules/ruleconfig.h"
#include "rules/ruledeprecations.h"
#include "rules/rulefinding.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace kanri::platform;

class TestRuleFormats : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void textFormat();
    void jsonFormat();
    void githubFormat();
    void sarifFormat();
    void sortedUniqueDropsRepeats();
    void quantities_data();
    void quantities();
    void configuration();
    void configurationErrorsNameTheLine();
    void exemptions_data();
    void exemptions();
    void deprecations_data();
    void deprecations();
};

namespace {

QList<Finding> sample()
{
    Finding a;
    a.rule = QStringLiteral("k8s/deprecated-api");
    a.severity = Severity::Error;
    a.message = QStringLiteral("policy/v1beta1 PodDisruptionBudget was removed in Kubernetes 1.25");
    a.hint = QStringLiteral("use apiVersion: policy/v1");
    a.repository = QStringLiteral("/w/manifests");
    a.path = QStringLiteral("services/a/base/pdb.yaml");
    a.file = QStringLiteral("manifests/services/a/base/pdb.yaml");
    a.line = 1;
    a.column = 1;
    Finding b;
    b.rule = QStringLiteral("image/registry");
    b.severity = Severity::Warning;
    b.message = QStringLiteral("100% wrong: a, b\nsecond line");
    b.repository = QStringLiteral("/w/manifests");
    b.path = QStringLiteral("services/a,b/x:y.yaml");
    b.file = QStringLiteral("manifests/services/a,b/x:y.yaml");
    b.line = 7;
    Finding c;
    c.rule = QStringLiteral("codeowners/unowned");
    c.severity = Severity::Info;
    c.message = QStringLiteral("docs/ has no owner");
    c.hint = QStringLiteral("add a line");
    c.path = QStringLiteral(".github/CODEOWNERS");
    c.file = QStringLiteral("manifests/.github/CODEOWNERS");
    return {a, b, c};
}

} // namespace

void TestRuleFormats::textFormat()
{
    QCOMPARE(formatFindings(sample(), ReportFormat::Text),
             QByteArray("manifests/services/a/base/pdb.yaml:1:1: error: policy/v1beta1 "
                        "PodDisruptionBudget was removed in Kubernetes 1.25 [k8s/deprecated-api]\n"
                        "    hint: use apiVersion: policy/v1\n"
                        "manifests/services/a,b/x:y.yaml:7: warning: 100% wrong: a, b\nsecond "
                        "line [image/registry]\n"
                        "manifests/.github/CODEOWNERS: info: docs/ has no owner "
                        "[codeowners/unowned]\n"
                        "    hint: add a line\n"));
    QCOMPARE(formatFindings({}, ReportFormat::Text), QByteArray());
}

void TestRuleFormats::jsonFormat()
{
    const QJsonDocument doc = QJsonDocument::fromJson(formatFindings(sample(), ReportFormat::Json));
    QVERIFY(doc.isArray());
    const QJsonArray array = doc.array();
    QCOMPARE(array.size(), 3);
    const QJsonObject first = array.at(0).toObject();
    QCOMPARE(first.value(QStringLiteral("rule")).toString(), QStringLiteral("k8s/deprecated-api"));
    QCOMPARE(first.value(QStringLiteral("severity")).toString(), QStringLiteral("error"));
    QCOMPARE(first.value(QStringLiteral("file")).toString(),
             QStringLiteral("manifests/services/a/base/pdb.yaml"));
    QCOMPARE(first.value(QStringLiteral("path")).toString(),
             QStringLiteral("services/a/base/pdb.yaml"));
    QCOMPARE(first.value(QStringLiteral("line")).toInt(), 1);
    QCOMPARE(first.value(QStringLiteral("column")).toInt(), 1);
    QCOMPARE(first.value(QStringLiteral("hint")).toString(),
             QStringLiteral("use apiVersion: policy/v1"));
    QCOMPARE(QJsonDocument::fromJson(formatFindings({}, ReportFormat::Json)).array().size(), 0);
}

void TestRuleFormats::githubFormat()
{
    // Paths are relative to the repository root; data escapes %, CR, LF; properties also
    // escape ':' and ','. Info becomes a notice.
    QCOMPARE(formatFindings(sample(), ReportFormat::Github),
             QByteArray("::error file=services/a/base/pdb.yaml,line=1,col=1,title=k8s/"
                        "deprecated-api::policy/v1beta1 PodDisruptionBudget was removed in "
                        "Kubernetes 1.25%0Ause apiVersion: policy/v1\n"
                        "::warning file=services/a%2Cb/x%3Ay.yaml,line=7,title=image/registry::"
                        "100%25 wrong: a, b%0Asecond line\n"
                        "::notice file=.github/CODEOWNERS,title=codeowners/unowned::docs/ has no "
                        "owner%0Aadd a line\n"));
}

void TestRuleFormats::sarifFormat()
{
    const QJsonDocument doc =
        QJsonDocument::fromJson(formatFindings(sample(), ReportFormat::Sarif));
    QVERIFY(doc.isObject());
    const QJsonObject root = doc.object();
    QCOMPARE(root.value(QStringLiteral("version")).toString(), QStringLiteral("2.1.0"));
    QVERIFY(root.value(QStringLiteral("$schema")).toString().contains(QLatin1String("sarif")));
    const QJsonArray runs = root.value(QStringLiteral("runs")).toArray();
    QCOMPARE(runs.size(), 1);
    const QJsonObject run = runs.at(0).toObject();
    const QJsonObject driver =
        run.value(QStringLiteral("tool")).toObject().value(QStringLiteral("driver")).toObject();
    QCOMPARE(driver.value(QStringLiteral("name")).toString(), QStringLiteral("kanri"));
    const QJsonArray rules = driver.value(QStringLiteral("rules")).toArray();
    QStringList ruleIds;
    for (const QJsonValue &r : rules) {
        const QJsonObject o = r.toObject();
        ruleIds << o.value(QStringLiteral("id")).toString();
        // GitHub code scanning requires both descriptions, at most 1,024 characters each.
        for (const QString &key :
             {QStringLiteral("shortDescription"), QStringLiteral("fullDescription")}) {
            const QString text = o.value(key).toObject().value(QStringLiteral("text")).toString();
            QVERIFY2(!text.isEmpty() && text.size() <= 1024, qPrintable(key));
        }
    }
    QCOMPARE(ruleIds,
             (QStringList{QStringLiteral("codeowners/unowned"), QStringLiteral("image/registry"),
                          QStringLiteral("k8s/deprecated-api")}));
    const QJsonArray results = run.value(QStringLiteral("results")).toArray();
    QCOMPARE(results.size(), 3);
    const QStringList levels{QStringLiteral("error"), QStringLiteral("warning"),
                             QStringLiteral("note")};
    for (qsizetype i = 0; i < results.size(); ++i) {
        const QJsonObject r = results.at(i).toObject();
        const QString ruleId = r.value(QStringLiteral("ruleId")).toString();
        QCOMPARE(ruleIds.at(r.value(QStringLiteral("ruleIndex")).toInt()), ruleId);
        QCOMPARE(r.value(QStringLiteral("level")).toString(), levels.at(i));
        QVERIFY(!r.value(QStringLiteral("message"))
                     .toObject()
                     .value(QStringLiteral("text"))
                     .toString()
                     .isEmpty());
        const QJsonObject physical = r.value(QStringLiteral("locations"))
                                         .toArray()
                                         .at(0)
                                         .toObject()
                                         .value(QStringLiteral("physicalLocation"))
                                         .toObject();
        QCOMPARE(physical.value(QStringLiteral("artifactLocation"))
                     .toObject()
                     .value(QStringLiteral("uri"))
                     .toString(),
                 sample().at(i).path);
        const QJsonObject region = physical.value(QStringLiteral("region")).toObject();
        // Code scanning needs a startLine >= 1: a finding about a whole file is on line 1.
        QCOMPARE(region.value(QStringLiteral("startLine")).toInt(),
                 std::max(sample().at(i).line, 1));
    }
}

void TestRuleFormats::sortedUniqueDropsRepeats()
{
    QList<Finding> findings = sample();
    findings << sample().at(0) << sample().at(0); // one base file seen through three overlays
    std::reverse(findings.begin(), findings.end());
    const QList<Finding> out = sortedUnique(findings);
    QCOMPARE(out.size(), 3);
    QCOMPARE(out.at(0).file, QStringLiteral("manifests/.github/CODEOWNERS"));
    QCOMPARE(out.at(1).file, QStringLiteral("manifests/services/a,b/x:y.yaml"));
    QCOMPARE(out.at(2).rule, QStringLiteral("k8s/deprecated-api"));
}

void TestRuleFormats::quantities_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("memory");
    QTest::addColumn<double>("expected");
    QTest::addColumn<bool>("valid");
    QTest::newRow("millicores") << QStringLiteral("500m") << false << 0.5 << true;
    QTest::newRow("whole cores as a string") << QStringLiteral("48") << false << 48.0 << true;
    QTest::newRow("fractional cores") << QStringLiteral("0.25") << false << 0.25 << true;
    QTest::newRow("gibibytes") << QStringLiteral("2Gi") << true << 2147483648.0 << true;
    QTest::newRow("decimal megabytes") << QStringLiteral("500M") << true << 5e8 << true;
    QTest::newRow("plain bytes") << QStringLiteral("1024") << true << 1024.0 << true;
    QTest::newRow("an unknown suffix is not a quantity")
        << QStringLiteral("2GB") << true << 0.0 << false;
    QTest::newRow("words are not a quantity") << QStringLiteral("lots") << false << 0.0 << false;
}

void TestRuleFormats::quantities()
{
    QFETCH(QString, text);
    QFETCH(bool, memory);
    QFETCH(double, expected);
    QFETCH(bool, valid);
    const auto v = memory ? parseMemory(text) : parseCpu(text);
    QCOMPARE(v.has_value(), valid);
    if (valid)
        QCOMPARE(*v, expected);
}

void TestRuleFormats::configuration()
{
    RuleConfig defaults = RuleConfig::defaults();
    QCOMPARE(defaults.kubernetesVersion, QStringLiteral("1.31"));
    QVERIFY(defaults.reservedKinds.contains(QStringLiteral("Ingress")));
    QVERIFY(defaults.reservedKinds.contains(QStringLiteral("CustomResourceDefinition")));
    QVERIFY(defaults.isEnabled(QStringLiteral("image/latest-tag")));
    QVERIFY(!defaults.isEnabled(QStringLiteral("hpa/replicas-with-hpa")));
    // A file without `rules:` changes nothing but may name platform folders.
    RuleConfig c = RuleConfig::defaults();
    QVERIFY(c.apply("role: manifests\nplatform: infra/*\n", QStringLiteral(".kanri.yaml")));
    QVERIFY(c.platformFolders.contains(QStringLiteral("infra/*")));
    QCOMPARE(c.kubernetesVersion, QStringLiteral("1.31"));

    QVERIFY(c.apply("rules:\n"
                    "  kubernetesVersion: \"1.29\"\n"
                    "  reservedKinds: [Namespace]\n"
                    "  thresholds:\n"
                    "    cpuRequests: {warning: {above: 1500m}, error: {above: 3}}\n"
                    "    memoryLimits: {warning: {below: 64Mi}}\n"
                    "  registries: [gcr.io/cloud-sql-connectors]\n"
                    "  enable: [hpa/replicas-with-hpa]\n"
                    "  disable: [codeowners/unowned]\n"
                    "  severity: {image/registry: error}\n",
                    QStringLiteral(".kanri.yaml")));
    QCOMPARE(c.kubernetesVersion, QStringLiteral("1.29"));
    QCOMPARE(c.reservedKinds, QStringList{QStringLiteral("Namespace")});
    QCOMPARE(*c.cpuRequests.warningAbove, 1.5);
    QCOMPARE(*c.cpuRequests.errorAbove, 3.0);
    QVERIFY(!c.cpuRequests.errorBelow);
    QCOMPARE(*c.memoryLimits.warningBelow, 64.0 * 1024 * 1024);
    QVERIFY(!c.memoryLimits.errorAbove); // a configured range replaces the default
    QCOMPARE(c.registries, QStringList{QStringLiteral("gcr.io/cloud-sql-connectors")});
    QVERIFY(c.isEnabled(QStringLiteral("hpa/replicas-with-hpa")));
    QVERIFY(!c.isEnabled(QStringLiteral("codeowners/unowned")));
    QCOMPARE(c.severityFor(QStringLiteral("image/registry"), Severity::Warning), Severity::Error);
    QCOMPARE(c.severityFor(QStringLiteral("image/latest-tag"), Severity::Error), Severity::Error);
}

void TestRuleFormats::configurationErrorsNameTheLine()
{
    RuleConfig c = RuleConfig::defaults();
    auto r = c.apply("rules:\n  thresholds:\n    cpuRequests: {error: {above: lots}}\n",
                     QStringLiteral("manifests/.kanri.yaml"));
    QVERIFY(!r);
    QCOMPARE(r.error().file, QStringLiteral("manifests/.kanri.yaml"));
    QCOMPARE(r.error().line, 3);
    QVERIFY2(r.error().message.contains(QLatin1String("lots")), qPrintable(r.error().message));
    r = c.apply("rules:\n  severity: {image/registry: fatal}\n", QStringLiteral(".kanri.yaml"));
    QVERIFY(!r);
    QCOMPARE(r.error().line, 2);
    r = c.apply("rules: [\n", QStringLiteral(".kanri.yaml"));
    QVERIFY(!r);
    QCOMPARE(r.error().code, kanri::Error::Code::Syntax);
}

void TestRuleFormats::exemptions_data()
{
    QTest::addColumn<QString>("exemption");
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("service");
    QTest::addColumn<bool>("exempt");
    const QString latest = QStringLiteral("image/latest-tag");
    const QString file = QStringLiteral("services/a/overlays/dev/kustomization.yaml");
    QTest::newRow("a rule and a folder glob")
        << QStringLiteral("{rule: image/latest-tag, path: services/a/**}") << latest << file
        << QString() << true;
    QTest::newRow("a folder glob of another service")
        << QStringLiteral("{rule: image/latest-tag, path: services/b/**}") << latest << file
        << QString() << false;
    QTest::newRow("a single star stays in one folder")
        << QStringLiteral("{rule: image/latest-tag, path: services/*/kustomization.yaml}") << latest
        << file << QString() << false;
    QTest::newRow("a folder path covers what is inside it")
        << QStringLiteral("{rule: image/latest-tag, path: services/a}") << latest << file
        << QString() << true;
    QTest::newRow("a rule family")
        << QStringLiteral("{rule: image/*}") << latest << file << QString() << true;
    QTest::newRow("another rule") << QStringLiteral("{rule: image/registry}") << latest << file
                                  << QString() << false;
    QTest::newRow("a service") << QStringLiteral("{rule: '*', service: a}") << latest << file
                               << QStringLiteral("a") << true;
    QTest::newRow("another service") << QStringLiteral("{rule: '*', service: b}") << latest << file
                                     << QStringLiteral("a") << false;
}

void TestRuleFormats::exemptions()
{
    QFETCH(QString, exemption);
    QFETCH(QString, rule);
    QFETCH(QString, path);
    QFETCH(QString, service);
    QFETCH(bool, exempt);
    RuleConfig c = RuleConfig::defaults();
    QVERIFY(c.apply("rules:\n  exemptions:\n    - " + exemption.toUtf8() + "\n",
                    QStringLiteral(".kanri.yaml")));
    Finding f;
    f.rule = rule;
    f.path = path;
    f.service = service;
    QCOMPARE(c.isExempt(f), exempt);
}

void TestRuleFormats::deprecations_data()
{
    QTest::addColumn<QString>("apiVersion");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("removedIn");
    QTest::addColumn<QString>("replacement");
    QTest::newRow("extensions/v1beta1 Deployment, removed in 1.16") << "extensions/v1beta1"
                                                                    << "Deployment"
                                                                    << "1.16"
                                                                    << "apps/v1";
    QTest::newRow("extensions/v1beta1 Ingress, removed in 1.22") << "extensions/v1beta1"
                                                                 << "Ingress"
                                                                 << "1.22"
                                                                 << "networking.k8s.io/v1";
    QTest::newRow("extensions/v1beta1 PodSecurityPolicy, removed in 1.16") << "extensions/v1beta1"
                                                                           << "PodSecurityPolicy"
                                                                           << "1.16"
                                                                           << "policy/v1beta1";
    QTest::newRow("apps/v1beta2 StatefulSet") << "apps/v1beta2"
                                              << "StatefulSet"
                                              << "1.16"
                                              << "apps/v1";
    QTest::newRow("policy/v1beta1 PodDisruptionBudget") << "policy/v1beta1"
                                                        << "PodDisruptionBudget"
                                                        << "1.25"
                                                        << "policy/v1";
    QTest::newRow("policy/v1beta1 PodSecurityPolicy has no replacement") << "policy/v1beta1"
                                                                         << "PodSecurityPolicy"
                                                                         << "1.25"
                                                                         << "";
    QTest::newRow("batch/v1beta1 CronJob") << "batch/v1beta1"
                                           << "CronJob"
                                           << "1.25"
                                           << "batch/v1";
    QTest::newRow("autoscaling/v2beta1") << "autoscaling/v2beta1"
                                         << "HorizontalPodAutoscaler"
                                         << "1.25"
                                         << "autoscaling/v2";
    QTest::newRow("autoscaling/v2beta2") << "autoscaling/v2beta2"
                                         << "HorizontalPodAutoscaler"
                                         << "1.26"
                                         << "autoscaling/v2";
    QTest::newRow("networking.k8s.io/v1beta1 IngressClass") << "networking.k8s.io/v1beta1"
                                                            << "IngressClass"
                                                            << "1.22"
                                                            << "networking.k8s.io/v1";
    QTest::newRow("rbac v1beta1 ClusterRoleBinding") << "rbac.authorization.k8s.io/v1beta1"
                                                     << "ClusterRoleBinding"
                                                     << "1.22"
                                                     << "rbac.authorization.k8s.io/v1";
    QTest::newRow("admissionregistration v1beta1 webhooks")
        << "admissionregistration.k8s.io/v1beta1"
        << "ValidatingWebhookConfiguration"
        << "1.22"
        << "admissionregistration.k8s.io/v1";
    QTest::newRow("apiextensions v1beta1 CRD") << "apiextensions.k8s.io/v1beta1"
                                               << "CustomResourceDefinition"
                                               << "1.22"
                                               << "apiextensions.k8s.io/v1";
    QTest::newRow("storage v1beta1 CSIStorageCapacity, removed in 1.27") << "storage.k8s.io/v1beta1"
                                                                         << "CSIStorageCapacity"
                                                                         << "1.27"
                                                                         << "storage.k8s.io/v1";
    QTest::newRow("storage v1beta1 StorageClass, removed in 1.22") << "storage.k8s.io/v1beta1"
                                                                   << "StorageClass"
                                                                   << "1.22"
                                                                   << "storage.k8s.io/v1";
    QTest::newRow("scheduling v1alpha1 PriorityClass") << "scheduling.k8s.io/v1alpha1"
                                                       << "PriorityClass"
                                                       << "1.17"
                                                       << "scheduling.k8s.io/v1";
    QTest::newRow("flowcontrol v1beta3, removed in 1.32") << "flowcontrol.apiserver.k8s.io/v1beta3"
                                                          << "FlowSchema"
                                                          << "1.32"
                                                          << "flowcontrol.apiserver.k8s.io/v1";
    QTest::newRow("discovery v1beta1 EndpointSlice") << "discovery.k8s.io/v1beta1"
                                                     << "EndpointSlice"
                                                     << "1.25"
                                                     << "discovery.k8s.io/v1";
    QTest::newRow("events v1beta1 Event") << "events.k8s.io/v1beta1"
                                          << "Event"
                                          << "1.25"
                                          << "events.k8s.io/v1";
    QTest::newRow("node v1beta1 RuntimeClass") << "node.k8s.io/v1beta1"
                                               << "RuntimeClass"
                                               << "1.25"
                                               << "node.k8s.io/v1";
    QTest::newRow("a current apiVersion is not in the table") << "apps/v1"
                                                              << "Deployment"
                                                              << ""
                                                              << "";
}

void TestRuleFormats::deprecations()
{
    QFETCH(QString, apiVersion);
    QFETCH(QString, kind);
    QFETCH(QString, removedIn);
    QFETCH(QString, replacement);
    const auto api = findDeprecatedApi(apiVersion, kind);
    QCOMPARE(api.has_value(), !removedIn.isEmpty());
    if (!api)
        return;
    QCOMPARE(api->removedIn, removedIn);
    QCOMPARE(api->replacement, replacement);
    QVERIFY(compareKubernetesVersions(api->deprecatedIn, api->removedIn) < 0);
    QVERIFY(compareKubernetesVersions(api->removedIn, QStringLiteral("1.16")) >= 0);
}

QTEST_GUILESS_MAIN(TestRuleFormats)
#include "tst_rule_formats.moc"
