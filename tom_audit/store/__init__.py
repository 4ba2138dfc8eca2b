"""Reading, validating and writing tom-audit's files. Every failure becomes a Problem."""
