#pragma once

#include "platform/catalog.h"
#include "publish/wizardplan.h"
#include "rules/rulesources.h"

#include <QList>
#include <QString>

namespace kanri::platform {

// One place that names the developer, and what offboarding does there.
struct DeveloperReference
{
    QString path;    // absolute
    QString display; // relative to the workspace
    int line = 0;
    QString what;   // "developers map entry", "CODEOWNERS owner", "slack_channel of payment-api"
    QString action; // "removed", "owner removed", "line removed (no owner left)"
};

struct OffboardPlan
{
    QString key;
    QList<DeveloperReference> references;
    WizardPlan plan;
};

// Everything that names the developer `key` — the developers map entry; CODEOWNERS lines of
// both repositories that list the GitHub login (@login) or the e-mail address; fields of other
// map entries (microservices, other developers) whose value or list item is the id, the login
// or the address — and the edits that remove them all.
Result<OffboardPlan> planOffboard(const Catalog &catalog, const SourceReader &read,
                                  const QString &key);

} // namespace kanri::platform
