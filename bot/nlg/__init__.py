"""Rendering replies in the conversation's language (the logic; Rasa's adapter sits beside it)."""

from bot.nlg.renderer import RenderedReply, ReplyRenderer

__all__ = ["RenderedReply", "ReplyRenderer"]
