#pragma once

#include <QObject>
#include <QPointer>

namespace kanri::ui {
class GitSettingsDialog;
}

namespace kanri::app {

class AppContext;
class GitController;

// Repository ▸ Git Settings: the author, the pull strategy and the SSH key folder, kept in the
// application's settings.
class GitSettingsController : public QObject
{
    Q_OBJECT

public:
    explicit GitSettingsController(GitController *git);

    void open();
    ui::GitSettingsDialog *dialog() const;

private:
    void saveSettings();

    GitController *m_git;
    AppContext *m_context;
    QPointer<ui::GitSettingsDialog> m_settingsDialog;
};

} // namespace kanri::app
