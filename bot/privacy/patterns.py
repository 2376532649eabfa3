"""What personal data looks like in the APO economies: e-mail, phones, national IDs.

National ID formats with a checksum are validated by python-stdnum, so a random number
of the same length is not taken for an ID; formats stdnum does not cover are matched by
their shape. Phone numbers are found by phonenumbers for each economy's numbering plan.
"""

from __future__ import annotations

import re
from typing import Callable, Dict, Pattern, Tuple

from stdnum.cn import ric
from stdnum.id import nik
from stdnum.in_ import aadhaar
from stdnum.jp import in_ as my_number
from stdnum.kr import rrn
from stdnum.my import nric
from stdnum.pk import cnic
from stdnum.th import pin
from stdnum.tr import tckimlik

#: Regions whose local phone numbering the redactor knows (ISO 3166; APO members and
#: their neighbours' common formats).
PHONE_REGIONS: Tuple[str, ...] = (
    "BD", "KH", "TW", "HK", "FJ", "IN", "ID", "IR", "JP", "KR", "LA", "MY", "MN", "NP",
    "PK", "PH", "SG", "LK", "TH", "TR", "VN", "CN",
)  # fmt: skip

EMAIL: Pattern[str] = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+", re.UNICODE)

#: Digit-led candidates for checksummed IDs (groups separated by spaces, dashes or dots).
ID_CANDIDATE: Pattern[str] = re.compile(r"(?<![\w])\d(?:[\d \-.]{7,22})[\dXx](?![\w])")

#: Checksummed national IDs, by the economy that issues them.
CHECKSUMMED_IDS: Dict[str, Callable[[str], bool]] = {
    "in_aadhaar": aadhaar.is_valid,
    "id_nik": nik.is_valid,
    "my_nric": nric.is_valid,
    "th_pin": pin.is_valid,
    "kr_rrn": rrn.is_valid,
    "tr_tckimlik": tckimlik.is_valid,
    "pk_cnic": cnic.is_valid,
    "cn_ric": ric.is_valid,
    "jp_my_number": my_number.is_valid,
}

#: IDs with a fixed shape (no checksum in stdnum, or letters in them).
SHAPED_IDS: Dict[str, Pattern[str]] = {
    "in_pan": re.compile(r"(?<!\w)[A-Z]{5}\d{4}[A-Z](?!\w)"),
    "sg_nric": re.compile(r"(?<!\w)[STFGM]\d{7}[A-Z](?!\w)", re.IGNORECASE),
    "hk_id": re.compile(r"(?<!\w)[A-Z]{1,2}\d{6}\s?\(?[0-9A]\)(?!\w)"),
    "tw_id": re.compile(r"(?<!\w)[A-Z][12]\d{8}(?!\w)"),
    "lk_nic": re.compile(r"(?<!\w)(?:\d{9}[VX]|(?:19|20)\d{10})(?!\w)", re.IGNORECASE),
    "mn_register": re.compile(r"(?<!\w)[А-ЯЁӨҮ]{2}\d{8}(?!\w)"),
    "ph_philsys": re.compile(r"(?<!\w)\d{4}-\d{4}-\d{4}-\d{4}(?!\w)"),  # PhilSys card number
}

#: Any other long run of digits (account, card, ID or phone numbers in unknown formats).
LONG_NUMBER: Pattern[str] = re.compile(r"(?<![\w])\+?\d(?:[ \-.]?\d){8,}(?![\w])")


def checksummed_id_kind(candidate: str) -> str | None:
    """The kind of national ID `candidate` is valid as, or None."""
    for kind, is_valid in CHECKSUMMED_IDS.items():
        try:
            if is_valid(candidate):
                return kind
        except Exception:  # noqa: BLE001 - a validator that chokes on odd input means "not this kind"
            continue
    return None
