"""Pure functions over catalogues and assessments: no I/O, no UI."""
