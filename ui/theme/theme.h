#pragma once

#include <QColor>
#include <QList>
#include <QPalette>
#include <QString>

namespace kanri::ui {

// Kanri's colours, light and dark, in one place: the window's palette and every colour Kanri
// paints itself (diff backgrounds, syntax highlighting, messages, greyed-out items). Each text
// colour reads at a WCAG contrast ratio of at least 4.5:1 on every background it is painted on
// (tests/ui/tst_theme checks it).
struct ThemeColours
{
    bool dark = false;

    // Text on the plain background, and text that says "not yours / a default" (greyed out).
    QColor text;
    QColor mutedText;

    // Diffs: a whole added or removed line, and the characters that changed within it.
    QColor addedBackground;
    QColor removedBackground;
    QColor addedCharBackground;
    QColor removedCharBackground;
    QColor hunkHeader;

    // Syntax (YAML, HCL, the rendered diff).
    QColor key;
    QColor string;
    QColor number;
    QColor keyword;
    QColor comment;
    QColor special;       // YAML anchors, tags, block scalars
    QColor block;         // HCL block types
    QColor function;      // HCL function calls
    QColor interpolation; // HCL ${...}

    // Messages and states.
    QColor error;
    QColor success;
    QColor warning;
    QColor missingBackground; // a required value that is empty
    QColor findBackground;    // a search hit in the source editor
    QColor currentLineBackground;

    // Every text colour above with the backgrounds it is drawn on, for the contrast test.
    struct Pair
    {
        QString name;
        QColor foreground;
        QColor background;
    };
    QList<Pair> textPairs(const QPalette &palette) const;
};

enum class ThemeChoice { Light, Dark, System };

// The colours of the light or the dark variant.
const ThemeColours &themeColours(bool dark);
// The variant that fits the application's palette now (its window colour's lightness).
const ThemeColours &currentThemeColours();
bool isDarkPalette(const QPalette &palette);

// The full palette of a variant (the dark one is meant for the Fusion style).
QPalette themePalette(bool dark);

// Applies a choice to the application: style and palette. "System" restores the style and
// palette the platform gave before the first call, and Kanri's colours follow the lightness of
// that palette's window colour (Qt 6.4 has no colour-scheme query).
void applyTheme(ThemeChoice choice);
ThemeChoice appliedTheme();

// For settings: "light", "dark", "system".
QString themeName(ThemeChoice choice);
ThemeChoice themeFromName(const QString &name);

// A message label's colour in the theme in use, as a style sheet ("color: #rrggbb"): errors,
// warnings and successes of dialogs read on light and dark backgrounds alike.
enum class MessageKind { Error, Warning, Success };
QString messageStyleSheet(MessageKind kind);

// WCAG 2 relative luminance contrast ratio, 1 to 21.
double contrastRatio(const QColor &a, const QColor &b);

} // namespace kanri::ui
