"""Errors of the database layer."""

from __future__ import annotations


class LoadError(Exception):
    """Something went wrong writing to the database."""


class DatabaseUnavailable(LoadError):
    """The database cannot be reached (transient): the batch stops."""


class SchemaIncomplete(LoadError):
    """The database holds tables but no record of their schema version (a schema
    creation that was interrupted, or tables made by hand): vanban will not guess."""


def first_line(exc: BaseException) -> str:
    """The driver's own message, first line: what a user can act on."""
    inner = getattr(exc, "orig", None) or exc
    text = str(inner).strip()
    return text.splitlines()[0] if text else type(inner).__name__


class BadDatabaseUrl(LoadError):
    """The --db URL is malformed or names a database vanban does not support (a usage
    error: exit 2)."""
