#pragma once

#include "publish/wizarddeveloper.h"
#include "publish/wizardmicroservice.h"
#include "publish/wizardoffboard.h"
#include "publish/wizardplan.h"

#include <QString>
#include <QStringList>

namespace kanri::platform {

class Session;

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
