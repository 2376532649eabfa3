"""Splits text into words with character offsets, per script.

Spaced scripts split on white space and punctuation (keeping combining marks inside
words, which Devanagari, Bengali, Tamil and Sinhala need). Runs of scripts written
without spaces go to their own segmenter: Thai (PyThaiNLP newmm), Lao (LaoNLP), Khmer
(khmer-nltk), Chinese (jieba), Japanese (SudachiPy with its core dictionary). Each
segmenter is loaded on first use and works offline from the dictionary its package ships.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Callable, List, Tuple

Span = Tuple[str, int]  # (word, start offset)

_RUN_SCRIPTS = (
    ("thai", 0x0E00, 0x0E7F),
    ("lao", 0x0E80, 0x0EFF),
    ("khmer", 0x1780, 0x17FF),
    ("khmer", 0x19E0, 0x19FF),
    ("kana", 0x3040, 0x30FF),
    ("kana", 0x31F0, 0x31FF),
    ("han", 0x3400, 0x4DBF),
    ("han", 0x4E00, 0x9FFF),
    ("han", 0xF900, 0xFAFF),
)


def _unspaced_script(char: str) -> str | None:
    code = ord(char)
    for name, low, high in _RUN_SCRIPTS:
        if low <= code <= high:
            return name
    return None


def _is_word_char(char: str) -> bool:
    category = unicodedata.category(char)
    return category[0] in "LNM" or char in "-_'’@./#&"


@lru_cache(maxsize=1)
def _thai() -> Callable[[str], List[str]]:
    from pythainlp.tokenize import word_tokenize

    return lambda text: word_tokenize(text, engine="newmm", keep_whitespace=False)


@lru_cache(maxsize=1)
def _lao() -> Callable[[str], List[str]]:
    from laonlp.tokenize import word_tokenize

    return word_tokenize


@lru_cache(maxsize=1)
def _khmer() -> Callable[[str], List[str]]:
    from khmernltk import word_tokenize

    return word_tokenize


@lru_cache(maxsize=1)
def _chinese() -> Callable[[str], List[str]]:
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    return lambda text: jieba.lcut(text, HMM=True)


@lru_cache(maxsize=1)
def _japanese() -> Callable[[str], List[str]]:
    from sudachipy import Dictionary, SplitMode

    tokenizer = Dictionary(dict="core").create()
    return lambda text: [m.surface() for m in tokenizer.tokenize(text, SplitMode.C)]


def _segmenter(script: str, japanese: bool) -> Callable[[str], List[str]]:
    if script in ("kana", "han") and japanese:
        return _japanese()
    return {"thai": _thai, "lao": _lao, "khmer": _khmer, "han": _chinese, "kana": _japanese}[script]()


def _align(pieces: List[str], text: str, offset: int) -> List[Span]:
    """Offsets of segmenter output in `text`; pieces it changed are skipped."""
    spans, position = [], 0
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        found = text.find(piece, position)
        if found < 0:
            continue
        spans.append((piece, offset + found))
        position = found + len(piece)
    return spans


def _runs(word: str) -> List[Tuple[str | None, int, int]]:
    """Splits a word into runs of one unspaced script (or None for anything else)."""
    runs: List[Tuple[str | None, int, int]] = []
    for index, char in enumerate(word):
        script = _unspaced_script(char)
        if script == "kana":
            script = "cjk"
        elif script == "han":
            script = "cjk"
        if runs and runs[-1][0] == script:
            runs[-1] = (script, runs[-1][1], index + 1)
        else:
            runs.append((script, index, index + 1))
    return runs


def segment(text: str) -> List[Span]:
    """Words of `text` with their start offsets, in order."""
    japanese = any(0x3040 <= ord(ch) <= 0x30FF for ch in text)
    spans: List[Span] = []
    for match in re.finditer(r"\S+", text):
        word, start = match.group(0), match.start()
        for script, run_start, run_end in _runs(word):
            chunk = word[run_start:run_end]
            if script is None:
                for piece in re.finditer(r"[^\s]+", "".join(ch if _is_word_char(ch) else " " for ch in chunk)):
                    token = piece.group(0).strip("-_'’./#&")
                    if token:
                        spans.append((token, start + run_start + piece.start() + piece.group(0).index(token)))
                continue
            if script == "cjk":
                first = next(ch for ch in chunk if _unspaced_script(ch))
                segmenter = _segmenter("kana" if japanese else _unspaced_script(first) or "han", japanese)
            else:
                segmenter = _segmenter(script, japanese)
            pieces = [p for p in segmenter(chunk) if any(_is_word_char(ch) for ch in p)]
            spans.extend(_align(pieces, chunk, start + run_start))
    return spans


#: One short phrase per unspaced script: segmenting it loads that script's dictionary.
_WARM_UP_TEXTS = ("หนังสือเดินทาง", "ໜັງສືຜ່ານແດນ", "លិខិតឆ្លងដែន", "护照申请", "パスポートの申請")


def warm_up() -> None:
    """Loads every segmenter and its dictionary now rather than on a citizen's message.

    Loading takes from a fraction of a second (Lao) to a few seconds (Thai's word trie,
    Japanese); done lazily it blocks the server's event loop, so every conversation on that
    replica waits for the first Thai or Japanese message after a start (seen in a py-spy
    profile of `benchmarks/scale_out.py`)."""
    for text in _WARM_UP_TEXTS:
        segment(text)
