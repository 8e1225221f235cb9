#pragma once

#include <QStyledItemDelegate>
#include <QWidget>

class QCheckBox;
class QLabel;
class QTableView;

namespace kanri::platform {
class Session;
}

namespace kanri::items {
class ContainersModel;
}

namespace kanri::ui {

// Editors for the containers table: quantities get a line edit with a QuantityValidator (a
// wrong character is refused as it is typed), whole numbers a spin box, the rest the default.
class ContainerValueDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override;
};

// One service's containers per environment (image tag, requests and limits, env vars), edited
// in place. Follows the session's edits, undo and redo; reports refused edits with editFailed.
class ServiceDetailsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ServiceDetailsPanel(QWidget *parent = nullptr);

    void setSession(platform::Session *session);
    // The row of the service in the session's catalog; -1 shows nothing.
    void setService(int service);
    int service() const;

    QTableView *table() const { return m_table; }
    items::ContainersModel *model() const { return m_model; }
    QCheckBox *allEnvironments() const { return m_allEnvironments; }

Q_SIGNALS:
    void editFailed(const QString &message);

private:
    void updateTitle();

    platform::Session *m_session = nullptr;
    items::ContainersModel *m_model = nullptr;
    QLabel *m_title = nullptr;
    QCheckBox *m_allEnvironments = nullptr;
    QTableView *m_table = nullptr;
};

} // namespace kanri::ui
