// `kanri lint` on the demo workspace finds exactly the deliberate rule breaks that
// resources/demo/README.md lists, at their lines, and nothing else.

#include "platform/demoworkspace.h"
#include "rules/rulelinter.h"
#include "rulestestutil.h"
#include "tests/testsupport/testutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace kanri::platform;

class TestLintDemo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void findsExactlyTheDeliberateBreaks();
    void commandLineReportsThemAndExitsOne();
    void commandLineWithBaseReportsOnlyNewFindings();

private:
    QTemporaryDir m_tmp;
    QString m_workspace;
};

namespace {

// The demo README's table, as `file:line [rule]`.
const QStringList kExpected{
    QStringLiteral("manifests/services/campaign-api/overlays/prd/ingress.yaml:3 "
                   "[tenancy/reserved-kind]"),
    QStringLiteral("manifests/services/image-resizer/overlays/dev/kustomization.yaml:16 "
                   "[image/latest-tag]"),
    QStringLiteral("manifests/services/ledger-worker/base/pdb.yaml:1 [k8s/deprecated-api]"),
    QStringLiteral("manifests/services/recommendation/overlays/prd/deployment-patch.yaml:19 "
                   "[k8s/cpu-request-too-high]"),
};

QStringList summarise(const QList<Finding> &findings)
{
    QStringList out;
    for (const Finding &f : findings)
        out << QStringLiteral("%1:%2 [%3]").arg(f.file).arg(f.line).arg(f.rule);
    out.sort();
    return out;
}

} // namespace

void TestLintDemo::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_tmp.isValid());
    m_workspace = m_tmp.filePath(QStringLiteral("demo"));
    const auto ws = materialiseDemo(QStringLiteral(":/demo"), m_workspace);
    QVERIFY2(ws.has_value(), qPrintable(ws ? QString() : ws.error().toString()));
}

void TestLintDemo::findsExactlyTheDeliberateBreaks()
{
    auto ws = workspaceForDirectory(m_workspace);
    QVERIFY(ws.has_value());
    const Linter linter(kanri::test::kustomizeRenderer());
    const auto result = linter.lint(*ws);
    QVERIFY2(result.has_value(), qPrintable(result ? QString() : result.error().toString()));
    QCOMPARE(summarise(result->findings), kExpected);
    // 12 services x 3 overlays, the 3 platform components and the Argo CD applications.
    QCOMPARE(result->renderedTargets, 40);
    for (const Finding &f : result->findings) {
        QCOMPARE(f.severity, Severity::Error);
        QVERIFY2(!f.hint.isEmpty(), qPrintable(f.rule));
        QVERIFY(f.path.startsWith(QLatin1String("services/")));
    }
    const Finding &pdb = result->findings.at(2);
    QVERIFY2(pdb.message.contains(QLatin1String("1.25")), qPrintable(pdb.message));
    QVERIFY2(pdb.hint.contains(QLatin1String("policy/v1")), qPrintable(pdb.hint));
}

void TestLintDemo::commandLineReportsThemAndExitsOne()
{
    const QString kanri = kanri::test::kanriBinary();
    QVERIFY2(QFileInfo::exists(kanri), "the kanri binary is built with the tests (KANRI_BINARY)");
    const auto r =
        kanri::test::run(kanri, {QStringLiteral("lint"), QStringLiteral("--workspace"), m_workspace,
                                 QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(r.exitCode, 1);
    const QJsonArray array = QJsonDocument::fromJson(r.out).array();
    QStringList got;
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        got << QStringLiteral("%1:%2 [%3]")
                   .arg(o.value(QStringLiteral("file")).toString())
                   .arg(o.value(QStringLiteral("line")).toInt())
                   .arg(o.value(QStringLiteral("rule")).toString());
    }
    got.sort();
    QCOMPARE(got, kExpected);

    const auto text = kanri::test::run(kanri, {QStringLiteral("lint"), m_workspace});
    QCOMPARE(text.exitCode, 1);
    QVERIFY2(text.out.contains("manifests/services/ledger-worker/base/pdb.yaml:1:1: error: "
                               "policy/v1beta1 PodDisruptionBudget was removed in Kubernetes 1.25"),
             text.out.constData());
}

void TestLintDemo::commandLineWithBaseReportsOnlyNewFindings()
{
    const QString kanri = kanri::test::kanriBinary();
    QVERIFY2(QFileInfo::exists(kanri), "the kanri binary is built with the tests (KANRI_BINARY)");
    // The demo's breaks are all committed on main: against main nothing is new.
    auto r =
        kanri::test::run(kanri, {QStringLiteral("lint"), QStringLiteral("--workspace"), m_workspace,
                                 QStringLiteral("--base"), QStringLiteral("main")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QByteArray());

    // A new break in the working tree, in a file that also moves existing lines.
    const QString patch =
        m_workspace +
        QStringLiteral("/manifests/services/recommendation/overlays/prd/hpa-patch.yaml");
    QVERIFY(kanri::test::writeFile(patch, "# scaled by hand for the sale\n"
                                          "apiVersion: autoscaling/v2\n"
                                          "kind: HorizontalPodAutoscaler\n"
                                          "metadata:\n"
                                          "  name: recommendation\n"
                                          "spec:\n"
                                          "  minReplicas: 12\n"
                                          "  maxReplicas: 10\n"));
    r = kanri::test::run(kanri, {QStringLiteral("lint"), QStringLiteral("--workspace"), m_workspace,
                                 QStringLiteral("--base"), QStringLiteral("main"),
                                 QStringLiteral("--format"), QStringLiteral("github")});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.out, QByteArray("::error file=services/recommendation/overlays/prd/hpa-patch.yaml,"
                               "line=7,col=16,title=hpa/min-above-max::HorizontalPodAutoscaler "
                               "recommendation has minReplicas 12 above maxReplicas 10%0Alower "
                               "minReplicas or raise maxReplicas\n"));
}

QTEST_GUILESS_MAIN(TestLintDemo)
#include "tst_lint_demo.moc"
