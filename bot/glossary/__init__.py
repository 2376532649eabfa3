"""Curated renderings of proper names, kept intact when a machine translator fills a gap."""

from bot.glossary.loader import Glossary, load_glossary

__all__ = ["Glossary", "load_glossary"]
