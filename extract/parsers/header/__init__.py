"""The decision header: number, issuer, place and date, title, the plan it issues, signer
and recipients."""

from extract.parsers.header.parse import parse_header

__all__ = ["parse_header"]
