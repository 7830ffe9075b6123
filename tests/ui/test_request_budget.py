"""The whole demo onboarding asks for each document once and stays close to the fewest requests it needs.

Counted at the transport with a round-trip delay (tests/ui/onboarding_requests.py), so requests
overlap as they do against the cloud. Before the shared site poller and the coalesced reads, the
wizard and the devices view each listed the devices, and opening the found logger read every one
of its documents twice (two loads raced): 23 to 24 requests where 15 do.
"""

from __future__ import annotations

from collections import Counter

from tests.ui.onboarding_requests import (
    MINIMUM,
    REPORT_MARKER,
    counted_total,
    explain_minimum,
    report,
    walk_demo_onboarding,
)

#: The guide's baseline listing and the waiting page's first one (moments apart, not at once), and the
#: found page's sensor read when the devices view's comes only after its answer. (The demo panel's
#: GET /connect-keys is gone: it takes the key the site step has just read, AppServices.connect_keys.)
KNOWN_EXTRAS = 2


def test_the_whole_onboarding_reads_each_document_once(qtbot, qloop) -> None:
    log = walk_demo_onboarding(qtbot)
    print("\n".join([REPORT_MARKER, *report(log), *explain_minimum()]))
    # one poller for the site: the devices view (10 s interval) got every listing of the waiting page
    # (20 ms here) while the logger joined, and no listing was sent for the view alone
    assert log.view_listings_while_waiting == log.wizard_listings_while_waiting >= 1
    assert Counter(log.of("waiting"))["GET /devices"] == log.wizard_listings_while_waiting
    assert max(log.most_in_flight.values()) == 1, log.most_in_flight  # never the same read twice at once
    sent = Counter(request for _phase, request in log.requests)
    # the logger's documents, read once for the devices view (each was read twice before)
    for document in ("GET /devices/{uuid}", "GET /devices/{uuid}/alarm-configuration"):
        assert sent[document] == 1, (document, log.requests)
    assert sent["GET /sensors/{uuid}/alarm-configuration"] == 1, log.requests
    assert sent["GET /connect-keys"] == 0, log.requests  # POST /connect-keys gave the key already
    minimum = sum(len(needed) for needed in MINIMUM.values())
    assert counted_total(log) <= minimum + KNOWN_EXTRAS, report(log)
