"""Stored match lists: what the API, the listing pages and the match notices read.

Every published listing has its best `LIST_SIZE` matches stored (`StoredMatch`, scores and
the shared terms, ranked by score, text similarity, then the newer listing first) and a
`MatchList` row saying the list exists. A read is one indexed query; the explanation is
written when read, in the reader's language, from the stored shared terms.

The lists follow the exchange as it changes, inside the transaction of the change:

- **publish** (`listing_entered`): the listing's own list is computed (`matching.rank`); the
  listing is also scored in the frame of each of its candidates (the idf of its own kind,
  as the candidate's list is computed) and goes into the lists it now belongs to: when it
  beats their last entry, or when a list is shorter than `LIST_SIZE` and complete. A full
  list then drops its last entry.
- **edit, expiry** (`listing_left`): its list goes, it leaves the lists holding it, and
  those become `stale`: their entries are still the best of what remains, in order, but the
  listings that would now fill their tail are unknown. A stale list is read as it is while
  it holds what is asked for, recomputed when a read needs more, and recomputed in the
  background (`lists_refresh`, Celery beat).
- A published listing without a list (published before this existed, or after a failed
  rebuild) gets it computed on its first read.
- `manage.py rebuild_matches` recomputes every list at once (`exchange/match_batch.py`).

API limits above `LIST_SIZE` are computed on the fly (`matching.cached_matches`).
"""

import json
from collections import defaultdict

from django.db import connection, transaction
from django.utils import timezone

from core.rows import from_columns
from research.models import Organisation

from . import matching
from .matching import Match, Scored
from .models import Listing, MatchList, StoredMatch

LIST_SIZE = 20
REFRESH_BATCH = 200


# Reads ---------------------------------------------------------------------------------------


# Plain SQL: the ORM's query (select_related, only) took twice as long to write as the
# database to answer.
STORED_SQL = """
SELECT m.score, m.text_similarity, m.shared, m.fits, o.id, o.kind, o.external_id, o.title, g.id, g.name, g.short_name
FROM exchange_storedmatch m
JOIN exchange_listing o ON o.id = m.other_id
LEFT JOIN research_organisation g ON g.id = o.organisation_id
WHERE m.listing_id = %s AND o.status = %s
ORDER BY m.score DESC, m.text_similarity DESC, m.other_id DESC
LIMIT %s
"""


def _json(value):
    return json.loads(value) if isinstance(value, str) else value


def _stored(listing: Listing, limit: int) -> list[StoredMatch]:
    """The first `limit` entries of the listing's stored list whose other listing is published,
    with what is shown of it (kind, external id, title, organisation's names)."""
    with connection.cursor() as cursor:
        cursor.execute(STORED_SQL, [listing.pk, Listing.Status.PUBLISHED, limit])
        rows = cursor.fetchall()
    stored = []
    for score, similarity, shared, fits, pk, kind, external_id, title, org_pk, org_name, org_short in rows:
        entry = StoredMatch(score=score, text_similarity=similarity, shared=_json(shared), fits=_json(fits))
        entry.other = from_columns(
            Listing, id=pk, kind=kind, external_id=external_id, title=title, organisation_id=org_pk
        )
        if org_pk is not None:
            entry.other.organisation = from_columns(Organisation, id=org_pk, name=org_name, short_name=org_short)
        stored.append(entry)
    return stored


def listing_matches(listing: Listing, limit: int = 10) -> list[Match]:
    """The best matches of a published listing, best first, with their explanations (offers
    for a request, requests for an offer): one query when the stored list holds them."""
    if listing.status != Listing.Status.PUBLISHED:
        return []
    if limit > LIST_SIZE:
        return matching.cached_matches(listing, limit)
    rows = _stored(listing, limit)
    if len(rows) < limit and not MatchList.objects.filter(listing=listing, stale=False).exists():
        list_compute(listing)
        rows = _stored(listing, limit)
    return [
        Match(
            listing=row.other,
            score=row.score,
            text_similarity=row.text_similarity,
            reasons=matching.reasons_for(row.text_similarity, row.shared, row.fits),
        )
        for row in rows
    ]


# Writes --------------------------------------------------------------------------------------


def _entry(listing: Listing, scored: Scored) -> StoredMatch:
    return StoredMatch(
        listing=listing,
        other=scored.other,
        score=scored.score,
        text_similarity=scored.text_similarity,
        shared=matching.shared_terms(
            scored.shared, matching.listing_text(listing), matching.listing_text(scored.other)
        ),
        fits=scored.fits,
    )


def _store(listing: Listing, scored: list[Scored]) -> None:
    StoredMatch.objects.filter(listing=listing).delete()
    # ignore_conflicts: a publish committing meanwhile may have put itself into this list.
    StoredMatch.objects.bulk_create([_entry(listing, item) for item in scored[:LIST_SIZE]], ignore_conflicts=True)
    MatchList.objects.update_or_create(listing=listing, defaults={"computed_at": timezone.now(), "stale": False})


@transaction.atomic
def list_compute(listing: Listing) -> None:
    """(Re)compute and store the list of a published listing."""
    scored, _reverse = matching.rank(listing)
    _store(listing, scored)


@transaction.atomic
def listing_entered(listing: Listing) -> None:
    """A listing was just published (and indexed): its own list, and its place in the lists
    of the listings it matches."""
    scored, reverse = matching.rank(listing, reverse=True)
    _store(listing, scored)
    _enter_lists(listing, reverse)


def _enter_lists(listing: Listing, reverse: list[tuple[Listing, Scored]]) -> None:
    holders = dict(
        MatchList.objects.filter(listing_id__in=[other.pk for other, _s in reverse]).values_list("listing_id", "stale")
    )
    entries = defaultdict(list)
    rows = StoredMatch.objects.filter(listing_id__in=list(holders)).values_list(
        "listing_id", "score", "text_similarity", "other_id", "pk"
    )
    for listing_id, *entry in rows:
        entries[listing_id].append(tuple(entry))
    added, dropped = [], []
    for other, scored in reverse:
        if other.pk not in holders:
            continue  # no list yet: computed in full when first read
        current = entries[other.pk]
        last = min(current, default=None)
        complete = len(current) < LIST_SIZE and not holders[other.pk]
        if not complete and (last is None or (scored.score, scored.text_similarity, listing.pk) <= last[:3]):
            continue
        added.append(_entry(other, scored))
        if len(current) >= LIST_SIZE:
            dropped.append(last[3])
    StoredMatch.objects.filter(pk__in=dropped).delete()
    StoredMatch.objects.bulk_create(added, ignore_conflicts=True)


@transaction.atomic
def listing_left(listing: Listing) -> None:
    """A listing is no longer published (edited, expired): its list goes, and it leaves the
    lists of others, which become stale."""
    StoredMatch.objects.filter(listing=listing).delete()
    MatchList.objects.filter(listing=listing).delete()
    holders = list(StoredMatch.objects.filter(other=listing).values_list("listing_id", flat=True))
    StoredMatch.objects.filter(other=listing).delete()
    MatchList.objects.filter(listing_id__in=holders).update(stale=True)


def lists_refresh(*, batch: int = REFRESH_BATCH) -> int:
    """Recompute up to `batch` stale lists (their tails); returns how many. Safe to run twice."""
    done = 0
    for pk in list(MatchList.objects.filter(stale=True).values_list("listing_id", flat=True)[:batch]):
        listing = Listing.objects.filter(pk=pk, status=Listing.Status.PUBLISHED).first()
        if listing is None:
            MatchList.objects.filter(listing_id=pk).delete()
        else:
            list_compute(listing)
        done += 1
    return done
