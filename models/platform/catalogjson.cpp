#include "platform/catalogjson.h"

#include <QFileInfo>
#include <QJsonArray>

namespace kanri::platform {

namespace {

QJsonObject entryJson(const MapEntryRef &e)
{
    return QJsonObject{{QStringLiteral("key"), e.key},
                       {QStringLiteral("file"), e.file},
                       {QStringLiteral("line"), e.line},
                       {QStringLiteral("map"), e.map},
                       {QStringLiteral("owners"), QJsonArray::fromStringList(e.owners)},
                       {QStringLiteral("fields"), e.fields}};
}

QJsonArray applicationsJson(const QList<argocd::Deployment> &deployments)
{
    QJsonArray out;
    for (const argocd::Deployment &d : deployments) {
        out.append(
            QJsonObject{{QStringLiteral("name"), d.application},
                        {QStringLiteral("cluster"), d.cluster.isEmpty() ? d.server : d.cluster},
                        {QStringLiteral("namespace"), d.nameSpace},
                        {QStringLiteral("project"), d.project},
                        {QStringLiteral("syncWave"), d.syncWave}});
    }
    return out;
}

} // namespace

Result<argocd::DeploymentMap> catalogDeployments(const Catalog &catalog,
                                                 const kustomize::FileOverlay *overlay,
                                                 kustomize::Renderer *renderer)
{
    if (catalog.manifestsRoot.isEmpty())
        return argocd::DeploymentMap{};
    argocd::Options options;
    options.overlay = overlay;
    options.renderer = renderer;
    if (const RepositorySpec *spec = catalog.workspace.repository(RepositoryRole::Manifests)) {
        if (!spec->url.isEmpty())
            options.repoUrls << spec->url;
        options.revision = spec->defaultBranch;
        options.defaultBranch = spec->defaultBranch;
    }
    QList<Error> clusterProblems;
    if (!catalog.workspace.dir.isEmpty() && QFileInfo::exists(catalog.workspace.fileName())) {
        auto clusters = argocd::readWorkspaceClusters(catalog.workspace.fileName());
        if (clusters)
            options.workspaceClusters = *clusters;
        else
            clusterProblems << clusters.error();
    }
    auto map = argocd::readDeployments(catalog.manifestsRoot, options);
    if (map)
        map->problems << clusterProblems;
    return map;
}

QJsonObject catalogToJson(const Catalog &c, const argocd::DeploymentMap *deployments)
{
    QJsonArray repositories;
    for (const RepositorySpec &r : c.workspace.repositories) {
        QJsonObject repo{{QStringLiteral("name"), r.name},
                         {QStringLiteral("role"), roleName(r.role)},
                         {QStringLiteral("path"), c.workspace.repositoryPath(r)},
                         {QStringLiteral("url"), r.url},
                         {QStringLiteral("defaultBranch"), r.defaultBranch}};
        // The commit read with --at; absent for a working tree.
        const QString commit =
            r.role == RepositoryRole::Accounts ? c.accountsCommit : c.manifestsCommit;
        if (!commit.isEmpty())
            repo.insert(QStringLiteral("commit"), commit);
        repositories.append(repo);
    }
    QJsonArray developers, microservices, teams, services, problems;
    for (const auto &d : c.developers)
        developers.append(entryJson(d));
    for (const auto &m : c.microservices)
        microservices.append(entryJson(m));
    for (const auto &t : c.teams) {
        teams.append(QJsonObject{
            {QStringLiteral("name"), t.name},
            {QStringLiteral("services"), QJsonArray::fromStringList(t.services)},
            {QStringLiteral("microservices"), QJsonArray::fromStringList(t.microservices)}});
    }
    for (const auto &s : c.services) {
        QJsonArray envs;
        for (const auto &e : s.environments) {
            QJsonObject env{{QStringLiteral("name"), e.name},
                            {QStringLiteral("namespace"), e.namespaceName},
                            {QStringLiteral("overlay"), e.overlay}};
            if (!e.error.isEmpty())
                env.insert(QStringLiteral("error"), e.error);
            if (deployments)
                env.insert(QStringLiteral("applications"),
                           applicationsJson(deployments->deploymentsOf(e.overlay)));
            envs.append(env);
        }
        QJsonObject service{{QStringLiteral("id"), s.name},
                            {QStringLiteral("path"), s.path},
                            {QStringLiteral("team"), s.team},
                            {QStringLiteral("owners"), QJsonArray::fromStringList(s.owners)},
                            {QStringLiteral("microservice"), s.microservice >= 0},
                            {QStringLiteral("environments"), envs}};
        if (!s.error.isEmpty())
            service.insert(QStringLiteral("error"), s.error);
        services.append(service);
    }
    for (const Error &e : c.problems)
        problems.append(e.toString());
    return QJsonObject{{QStringLiteral("workspace"), c.workspace.dir},
                       {QStringLiteral("repositories"), repositories},
                       {QStringLiteral("developers"), developers},
                       {QStringLiteral("microservices"), microservices},
                       {QStringLiteral("teams"), teams},
                       {QStringLiteral("services"), services},
                       {QStringLiteral("assumptions"), QJsonArray::fromStringList(c.assumptions)},
                       {QStringLiteral("problems"), problems}};
}

} // namespace kanri::platform
