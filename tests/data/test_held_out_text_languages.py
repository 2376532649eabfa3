"""The held-out messages listed as written in another language are real and well labelled.

`tests/nlu_text_languages.yml` changes what the language identifier is scored against; a
typo there would silently score a message against its set's language again.
"""

from __future__ import annotations

from pathlib import Path
from typing import Dict, List

import pytest
import yaml
from rasa.shared.nlu.training_data.loading import load_data

from bot.languages import is_supported
from bot.settings import PROJECT_ROOT

HELD_OUT = PROJECT_ROOT / "tests" / "nlu"
LISTED: Dict[str, Dict[str, List[str]]] = yaml.safe_load(
    (PROJECT_ROOT / "tests" / "nlu_text_languages.yml").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("held_out_set", sorted(LISTED))
def test_every_listed_message_is_in_its_held_out_set_and_another_contract_language(held_out_set: str) -> None:
    path: Path = HELD_OUT / f"{held_out_set}.yml"
    texts = {message.get("text") for message in load_data(str(path)).intent_examples}
    set_language = held_out_set.rsplit("-", 1)[0] if held_out_set.endswith(("-latn", "-mixed")) else held_out_set
    for language, messages in LISTED[held_out_set].items():
        assert is_supported(language) and language != set_language
        missing = [text for text in messages if text not in texts]
        assert not missing, f"not in {path.name}: {missing}"
