"""Raadpleging: the figures of Movisie's Grote Raadpleging van het Sociaal Werk, per report line."""
