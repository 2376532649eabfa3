"""The project's small exception hierarchy.

Code inside `bot/` raises these; only the edges (actions, HTTP handlers, start-up) turn
them into a fallback reply, an HTTP status or an exit message.
"""


class CitizenBotError(Exception):
    """Base class of every error this package raises on purpose."""


class ConfigurationError(CitizenBotError):
    """A setting from the environment is missing or invalid; start-up must stop."""


class ContentError(CitizenBotError):
    """An agency-editable content file is broken; names the file and the field."""

    def __init__(self, path: str, field: str, problem: str) -> None:
        self.path = path
        self.field = field
        self.problem = problem
        super().__init__(f"{path}: {field}: {problem}")


class StoreError(CitizenBotError):
    """A database read or write failed; the conversation must go on without it."""


class StatusServiceUnavailable(CitizenBotError):
    """The application status source did not answer in time or answered with an error."""


class TranslationError(CitizenBotError):
    """A machine translator failed, timed out, refused, or returned a broken text."""


class TranslationRateLimited(TranslationError):
    """A machine translator answered 429: try the next provider, and this one later."""
