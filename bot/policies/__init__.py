"""Dialogue policies: Rasa's own, made cheaper to run per message."""
