#pragma once

#include <QHash>
#include <QJsonObject>
#include <QWidget>

class DescribeView;
class MessageBanner;
class ModelBrowser;
class ModelListModel;
class QAction;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
class UserPrompts;
struct AwsError;

// The Models page: the connection's models in a table (name, creation time, ARN) with a name filter, the
// selected model's DescribeModel answer beside it, and the actions Refresh (F5), Clone into the model form
// (Ctrl+D), Export JSON (Ctrl+Shift+E), Copy ARN (Ctrl+Shift+C) and Delete (Del, after a confirmation).
// Every request goes through the ModelBrowser; failures show in a banner with code, message and request id.
class ModelsPage : public QWidget
{
    Q_OBJECT

public:
    // browser must outlive the page; prompts nullptr means modal dialogs.
    explicit ModelsPage(ModelBrowser *browser, UserPrompts *prompts = nullptr, QWidget *parent = nullptr);
    ~ModelsPage() override;

    QString currentModel() const;
    // Selects the model's row; false when it is not listed.
    bool selectModel(const QString &name);
    // Selects the model, listing again first when it is not listed yet (a model the form just created).
    void openModel(const QString &name);

    // For tests and for the main window's File menu.
    QAction *refreshAction() const { return m_refresh; }
    QAction *deleteAction() const { return m_delete; }
    QAction *cloneAction() const { return m_clone; }
    QAction *exportAction() const { return m_export; }
    QAction *copyArnAction() const { return m_copyArn; }

public slots:
    void refresh();
    void deleteSelected();
    void cloneSelected();
    void exportSelected();
    void copySelectedArn();

signals:
    // Clone: the model's DescribeModel answer and its ListTags answer, for the model form's cloneFrom().
    void cloneRequested(const QJsonObject &description, const QJsonObject &tags);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void onListed();
    void onListFailed(const AwsError &error);
    void onSelectionChanged();
    void onDescribed(const QString &name, const QJsonObject &description);
    void updateActions();
    void updateCount();

    ModelBrowser *m_browser;
    UserPrompts *m_prompts;
    ModelListModel *m_model;
    QSortFilterProxyModel *m_proxy;
    MessageBanner *m_banner;
    QLineEdit *m_filter;
    QLabel *m_count;
    QTableView *m_table;
    QLabel *m_detailTitle;
    DescribeView *m_detail;
    QAction *m_refresh;
    QAction *m_delete;
    QAction *m_clone;
    QAction *m_export;
    QAction *m_copyArn;
    QHash<QString, QJsonObject> m_descriptions;
    QString m_pendingSelection; // openModel() of a model the next listing should have
    bool m_stale = true; // listed for another connection, or never
};
