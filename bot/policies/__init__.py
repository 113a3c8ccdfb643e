"""Viitta's own Rasa policies."""
