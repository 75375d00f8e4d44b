"""Every stored match list at once (`manage.py rebuild_matches`), with sparse matrices.

One listing at a time (`matching.rank`) costs a few hundred milliseconds at 100,000 listings:
hours for all. Here each side's TF-IDF vectors are a sparse matrix (listings × terms, from
the `Posting` rows) and the text part of every score is a matrix product, computed for a
block of query listings at a time:

- the terms held by at most `MAX_DF_SHARE` of the target listings (the specific terms, as
  candidates are chosen one at a time) give a product (sparse targets × dense block) whose
  non-zero cells are the candidates: every listing sharing a specific term, with no cap on
  their number;
- the few common terms add their part as a small dense product, so the cosine of every
  candidate is exact;
- a bound on the score from the cosine alone (`_least_cosine`) leaves out, per query, the
  candidates that cannot reach its best `LIST_SIZE`; field, TRL and transfer-mode fits of
  the others are array operations, the score is `matching.combined_score`, and each query
  keeps its best `LIST_SIZE` (same ordering as the stored lists). The shared terms of the
  kept pairs come from an element-wise product.

Everything is written in one transaction: readers see the old lists until it commits, and a
failure leaves them as they were.
"""

import json
from dataclasses import dataclass

import numpy as np
from django.db import connection, transaction
from django.utils import timezone
from scipy import sparse

from . import matching
from .match_lists import LIST_SIZE
from .matching import MAX_DF_SHARE, combined_score
from .models import Listing, MatchList, StoredMatch, TransferMode

BLOCK = 200  # query listings per product: a block is BLOCK × (target listings) dense cells


@dataclass
class Side:
    """The published listings of one kind: ids, term frequencies and what the fits need."""

    ids: np.ndarray
    tf: sparse.csr_matrix
    field: np.ndarray  # field id, 0 when unknown
    group: np.ndarray  # level-1 group (first digit of the field code), 0 when unknown
    trl: np.ndarray  # 0 when unknown
    modes: np.ndarray  # bit mask of transfer modes, 0 when none
    mode_ids: list[int]  # the transfer mode of each bit
    texts: list[str]  # title, keywords and description: the shared terms are shown as written


def _side(kind: str, vocabulary: dict[str, int]) -> Side:
    rows = list(
        Listing.objects.filter(status=Listing.Status.PUBLISHED, kind=kind)
        .order_by("pk")
        .values_list("pk", "field_id", "field__code", "trl", "title", "keywords", "description")
    )
    ids = np.array([row[0] for row in rows], dtype=np.int64)
    position = {pk: i for i, pk in enumerate(ids.tolist())}
    mode_ids = list(TransferMode.objects.order_by("pk").values_list("pk", flat=True))
    bits = {pk: 1 << i for i, pk in enumerate(mode_ids)}
    modes = np.zeros(len(ids), dtype=np.int64)
    through = Listing.transfer_modes.through.objects.filter(
        listing__status=Listing.Status.PUBLISHED, listing__kind=kind
    )
    for listing_id, mode_id in through.values_list("listing_id", "transfermode_id").iterator(chunk_size=20000):
        modes[position[listing_id]] |= bits[mode_id]
    cells, columns, values = [], [], []
    with connection.cursor() as cursor:
        cursor.execute("SELECT listing_id, term, tf FROM exchange_posting WHERE kind = %s", [kind])
        while chunk := cursor.fetchmany(50000):
            for listing_id, term, tf in chunk:
                if listing_id in position:
                    cells.append(position[listing_id])
                    columns.append(vocabulary.setdefault(term, len(vocabulary)))
                    values.append(tf)
    tf = sparse.csr_matrix((values, (cells, columns)), shape=(len(ids), 0 if not columns else max(columns) + 1))
    return Side(
        ids=ids,
        tf=tf,
        field=np.array([row[1] or 0 for row in rows], dtype=np.int64),
        group=np.array([int(row[2][:1]) if row[2] else 0 for row in rows], dtype=np.int64),
        trl=np.array([row[3] or 0 for row in rows], dtype=np.int64),
        modes=modes,
        mode_ids=mode_ids,
        texts=[f"{title} {keywords} {description}" for *_ids, title, keywords, description in rows],
    )


def _widen(matrix: sparse.csr_matrix, width: int) -> sparse.csr_matrix:
    return sparse.csr_matrix((matrix.data, matrix.indices, matrix.indptr), shape=(matrix.shape[0], width))


def _fits(query: Side, target: Side, q: np.ndarray, t: np.ndarray, query_is_request: bool) -> tuple:
    """Field, TRL and mode fit scores of the pairs (q[i], t[i]), as `matching.fit_cases` and
    `matching.fit_score` give them."""
    qf, tf = query.field[q], target.field[t]
    field = np.where(
        (qf == 0) | (tf == 0), 0.5, np.where(qf == tf, 1.0, np.where(query.group[q] == target.group[t], 0.5, 0.0))
    )
    request_trl, offer_trl = (query.trl[q], target.trl[t]) if query_is_request else (target.trl[t], query.trl[q])
    trl = np.where(
        (request_trl == 0) | (offer_trl == 0),
        0.5,
        np.where(offer_trl >= request_trl, 1.0, np.where(offer_trl == request_trl - 1, 0.5, 0.0)),
    )
    qm, tm = query.modes[q], target.modes[t]
    modes = np.where((qm == 0) | (tm == 0), 0.5, np.where((qm & tm) != 0, 1.0, 0.0))
    return field, trl, modes


class _Frame:
    """Query listings of one kind against the target listings of the other: the target's idf."""

    def __init__(self, query: Side, target: Side, query_is_request: bool):
        self.query, self.target, self.query_is_request = query, target, query_is_request
        total = len(target.ids)
        df = np.bincount(target.tf.indices, minlength=query.tf.shape[1]).astype(np.float64)
        idf = np.log((total + 1) / (df + 1)) + 1.0
        self.query_w = query.tf @ sparse.diags(idf)
        self.target_w = (target.tf @ sparse.diags(idf)).tocsr()
        self.query_norm = np.sqrt(np.asarray(self.query_w.multiply(self.query_w).sum(axis=1)).ravel())
        self.query_norm[self.query_norm == 0] = 1.0
        self.target_norm = np.sqrt(np.asarray(self.target_w.multiply(self.target_w).sum(axis=1)).ravel())
        self.target_norm[self.target_norm == 0] = 1.0
        specific = (df > 0) & (df <= max(3, MAX_DF_SHARE * total))
        self.query_specific = self.query_w[:, np.flatnonzero(specific)].tocsr()
        self.target_specific = self.target_w[:, np.flatnonzero(specific)].tocsr()
        common = np.flatnonzero((df > 0) & ~specific)  # few: a dense product
        self.query_common = self.query_w[:, common].tocsr().astype(np.float32)
        self.target_common_t = self.target_w[:, common].T.toarray().astype(np.float32)

    def _cosines(self, start: int, stop: int) -> tuple[np.ndarray, np.ndarray]:
        """The cosine of every (query of the block, target) pair, dense, and which are candidates."""
        # sparse targets × dense block: costs the targets' postings × block size, whatever the overlap
        dots = (self.target_specific @ self.query_specific[start:stop].toarray().T).T
        candidate = dots > 0
        if self.target_common_t.size:
            common = self.query_common[start:stop] @ self.target_common_t
            # A query without any specific term: every target sharing a common term is a candidate.
            lacking = ~candidate.any(axis=1)
            candidate[lacking] = common[lacking] > 0
            dots = dots + common
        cosine = dots / np.outer(self.query_norm[start:stop], self.target_norm)
        return np.clip(cosine, 0.0, 1.0, out=cosine), candidate

    def best(self, start: int, stop: int):
        """The best LIST_SIZE targets of each query of the block: (q, t, score, cosine)."""
        cosine, candidate = self._cosines(start, stop)
        q, t = np.nonzero(candidate & (cosine >= _least_cosine(cosine, candidate)[:, None]))
        cosine = cosine[q, t]
        q += start
        score = combined_score(cosine, *_fits(self.query, self.target, q, t, self.query_is_request))
        score = np.round(np.minimum(score, 1.0), 4)
        cosine_shown = np.round(cosine, 4)
        order = np.lexsort((-self.target.ids[t], -cosine_shown, -score, q))
        q, t, score, cosine_shown = q[order], t[order], score[order], cosine_shown[order]
        first = np.searchsorted(q, q, side="left")
        keep = (np.arange(len(q)) - first) < LIST_SIZE
        return q[keep], t[keep], score[keep], cosine_shown[keep]

    def explanations(self, q: np.ndarray, t: np.ndarray, terms: np.ndarray) -> list[tuple[str, str]]:
        """What explains each pair (q[i], t[i]): the shared terms shown (`matching.shared_terms`)
        and its fits (`matching.fit_cases`), as JSON."""
        products = self.query_w[q].multiply(self.target_w[t]).tocsr()
        found = []
        for i, (a, b) in enumerate(zip(q.tolist(), t.tolist(), strict=True)):
            begin, end = products.indptr[i], products.indptr[i + 1]
            weights = dict(
                zip(terms[products.indices[begin:end]].tolist(), products.data[begin:end].tolist(), strict=True)
            )
            shown = matching.shared_terms(weights, self.query.texts[a], self.target.texts[b])
            shared = json.dumps(shown, ensure_ascii=False)
            found.append((shared, json.dumps(self._fit_cases(a, b))))
        return found

    def _fit_cases(self, a: int, b: int) -> dict:
        query, target = self.query, self.target
        field_a, field_b = int(query.field[a]), int(target.field[b])
        field = None
        if field_a and field_b:
            same_group = query.group[a] == target.group[b]
            field = ["same" if field_a == field_b else "group" if same_group else "other", field_a, field_b]
        request, offer = (int(query.trl[a]), int(target.trl[b]))[:: 1 if self.query_is_request else -1]
        trl = None
        if request and offer:
            trl = ["meets" if offer >= request else "below" if offer == request - 1 else "short", offer, request]
        modes = None
        if query.modes[a] and target.modes[b]:
            both = int(query.modes[a] & target.modes[b])
            shared = [pk for bit, pk in enumerate(query.mode_ids) if both >> bit & 1]
            modes = ["shared", shared] if shared else ["none"]
        return {"field": field, "trl": trl, "modes": modes}


def _least_cosine(cosine: np.ndarray, candidate: np.ndarray) -> np.ndarray:
    """Per row, a cosine below which a candidate cannot be among the row's best LIST_SIZE.

    A score lies between its text part alone (every fit 0) and its text part with every fit
    at 1, and both rise with the cosine. The LIST_SIZE-th highest cosine of a row gives a
    floor under its last kept score; a pair whose score with every fit at 1 stays under that
    floor is out. Found by bisection, per row (1e-4 of slack: scores are rounded).
    """
    k = min(LIST_SIZE, cosine.shape[1])
    kth = -np.partition(-np.where(candidate, cosine, -1.0), k - 1, axis=1)[:, k - 1]
    floor = combined_score(np.clip(kth, 0.0, 1.0), 0.0, 0.0, 0.0) - 1e-4
    low, high = np.zeros_like(floor), np.ones_like(floor)
    for _step in range(30):
        middle = (low + high) / 2
        above = combined_score(middle, 1.0, 1.0, 1.0) >= floor
        high, low = np.where(above, middle, high), np.where(above, low, middle)
    return low


def _write(rows: list[tuple]) -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            columns = "listing_id, other_id, score, text_similarity, shared, fits"
            copy_sql = f"COPY exchange_storedmatch ({columns}) FROM STDIN"
            with cursor.cursor.copy(copy_sql) as copy:
                for row in rows:
                    copy.write_row(row)
        return
    StoredMatch.objects.bulk_create(
        [
            StoredMatch(listing_id=a, other_id=b, score=s, text_similarity=c, shared=json.loads(j), fits=json.loads(f))
            for a, b, s, c, j, f in rows
        ],
        batch_size=2000,
    )


def _frames() -> tuple[list[_Frame], np.ndarray, np.ndarray]:
    vocabulary: dict[str, int] = {}
    offers = _side(Listing.Kind.OFFER, vocabulary)
    requests = _side(Listing.Kind.REQUEST, vocabulary)
    width = len(vocabulary)
    offers.tf, requests.tf = _widen(offers.tf, width), _widen(requests.tf, width)
    terms = np.array(sorted(vocabulary, key=vocabulary.get), dtype=object)
    frames = [_Frame(requests, offers, query_is_request=True), _Frame(offers, requests, query_is_request=False)]
    return frames, terms, np.concatenate([offers.ids, requests.ids])


@transaction.atomic
def lists_rebuild(*, block: int = BLOCK) -> int:
    """Recompute every published listing's stored list; returns the entries written."""
    frames, terms, published = _frames()
    StoredMatch.objects.all().delete()
    MatchList.objects.all().delete()
    written = 0
    for frame in frames:
        for start in range(0, len(frame.query.ids) if len(frame.target.ids) else 0, block):
            q, t, score, cosine = frame.best(start, min(start + block, len(frame.query.ids)))
            ids = (frame.query.ids[q].tolist(), frame.target.ids[t].tolist(), score.tolist(), cosine.tolist())
            rows = [(*row, *why) for *row, why in zip(*ids, frame.explanations(q, t, terms), strict=True)]
            _write(rows)
            written += len(rows)
    now = timezone.now()
    MatchList.objects.bulk_create(
        [MatchList(listing_id=pk, computed_at=now) for pk in published.tolist()], batch_size=5000
    )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE exchange_storedmatch, exchange_matchlist")
    return written


__all__ = ["lists_rebuild"]
