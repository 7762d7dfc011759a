"""Errors of the database layer."""

from __future__ import annotations


class LoadError(Exception):
    """Something went wrong writing to the database."""


class DatabaseUnavailable(LoadError):
    """The database cannot be reached (transient): the batch stops."""
