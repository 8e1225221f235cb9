#include "app/gitnetworkrunner.h"

#include "app/appcontext.h"
#include "git/gitknownhosts.h"
#include "ui/git/gitprogressdialog.h"
#include "ui/main/mainwindow.h"

#include <QDir>
#include <QMessageBox>
#include <QSettings>

namespace kanri::app {

using ui::GitProgressDialog;

GitNetworkRunner::GitNetworkRunner(GitController *git)
    : QObject(git)
    , m_git(git)
{}

GitNetworkRunner::~GitNetworkRunner()
{
    // Workers post progress to this object: stop them and wait before it goes.
    cancel();
    if (m_waitForWorker)
        m_waitForWorker();
}

void GitNetworkRunner::setBusy(bool busy)
{
    m_busy = busy;
    m_git->updateActions();
}

void GitNetworkRunner::prepare(git::NetworkOptions &options,
                               std::function<void(const git::TransferProgress &)> progress)
{
    m_stop = std::stop_source();
    const quint64 generation = ++m_generation;
    options.stop = m_stop.get_token();
    options.sshKeyDirectory =
        m_git->context()->settings().value(QStringLiteral("git/sshKeyDirectory")).toString();
    m_hostKeys->clearRefused();
    // Runs on the worker: never waits for the GUI. A refused key is asked about afterwards
    // (GitController::offerRecovery) and the operation retried.
    options.unknownHostKey = git::HostKeyTrust::callback(m_hostKeys);
    options.progress = [this, generation, progress](const git::TransferProgress &p) {
        QMetaObject::invokeMethod(
            this,
            [this, generation, progress, p] {
                if (generation == m_generation && progress)
                    progress(p);
            },
            Qt::QueuedConnection);
    };
}

void GitNetworkRunner::cancel()
{
    m_stop.request_stop();
}

std::optional<git::HostKeyInfo> GitNetworkRunner::takeRefusedHostKey()
{
    return m_hostKeys->takeRefused();
}

QMessageBox *GitNetworkRunner::hostKeyDialog() const
{
    return m_hostKeyDialog;
}

void GitNetworkRunner::askHostKey(const git::HostKeyInfo &key, std::function<void()> retry,
                                  std::function<void()> giveUp)
{
    AppContext *context = m_git->context();
    const QString host = git::knownHostsName(key.host, key.port);
    const QString file = git::writableKnownHostsFile();
    QString text =
        GitController::tr(
            "The SSH server %1 presented a host key that no known_hosts file records:\n\n%2%3\n\n"
            "Trust it only if this fingerprint is the one the server's administrators publish.")
            .arg(host, key.fingerprint,
                 key.keyType.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(key.keyType));
    if (!key.otherKeyTypes.isEmpty())
        text += QLatin1Char(' ') +
                GitController::tr("Keys of another type (%1) are recorded for this host already.")
                    .arg(key.otherKeyTypes.join(QStringLiteral(", ")));
    text += QStringLiteral("\n\n") +
            (key.key.isEmpty()
                 ? GitController::tr("Trusting it lasts until Kanri quits.")
                 : GitController::tr("Trusting it adds it to %1, where ssh and Kanri find it next "
                                     "time.")
                       .arg(QDir::toNativeSeparators(file)));
    auto *box = new QMessageBox(QMessageBox::Warning, GitController::tr("Unknown SSH Host Key"),
                                text, QMessageBox::NoButton, context->window());
    box->setObjectName(QStringLiteral("gitHostKeyDialog"));
    box->addButton(GitController::tr("Trust and Connect"), QMessageBox::AcceptRole);
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    m_hostKeyDialog = box;
    connect(
        box, &QMessageBox::finished, this,
        [this, context, box, key, file, retry, giveUp] {
            const bool trusted = box->buttonRole(box->clickedButton()) == QMessageBox::AcceptRole;
            if (!trusted) {
                giveUp();
                return;
            }
            if (auto added = m_hostKeys->trust(key, file); !added)
                context->reportError(
                    GitController::tr("SSH Host Key"),
                    GitController::tr("The key is trusted until Kanri quits, but it could not be "
                                      "written to %1:\n%2")
                        .arg(file, added.error().message));
            else if (!key.key.isEmpty())
                context->window()->showStatusMessage(
                    GitController::tr("Added the host key of %1 to %2")
                        .arg(git::knownHostsName(key.host, key.port), file));
            retry();
        },
        Qt::SingleShotConnection);
    box->open();
    Q_EMIT m_git->hostKeyQuestionAsked();
}

GitProgressDialog *GitNetworkRunner::ensureProgressDialog()
{
    if (!m_progressDialog) {
        m_progressDialog = new GitProgressDialog(m_git->context()->window());
        connect(m_progressDialog, &GitProgressDialog::cancelRequested, this,
                &GitNetworkRunner::cancel);
    }
    return m_progressDialog;
}

GitProgressDialog *GitNetworkRunner::progressDialog() const
{
    return m_progressDialog;
}

} // namespace kanri::app
