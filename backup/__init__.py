"""Backup and restore of the whole site: database rows and media in one directory."""
