"""Small linear text classifiers stored as plain arrays (no pickle)."""

from bot.classify.linear import LinearTextClassifier
from bot.classify.tfidf import TfidfFeatures

__all__ = ["LinearTextClassifier", "TfidfFeatures"]
