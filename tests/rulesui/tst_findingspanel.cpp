// The findings dock over the demo workspace: the demo's deliberate rule breaks at their
// lines, live re-checks of the unsaved edits (a fix makes its finding go without saving),
// the "this change" scope, filters, and double-click revealing the service.

#include "items/catalogtreemodel.h"
#include "items/findingsmodel.h"
#include "platform/demoworkspace.h"
#include "platform/session.h"
#include "rules/rulelive.h"
#include "ui/main/mainwindow.h"
#include "ui/rules/findingspanel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace kanri;

class TestFindingsPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void showsTheDemosBreaksAtTheirLines();
    void fixingAnImageTagRemovesItsFindingWithoutSaving();
    void thisChangeShowsOnlyWhatTheEditIntroduces();
    void filtersBySeverityAndRule();
    void doubleClickRevealsTheService();
    void aNewerEditOvertakesARunningCheck();

private:
    QStringList locations() const; // "file:line [rule]" of every row, sorted
    int serviceIndex(const QString &name) const;
    int devIndex(int service) const;
    void waitForCheck();

    QTemporaryDir m_tmp;
    std::optional<platform::Workspace> m_demo;
    std::unique_ptr<platform::Session> m_session;
    std::unique_ptr<ui::MainWindow> m_window;
    ui::FindingsPanel *m_panel = nullptr;
    platform::LiveLinter *m_linter = nullptr;
};

void TestFindingsPanel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    auto ws =
        platform::materialiseDemo(QStringLiteral(":/demo"), m_tmp.filePath(QStringLiteral("demo")));
    QVERIFY2(ws.has_value(), qPrintable(ws ? QString() : ws.error().toString()));
    m_demo = *ws;
}

void TestFindingsPanel::init()
{
    auto session = platform::Session::open(*m_demo);
    QVERIFY(session.has_value());
    m_session = std::move(*session);
    m_window = std::make_unique<ui::MainWindow>();
    m_window->setSession(m_session.get());
    // Wired as app/rulescontroller.cpp wires them.
    m_panel = new ui::FindingsPanel(m_window.get());
    m_window->addPanel(m_panel, Qt::BottomDockWidgetArea);
    new QAbstractItemModelTester(m_panel->model(),
                                 QAbstractItemModelTester::FailureReportingMode::QtTest, m_panel);
    m_linter = new platform::LiveLinter(m_window.get());
    m_linter->setDelay(20);
    connect(m_linter, &platform::LiveLinter::findingsChanged, m_panel, [this] {
        m_panel->setFindings(m_linter->result().findings, m_linter->changeFindings());
    });
    connect(m_linter, &platform::LiveLinter::checkingChanged, m_panel,
            &ui::FindingsPanel::setChecking);
    connect(m_panel, &ui::FindingsPanel::locationActivated, m_window.get(),
            [this](const QString &file, int line, int column, const QString &) {
                m_window->revealLocation(file, line, column);
            });
    m_window->resize(1400, 900);
    m_window->show();
    m_linter->setSession(m_session.get());
    waitForCheck();
}

void TestFindingsPanel::cleanup()
{
    m_linter->setSession(nullptr);
    m_session->revert();
    m_window.reset();
    m_session.reset();
}

void TestFindingsPanel::waitForCheck()
{
    QTRY_VERIFY_WITH_TIMEOUT(m_linter->isUpToDate(), 120000);
    QApplication::processEvents();
}

QStringList TestFindingsPanel::locations() const
{
    QStringList out;
    const QAbstractItemModel *m = m_panel->proxy();
    for (int r = 0; r < m->rowCount(); ++r)
        out << QStringLiteral("%1 [%2]").arg(
            m->index(r, items::FindingsModel::LocationColumn).data().toString(),
            m->index(r, items::FindingsModel::RuleColumn).data().toString());
    out.sort();
    return out;
}

int TestFindingsPanel::serviceIndex(const QString &name) const
{
    const auto &services = m_session->catalog().services;
    for (int i = 0; i < services.size(); ++i) {
        if (services.at(i).name == name)
            return i;
    }
    return -1;
}

int TestFindingsPanel::devIndex(int service) const
{
    const auto &envs = m_session->catalog().services.at(service).environments;
    for (int i = 0; i < envs.size(); ++i) {
        if (envs.at(i).name == QLatin1String("dev"))
            return i;
    }
    return -1;
}

namespace {

const QStringList kDemoBreaks{
    QStringLiteral("manifests/services/campaign-api/overlays/prd/ingress.yaml:3 "
                   "[tenancy/reserved-kind]"),
    QStringLiteral("manifests/services/image-resizer/overlays/dev/kustomization.yaml:16 "
                   "[image/latest-tag]"),
    QStringLiteral("manifests/services/ledger-worker/base/pdb.yaml:1 [k8s/deprecated-api]"),
    QStringLiteral("manifests/services/recommendation/overlays/prd/deployment-patch.yaml:19 "
                   "[k8s/cpu-request-too-high]"),
};

} // namespace

void TestFindingsPanel::showsTheDemosBreaksAtTheirLines()
{
    QCOMPARE(locations(), kDemoBreaks);
    QVERIFY2(m_panel->windowTitle().contains(QStringLiteral("error")),
             qPrintable(m_panel->windowTitle()));
    // The severity column has its icon.
    QVERIFY(!m_panel->proxy()->index(0, 0).data(Qt::DecorationRole).value<QIcon>().isNull());
}

void TestFindingsPanel::fixingAnImageTagRemovesItsFindingWithoutSaving()
{
    const int service = serviceIndex(QStringLiteral("image-resizer"));
    QVERIFY(service >= 0);
    const int dev = devIndex(service);
    QVERIFY(dev >= 0);
    auto r = m_session->setServiceSetting(service, dev, platform::ServiceSetting::ImageTag,
                                          QStringLiteral("v1.6.2"));
    QVERIFY2(r.has_value(), qPrintable(r ? QString() : r.error().toString()));
    QTRY_VERIFY_WITH_TIMEOUT(
        !locations().join(QLatin1Char('\n')).contains(QStringLiteral("image/latest-tag")), 120000);
    QStringList expected = kDemoBreaks;
    expected.removeAt(1);
    waitForCheck();
    QCOMPARE(locations(), expected);
    // Nothing was saved: the file on disk still has the break.
    QVERIFY(m_session->buffers()->isModified());
    const QString file = m_session->catalog().manifestsRoot +
                         QStringLiteral("/services/image-resizer/overlays/dev/kustomization.yaml");
    QFile disk(file);
    QVERIFY(disk.open(QIODevice::ReadOnly));
    QVERIFY(disk.readAll().contains("newTag: latest"));

    // Undo brings it back.
    m_session->buffers()->undoStack()->undo();
    QTRY_COMPARE_WITH_TIMEOUT(locations(), kDemoBreaks, 120000);
}

void TestFindingsPanel::thisChangeShowsOnlyWhatTheEditIntroduces()
{
    m_panel->setScope(ui::FindingsPanel::Scope::Change);
    QCOMPARE(m_panel->visibleCount(), 0);
    const int service = serviceIndex(QStringLiteral("payment-api"));
    QVERIFY(service >= 0);
    auto r = m_session->setServiceSetting(service, 0, platform::ServiceSetting::ImageTag,
                                          QStringLiteral("latest"));
    QVERIFY2(r.has_value(), qPrintable(r ? QString() : r.error().toString()));
    QTRY_COMPARE_WITH_TIMEOUT(m_panel->visibleCount(), 1, 120000);
    const QString row = locations().value(0);
    QVERIFY2(row.startsWith(QStringLiteral("manifests/services/payment-api/overlays/")) &&
                 row.endsWith(QStringLiteral("[image/latest-tag]")),
             qPrintable(row));
    QVERIFY(m_panel->windowTitle().contains(QStringLiteral("this change")));
    m_panel->setScope(ui::FindingsPanel::Scope::Workspace);
    QCOMPARE(m_panel->visibleCount(), kDemoBreaks.size() + 1);
}

void TestFindingsPanel::filtersBySeverityAndRule()
{
    const int all = m_panel->visibleCount();
    QCOMPARE(all, kDemoBreaks.size());
    m_panel->setRuleFilter(QStringLiteral("k8s/deprecated-api"));
    QCOMPARE(locations(), QStringList{kDemoBreaks.at(2)});
    QVERIFY(m_panel->windowTitle().contains(QStringLiteral("1 shown")));
    m_panel->setRuleFilter(QString());
    m_panel->setMinimumSeverity(ui::FindingsPanel::MinimumSeverity::Error);
    for (int r = 0; r < m_panel->proxy()->rowCount(); ++r)
        QCOMPARE(m_panel->proxy()->index(r, 0).data().toString(), QStringLiteral("error"));
    // The demo's four breaks are all errors.
    QCOMPARE(m_panel->visibleCount(), m_panel->model()->count(platform::Severity::Error));
    QVERIFY(m_panel->visibleCount() > 0);
    m_panel->setMinimumSeverity(ui::FindingsPanel::MinimumSeverity::Info);
    QCOMPARE(m_panel->visibleCount(), all);
}

void TestFindingsPanel::doubleClickRevealsTheService()
{
    QTreeView *view = m_panel->view();
    int row = -1;
    for (int r = 0; r < m_panel->proxy()->rowCount(); ++r) {
        if (m_panel->proxy()
                ->index(r, items::FindingsModel::LocationColumn)
                .data()
                .toString()
                .contains(QStringLiteral("recommendation")))
            row = r;
    }
    QVERIFY(row >= 0);
    const QModelIndex index = m_panel->proxy()->index(row, items::FindingsModel::MessageColumn);
    view->scrollTo(index);
    const QRect rect = view->visualRect(index);
    QVERIFY(rect.isValid());
    QSignalSpy spy(m_panel, &ui::FindingsPanel::locationActivated);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toString(),
             m_session->catalog().manifestsRoot +
                 QStringLiteral("/services/recommendation/overlays/prd/deployment-patch.yaml"));
    QCOMPARE(spy.at(0).at(1).toInt(), 19);
    QCOMPARE(m_window->catalogTree()
                 ->currentIndex()
                 .data(items::CatalogTreeModel::ServiceRole)
                 .toString(),
             QStringLiteral("recommendation"));
}

void TestFindingsPanel::aNewerEditOvertakesARunningCheck()
{
    const int service = serviceIndex(QStringLiteral("image-resizer"));
    QVERIFY(service >= 0);
    const int dev = devIndex(service);
    QSignalSpy results(m_linter, &platform::LiveLinter::findingsChanged);
    // Fix, then put back at once, several times: only the last state may be shown.
    for (int i = 0; i < 3; ++i) {
        QVERIFY(m_session
                    ->setServiceSetting(service, dev, platform::ServiceSetting::ImageTag,
                                        QStringLiteral("v9.9.%1").arg(i))
                    .has_value());
        m_linter->checkNow();
        QTest::qWait(5);
    }
    QVERIFY(m_session
                ->setServiceSetting(service, dev, platform::ServiceSetting::ImageTag,
                                    QStringLiteral("latest"))
                .has_value());
    waitForCheck();
    QCOMPARE(locations(), kDemoBreaks);
    QVERIFY(results.size() >= 1);
}

QTEST_MAIN(TestFindingsPanel)
#include "tst_findingspanel.moc"
