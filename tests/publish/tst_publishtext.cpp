// What the wizards propose for branches, commits and pull requests (models/publish), and how a
// plan is split by repository: plain functions over hand-made drafts and plans.

#include "platform/workspace.h"
#include "publish/publishflow.h"
#include "publish/publishtext.h"

#include <QLocale>
#include <QTest>
#include <QTranslator>

using namespace kanri;
using namespace kanri::platform;

namespace {

const QString accountsDir = QStringLiteral("/ws/accounts");
const QString manifestsDir = QStringLiteral("/ws/manifests");

PlannedFile newFile(const QString &path, const QByteArray &after)
{
    return PlannedFile{path, path.mid(4), std::nullopt, after};
}

PlannedFile changedFile(const QString &path, const QByteArray &before, const QByteArray &after)
{
    return PlannedFile{path, path.mid(4), before, after};
}

Workspace workspace()
{
    Workspace ws;
    ws.dir = QStringLiteral("/ws");
    ws.name = QStringLiteral("demo");
    // The manifests repository first: the split puts the accounts one first anyway.
    ws.repositories = {RepositorySpec{QStringLiteral("manifests"),
                                      RepositoryRole::Manifests,
                                      {},
                                      QStringLiteral("manifests"),
                                      QStringLiteral("main")},
                       RepositorySpec{QStringLiteral("accounts"),
                                      RepositoryRole::Accounts,
                                      {},
                                      QStringLiteral("accounts"),
                                      QStringLiteral("trunk")}};
    return ws;
}

} // namespace

class TestPublishText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void branchParts_data();
    void branchParts();
    void fileSummaryCountsLinesOfThisRepositorysFilesOnly();
    void newDeveloperTextsSayWhatMergingGrants();
    void aNewDeveloperWithoutGrantsSaysSo();
    void newMicroserviceTextsDifferByRepository();
    void offboardTextsListOnlyThisRepositorysPlaces();
    void aPlanIsSplitByRepositoryAccountsFirst();
    void aFileOutsideTheRepositoriesIsRefused();
    // The moved texts kept their Japanese (the contexts they are looked up under).
    void theTextsAreTranslatedIntoJapanese();
};

void TestPublishText::branchParts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("part");
    QTest::newRow("a name becomes lower-case words joined by dashes") << "Aiko Tanaka"
                                                                      << "aiko-tanaka";
    QTest::newRow("dots and underscores become one dash each run") << "a.b__c"
                                                                   << "a-b-c";
    QTest::newRow("no dash is left at either end") << "--coupon-api!"
                                                   << "coupon-api";
    QTest::newRow("non-ASCII letters are dropped") << "田中aiko"
                                                   << "aiko";
    QTest::newRow("nothing left gives change") << "田中"
                                               << "change";
}

void TestPublishText::branchParts()
{
    QFETCH(QString, text);
    QFETCH(QString, part);
    QCOMPARE(branchPart(text), part);
    QVERIFY(checkBranchName(QStringLiteral("kanri/") + branchPart(text)).isEmpty());
}

void TestPublishText::fileSummaryCountsLinesOfThisRepositorysFilesOnly()
{
    WizardPlan plan;
    plan.files = {changedFile(accountsDir + QStringLiteral("/developers.auto.tfvars"), "a\nb\nc\n",
                              "a\nB\nc\nd\n"),
                  newFile(manifestsDir + QStringLiteral("/services/x/base/kustomization.yaml"),
                          "one\ntwo\nthree\n")};
    QCOMPARE(fileSummary(plan, {accountsDir + QStringLiteral("/developers.auto.tfvars")}),
             QStringLiteral("- `accounts/developers.auto.tfvars` (+2 −1)"));
    QCOMPARE(
        fileSummary(plan, {manifestsDir + QStringLiteral("/services/x/base/kustomization.yaml")}),
        QStringLiteral("- `manifests/services/x/base/kustomization.yaml` (new, 3 lines)"));
    QCOMPARE(fileSummary(plan, {}), QString());
}

void TestPublishText::newDeveloperTextsSayWhatMergingGrants()
{
    DeveloperDraft draft;
    draft.key = QStringLiteral("atanaka");
    draft.fields = QJsonObject{{QStringLiteral("name"), QStringLiteral("Aiko Tanaka")},
                               {QStringLiteral("github"), QStringLiteral("aiko-tanaka")}};
    WizardPlan plan;
    const QString file = accountsDir + QStringLiteral("/developers.auto.tfvars");
    plan.files = {changedFile(file, "{\n}\n", "{\n  atanaka = {}\n}\n")};
    const QStringList grants = {QStringLiteral("viewer on the GCP projects"),
                                QStringLiteral("PagerDuty on-call")};
    const PublishText t = developerText(draft, grants, plan, {file});
    QCOMPARE(t.branch, QStringLiteral("kanri/add-developer-atanaka"));
    QCOMPARE(t.commitMessage,
             QStringLiteral("Add developer atanaka\n\nMerging grants Aiko Tanaka (atanaka):\n"
                            "- viewer on the GCP projects\n- PagerDuty on-call\n"));
    QCOMPARE(t.title, QStringLiteral("Add developer Aiko Tanaka (atanaka)"));
    QCOMPARE(t.body, QStringLiteral("Aiko Tanaka (atanaka) joins; GitHub login @aiko-tanaka.\n\n"
                                    "**Merging this grants:**\n"
                                    "- viewer on the GCP projects\n- PagerDuty on-call\n\n"
                                    "**Files:**\n- `accounts/developers.auto.tfvars` (+1 −0)\n\n"
                                    "Opened by Kanri's New developer wizard."));
}

void TestPublishText::aNewDeveloperWithoutGrantsSaysSo()
{
    DeveloperDraft draft;
    draft.key = QStringLiteral("bob");
    const PublishText t = developerText(draft, {}, WizardPlan{}, {});
    QCOMPARE(t.title, QStringLiteral("Add developer bob"));
    QCOMPARE(t.commitMessage,
             QStringLiteral("Add developer bob\n\nMerging grants bob:\nno account or right\n"));
    QVERIFY2(t.body.startsWith(QStringLiteral(
                 "bob joins.\n\nMerging this grants no account or right.\n\n**Files:**\n")),
             qPrintable(t.body));
}

void TestPublishText::newMicroserviceTextsDifferByRepository()
{
    MicroserviceDraft draft;
    draft.name = QStringLiteral("coupon-api");
    draft.team = QStringLiteral("growth");
    draft.description = QStringLiteral("Issues and redeems coupons.");
    draft.registry = QStringLiteral("registry.example");
    draft.environments = {QStringLiteral("dev"), QStringLiteral("prd")};
    WizardPlan plan;
    plan.notes = {QStringLiteral("The team growth owns the new folder.")};
    const QString rendered = QStringLiteral("**Rendered (kustomize build):**\n- dev: ...");

    const PublishText accounts =
        microserviceText(draft, plan, QStringLiteral("accounts"), true, rendered, {});
    QCOMPARE(accounts.branch, QStringLiteral("kanri/add-microservice-coupon-api"));
    QCOMPARE(accounts.commitMessage,
             QStringLiteral("Add microservice coupon-api: its entry in the microservices map\n"));
    QCOMPARE(accounts.title, QStringLiteral("Add microservice coupon-api (accounts)"));
    QVERIFY(accounts.body.startsWith(
        QStringLiteral("Adds the microservice **coupon-api** of team growth: Issues and redeems "
                       "coupons.\n\nThe entry creates the service's accounts")));
    QVERIFY(accounts.body.contains(QStringLiteral("\n\n- The team growth owns the new folder.")));
    QVERIFY(!accounts.body.contains(rendered));
    QVERIFY(accounts.body.endsWith(QStringLiteral("with a pull request in each repository.")));

    const PublishText manifests =
        microserviceText(draft, plan, QStringLiteral("manifests"), false, rendered, {});
    QCOMPARE(manifests.branch, accounts.branch);
    QCOMPARE(manifests.commitMessage,
             QStringLiteral("Add microservice coupon-api: base, overlays (dev, prd), Argo CD "
                            "application, CODEOWNERS\n"));
    QCOMPARE(manifests.title, QStringLiteral("Add microservice coupon-api (manifests)"));
    QVERIFY2(manifests.body.contains(QStringLiteral(
                 "Image registry.example/coupon-api/coupon-api:v0.1.0, port 8080; requests 250m "
                 "CPU / 256Mi memory, limits 1 CPU / 512Mi memory; environments: dev, prd.")),
             qPrintable(manifests.body));
    QVERIFY(manifests.body.contains(QStringLiteral("\n\n") + rendered + QStringLiteral("\n\n")));
}

void TestPublishText::offboardTextsListOnlyThisRepositorysPlaces()
{
    OffboardPlan off;
    off.key = QStringLiteral("atanaka");
    const QString tfvars = accountsDir + QStringLiteral("/developers.auto.tfvars");
    const QString owners = manifestsDir + QStringLiteral("/CODEOWNERS");
    off.references = {
        DeveloperReference{tfvars, QStringLiteral("accounts/developers.auto.tfvars"), 12,
                           QStringLiteral("developers map entry"), QStringLiteral("removed")},
        DeveloperReference{owners, QStringLiteral("manifests/CODEOWNERS"), 3,
                           QStringLiteral("CODEOWNERS owner"), QStringLiteral("owner removed")}};
    off.plan.files = {changedFile(tfvars, "a\nb\n", "a\n"), changedFile(owners, "x\n", "y\n")};
    const PublishText t = offboardText(off, {tfvars});
    QCOMPARE(t.branch, QStringLiteral("kanri/offboard-atanaka"));
    QCOMPARE(t.commitMessage,
             QStringLiteral("Offboard developer atanaka\n\n- `accounts/developers.auto.tfvars` "
                            "line 12, developers map entry: removed\n"));
    QCOMPARE(t.title, QStringLiteral("Offboard developer atanaka"));
    QVERIFY(!t.body.contains(QStringLiteral("CODEOWNERS")));
    QVERIFY2(t.body.contains(QStringLiteral(
                 "**Files:**\n- `accounts/developers.auto.tfvars` (+0 −1)\n\nOpened by Kanri's "
                 "Offboard developer wizard.")),
             qPrintable(t.body));
}

void TestPublishText::aPlanIsSplitByRepositoryAccountsFirst()
{
    WizardPlan plan;
    plan.files = {newFile(manifestsDir + QStringLiteral("/a.yaml"), "a\n"),
                  newFile(accountsDir + QStringLiteral("/b.tfvars"), "b\n"),
                  newFile(manifestsDir + QStringLiteral("/sub/../c.yaml"), "c\n")};
    const auto steps = splitPlan(plan, workspace());
    QVERIFY2(steps.has_value(), qPrintable(steps ? QString() : steps.error().toString()));
    QCOMPARE(steps->size(), 2);
    QCOMPARE(steps->at(0).repository, QStringLiteral("accounts"));
    QCOMPARE(steps->at(0).path, accountsDir);
    QCOMPARE(steps->at(0).baseBranch, QStringLiteral("trunk"));
    QCOMPARE(steps->at(0).files, QStringList{accountsDir + QStringLiteral("/b.tfvars")});
    QCOMPARE(steps->at(0).displayFiles, QStringList{QStringLiteral("b.tfvars")});
    QCOMPARE(steps->at(1).repository, QStringLiteral("manifests"));
    QCOMPARE(steps->at(1).files, (QStringList{manifestsDir + QStringLiteral("/a.yaml"),
                                              manifestsDir + QStringLiteral("/c.yaml")}));
    QCOMPARE(steps->at(1).displayFiles,
             (QStringList{QStringLiteral("a.yaml"), QStringLiteral("c.yaml")}));
    // The texts are the caller's.
    QVERIFY(steps->at(0).branch.isEmpty() && steps->at(0).title.isEmpty());
}

void TestPublishText::aFileOutsideTheRepositoriesIsRefused()
{
    WizardPlan plan;
    plan.files = {newFile(accountsDir + QStringLiteral("/b.tfvars"), "b\n"),
                  newFile(QStringLiteral("/ws/accounts-old/x.tfvars"), "x\n")};
    const auto steps = splitPlan(plan, workspace());
    QVERIFY(!steps.has_value());
    QVERIFY(steps.error().toString().contains(QStringLiteral("outside the workspace")));
}

void TestPublishText::theTextsAreTranslatedIntoJapanese()
{
    QTranslator ja;
    if (!ja.load(QLocale(QLocale::Japanese, QLocale::Japan), QStringLiteral("kanri"),
                 QStringLiteral("_"), QStringLiteral(":/i18n")))
        QSKIP("built without the translations (no Qt Linguist tools)");
    QVERIFY(QCoreApplication::installTranslator(&ja));
    DeveloperDraft draft;
    draft.key = QStringLiteral("bob");
    const PublishText t = developerText(draft, {}, WizardPlan{}, {});
    const QString branchProblem = checkBranchName(QString());
    QCoreApplication::removeTranslator(&ja);
    QCOMPARE(t.title, QStringLiteral("開発者 bob を追加"));
    QCOMPARE(branchProblem, QStringLiteral("ブランチ名を入力してください。"));
}

QTEST_GUILESS_MAIN(TestPublishText)
#include "tst_publishtext.moc"
