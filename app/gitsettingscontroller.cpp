#include "app/gitsettingscontroller.h"

#include "app/appcontext.h"
#include "app/gitcontroller.h"
#include "git/gitrepository.h"
#include "ui/git/gitsettingsdialog.h"
#include "ui/main/mainwindow.h"

#include <QDir>
#include <QSettings>

namespace kanri::app {

GitSettingsController::GitSettingsController(GitController *git)
    : QObject(git)
    , m_git(git)
    , m_context(git->context())
{}

ui::GitSettingsDialog *GitSettingsController::dialog() const
{
    return m_settingsDialog;
}

void GitSettingsController::open()
{
    if (!m_settingsDialog) {
        m_settingsDialog = new ui::GitSettingsDialog(m_context->window());
        connect(m_settingsDialog, &QDialog::accepted, this, &GitSettingsController::saveSettings);
    }
    QSettings &settings = m_context->settings();
    ui::GitSettingsValues values;
    values.authorName = settings.value(QStringLiteral("git/authorName")).toString();
    values.authorEmail = settings.value(QStringLiteral("git/authorEmail")).toString();
    values.pullStrategy =
        settings.value(QStringLiteral("git/pullStrategy"), QStringLiteral("merge")).toString();
    values.sshKeyDirectory = settings.value(QStringLiteral("git/sshKeyDirectory")).toString();
    m_settingsDialog->setValues(values);
    // What git config says, from the first repository that can be opened (repository config,
    // then global).
    QString name, email;
    for (const GitController::RepositoryRef &ref : m_git->repositories()) {
        auto repo = git::Repository::open(ref.path);
        if (!repo)
            continue;
        if (auto signature = repo->defaultSignature()) {
            name = signature->name;
            email = signature->email;
            break;
        }
    }
    m_settingsDialog->setConfiguredAuthor(name, email);
    m_settingsDialog->setDefaultSshKeyDirectory(QDir::homePath() + QStringLiteral("/.ssh"));
    GitController::showDialog(m_settingsDialog);
}

void GitSettingsController::saveSettings()
{
    if (!m_settingsDialog)
        return;
    const ui::GitSettingsValues values = m_settingsDialog->values();
    QSettings &settings = m_context->settings();
    auto store = [&settings](const QString &key, const QString &value) {
        if (value.isEmpty())
            settings.remove(key);
        else
            settings.setValue(key, value);
    };
    store(QStringLiteral("git/authorName"), values.authorName);
    store(QStringLiteral("git/authorEmail"), values.authorEmail);
    store(QStringLiteral("git/pullStrategy"), values.pullStrategy);
    store(QStringLiteral("git/sshKeyDirectory"), values.sshKeyDirectory);
    settings.sync();
    m_context->window()->showStatusMessage(GitController::tr("Saved the git settings"));
}

} // namespace kanri::app
