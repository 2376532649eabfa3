"""Personal data found and masked before text is stored for agencies or sent anywhere."""

from bot.privacy.redactor import Redactor

__all__ = ["Redactor"]
