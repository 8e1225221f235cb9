#include "commands.h"
#include "mainwindow.h"

#include <QApplication>

#include <cstdio>
#include <cstring>

namespace {

struct Subcommand
{
    const char *name;
    int (*run)(const QStringList &);
};

constexpr Subcommand subcommands[] = {
    {"tf", kanri::cli::runTf},         {"render", kanri::cli::runRender},
    {"clone", kanri::cli::runClone},   {"status", kanri::cli::runStatus},
    {"branch", kanri::cli::runBranch}, {"commit", kanri::cli::runCommit},
    {"push", kanri::cli::runPush},     {"pull", kanri::cli::runPull},
    {"pr", kanri::cli::runPr},
};

} // namespace

int main(int argc, char **argv)
{
    if (argc > 1) {
        for (const Subcommand &sub : subcommands) {
            if (std::strcmp(argv[1], sub.name) == 0) {
                QCoreApplication app(argc, argv);
                QStringList args = QCoreApplication::arguments().mid(2);
                return sub.run(args);
            }
        }
    }
    QApplication app(argc, argv);
    kanri::ui::MainWindow window;
    window.show();
    return app.exec();
}
