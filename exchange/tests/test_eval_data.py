"""Integrity of the technology matching evaluation set (bench/exchange_eval/).

Runs with the exchange's tests and finds the set by walking up to the folder that holds
`bench/exchange_eval/`. Needs no database.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

# Found from wherever this file lives (here, or moved into an app's tests/).
SET = next(
    folder / "bench" / "exchange_eval"
    for folder in Path(__file__).resolve().parents
    if (folder / "bench" / "exchange_eval" / "listings.json").exists()
)
REQUIRED = {"id", "kind", "title", "description", "field", "keywords", "trl", "transfer_modes", "region"}
MODES = {"licence", "assignment", "joint_venture", "consulting", "training"}
DIFFICULTIES = {"no_diacritics", "synonyms", "distractors", "mixed_case", "cross_field"}


def read(name):
    return json.loads((SET / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def listings():
    return read("listings.json")


@pytest.fixture(scope="module")
def offers(listings):
    return {row["id"]: row for row in listings if row["kind"] == "offer"}


@pytest.fixture(scope="module")
def requests(listings):
    return {row["id"]: row for row in listings if row["kind"] == "request"}


def test_ids_are_unique(listings):
    ids = [row["id"] for row in listings]
    assert len(ids) == len(set(ids))


def test_the_set_has_at_least_300_offers_and_50_requests(offers, requests):
    assert len(offers) >= 300
    assert len(requests) >= 50


def test_every_listing_has_the_import_keys_and_sane_values(listings):
    for row in listings:
        missing = REQUIRED - set(row) - ({"trl"} if row["kind"] == "request" else set())
        assert not missing, (row["id"], missing)
        assert row["kind"] in ("offer", "request")
        assert row["title"].strip() and row["description"].strip(), row["id"]
        assert row["keywords"], row["id"]
        assert set(row["transfer_modes"]) <= MODES, row["id"]
        if row.get("trl") is not None:
            assert 1 <= row["trl"] <= 9, row["id"]


def test_every_request_is_judged_and_only_requests_are(requests):
    judged = read("judgements.json")
    assert set(judged) == set(requests)


def test_every_request_has_one_to_five_relevant_offers_that_exist(offers, requests):
    for rid, relevant in read("judgements.json").items():
        assert 1 <= len(relevant) <= 5, rid
        assert len(relevant) == len(set(relevant)), rid
        for oid in relevant:
            assert oid in offers, (rid, oid)


def test_graded_judgements_agree_with_the_plain_ones():
    plain, graded = read("judgements.json"), read("judgements_graded.json")
    assert set(plain) == set(graded)
    for rid, grades in graded.items():
        assert set(grades) == set(plain[rid]), rid
        assert set(grades.values()) <= {1, 2}, rid
        assert 2 in grades.values(), rid


def test_distractors_are_offers_and_never_relevant(offers):
    judged = read("judgements.json")
    for rid, meta in read("requests_meta.json").items():
        assert set(meta["difficulty"]) <= DIFFICULTIES, rid
        for oid in meta["distractors"]:
            assert oid in offers, (rid, oid)
            assert oid not in judged[rid], (rid, oid)


def test_the_hard_cases_are_there(requests):
    meta = read("requests_meta.json")
    count = {tag: sum(tag in m["difficulty"] for m in meta.values()) for tag in DIFFICULTIES}
    assert count["no_diacritics"] >= 5
    assert count["synonyms"] >= 10
    assert count["distractors"] >= 10


def test_the_json_files_are_built_from_the_current_source():
    result = subprocess.run([sys.executable, str(SET / "build_set.py"), "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
