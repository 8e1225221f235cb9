#include "app/tokensettings.h"

#include "app/appcontext.h"
#include "app/gitcontroller.h"
#include "credentials/tokenstore.h"
#include "ui/main/mainwindow.h"

#include <QCoreApplication>
#include <QMessageBox>
#include <QPointer>
#include <QSettings>

namespace kanri::app {

void configureTokens(credentials::TokenStore &tokens, AppContext *context)
{
    QSettings &settings = context->settings();
    tokens.setConfiguredApiBase(
        QUrl(settings.value(QStringLiteral("github/apiUrl")).toString().trimmed()));
    tokens.setAllowedHttpHosts(
        hostListSetting(settings.value(QStringLiteral("network/allowHttpTokenHosts"))));
    // Called on the worker that asked for the token: the message crosses to the GUI thread
    // through the application object, which outlives every window. A box that does not block
    // (once per host and run: the store asks once), not the status bar, whose message the
    // operation's own "done" replaces at once.
    tokens.setWarning([window = QPointer<ui::MainWindow>(context->window())](
                          const QString &, const QString &message) {
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [window, message] {
                if (!window)
                    return;
                QString text = message;
                if (!text.isEmpty())
                    text[0] = text[0].toUpper();
                auto *box = new QMessageBox(QMessageBox::Warning,
                                            GitController::tr("Token Sent over Plain HTTP"),
                                            text + QLatin1Char('.'), QMessageBox::Ok, window);
                box->setAttribute(Qt::WA_DeleteOnClose);
                box->open();
            },
            Qt::QueuedConnection);
    });
}

QStringList hostListSetting(const QVariant &value)
{
    QStringList hosts;
    const QStringList parts = value.typeId() == QMetaType::QStringList
                                  ? value.toStringList()
                                  : QStringList{value.toString()};
    for (const QString &part : parts)
        hosts << credentials::splitHostList(part);
    return hosts;
}

} // namespace kanri::app
