"""Reusable widgets and Qt helpers shared by the pages."""
