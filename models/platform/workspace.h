#pragma once

#include "core/result.h"

#include <QList>
#include <QString>

namespace kanri::platform {

enum class RepositoryRole { Accounts, Manifests };

QString roleName(RepositoryRole role);
std::optional<RepositoryRole> roleFromName(const QString &name);

struct RepositorySpec
{
    QString name;
    RepositoryRole role = RepositoryRole::Manifests;
    QString url;  // where it is cloned from and pushed to
    QString path; // the working tree, relative to the workspace folder or absolute
    QString defaultBranch = QStringLiteral("main");
};

// A workspace is a folder with a workspace.yaml naming its repositories:
//
//   name: demo
//   repositories:
//     - name: accounts
//       role: accounts          # accounts (Terraform) or manifests (kustomize)
//       url: /abs/path/remotes/accounts.git
//       path: accounts          # relative to this folder, or absolute
//       defaultBranch: main
struct Workspace
{
    QString dir; // absolute path of the folder holding workspace.yaml
    QString name;
    QList<RepositorySpec> repositories;

    static Result<Workspace> load(const QString &dir);
    Result<void> save() const;

    QString repositoryPath(const RepositorySpec &spec) const;
    const RepositorySpec *repository(RepositoryRole role) const;
    QString fileName() const;
};

// Where workspaces live: <AppDataLocation>/workspaces, and the demo at .../demo.
QString workspacesRoot();
QString defaultWorkspaceDir();

} // namespace kanri::platform
