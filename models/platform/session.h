#pragma once

#include "core/latestresult.h"
#include "core/result.h"
#include "git/gitlibrary.h"
#include "kustomize/renderer.h"
#include "platform/catalog.h"
#include "platform/editbuffers.h"
#include "platform/manifestedit.h"
#include "platform/renderpipeline.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace kanri::platform {

enum class ServiceSetting { Replicas, HpaMin, HpaMax, ImageTag };
enum class EnvScope { ThisEnvironment, AllEnvironments };
enum class Side { Head, Working };

// What the containers table edits of one container (env vars by name).
enum class ContainerField { ImageTag, EnvVar, CpuRequest, CpuLimit, MemoryRequest, MemoryLimit };

struct EnvVarValue
{
    QString name;
    QString value;
    QString source; // set for valueFrom: "secretKeyRef my-secret/key", ...; not editable
    bool operator==(const EnvVarValue &) const = default;
};

// One container of the first Deployment, as rendered for one environment.
struct ContainerValues
{
    QString name;
    QString image;     // without its tag
    QString imageTag;  // "" when none
    QString baseImage; // as the base writes it (what `images:` matches)
    QList<EnvVarValue> env;
    QString cpuRequest, cpuLimit, memoryRequest, memoryLimit; // "" when unset
    bool operator==(const ContainerValues &) const = default;
};

// One rendered object, for the tree.
struct ResourceSummary
{
    QString apiVersion, kind, nameSpace, name;
    bool operator==(const ResourceSummary &) const = default;
};

// What the services table shows for one environment, read from its rendered output.
struct EnvironmentValues
{
    bool rendered = false;
    QString error; // the render failed: "file:line:col: error: ..."
    std::optional<int> replicas, hpaMin, hpaMax;
    QString image;     // the first container's image without its tag
    QString imageTag;  // its tag ("" when none)
    QString baseImage; // the image name as the base writes it (what `images:` matches)
    QString deploymentName, deploymentApiVersion, hpaName, hpaApiVersion; // names in the base
    QString deploymentFile; // absolute path of the file that defines the Deployment
    QList<ContainerValues> containers;
    QList<ResourceSummary> resources; // every rendered object, in kustomize's order
    bool operator==(const EnvironmentValues &) const = default;
};

// An open workspace: the catalog, the unsaved edits over both repositories, and the renderer.
// Every edit goes through here: it is computed with the HCL or YAML engine on the current
// content, recorded as an undo command in the edit buffers, and the catalog follows (also on
// undo and redo). Lives on the GUI thread; render() is safe on worker threads.
// A Kubernetes resource quantity as requests and limits accept it: a non-negative decimal
// number with an optional binary (Ki Mi Gi Ti Pi Ei) or decimal (n u m k M G T P E) suffix or
// exponent: "250m", "0.5", "512Mi", "1G", "1e3".
bool isQuantity(const QString &text);

class Session : public QObject
{
    Q_OBJECT

public:
    static Result<std::unique_ptr<Session>> open(const Workspace &workspace);
    // A session over a catalog already loaded (Catalog::load on a worker thread): the rest of
    // a session's construction is cheap and belongs on the GUI thread.
    static std::unique_ptr<Session> create(Catalog catalog);
    ~Session() override;

    const Catalog &catalog() const { return m_catalog; }
    EditBuffers *buffers() { return &m_buffers; }
    // The workspace's one render cache, shared with the tree, the live diff and the linter.
    // Workers hold the shared pointer, so a render may outlive the session.
    RenderPipeline *renderer() const { return m_pipeline.get(); }
    std::shared_ptr<RenderPipeline> pipeline() const { return m_pipeline; }
    FileReader reader() const;

    // Renders the overlay (relative to the manifests repository) with `files` layered over the
    // working tree. Thread-safe; take the layers on the GUI thread with overlayFor().
    Result<kustomize::RenderOutput> render(const QString &overlay,
                                           const kustomize::FileOverlay &files,
                                           const std::atomic_bool *cancel = nullptr) const;
    // The file layer that makes the working tree read as `side`: the unsaved edits for
    // Working; for Head, every file that differs from HEAD (saved or not) as HEAD has it.
    Result<kustomize::FileOverlay> overlayFor(Side side);
    // The file layer that makes the manifests working tree read as it was at `revision`
    // (files that differ are replaced by their content there, or hidden when it lacked them).
    Result<kustomize::FileOverlay> overlayAtRevision(const QString &revision);

    // Values per environment from the working render (rendered and cached on first use).
    EnvironmentValues values(int service, int environment);
    // Whether values() has the values of the working render (it renders them otherwise).
    bool hasValues(int service, int environment) const;
    // Whether values() answers without rendering: it has them, or the ones an edit made stale
    // (while the service renders again on a worker).
    bool valuesKnown(int service, int environment) const;
    // Values without rendering on this thread, for views that ask while they paint: the
    // service's environments not known yet render on a worker (with the other services asked
    // for in the same turn), and serviceChanged() follows when they are in.
    void fetchValues(int service);
    // After an edit, values() answers with the previous values (the edit patched in) while the
    // service renders again on a worker; serviceChanged() follows when the new ones are in.
    bool valuesPending() const;
    // Worker runs started for such values so far: for tests and benchmarks.
    quint64 valuesRuns() const { return m_valuesRunCount; }

    // Edits.
    // A null value removes the field. An hcl::Value expression is written as its HCL source.
    Result<void> setDeveloperField(int row, const QString &field, const QJsonValue &value);
    Result<void> setDeveloperField(int row, const QString &field, const hcl::Value &value);
    Result<void> addDeveloper(const QString &key, const QJsonObject &fields);
    Result<void> removeDeveloper(int row);
    // A default-filled entry for a new developer: required fields empty, optional ones at
    // their schema default.
    QJsonObject newDeveloperFields() const;
    Result<void> setServiceSetting(int service, int environment, ServiceSetting setting,
                                   const QString &value,
                                   EnvScope scope = EnvScope::ThisEnvironment);

    // Sets one field of a container of the service's first Deployment. `key` names the env
    // var for ContainerField::EnvVar. ThisEnvironment writes into the overlay (see
    // setOverlayField); AllEnvironments writes into the base and into every overlay that
    // already overrides the field, so that all environments end with `value`. Quantities are
    // validated (isQuantity), image tags and env var names checked.
    Result<void> setContainerField(int service, int environment, const QString &container,
                                   ContainerField field, const QString &key, const QString &value,
                                   EnvScope scope = EnvScope::ThisEnvironment);
    // Renames a developer entry (the key of the map entry).
    Result<void> renameDeveloper(int row, const QString &newKey);

    Result<void> save();
    void revert();
    // Something other than a save changed the working trees (a commit, a checkout, a pull):
    // what differs from HEAD is read again.
    void notifyDiskChanged();
    // Files another program created, changed or removed (DiskWatcher): the catalog and the
    // renders follow those without unsaved edits; those with edits keep them, and
    // editedFilesChangedOnDisk() names them (saving them asks which side wins).
    void filesChangedOnDisk(const QStringList &paths);

    // Teams the signed-in user belongs to (settings for now), and ownership checks.
    void setUserTeams(const QStringList &teams) { m_userTeams = teams; }
    QStringList userTeams() const { return m_userTeams; }
    bool ownsService(int service) const;
    bool ownsFile(const QString &absolutePath) const;
    QStringList ownersOfFile(const QString &absolutePath) const;

Q_SIGNALS:
    void developersChanged(); // entries were re-read (rows may have been added or removed)
    void serviceChanged(int service);
    // Services were added or removed, or their environments changed (a wizard's unsaved
    // files, its undo, a kustomization edited): rows of services may have moved.
    void servicesChanged();
    void editFailed(const QString &message);
    // Files of the working tree changed on disk (a save, or notifyDiskChanged()).
    void diskChanged();
    // Files with unsaved edits that another program changed on disk since the edits began.
    void editedFilesChangedOnDisk(const QStringList &paths);
    // A CODEOWNERS file was edited (or its edit undone): who owns what may differ now
    // (services and entries whose owners or team changed were announced as changed before).
    void ownershipChanged();

private:
    explicit Session(Catalog catalog);
    void fileChanged(const QString &path);
    void reloadAccountsFile(const QString &relative);
    // Reads a repository's CODEOWNERS again through the buffers, when `relative` is one of
    // the places GitHub looks for it; true when it was.
    bool reloadCodeOwners(const QString &root, const QString &relative);
    // Reads the service folder again (working tree and buffers): adds, removes or updates it.
    void updateServiceFolder(const QString &folder);
    Result<void> applyChanges(const QHash<QString, QByteArray> &changes, const QString &text,
                              const QString &mergeKey);
    // The parsed file, from the cache when it still holds these bytes.
    Result<hcl::Document> parsedAccountsFile(const QString &path, const QByteArray &bytes,
                                             const QString &relative);
    Result<void> editDeveloperDocument(const MapEntryRef &entry, const QString &text,
                                       const QString &mergeKey,
                                       const std::function<Result<void>(hcl::Document &)> &edit);

    // libgit2 stays initialised while the session lives: the live diff opens the repositories
    // on every edit, and a first git_libgit2_init loads every CA certificate of the system.
    git::Library m_git;
    struct ValuesJob
    {
        int service = -1;
        QString overlay;
    };
    void requestValues(int service);
    void askValues(int service);
    void refreshValues();
    void valuesRendered(const QList<ValuesJob> &jobs, const QList<EnvironmentValues> &results);

    Catalog m_catalog;
    EditBuffers m_buffers;
    std::shared_ptr<RenderPipeline> m_pipeline;
    QHash<QString, EnvironmentValues> m_values; // overlay → values
    // What m_values held before the last edit of the overlay's files: the names an edit needs
    // (Deployment, containers, base file and images) without rendering again while typing.
    QHash<QString, EnvironmentValues> m_staleValues;
    // What the edit in progress changes, applied to the stale values it leaves behind.
    std::function<void(const QString &overlay, EnvironmentValues &)> m_patch;
    QSet<int> m_refreshServices;
    QSet<int> m_fetchServices; // asked by fetchValues(), until their values are in
    bool m_refreshQueued = false;
    // The values of edited services, rendered again on a worker; an edit supersedes it.
    LatestResult<QList<EnvironmentValues>> m_valuesRun;
    QList<ValuesJob> m_valuesJobs; // what m_valuesRun renders
    quint64 m_valuesRunCount = 0;
    QHash<QString, std::optional<QByteArray>> m_headContent; // absolute path → HEAD bytes
    std::optional<QStringList> m_changedOnDisk;              // vs HEAD, absolute paths
    QStringList m_userTeams;
    QHash<QString, hcl::Document> m_hclDocuments; // absolute path → last parsed or edited tree
    // Accounts files (relative) whose catalog entries hold the very strings and objects of the
    // cached tree's maps: comparing an entry with the parsed one then compares pointers. A new
    // parse makes new objects, and the next reload takes them all.
    QSet<QString> m_sharedEntries;
    // The rows of m_catalog.services by their folder, so that an edit finds its service
    // without a look at every other; rebuilt after services are added or removed.
    const QList<int> &servicesAt(const QString &folder);
    QList<int> servicesContaining(const QString &relativePath);
    QHash<QString, QList<int>> m_servicesByPath;
    bool m_servicesByPathValid = false;
};

} // namespace kanri::platform
