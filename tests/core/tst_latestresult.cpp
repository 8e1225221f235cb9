#include "core/latestresult.h"

#include <QCoreApplication>
#include <QSemaphore>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>

using namespace kanri;

// Work is held at a gate (a semaphore) instead of sleeping, and results are collected by
// waiting for the private pool and then running the posted events: every order below is
// forced, none is hoped for.
class TestLatestResult : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void deliversOnTheOwnersThread();
    void newerRequestSupersedesRunningOne();
    void supersededResultIsDroppedEvenWhenItFinishedFirst();
    void onlyTheLastOfManyRequestsIsDelivered();
    void cancelSetsTheFlagAndDeliversNothing();
    void deliverMayStartTheNextRequest();
    void waitForDoneDeliversAtOnce();
    void destroyedWhileWorkRunsDeliversNothing();

private:
    // Lets queued deliveries run: every work has finished, so every delivery is posted.
    void settle()
    {
        m_pool->waitForDone();
        QCoreApplication::sendPostedEvents();
        QCoreApplication::sendPostedEvents(); // a watcher's finished() posts once more
    }
    std::unique_ptr<QThreadPool> m_pool;
};

void TestLatestResult::init()
{
    m_pool = std::make_unique<QThreadPool>();
    m_pool->setMaxThreadCount(4);
}

void TestLatestResult::cleanup()
{
    m_pool->waitForDone();
    m_pool.reset();
}

void TestLatestResult::deliversOnTheOwnersThread()
{
    LatestResult<int> latest(m_pool.get());
    QThread *deliveredOn = nullptr;
    QThread *workedOn = nullptr;
    int value = 0;
    latest.start(
        [&](const std::atomic_bool &) {
            workedOn = QThread::currentThread();
            return 42;
        },
        [&](int v) {
            deliveredOn = QThread::currentThread();
            value = v;
        });
    QVERIFY(latest.isPending());
    QTRY_COMPARE(value, 42);
    QCOMPARE(deliveredOn, QThread::currentThread());
    QVERIFY(workedOn != QThread::currentThread());
    QVERIFY(!latest.isPending());
}

void TestLatestResult::newerRequestSupersedesRunningOne()
{
    LatestResult<QString> latest(m_pool.get());
    QSemaphore gate;
    std::atomic_bool firstSawCancel = false;
    QStringList delivered;
    latest.start(
        [&](const std::atomic_bool &cancelled) {
            gate.acquire();
            firstSawCancel = cancelled.load();
            return QStringLiteral("first");
        },
        [&](QString s) { delivered << s; });
    latest.start([](const std::atomic_bool &) { return QStringLiteral("second"); },
                 [&](QString s) { delivered << s; });
    QVERIFY(latest.isWorking());
    gate.release();
    settle();
    QCOMPARE(delivered, QStringList{QStringLiteral("second")});
    QVERIFY(firstSawCancel);
    QVERIFY(!latest.isWorking());
}

void TestLatestResult::supersededResultIsDroppedEvenWhenItFinishedFirst()
{
    LatestResult<int> latest(m_pool.get());
    QList<int> delivered;
    latest.start([](const std::atomic_bool &) { return 1; }, [&](int v) { delivered << v; });
    m_pool->waitForDone(); // done, its delivery not run yet
    QSemaphore gate;
    latest.start(
        [&](const std::atomic_bool &) {
            gate.acquire();
            return 2;
        },
        [&](int v) { delivered << v; });
    QCoreApplication::sendPostedEvents(); // the first one's finished() would come now
    QVERIFY(delivered.isEmpty());
    gate.release();
    settle();
    QCOMPARE(delivered, QList<int>{2});
}

void TestLatestResult::onlyTheLastOfManyRequestsIsDelivered()
{
    LatestResult<int> latest(m_pool.get());
    QList<int> delivered;
    for (int i = 1; i <= 20; ++i)
        latest.start([i](const std::atomic_bool &) { return i; }, [&](int v) { delivered << v; });
    settle();
    QCOMPARE(delivered, QList<int>{20});
}

void TestLatestResult::cancelSetsTheFlagAndDeliversNothing()
{
    LatestResult<int> latest(m_pool.get());
    QSemaphore started;
    bool delivered = false;
    latest.start(
        [&](const std::atomic_bool &cancelled) {
            started.release();
            while (!cancelled.load()) // ends only through the flag
                QThread::yieldCurrentThread();
            return -1;
        },
        [&](int) { delivered = true; });
    started.acquire();
    latest.cancel();
    QVERIFY(!latest.isPending());
    settle();
    QVERIFY(!delivered);
    QVERIFY(!latest.isWorking());
}

void TestLatestResult::deliverMayStartTheNextRequest()
{
    LatestResult<int> latest(m_pool.get());
    QList<int> delivered;
    std::function<void(int)> deliver = [&](int v) {
        delivered << v;
        if (v < 3)
            latest.start([v](const std::atomic_bool &) { return v + 1; }, deliver);
    };
    latest.start([](const std::atomic_bool &) { return 1; }, deliver);
    QTRY_COMPARE(delivered, (QList<int>{1, 2, 3}));
    QVERIFY(!latest.isPending());
}

void TestLatestResult::waitForDoneDeliversAtOnce()
{
    LatestResult<int> latest(m_pool.get());
    QList<int> delivered;
    latest.start([](const std::atomic_bool &) { return 1; }, [&](int v) { delivered << v; });
    latest.start([](const std::atomic_bool &) { return 2; }, [&](int v) { delivered << v; });
    latest.waitForDone();
    QCOMPARE(delivered, QList<int>{2});
    QVERIFY(!latest.isWorking());
    QCoreApplication::sendPostedEvents();
    QCoreApplication::sendPostedEvents();
    QCOMPARE(delivered, QList<int>{2}); // the watcher's own signal delivers nothing twice
}

void TestLatestResult::destroyedWhileWorkRunsDeliversNothing()
{
    auto latest = std::make_unique<LatestResult<std::shared_ptr<int>>>(m_pool.get());
    QSemaphore started, gate;
    auto data = std::make_shared<int>(7); // what the work owns
    std::atomic_bool sawCancel = false;
    bool delivered = false;
    latest->start(
        [&, data](const std::atomic_bool &cancelled) {
            started.release();
            gate.acquire();
            sawCancel = cancelled.load();
            return data;
        },
        [&](std::shared_ptr<int>) { delivered = true; });
    started.acquire();
    latest.reset(); // does not wait for the work
    gate.release();
    settle();
    QVERIFY(!delivered);
    QVERIFY(sawCancel);
    QCOMPARE(data.use_count(), 1); // the result was dropped with the work
}

QTEST_GUILESS_MAIN(TestLatestResult)
#include "tst_latestresult.moc"
