#pragma once

#include <QObject>

namespace kanri::app {

class AppContext;

// Wires the Repository menu.
class GitController : public QObject
{
    Q_OBJECT

public:
    explicit GitController(AppContext *context);

private:
    AppContext *m_context;
};

} // namespace kanri::app
