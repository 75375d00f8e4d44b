"""The English translation is complete and is the one Django serves.

Source strings are Vietnamese; locale/en/LC_MESSAGES/django.po is the source of truth for English.
After adding a string, run `manage.py makemessages -l en --ignore=.venv --ignore=bench --ignore=static`
and translate every new or fuzzy entry, or these tests fail.
"""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings
from django.utils import translation

PO_FILE = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES" / "django.po"

_KEYWORD = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(".*")$')
_PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%%|<[^>]+>")


def _unquote(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), text[1:-1])


def _entries(text: str) -> list[dict]:
    """Each entry of a .po file: its flags, msgctxt, msgid, msgid_plural and msgstr(s); obsolete ones left out."""
    entries, entry, key = [], None, None
    for line in text.splitlines() + [""]:
        if not line.strip() or (entry and entry["msgstr"] and line.startswith(("#", "msgctxt", "msgid "))):
            if entry and "msgid" in entry:
                entries.append(entry)
            entry, key = None, None
            if not line.strip():
                continue
        if line.startswith("#~"):
            continue
        entry = entry or {"flags": set(), "msgstr": {}}
        if line.startswith("#,"):
            entry["flags"] |= {flag.strip() for flag in line[2:].split(",")}
        elif line.startswith("#"):
            continue
        elif match := _KEYWORD.match(line):
            key = match.group(1)
            value = _unquote(match.group(2))
            if key.startswith("msgstr"):
                entry["msgstr"][key] = value
            else:
                entry[key] = value
        elif line.startswith('"') and key:
            if key.startswith("msgstr"):
                entry["msgstr"][key] += _unquote(line)
            else:
                entry[key] += _unquote(line)
        else:
            raise AssertionError(f"Unexpected line in {PO_FILE.name}: {line!r}")
    return entries


@pytest.fixture(scope="module")
def entries():
    assert PO_FILE.exists(), f"{PO_FILE} is missing; run makemessages -l en"
    found = [e for e in _entries(PO_FILE.read_text(encoding="utf-8")) if e["msgid"] != "" or "msgctxt" in e]
    assert len(found) > 100, "the English catalogue looks truncated"
    return found


def _label(entry) -> str:
    return repr(entry["msgid"][:80])


def test_every_string_has_an_english_translation(entries):
    untranslated = [_label(e) for e in entries if not e["msgstr"] or any(not s.strip() for s in e["msgstr"].values())]
    assert not untranslated, f"{len(untranslated)} untranslated in django.po: " + ", ".join(untranslated[:20])


def test_no_translation_is_left_fuzzy(entries):
    fuzzy = [_label(e) for e in entries if "fuzzy" in e["flags"]]
    assert not fuzzy, f"{len(fuzzy)} fuzzy (ignored by Django) in django.po: " + ", ".join(fuzzy[:20])


def test_the_header_is_not_fuzzy_and_names_the_language():
    text = PO_FILE.read_text(encoding="utf-8")
    header = text.split("\n\n", 1)[0]
    assert "#, fuzzy" not in header
    assert '"Language: en\\n"' in header


def test_translations_keep_placeholders_and_markup(entries):
    broken = []
    for e in entries:
        expected = sorted(_PLACEHOLDER.findall(e.get("msgid_plural", e["msgid"])))
        for text in e["msgstr"].values():
            if sorted(_PLACEHOLDER.findall(text)) != expected:
                broken.append(_label(e))
    assert not broken, "placeholders or HTML tags differ from the source in: " + ", ".join(broken)


@pytest.fixture(scope="module")
def compiled_catalogue(tmp_path_factory):
    """django.po compiled the way compilemessages does it, into a folder of its own."""
    msgfmt = shutil.which("msgfmt")
    assert msgfmt, "msgfmt (Debian package gettext) is needed; `make test` installs it"
    root = tmp_path_factory.mktemp("locale")
    target = root / "en" / "LC_MESSAGES" / "django.mo"
    target.parent.mkdir(parents=True)
    result = subprocess.run(
        [msgfmt, "--check-format", "--check-header", "-o", str(target), str(PO_FILE)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return root


@pytest.fixture
def english_from_po(compiled_catalogue):
    with override_settings(LOCALE_PATHS=[compiled_catalogue]), translation.override("en"):
        yield


@pytest.mark.usefixtures("english_from_po")
def test_known_strings_are_served_in_english():
    from indicators.models import ProgressStatus
    from programmes.models import KeyTask

    assert translation.gettext("Chỉ tiêu") == "Indicators"
    assert translation.gettext("Chương trình số %(code)s của %(issuer)s") == "Programme No. %(code)s of %(issuer)s"
    assert [str(label) for label in ProgressStatus.labels] == [
        "Target achieved",
        "Substantial progress",
        "Moderate progress",
        "Limited progress",
        "Deterioration",
        "No data",
    ]
    assert [str(label) for label in KeyTask.Status.labels] == [
        "Not started",
        "In progress",
        "Completed",
        "Behind schedule",
    ]
    assert translation.gettext("Ước tính") == "Provisional"
    assert translation.gettext("Chính thức") == "Official"
    assert translation.gettext("dữ liệu minh họa") == "illustrative data"


@pytest.mark.usefixtures("english_from_po")
def test_a_template_is_rendered_in_english():
    from django.template import Context, Template

    html = Template(
        '{% load i18n %}{% translate "Đã đạt mục tiêu" %} · {% translate "Tỷ lệ từ 95% trở lên." %}'
    ).render(Context())
    assert html == "Target achieved · Ratio of 95% or more."


def test_vietnamese_stays_the_source_language(compiled_catalogue):
    with override_settings(LOCALE_PATHS=[compiled_catalogue]), translation.override("vi"):
        assert translation.gettext("Chỉ tiêu") == "Chỉ tiêu"
