#pragma once

#include "core/IntegrationProfile.h"

#include <QAbstractTableModel>
#include <QList>

namespace rmsam {

class ProfileService;

// The integration profiles as a table: Display Name, Status, Region, Connection URL.
class ProfileListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        StatusColumn,
        RegionColumn,
        UrlColumn,
        ColumnCount,
    };
    static constexpr int ProfileIdRole = Qt::UserRole + 1;

    explicit ProfileListModel(ProfileService& service, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    int rowOf(qint64 profileId) const;
    QString lastError() const { return m_lastError; }

public slots:
    void reload();

private:
    ProfileService& m_service;
    QList<IntegrationProfile> m_profiles;
    QString m_lastError;
};

} // namespace rmsam
