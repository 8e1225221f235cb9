#include "app/appcontext.h"
#include "app/cli/help.h"
#include "app/cli/output.h"
#include "app/cli/programs.h"
#include "app/controllers.h"
#include "app/gitcontroller.h"
#include "app/logging/buildinfo.h"
#include "app/logging/messagelog.h"
#include "app/screenshotdriver.h"
#include "app/terminationguard.h"
#include "app/translations.h"
#include "core/heap.h"
#include "credentials/tokenstore.h"
#include "items/servicesmodel.h"
#include "platform/demoworkspace.h"
#include "platform/session.h"
#include "ui/main/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QSettings>

#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>

namespace {

namespace help = kanri::cli::help;

} // namespace

// kanri-gui: the window. `kanri` (main.cpp) runs the subcommands, answers --help, --version and
// --generate, and checks the window's options; it then replaces itself with this program (same
// arguments, same process), which never runs a subcommand. Run directly, it answers --help and
// --version alike.
int main(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--help") || !std::strcmp(argv[i], "-h")) {
            kanri::cli::writeOut(help::mainHelp());
            return 0;
        }
        if (!std::strcmp(argv[i], "--version") || !std::strcmp(argv[i], "-v")) {
            kanri::cli::writeOut(kanri::app::versionText());
            return 0;
        }
        if (!std::strcmp(argv[i], "--screenshot") && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
    }

    kanri::keepFreedMemoryForReuse(); // the window renders and diffs the same files again and again
    QApplication app(argc, argv);
    kanri::cli::setApplicationIdentity();
    // The window speaks the system's language (Japanese or English); Qt's own dialogs follow it.
    kanri::app::installTranslations(kanri::app::Interface::Gui);
    // The AppStream id names the .desktop file and the icon (packaging/CMakeLists.txt).
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.kanri.kanri"));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("io.github.kanri.kanri")));

    // The window's options are those of the help table (help.cpp), described there.
    QCommandLineParser parser;
    const QString workspaceOption = QStringLiteral("workspace");
    const QString screenshotOption = QStringLiteral("screenshot");
    const QString sizeOption = QStringLiteral("size");
    const QString selectOption = QStringLiteral("select");
    const QString editOption = QStringLiteral("edit");
    const QString viewOption = QStringLiteral("view");
    if (const auto wrong = help::parseWindowOptions(parser, QApplication::arguments())) {
        kanri::cli::writeErr(*wrong);
        kanri::cli::writeErr(help::mainUsage());
        return 2;
    }

    // Warnings and errors of the session go to the log file too, with every token removed (not
    // those of a screenshot: it is nobody's session, and its errors are on stderr).
    std::shared_ptr<kanri::credentials::TokenStore> heldTokens;
    kanri::app::MessageLog::Options logOptions;
    if (!parser.isSet(screenshotOption))
        logOptions.file = kanri::app::fileLocations().logs + QStringLiteral("/kanri.log");
    logOptions.verbose = parser.isSet(QStringLiteral("verbose"));
    logOptions.secrets = [&heldTokens] {
        QStringList secrets = heldTokens ? heldTokens->secrets() : QStringList();
        if (auto token = kanri::credentials::TokenStore::environmentToken())
            secrets << *token;
        return secrets;
    };
    kanri::app::MessageLog log(logOptions);

    QSettings settings;
    const bool screenshot = parser.isSet(screenshotOption);
    QString workspaceDir = parser.value(workspaceOption);
    if (workspaceDir.isEmpty() && !screenshot)
        workspaceDir = settings.value(QStringLiteral("workspace/last")).toString();
    if (workspaceDir.isEmpty())
        workspaceDir = kanri::platform::defaultWorkspaceDir();
    workspaceDir = QFileInfo(workspaceDir).absoluteFilePath();

    // The context (and the session it holds) goes after the window's controllers.
    kanri::ui::MainWindow window;
    kanri::app::AppContext context(&window);
    std::optional<kanri::app::ScreenshotDriver> driver;
    if (screenshot)
        driver.emplace(&context);
    kanri::app::installControllers(&context);
    if (auto *git = context.findChild<kanri::app::GitController *>())
        heldTokens = git->tokens();
    log.note(QStringLiteral("kanri %1 (%2), Qt %3, libgit2 %4, yaml-cpp %5: session started on %6")
                 .arg(kanri::app::buildInfo().version, kanri::app::buildInfo().commit,
                      kanri::app::buildInfo().qt, kanri::app::buildInfo().libgit2,
                      kanri::app::buildInfo().yamlCpp, workspaceDir));
    QObject::connect(&window, &kanri::ui::MainWindow::openWorkspaceRequested, &context,
                     [&](const QString &dir) { context.loadAsync(dir); });
    QObject::connect(&window, &kanri::ui::MainWindow::reloadRequested, &context,
                     [&] { context.reloadAsync(); });

    if (parser.isSet(viewOption) && !context.viewNames().contains(parser.value(viewOption))) {
        std::fprintf(stderr, "kanri: error: unknown view '%s' (views: %s)\n",
                     qPrintable(parser.value(viewOption)),
                     qPrintable(context.viewNames().join(QStringLiteral(", "))));
        return 2;
    }

    // The window shows at once and the workspace opens on a worker, unless a screenshot or a
    // start option needs the session now.
    const bool now = screenshot || parser.isSet(selectOption) || parser.isSet(editOption);
    const bool loaded = now ? context.load(workspaceDir) : (context.loadAsync(workspaceDir), false);
    if (loaded && parser.isSet(selectOption))
        window.selectService(parser.value(selectOption));
    if (loaded && parser.isSet(editOption)) {
        // ENV.SETTING=VALUE on the selected service.
        const QString spec = parser.value(editOption);
        const QString target = spec.section(QLatin1Char('='), 0, 0);
        const QString value = spec.section(QLatin1Char('='), 1);
        const QString env = target.section(QLatin1Char('.'), 0, 0);
        const QString name = target.section(QLatin1Char('.'), 1);
        const QMap<QString, kanri::platform::ServiceSetting> settingNames{
            {QStringLiteral("replicas"), kanri::platform::ServiceSetting::Replicas},
            {QStringLiteral("hpa-min"), kanri::platform::ServiceSetting::HpaMin},
            {QStringLiteral("hpa-max"), kanri::platform::ServiceSetting::HpaMax},
            {QStringLiteral("image-tag"), kanri::platform::ServiceSetting::ImageTag}};
        const int row = window.servicesModel()->rowOf(parser.value(selectOption));
        const int column = settingNames.contains(name)
                               ? window.servicesModel()->column(env, settingNames.value(name))
                               : -1;
        if (row < 0 || column < 0) {
            std::fprintf(stderr, "kanri: error: --edit wants ENV.SETTING=VALUE for the service "
                                 "given with --select\n");
            return 2;
        }
        if (!window.servicesModel()->setData(window.servicesModel()->index(row, column), value)) {
            std::fprintf(stderr, "kanri: error: the edit was refused\n");
            return 1;
        }
    }

    if (screenshot) {
        if (!loaded)
            return 1;
        const QString sizeText =
            parser.isSet(sizeOption) ? parser.value(sizeOption) : QStringLiteral("1400x900");
        const QStringList size = sizeText.split(QLatin1Char('x'));
        const int w = size.value(0).toInt(), h = size.value(1).toInt();
        if (size.size() != 2 || w < 200 || h < 150) {
            std::fprintf(stderr, "kanri: error: --size wants WxH, e.g. 1400x900\n");
            return 2;
        }
        return driver->take(parser.value(screenshotOption), QSize(w, h), parser.value(viewOption));
    }

    // SIGTERM, SIGHUP, Ctrl+C and logout keep the unsaved edits in the journal.
    kanri::app::TerminationGuard guard(&context);
    window.restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    window.restoreLayout(settings.value(QStringLiteral("window/state")).toByteArray());
    window.show();
    const int status = app.exec();
    settings.setValue(QStringLiteral("window/geometry"), window.saveGeometry());
    settings.setValue(QStringLiteral("window/state"), window.saveState());
    return status;
}
