"""Word segmentation for every contract script, including those written without spaces."""

from bot.tokenization.segmenters import segment, warm_up

__all__ = ["segment", "warm_up"]
