"""Over de data: every snapshot with source, licence, years, rows and build date."""
