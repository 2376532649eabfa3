"""Entity finders without Rasa: service names, language names, references, ratings."""

from bot.entities.gazetteer import EntityMatch, Gazetteer
from bot.entities.patterns import find_ratings, find_references

__all__ = ["EntityMatch", "Gazetteer", "find_ratings", "find_references"]
