"""The domain: catalogues and assessments as plain dataclasses. No I/O here."""
