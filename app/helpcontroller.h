#pragma once

#include <QObject>

namespace kanri::app {

class AppContext;

// Help ▸ Open Log Folder and Help ▸ About Kanri (the build identity and where settings, data
// and logs live), and the "about" view of --screenshot.
class HelpController : public QObject
{
    Q_OBJECT

public:
    explicit HelpController(AppContext *context);

    // Makes the log folder (0700) and asks the desktop to open it.
    static void openLogFolder();

private:
    QWidget *showAbout();

    AppContext *m_context;
};

} // namespace kanri::app
