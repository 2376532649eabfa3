"""Word segmentation for every contract script, including those written without spaces."""

from bot.tokenization.segmenters import segment

__all__ = ["segment"]
