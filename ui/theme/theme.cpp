#include "ui/theme/theme.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>

#include <cmath>
#include <optional>

namespace kanri::ui {

namespace {

ThemeColours makeLight()
{
    ThemeColours c;
    c.dark = false;
    c.text = QColor(0x1a, 0x1a, 0x1a);
    c.mutedText = QColor(0x55, 0x55, 0x55);
    c.addedBackground = QColor(0xdc, 0xf5, 0xdc);
    c.removedBackground = QColor(0xfb, 0xe0, 0xe0);
    c.addedCharBackground = QColor(0xc2, 0xec, 0xc2);
    c.removedCharBackground = QColor(0xf9, 0xcc, 0xcc);
    c.hunkHeader = QColor(0x40, 0x40, 0x8f);
    c.key = QColor(0x1a, 0x4f, 0xa8);
    c.string = QColor(0x7a, 0x42, 0x06);
    c.number = QColor(0x95, 0x3a, 0x0c);
    c.keyword = QColor(0x7b, 0x1f, 0xa2);
    c.comment = QColor(0x55, 0x55, 0x55);
    c.special = QColor(0x6b, 0x53, 0x00);
    c.block = QColor(0x00, 0x5a, 0x66);
    c.function = QColor(0x6b, 0x53, 0x00);
    c.interpolation = QColor(0xa0, 0x12, 0x4f);
    c.error = QColor(0xa3, 0x00, 0x1d);
    c.success = QColor(0x1b, 0x5e, 0x20);
    c.warning = QColor(0x7a, 0x42, 0x00);
    c.missingBackground = QColor(0xff, 0xe0, 0xe0);
    c.findBackground = QColor(0xff, 0xf0, 0xa0);
    c.currentLineBackground = QColor(0xf2, 0xf2, 0xf2);
    return c;
}

ThemeColours makeDark()
{
    ThemeColours c;
    c.dark = true;
    c.text = QColor(0xe8, 0xe8, 0xe8);
    c.mutedText = QColor(0xb4, 0xb4, 0xb4);
    c.addedBackground = QColor(0x1e, 0x3a, 0x24);
    c.removedBackground = QColor(0x45, 0x21, 0x23);
    c.addedCharBackground = QColor(0x24, 0x49, 0x2b);
    c.removedCharBackground = QColor(0x5a, 0x26, 0x29);
    c.hunkHeader = QColor(0xb8, 0xb8, 0xf0);
    c.key = QColor(0x9c, 0xc2, 0xff);
    c.string = QColor(0xe6, 0xc2, 0x8a);
    c.number = QColor(0xf9, 0xb3, 0x9c);
    c.keyword = QColor(0xdc, 0xb4, 0xf4);
    c.comment = QColor(0xb4, 0xb4, 0xb4);
    c.special = QColor(0xff, 0xcb, 0x6b);
    c.block = QColor(0x6f, 0xd8, 0xe6);
    c.function = QColor(0xff, 0xcb, 0x6b);
    c.interpolation = QColor(0xff, 0xa6, 0xcc);
    c.error = QColor(0xff, 0x9e, 0x96);
    c.success = QColor(0x95, 0xd4, 0x98);
    c.warning = QColor(0xff, 0xb7, 0x4d);
    c.missingBackground = QColor(0x4a, 0x24, 0x26);
    c.findBackground = QColor(0x4d, 0x40, 0x00);
    c.currentLineBackground = QColor(0x2a, 0x2a, 0x2a);
    return c;
}

QPalette makePalette(bool dark)
{
    const ThemeColours &c = themeColours(dark);
    QPalette p;
    const QColor window = dark ? QColor(0x2d, 0x2d, 0x2d) : QColor(0xef, 0xef, 0xef);
    const QColor base = dark ? QColor(0x1e, 0x1e, 0x1e) : QColor(0xff, 0xff, 0xff);
    const QColor alternate = dark ? QColor(0x26, 0x26, 0x26) : QColor(0xf5, 0xf5, 0xf5);
    const QColor button = dark ? QColor(0x35, 0x35, 0x35) : QColor(0xe6, 0xe6, 0xe6);
    const QColor highlight = dark ? QColor(0x2f, 0x65, 0xca) : QColor(0x2a, 0x6c, 0xb0);
    const QColor disabled = dark ? QColor(0x80, 0x80, 0x80) : QColor(0x8c, 0x8c, 0x8c);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, c.text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, alternate);
    p.setColor(QPalette::ToolTipBase, dark ? QColor(0x3a, 0x3a, 0x3a) : QColor(0xff, 0xff, 0xdc));
    p.setColor(QPalette::ToolTipText, c.text);
    p.setColor(QPalette::PlaceholderText, c.mutedText);
    p.setColor(QPalette::Text, c.text);
    p.setColor(QPalette::Button, button);
    p.setColor(QPalette::ButtonText, c.text);
    p.setColor(QPalette::BrightText, dark ? QColor(0xff, 0x9e, 0x96) : QColor(0xff, 0xff, 0xff));
    p.setColor(QPalette::Light, dark ? QColor(0x4a, 0x4a, 0x4a) : QColor(0xff, 0xff, 0xff));
    p.setColor(QPalette::Midlight, dark ? QColor(0x3e, 0x3e, 0x3e) : QColor(0xf5, 0xf5, 0xf5));
    p.setColor(QPalette::Mid, dark ? QColor(0x28, 0x28, 0x28) : QColor(0xb8, 0xb8, 0xb8));
    p.setColor(QPalette::Dark, dark ? QColor(0x1a, 0x1a, 0x1a) : QColor(0x9f, 0x9f, 0x9f));
    p.setColor(QPalette::Shadow, dark ? QColor(0x10, 0x10, 0x10) : QColor(0x76, 0x76, 0x76));
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, QColor(0xff, 0xff, 0xff));
    p.setColor(QPalette::Link, dark ? QColor(0x9c, 0xc0, 0xfa) : QColor(0x0a, 0x50, 0xc0));
    p.setColor(QPalette::LinkVisited, dark ? QColor(0xc8, 0xa8, 0xf8) : QColor(0x6a, 0x1b, 0x9a));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Highlight,
               dark ? QColor(0x44, 0x44, 0x44) : QColor(0xd0, 0xd0, 0xd0));
    p.setColor(QPalette::Disabled, QPalette::HighlightedText, c.text);
    return p;
}

// What the platform gave before Kanri chose a theme: "System" goes back to it.
struct SystemLook
{
    QString style;
    QPalette palette;
};
std::optional<SystemLook> &systemLook()
{
    static std::optional<SystemLook> look;
    return look;
}

ThemeChoice &applied()
{
    static ThemeChoice choice = ThemeChoice::System;
    return choice;
}

double luminance(const QColor &c)
{
    auto channel = [](double v) {
        return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    const QColor rgb = c.toRgb();
    return 0.2126 * channel(rgb.redF()) + 0.7152 * channel(rgb.greenF()) +
           0.0722 * channel(rgb.blueF());
}

} // namespace

QList<ThemeColours::Pair> ThemeColours::textPairs(const QPalette &palette) const
{
    const QList<QPair<QString, QColor>> plain{
        {QStringLiteral("base"), palette.color(QPalette::Base)},
        {QStringLiteral("alternate base"), palette.color(QPalette::AlternateBase)},
    };
    const QList<QPair<QString, QColor>> diff{
        {QStringLiteral("base"), palette.color(QPalette::Base)},
        {QStringLiteral("added line"), addedBackground},
        {QStringLiteral("removed line"), removedBackground},
        {QStringLiteral("added characters"), addedCharBackground},
        {QStringLiteral("removed characters"), removedCharBackground},
        {QStringLiteral("search hit"), findBackground},
        {QStringLiteral("current line"), currentLineBackground},
    };
    QList<Pair> pairs;
    auto on = [&](const QString &name, const QColor &fg,
                  const QList<QPair<QString, QColor>> &backgrounds) {
        for (const auto &[bgName, bg] : backgrounds)
            pairs.append({name + QStringLiteral(" on ") + bgName, fg, bg});
    };
    // The palette's own text roles.
    pairs.append({QStringLiteral("window text on window"), palette.color(QPalette::WindowText),
                  palette.color(QPalette::Window)});
    pairs.append({QStringLiteral("button text on button"), palette.color(QPalette::ButtonText),
                  palette.color(QPalette::Button)});
    pairs.append({QStringLiteral("highlighted text on highlight"),
                  palette.color(QPalette::HighlightedText), palette.color(QPalette::Highlight)});
    pairs.append({QStringLiteral("tool tip text on tool tip"), palette.color(QPalette::ToolTipText),
                  palette.color(QPalette::ToolTipBase)});
    pairs.append({QStringLiteral("placeholder on base"), palette.color(QPalette::PlaceholderText),
                  palette.color(QPalette::Base)});
    pairs.append({QStringLiteral("link on base"), palette.color(QPalette::Link),
                  palette.color(QPalette::Base)});
    on(QStringLiteral("text"), palette.color(QPalette::Text), plain);
    // Greyed-out items (another team's, a default value), messages, a missing value.
    on(QStringLiteral("greyed-out text"), mutedText, plain);
    pairs.append(
        {QStringLiteral("greyed-out text on window"), mutedText, palette.color(QPalette::Window)});
    for (const auto &[name, colour] :
         {QPair<QString, QColor>{QStringLiteral("error message"), error},
          {QStringLiteral("success message"), success},
          {QStringLiteral("warning message"), warning}}) {
        on(name, colour, plain);
        pairs.append(
            {name + QStringLiteral(" on window"), colour, palette.color(QPalette::Window)});
    }
    pairs.append({QStringLiteral("text on a missing value"), palette.color(QPalette::Text),
                  missingBackground});
    // Diffs and source: every syntax colour on every background a line can have.
    for (const auto &[name, colour] : {QPair<QString, QColor>{QStringLiteral("text"), text},
                                       {QStringLiteral("hunk header"), hunkHeader},
                                       {QStringLiteral("key"), key},
                                       {QStringLiteral("string"), string},
                                       {QStringLiteral("number"), number},
                                       {QStringLiteral("keyword"), keyword},
                                       {QStringLiteral("comment"), comment},
                                       {QStringLiteral("special"), special},
                                       {QStringLiteral("block"), block},
                                       {QStringLiteral("function"), function},
                                       {QStringLiteral("interpolation"), interpolation},
                                       {QStringLiteral("error"), error}})
        on(name, colour, diff);
    return pairs;
}

const ThemeColours &themeColours(bool dark)
{
    static const ThemeColours light = makeLight();
    static const ThemeColours darkColours = makeDark();
    return dark ? darkColours : light;
}

bool isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

const ThemeColours &currentThemeColours()
{
    return themeColours(isDarkPalette(QGuiApplication::palette()));
}

QString messageStyleSheet(MessageKind kind)
{
    const ThemeColours &colours = currentThemeColours();
    const QColor colour = kind == MessageKind::Error     ? colours.error
                          : kind == MessageKind::Warning ? colours.warning
                                                         : colours.success;
    return QStringLiteral("color: %1;").arg(colour.name());
}

QPalette themePalette(bool dark)
{
    return makePalette(dark);
}

void applyTheme(ThemeChoice choice)
{
    if (!systemLook())
        systemLook() = SystemLook{QApplication::style()->name(), QGuiApplication::palette()};
    applied() = choice;
    if (choice == ThemeChoice::System) {
        const SystemLook &look = *systemLook();
        if (QApplication::style()->name() != look.style)
            QApplication::setStyle(look.style);
        QApplication::setPalette(look.palette);
        return;
    }
    if (QApplication::style()->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive) != 0)
        QApplication::setStyle(QStringLiteral("Fusion"));
    QApplication::setPalette(makePalette(choice == ThemeChoice::Dark));
}

ThemeChoice appliedTheme()
{
    return applied();
}

QString themeName(ThemeChoice choice)
{
    switch (choice) {
    case ThemeChoice::Light:
        return QStringLiteral("light");
    case ThemeChoice::Dark:
        return QStringLiteral("dark");
    case ThemeChoice::System:
        break;
    }
    return QStringLiteral("system");
}

ThemeChoice themeFromName(const QString &name)
{
    if (name == QLatin1String("light"))
        return ThemeChoice::Light;
    if (name == QLatin1String("dark"))
        return ThemeChoice::Dark;
    return ThemeChoice::System;
}

double contrastRatio(const QColor &a, const QColor &b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace kanri::ui
