#pragma once

#include <QObject>

namespace kanri::app {

class AppContext;

// Wires the Pull Requests menu.
class GitHubController : public QObject
{
    Q_OBJECT

public:
    explicit GitHubController(AppContext *context);

private:
    AppContext *m_context;
};

} // namespace kanri::app
