"""The dialogue policy's remembered predictions change nothing a citizen sees."""

from __future__ import annotations

import numpy as np
from rasa.core.policies.ted_policy import TEDPolicy

from bot.policies.cached_ted import CachedTEDPolicy
from tests.conversations.conftest import Citizen

VISIT = ["hello", "how much does a passport cost?", "thank you", "bye"]


def _policy(agent) -> CachedTEDPolicy:
    nodes = agent.processor.graph_runner._instantiated_nodes.values()
    policies = [node._component for node in nodes if isinstance(node._component, CachedTEDPolicy)]
    assert len(policies) == 1, "config.yml must use CachedTEDPolicy"
    return policies[0]


async def test_a_second_citizen_with_the_same_visit_gets_the_same_replies_without_running_the_network(agent):
    policy = _policy(agent)
    first, second = Citizen(agent), Citizen(agent)
    first_replies = [await first.texts(text) for text in VISIT]
    misses = policy.inference_cache.stats.misses
    hits = policy.inference_cache.stats.hits
    second_replies = [await second.texts(text) for text in VISIT]
    assert second_replies == first_replies
    assert policy.inference_cache.stats.misses == misses  # every prediction came from memory
    assert policy.inference_cache.stats.hits >= hits + len(VISIT)


async def test_a_remembered_prediction_equals_the_networks(agent):
    policy = _policy(agent)
    citizen = Citizen(agent)
    await citizen.texts("what documents do I need for a driving licence?")
    tracker = await citizen.tracker()
    domain = agent.domain
    policy.predict_action_probabilities(tracker, domain)  # remembered now, if it was not
    hits = policy.inference_cache.stats.hits
    remembered = policy.predict_action_probabilities(tracker, domain)
    assert policy.inference_cache.stats.hits == hits + 1
    computed = TEDPolicy.predict_action_probabilities(policy, tracker, domain)  # the network itself
    np.testing.assert_array_equal(computed.probabilities, remembered.probabilities)
    assert remembered.policy_name == computed.policy_name
