#include "mainwindow.h"

namespace kanri::ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Kanri"));
}

} // namespace kanri::ui
