"""The catalogues in locale/ are complete, compiled and keep every placeholder.

English is the source language; nl, fr, de and ar must translate every message. The .po files are
read with a small parser here (no extra dependency) and the .mo files with Python's own gettext.
"""

import gettext
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parent.parent / "locale"
NPLURALS = {"nl": 2, "fr": 2, "de": 2, "ar": 6}
LANGUAGES = list(NPLURALS)

# A printf-style directive as Python's % operator reads it; "%%" is an escaped percent sign.
PLACEHOLDER = re.compile(r"%%|%(?:\([^)]*\))?[#0+\-]*(?:\d+|\*)?(?:\.\d+)?[diouxXeEfFgGcrsa]")
ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}


@dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str | None = None
    msgctxt: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    line: int = 0

    @property
    def name(self) -> str:
        return f"line {self.line}: {self.msgid!r}"


def unquote(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: ESCAPES[m[1]], text.strip()[1:-1])


@cache
def read_po(lang: str) -> tuple[dict[str, str], list[Entry]]:
    """The header fields and the live (not obsolete) entries of locale/<lang>/.../django.po.

    Entries are separated by blank lines, as msgmerge and makemessages write them.
    """
    text = (LOCALE / lang / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    entries: list[Entry] = []
    number = 1
    for block in text.split("\n\n"):
        entry, key = Entry(line=number), ""
        number += block.count("\n") + 2
        for line in block.strip("\n").splitlines():
            if line.startswith("#,"):
                entry.flags |= {flag.strip() for flag in line[2:].split(",")}
            elif line.startswith('"'):
                if key.startswith("msgstr"):
                    entry.msgstr[int(key[7:-1] or 0)] += unquote(line)
                else:
                    setattr(entry, key, (getattr(entry, key) or "") + unquote(line))
            elif not line.startswith("#") and line.strip():
                key, _, value = line.partition(" ")
                if key.startswith("msgstr"):
                    entry.msgstr[int(key[7:-1] or 0)] = unquote(value)
                else:
                    setattr(entry, key, unquote(value))
        if key:  # a block of comments only (e.g. obsolete "#~" entries) has no key
            entries.append(entry)
    header_entry, *messages = entries
    assert header_entry.msgid == "", "the catalogue must start with its header"
    header = dict(
        line.split(": ", 1) for line in header_entry.msgstr[0].splitlines() if ": " in line
    )
    return header, messages


def placeholders(text: str) -> list[str]:
    return sorted(token for token in PLACEHOLDER.findall(text) if token != "%%")


def translations(lang: str) -> gettext.GNUTranslations:
    with open(LOCALE / lang / "LC_MESSAGES" / "django.mo", "rb") as mo:
        return gettext.GNUTranslations(mo)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_it_declares_the_language_and_its_plural_forms(lang):
    header, messages = read_po(lang)
    assert header["Language"] == lang
    assert f"nplurals={NPLURALS[lang]};" in header["Plural-Forms"]
    for entry in messages:
        if entry.msgid_plural is not None:
            assert sorted(entry.msgstr) == list(range(NPLURALS[lang])), entry.name


@pytest.mark.parametrize("lang", LANGUAGES)
def test_it_translates_every_message(lang):
    _header, messages = read_po(lang)
    assert messages, "the catalogue has no messages"
    untranslated = [entry.name for entry in messages if not all(entry.msgstr.values())]
    assert untranslated == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_it_has_no_fuzzy_messages(lang):
    _header, messages = read_po(lang)
    assert [entry.name for entry in messages if "fuzzy" in entry.flags] == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_it_keeps_every_placeholder_of_the_english_text(lang):
    _header, messages = read_po(lang)
    mismatched = []
    for entry in messages:
        # A plural form may follow the singular's placeholders ("One photo") or the plural's.
        allowed = [placeholders(entry.msgid)]
        if entry.msgid_plural is not None:
            allowed.append(placeholders(entry.msgid_plural))
        for index, msgstr in entry.msgstr.items():
            if placeholders(msgstr) not in allowed:
                mismatched.append(f"{entry.name} msgstr[{index}] = {msgstr!r}")
    assert mismatched == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_it_compiled_the_current_translations_into_the_mo_file(lang):
    """A stale .mo (compilemessages not run after editing the .po) fails here."""
    _header, messages = read_po(lang)
    compiled = translations(lang)
    stale = []
    for entry in messages:
        if entry.msgid_plural is None:
            if entry.msgctxt is None:
                found = compiled.gettext(entry.msgid)
            else:
                found = compiled.pgettext(entry.msgctxt, entry.msgid)
            if found != entry.msgstr[0]:
                stale.append(entry.name)
            continue
        for index, msgstr in entry.msgstr.items():
            n = next(n for n in range(1000) if compiled.plural(n) == index)
            if entry.msgctxt is None:
                found = compiled.ngettext(entry.msgid, entry.msgid_plural, n)
            else:
                found = compiled.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, n)
            if found != msgstr:
                stale.append(f"{entry.name} msgstr[{index}]")
    assert stale == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_it_passes_msgfmt_check(lang):
    if not shutil.which("msgfmt"):
        pytest.skip("msgfmt (GNU gettext) is not installed")
    po = LOCALE / lang / "LC_MESSAGES" / "django.po"
    result = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(po)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
