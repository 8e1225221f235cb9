#pragma once

#include "core/result.h"
#include "hcl/hcldocument.h"
#include "platform/codeowners.h"
#include "platform/workspace.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace kanri::platform {

// One entry of a Terraform map variable: a developer or a microservice.
struct MapEntryRef
{
    QString key;
    QJsonObject fields;
    QString file; // path relative to the accounts repository
    QString map;  // the map variable holding it, as hcl::MapInfo::name
    int line = 0;
    QStringList owners;      // CODEOWNERS owners of the file
    QStringList expressions; // fields holding an expression: `fields` has its HCL source text
                             // (hcl::MapEntry::expressions)
};

struct Environment
{
    QString name;          // "dev", "stg", "prd"
    QString namespaceName; // the overlay's `namespace:`, empty when it sets none
    QString overlay;       // the overlay folder, relative to the manifests repository
    QString error;         // set when the overlay's kustomization cannot be read
};

struct Service
{
    QString name;
    QString path; // "services/<name>", relative to the manifests repository
    QString team; // the first team among the owners ("@org/team"), else the first owner
    QStringList owners;
    QList<Environment> environments;
    int microservice = -1; // index into Catalog::microservices, -1 when there is no entry
    QString error;         // a broken file of this service: "file:line:col: error: ..."
};

struct Team
{
    QString name; // "@demo-org/payments"
    QStringList services;
    QStringList microservices;
};

// Where the developers and microservices live in the accounts repository. Read from
// .kanri.yaml at its root, or found by looking (see Catalog::assumptions):
//
//   developers:
//     schema: variables.tf#variable.developers        # FILE#variable.NAME
//     entries: developers.auto.tfvars#developers       # FILE-GLOB#[SOURCE.]MAP-GLOB
//   microservices:
//     schema: modules/microservices/variables.tf#variable.microservices
//     entries: microservices_*.tf#locals.microservices_*
struct MapLocation
{
    QString schemaFile, schemaVariable;
    QString entriesGlob, entriesSource, entriesMapGlob;
};

struct AccountsLayout
{
    std::optional<MapLocation> developers;
    std::optional<MapLocation> microservices;
};

// Layout of the manifests repository (.kanri.yaml `services:`, `overlays:`), default
// services/*/base and services/*/overlays/*.
struct ManifestsLayout
{
    QString servicesGlob = QStringLiteral("services/*");
    QString base = QStringLiteral("base");
    QString overlays = QStringLiteral("overlays");
};

// One model of both repositories at their working trees: what the windows, the command line
// and the rules read. Broken files are recorded (problems, Service::error) and everything
// else still loads.
class Catalog
{
public:
    static Result<Catalog> load(const Workspace &workspace);
    // Both repositories as they were at a commit: each revision is anything git rev-parse
    // accepts ("HEAD~1", "main", a commit id) in that repository; an empty one reads the
    // working tree. File paths and lines refer to that commit's files; accountsRoot and
    // manifestsRoot stay the working trees (where the commit's files would be).
    static Result<Catalog> loadAt(const Workspace &workspace, const QString &accountsRevision,
                                  const QString &manifestsRevision);
    // The same revision in every repository where it resolves (a branch or tag name, or a
    // commit id of one of them); the others are read at their working trees, and
    // `assumptions` says so. Fails when no repository knows the revision.
    static Result<Catalog> loadAt(const Workspace &workspace, const QString &revision);

    Workspace workspace;
    QString accountsRoot, manifestsRoot;     // absolute; empty when the workspace lacks one
    QString accountsCommit, manifestsCommit; // the commit ids read; empty for working trees

    QList<MapEntryRef> developers;
    QList<hcl::FieldSchema> developerSchema;
    QStringList developerFields; // the schema's fields, else the union of the entries' fields
    QList<MapEntryRef> microservices;
    QList<hcl::FieldSchema> microserviceSchema;
    QStringList microserviceFields;
    QList<Service> services;
    QList<Team> teams;

    CodeOwners accountsOwners, manifestsOwners;
    ManifestsLayout manifestsLayout;
    QStringList assumptions; // what Kanri guessed because .kanri.yaml did not say
    QList<Error> problems; // broken files and configuration, each naming its file by absolute path

    // The parsed Terraform files the developers and microservices were read from (relative
    // path → tree), as loaded: a Session takes them over, so its first edit parses nothing and
    // its entries share their data with the trees. Empty in a Session's catalog.
    QHash<QString, hcl::Document> accountsDocuments;

    const Service *service(const QString &name) const;
    // The folder of the manifests repository that holds, or would hold, the service of a file
    // (relative path), by the layout; empty when the file is in no service folder.
    QString serviceFolderOf(const QString &relativePath) const;
    // The service in `folder` (relative to the manifests repository) as the working tree with
    // `unsaved` over it has it (absolute path → content; std::nullopt: deleted): what a new
    // service made by unsaved files looks like. nullopt when the folder holds no service.
    std::optional<Service>
    readService(const QString &folder,
                const QHash<QString, std::optional<QByteArray>> &unsaved) const;
    // Links services to microservice entries and groups both into teams again, after the
    // services or entries changed.
    void regroup();
    // A repository's CODEOWNERS changed (an edit, unsaved yet): every service or map entry of
    // that repository gets the owners it gives, and teams are grouped again. True when an
    // owner or team changed.
    bool setAccountsOwners(CodeOwners owners);
    bool setManifestsOwners(CodeOwners owners);
    // Where GitHub looks for a repository's CODEOWNERS (relative paths), in its order: it uses
    // the first that exists.
    static QStringList codeOwnersLocations();
    int microserviceIndex(const QString &name) const;
};

} // namespace kanri::platform
