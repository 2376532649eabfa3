"""The agency review app: where the service falls short, per language, channel and service."""
