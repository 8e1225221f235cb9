#pragma once

#include "publish/publishflow.h"
#include "publish/publishtext.h"
#include "publish/wizardplan.h"
#include "ui/wizards/wizardpublishdialog.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

namespace kanri::app {

class AppContext;
class CommitAuthor;

// After a wizard: the "Commit, Push and Open Pull Requests" dialog with the proposed texts,
// then platform::PublishFlow with the dialog's texts, its progress in the dialog and its
// outcome in words; afterwards each repository is switched back to the branch it was on (the
// change stays on its pushed branch; the user is told), the repository status is refreshed
// and the workspace reopened when HEAD moved and nothing else is unsaved.
class PublishController : public QObject
{
    Q_OBJECT

public:
    PublishController(AppContext *context, QObject *parent);
    ~PublishController() override;

    // The texts for one repository, given its name and its files (absolute paths).
    using TextFor =
        std::function<platform::PublishText(const QString &repository, const QStringList &files)>;
    // Proposes branch, commit and pull request per repository of the applied `plan` (nothing
    // while a flow runs) and runs the flow when the user asks.
    void offer(const QString &what, const platform::WizardPlan &plan, const TextFor &text);

    // Where the flow's tokens come from, and who it asks after a 401 (the store's prompt);
    // default: the environment, then the keychain, nobody asked.
    void setTokens(std::shared_ptr<credentials::TokenStore> tokens);
    // Who the flow's commits are by, asking when git knows no author (the Repository menu's
    // CommitAuthor). Without one: the settings' author, else git's.
    void setCommitAuthor(CommitAuthor *author);

    // For tests and screenshots: the dialog after a wizard, the flow behind it.
    ui::WizardPublishDialog *publishDialog() const { return m_publish; }
    platform::PublishFlow *flow() const { return m_flow; }

Q_SIGNALS:
    // The dialog is up; the flow ended (its outcome is in flow()->outcome()).
    void publishOffered();
    void publishFinished(bool ok);

private:
    void appendDeploysTo(const platform::PublishStep &step, platform::PublishText &text);
    void runPublish();
    void startFlow(platform::PublishRequest request);
    void publishDone(const platform::PublishOutcome &outcome);
    // Switches each repository back to the branch it was on before the flow; what happened,
    // one line per repository that had moved.
    QString returnToBranches();

    AppContext *m_context;
    QPointer<ui::WizardPublishDialog> m_publish;
    QList<platform::PublishStep> m_publishSteps; // the repositories, paths and files of the plan
    platform::PublishFlow *m_flow = nullptr;
    std::shared_ptr<credentials::TokenStore> m_tokens;
    QPointer<CommitAuthor> m_commitAuthor;
    struct BranchBefore
    {
        QString repository, path, branch;
    };
    QList<BranchBefore> m_branchesBefore;
};

} // namespace kanri::app
