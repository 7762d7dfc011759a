"""Task tables (bảng nhiệm vụ): column roles, rows of responsibility, lists inside cells."""

from extract.parsers.appendix.tables import parse_appendix

__all__ = ["parse_appendix"]
