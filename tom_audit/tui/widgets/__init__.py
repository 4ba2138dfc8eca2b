"""Widgets of the main screen: category list, measure table, measure detail, status bar."""
