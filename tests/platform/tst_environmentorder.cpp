// The one order of environments and overlays (platform/environmentorder).
#include "platform/environmentorder.h"

#include <QTest>

using namespace kanri::platform;

class TestEnvironmentOrder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void environments_data();
    void environments();
    void overlays_data();
    void overlays();
};

void TestEnvironmentOrder::environments_data()
{
    QTest::addColumn<QStringList>("input");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("alphabetical input is put in promotion order")
        << QStringList{"dev", "prd", "stg"} << QStringList{"dev", "stg", "prd"};
    QTest::newRow("long spellings rank with their short forms")
        << QStringList{"production", "staging", "development"}
        << QStringList{"development", "staging", "production"};
    QTest::newRow("unknown environments come last, alphabetically")
        << QStringList{"sandbox", "prd", "perf", "dev"}
        << QStringList{"dev", "prd", "perf", "sandbox"};
    QTest::newRow("qa sits between dev and stg")
        << QStringList{"stg", "qa", "dev"} << QStringList{"dev", "qa", "stg"};
}

void TestEnvironmentOrder::environments()
{
    QFETCH(QStringList, input);
    QFETCH(QStringList, expected);
    sortEnvironments(input);
    QCOMPARE(input, expected);
    QVERIFY(environmentRank(QStringLiteral("dev")) < environmentRank(QStringLiteral("stg")));
    QVERIFY(environmentRank(QStringLiteral("stg")) < environmentRank(QStringLiteral("prd")));
}

void TestEnvironmentOrder::overlays_data()
{
    QTest::addColumn<QStringList>("input");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("a service's overlays read dev, stg, prd")
        << QStringList{"services/a/overlays/dev", "services/a/overlays/prd",
                       "services/a/overlays/stg"}
        << QStringList{"services/a/overlays/dev", "services/a/overlays/stg",
                       "services/a/overlays/prd"};
    QTest::newRow("services stay grouped and alphabetical")
        << QStringList{"services/b/overlays/dev", "services/a/overlays/prd",
                       "services/a/overlays/dev", "services/b/overlays/stg"}
        << QStringList{"services/a/overlays/dev", "services/a/overlays/prd",
                       "services/b/overlays/dev", "services/b/overlays/stg"};
    QTest::newRow("platform folders sort by their path")
        << QStringList{"platform/ingress", "apps/argocd", "services/a/overlays/dev"}
        << QStringList{"apps/argocd", "platform/ingress", "services/a/overlays/dev"};
}

void TestEnvironmentOrder::overlays()
{
    QFETCH(QStringList, input);
    QFETCH(QStringList, expected);
    sortOverlays(input);
    QCOMPARE(input, expected);
}

QTEST_GUILESS_MAIN(TestEnvironmentOrder)
#include "tst_environmentorder.moc"
