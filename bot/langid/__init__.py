"""Which contract language a message is written in, offline."""

from bot.langid.detector import Detection, detect_language

__all__ = ["Detection", "detect_language"]
