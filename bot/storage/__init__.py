"""The assistant's own tables (feedback, complaints, handoff, fallbacks, demo applications).

SQLAlchemy Core on whatever `DATABASE_URL` names: SQLite by default, PostgreSQL in production.
"""
