#include "app/translations.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QTranslator>

namespace kanri::app {

namespace {

QString loadedName(const QTranslator &translator)
{
    return QFileInfo(translator.filePath()).completeBaseName();
}

} // namespace

QStringList installTranslations(Interface interface, const QLocale &locale)
{
    QStringList loaded;
    auto *own = new QTranslator(QCoreApplication::instance());
    const bool found = interface == Interface::Gui
                           ? own->load(locale, QStringLiteral("kanri"), QStringLiteral("_"),
                                       QStringLiteral(":/i18n"))
                           : own->load(QStringLiteral(":/i18n/kanri_en.qm"));
    if (found && QCoreApplication::installTranslator(own))
        loaded << loadedName(*own);
    else
        delete own;
    if (interface == Interface::CommandLine)
        return loaded;
    // qtbase_ja.qm, not qt_ja.qm: the latter is only a catalogue of the per-module files.
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)) &&
        QCoreApplication::installTranslator(qt))
        loaded << loadedName(*qt);
    else
        delete qt;
    return loaded;
}

} // namespace kanri::app
