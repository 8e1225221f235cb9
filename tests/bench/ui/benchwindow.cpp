#include "benchwindow.h"

#include <QWidget>

#include <algorithm>
#include <ctime>

namespace kanri::bench {

double cpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1000.0 + double(ts.tv_nsec) / 1e6;
}

double msSince(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

double percentile(std::vector<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[std::min(v.size() - 1, size_t(p * double(v.size())))];
}

bool PaintWatch::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Paint && !painted && within) {
        auto *w = qobject_cast<QWidget *>(watched);
        if (w && (w == within || within->isAncestorOf(w)))
            painted = true;
    }
    return false;
}

StallWatch::StallWatch()
{
    m_timer.setInterval(1);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &StallWatch::turn);
}

void StallWatch::turn()
{
    const double gap = msSince(m_last);
    maxGapMs = std::max(maxGapMs, gap);
    if (gap > longMs)
        longStalls.emplace_back(msSince(m_started), gap);
    m_last.start();
}

void StallWatch::stop()
{
    if (!m_timer.isActive())
        return;
    turn();
    m_timer.stop();
}

void StallWatch::start()
{
    maxGapMs = 0;
    longStalls.clear();
    m_last.start();
    m_started.start();
    m_timer.start();
}

void preferOffscreen()
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
}

} // namespace kanri::bench
