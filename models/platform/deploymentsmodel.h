#pragma once

#include "argocd/deployments.h"
#include "core/latestresult.h"

#include <QObject>
#include <QSet>
#include <QTimer>

namespace kanri::platform {

class Session;
struct Workspace;

// What argocd::readDeployments needs for a workspace's manifests repository at `manifestsRoot`:
// the URLs that name it (the workspace's url and origin's), the branch checked out there (else
// the default branch), the `clusters:` of workspace.yaml. Reads git and workspace.yaml: run it
// on a worker. A broken workspace.yaml clusters list is left out (readDeployments then knows
// only the repository's own cluster Secrets).
argocd::Options deploymentOptions(const Workspace &workspace, const QString &manifestsRoot);

// The deployments a change of `overlays` (relative to the manifests repository) reaches: every
// application of this repository deploying one of them, sorted by cluster, then application.
QList<argocd::Deployment> reachedBy(const argocd::DeploymentMap &map, const QStringList &overlays);

// The Argo CD deployment map of an open session's manifests repository, kept up to date:
// read on a worker (argocd::readDeployments with the session's unsaved edits over the working
// tree), again when an edit touches an Argo CD object (a file that holds or held one, a folder
// an app-of-apps renders, workspace.yaml), when services or folders come and go, and when the
// working tree changed on disk (save, checkout, pull). Refreshes are debounced; a newer one
// supersedes the read in flight (its result is dropped).
//
// When no application of this repository targets the branch checked out (a feature branch),
// the map is read for the repository's default branch instead: what the change reaches once it
// is merged. revision() says which one.
class DeploymentsModel : public QObject
{
    Q_OBJECT

public:
    explicit DeploymentsModel(Session *session, QObject *parent = nullptr);
    ~DeploymentsModel() override;

    const argocd::DeploymentMap &map() const { return m_map; }
    // A map has been read (before that, map() is empty).
    bool isReady() const { return m_ready; }
    bool isBusy() const { return m_timer.isActive() || m_run.isPending(); }
    QString revision() const { return m_revision; }
    // The deployments of an overlay (relative to the manifests repository) and the distinct
    // clusters they reach, sorted.
    QList<argocd::Deployment> deploymentsOf(const QString &overlay) const;
    QStringList clustersOf(const QString &overlay) const;

    void setDebounce(int milliseconds) { m_timer.setInterval(milliseconds); }
    // Reads the map again after the debounce.
    void refresh();
    // Reads it now and waits (tests, screenshots; never on a GUI that a worker waits for).
    void refreshNow();

Q_SIGNALS:
    void changed();

private:
    struct Outcome;
    void start();
    void finished(const Outcome &outcome);
    void fileChanged(const QString &path);

    Session *m_session;
    argocd::DeploymentMap m_map;
    QString m_revision;
    bool m_ready = false;
    QTimer m_timer;
    // Files the last map read Argo CD objects from, and folders app-of-apps render: an edit
    // there may change the map even when the new content names no Argo CD object.
    QSet<QString> m_watchedFiles; // absolute
    QStringList m_watchedFolders; // absolute, with a trailing slash
    LatestResult<std::shared_ptr<const Outcome>> m_run{scanPool()}; // reads the whole repository
};

} // namespace kanri::platform
