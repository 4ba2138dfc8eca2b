"""Text renderings of the domain (catalogue reference, reports) for terminals and Markdown."""
