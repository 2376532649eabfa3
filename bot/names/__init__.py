"""What citizens call services and languages, per language: the recognition vocabulary.

Agencies edit `content/names/<language>.yml`; the NLU's gazetteer matches these names, so
a new synonym works without retraining.
"""

from bot.names.loader import NameFiles, load_names

__all__ = ["NameFiles", "load_names"]
