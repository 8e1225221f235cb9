#include "ui/main/restoreeditsdialog.h"

#include "diff/linediff.h"
#include "ui/diff/diffhighlighter.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace kanri::ui {

namespace {

QPlainTextEdit *diffPane(QWidget *parent)
{
    auto *view = new QPlainTextEdit(parent);
    view->setReadOnly(true);
    view->setLineWrapMode(QPlainTextEdit::NoWrap);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    new DiffHighlighter(view->document());
    return view;
}

// A unified diff whose two header lines say what each side is, not the path twice.
QString labelledDiff(const QString &path, const QByteArray &before, const QByteArray &after,
                     const QString &beforeLabel, const QString &afterLabel)
{
    QString text = QString::fromUtf8(diff::unifiedDiff(path, {before, after}));
    QStringList lines = text.split(QLatin1Char('\n'));
    if (lines.size() > 2 && lines.at(0).startsWith(QLatin1String("--- ")) &&
        lines.at(1).startsWith(QLatin1String("+++ "))) {
        lines[0] = QStringLiteral("--- %1 (%2)").arg(path, beforeLabel);
        lines[1] = QStringLiteral("+++ %1 (%2)").arg(path, afterLabel);
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

RestoreEditsDialog::RestoreEditsDialog(const QList<File> &files, const QDateTime &written,
                                       QWidget *parent)
    : QDialog(parent)
    , m_files(files)
    , m_list(new QListWidget(this))
    , m_diff(diffPane(this))
{
    setWindowTitle(tr("Restore Unsaved Edits"));
    auto *intro = new QLabel(
        tr("Kanri did not close normally the last time this workspace was open. It kept the "
           "unsaved edits of %n file(s) (last written %1). Restore them as unsaved edits?",
           nullptr, int(files.size()))
            .arg(QLocale().toString(written, QLocale::ShortFormat)),
        this);
    intro->setWordWrap(true);
    for (const File &file : files) {
        auto *item = new QListWidgetItem(file.path, m_list);
        item->setToolTip(file.path);
        if (file.changedOnDisk) {
            item->setToolTip(file.path + QLatin1Char('\n') +
                             tr("This file changed on disk since those edits began."));
            item->setText(tr("%1 (changed on disk since)").arg(file.path));
        }
    }
    connect(m_list, &QListWidget::currentRowChanged, this, &RestoreEditsDialog::showFile);
    m_list->setTextElideMode(Qt::ElideLeft); // the file name is the end of the path
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *split = new QSplitter(this);
    split->addWidget(m_list);
    split->addWidget(m_diff);
    split->setStretchFactor(1, 3);
    split->setSizes({320, 560});

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *restore = buttons->addButton(tr("&Restore"), QDialogButtonBox::AcceptRole);
    QPushButton *discard = buttons->addButton(tr("&Discard"), QDialogButtonBox::DestructiveRole);
    QPushButton *later = buttons->addButton(tr("Decide &Later"), QDialogButtonBox::RejectRole);
    restore->setDefault(true);
    connect(restore, &QPushButton::clicked, this, [this] { done(Restore); });
    connect(discard, &QPushButton::clicked, this, [this] { done(Discard); });
    connect(later, &QPushButton::clicked, this, [this] { done(Later); });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(split, 1);
    layout->addWidget(buttons);
    resize(900, 560);
    m_list->setCurrentRow(0);
}

void RestoreEditsDialog::showFile(int row)
{
    if (row < 0 || row >= m_files.size()) {
        m_diff->clear();
        return;
    }
    const File &file = m_files.at(row);
    m_diff->setPlainText(
        labelledDiff(file.path, file.current, file.restored, tr("now"), tr("to restore")));
}

DiskConflictDialog::DiskConflictDialog(const QString &path, const std::optional<QByteArray> &theirs,
                                       const QByteArray &mine, QWidget *parent)
    : QDialog(parent)
    , m_diff(diffPane(this))
{
    setWindowTitle(tr("File Changed on Disk"));
    auto *text = new QLabel(
        theirs ? tr("%1 was changed by another program since Kanri read it, and it has unsaved "
                    "edits here. Saving would overwrite the other change.")
                     .arg(path)
               : tr("%1 was removed by another program since Kanri read it, and it has unsaved "
                    "edits here.")
                     .arg(path),
        this);
    text->setWordWrap(true);
    text->setTextFormat(Qt::PlainText);
    // Theirs against mine: what saving would do to the file as it is now.
    m_diff->setPlainText(labelledDiff(path, theirs.value_or(QByteArray()), mine,
                                      tr("on disk, theirs"), tr("unsaved, mine")));
    m_diff->setVisible(false);

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *keep = buttons->addButton(tr("&Keep Mine"), QDialogButtonBox::AcceptRole);
    QPushButton *take = buttons->addButton(tr("&Take Theirs"), QDialogButtonBox::DestructiveRole);
    QPushButton *both = buttons->addButton(tr("&Show Both"), QDialogButtonBox::ActionRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    keep->setToolTip(tr("Save the unsaved edits over the other program's change."));
    take->setToolTip(tr("Drop the unsaved edits of this file and use it as it is on disk "
                        "(Edit ▸ Undo brings them back)."));
    both->setCheckable(true);
    both->setObjectName(QStringLiteral("showBoth"));
    connect(keep, &QPushButton::clicked, this, [this] { done(KeepMine); });
    connect(take, &QPushButton::clicked, this, [this] { done(TakeTheirs); });
    connect(both, &QPushButton::toggled, this, [this](bool on) {
        m_diff->setVisible(on);
        if (on)
            resize(width(), std::max(height(), 520));
    });
    connect(buttons, &QDialogButtonBox::rejected, this, [this] { done(Cancel); });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addWidget(m_diff, 1);
    layout->addWidget(buttons);
    resize(760, 200);
}

} // namespace kanri::ui
