#pragma once

#include "core/latestresult.h"
#include "core/result.h"
#include "platform/catalog.h"
#include "rules/rulelinter.h"

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QString>
#include <QTimer>

#include <atomic>
#include <optional>

namespace kanri::platform {

class RenderPipeline;
class Session;

// What the findings panel checks: a copy of a session's catalog and unsaved edits, taken on
// the GUI thread, so that the check can run on a worker while the user keeps typing.
struct LiveLintInput
{
    Catalog catalog;
    QHash<QString, std::optional<QByteArray>> edits; // absolute path → content (nullopt: deleted)
};

// The session's state now. Services whose overlays exist only as unsaved files (a new
// microservice from the wizard) are added to the copy of the catalog so that they are checked.
LiveLintInput liveLintInput(Session &session);

// Every rule over the edited state, reading and rendering through the edits with the session's
// render pipeline (overlays already rendered for the tables, the tree or the diff are not
// rendered again). `pipeline` must outlive the call (it is thread-safe); a set `cancel` ends
// the check with Error::Code::Cancelled.
Result<LintResult> lintLive(const LiveLintInput &input, RenderPipeline *pipeline,
                            const std::atomic_bool *cancel = nullptr);

// Findings in `after` that `before` does not have (compared by Finding::identity(), counting).
QList<Finding> newFindings(const QList<Finding> &before, const QList<Finding> &after);

// Keeps the findings of a session current: every change to the unsaved edits restarts a short
// timer, then the whole workspace is checked on a worker thread. A check that is overtaken by
// a newer edit is cancelled and its result dropped (LatestResult), so results never arrive out
// of order.
// The findings of the saved state (the edit stack at its clean point) are kept as the
// baseline, so that changeFindings() are the ones the unsaved edits introduce.
class LiveLinter : public QObject
{
    Q_OBJECT

public:
    explicit LiveLinter(QObject *parent = nullptr);
    ~LiveLinter() override;

    // nullptr stops checking (a running check is dropped; it owns what it reads).
    void setSession(Session *session);
    void setDelay(int milliseconds) { m_timer.setInterval(milliseconds); }
    // Starts a check after the delay (restarting the delay when one is pending).
    void schedule();
    void checkNow();

    bool isChecking() const { return m_checking; }
    // A result is there and no edit is waiting to be checked.
    bool isUpToDate() const { return m_hasResult && !m_run.isPending() && !m_timer.isActive(); }
    bool hasResult() const { return m_hasResult; }
    // No check is running or waiting for its delay (the last one may have failed).
    bool isIdle() const { return !m_run.isPending() && !m_timer.isActive(); }
    const LintResult &result() const { return m_result; }
    QList<Finding> changeFindings() const { return newFindings(m_baseline, m_result.findings); }
    int generation() const { return m_generation; }

Q_SIGNALS:
    void checkingChanged(bool checking);
    void findingsChanged();
    void checkFailed(const QString &message);

private:
    void start();
    void finished(const Result<LintResult> &result, bool clean);
    void setChecking(bool checking);

    Session *m_session = nullptr;
    QTimer m_timer;
    LatestResult<Result<LintResult>> m_run;
    bool m_checking = false; // what checkingChanged() said last
    bool m_hasResult = false;
    int m_generation = 0;
    LintResult m_result;
    QList<Finding> m_baseline;
};

} // namespace kanri::platform
