"""Parsers: Document → records. They read the document model only, never a file."""
