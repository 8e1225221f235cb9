#pragma once

#include "core/latestresult.h"
#include "core/result.h"
#include "terraform/tfimpact.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <optional>

namespace kanri::platform {

class Session;

// Absolute path -> content (std::nullopt: removed), as EditBuffers::overlay() gives it.
using FileLayer = QHash<QString, std::optional<QByteArray>>;

// Whether `path` is a file the Terraform evaluator reads (.tf, .tfvars and their .json forms).
bool isTerraformFile(const QString &path);

// `files` (a module read below `root`) with the Terraform files of `layer` that lie below
// `root` laid over them: a removed file leaves, a new one joins.
terraform::TfFiles layered(terraform::TfFiles files, const QString &root, const FileLayer &layer);

// The instance impact of the accounts module in `root` from its committed HEAD to its working
// tree with `layer` (the session's unsaved buffers) over it. std::nullopt in the value: no
// Terraform file differs, nothing was evaluated.
Result<std::optional<terraform::Impact>>
workingTreeImpact(const QString &root, const FileLayer &layer, const std::atomic_bool *cancel = {});

// The impact of a change (a wizard's files: `before` and `after` of each) laid over the
// working tree of `root` with `layer` over it: what the change does on top of what is being
// edited now, whether `layer` holds the change already or not.
Result<std::optional<terraform::Impact>> changeImpact(const QString &root, const FileLayer &layer,
                                                      const FileLayer &before,
                                                      const FileLayer &after,
                                                      const std::atomic_bool *cancel = {});

// The impact between two revisions ("merge base vs head" of a pull request) of the repository
// holding `root`. Works offline from the local objects.
Result<std::optional<terraform::Impact>> revisionImpact(const QString &root, const QString &base,
                                                        const QString &head,
                                                        const std::atomic_bool *cancel = {});

// The impact of the session's accounts edits, kept up to date as the user edits: HEAD against
// the working tree with the unsaved buffers over it. Edits are debounced; the evaluation runs on
// a worker thread, and a newer edit supersedes the one in flight (LatestResult).
class TfImpactLive : public QObject
{
    Q_OBJECT

public:
    enum class State {
        Unchanged, // no Terraform file of the accounts repository differs from HEAD
        Ready,     // impact() holds the latest result
        Failed,    // error() says why ("file:line:col: error: ...")
    };

    explicit TfImpactLive(Session *session, QObject *parent = nullptr);
    ~TfImpactLive() override;

    void setDebounce(int milliseconds) { m_timer.setInterval(milliseconds); }
    State state() const { return m_state; }
    const terraform::Impact &impact() const { return m_impact; }
    QString error() const { return m_error; }
    // The repository's name, for "accounts: 1 to add".
    QString label() const { return m_label; }
    bool isBusy() const { return m_run.isPending() || m_timer.isActive(); }

    void schedule();
    // Computes now and waits (tests; not on a busy GUI).
    void computeNow();

Q_SIGNALS:
    void updated();

private:
    using Outcome = Result<std::optional<terraform::Impact>>;
    void start();
    void finished(Outcome outcome);

    Session *m_session;
    QString m_root, m_label;
    QTimer m_timer;
    LatestResult<Outcome> m_run;
    State m_state = State::Unchanged;
    terraform::Impact m_impact;
    QString m_error;
};

} // namespace kanri::platform
