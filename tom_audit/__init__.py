"""tom-audit: technical and organisational measures (GDPR Art. 32), documented and checked."""

__version__ = "0.1.0"
