"""Vietnamese normalization: agencies, dates, deadlines, figures, citations.

Knows nothing about file formats, pages or tables; imports only `schemas`.
"""
