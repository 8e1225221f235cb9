#pragma once

#include <QObject>

namespace kanri::app {

class AppContext;

// Wires the Tools menu.
class RulesController : public QObject
{
    Q_OBJECT

public:
    explicit RulesController(AppContext *context);

private:
    AppContext *m_context;
};

} // namespace kanri::app
