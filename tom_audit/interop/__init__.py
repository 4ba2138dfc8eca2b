"""Open formats in and out: OSCAL catalogs and profiles (Grundschutz++), CISO Assistant
libraries, the BSI's mapping collections; OSCAL catalog and assessment-results exports and
the ISO/IEC 27001 Statement of Applicability.

Plain Python over plain dicts: nothing here imports Textual, and compliance-trestle is used
only by the tests, to validate what `oscal_export` writes against the OSCAL models.
"""
