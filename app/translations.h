#pragma once

#include <QLocale>
#include <QStringList>

namespace kanri::app {

// The GUI speaks the user's language (Japanese or English): Kanri's own strings from the
// translations built into the binary (:/i18n), and Qt's (the wizards' "< Back", "Next >",
// "Finish", "Cancel", the standard buttons, the file dialogs) from the system's Qt translations
// (QLibraryInfo::TranslationsPath: Debian's qt6-translations-l10n). The command line stays
// English whatever the locale, so that scripts can read it: only kanri_en (the English plural
// forms) is loaded. Models translate through QCoreApplication, so the same sentence is
// Japanese in the window and English on the command line.
enum class Interface { Gui, CommandLine };

// Installs the translators (owned by the application) and returns the catalogues loaded
// ("kanri_ja", "qtbase_ja").
QStringList installTranslations(Interface interface, const QLocale &locale = QLocale());

} // namespace kanri::app
