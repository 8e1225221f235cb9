#pragma once

#include "app/wizardflow.h"
#include "publish/wizardplan.h"
#include "rules/rulefinding.h"
#include "ui/wizards/wizardpublishdialog.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QAction;
class QWidget;

namespace kanri::git {
class TokenSource;
}
namespace kanri::github {
class TokenProvider;
}

namespace kanri::platform {
class LiveLinter;
class Session;
} // namespace kanri::platform

namespace kanri::ui {
class FindingsPanel;
} // namespace kanri::ui

namespace kanri::app {

class AppContext;
class CommitAuthor;

// The platform rules in the window: the findings dock, kept current as the user edits (the
// session's unsaved buffers are what is checked, off the GUI thread), and the Tools menu's
// wizards (new developer, new microservice, offboard developer), whose results are unsaved,
// undoable edits of the session, followed by the "Commit, Push and Open Pull Requests"
// dialog (WizardFlow does the work). Under --screenshot the findings are checked at once, on
// the GUI thread, so that the picture shows them.
class RulesController : public QObject
{
    Q_OBJECT

public:
    explicit RulesController(AppContext *context);
    ~RulesController() override;

    enum class Show { Modal, Preview };
    // The wizards (Modal: as the Tools menu opens them; the caller may drive the returned
    // wizard and accept it).
    QWidget *newDeveloper(Show show);
    QWidget *newMicroservice(Show show);
    QWidget *offboard(Show show);

    // Where the flow's tokens come from (tests); default: environment, then keychain.
    void setGitTokens(std::shared_ptr<git::TokenSource> tokens);
    void setGitHubTokens(std::shared_ptr<github::TokenProvider> tokens);
    // Who the flow's commits are by, asking when git knows no author (the Repository menu's
    // CommitAuthor). Without one: the settings' author, else git's.
    void setCommitAuthor(CommitAuthor *author);

    // For tests and screenshots: the dialog after a wizard, the flow behind it.
    ui::WizardPublishDialog *publishDialog() const { return m_publish; }
    WizardFlow *flow() const { return m_flow; }
    ui::FindingsPanel *findingsPanel() const { return m_panel; }

Q_SIGNALS:
    // The dialog after a wizard is up; the flow ended (its outcome is in flow()->outcome()).
    void publishOffered();
    void publishFinished(bool ok);

private:
    void sessionChanged(platform::Session *session);
    void showFindings();
    void checkNowSynchronously();
    void reveal(const QString &file, int line, int column, const QString &service);

    // After a wizard's plan was applied: propose branch, commit and pull request per
    // repository (`fill` writes the texts), and run the flow when the user asks.
    void offerPublish(const QString &what, const platform::WizardPlan &plan,
                      const std::function<void(ui::PublishFields &)> &fill);
    void runPublish();
    void startFlow(FlowRequest request);
    QStringList absoluteFiles(const ui::PublishFields &fields) const;
    bool isAccounts(const QString &repository) const;
    void publishDone(const FlowOutcome &outcome);

    AppContext *m_context;
    platform::LiveLinter *m_linter = nullptr;
    ui::FindingsPanel *m_panel = nullptr;
    QList<QAction *> m_sessionActions;
    QList<platform::Finding> m_screenshotBaseline;
    QMetaObject::Connection m_screenshotChecks; // under --screenshot: a check after each edit

    QPointer<ui::WizardPublishDialog> m_publish;
    QList<FlowStep> m_publishSteps; // the repositories, paths and files of the last plan
    WizardFlow *m_flow = nullptr;
    std::shared_ptr<git::TokenSource> m_gitTokens;
    std::shared_ptr<github::TokenProvider> m_githubTokens;
    QPointer<CommitAuthor> m_commitAuthor;
};

} // namespace kanri::app
