"""Rasa custom actions: thin adapters from rasa-sdk calls to `bot/`."""
