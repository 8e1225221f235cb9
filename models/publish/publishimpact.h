#pragma once

#include "platform/tfimpactlive.h"
#include "publish/wizardplan.h"
#include "terraform/tfimpact.h"

#include <QString>

namespace kanri::platform {

class Session;

// The "Terraform impact" section of a pull request body (Markdown): the summary line, the
// instances in a ```diff block as terraform plan lists them (at most `cap`, then "and N more"),
// and what could not be evaluated offline.
QString impactMarkdown(const terraform::Impact &impact, const QString &label, int cap = 30);
// The section when the evaluation failed: it says so, with the message.
QString impactFailureMarkdown(const QString &label, const QString &message);

// What evaluating a wizard's plan on the accounts repository needs (the plan's files over the
// session's working state), taken on the GUI thread; run() is safe on a worker.
struct PlanImpactJob
{
    QString root, label; // the accounts repository's working tree and name
    FileLayer layer;     // the session's unsaved buffers
    FileLayer before, after;
    // Whether the plan touches a Terraform file of the accounts repository at all.
    bool touchesTerraform() const;
    // std::nullopt in the value: no Terraform file differs.
    Result<std::optional<terraform::Impact>> run(const std::atomic_bool *cancel = {}) const;
};
PlanImpactJob planImpactJob(Session &session, const WizardPlan &plan);

// The section for the pull request of the repository at `repositoryPath` named `repository`
// carrying `plan`: "" unless it is the session's accounts repository and the plan changes its
// Terraform files. Evaluated here (a wizard's change is a few files).
QString planImpactSection(Session &session, const WizardPlan &plan, const QString &repository,
                          const QString &repositoryPath);

// The section for a pull request from `base` to `head` (revisions of the repository at
// `repositoryPath`), "" when no Terraform file differs. Offline, from the local objects.
QString revisionImpactSection(const QString &repositoryPath, const QString &repository,
                              const QString &base, const QString &head);

} // namespace kanri::platform
