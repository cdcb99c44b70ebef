#pragma once

#include "ui/widgets/specfieldeditor.h"

class InstanceCatalog;
class QLabel;
class QLineEdit;
class QStandardItemModel;
class QToolButton;
class QTreeView;

// The training instance type: type to search the catalog (by name, family, accelerator such as "a100", or
// specs such as "8 vcpu", "64 gib"), pick from a list grouped by family that shows vCPUs, memory and
// accelerators, or type a name the catalog does not know yet (ml.<series>.<size>), which is marked
// "not in catalog". The specs of the chosen type are shown beside the field.
//
// Keyboard: typing filters and opens the list; Down (or F4, Alt+Down) opens the whole list; Up/Down move,
// Enter picks, Escape closes. Children: "instanceTypeEdit", "instanceTypeBrowse", "instanceTypeSummary",
// "instanceTypePopup" (the list, a popup window).
class InstanceTypePicker : public SpecFieldEditor
{
    Q_OBJECT

public:
    enum class Status { Empty, InCatalog, NotInCatalog, Malformed };

    explicit InstanceTypePicker(
        const QString &pathPrefix = QStringLiteral("ResourceConfig.InstanceType"), QWidget *parent = nullptr);
    // For tests and other catalogs; the catalog must outlive the picker.
    void setCatalog(const InstanceCatalog *catalog);

    QString instanceType() const;
    // Does not emit changed() or instanceTypeChosen().
    void setInstanceType(const QString &name);
    Status status() const;

    bool isPopupVisible() const;
    // The types the open list shows, in order (family headings left out).
    QStringList listedTypes() const;

    QJsonValue toJson() const override; // the name, or Undefined when empty
    void setJson(const QJsonValue &value) override;
    void showDiagnostics(const Diagnostics &diagnostics) override;
    bool focusPath(const QString &path) override;

public slots:
    // Opens the list filtered by query (all types when empty), the current type selected.
    void showPopup(const QString &query = QString());
    void hidePopup();

signals:
    // A type was picked from the list, or a well-formed name was confirmed with Enter.
    void instanceTypeChosen(const QString &name);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fillModel(const QString &query);
    void choose(const QString &name);
    void chooseCurrent();
    void updateSummary();

    const InstanceCatalog *m_catalog;
    QLineEdit *m_edit;
    QToolButton *m_browse;
    QLabel *m_summary;
    QTreeView *m_popup;
    QStandardItemModel *m_model;
    Diagnostics m_diagnostics;
};
