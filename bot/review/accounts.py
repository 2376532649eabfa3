"""Review app accounts and sessions: argon2 password hashes, server-side sessions with CSRF.

A session cookie holds a random token; the database keeps only its SHA-256 hash (a leaked
table does not log anyone in), the user, an expiry and the session's CSRF token.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Optional

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from bot.exceptions import CitizenBotError
from bot.storage.database import review_sessions, review_users

ADMINISTRATOR, OFFICER = "administrator", "officer"
SESSION_LIFETIME = timedelta(hours=8)
MIN_PASSWORD_LENGTH = 12
_HASHER = PasswordHasher()


class AccountError(CitizenBotError):
    """A user cannot be created as asked (taken name, weak password, unknown role)."""


@dataclass(frozen=True)
class User:
    id: int
    username: str
    role: str
    agency_id: Optional[str]

    @property
    def is_administrator(self) -> bool:
        return self.role == ADMINISTRATOR


@dataclass(frozen=True)
class Session:
    user: User
    csrf_token: str


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class Accounts:
    """Users and sessions in the assistant's database."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def create_user(self, username: str, password: str, role: str, agency_id: Optional[str] = None) -> User:
        if role not in (ADMINISTRATOR, OFFICER):
            raise AccountError(f"role must be {ADMINISTRATOR} or {OFFICER}")
        if role == OFFICER and not agency_id:
            raise AccountError("an officer belongs to an agency (--agency)")
        if len(password) < MIN_PASSWORD_LENGTH:
            raise AccountError(f"the password needs at least {MIN_PASSWORD_LENGTH} characters")
        row = {
            "username": username.strip(),
            "password_hash": _HASHER.hash(password),
            "role": role,
            "agency_id": agency_id if role == OFFICER else None,
            "created_at": _now(),
        }
        try:
            with self._engine.begin() as connection:
                user_id = connection.execute(insert(review_users).values(**row)).inserted_primary_key[0]
        except IntegrityError:
            raise AccountError(f"the username {username!r} is taken") from None
        return User(int(user_id), row["username"], role, row["agency_id"])

    def authenticate(self, username: str, password: str) -> Optional[User]:
        """The user when the password matches; None otherwise (same work either way)."""
        with self._engine.connect() as connection:
            row = connection.execute(select(review_users).where(review_users.c.username == username.strip())).first()
        stored = row.password_hash if row else _HASHER.hash("no such user, but hash anyway")
        try:
            _HASHER.verify(stored, password)
        except (VerificationError, InvalidHashError):
            return None
        return User(row.id, row.username, row.role, row.agency_id) if row else None

    def open_session(self, user: User) -> str:
        """A new session for `user`; returns the cookie token."""
        token = secrets.token_urlsafe(32)
        row = {
            "token_hash": _digest(token),
            "user_id": user.id,
            "csrf_token": secrets.token_urlsafe(32),
            "expires_at": _now() + SESSION_LIFETIME,
        }
        with self._engine.begin() as connection:
            connection.execute(delete(review_sessions).where(review_sessions.c.expires_at < _now()))
            connection.execute(insert(review_sessions).values(**row))
        return token

    def session(self, token: Optional[str]) -> Optional[Session]:
        """The live session of a cookie token, or None."""
        if not token:
            return None
        query = (
            select(review_sessions, review_users)
            .join(review_users, review_users.c.id == review_sessions.c.user_id)
            .where(review_sessions.c.token_hash == _digest(token))
        )
        with self._engine.connect() as connection:
            row = connection.execute(query).first()
        if row is None:
            return None
        expires = row.expires_at if row.expires_at.tzinfo else row.expires_at.replace(tzinfo=timezone.utc)
        if expires < _now():
            return None
        return Session(User(row.user_id, row.username, row.role, row.agency_id), row.csrf_token)

    def close_session(self, token: Optional[str]) -> None:
        if token:
            with self._engine.begin() as connection:
                connection.execute(delete(review_sessions).where(review_sessions.c.token_hash == _digest(token)))
