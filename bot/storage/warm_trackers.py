"""The trackers a replica saved last, kept for the conversation's next message.

Rasa's SQL tracker store rebuilds a conversation on every message: it reads every event
of the session, parses each one's JSON and replays them all into a new tracker, and the
session grows with each turn. The replica that saved a tracker a moment ago still holds
it, exactly as the database does, unless something wrote in between (another replica, a
retention job). A fingerprint of what the database holds (how many events the session
has and the highest event id) tells which: the same fingerprint means the kept tracker
is the one a reload would build.

A kept tracker is handed out once (`take` removes it): the caller may change it, and only
its next save, with a fresh fingerprint, makes it reusable again.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import Generic, Hashable, Optional, Tuple, TypeVar

TrackerT = TypeVar("TrackerT")
#: What the database holds for a session: (number of its events, highest event id).
Fingerprint = Tuple[int, Optional[int]]

#: Conversations kept per replica; a tracker of a few dozen events takes tens of kB.
DEFAULT_CAPACITY = 2000


@dataclass(frozen=True)
class _Kept(Generic[TrackerT]):
    tracker: TrackerT
    fingerprint: Fingerprint
    #: The domain the tracker's slots were built from; a new model invalidates it.
    domain: object


class WarmTrackers(Generic[TrackerT]):
    """A bounded, least-recently-saved-first-out map from sender ids to kept trackers."""

    def __init__(self, capacity: int = DEFAULT_CAPACITY) -> None:
        """`capacity` 0 keeps nothing (every message reloads), e.g. to measure without."""
        if capacity < 0:
            raise ValueError("capacity must not be negative")
        self._capacity = capacity
        self._kept: "OrderedDict[Hashable, _Kept[TrackerT]]" = OrderedDict()
        self.hits = 0
        self.misses = 0

    def __contains__(self, sender_id: Hashable) -> bool:
        return sender_id in self._kept

    def keep(self, sender_id: Hashable, tracker: TrackerT, fingerprint: Fingerprint, domain: object) -> None:
        """Remembers `tracker` as what the database holds for `sender_id` right now."""
        self._kept.pop(sender_id, None)
        if self._capacity == 0:
            return
        self._kept[sender_id] = _Kept(tracker, fingerprint, domain)
        while len(self._kept) > self._capacity:
            self._kept.popitem(last=False)

    def take(self, sender_id: Hashable, fingerprint: Fingerprint, domain: object) -> Optional[TrackerT]:
        """The kept tracker if the database still holds exactly it (and it was built from
        `domain`); None otherwise. Either way it is no longer kept."""
        kept = self._kept.pop(sender_id, None)
        if kept is not None and kept.fingerprint == fingerprint and kept.domain is domain:
            self.hits += 1
            return kept.tracker
        self.misses += 1
        return None

    def forget(self, sender_id: Hashable) -> None:
        """Drops whatever is kept for `sender_id`."""
        self._kept.pop(sender_id, None)
