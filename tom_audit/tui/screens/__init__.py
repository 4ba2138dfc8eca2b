"""Screens: start, setup, main, help, and the dialogs."""
