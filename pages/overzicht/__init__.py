"""Overzicht (start page): the headline figures of the three themes, each linked to its page."""
