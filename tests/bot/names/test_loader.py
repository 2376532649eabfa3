"""Names files: a word kept out of a language's services must be a name somewhere else."""

from __future__ import annotations

import shutil

import pytest

from bot.exceptions import ContentError
from bot.names import load_names
from bot.names.loader import not_service_names
from bot.settings import PROJECT_ROOT

NAMES = PROJECT_ROOT / "content" / "names"


def test_not_names_are_loaded_per_language():
    not_names = not_service_names(load_names(NAMES))
    assert "ntn" in not_names["vi"]
    assert "ntn" not in not_names["ur"]


def test_a_not_name_that_no_other_language_lists_is_refused(tmp_path):
    names = tmp_path / "names"
    shutil.copytree(NAMES, names)
    load_names(names)
    with (names / "vi.yml").open("a", encoding="utf-8") as file:
        file.write("  - không có tên này\n")  # appended to the not_names list
    with pytest.raises(ContentError, match="không có tên này"):
        load_names(names)
