#pragma once

#include "argocd/deployments.h"
#include "publish/wizarddeveloper.h"
#include "publish/wizardmicroservice.h"
#include "publish/wizardoffboard.h"
#include "publish/wizardplan.h"

#include <QString>
#include <QStringList>

namespace kanri::platform {

class Session;
struct Catalog;

// What a wizard proposes for one repository: the new branch, its commit message and the pull
// request's title and body (Markdown). The user may edit all of it before the flow runs.
struct PublishText
{
    QString branch;
    QString commitMessage;
    QString title, body;
};

// A branch name part from a name or key: lower-case ASCII letters and digits, other runs as
// one dash, no dash at either end ("change" when nothing is left).
QString branchPart(const QString &text);

// "- `path` (new, 42 lines)" / "- `path` (+3 −1)" lines for the plan's files among `files`
// (absolute paths), in the plan's order.
QString fileSummary(const WizardPlan &plan, const QStringList &files);

// What merging the new developer grants, one line each, as the session's files describe the
// developers map's fields.
QStringList developerGrants(Session &session, const DeveloperDraft &draft);

// What each new overlay of the microservice renders to from the session's unsaved buffers, one
// line per environment ("" when the session has no working tree to render).
QString renderedSummary(Session &session, const MicroserviceDraft &draft);

// The overlays (relative to the manifests repository) a change of `files` (absolute paths)
// affects: the overlays holding a changed file, and every overlay of a service whose other
// files (its base) changed. Sorted.
QStringList affectedOverlays(const Catalog &catalog, const QStringList &files);

// The pull request's deployment paragraph: "**Deploys to:** gke-prd (payment-api-prd,
// automated), eks-prd (payment-api-prd-eks, manual)" for the deployments a change reaches
// (platform::reachedBy), with a note that automated applications sync it on merge; "" when it
// reaches none.
QString deploysToText(const QList<argocd::Deployment> &reached);

// The texts of each wizard for the repository whose files (absolute paths) are `files`.
PublishText developerText(const DeveloperDraft &draft, const QStringList &grants,
                          const WizardPlan &plan, const QStringList &files);
// `accounts`: the repository is the accounts one (its map entry); else the manifests one,
// whose body ends with `rendered` (renderedSummary()).
PublishText microserviceText(const MicroserviceDraft &draft, const WizardPlan &plan,
                             const QString &repository, bool accounts, const QString &rendered,
                             const QStringList &files);
PublishText offboardText(const OffboardPlan &offboard, const QStringList &files);

} // namespace kanri::platform
