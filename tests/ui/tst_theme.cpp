// Kanri's light and dark themes (ui/theme): every text colour Kanri uses reads at a WCAG
// contrast ratio of at least 4.5:1 on each background it is painted on, in both themes; the
// themes apply to the application and "system" goes back to the platform's palette.

#include "ui/theme/theme.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QTest>

using namespace kanri;

class TestTheme : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void contrastRatioIsWcags();
    void everyTextColourReads_data();
    void everyTextColourReads();
    void choosingAThemeAppliesIt();
    void namesRoundTrip();
};

void TestTheme::contrastRatioIsWcags()
{
    QCOMPARE(qRound(ui::contrastRatio(Qt::black, Qt::white) * 100), 2100);
    QCOMPARE(ui::contrastRatio(Qt::white, Qt::white), 1.0);
    // #767676 on white is the classic 4.54:1.
    QCOMPARE(qRound(ui::contrastRatio(QColor(0x76, 0x76, 0x76), Qt::white) * 100), 454);
}

void TestTheme::everyTextColourReads_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("the light theme's colours read") << false;
    QTest::newRow("the dark theme's colours read") << true;
}

void TestTheme::everyTextColourReads()
{
    QFETCH(bool, dark);
    const ui::ThemeColours &colours = ui::themeColours(dark);
    QCOMPARE(colours.dark, dark);
    const QPalette palette = ui::themePalette(dark);
    QCOMPARE(ui::isDarkPalette(palette), dark);
    const auto pairs = colours.textPairs(palette);
    QVERIFY(pairs.size() > 60); // the palette roles, messages, and syntax on every diff line
    QStringList low;
    for (const auto &pair : pairs) {
        const double ratio = ui::contrastRatio(pair.foreground, pair.background);
        if (ratio < 4.5)
            low << QStringLiteral("%1: %2 on %3 is %4:1")
                       .arg(pair.name, pair.foreground.name(), pair.background.name())
                       .arg(ratio, 0, 'f', 2);
    }
    QVERIFY2(low.isEmpty(), qPrintable(low.join(QLatin1Char('\n'))));
}

void TestTheme::choosingAThemeAppliesIt()
{
    const QPalette system = QGuiApplication::palette();
    ui::applyTheme(ui::ThemeChoice::Dark);
    QVERIFY(ui::isDarkPalette(QGuiApplication::palette()));
    QVERIFY(ui::currentThemeColours().dark);
    QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
    QCOMPARE(QGuiApplication::palette().color(QPalette::Base),
             ui::themePalette(true).color(QPalette::Base));
    ui::applyTheme(ui::ThemeChoice::Light);
    QVERIFY(!ui::isDarkPalette(QGuiApplication::palette()));
    QVERIFY(!ui::currentThemeColours().dark);
    ui::applyTheme(ui::ThemeChoice::System);
    QCOMPARE(QGuiApplication::palette().color(QPalette::Window), system.color(QPalette::Window));
    QCOMPARE(ui::appliedTheme(), ui::ThemeChoice::System);
    QCOMPARE(ui::currentThemeColours().dark, ui::isDarkPalette(system));
}

void TestTheme::namesRoundTrip()
{
    for (auto choice : {ui::ThemeChoice::Light, ui::ThemeChoice::Dark, ui::ThemeChoice::System})
        QCOMPARE(ui::themeFromName(ui::themeName(choice)), choice);
    QCOMPARE(ui::themeFromName(QStringLiteral("purple")), ui::ThemeChoice::System);
}

QTEST_MAIN(TestTheme)
#include "tst_theme.moc"
