#pragma once

#include <QMainWindow>

namespace kanri::ui {

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
};

} // namespace kanri::ui
