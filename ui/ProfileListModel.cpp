#include "ProfileListModel.h"

#include "services/ProfileService.h"

namespace rmsam {

ProfileListModel::ProfileListModel(ProfileService& service, QObject* parent)
    : QAbstractTableModel(parent)
    , m_service(service)
{
    connect(&m_service, &ProfileService::profilesChanged, this, &ProfileListModel::reload);
    reload();
}

void ProfileListModel::reload()
{
    auto profiles = m_service.list();
    beginResetModel();
    if (profiles) {
        m_profiles = profiles.value();
        m_lastError.clear();
    } else {
        m_lastError = profiles.error().message;
    }
    endResetModel();
}

int ProfileListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_profiles.size());
}

int ProfileListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProfileListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_profiles.size()) {
        return {};
    }
    const IntegrationProfile& p = m_profiles.at(index.row());
    if (role == ProfileIdRole) {
        return p.id;
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole) {
        return {};
    }
    switch (index.column()) {
    case NameColumn:
        return p.displayName;
    case StatusColumn:
        return statusDisplayName(p.status);
    case RegionColumn:
        return p.endpointOverride.isEmpty() ? Regions::displayName(p.region) : tr("Sandbox");
    case UrlColumn:
        return p.connectionUrl().toString();
    }
    return {};
}

QVariant ProfileListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case NameColumn:
        return tr("Display Name");
    case StatusColumn:
        return tr("Status");
    case RegionColumn:
        return tr("Region");
    case UrlColumn:
        return tr("Connection URL");
    }
    return {};
}

int ProfileListModel::rowOf(qint64 profileId) const
{
    for (int row = 0; row < m_profiles.size(); ++row) {
        if (m_profiles.at(row).id == profileId) {
            return row;
        }
    }
    return -1;
}

} // namespace rmsam
