#pragma once

#include "app/publishcontroller.h"

#include <QObject>

class QAction;
class QWidget;

namespace kanri::app {

class AppContext;

// The Tools menu's wizards (new developer, new microservice, offboard developer), whose results
// are unsaved, undoable edits of the session, each followed by its publishing (publisher():
// branch, commit, push and pull requests with the texts of models/publish).
class WizardController : public QObject
{
    Q_OBJECT

public:
    explicit WizardController(AppContext *context);

    enum class Show { Modal, Preview };
    // The wizards (Modal: as the Tools menu opens them; the caller may drive the returned
    // wizard and accept it).
    QWidget *newDeveloper(Show show);
    QWidget *newMicroservice(Show show);
    QWidget *offboard(Show show);

    PublishController *publisher() const { return m_publish; }

private:
    AppContext *m_context;
    PublishController *m_publish;
    QList<QAction *> m_sessionActions;
};

} // namespace kanri::app
