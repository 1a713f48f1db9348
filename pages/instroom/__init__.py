"""Instroom: enrolment, first-years and graduates of hbo social-work programmes (DUO)."""
