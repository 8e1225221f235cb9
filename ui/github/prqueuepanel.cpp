#include "ui/github/prqueuepanel.h"

#include "ui/theme/theme.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace kanri::ui {

namespace {

enum Column { Number, Title, Repository, Author, Branches, Status, ColumnCount };
constexpr int keyRole = Qt::UserRole + 1;

} // namespace

PrQueuePanel::PrQueuePanel(QWidget *parent)
    : QWidget(parent)
    , m_filter(new QComboBox(this))
    , m_state(new QLabel(this))
    , m_view(new QTreeWidget(this))
    , m_refresh(new QPushButton(tr("Refresh"), this))
    , m_open(new QPushButton(tr("Open"), this))
    , m_offline(new QPushButton(tr("Make available offline"), this))
    , m_progress(new QProgressBar(this))
    , m_progressText(new QLabel(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
{
    setObjectName(QStringLiteral("prQueuePanel"));
    m_filter->addItem(tr("Review requested"), int(Filter::ReviewRequested));
    m_filter->addItem(tr("Authored by me"), int(Filter::Authored));
    m_filter->addItem(tr("All open"), int(Filter::AllOpen));
    m_filter->setCurrentIndex(2);
    m_state->setObjectName(QStringLiteral("prQueueState"));
    m_state->setWordWrap(true);
    m_view->setColumnCount(ColumnCount);
    m_view->setHeaderLabels(
        {tr("#"), tr("Title"), tr("Repository"), tr("Author"), tr("Branches"), tr("Status")});
    m_view->setRootIsDecorated(false);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(Number, Qt::AscendingOrder);
    m_view->header()->setSectionResizeMode(Title, QHeaderView::Stretch);
    m_view->header()->setStretchLastSection(false);
    m_progress->setVisible(false);
    m_progressText->setVisible(false);
    m_cancel->setVisible(false);
    m_offline->setToolTip(tr("Fetch the selected pull requests' commits, files and comments so "
                             "that they can be reviewed without a network"));

    auto *top = new QHBoxLayout;
    top->addWidget(m_filter);
    top->addWidget(m_refresh);
    top->addStretch(1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_open);
    buttons->addWidget(m_offline);
    buttons->addStretch(1);
    auto *progress = new QHBoxLayout;
    progress->addWidget(m_progressText, 1);
    progress->addWidget(m_progress, 1);
    progress->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_state);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);
    layout->addLayout(progress);

    connect(m_filter, &QComboBox::currentIndexChanged, this, &PrQueuePanel::rebuild);
    connect(m_refresh, &QPushButton::clicked, this, &PrQueuePanel::refreshRequested);
    connect(m_cancel, &QPushButton::clicked, this, &PrQueuePanel::cancelRequested);
    connect(m_open, &QPushButton::clicked, this, [this] {
        const auto keys = selectedPulls();
        if (!keys.isEmpty())
            Q_EMIT openRequested(keys.first().first, keys.first().second);
    });
    connect(m_offline, &QPushButton::clicked, this, [this] {
        const auto keys = selectedPulls();
        if (!keys.isEmpty())
            Q_EMIT makeOfflineRequested(keys);
    });
    connect(m_view, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const auto key = item->data(Number, keyRole).toStringList();
        Q_EMIT openRequested(key.value(0), key.value(1).toInt());
    });
    connect(m_view, &QTreeWidget::itemSelectionChanged, this, &PrQueuePanel::updateButtons);
    setConnection(Connection::Unknown, tr("Not loaded yet."));
    updateButtons();
}

void PrQueuePanel::setRows(const QList<PrQueueRow> &rows)
{
    const QList<PullKey> selected = selectedPulls();
    m_rows = rows;
    rebuild();
    for (const PullKey &key : selected)
        selectPull(key.first, key.second);
}

void PrQueuePanel::setUser(const QString &login)
{
    m_login = login;
    // Without a user there is nobody to filter for.
    if (login.isEmpty())
        setFilter(Filter::AllOpen);
    rebuild();
}

void PrQueuePanel::setFilter(Filter filter)
{
    m_filter->setCurrentIndex(m_filter->findData(int(filter)));
}

PrQueuePanel::Filter PrQueuePanel::filter() const
{
    return Filter(m_filter->currentData().toInt());
}

void PrQueuePanel::rebuild()
{
    m_view->setSortingEnabled(false);
    m_view->clear();
    const Filter f = filter();
    for (const PrQueueRow &row : m_rows) {
        if ((f == Filter::ReviewRequested && !row.reviewRequested) ||
            (f == Filter::Authored && !row.authored))
            continue;
        auto *item = new QTreeWidgetItem(m_view);
        item->setData(Number, Qt::DisplayRole, row.pull.number);
        item->setData(Number, keyRole,
                      QStringList{row.repository, QString::number(row.pull.number)});
        item->setText(Title, row.pull.title);
        item->setToolTip(Title, row.pull.htmlUrl);
        item->setText(Repository, row.repository);
        item->setText(Author, row.pull.author);
        item->setText(Branches, tr("%1 → %2").arg(row.pull.headRef, row.pull.baseRef));
        QStringList status;
        if (row.pull.draft)
            status << tr("draft");
        if (row.reviewRequested)
            status << tr("review requested");
        if (row.offline)
            status << tr("offline ✓");
        if (row.pending > 0)
            status << tr("%n pending", nullptr, row.pending);
        item->setText(Status, status.join(QStringLiteral(", ")));
    }
    m_view->setSortingEnabled(true);
    for (int c = 0; c < ColumnCount; ++c)
        if (c != Title)
            m_view->resizeColumnToContents(c);
    updateButtons();
}

void PrQueuePanel::setConnection(Connection state, const QString &message)
{
    m_connection = state;
    QString prefix;
    switch (state) {
    case Connection::Unknown:
        break;
    case Connection::Loading:
        prefix = tr("Loading…");
        break;
    case Connection::Online:
        prefix = tr("Online.");
        break;
    case Connection::Offline:
        prefix = tr("Offline: showing the pull requests made available offline.");
        break;
    case Connection::Error:
        prefix = tr("GitHub answered with an error:");
        break;
    }
    m_state->setText(message.isEmpty()
                         ? prefix
                         : (prefix.isEmpty() ? message : prefix + QLatin1Char(' ') + message));
    m_state->setStyleSheet(state == Connection::Offline || state == Connection::Error
                               ? messageStyleSheet(MessageKind::Warning) +
                                     QStringLiteral(" font-style: italic;")
                               : QString());
}

QString PrQueuePanel::connectionText() const
{
    return m_state->text();
}

void PrQueuePanel::setProgress(const QString &text, int done, int total)
{
    m_progressText->setText(text);
    m_progressText->setVisible(true);
    m_progress->setRange(0, qMax(0, total));
    m_progress->setValue(done);
    m_progress->setVisible(true);
    m_cancel->setVisible(true);
    updateButtons();
}

void PrQueuePanel::clearProgress(const QString &message)
{
    m_progress->setVisible(false);
    m_cancel->setVisible(false);
    m_progressText->setText(message);
    m_progressText->setVisible(!message.isEmpty());
    updateButtons();
}

bool PrQueuePanel::isBusy() const
{
    return m_cancel->isVisible();
}

QList<PrQueuePanel::PullKey> PrQueuePanel::selectedPulls() const
{
    QList<PullKey> keys;
    for (const QTreeWidgetItem *item : m_view->selectedItems()) {
        const auto key = item->data(Number, keyRole).toStringList();
        keys.append({key.value(0), key.value(1).toInt()});
    }
    return keys;
}

void PrQueuePanel::selectPull(const QString &repository, int number)
{
    for (int i = 0; i < m_view->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_view->topLevelItem(i);
        const auto key = item->data(Number, keyRole).toStringList();
        if (key.value(0) == repository && key.value(1).toInt() == number)
            item->setSelected(true);
    }
}

int PrQueuePanel::visibleRowCount() const
{
    return m_view->topLevelItemCount();
}

void PrQueuePanel::updateButtons()
{
    const bool selected = !m_view->selectedItems().isEmpty();
    m_open->setEnabled(selected);
    m_offline->setEnabled(selected && !isBusy());
    m_refresh->setEnabled(!isBusy());
}

} // namespace kanri::ui
