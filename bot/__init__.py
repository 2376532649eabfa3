"""Citizen-service assistant: the logic behind the Rasa adapters.

Each subpackage owns one concern and can be used without Rasa. Nothing here does work at
import time; clients, stores and engines are built by factories from `bot.settings`.
"""
