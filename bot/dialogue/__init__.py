"""Decisions the actions make, as pure functions over plain data (no rasa-sdk)."""
