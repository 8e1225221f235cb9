#pragma once

#include "git/gitnetwork.h"

#include <QWidget>

class QLabel;
class QProgressBar;

namespace kanri::ui {

// One progress bar and a line of text for a network operation (clone, fetch, push, pull):
// the stage, objects and bytes so far. The bar reaches 100 when the operation reports Done.
class GitProgressWidget : public QWidget
{
    Q_OBJECT

public:
    explicit GitProgressWidget(QWidget *parent = nullptr);

    void reset();
    void setProgress(const git::TransferProgress &progress);

    // 0..100 for the current stage.
    static int percent(const git::TransferProgress &progress);
    // "Receiving objects: 120 of 300 (1.2 MiB)".
    static QString describe(const git::TransferProgress &progress);

    QProgressBar *bar() const { return m_bar; }
    QLabel *label() const { return m_label; }

private:
    QProgressBar *m_bar;
    QLabel *m_label;
};

} // namespace kanri::ui
