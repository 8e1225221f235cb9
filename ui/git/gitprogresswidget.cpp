#include "ui/git/gitprogresswidget.h"

#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QVBoxLayout>

namespace kanri::ui {

using git::TransferProgress;

GitProgressWidget::GitProgressWidget(QWidget *parent)
    : QWidget(parent)
    , m_bar(new QProgressBar(this))
    , m_label(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_bar);
    layout->addWidget(m_label);
    m_bar->setRange(0, 100);
    reset();
}

void GitProgressWidget::reset()
{
    m_bar->setValue(0);
    m_label->setText(tr("Connecting…"));
}

void GitProgressWidget::setProgress(const TransferProgress &progress)
{
    m_bar->setValue(percent(progress));
    m_label->setText(describe(progress));
}

static int ratio(std::uint64_t done, std::uint64_t total)
{
    if (total == 0)
        return 0;
    return int(qMin<std::uint64_t>(100, done * 100 / total));
}

int GitProgressWidget::percent(const TransferProgress &p)
{
    switch (p.stage) {
    case TransferProgress::Stage::Receiving:
    case TransferProgress::Stage::Pushing:
        return ratio(p.receivedObjects, p.totalObjects);
    case TransferProgress::Stage::Resolving:
        return p.totalDeltas ? ratio(p.indexedDeltas, p.totalDeltas)
                             : ratio(p.indexedObjects, p.totalObjects);
    case TransferProgress::Stage::CheckingOut:
        return ratio(p.checkoutDone, p.checkoutTotal);
    case TransferProgress::Stage::Done:
        return 100;
    }
    return 0;
}

QString GitProgressWidget::describe(const TransferProgress &p)
{
    const QString bytes = QLocale().formattedDataSize(qint64(p.receivedBytes));
    switch (p.stage) {
    case TransferProgress::Stage::Receiving:
        return tr("Receiving objects: %1 of %2 (%3)")
            .arg(p.receivedObjects)
            .arg(p.totalObjects)
            .arg(bytes);
    case TransferProgress::Stage::Resolving:
        return p.totalDeltas ? tr("Resolving deltas: %1 of %2 (%3 received)")
                                   .arg(p.indexedDeltas)
                                   .arg(p.totalDeltas)
                                   .arg(bytes)
                             : tr("Indexing objects: %1 of %2 (%3 received)")
                                   .arg(p.indexedObjects)
                                   .arg(p.totalObjects)
                                   .arg(bytes);
    case TransferProgress::Stage::CheckingOut:
        return tr("Checking out files: %1 of %2").arg(p.checkoutDone).arg(p.checkoutTotal);
    case TransferProgress::Stage::Pushing:
        return tr("Sending objects: %1 of %2 (%3)")
            .arg(p.receivedObjects)
            .arg(p.totalObjects)
            .arg(bytes);
    case TransferProgress::Stage::Done:
        return tr("Done");
    }
    return {};
}

} // namespace kanri::ui
