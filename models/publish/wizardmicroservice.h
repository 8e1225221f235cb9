#pragma once

#include "platform/catalog.h"
#include "publish/wizardplan.h"
#include "rules/rulesources.h"

#include <QString>
#include <QStringList>

namespace kanri::platform {

// What the "New microservice" wizard asks for. Everything else (namespace, Artifact Registry
// repository, Slack user group, Argo CD project) follows from the name and the team.
struct MicroserviceDraft
{
    QString name; // "coupon-api": the service folder, the namespace and the map key
    QString team; // the team's short name ("payments"), as microservice entries write it
    QString description;
    QString registry; // image registry prefix: "asia-northeast1-docker.pkg.dev/demo-platform-prd"
    QString tag = QStringLiteral("v0.1.0");
    int port = 8080;
    QString cpuRequest = QStringLiteral("250m"), memoryRequest = QStringLiteral("256Mi");
    QString cpuLimit = QStringLiteral("1"), memoryLimit = QStringLiteral("512Mi");
    QStringList environments{QStringLiteral("dev"), QStringLiteral("stg"), QStringLiteral("prd")};
    QString cluster = QStringLiteral("gke"); // "gke" or "eks"

    QString image() const { return registry + QLatin1Char('/') + name + QLatin1Char('/') + name; }
};

// Teams that have a microservices map of their own (short names, sorted).
QStringList microserviceTeams(const Catalog &catalog);

// A draft with the registry and environments this workspace uses (read from an existing
// service), for `team`.
MicroserviceDraft microserviceDefaults(const Catalog &catalog, const SourceReader &read,
                                       const QString &team);

// "" when the name can be used, else why not (a DNS label, not taken in either repository).
QString checkMicroserviceName(const Catalog &catalog, const QString &name);
// The problems of the first page (name, team, description, environments), of the second
// (image tag, quantities, port), and of both.
QStringList microserviceServiceProblems(const Catalog &catalog, const MicroserviceDraft &draft);
QStringList microserviceContainerProblems(const MicroserviceDraft &draft);
QStringList microserviceDraftProblems(const Catalog &catalog, const MicroserviceDraft &draft);

// The files: base Deployment/Service/HPA/kustomization with a ConfigMap generator, one
// overlay per environment with the namespace, the Argo CD Applications (and their listing),
// the Namespace under platform/namespaces, the CODEOWNERS line of the service folder and the
// entry in the team's microservices map. Templates come from `.kanri/templates/microservice/`
// in the manifests repository when it has them, else from Kanri's own (:/templates).
Result<WizardPlan> planNewMicroservice(const Catalog &catalog, const SourceReader &read,
                                       const MicroserviceDraft &draft);

} // namespace kanri::platform
