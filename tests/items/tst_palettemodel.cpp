// The command palette's matcher (items/fuzzymatch) and its ranked list (items/palettemodel):
// which texts a pattern matches, in which order they come, and the list's scope to files.
#include "items/fuzzymatch.h"
#include "items/palettemodel.h"
#include "platform/catalog.h"
#include "platform/sourcelocator.h"
#include "rules/rulefinding.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace kanri;
using items::PaletteEntry;
using items::PaletteModel;

namespace {

// Files as the demo workspace has them: siblings that a pattern must tell apart.
const QStringList demoFiles = {
    QStringLiteral("accounts/developers.auto.tfvars"),
    QStringLiteral("accounts/microservices_catalog.tf"),
    QStringLiteral("manifests/argocd/applications/payment-api-dev.yaml"),
    QStringLiteral("manifests/argocd/applications/payment-api-prd.yaml"),
    QStringLiteral("manifests/platform/namespaces/payment-api.yaml"),
    QStringLiteral("manifests/services/orders/base/deployment.yaml"),
    QStringLiteral("manifests/services/payment-api/base/deployment.yaml"),
    QStringLiteral("manifests/services/payment-api/base/hpa.yaml"),
    QStringLiteral("manifests/services/payment-api/overlays/dev/kustomization.yaml"),
    QStringLiteral("manifests/services/payment-api/overlays/prd/deployment-patch.yaml"),
    QStringLiteral("manifests/services/payment-api/overlays/prd/kustomization.yaml"),
    QStringLiteral("manifests/services/payment-api/overlays/stg/kustomization.yaml"),
    QStringLiteral("manifests/services/pricing-api/overlays/prd/kustomization.yaml"),
    QStringLiteral("manifests/services/auth-api/overlays/prd/hpa-patch.yaml"),
};

QList<PaletteEntry> demoEntries()
{
    QList<PaletteEntry> entries;
    entries.append({PaletteEntry::Kind::Action, QStringLiteral("Repository ▸ Push…"),
                    QStringLiteral("Ctrl+Shift+K"), QString(), 0});
    entries.append({PaletteEntry::Kind::Action, QStringLiteral("File ▸ Save"),
                    QStringLiteral("Ctrl+S"), QString(), 1});
    for (const QString &service :
         {QStringLiteral("payment-api"), QStringLiteral("pricing-api"), QStringLiteral("orders")}) {
        entries.append({PaletteEntry::Kind::Service, service, QString(), service, -1});
        int e = 0;
        for (const QString &env :
             {QStringLiteral("dev"), QStringLiteral("stg"), QStringLiteral("prd")})
            entries.append({PaletteEntry::Kind::Overlay, service + QStringLiteral(" ▸ ") + env,
                            QString(), service, e++});
    }
    entries.append({PaletteEntry::Kind::Developer, QStringLiteral("alice"), QString(),
                    QStringLiteral("alice"), -1});
    entries.append({PaletteEntry::Kind::Team, QStringLiteral("@demo-org/payments"), QString(),
                    QStringLiteral("@demo-org/payments"), -1});
    QList<platform::WorkspaceFile> files;
    for (const QString &f : demoFiles)
        files.append({f, QStringLiteral("/w/") + f});
    entries += items::filePaletteEntries(files);
    entries += items::rulePaletteEntries();
    return entries;
}

QStringList texts(const PaletteModel &model, int limit = 1000)
{
    QStringList out;
    for (int r = 0; r < std::min(limit, model.rowCount()); ++r)
        out << model.index(r, 0).data().toString();
    return out;
}

} // namespace

class TestPaletteModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matches_data();
    void matches();
    void positionsPointAtTheMatchedCharacters();
    void wordStartsRankAboveScatteredLetters();
    void deployFindsDeploymentYaml();
    void paPrdFindsPaymentApisPrdOverlayFirst();
    void emptyPatternKeepsTheGivenOrder();
    void filesOnlyScopeListsOnlyFiles();
    void noMatchLeavesTheListEmpty();
    void catalogEntriesCoverServicesOverlaysDevelopersAndTeams();
    void everyRuleIsListedWithItsDescription();
};

void TestPaletteModel::matches_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("matched");
    QTest::newRow("a prefix matches") << "deploy"
                                      << "deployment.yaml" << true;
    QTest::newRow("letters in order with gaps match") << "dply"
                                                      << "manifests/base/deployment.yaml" << true;
    QTest::newRow("case does not matter") << "DEPLOY"
                                          << "deployment.yaml" << true;
    QTest::newRow("letters out of order do not match") << "ypold"
                                                       << "deployment.yaml" << false;
    QTest::newRow("each word matches on its own, in any order") << "prd pa"
                                                                << "payment-api ▸ prd" << true;
    QTest::newRow("one word that does not match fails the pattern") << "pa xyz"
                                                                    << "payment-api ▸ prd" << false;
    QTest::newRow("a word longer than the text does not match") << "paymentapi2"
                                                                << "payment" << false;
    QTest::newRow("an empty pattern matches everything") << ""
                                                         << "anything" << true;
    QTest::newRow("white space only matches everything") << "   "
                                                         << "anything" << true;
    QTest::newRow("non-ASCII letters match") << "管理"
                                             << "Kanri 管理 console" << true;
    QTest::newRow("nothing matches an empty text") << "a"
                                                   << "" << false;
}

void TestPaletteModel::matches()
{
    QFETCH(QString, pattern);
    QFETCH(QString, text);
    QFETCH(bool, matched);
    QCOMPARE(items::fuzzyMatch(pattern, text).has_value(), matched);
}

void TestPaletteModel::positionsPointAtTheMatchedCharacters()
{
    const QString text = QStringLiteral("payment-api ▸ prd");
    const auto m = items::fuzzyMatch(QStringLiteral("pa prd"), text);
    QVERIFY(m);
    // "pa": the p and a that start "payment" (consecutive, at a word start), not the a of
    // "api"; "prd": the environment.
    QCOMPARE(m->positions, (QList<int>{0, 1, 14, 15, 16}));
    QString picked;
    for (int i : m->positions)
        picked += text.at(i);
    QCOMPARE(picked, QStringLiteral("paprd"));
}

void TestPaletteModel::wordStartsRankAboveScatteredLetters()
{
    // "pa" as the initials of "payment-api" (or its first two letters) beats a p and an a far
    // apart inside other words.
    const auto initials = items::fuzzyMatch(QStringLiteral("pa"), QStringLiteral("payment-api"));
    const auto scattered = items::fuzzyMatch(QStringLiteral("pa"), QStringLiteral("xxpxxxxxa"));
    QVERIFY(initials && scattered);
    QVERIFY2(initials->score > scattered->score,
             qPrintable(QStringLiteral("%1 <= %2").arg(initials->score).arg(scattered->score)));
    // Consecutive letters beat the same letters with a gap.
    const auto together = items::fuzzyMatch(QStringLiteral("hpa"), QStringLiteral("x/hpa.yaml"));
    const auto apart = items::fuzzyMatch(QStringLiteral("hpa"), QStringLiteral("x/h-p-a.yaml"));
    QVERIFY(together && apart);
    QVERIFY(together->score > apart->score);
}

void TestPaletteModel::deployFindsDeploymentYaml()
{
    PaletteModel model;
    QAbstractItemModelTester tester(&model);
    model.setEntries(demoEntries());
    model.setPattern(QStringLiteral("deploy"));
    const QStringList found = texts(model);
    QVERIFY(!found.isEmpty());
    QVERIFY2(found.first().endsWith(QStringLiteral("/deployment.yaml")),
             qPrintable(found.join(QLatin1Char('\n'))));
    // Both services' deployment.yaml, and the prd patch, and nothing without "deploy".
    QVERIFY(found.contains(QStringLiteral("manifests/services/orders/base/deployment.yaml")));
    QVERIFY(found.contains(QStringLiteral("manifests/services/payment-api/base/deployment.yaml")));
    for (const QString &t : found)
        QVERIFY2(items::fuzzyMatch(QStringLiteral("deploy"), t), qPrintable(t));
    QVERIFY(!found.contains(QStringLiteral("manifests/services/payment-api/base/hpa.yaml")));
}

void TestPaletteModel::paPrdFindsPaymentApisPrdOverlayFirst()
{
    PaletteModel model;
    model.setEntries(demoEntries());
    model.setPattern(QStringLiteral("pa prd"));
    const QStringList found = texts(model);
    QVERIFY(!found.isEmpty());
    QCOMPARE(found.first(), QStringLiteral("payment-api ▸ prd"));
    QCOMPARE(model.index(0, 0).data(PaletteModel::KindRole).toInt(),
             int(PaletteEntry::Kind::Overlay));
    QCOMPARE(model.entry(0).index, 2);
    // Its overlay's files are found too, and other environments are not.
    QVERIFY(found.contains(
        QStringLiteral("manifests/services/payment-api/overlays/prd/kustomization.yaml")));
    QVERIFY(!found.contains(QStringLiteral("payment-api ▸ dev")));
    // "prd" is a subsequence of "payment-api/overlays/dev" too, but ranks far below.
    QVERIFY(found.indexOf(
                QStringLiteral("manifests/services/payment-api/overlays/prd/kustomization.yaml")) <
            found.indexOf(
                QStringLiteral("manifests/services/payment-api/overlays/dev/kustomization.yaml")));
    // Words typed in the path's order: a prd overlay's hpa-patch.yaml ("pa" in "patch", after
    // "prd") comes after payment-api's prd overlay.
    QVERIFY(
        found.indexOf(
            QStringLiteral("manifests/services/payment-api/overlays/prd/kustomization.yaml")) <
        found.indexOf(QStringLiteral("manifests/services/auth-api/overlays/prd/hpa-patch.yaml")));
    // Within the files, payment-api's prd overlay comes before pricing-api's.
    QVERIFY(found.indexOf(
                QStringLiteral("manifests/services/payment-api/overlays/prd/kustomization.yaml")) <
            found.indexOf(
                QStringLiteral("manifests/services/pricing-api/overlays/prd/kustomization.yaml")));
}

void TestPaletteModel::emptyPatternKeepsTheGivenOrder()
{
    PaletteModel model;
    const QList<PaletteEntry> entries = demoEntries();
    model.setEntries(entries);
    QCOMPARE(model.rowCount(), entries.size());
    for (int r = 0; r < entries.size(); ++r)
        QCOMPARE(model.index(r, 0).data().toString(), entries.at(r).text);
}

void TestPaletteModel::filesOnlyScopeListsOnlyFiles()
{
    PaletteModel model;
    QAbstractItemModelTester tester(&model);
    model.setEntries(demoEntries());
    model.setScope(PaletteModel::Scope::FilesOnly);
    QCOMPARE(model.rowCount(), demoFiles.size());
    model.setPattern(QStringLiteral("pa prd"));
    QVERIFY(model.rowCount() > 0);
    for (int r = 0; r < model.rowCount(); ++r)
        QCOMPARE(model.index(r, 0).data(PaletteModel::KindRole).toInt(),
                 int(PaletteEntry::Kind::File));
    model.setScope(PaletteModel::Scope::Everything);
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("payment-api ▸ prd"));
}

void TestPaletteModel::noMatchLeavesTheListEmpty()
{
    PaletteModel model;
    model.setEntries(demoEntries());
    model.setPattern(QStringLiteral("zzzqqq"));
    QCOMPARE(model.rowCount(), 0);
    model.setPattern(QString());
    QCOMPARE(model.rowCount(), demoEntries().size());
}

void TestPaletteModel::catalogEntriesCoverServicesOverlaysDevelopersAndTeams()
{
    platform::Catalog catalog;
    platform::Service s;
    s.name = QStringLiteral("payment-api");
    s.team = QStringLiteral("@demo-org/payments");
    s.environments = {
        {QStringLiteral("dev"), {}, QStringLiteral("services/payment-api/overlays/dev"), {}},
        {QStringLiteral("prd"), {}, QStringLiteral("services/payment-api/overlays/prd"), {}}};
    catalog.services.append(s);
    platform::MapEntryRef dev;
    dev.key = QStringLiteral("alice");
    catalog.developers.append(dev);
    catalog.teams.append(
        {QStringLiteral("@demo-org/payments"), {QStringLiteral("payment-api")}, {}});
    const QList<PaletteEntry> entries = items::catalogPaletteEntries(catalog);
    QStringList seen;
    for (const PaletteEntry &e : entries)
        seen << PaletteModel::kindName(e.kind) + QLatin1Char(':') + e.text;
    QCOMPARE(seen, (QStringList{QStringLiteral("Service:payment-api"),
                                QStringLiteral("Overlay:payment-api ▸ dev"),
                                QStringLiteral("Overlay:payment-api ▸ prd"),
                                QStringLiteral("Developer:alice"),
                                QStringLiteral("Team:@demo-org/payments")}));
    QCOMPARE(entries.at(2).index, 1); // the environment's index in the service
    QCOMPARE(entries.at(2).target, QStringLiteral("payment-api"));
    QCOMPARE(entries.at(4).detail, QStringLiteral("1 service(s)"));
}

void TestPaletteModel::everyRuleIsListedWithItsDescription()
{
    const QList<PaletteEntry> rules = items::rulePaletteEntries();
    QCOMPARE(rules.size(), platform::ruleCatalog().size());
    for (int i = 0; i < rules.size(); ++i) {
        QCOMPARE(rules.at(i).target, QString::fromLatin1(platform::ruleCatalog().at(i).id));
        QCOMPARE(rules.at(i).detail,
                 QString::fromLatin1(platform::ruleCatalog().at(i).description));
    }
}

QTEST_GUILESS_MAIN(TestPaletteModel)
#include "tst_palettemodel.moc"
