#include "roadmunk/PagedFetcher.h"

#include "roadmunk/RoadmunkClient.h"
#include "roadmunk/RoadmunkData.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace rmsam {
namespace {

// A server that keeps answering "empty page, but there is more" would loop for ever.
constexpr int MaxEmptyPagesWithMore = 3;

} // namespace

PagedFetcher::PagedFetcher(
    RoadmunkClient* client, QString rootField, RequestFactory makeRequest, Options options, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_rootField(std::move(rootField))
    , m_makeRequest(std::move(makeRequest))
    , m_options(options)
{
    m_options.pageSize = qMax(1, m_options.pageSize);
    m_firstLimit = m_options.pageSize;
    m_options.maxInFlight = qMax(1, m_options.maxInFlight);
    m_options.maxRows = qBound(1, m_options.maxRows, Options::AbsoluteMaxRows);
}

void PagedFetcher::setPageSink(PageSink sink)
{
    m_sink = std::move(sink);
}

void PagedFetcher::start()
{
    // The first page alone: it tells the page size the server really serves.
    request(0);
}

void PagedFetcher::cancel()
{
    if (m_done) {
        return;
    }
    m_client->abortAll();
    fail(
        Error { ErrorCode::Cancelled, QCoreApplication::translate("rmsam::PagedFetcher", "Cancelled."), {} });
}

void PagedFetcher::request(int offset)
{
    m_inFlight.insert(offset);
    m_spans.insert(offset, InFlight);
    ++m_requests;
    m_client->execute(m_makeRequest(m_options.pageSize, offset), [this, offset](Result<QJsonObject> result) {
        m_inFlight.remove(offset);
        if (m_done) {
            return;
        }
        if (!result) {
            fail(result.error());
            return;
        }
        received(offset, result.value().value(m_rootField).toObject());
    });
}

void PagedFetcher::received(int offset, const QJsonObject& page)
{
    if (!page.value(QLatin1String("page")).isArray()) {
        fail(Error { ErrorCode::ProtocolError,
            QCoreApplication::translate(
                "rmsam::PagedFetcher", "Roadmunk's answer did not contain the %1 list.")
                .arg(m_rootField),
            QStringLiteral("offset %1: no %2.page").arg(offset).arg(m_rootField) });
        return;
    }
    const QJsonArray rows = page.value(QLatin1String("page")).toArray();
    const QJsonValue more = page.value(QLatin1String("hasMore"));
    if (!more.isBool()) {
        fail(Error { ErrorCode::ProtocolError,
            QCoreApplication::translate("rmsam::PagedFetcher",
                "Roadmunk's %1 listing did not say whether more rows follow, so it cannot be read "
                "safely. Nothing was changed; try again later.")
                .arg(m_rootField),
            QStringLiteral("offset %1: hasMore is %2, not a boolean").arg(offset).arg(more.type()) });
        return;
    }
    const bool hasMore = more.toBool();
    if (auto checked = checkRows(offset, rows); !checked) {
        fail(checked.error());
        return;
    }
    if (!keep(offset, rows)) {
        return;
    }
    if (offset == 0 && hasMore && rows.size() > 0 && rows.size() < m_options.pageSize) {
        // The server caps pages below our limit: step by what it serves.
        m_options.pageSize = int(rows.size());
    }
    if (!hasMore) {
        if (rows.isEmpty()) {
            // An empty last page only says the listing ends at or before this offset.
            m_emptyEnd = m_emptyEnd < 0 ? offset : qMin(m_emptyEnd, offset);
        } else {
            m_lastPageEnd = qMax(m_lastPageEnd, offset + int(rows.size()));
        }
    } else if (rows.isEmpty() && ++m_emptyPagesWithMore > MaxEmptyPagesWithMore) {
        fail(Error { ErrorCode::ProtocolError,
            QCoreApplication::translate("rmsam::PagedFetcher",
                "Roadmunk kept answering with empty pages that say more follow. Try "
                "again later."),
            QStringLiteral("%1 empty pages with hasMore at offset %2")
                .arg(m_emptyPagesWithMore)
                .arg(offset) });
        return;
    }
    if (m_rowsReceived > m_options.maxRows) {
        fail(Error { ErrorCode::ProtocolError,
            QCoreApplication::translate("rmsam::PagedFetcher",
                "Roadmunk's %1 listing went on past %2 rows, more than this account can hold, so it "
                "was stopped. Nothing was changed; try again later, and tell Roadmunk's support if "
                "it keeps happening.")
                .arg(m_rootField)
                .arg(m_options.maxRows),
            QStringLiteral("%1 rows received at offset %2, bound %3")
                .arg(m_rowsReceived)
                .arg(offset)
                .arg(m_options.maxRows) });
        return;
    }
    emit progress(int(m_pages.size()), m_rowsReceived);
    schedule();
}

bool PagedFetcher::keep(int offset, const QJsonArray& rows)
{
    m_rowsReceived += int(rows.size()) - int(m_pages.value(offset).size());
    m_spans.insert(offset, int(rows.size()));
    if (!m_sink) {
        // Kept as the page's array: one compact container, not an object per row.
        m_pages.insert(offset, rows);
        return true;
    }
    if (auto taken = m_sink(offset, rows); !taken) {
        fail(taken.error());
        return false;
    }
    QJsonArray ids;
    for (const QJsonValue& row : rows) {
        ids.append(QJsonObject { { QStringLiteral("id"), row.toObject().value(QLatin1String("id")) } });
    }
    m_pages.insert(offset, ids);
    return true;
}

Result<void> PagedFetcher::checkRows(int offset, const QJsonArray& rows)
{
    const auto broken = [&](const QString& why) {
        return Error { ErrorCode::ProtocolError,
            QCoreApplication::translate("rmsam::PagedFetcher",
                "Roadmunk's %1 listing is inconsistent (%2), so it cannot be used safely. Nothing "
                "was changed; try again later.")
                .arg(m_rootField, why),
            QStringLiteral("offset %1: %2").arg(offset).arg(why) };
    };
    QSet<QString> inPage;
    int repeated = 0;
    for (const QJsonValue& row : rows) {
        const QString id = RoadmunkData::idOf(row.toObject().value(QLatin1String("id")));
        if (id.isEmpty()) {
            return broken(QCoreApplication::translate("rmsam::PagedFetcher", "a row without a valid id"));
        }
        if (inPage.contains(id)) {
            return broken(QCoreApplication::translate("rmsam::PagedFetcher", "the id %1 twice in one page")
                              .arg(id.left(64)));
        }
        inPage.insert(id);
        repeated += m_seen.contains(id) ? 1 : 0;
    }
    // Rows shift between pages when users join or leave, so some overlap is normal; a page of
    // nothing but rows already received is a server that ignores the offset.
    if (!rows.isEmpty() && repeated == rows.size() && !m_pages.contains(offset)) {
        return broken(QCoreApplication::translate(
            "rmsam::PagedFetcher", "the page at offset %1 repeats rows already received")
                          .arg(offset));
    }
    m_seen.unite(inPage);
    return {};
}

int PagedFetcher::firstGap()
{
    // The lowest offset not covered by a received page or a request in flight. Everything
    // below m_receivedUpTo is received, and no page is longer than the first limit asked
    // for, so only the spans from just below it need a look: this stays cheap on long runs.
    int covered = m_receivedUpTo;
    bool allReceived = true;
    for (auto it = m_spans.lowerBound(qMax(0, m_receivedUpTo - m_firstLimit)); it != m_spans.cend(); ++it) {
        if (it.key() > covered) {
            break;
        }
        const bool inFlight = it.value() == InFlight;
        const int end = it.key() + (inFlight ? m_options.pageSize : it.value());
        if (end > covered) {
            covered = end;
            allReceived = allReceived && !inFlight;
            if (allReceived) {
                m_receivedUpTo = covered;
            }
        }
    }
    return covered;
}

int PagedFetcher::end() const
{
    return m_lastPageEnd >= 0 ? m_lastPageEnd : m_emptyEnd;
}

void PagedFetcher::schedule()
{
    while (m_inFlight.size() < m_options.maxInFlight) {
        const int gap = firstGap();
        const int total = end();
        if (total >= 0 && gap >= total) {
            break; // everything up to the end is received or on its way
        }
        if (m_inFlight.contains(gap) || m_pages.contains(gap)) {
            break; // an empty page in the middle: wait for the others to tell where the end is
        }
        // Pages in flight count as covering a full page, so this is either the next page or a
        // hole a short page left behind.
        request(gap);
    }
    const int total = end();
    if (m_inFlight.isEmpty() && total >= 0 && firstGap() >= total) {
        complete();
    } else if (m_inFlight.isEmpty()) {
        // Nothing left to ask, yet the end is unknown or not covered: the listing is broken.
        fail(Error { ErrorCode::ProtocolError,
            QCoreApplication::translate(
                "rmsam::PagedFetcher", "Roadmunk's %1 listing could not be read to its end. Try again later.")
                .arg(m_rootField),
            QStringLiteral("stuck at offset %1, end %2").arg(firstGap()).arg(total) });
    }
}

void PagedFetcher::fail(const Error& error)
{
    if (m_done) {
        return;
    }
    m_done = true;
    m_client->abortAll();
    emit finished(error);
}

void PagedFetcher::complete()
{
    m_done = true;
    PagedListing listing;
    listing.requests = m_requests;
    QSet<QString> seen;
    seen.reserve(m_rowsReceived);
    for (QJsonArray& page : m_pages) {
        for (qsizetype i = 0; i < page.size();) {
            const QString id = RoadmunkData::idOf(page.at(i).toObject().value(QLatin1String("id")));
            if (seen.contains(id)) {
                ++listing.duplicates;
                page.removeAt(i);
                continue;
            }
            seen.insert(id);
            ++i;
        }
        listing.rowCount += int(page.size());
        listing.pages.append(std::move(page));
    }
    m_pages.clear();
    listing.shifted = listing.duplicates > 0 || listing.rowCount != end();
    emit finished(listing);
}

} // namespace rmsam
