#include "ui/main/servicedetailspanel.h"

#include "items/containersmodel.h"
#include "items/quantityvalidator.h"
#include "platform/session.h"
#include "ui/main/tableview.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

namespace kanri::ui {

QWidget *ContainerValueDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                              const QModelIndex &index) const
{
    if (index.data(items::ContainersModel::QuantityRole).toBool()) {
        auto *edit = new QLineEdit(parent);
        edit->setValidator(new items::QuantityValidator(edit));
        edit->setPlaceholderText(tr("e.g. 250m, 0.5, 512Mi"));
        edit->setFrame(false);
        return edit;
    }
    const QVariant value = index.data(Qt::EditRole);
    if (value.typeId() == QMetaType::Int || value.typeId() == QMetaType::LongLong) {
        auto *spin = new QSpinBox(parent);
        spin->setRange(0, 1000000);
        spin->setFrame(false);
        return spin;
    }
    return QStyledItemDelegate::createEditor(parent, option, index);
}

void ContainerValueDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    if (auto *spin = qobject_cast<QSpinBox *>(editor)) {
        spin->setValue(index.data(Qt::EditRole).toInt());
        return;
    }
    if (auto *edit = qobject_cast<QLineEdit *>(editor);
        edit && index.data(items::ContainersModel::QuantityRole).toBool()) {
        edit->setText(index.data(Qt::EditRole).toString());
        return;
    }
    QStyledItemDelegate::setEditorData(editor, index);
}

void ContainerValueDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                          const QModelIndex &index) const
{
    if (auto *spin = qobject_cast<QSpinBox *>(editor)) {
        model->setData(index, spin->value());
        return;
    }
    if (auto *edit = qobject_cast<QLineEdit *>(editor);
        edit && index.data(items::ContainersModel::QuantityRole).toBool()) {
        // An unfinished quantity ("1e") goes to the model, which refuses it with a message.
        model->setData(index, edit->text());
        return;
    }
    QStyledItemDelegate::setModelData(editor, model, index);
}

ServiceDetailsPanel::ServiceDetailsPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("ServiceDetailsPanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *top = new QHBoxLayout;
    m_title = new QLabel;
    m_title->setTextFormat(Qt::PlainText);
    m_allEnvironments = new QCheckBox(tr("Edit all environments (writes the base)"));
    m_allEnvironments->setToolTip(
        tr("Write an edit into the base, and into every overlay that overrides the field, "
           "instead of into the one environment of the cell"));
    top->addWidget(m_title, 1);
    top->addWidget(m_allEnvironments);
    layout->addLayout(top);
    m_table = new TableView;
    m_table->setAccessibleName(tr("Containers"));
    m_table->setItemDelegate(new ContainerValueDelegate(m_table));
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_table);
    connect(m_allEnvironments, &QCheckBox::toggled, this, [this](bool all) {
        if (m_model)
            m_model->setScope(all ? platform::EnvScope::AllEnvironments
                                  : platform::EnvScope::ThisEnvironment);
    });
    updateTitle();
}

void ServiceDetailsPanel::setSession(platform::Session *session)
{
    m_table->setModel(nullptr);
    delete m_model;
    m_model = nullptr;
    m_session = session;
    if (session) {
        m_model = new items::ContainersModel(session, this);
        m_model->setScope(m_allEnvironments->isChecked() ? platform::EnvScope::AllEnvironments
                                                         : platform::EnvScope::ThisEnvironment);
        connect(m_model, &items::ContainersModel::editFailed, this,
                &ServiceDetailsPanel::editFailed);
        m_table->setModel(m_model);
    }
    updateTitle();
}

void ServiceDetailsPanel::setService(int service)
{
    if (!m_model)
        return;
    m_model->setService(service);
    m_table->resizeColumnsToContents();
    updateTitle();
}

int ServiceDetailsPanel::service() const
{
    return m_model ? m_model->service() : -1;
}

void ServiceDetailsPanel::updateTitle()
{
    const int s = service();
    if (!m_session || s < 0) {
        m_title->setText(tr("Select a service to see its containers."));
        return;
    }
    const platform::Service &svc = m_session->catalog().services.at(s);
    m_title->setText(tr("%1 — containers per environment (owner %2)")
                         .arg(svc.name, svc.team.isEmpty() ? tr("nobody") : svc.team));
}

} // namespace kanri::ui
