#pragma once

#include "argocd/deployments.h"

#include <QLabel>

namespace kanri::ui {

// One line over the rendered diff: the clusters the change reaches, from the Argo CD
// applications deploying the overlays whose rendered output changed ("Reaches gke-prd, eks-prd —
// automated sync: the change goes live on merge"), and the environments no application deploys.
// Each deployment (application, namespace, project, sync policy, wave) is in the tool tip.
// Hidden when the change reaches nothing and leaves no overlay undeployed.
class ClusterReachView : public QLabel
{
    Q_OBJECT

public:
    explicit ClusterReachView(QWidget *parent = nullptr);

    // `reached`: platform::reachedBy() of the changed overlays; `notDeployed`: the environments
    // (names) that changed but no application deploys.
    void setReach(const QList<argocd::Deployment> &reached, const QStringList &notDeployed);

    static QString reachText(const QList<argocd::Deployment> &reached,
                             const QStringList &notDeployed);
    static QString reachToolTip(const QList<argocd::Deployment> &reached);

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateColour();
    bool m_live = false; // an automated application reaches a cluster: the line is a warning
};

} // namespace kanri::ui
