"""Regio: a gemeente compares itself with Nederland and with regions like it, over time."""
