"""Thin Rasa NLU components over `bot.langid` and `bot.entities`.

Only this subpackage imports Rasa's NLU classes; the logic it wraps is tested on its own.
"""
