#pragma once

#include "platform/catalog.h"
#include "publish/wizardplan.h"
#include "rules/ruleconfig.h"
#include "rules/rulefinding.h"
#include "rules/rulesources.h"

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace kanri::platform {

// A developers map entry being written by the "New developer" wizard.
struct DeveloperDraft
{
    QString key; // the map key: the part of the e-mail address before the @
    QJsonObject fields;
};

// The schema's fields with the comment the SRE team wrote after each one in the variable's
// type (`gcp = optional(bool, false) # viewer on the GCP projects`): what a flag grants.
QHash<QString, QString> developerFieldDescriptions(const Catalog &catalog,
                                                   const SourceReader &read);

// Validation as the user types; each returns "" when the value is fine, else a sentence.
QString checkDeveloperKey(const Catalog &catalog, const QString &key);
QString checkDeveloperField(const hcl::FieldSchema &field, const QJsonValue &value);
// Every problem of the draft (key, required fields, types), one sentence each.
QStringList developerDraftProblems(const Catalog &catalog, const DeveloperDraft &draft);

// Defaults for someone joining `team` ("@org/team" or "team"): the schema's defaults, plus
// the accounts the team's services need (GCP and Argo CD for everyone, AWS when one of its
// services runs on EKS, Datadog).
QJsonObject developerDefaults(const Catalog &catalog, const QString &team);

// What merging the entry grants, in plain words, one line per account or right.
QStringList developerGrants(const Catalog &catalog, const QHash<QString, QString> &descriptions,
                            const DeveloperDraft &draft);

// The catalog rules on the developers map with the draft added: only findings the new entry
// brings (a duplicate GitHub login, an approver without GitHub, a schema mismatch).
QList<Finding> developerDraftFindings(const Catalog &catalog, const RuleConfig &config,
                                      const DeveloperDraft &draft);

// The plan: the entry appended to the developers map (through the HCL engine, so the file
// stays `terraform fmt` clean).
Result<WizardPlan> planNewDeveloper(const Catalog &catalog, const SourceReader &read,
                                    const DeveloperDraft &draft);

} // namespace kanri::platform
