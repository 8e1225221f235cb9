// models/argocd: the map of overlays to the Argo CD applications that deploy them.

#include "argocd/deployments.h"
#include "tests/testsupport/testutil.h"

#include <QTemporaryDir>
#include <QTest>

using namespace kanri;
using namespace kanri::argocd;

namespace {

QString demoManifests()
{
    return kanri::test::sourceDir() + QStringLiteral("/resources/demo/manifests");
}

Options demoOptions()
{
    Options o;
    o.repoUrls = {QStringLiteral("https://github.com/demo-org/manifests.git")};
    return o;
}

} // namespace

class TestArgoCd : public QObject
{
    Q_OBJECT

private slots:
    void demoEveryOverlayIsDeployed();
};

void TestArgoCd::demoEveryOverlayIsDeployed()
{
    QVERIFY2(!kanri::test::sourceDir().isEmpty(), "KANRI_SOURCE_DIR is not set (run via ctest)");
    auto map = readDeployments(demoManifests(), demoOptions());
    if (!map)
        QFAIL(qPrintable(map.error().toString()));
    for (const Error &e : map->problems)
        qWarning("%s", qPrintable(e.toString()));
    QVERIFY(map->problems.isEmpty());
    const auto prd = map->deploymentsOf(QStringLiteral("services/payment-api/overlays/prd"));
    QCOMPARE(prd.size(), 1);
    QCOMPARE(prd[0].application, QStringLiteral("payment-api-prd"));
    QCOMPARE(prd[0].cluster, QStringLiteral("gke-prd"));
    QCOMPARE(prd[0].nameSpace, QStringLiteral("payment-api"));
    QCOMPARE(prd[0].project, QStringLiteral("payments"));
    QCOMPARE(prd[0].syncPolicy, QStringLiteral("manual"));
    for (auto it = map->byPath.cbegin(); it != map->byPath.cend(); ++it)
        for (const Deployment &d : it.value())
            qInfo("%s -> %s %s/%s parent=%s wave=%d %s:%d", qPrintable(it.key()),
                  qPrintable(d.application), qPrintable(d.cluster), qPrintable(d.nameSpace),
                  qPrintable(d.parent), d.syncWave, qPrintable(d.file), d.line);
}

QTEST_GUILESS_MAIN(TestArgoCd)
#include "tst_argocd.moc"
