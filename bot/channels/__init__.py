"""Rasa input channels, thin adapters that hand citizens' messages to the assistant."""
