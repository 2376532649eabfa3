"""The linear text classifier learns, saves and loads without pickles, and gives the same answers."""

from __future__ import annotations

import numpy as np
import pytest

from bot.classify import LinearTextClassifier

TEXTS = [
    "how much is a passport",
    "passport fee please",
    "what does it cost",
    "hello there",
    "hi good morning",
    "hey hello",
]
LABELS = ["ask_fees", "ask_fees", "ask_fees", "greet", "greet", "greet"]
CHARS = [{"analyzer": "char_wb", "ngram_range": [2, 4]}]


def test_it_learns_and_gives_probabilities_that_sum_to_one():
    model = LinearTextClassifier.train(TEXTS, LABELS, CHARS)
    probabilities = model.probabilities("how much is the fee")
    assert max(probabilities, key=probabilities.get) == "ask_fees"
    assert sum(probabilities.values()) == pytest.approx(1.0)


def test_dense_vectors_are_used_alongside_ngrams():
    dense = np.array([[1.0, 0.0]] * 3 + [[0.0, 1.0]] * 3)
    model = LinearTextClassifier.train(TEXTS, LABELS, CHARS, dense=dense)
    assert max(model.probabilities("zzz", np.array([0.0, 1.0])).items(), key=lambda i: i[1])[0] == "greet"
    assert max(model.probabilities("zzz", np.array([1.0, 0.0])).items(), key=lambda i: i[1])[0] == "ask_fees"


def test_save_and_load_give_the_same_probabilities(tmp_path):
    model = LinearTextClassifier.train(TEXTS, LABELS, CHARS + [{"analyzer": "word", "ngram_range": [1, 1]}])
    model.save(tmp_path, "m")
    loaded = LinearTextClassifier.load(tmp_path, "m")
    assert loaded.probabilities("passport cost") == pytest.approx(model.probabilities("passport cost"))
    assert not list(tmp_path.glob("*.pkl"))


def test_two_labels_work_like_many():
    model = LinearTextClassifier.train(["yes", "yeah sure", "no", "nope"], ["affirm", "affirm", "deny", "deny"], CHARS)
    probabilities = model.probabilities("yeah")
    assert set(probabilities) == {"affirm", "deny"} and probabilities["affirm"] > 0.5


WORDS_BY_LANGUAGE = [{"analyzer": "word", "ngram_range": [1, 1], "by_language": True}]


def test_language_tagged_ngrams_let_one_word_mean_different_things_per_language():
    # The same word with opposite intents in two languages' data: only tagged n-grams can
    # tell them apart.
    texts = ["mali", "mali yan", "tama", "oo tama", "mali", "mali sara", "io", "io saka"]
    languages = ["fil", "fil", "fil", "fil", "fj", "fj", "fj", "fj"]
    labels = ["deny", "deny", "affirm", "affirm", "affirm", "affirm", "deny", "deny"]
    model = LinearTextClassifier.train(texts, labels, WORDS_BY_LANGUAGE, languages=languages)
    fil, fj = model.probabilities("mali", language="fil"), model.probabilities("mali", language="fj")
    assert fil["deny"] > 0.5 and fj["affirm"] > 0.5


def test_language_tagged_ngrams_survive_save_and_load(tmp_path):
    blocks = CHARS + WORDS_BY_LANGUAGE
    model = LinearTextClassifier.train(TEXTS, LABELS, blocks, languages=["en"] * 3 + ["fil"] * 3)
    model.save(tmp_path, "m")
    loaded = LinearTextClassifier.load(tmp_path, "m")
    for language in ("en", "fil", None):
        assert loaded.probabilities("hello fee", language=language) == pytest.approx(
            model.probabilities("hello fee", language=language)
        )
