"""Matchmaking: for a request, the offers that may answer it (and for an offer, the requests).

Method
------
1. **Text** — every published listing is indexed when it is published (`index_listing`,
   called by the publish service, so a new listing is matchable at once): its folded terms
   (syllables, syllable bigrams such as "xu ly" / "nuoc thai", and synonym concepts such as
   "~nuoc_thai" for "chất thải lỏng"; see `exchange.text`) go into `Posting` rows with
   tf = 1 + log(count) (title and keywords count twice), and `TermStat` keeps how many
   listings of each kind hold each term. The text similarity of two listings is the cosine
   of their TF-IDF vectors, idf = log((N + 1) / (df + 1)) + 1 over the listings searched.
2. **Field** — same level-2 field 1, same level-1 group 0.5, different 0; unknown 0.5.
3. **TRL fit** — a request's TRL is the minimum it wants: an offer at or above it 1, one
   level below 0.5, lower 0; unknown 0.5.
4. **Transfer modes** — at least one shared mode 1, none shared 0; unknown 0.5.

score = 0.6 · √cosine + r · (0.2 · field + 0.1 · TRL + 0.1 · modes), in 0..1, where
r = min(1, cosine / 0.1): field, TRL and modes count in full only between listings whose
texts are related, so two listings of one field about different things do not outrank a
listing about the same thing in another field.

Candidates are the listings sharing the query's most specific terms (at most
`CANDIDATE_TERMS` terms held by at most `MAX_DF_SHARE` of the listings), then up to
`CANDIDATES` of them are scored exactly (`rank`). Every result carries its explanation in
the reader's language: the shared terms (as written in the listing), the field, the TRL and
the modes; the fits are kept as data (`fit_cases`) and the sentences written when read.

Reads do not compute: each published listing's best matches are stored
(exchange/match_lists.py: `StoredMatch`, read in one query), kept by the publish, edit and
expiry services in their own transaction (a new listing is scored in its candidates' frames
and enters their lists when it beats their last entry), and rebuilt all at once by
`manage.py rebuild_matches` with sparse matrices (exchange/match_batch.py: same score, no
cap on candidates). `compute_matches` computes on the fly: a list not stored yet, and API
limits longer than the stored lists.
"""

import math
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Case, F, FloatField, Sum, Value, When
from django.db.models.functions import Greatest
from django.utils.translation import gettext as _

from core.cache import public_data_version
from core.text import fold

from .models import Listing, Posting, TermStat
from .selectors import reference_data
from .text import CONCEPT_PHRASES, term_counts

WEIGHT_TEXT, WEIGHT_FIELD, WEIGHT_TRL, WEIGHT_MODES = 0.6, 0.2, 0.1, 0.1
CANDIDATE_TERMS = 16
CANDIDATES = 150
MAX_DF_SHARE = 0.2
STRONG_MATCH = 0.6
EXPLAIN_TERMS = 8
TEXT_RELEVANT = 0.1


@dataclass
class Reason:
    """One part of an explanation: what it is about, a sentence, and how much it added."""

    kind: str  # "terms" | "field" | "trl" | "modes"
    text: str
    score: float
    terms: list[str] = field(default_factory=list)


@dataclass
class Match:
    listing: Listing
    score: float
    text_similarity: float
    reasons: list[Reason]

    @property
    def explanation(self) -> str:
        return " ".join(reason.text for reason in self.reasons)


# Index ---------------------------------------------------------------------------------------


def listing_terms(listing: Listing) -> dict[str, float]:
    return term_counts(
        listing.title, listing.keywords, listing.description, title=listing.title, keywords=listing.keywords
    )


def _idf(df: int, total: int) -> float:
    return math.log((total + 1) / (df + 1)) + 1.0


def _published_count(kind: str) -> int:
    return Listing.objects.filter(status=Listing.Status.PUBLISHED, kind=kind).count()


def _change_df(kind: str, terms, delta: int) -> None:
    terms = list(terms)
    if not terms:
        return
    existing = set(TermStat.objects.filter(kind=kind, term__in=terms).values_list("term", flat=True))
    TermStat.objects.filter(kind=kind, term__in=existing).update(df=Greatest(F("df") + delta, Value(0)))
    if delta > 0:
        TermStat.objects.bulk_create(
            [TermStat(kind=kind, term=term, df=delta) for term in terms if term not in existing],
            ignore_conflicts=True,
        )


@transaction.atomic
def unindex_listing(listing: Listing) -> None:
    old_terms = list(Posting.objects.filter(listing=listing).values_list("term", flat=True))
    if old_terms:
        Posting.objects.filter(listing=listing).delete()
        _change_df(listing.kind, old_terms, -1)


@transaction.atomic
def index_listing(listing: Listing) -> None:
    """(Re)write a published listing's terms; a listing that is not published is removed."""
    unindex_listing(listing)
    if listing.status != Listing.Status.PUBLISHED:
        return
    tfs = listing_terms(listing)
    Posting.objects.bulk_create([Posting(listing=listing, kind=listing.kind, term=t, tf=w) for t, w in tfs.items()])
    _change_df(listing.kind, tfs, +1)
    listing.term_norm = _norm(tfs, listing.kind)
    Listing.objects.filter(pk=listing.pk).update(term_norm=listing.term_norm)


def _other_kind(kind: str) -> str:
    return Listing.Kind.REQUEST if kind == Listing.Kind.OFFER else Listing.Kind.OFFER


def _norm(tfs: dict[str, float], kind: str, *, dfs: dict[str, int] | None = None, total: int | None = None) -> float:
    total = _published_count(kind) if total is None else total
    if dfs is None:
        dfs = dict(TermStat.objects.filter(kind=kind, term__in=list(tfs)).values_list("term", "df"))
    return math.sqrt(sum((w * _idf(dfs.get(t, 0), total)) ** 2 for t, w in tfs.items())) or 1.0


def index_rebuild(*, batch: int = 2000) -> int:
    """Recompute the whole index (after a bulk import); returns the listings indexed."""
    kinds = [Listing.Kind.OFFER, Listing.Kind.REQUEST]
    all_tfs: dict[str, dict[int, dict[str, float]]] = {}
    dfs: dict[str, dict[str, int]] = {}
    with transaction.atomic():
        for k in kinds:
            Posting.objects.filter(kind=k).delete()
            TermStat.objects.filter(kind=k).delete()
            rows = Listing.objects.filter(status=Listing.Status.PUBLISHED, kind=k).only(
                "pk", "title", "keywords", "description"
            )
            all_tfs[k] = {listing.pk: listing_terms(listing) for listing in rows.iterator(chunk_size=batch)}
            dfs[k] = defaultdict(int)
            for tfs in all_tfs[k].values():
                for term in tfs:
                    dfs[k][term] += 1
            TermStat.objects.bulk_create([TermStat(kind=k, term=t, df=n) for t, n in dfs[k].items()], batch_size=batch)
        for k in kinds:
            postings, norms = [], []
            for pk, tfs in all_tfs[k].items():
                postings.extend(Posting(listing_id=pk, kind=k, term=t, tf=w) for t, w in tfs.items())
                norms.append(Listing(pk=pk, term_norm=_norm(tfs, k, dfs=dfs[k], total=len(all_tfs[k]))))
                if len(postings) > 20 * batch:
                    Posting.objects.bulk_create(postings, batch_size=batch)
                    postings = []
            Posting.objects.bulk_create(postings, batch_size=batch)
            Listing.objects.bulk_update(norms, ["term_norm"], batch_size=batch)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # fresh statistics, or the planner misjudges postings
            # (and, after a bulk load, the listings' modes: a guess of thousands of rows for ten
            # listings' modes makes it start parallel workers for every match list read)
            cursor.execute("ANALYZE exchange_posting, exchange_termstat, exchange_listing_transfer_modes")
    return sum(len(tfs) for tfs in all_tfs.values())


# Scoring -------------------------------------------------------------------------------------


# Field, TRL and modes fits are data (a case and ids, `fit_cases`), stored with a match and
# written as sentences when read, in the reader's language (`_fit_reason`).
FIT_SCORES = {"same": 1.0, "group": 0.5, "other": 0.0, "meets": 1.0, "below": 0.5, "short": 0.0}
FIT_SCORES |= {"shared": 1.0, "none": 0.0}
UNKNOWN_FIT = 0.5


def _field_case(a: Listing, b: Listing) -> list | None:
    if not a.field_id or not b.field_id:
        return None
    if a.field_id == b.field_id:
        return ["same", a.field_id, b.field_id]
    return ["group" if a.field.code[:1] == b.field.code[:1] else "other", a.field_id, b.field_id]


def _trl_case(request: Listing, offer: Listing) -> list | None:
    if not request.trl or not offer.trl:
        return None
    if offer.trl >= request.trl:
        return ["meets", offer.trl, request.trl]
    return ["below" if offer.trl == request.trl - 1 else "short", offer.trl, request.trl]


def _modes_case(a: Listing, b: Listing) -> list | None:
    modes_a, modes_b = {m.pk for m in a.transfer_modes.all()}, {m.pk for m in b.transfer_modes.all()}
    if not modes_a or not modes_b:
        return None
    shared = sorted(modes_a & modes_b)
    return ["shared", shared] if shared else ["none"]


def fit_cases(query: Listing, other: Listing) -> dict[str, list | None]:
    """How the field, the TRL and the transfer modes of two listings fit (None: unknown)."""
    request, offer = (query, other) if query.kind == Listing.Kind.REQUEST else (other, query)
    return {"field": _field_case(query, other), "trl": _trl_case(request, offer), "modes": _modes_case(query, other)}


def fit_score(case: list | None) -> float:
    return UNKNOWN_FIT if case is None else FIT_SCORES[case[0]]


def _fit_reason(kind: str, case: list, reference: tuple[dict, dict]) -> Reason | None:
    fields, modes = reference
    score, name = FIT_SCORES[case[0]], case[0]
    if kind == "field":
        a, b = fields.get(case[1]), fields.get(case[2])
        if a is None or b is None:
            return None
        texts = {
            "same": lambda: _("Cùng lĩnh vực %(field)s.") % {"field": a.label},
            "group": lambda: _("Cùng nhóm lĩnh vực %(group)s.") % {"group": (a.parent or a).label},
            "other": lambda: _("Khác lĩnh vực (%(a)s / %(b)s).") % {"a": a.label, "b": b.label},
        }
    elif kind == "trl":
        values = {"offer": case[1], "request": case[2]}
        texts = {
            "meets": lambda: _("Công nghệ đạt TRL %(offer)s, đáp ứng yêu cầu tối thiểu TRL %(request)s.") % values,
            "below": lambda: _("Công nghệ ở TRL %(offer)s, thấp hơn một bậc so với yêu cầu TRL %(request)s.") % values,
            "short": lambda: _("Công nghệ mới ở TRL %(offer)s, chưa đạt yêu cầu TRL %(request)s.") % values,
        }
    else:
        shared = sorted((modes[pk] for pk in case[1] if pk in modes), key=lambda m: m.order) if name == "shared" else []
        texts = {
            "shared": lambda: (
                _("Phương thức chuyển giao phù hợp: %(modes)s.") % {"modes": ", ".join(m.label for m in shared)}
            ),
            "none": lambda: _("Không có phương thức chuyển giao chung."),
        }
    return Reason(kind, texts[name](), score)


@lru_cache(maxsize=65536)  # a rebuild asks for the same terms of the same listing many times
def _written(term: str, text: str) -> str:
    from .highlight import find_original

    if term.startswith("~"):
        return next((found for phrase in CONCEPT_PHRASES.get(term, ()) if (found := find_original(text, phrase))), "")
    return find_original(text, term)


def shown_term(term: str, *texts: str) -> str:
    """A folded term as the listing writes it, accents included ("xu ly" → "xử lý")."""
    found = next((found for text in texts if (found := _written(term, text))), "")
    if found:
        return found
    return term[1:].replace("_", " ") if term.startswith("~") else term


def listing_text(listing: Listing) -> str:
    return f"{listing.title} {listing.keywords} {listing.description}"


def shared_terms(contributions: dict[str, float], query_text: str, other_text: str) -> dict[str, list[str]]:
    """The shared terms an explanation shows, as each listing writes them (what a stored match
    keeps): synonyms written differently first, then two-syllable words, then single syllables
    not already shown inside a shown word; at most five."""
    texts = (other_text, query_text)
    shown: list[str] = []
    chosen: list[str] = []
    covered: set[str] = set()
    for term, _weight in sorted(
        explainable(contributions).items(), key=lambda kv: (" " not in kv[0] and not kv[0].startswith("~"), -kv[1])
    ):
        if len(chosen) == 5:
            break
        if term.startswith("~"):
            mine, theirs = shown_term(term, texts[1]), shown_term(term, texts[0])
            if fold(mine) == fold(theirs) and set(fold(mine).split()) <= covered:
                continue  # already shown as a shared word
            text = f"“{theirs}”" if fold(mine) == fold(theirs) else f"“{mine}” ≈ “{theirs}”"
            covered.update(fold(mine).split() + fold(theirs).split())
        elif term in covered or any(word in covered or word.isdigit() for word in term.split()):
            continue
        else:
            text = f"“{shown_term(term, *texts)}”"
        covered.update(term.split())
        chosen.append(term)
        shown.append(text)
    return {"terms": chosen, "shown": shown}


def _terms_reason(shared: dict[str, list[str]], cosine: float) -> Reason:
    if not shared.get("shown"):
        return Reason("terms", _("Không có từ ngữ chung đáng kể."), 0.0)
    return Reason(
        "terms",
        _("Nội dung gần nhau (%(percent)s%%), cùng nói về %(terms)s.")
        % {"percent": round(cosine * 100), "terms": ", ".join(shared["shown"])},
        cosine,
        terms=list(shared["terms"]),
    )


def combined_score(cosine, field_score, trl_score, mode_score):
    """The score of the module docstring, from fits already computed; floats or numpy arrays
    (the batch rebuild, exchange/match_batch.py, scores with the same function)."""
    relevance = cosine / TEXT_RELEVANT
    relevance = min(1.0, relevance) if isinstance(relevance, float) else relevance.clip(max=1.0)
    return WEIGHT_TEXT * cosine**0.5 + relevance * (
        WEIGHT_FIELD * field_score + WEIGHT_TRL * trl_score + WEIGHT_MODES * mode_score
    )


@dataclass
class Scored:
    """A candidate scored for a query, before its explanation is written. `shared`: each shared
    term's part of the cosine's numerator (tf · idf of both sides)."""

    other: Listing
    score: float
    text_similarity: float
    shared: dict[str, float]
    fits: dict[str, list | None]

    def rank_key(self) -> tuple[float, float, int]:
        return (-self.score, -self.text_similarity, -self.other.pk)


def _score(query: Listing, other: Listing, cosine: float, shared: dict[str, float]) -> Scored:
    cosine = max(0.0, min(1.0, cosine))
    fits = fit_cases(query, other)
    score = combined_score(cosine, *(fit_score(case) for case in fits.values()))
    return Scored(other, round(min(1.0, score), 4), round(cosine, 4), shared, fits)


def explainable(shared: dict[str, float]) -> dict[str, float]:
    """The shared terms an explanation may show (see `shared_terms`: phrases and synonyms
    first, then single syllables, heaviest first)."""
    phrases = [t for t in shared if " " in t or t.startswith("~")]
    words = [t for t in shared if not (" " in t or t.startswith("~"))]
    kept = (
        sorted(phrases, key=lambda t: -shared[t])[:EXPLAIN_TERMS]
        + sorted(words, key=lambda t: -shared[t])[:EXPLAIN_TERMS]
    )
    return {t: shared[t] for t in kept}


def reasons_for(cosine: float, shared: dict[str, list[str]], fits: dict) -> list[Reason]:
    """The explanation of a match, in the language of the reader (written when read): the
    shared terms as each listing writes them (`shared_terms`), then the fits (`fit_cases`)."""
    reasons = [_terms_reason(shared, cosine)]
    field, modes = fits.get("field") or (), fits.get("modes") or ()
    reference = reference_data(fields=field[1:], modes=modes[1] if modes[:1] == ["shared"] else ())
    for kind in ("field", "trl", "modes"):  # not the JSON's order: PostgreSQL's jsonb sorts keys
        case = fits.get(kind)
        reason = _fit_reason(kind, case, reference) if case else None
        if reason is not None:
            reasons.append(reason)
    return reasons


def explain(query: Listing, scored: Scored) -> Match:
    shared = shared_terms(scored.shared, listing_text(query), listing_text(scored.other))
    reasons = reasons_for(scored.text_similarity, shared, scored.fits)
    return Match(listing=scored.other, score=scored.score, text_similarity=scored.text_similarity, reasons=reasons)


@dataclass
class Frame:
    """The published listings of one kind as a search target: their count and the document
    frequency of the query's terms among them, which give the idf."""

    kind: str
    total: int
    dfs: dict[str, int]

    @classmethod
    def of(cls, kind: str, terms) -> "Frame":
        dfs = dict(TermStat.objects.filter(kind=kind, term__in=list(terms)).values_list("term", "df"))
        return cls(kind=kind, total=_published_count(kind), dfs=dfs)

    def idf(self, term: str) -> float:
        return _idf(self.dfs.get(term, 0), self.total)

    def norm(self, tfs: dict[str, float]) -> float:
        return _norm(tfs, self.kind, dfs=self.dfs, total=self.total)


def _candidates(listing: Listing, q_tfs: dict[str, float], frame: Frame) -> tuple[list[Listing], dict]:
    """Up to `CANDIDATES` listings of the frame's kind sharing the query's most specific terms,
    with their terms (tf)."""
    weights = {t: w * frame.idf(t) for t, w in q_tfs.items() if frame.dfs.get(t)}
    if not weights:
        return [], {}
    specific = [t for t in weights if frame.dfs[t] <= max(3, MAX_DF_SHARE * frame.total)]
    specific = sorted(specific or weights, key=lambda t: -weights[t])[:CANDIDATE_TERMS]
    idf_case = Case(*[When(term=t, then=Value(weights[t] * frame.idf(t))) for t in specific], output_field=FloatField())
    candidates = list(
        Posting.objects.filter(kind=frame.kind, term__in=specific)
        .exclude(listing_id=listing.pk)
        .values("listing_id")
        .annotate(s=Sum(F("tf") * idf_case))
        .order_by("-s")
        .values_list("listing_id", flat=True)[:CANDIDATES]
    )
    if not candidates:
        return [], {}
    tfs: dict[int, dict[str, float]] = defaultdict(dict)
    # By listing only (its index), terms picked here: with the terms in SQL too, PostgreSQL may
    # choose the (kind, term) index and read every posting of common terms.
    for pk, term, tf in Posting.objects.filter(listing_id__in=candidates).values_list("listing_id", "term", "tf"):
        tfs[pk][term] = tf
    others = (
        Listing.objects.filter(pk__in=candidates, status=Listing.Status.PUBLISHED)
        .select_related("field__parent", "organisation")
        .prefetch_related("transfer_modes")
    )
    return list(others), tfs


def _shared(a_tfs: dict[str, float], b_tfs: dict[str, float], frame: Frame) -> dict[str, float]:
    return {t: tf * b_tfs[t] * frame.idf(t) ** 2 for t, tf in a_tfs.items() if t in b_tfs}


def _loaded(listing: Listing) -> Listing:
    return Listing.objects.select_related("field__parent").prefetch_related("transfer_modes").get(pk=listing.pk)


def rank(listing: Listing, *, reverse: bool = False) -> tuple[list[Scored], list[tuple[Listing, Scored]]]:
    """The candidates of a published listing scored for it, best first; with `reverse`, also
    the listing scored for each candidate, in the candidate's frame (what the candidate's own
    match list would give it), to put it into their stored lists."""
    q_tfs = listing_terms(listing)
    if not q_tfs:
        return [], []
    frame = Frame.of(_other_kind(listing.kind), q_tfs)
    if not frame.total:
        return [], []
    others, tfs = _candidates(listing, q_tfs, frame)
    if not others:
        return [], []
    listing = _loaded(listing)
    q_norm = frame.norm(q_tfs)
    scored = []
    for other in others:
        shared = _shared(q_tfs, tfs.get(other.pk, {}), frame)
        scored.append(_score(listing, other, sum(shared.values()) / (q_norm * (other.term_norm or 1.0)), shared))
    scored.sort(key=Scored.rank_key)
    if not reverse:
        return scored, []
    # In a candidate's frame: the idf of the listing's kind, the candidate's norm with it.
    own = Frame.of(listing.kind, {term for terms in tfs.values() for term in terms} | set(q_tfs))
    own_norm = own.norm(q_tfs)
    reversed_ = []
    for other in others:
        other_tfs = tfs.get(other.pk, {})
        shared = _shared(q_tfs, other_tfs, own)
        cosine = sum(shared.values()) / (own.norm(other_tfs) * own_norm)
        reversed_.append((other, _score(other, listing, cosine, shared)))
    return scored, reversed_


def compute_matches(listing: Listing, limit: int = 10) -> list[Match]:
    """The matches of a listing computed now from the index (offers for a request, requests
    for an offer), best first; what the stored lists hold, computed on the fly."""
    scored, _reverse = rank(listing)
    if not scored:
        return []
    listing = _loaded(listing)
    return [explain(listing, item) for item in scored[:limit]]


def offers_for_request(listing: Listing, limit: int = 10) -> list[Match]:
    """The published offers that best answer a request, best first (computed now)."""
    return compute_matches(listing, limit) if listing.kind == Listing.Kind.REQUEST else []


def requests_for_offer(listing: Listing, limit: int = 10) -> list[Match]:
    """The published requests an offer may answer, best first (computed now)."""
    return compute_matches(listing, limit) if listing.kind == Listing.Kind.OFFER else []


def cached_matches(listing: Listing, limit: int = 10) -> list[Match]:
    """`compute_matches` kept until the public data change (every publish, edit or expiry bumps
    the version, see core.cache): for lists longer than the stored ones."""
    key = f"exchange:matches:{public_data_version()}:{listing.pk}:{limit}"
    found = cache.get(key)
    if found is None:
        found = compute_matches(listing, limit)
        cache.set(key, found, 600)
    return found


__all__ = [
    "Match",
    "Reason",
    "Scored",
    "cached_matches",
    "combined_score",
    "compute_matches",
    "explain",
    "index_listing",
    "index_rebuild",
    "offers_for_request",
    "rank",
    "reasons_for",
    "requests_for_offer",
    "unindex_listing",
]
