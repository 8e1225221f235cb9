#pragma once

// What the main-window benchmarks (bench_mainwindow, bench_realdiff) share: clocks and
// percentiles, waiting in the event loop, noting paints and the GUI thread's stalls.
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <vector>

class QWidget;

namespace kanri::bench {

// CPU time of the process (every thread), in ms.
double cpuMs();
double msSince(const QElapsedTimer &t);
// The p-quantile (0..1) of v; 0 for none.
double percentile(std::vector<double> v, double p);

// Runs the event loop (sleeping in it) until `done` or a timeout; false on the timeout.
template<typename F> bool waitFor(F done, int timeoutMs = 120000)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 5);
    }
    return true;
}

// Notes when `within` or a widget inside it (in its window) has been painted; install it as
// an event filter of the application.
class PaintWatch : public QObject
{
public:
    QWidget *within = nullptr;
    bool painted = false;

    bool eventFilter(QObject *watched, QEvent *event) override;
};

// The longest time between two turns of the GUI thread's event loop.
class StallWatch : public QObject
{
public:
    StallWatch();
    void start();
    // Counts the stretch since the last turn too (a stall that ends the measurement).
    void stop();
    double maxGapMs = 0;
    // Each stall over longMs: when it ended (ms since start()) and how long it was.
    double longMs = 50;
    std::vector<std::pair<double, double>> longStalls;

private:
    void turn();

    QTimer m_timer;
    QElapsedTimer m_last, m_started;
};

// Sets QT_QPA_PLATFORM to offscreen unless it is set: call before the QApplication.
void preferOffscreen();

} // namespace kanri::bench
