#pragma once

#include "core/Result.h"
#include "roadmunk/Queries.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QObject>
#include <QSet>
#include <functional>

namespace rmsam {

class RoadmunkClient;

// Everything one listing returned, de-duplicated by id, in offset order.
struct PagedListing
{
    QList<QJsonArray> pages; // rows are the objects in them
    int rowCount = 0;
    int requests = 0;
    int duplicates = 0; // the same id seen at two offsets: the listing moved while we read it
    bool shifted = false;
};

// Reads an offset-paged Roadmunk listing (`users`, `roadmaps`) with a few requests in flight.
// The server may cap a page below the limit asked for while `hasMore` is true, so coverage is
// tracked by rows received: any gap left by a short page is requested again. The end is known
// from the first page that says `hasMore: false`.
//
// Every listing terminates and is checked as it arrives: a `hasMore` that is not a boolean, a
// row without a well-formed id, an id twice in one page, a page that only repeats rows already
// received (a server ignoring `offset`) or more rows than Options::maxRows fail the listing with
// a message that says so; nothing of a failed listing is used.
class PagedFetcher : public QObject
{
    Q_OBJECT

public:
    using RequestFactory = std::function<GraphQlRequest(int limit, int offset)>;
    struct Options
    {
        static constexpr int AbsoluteMaxRows = 300'000;
        int pageSize = 100;
        int maxInFlight = 4;
        int maxRows = AbsoluteMaxRows; // more than this fails the listing
    };

    PagedFetcher(RoadmunkClient* client, QString rootField, RequestFactory makeRequest, Options options,
        QObject* parent = nullptr);

    // Hands each page's rows on as soon as it arrives and passes the checks, so the caller can
    // store them while the rest downloads; a sink that fails fails the listing. The finished
    // listing then keeps only each row's id (its pages hold {"id": …} objects): duplicates are
    // still counted, but the rows are the sink's. A page received again at the same offset is
    // handed on again and replaces the first.
    using PageSink = std::function<Result<void>(int offset, const QJsonArray& rows)>;
    void setPageSink(PageSink sink);

    void start();
    void cancel();

signals:
    void progress(int pagesDone, int rowsReceived);
    void finished(const rmsam::Result<rmsam::PagedListing>& result);

private:
    void schedule();
    void request(int offset);
    void received(int offset, const QJsonObject& page);
    Result<void> checkRows(int offset, const QJsonArray& rows);
    bool keep(int offset, const QJsonArray& rows); // false: the listing failed
    int firstGap();
    int end() const; // total rows once known, else -1
    void fail(const Error& error);
    void complete();

    RoadmunkClient* m_client;
    QString m_rootField;
    RequestFactory m_makeRequest;
    Options m_options;
    PageSink m_sink;

    static constexpr int InFlight = -1;
    QMap<int, QJsonArray> m_pages; // offset → rows received there
    QMap<int, int> m_spans; // offset → rows received there, or InFlight
    int m_receivedUpTo = 0; // every row below this offset is received
    int m_rowsReceived = 0;
    int m_firstLimit = 0;
    QSet<int> m_inFlight;
    QSet<QString> m_seen; // ids received so far
    int m_lastPageEnd = -1; // offset + rows of a non-empty page that said hasMore: false
    int m_emptyEnd = -1; // lowest offset of an empty page that said hasMore: false
    int m_requests = 0;
    int m_emptyPagesWithMore = 0;
    bool m_done = false;
};

} // namespace rmsam
