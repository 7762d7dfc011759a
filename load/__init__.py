"""Records → database (SQLAlchemy Core; SQLite by default, PostgreSQL by URL)."""
