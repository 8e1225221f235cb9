#pragma once

#include <QApplication>
#include <QTimer>
#include <QWidget>

#include <functional>

namespace kanri::test {

// Runs `step` on the next modal widget that shows (a question box, a dialog's exec()), from the
// event loop that modal runs; polls every 20 ms. The timer belongs to `owner` and goes after
// the step, or with its owner when no modal shows.
inline void onNextModal(QObject *owner, std::function<void(QWidget *)> step)
{
    auto *timer = new QTimer(owner);
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, owner, [timer, step = std::move(step)] {
        QWidget *modal = QApplication::activeModalWidget();
        if (!modal || !modal->isVisible())
            return;
        timer->stop();
        timer->deleteLater();
        step(modal);
    });
    timer->start();
}

} // namespace kanri::test
