// The three wizards end to end on a fresh copy of the demo workspace each: driven through
// their widgets, applied to the session as one unsaved, undoable edit, saved, and then linted
// from disk: nothing new may be found. Cancelling leaves nothing.

#include "hcl/hcldocument.h"
#include "kustomize/renderer.h"
#include "platform/demoworkspace.h"
#include "platform/renderpipeline.h"
#include "platform/session.h"
#include "publish/wizarddeveloper.h"
#include "publish/wizardmicroservice.h"
#include "publish/wizardoffboard.h"
#include "publish/wizardplan.h"
#include "rules/rulelinter.h"
#include "rules/rulelive.h"
#include "ui/wizards/wizardnewdeveloper.h"
#include "ui/wizards/wizardnewmicroservice.h"
#include "ui/wizards/wizardoffboarddeveloper.h"
#include "ui/wizards/wizardpreview.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace kanri;
using platform::Finding;

class TestWizards : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void newDeveloperEndToEnd();
    void newDeveloperValidatesAsTyped();
    void newDeveloperRulesBlockADuplicateLogin();
    void newDeveloperCancelLeavesNothing();
    void newMicroserviceEndToEnd();
    void newMicroserviceRejectsTakenNames_data();
    void newMicroserviceRejectsTakenNames();
    void newMicroserviceUsesTheRepositorysTemplates();
    void newMicroserviceCancelLeavesNothing();
    void offboardRemovesEveryReference();
    void offboardCancelLeavesNothing();

private:
    QList<Finding> lintDisk() const;
    QByteArray readDisk(const QString &path) const;
    void assertNoNewFindings();
    std::unique_ptr<ui::NewDeveloperWizard> developerWizard();
    std::unique_ptr<ui::NewMicroserviceWizard> microserviceWizard();
    std::unique_ptr<ui::OffboardWizard> offboardWizard();

    QTemporaryDir m_tmp;
    int m_round = 0;
    std::optional<platform::Workspace> m_demo;
    std::unique_ptr<platform::Session> m_session;
    QList<Finding> m_baseline; // the demo's findings before the wizard ran
};

void TestWizards::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_tmp.isValid());
}

void TestWizards::init()
{
    auto ws = platform::materialiseDemo(QStringLiteral(":/demo"),
                                        m_tmp.filePath(QStringLiteral("demo%1").arg(++m_round)));
    QVERIFY2(ws.has_value(), qPrintable(ws ? QString() : ws.error().toString()));
    m_demo = *ws;
    auto session = platform::Session::open(*m_demo);
    QVERIFY(session.has_value());
    m_session = std::move(*session);
}

void TestWizards::cleanup()
{
    m_session.reset();
    m_baseline.clear();
}

QList<Finding> TestWizards::lintDisk() const
{
    auto renderer = std::make_shared<kustomize::Renderer>();
    const platform::Linter linter([renderer](const QString &dir) -> Result<QByteArray> {
        auto out = renderer->render(dir);
        if (!out)
            return std::unexpected(out.error());
        return out->text;
    });
    auto result = linter.lint(*m_demo);
    if (!result) {
        qWarning() << result.error().toString();
        return {};
    }
    return result->findings;
}

QByteArray TestWizards::readDisk(const QString &path) const
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

void TestWizards::assertNoNewFindings()
{
    const QList<Finding> now = lintDisk();
    QVERIFY(!now.isEmpty()); // the demo's own breaks are still there
    const QList<Finding> added = platform::newFindings(m_baseline, now);
    QStringList text;
    for (const Finding &f : added)
        text << QStringLiteral("%1:%2 [%3] %4").arg(f.file).arg(f.line).arg(f.rule, f.message);
    QVERIFY2(added.isEmpty(), qPrintable(text.join(QLatin1Char('\n'))));
}

std::unique_ptr<ui::NewDeveloperWizard> TestWizards::developerWizard()
{
    // Wired as app/rulescontroller.cpp wires it.
    const platform::Catalog &catalog = m_session->catalog();
    const platform::SourceReader read = platform::sessionReader(*m_session);
    const platform::RuleConfig config =
        platform::loadRuleConfig(catalog.workspace).value_or(platform::RuleConfig::defaults());
    return std::make_unique<ui::NewDeveloperWizard>(
        catalog, platform::developerFieldDescriptions(catalog, read),
        [catalog, config](const platform::DeveloperDraft &d) {
            return platform::developerDraftFindings(catalog, config, d);
        },
        [catalog, read](const platform::DeveloperDraft &d) {
            return platform::planNewDeveloper(catalog, read, d);
        });
}

std::unique_ptr<ui::NewMicroserviceWizard> TestWizards::microserviceWizard()
{
    const platform::Catalog &catalog = m_session->catalog();
    const platform::SourceReader read = platform::sessionReader(*m_session);
    return std::make_unique<ui::NewMicroserviceWizard>(
        catalog,
        [catalog, read](const QString &team) {
            return platform::microserviceDefaults(catalog, read, team);
        },
        [catalog, read](const platform::MicroserviceDraft &d) {
            return platform::planNewMicroservice(catalog, read, d);
        });
}

std::unique_ptr<ui::OffboardWizard> TestWizards::offboardWizard()
{
    const platform::Catalog &catalog = m_session->catalog();
    const platform::SourceReader read = platform::sessionReader(*m_session);
    return std::make_unique<ui::OffboardWizard>(catalog, [catalog, read](const QString &key) {
        return platform::planOffboard(catalog, read, key);
    });
}

namespace {

bool canGoOn(QWizard *w)
{
    QAbstractButton *b = w->button(
        w->currentId() == w->pageIds().constLast() ? QWizard::FinishButton : QWizard::NextButton);
    return b && b->isEnabled();
}

} // namespace

void TestWizards::newDeveloperEndToEnd()
{
    m_baseline = lintDisk();
    auto wizard = developerWizard();
    wizard->show();
    const int team = wizard->teamBox()->findData(QStringLiteral("@demo-org/media"));
    QVERIFY(team > 0);
    wizard->teamBox()->setCurrentIndex(team);
    QTest::keyClicks(wizard->textEdit(QStringLiteral("name")), QStringLiteral("Aiko Tanaka"));
    QTest::keyClicks(wizard->textEdit(QStringLiteral("github")), QStringLiteral("aiko-tanaka"));
    QTest::keyClicks(wizard->textEdit(QStringLiteral("email")),
                     QStringLiteral("atanaka@example.co.jp"));
    QCOMPARE(wizard->keyEdit()->text(), QStringLiteral("atanaka")); // from the address
    QVERIFY(canGoOn(wizard.get()));
    wizard->next();
    QCOMPARE(wizard->currentId(), int(ui::NewDeveloperWizard::AccountsPage));
    // The media team runs video-transcoder on EKS: AWS is pre-set.
    QVERIFY(wizard->flagBox(QStringLiteral("aws"))->isChecked());
    QVERIFY(wizard->flagBox(QStringLiteral("gcp"))->isChecked());
    QVERIFY(!wizard->flagBox(QStringLiteral("argocd_admin"))->isChecked());
    wizard->flagBox(QStringLiteral("pagerduty"))->setChecked(true);
    wizard->next();
    QCOMPARE(wizard->currentId(), int(ui::NewDeveloperWizard::ReviewPage));
    QCOMPARE(wizard->findingsList()->count(), 1);
    QVERIFY(wizard->findingsList()->item(0)->text().contains(QStringLiteral("no platform rule")));
    QVERIFY(canGoOn(wizard.get()));
    QVERIFY(wizard->plan().has_value());
    wizard->accept();

    QVERIFY(platform::applyPlan(*m_session, *wizard->plan()).has_value());
    QVERIFY(m_session->buffers()->isModified());
    QCOMPARE(m_session->buffers()->undoStack()->count(), 1);
    bool found = false;
    for (const platform::MapEntryRef &d : m_session->catalog().developers) {
        if (d.key == QLatin1String("atanaka")) {
            found = true;
            QCOMPARE(d.fields.value(QStringLiteral("github")).toString(),
                     QStringLiteral("aiko-tanaka"));
            QCOMPARE(d.fields.value(QStringLiteral("pagerduty")).toBool(), true);
            QCOMPARE(d.fields.value(QStringLiteral("aws")).toBool(), true);
            QVERIFY(!d.fields.contains(QStringLiteral("slack"))); // the default is not written
        }
    }
    QVERIFY(found);
    const QString tfvars =
        m_session->catalog().accountsRoot + QStringLiteral("/developers.auto.tfvars");
    QVERIFY(!readDisk(tfvars).contains("atanaka")); // not saved yet
    QVERIFY(m_session->save().has_value());
    const QByteArray saved = readDisk(tfvars);
    QVERIFY(saved.contains("  atanaka = {\n    name      = \"Aiko Tanaka\"\n"));
    assertNoNewFindings();
}

void TestWizards::newDeveloperValidatesAsTyped()
{
    auto wizard = developerWizard();
    wizard->show();
    QVERIFY(!canGoOn(wizard.get()));
    QTest::keyClicks(wizard->textEdit(QStringLiteral("name")), QStringLiteral("Bo"));
    QTest::keyClicks(wizard->textEdit(QStringLiteral("github")), QStringLiteral("bo-"));
    QTest::keyClicks(wizard->textEdit(QStringLiteral("email")), QStringLiteral("bo@example.com"));
    QVERIFY(!canGoOn(wizard.get())); // a GitHub login cannot end with a dash
    wizard->textEdit(QStringLiteral("github"))->setText(QStringLiteral("bo-dev"));
    QVERIFY(canGoOn(wizard.get()));
    wizard->keyEdit()->setText(QStringLiteral("hnakamura")); // taken
    QVERIFY(!canGoOn(wizard.get()));
    wizard->keyEdit()->setText(QStringLiteral("Bo"));
    QVERIFY(!canGoOn(wizard.get()));
    QVERIFY(!platform::checkDeveloperKey(m_session->catalog(), QStringLiteral("Bo")).isEmpty());
    wizard->keyEdit()->setText(QStringLiteral("bo"));
    QVERIFY(canGoOn(wizard.get()));
}

void TestWizards::newDeveloperRulesBlockADuplicateLogin()
{
    auto wizard = developerWizard();
    wizard->show();
    QTest::keyClicks(wizard->textEdit(QStringLiteral("name")), QStringLiteral("Haruto Again"));
    QTest::keyClicks(wizard->textEdit(QStringLiteral("github")), QStringLiteral("haruto-nkmr"));
    QTest::keyClicks(wizard->textEdit(QStringLiteral("email")),
                     QStringLiteral("haruto2@example.co.jp"));
    wizard->next();
    wizard->next();
    QCOMPARE(wizard->currentId(), int(ui::NewDeveloperWizard::ReviewPage));
    QVERIFY(wizard->findingsList()->item(0)->text().contains(
        QStringLiteral("accounts/duplicate-github")));
    QVERIFY(!canGoOn(wizard.get()));
}

void TestWizards::newDeveloperCancelLeavesNothing()
{
    auto wizard = developerWizard();
    wizard->show();
    QTest::keyClicks(wizard->textEdit(QStringLiteral("name")), QStringLiteral("Aiko Tanaka"));
    QTest::keyClicks(wizard->textEdit(QStringLiteral("github")), QStringLiteral("aiko-tanaka"));
    QTest::keyClicks(wizard->textEdit(QStringLiteral("email")),
                     QStringLiteral("atanaka@example.co.jp"));
    wizard->next();
    wizard->next();
    wizard->reject();
    QCOMPARE(wizard->result(), int(QDialog::Rejected));
    QVERIFY(!m_session->buffers()->isModified());
    QCOMPARE(m_session->buffers()->undoStack()->count(), 0);
}

void TestWizards::newMicroserviceEndToEnd()
{
    m_baseline = lintDisk();
    auto wizard = microserviceWizard();
    wizard->show();
    QVERIFY(!canGoOn(wizard.get()));
    QTest::keyClicks(wizard->nameEdit(), QStringLiteral("coupon-api"));
    wizard->teamBox()->setCurrentIndex(wizard->teamBox()->findData(QStringLiteral("growth")));
    QVERIFY(!canGoOn(wizard.get())); // no description yet
    QTest::keyClicks(wizard->descriptionEdit(), QStringLiteral("Issues and redeems coupons."));
    QVERIFY(canGoOn(wizard.get()));
    wizard->next();
    wizard->tagEdit()->setText(QStringLiteral("latest"));
    QVERIFY(!canGoOn(wizard.get()));
    wizard->tagEdit()->setText(QStringLiteral("v0.1.0"));
    QVERIFY(canGoOn(wizard.get()));
    wizard->next();
    QCOMPARE(wizard->currentId(), int(ui::NewMicroserviceWizard::PreviewPage));
    QVERIFY(wizard->plan().has_value());
    QStringList listed;
    for (int i = 0; i < wizard->preview()->fileList()->count(); ++i)
        listed << wizard->preview()->fileList()->item(i)->text().simplified();
    const QStringList expected{
        QStringLiteral("changed accounts/microservices_growth.tf"),
        QStringLiteral("changed manifests/.github/CODEOWNERS"),
        QStringLiteral("new manifests/argocd/applications/coupon-api-dev.yaml"),
        QStringLiteral("new manifests/argocd/applications/coupon-api-prd.yaml"),
        QStringLiteral("new manifests/argocd/applications/coupon-api-stg.yaml"),
        QStringLiteral("changed manifests/argocd/applications/kustomization.yaml"),
        QStringLiteral("new manifests/platform/namespaces/coupon-api.yaml"),
        QStringLiteral("changed manifests/platform/namespaces/kustomization.yaml"),
        QStringLiteral("new manifests/services/coupon-api/base/deployment.yaml"),
        QStringLiteral("new manifests/services/coupon-api/base/hpa.yaml"),
        QStringLiteral("new manifests/services/coupon-api/base/kustomization.yaml"),
        QStringLiteral("new manifests/services/coupon-api/base/service.yaml"),
        QStringLiteral("new manifests/services/coupon-api/overlays/dev/kustomization.yaml"),
        QStringLiteral("new manifests/services/coupon-api/overlays/prd/kustomization.yaml"),
        QStringLiteral("new manifests/services/coupon-api/overlays/stg/kustomization.yaml"),
    };
    QCOMPARE(listed, expected);
    QVERIFY(
        wizard->preview()->diffView()->toPlainText().contains(QStringLiteral("coupon-api = {")));
    wizard->accept();

    int targetsBefore = 0;
    {
        platform::RenderPipeline renderer;
        auto live = platform::lintLive(platform::liveLintInput(*m_session), &renderer);
        QVERIFY(live.has_value());
        targetsBefore = live->renderedTargets;
    }
    QVERIFY(platform::applyPlan(*m_session, *wizard->plan()).has_value());
    QCOMPARE(m_session->buffers()->undoStack()->count(), 1); // one undo step
    QCOMPARE(m_session->buffers()->modifiedFiles().size(), expected.size());
    QVERIFY(m_session->catalog().microserviceIndex(QStringLiteral("coupon-api")) >= 0);
    // Owned by its team at once: the catalog reads the CODEOWNERS line from the buffers.
    const platform::Service *coupon = m_session->catalog().service(QStringLiteral("coupon-api"));
    QVERIFY(coupon);
    QCOMPARE(coupon->team, QStringLiteral("@demo-org/growth"));
    QCOMPARE(m_session->ownersOfFile(m_session->catalog().manifestsRoot +
                                     QStringLiteral("/services/coupon-api/base/hpa.yaml")),
             QStringList{QStringLiteral("@demo-org/growth")});
    const QString root = m_session->catalog().manifestsRoot;
    // The live check sees the unsaved service and finds nothing new in it.
    {
        platform::RenderPipeline renderer;
        auto live = platform::lintLive(platform::liveLintInput(*m_session), &renderer);
        QVERIFY(live.has_value());
        // The CODEOWNERS rules see the new folder's files in the buffers: its new line
        // matches them, and they have an owner.
        const QList<Finding> added = platform::newFindings(m_baseline, live->findings);
        QStringList text;
        for (const Finding &f : added)
            text << QStringLiteral("%1:%2 [%3] %4").arg(f.file).arg(f.line).arg(f.rule, f.message);
        QVERIFY2(added.isEmpty(), qPrintable(text.join(QLatin1Char('\n'))));
        // The three new overlays were rendered (from the buffers) and checked.
        QCOMPARE(live->renderedTargets, targetsBefore + 3);
    }
    // The new overlays render from the buffers, before anything is saved.
    {
        auto working = m_session->overlayFor(platform::Side::Working);
        QVERIFY(working.has_value());
        for (const QString &env :
             {QStringLiteral("dev"), QStringLiteral("stg"), QStringLiteral("prd")}) {
            auto out =
                m_session->render(QStringLiteral("services/coupon-api/overlays/") + env, *working);
            QVERIFY2(out.has_value(), qPrintable(out ? QString() : out.error().toString()));
            QVERIFY(out->text.contains("namespace: coupon-api"));
            QVERIFY(out->text.contains("kind: HorizontalPodAutoscaler"));
        }
        // Without the buffers there is nothing there yet.
        QVERIFY(!m_session
                     ->render(QStringLiteral("services/coupon-api/overlays/dev"),
                              kustomize::FileOverlay{})
                     .has_value());
    }
    QVERIFY(!QFileInfo::exists(root + QStringLiteral("/services/coupon-api"))); // not saved
    if (auto saved = m_session->save(); !saved)
        QFAIL(qPrintable(saved.error().toString()));
    // The new overlays render once saved.
    for (const QString &env :
         {QStringLiteral("dev"), QStringLiteral("stg"), QStringLiteral("prd")}) {
        auto out = m_session->render(QStringLiteral("services/coupon-api/overlays/") + env,
                                     kustomize::FileOverlay{});
        QVERIFY2(out.has_value(), qPrintable(out ? QString() : out.error().toString()));
        QVERIFY(out->text.contains("namespace: coupon-api"));
        QVERIFY(out->text.contains("kind: HorizontalPodAutoscaler"));
        QVERIFY(out->text.contains("image: asia-northeast1-docker.pkg.dev/demo-platform-prd/"
                                   "coupon-api/coupon-api:v0.1.0"));
    }
    QVERIFY(readDisk(root + QStringLiteral("/.github/CODEOWNERS"))
                .contains("/services/coupon-api/          @demo-org/growth\n"));
    QCOMPARE(m_session->catalog().service(QStringLiteral("coupon-api"))->team,
             QStringLiteral("@demo-org/growth"));
    const QByteArray tf =
        readDisk(m_session->catalog().accountsRoot + QStringLiteral("/microservices_growth.tf"));
    auto doc = hcl::Document::parse(tf, QStringLiteral("microservices_growth.tf"));
    QVERIFY(doc.has_value());
    auto entry = doc->get({QStringLiteral("microservices_growth"), QStringLiteral("coupon-api"),
                           QStringLiteral("namespace")});
    QVERIFY2(entry.has_value(), qPrintable(entry ? QString() : entry.error().toString()));
    QCOMPARE(entry->toString(), QStringLiteral("coupon-api"));
    assertNoNewFindings();
}

void TestWizards::newMicroserviceRejectsTakenNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("an existing service") << "payment-api";
    QTest::newRow("upper case") << "Coupon";
    QTest::newRow("a trailing dash") << "coupon-";
    QTest::newRow("empty") << "";
}

void TestWizards::newMicroserviceRejectsTakenNames()
{
    QFETCH(QString, name);
    QVERIFY(!platform::checkMicroserviceName(m_session->catalog(), name).isEmpty());
    auto wizard = microserviceWizard();
    wizard->show();
    wizard->nameEdit()->setText(name);
    wizard->descriptionEdit()->setText(QStringLiteral("x"));
    QVERIFY(!canGoOn(wizard.get()));
}

void TestWizards::newMicroserviceUsesTheRepositorysTemplates()
{
    const QString own = m_session->catalog().manifestsRoot +
                        QStringLiteral("/.kanri/templates/microservice/base/service.yaml");
    QDir().mkpath(QFileInfo(own).path());
    {
        QFile f(own);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("apiVersion: v1\nkind: Service\nmetadata:\n  name: {{name}}\n  labels:\n"
                "    custom: platform-template\n");
    }
    platform::MicroserviceDraft d = platform::microserviceDefaults(
        m_session->catalog(), platform::sessionReader(*m_session), QStringLiteral("media"));
    d.name = QStringLiteral("thumbnailer");
    d.description = QStringLiteral("Makes thumbnails.");
    QCOMPARE(d.registry, QStringLiteral("asia-northeast1-docker.pkg.dev/demo-platform-prd"));
    auto plan =
        platform::planNewMicroservice(m_session->catalog(), platform::sessionReader(*m_session), d);
    QVERIFY2(plan.has_value(), qPrintable(plan ? QString() : plan.error().toString()));
    bool seen = false;
    for (const platform::PlannedFile &f : plan->files) {
        if (f.display.endsWith(QLatin1String("thumbnailer/base/service.yaml"))) {
            seen = true;
            QVERIFY(f.after.contains("custom: platform-template"));
            QVERIFY(f.after.contains("name: thumbnailer"));
        }
    }
    QVERIFY(seen);
}

void TestWizards::newMicroserviceCancelLeavesNothing()
{
    auto wizard = microserviceWizard();
    wizard->show();
    QTest::keyClicks(wizard->nameEdit(), QStringLiteral("coupon-api"));
    QTest::keyClicks(wizard->descriptionEdit(), QStringLiteral("Coupons."));
    wizard->next();
    wizard->next();
    QVERIFY(wizard->plan().has_value());
    wizard->reject();
    QVERIFY(!m_session->buffers()->isModified());
    QVERIFY(!QFileInfo::exists(m_session->catalog().manifestsRoot +
                               QStringLiteral("/services/coupon-api")));
}

void TestWizards::offboardRemovesEveryReference()
{
    // References besides the entry: a personal CODEOWNERS owner next to a team, a line the
    // person owns alone, and the address in another developer's field.
    const QString manifestsOwners =
        m_session->catalog().manifestsRoot + QStringLiteral("/.github/CODEOWNERS");
    QByteArray owners = readDisk(manifestsOwners);
    owners.replace("/services/payment-api/         @demo-org/payments",
                   "/services/payment-api/         @demo-org/payments @haruto-nkmr");
    owners += "/services/ledger-worker/base/pdb.yaml @Haruto-Nkmr\n";
    {
        QFile f(manifestsOwners);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(owners);
    }
    auto session = platform::Session::open(*m_demo);
    QVERIFY(session.has_value());
    m_session = std::move(*session);
    m_baseline = lintDisk();

    auto wizard = offboardWizard();
    wizard->show();
    wizard->setDeveloper(QStringLiteral("hnakamura"));
    wizard->next();
    QCOMPARE(wizard->currentId(), int(ui::OffboardWizard::ReferencesPage));
    QVERIFY(wizard->plan().has_value());
    QStringList where;
    for (int i = 0; i < wizard->referenceList()->topLevelItemCount(); ++i)
        where << wizard->referenceList()->topLevelItem(i)->text(0) + QLatin1Char(' ') +
                     wizard->referenceList()->topLevelItem(i)->text(2);
    QCOMPARE(where,
             (QStringList{
                 QStringLiteral("accounts/developers.auto.tfvars:7 removed"),
                 QStringLiteral("manifests/.github/CODEOWNERS:9 owner removed"),
                 QStringLiteral("manifests/.github/CODEOWNERS:21 line removed (no owner left)"),
             }));
    QCOMPARE(wizard->preview()->fileList()->count(), 2);
    wizard->accept();
    QVERIFY(platform::applyPlan(*m_session, wizard->plan()->plan).has_value());
    QCOMPARE(m_session->buffers()->undoStack()->count(), 1);
    for (const platform::MapEntryRef &d : m_session->catalog().developers)
        QVERIFY(d.key != QLatin1String("hnakamura"));
    QVERIFY(m_session->save().has_value());
    const QByteArray after = readDisk(manifestsOwners);
    QVERIFY(!after.toLower().contains("haruto-nkmr"));
    QVERIFY(after.contains("/services/payment-api/         @demo-org/payments\n"));
    QVERIFY(!readDisk(m_session->catalog().accountsRoot + QStringLiteral("/developers.auto.tfvars"))
                 .contains("hnakamura"));
    assertNoNewFindings();

    // Undo after saving gives the entry back (one step for every file).
    m_session->buffers()->undoStack()->undo();
    bool back = false;
    for (const platform::MapEntryRef &d : m_session->catalog().developers)
        back = back || d.key == QLatin1String("hnakamura");
    QVERIFY(back);
}

void TestWizards::offboardCancelLeavesNothing()
{
    auto wizard = offboardWizard();
    wizard->show();
    wizard->setDeveloper(QStringLiteral("mokada"));
    wizard->next();
    QVERIFY(wizard->plan().has_value());
    QVERIFY(!wizard->plan()->references.isEmpty());
    wizard->reject();
    QVERIFY(!m_session->buffers()->isModified());
}

QTEST_MAIN(TestWizards)
#include "tst_wizards.moc"
