#include "app/helpcontroller.h"

#include "app/appcontext.h"
#include "app/logging/buildinfo.h"
#include "ui/main/aboutdialog.h"
#include "ui/main/mainwindow.h"

#include <QAction>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QMenu>
#include <QUrl>

namespace kanri::app {

HelpController::HelpController(AppContext *context)
    : QObject(context)
    , m_context(context)
{
    QMenu *help = context->window()->menu(ui::MainWindow::Menu::Help);
    QAction *logs = help->addAction(tr("Open &Log Folder"), this, &HelpController::openLogFolder);
    logs->setObjectName(QStringLiteral("openLogFolderAction"));
    help->addSeparator();
    QAction *about = help->addAction(tr("&About Kanri"), this, [this] { showAbout(); });
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setMenuRole(QAction::AboutRole);
    context->addView(QStringLiteral("about"), [this] { return showAbout(); });
}

void HelpController::openLogFolder()
{
    const QString folder = fileLocations().logs;
    if (QDir().mkpath(folder))
        QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                          QFileDevice::ExeOwner);
    QDesktopServices::openUrl(QUrl::fromLocalFile(folder));
}

QWidget *HelpController::showAbout()
{
    const BuildInfo build = buildInfo();
    const FileLocations files = fileLocations();
    const ui::AboutInfo info{build.version, build.commit,   build.qt,   build.libgit2,
                             build.yamlCpp, files.settings, files.data, files.logs};
    auto *dialog = new ui::AboutDialog(info, m_context->window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ui::AboutDialog::openLogFolderRequested, this, &HelpController::openLogFolder);
    dialog->show();
    return dialog;
}

} // namespace kanri::app
