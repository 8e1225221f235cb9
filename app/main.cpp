#include "app/appcontext.h"
#include "app/cli/commands.h"
#include "app/controllers.h"
#include "app/screenshotdriver.h"
#include "app/terminationguard.h"
#include "items/servicesmodel.h"
#include "platform/demoworkspace.h"
#include "platform/session.h"
#include "ui/main/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>

namespace {

struct Subcommand
{
    const char *name;
    const char *usage;
    int (*run)(const QStringList &);
};

constexpr Subcommand subcommands[] = {
    {"render", "render [--reorder legacy|none] [--load-restrictor R] [--verify] DIR",
     kanri::cli::runRender},
    {"tf", "tf maps|get|set|unset|add|remove|rename|fmt FILE ...", kanri::cli::runTf},
    {"clone", "clone URL DIR", kanri::cli::runClone},
    {"status", "status", kanri::cli::runStatus},
    {"branch", "branch NAME", kanri::cli::runBranch},
    {"commit", "commit -m MSG [--all | PATH...]", kanri::cli::runCommit},
    {"push", "push [REMOTE [BRANCH]]", kanri::cli::runPush},
    {"pull", "pull [--rebase | --merge]", kanri::cli::runPull},
    {"pr", "pr create|list|fetch|show|review|sync ...", kanri::cli::runPr},
    {"catalog", "catalog [--workspace DIR] [--at REV] [--json]", kanri::cli::runCatalog},
    {"diff", "diff [--workspace DIR] [--base REF]", kanri::cli::runDiff},
    {"lint", "lint [DIR | --workspace DIR] [--format text|json|github|sarif] [--base REF]",
     kanri::cli::runLint},
};

void setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Kanri"));
    QCoreApplication::setApplicationName(QStringLiteral("kanri"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KANRI_VERSION));
}

// The GUI speaks the system's language (Japanese or English); Qt's own dialogs follow it. The
// command line stays English whatever the locale, so that scripts can read it.
void installTranslations(bool gui)
{
    auto *own = new QTranslator(QCoreApplication::instance());
    const bool loaded = gui ? own->load(QLocale(), QStringLiteral("kanri"), QStringLiteral("_"),
                                        QStringLiteral(":/i18n"))
                            : own->load(QStringLiteral(":/i18n/kanri_en.qm"));
    if (loaded)
        QCoreApplication::installTranslator(own);
    if (!gui)
        return;
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

void printHelp()
{
    std::printf(
        "Usage: kanri [--workspace DIR] [--screenshot FILE [--size WxH] [--select SERVICE]\n"
        "             [--edit ENV.SETTING=VALUE] [--view NAME]]\n"
        "       kanri SUBCOMMAND ...\n\n"
        "Kanri is a console for a platform team's Terraform (accounts) and kustomize\n"
        "(manifests) repositories. Without a subcommand it opens the main window on the\n"
        "workspace (default: the demo workspace, created on first start).\n\n"
        "Options:\n"
        "  --workspace DIR     open the workspace in DIR (a folder with workspace.yaml)\n"
        "  --screenshot FILE   render the main window offscreen to a PNG and exit\n"
        "  --size WxH          window size for --screenshot (default 1400x900)\n"
        "  --select SERVICE    select a service in the catalog first\n"
        "  --edit ENV.SETTING=VALUE\n"
        "                      edit the selected service first (SETTING: replicas, hpa-min,\n"
        "                      hpa-max, image-tag), e.g. --edit prd.replicas=8; unsaved\n"
        "  --view NAME         with --screenshot: show a dialog or panel instead of the main\n"
        "                      window (an unknown NAME lists the views)\n"
        "  --version           print the version and exit\n"
        "  --help              print this help and exit\n\n"
        "Subcommands:\n");
    for (const Subcommand &sub : subcommands)
        std::printf("  kanri %s\n", sub.usage);
    std::printf("\nRun 'kanri SUBCOMMAND --help' for a subcommand's options.\n");
}

} // namespace

int main(int argc, char **argv)
{
    if (argc > 1) {
        for (const Subcommand &sub : subcommands) {
            if (std::strcmp(argv[1], sub.name) == 0) {
                QCoreApplication app(argc, argv);
                setApplicationIdentity();
                installTranslations(false);
                return sub.run(QCoreApplication::arguments().mid(2));
            }
        }
        for (int i = 1; i < argc; ++i) {
            if (!std::strcmp(argv[i], "--help") || !std::strcmp(argv[i], "-h")) {
                printHelp();
                return 0;
            }
            if (!std::strcmp(argv[i], "--version") || !std::strcmp(argv[i], "-v")) {
                std::printf("kanri %s\n", KANRI_VERSION);
                return 0;
            }
            if (!std::strcmp(argv[i], "--screenshot") &&
                qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
                qputenv("QT_QPA_PLATFORM", "offscreen");
        }
    }

    QApplication app(argc, argv);
    setApplicationIdentity();
    installTranslations(true);
    // The AppStream id names the .desktop file and the icon (packaging/CMakeLists.txt).
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.kanri.kanri"));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("io.github.kanri.kanri")));

    QCommandLineParser parser;
    const QCommandLineOption workspaceOption(QStringLiteral("workspace"),
                                             QApplication::translate("main", "Workspace folder"),
                                             QStringLiteral("DIR"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"), QApplication::translate("main", "Write a PNG and exit"),
        QStringLiteral("FILE"));
    const QCommandLineOption sizeOption(QStringLiteral("size"),
                                        QApplication::translate("main", "Screenshot size"),
                                        QStringLiteral("WxH"), QStringLiteral("1400x900"));
    const QCommandLineOption selectOption(QStringLiteral("select"),
                                          QApplication::translate("main", "Service to select"),
                                          QStringLiteral("SERVICE"));
    const QCommandLineOption editOption(QStringLiteral("edit"),
                                        QApplication::translate("main", "Edit to apply first"),
                                        QStringLiteral("ENV.SETTING=VALUE"));
    const QCommandLineOption viewOption(QStringLiteral("view"),
                                        QApplication::translate("main", "Window to screenshot"),
                                        QStringLiteral("NAME"));
    parser.addOptions(
        {workspaceOption, screenshotOption, sizeOption, selectOption, editOption, viewOption});
    if (!parser.parse(QApplication::arguments())) {
        std::fprintf(stderr, "kanri: error: %s (see kanri --help)\n",
                     qPrintable(parser.errorText()));
        return 2;
    }
    if (!parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "kanri: error: unknown subcommand '%s' (see kanri --help)\n",
                     qPrintable(parser.positionalArguments().first()));
        return 2;
    }

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
        const QStringList size = parser.value(sizeOption).split(QLatin1Char('x'));
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
    window.restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    window.show();
    const int status = app.exec();
    settings.setValue(QStringLiteral("window/geometry"), window.saveGeometry());
    settings.setValue(QStringLiteral("window/state"), window.saveState());
    return status;
}
