#!/usr/bin/env python3
"""The simplest client an admin would write: the pages `roadmunk-sam sync` reads, one at a time.

    RMSAM_BENCH_TOKEN=... sequential_client.py ENDPOINT DOCUMENTS.json

DOCUMENTS.json holds the GraphQL requests the app sends ({"users": {...}, "roadmaps": {...}},
each with operationName, query and variables; rmsam-bench writes it from Queries::usersPage and
Queries::roadmapsPage, so the documents cannot drift from the app's). The token comes from the
environment, never from the command line, and is never printed. Nothing is stored: the script
reads every users page, then every roadmaps page, until hasMore is false, and prints how many
rows and requests it read. It is rmsam-bench's peer for `sync` (issue #15).
"""

import json
import os
import sys
import urllib.request


def read_listing(endpoint, token, field, document):
    """Reads one offset-paged listing; returns (rows, requests)."""
    offset = 0
    requests = 0
    while True:
        variables = dict(document["variables"], offset=offset)
        body = json.dumps(
            {
                "query": document["query"],
                "operationName": document["operationName"],
                "variables": variables,
            }
        ).encode("utf-8")
        request = urllib.request.Request(
            endpoint,
            data=body,
            headers={
                "Content-Type": "application/json",
                "Accept": "application/json",
                "Authorization": "Bearer " + token,
            },
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            answer = json.load(response)
        requests += 1
        listing = answer["data"][field]
        offset += len(listing["page"])
        if not listing["hasMore"] or not listing["page"]:
            return offset, requests


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: RMSAM_BENCH_TOKEN=... sequential_client.py ENDPOINT DOCUMENTS.json")
    token = os.environ.get("RMSAM_BENCH_TOKEN")
    if not token:
        sys.exit("RMSAM_BENCH_TOKEN is not set")
    endpoint = sys.argv[1]
    with open(sys.argv[2], encoding="utf-8") as f:
        documents = json.load(f)
    users, user_requests = read_listing(endpoint, token, "users", documents["users"])
    roadmaps, roadmap_requests = read_listing(endpoint, token, "roadmaps", documents["roadmaps"])
    print(f"users {users} roadmaps {roadmaps} requests {user_requests + roadmap_requests}")


if __name__ == "__main__":
    main()
