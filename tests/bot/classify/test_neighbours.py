"""Nearest-neighbour votes: the closest training examples decide, and survive save and load."""

from __future__ import annotations

import numpy as np
import pytest

from bot.classify.neighbours import NeighbourVotes, blend

VECTORS = np.array([[1.0, 0.0, 0.0], [0.9, 0.1, 0.0], [0.8, 0.2, 0.1], [0.0, 1.0, 0.0], [0.1, 0.9, 0.0]])
LABELS = ["ask_fees", "ask_fees", "ask_fees", "greet", "greet"]


def test_a_message_among_examples_of_one_intent_gets_that_intent():
    votes = NeighbourVotes.fit(VECTORS, LABELS, k=3).probabilities(np.array([0.95, 0.05, 0.0]))
    assert max(votes, key=votes.get) == "ask_fees"
    assert sum(votes.values()) == pytest.approx(1.0)


def test_the_closest_example_outweighs_more_distant_ones():
    # One greeting right next to the message beats two fee questions further away.
    votes = NeighbourVotes.fit(VECTORS, LABELS, k=3).probabilities(np.array([0.05, 1.0, 0.0]))
    assert votes["greet"] > 0.9


def test_vector_length_does_not_matter():
    model = NeighbourVotes.fit(VECTORS * 7, LABELS, k=2)
    assert model.probabilities(np.array([10.0, 0.0, 0.0])) == pytest.approx(model.probabilities(np.array([1.0, 0, 0])))


def test_votes_survive_a_save_and_load(tmp_path):
    model = NeighbourVotes.fit(VECTORS, LABELS, k=2, temperature=0.05)
    model.save(tmp_path, "votes")
    loaded = NeighbourVotes.load(tmp_path, "votes")
    query = np.array([0.5, 0.5, 0.1])
    assert loaded.probabilities(query) == pytest.approx(model.probabilities(query))
    assert (loaded.k, loaded.temperature) == (2, 0.05)


def test_more_neighbours_than_examples_uses_them_all():
    votes = NeighbourVotes.fit(VECTORS[:2], LABELS[:2], k=10).probabilities(np.array([1.0, 0.0, 0.0]))
    assert votes == {"ask_fees": pytest.approx(1.0)}


def test_blend_mixes_two_distributions_by_weight():
    mixed = blend({"a": 1.0}, {"a": 0.5, "b": 0.5}, 0.2)
    assert mixed == pytest.approx({"a": 0.9, "b": 0.1})
