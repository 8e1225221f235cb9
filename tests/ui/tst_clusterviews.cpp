// Where the demo's overlays are deployed, as the main window shows it (issue 24, item 3): the
// catalog grouped by cluster, the services table's Clusters column, and the line over the
// rendered diff naming the clusters an edit of a prd overlay reaches.
#include "items/catalogtreemodel.h"
#include "items/servicesmodel.h"
#include "platform/demoworkspace.h"
#include "platform/deploymentsmodel.h"
#include "platform/livediff.h"
#include "platform/session.h"
#include "ui/diff/clusterreachview.h"
#include "ui/main/mainwindow.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QHeaderView>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace kanri;

class TestClusterViews : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void catalogGroupsByCluster();
    void servicesTableNamesTheClusters();
    void servicesRowsAreOneLineOfText();
    void diffPanelNamesTheClustersAPrdEditReaches();

private:
    QStringList topLevel() const;

    QTemporaryDir m_tmp;
    std::optional<platform::Workspace> m_demo;
    std::unique_ptr<platform::Session> m_session;
    std::unique_ptr<ui::MainWindow> m_window;
};

void TestClusterViews::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    auto ws =
        platform::materialiseDemo(QStringLiteral(":/demo"), m_tmp.filePath(QStringLiteral("demo")));
    QVERIFY2(ws.has_value(), qPrintable(ws ? QString() : ws.error().toString()));
    m_demo = *ws;
}

void TestClusterViews::init()
{
    auto session = platform::Session::open(*m_demo);
    QVERIFY(session.has_value());
    m_session = std::move(*session);
    m_window = std::make_unique<ui::MainWindow>();
    m_window->setSession(m_session.get());
    new QAbstractItemModelTester(m_window->catalogTree()->model(),
                                 QAbstractItemModelTester::FailureReportingMode::QtTest, this);
    m_window->show();
    QTRY_VERIFY(m_window->catalogTree()->model()->rowCount() > 0); // built on a worker
    QVERIFY(m_window->deployments());
    m_window->deployments()->refreshNow();
    QVERIFY(m_window->deployments()->isReady());
}

void TestClusterViews::cleanup()
{
    m_session->revert();
    m_window.reset();
    m_session.reset();
}

QStringList TestClusterViews::topLevel() const
{
    QAbstractItemModel *model = m_window->catalogTree()->model();
    QStringList names;
    for (int r = 0; r < model->rowCount(); ++r)
        names << model->index(r, 0).data().toString();
    return names;
}

void TestClusterViews::catalogGroupsByCluster()
{
    auto *byCluster = m_window->findChild<QAction *>(QStringLiteral("groupByClusterAction"));
    QVERIFY(byCluster);
    QVERIFY(!m_window->catalogByCluster());
    QVERIFY(topLevel().first().startsWith(QLatin1Char('@'))); // teams
    byCluster->trigger();
    QVERIFY(m_window->catalogByCluster());
    const QStringList clusters = topLevel();
    for (const char *name : {"eks-dev", "eks-prd", "eks-stg", "gke-dev", "gke-prd", "gke-stg"})
        QVERIFY2(clusters.contains(QLatin1String(name)), qPrintable(clusters.join(u' ')));
    // gke-prd holds payment-api's prd overlay, with the application that deploys it; choosing
    // it chooses the service.
    QAbstractItemModel *model = m_window->catalogTree()->model();
    const QModelIndex gkePrd = model->index(int(clusters.indexOf(QStringLiteral("gke-prd"))), 0);
    const QModelIndexList hits =
        model->match(model->index(0, 0, gkePrd), items::CatalogTreeModel::ServiceRole,
                     QStringLiteral("payment-api"), 1, Qt::MatchExactly);
    QCOMPARE(hits.size(), 1);
    QCOMPARE(hits.first().parent().data().toString(), QStringLiteral("gke-prd"));
    const QModelIndex prd = model->index(0, 0, hits.first());
    QCOMPARE(prd.data().toString(), QStringLiteral("prd"));
    QVERIFY2(prd.siblingAtColumn(1).data().toString().startsWith(
                 QStringLiteral("payment-api-prd · payment-api")),
             qPrintable(prd.siblingAtColumn(1).data().toString()));
    m_window->catalogTree()->setCurrentIndex(prd);
    QCOMPARE(m_window->liveDiff()->service(),
             m_window->servicesModel()->rowOf(QStringLiteral("payment-api")));
    // The filter works on the cluster tree too.
    m_window->filterBox()->setText(QStringLiteral("eks-prd"));
    QCOMPARE(topLevel(), QStringList{QStringLiteral("eks-prd")});
    m_window->filterBox()->clear();
    byCluster->trigger();
    QVERIFY(topLevel().first().startsWith(QLatin1Char('@')));
}

void TestClusterViews::servicesTableNamesTheClusters()
{
    items::ServicesModel *model = m_window->servicesModel();
    const int row = model->rowOf(QStringLiteral("payment-api"));
    const QString clusters = model->index(row, items::ServicesModel::Clusters).data().toString();
    for (const char *name : {"gke-dev", "gke-stg", "gke-prd"})
        QVERIFY2(clusters.contains(QLatin1String(name)), qPrintable(clusters));
    const int prd = model->column(QStringLiteral("prd"), platform::ServiceSetting::Replicas);
    QVERIFY(model->index(row, prd)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QLatin1String("Deployed to gke-prd by payment-api-prd")));
}

// The Clusters column holds a list: the rows stay one line of text high and the list is
// elided in its cell, whole in the cell's tooltip (it once wrapped every row to two lines).
void TestClusterViews::servicesRowsAreOneLineOfText()
{
    QTableView *table = m_window->servicesTable();
    QVERIFY(table);
    QVERIFY(!table->wordWrap());
    QCOMPARE(table->textElideMode(), Qt::ElideRight);
    const QFontMetrics fm = table->fontMetrics();
    auto *frozen = table->findChild<QTableView *>(QStringLiteral("frozenColumn"));
    QVERIFY(frozen);
    QVERIFY(!frozen->wordWrap());
    QAbstractItemModel *model = table->model();
    QVERIFY(model->rowCount() > 0);
    for (int r = 0; r < model->rowCount(); ++r) {
        const QString what = QStringLiteral("row %1 is %2 px high, a line of text %3 px")
                                 .arg(r)
                                 .arg(table->rowHeight(r))
                                 .arg(fm.height());
        QVERIFY2(table->rowHeight(r) >= fm.height(), qPrintable(what));
        QVERIFY2(table->rowHeight(r) < 2 * fm.lineSpacing(), qPrintable(what));
        QCOMPARE(frozen->rowHeight(r), table->rowHeight(r));
    }

    const QModelIndexList hits = model->match(model->index(0, 0), items::ServicesModel::ServiceRole,
                                              QStringLiteral("payment-api"), 1, Qt::MatchExactly);
    QCOMPARE(hits.size(), 1);
    const QModelIndex cell = hits.first().siblingAtColumn(items::ServicesModel::Clusters);
    // Narrower than its text: one line, elided; the tooltip names every environment's clusters.
    table->setColumnWidth(cell.column(), fm.horizontalAdvance(QStringLiteral("gke-dev")));
    QVERIFY(fm.horizontalAdvance(cell.data().toString()) > table->columnWidth(cell.column()));
    const QString tip = cell.data(Qt::ToolTipRole).toString();
    for (const char *line : {"dev: gke-dev", "stg: gke-stg", "prd: gke-prd"})
        QVERIFY2(tip.split(QLatin1Char('\n')).contains(QLatin1String(line)), qPrintable(tip));
}

void TestClusterViews::diffPanelNamesTheClustersAPrdEditReaches()
{
    ui::ClusterReachView *reach = m_window->clusterReach();
    m_window->selectService(QStringLiteral("payment-api"));
    m_window->liveDiff()->computeNow();
    QVERIFY(!reach->isVisible()); // nothing changed yet
    items::ServicesModel *model = m_window->servicesModel();
    const int row = model->rowOf(QStringLiteral("payment-api"));
    QVERIFY(model->setData(
        model->index(row, model->column(QStringLiteral("prd"), platform::ServiceSetting::Replicas)),
        QStringLiteral("8")));
    m_window->liveDiff()->computeNow();
    QVERIFY(reach->isVisible());
    const QStringList reached =
        m_window->deployments()->clustersOf(QStringLiteral("services/payment-api/overlays/prd"));
    QVERIFY(reached.contains(QStringLiteral("gke-prd")));
    QVERIFY2(
        reach->text().startsWith(QStringLiteral("Reaches ") + reached.join(QStringLiteral(", "))),
        qPrintable(reach->text()));
    QVERIFY(!reach->text().contains(QLatin1String("gke-stg")));
    QVERIFY(reach->toolTip().contains(QLatin1String("payment-api-prd")));
    m_session->buffers()->undoStack()->undo();
    m_window->liveDiff()->computeNow();
    QVERIFY(!reach->isVisible());
}

QTEST_MAIN(TestClusterViews)
#include "tst_clusterviews.moc"
