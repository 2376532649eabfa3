"""Function words that mark code-mixed Latin text as Malay or Filipino rather than English.

Manglish and Taglish messages are mostly English words held together by a few Malay or
Tagalog particles ("can renew online or not ah, boleh ke?", "pwede po ba online?"). The
contract says such a message belongs to the language it is mixed into, so when English
comes out on top but the text carries these markers, English is set aside (measured: a
general "markers override the model" rule across all Latin languages, and Hindi/Urdu
vocabulary lists, made things worse; this narrow rule does not). Only words that are not
English words are listed.
"""

from __future__ import annotations

import re
from typing import Dict, FrozenSet, Set

MARKERS: Dict[str, FrozenSet[str]] = {
    "ms": frozenset(
        "lah nak tak boleh macam dah je kat ke ni tu saya awak encik tolong bila berapa apa nya sudah "
        "belum mahu hendak buat perlu kena ada tiada dengan untuk dekat sikit lagi betul kan".split()
    ),
    "id": frozenset("nggak gak enggak gimana aja dong sih udah bikin banget kak saya berapa apa sudah belum".split()),
    "fil": frozenset(
        "po naman kasi yung ba ng mga paano saan magkano pwede puwede ako ko ikaw sana lang rin talaga "
        "kailangan ano bakit kailan hindi opo salamat nga ito iyan dito".split()
    ),
}
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def marked_languages(text: str) -> Set[str]:
    """The languages whose marker words appear in `text`."""
    words = {word.casefold() for word in _WORD.findall(text)}
    return {language for language, markers in MARKERS.items() if words & markers}
