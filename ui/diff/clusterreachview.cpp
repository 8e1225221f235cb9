#include "ui/diff/clusterreachview.h"

#include "ui/theme/theme.h"

#include <QEvent>

namespace kanri::ui {

ClusterReachView::ClusterReachView(QWidget *parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("clusterReach"));
    setWordWrap(true);
    setContentsMargins(4, 2, 4, 2);
    // Read with the keyboard too: Tab reaches it, the arrows select.
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setFocusPolicy(Qt::TabFocus);
    setAccessibleName(tr("Clusters the change reaches"));
    hide();
}

QString ClusterReachView::reachText(const QList<argocd::Deployment> &reached,
                                    const QStringList &notDeployed)
{
    QStringList clusters, automated, manual;
    for (const argocd::Deployment &d : reached) {
        if (!clusters.contains(d.cluster))
            clusters << d.cluster;
        QStringList &list = d.automated ? automated : manual;
        if (!list.contains(d.cluster))
            list << d.cluster;
    }
    QStringList parts;
    if (!clusters.isEmpty()) {
        const QString names = clusters.join(QStringLiteral(", "));
        if (manual.isEmpty())
            parts << tr("Reaches %1 — automated sync: the change goes live on merge").arg(names);
        else if (automated.isEmpty())
            parts << tr("Reaches %1 — manual sync: the change goes live when someone syncs it")
                         .arg(names);
        else
            parts << tr("Reaches %1 — automated sync on %2: the change goes live there on merge")
                         .arg(names, automated.join(QStringLiteral(", ")));
    }
    if (!notDeployed.isEmpty())
        parts << tr("Not deployed by any Argo CD application: %1")
                     .arg(notDeployed.join(QStringLiteral(", ")));
    return parts.join(QStringLiteral("\n"));
}

QString ClusterReachView::reachToolTip(const QList<argocd::Deployment> &reached)
{
    QStringList lines;
    for (const argocd::Deployment &d : reached)
        lines << tr("%1: %2 → namespace %3 (project %4, %5, wave %6)")
                     .arg(d.cluster, d.application,
                          d.nameSpace.isEmpty() ? tr("(none)") : d.nameSpace, d.project,
                          d.automated ? tr("automated sync") : tr("manual sync"))
                     .arg(d.syncWave);
    return lines.join(QLatin1Char('\n'));
}

void ClusterReachView::setReach(const QList<argocd::Deployment> &reached,
                                const QStringList &notDeployed)
{
    const QString text = reachText(reached, notDeployed);
    m_live = std::any_of(reached.cbegin(), reached.cend(),
                         [](const argocd::Deployment &d) { return d.automated; });
    setText(text);
    setToolTip(reachToolTip(reached));
    updateColour();
    setVisible(!text.isEmpty());
}

void ClusterReachView::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateColour(); // the theme changed: its warning colour too
}

void ClusterReachView::updateColour()
{
    // A style sheet, not the palette: setting the palette here would send PaletteChange again.
    const QString sheet = m_live ? messageStyleSheet(MessageKind::Warning) : QString();
    if (styleSheet() != sheet) // the style sheet's own palette change comes back here
        setStyleSheet(sheet);
}

} // namespace kanri::ui
