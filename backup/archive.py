"""Backing up and restoring the whole portal: database and uploaded media.

A backup is a directory holding:

- ``database.pgdump``: ``pg_dump``'s custom format, when the site runs on
  PostgreSQL (restored with ``pg_restore`` into an empty PostgreSQL
  database); or ``database.json``: every row of every model with its primary
  key (``dumpdata``), from SQLite or on request (``--format json``), which
  restores into an empty database of either kind;
- ``media.tar.gz``: everything under ``MEDIA_ROOT`` (original images and
  documents, renditions);
- ``manifest.json``: when and from what the backup was made, the number of
  rows per model and a SHA-256 of each file. A restore checks the files
  before it starts and the row counts after it ends.

Visit counts waiting in Redis are moved to the database first, so a backup
holds every counted view. Restoring never overwrites: the target database
must be empty and ``MEDIA_ROOT`` must hold no file.
"""

import contextlib
import datetime
import hashlib
import json
import os
import shutil
import subprocess
import tarfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
JSON_DUMP = "database.json"
PG_DUMP = "database.pgdump"
MEDIA_ARCHIVE = "media.tar.gz"


class BackupError(Exception):
    """A backup or restore cannot go on; the message says why and what to do."""


# Helpers ------------------------------------------------------------------


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for chunk in iter(lambda: file.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def row_counts():
    """``{"app_label.model": rows}`` for every concrete model with a table of its own."""
    counts = {}
    for model in apps.get_models():
        meta = model._meta
        if meta.proxy or not meta.managed:
            continue
        counts[meta.label_lower] = model._base_manager.using(connection.alias).count()
    return counts


def postgresql_environment():
    """Connection settings for pg_dump/pg_restore, passed in the environment (no password in argv)."""
    database = settings.DATABASES[connection.alias]
    env = dict(os.environ)
    for key, variable in (
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
        ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"),
        ("NAME", "PGDATABASE"),
    ):
        if database.get(key):
            env[variable] = str(database[key])
    return env


def run_tool(arguments):
    tool = shutil.which(arguments[0])
    if tool is None:
        raise BackupError(
            f"{arguments[0]} was not found. Install the PostgreSQL client tools "
            "(Debian: apt-get install postgresql-client) or use --format json."
        )
    result = subprocess.run(
        [tool, *arguments[1:]], env=postgresql_environment(), capture_output=True, text=True
    )
    if result.returncode:
        raise BackupError(f"{arguments[0]} failed: {result.stderr.strip()}")


def flush_pending_visits():
    """Move visit counts waiting in Redis into the database, if Redis is used."""
    from visits import conf

    if conf.redis_url():
        call_command("flush_visits", verbosity=0)


# Backup -------------------------------------------------------------------


def backup(directory, database_format=None):
    """Write a backup of the database and media into ``directory`` (new or empty).

    ``database_format`` is ``"pgdump"`` or ``"json"``; by default pgdump on
    PostgreSQL, json elsewhere. Returns the manifest.
    """
    directory = Path(directory)
    if directory.exists() and any(directory.iterdir()):
        raise BackupError(f"{directory} is not empty; back up into a new directory.")
    vendor = connection.vendor
    database_format = database_format or ("pgdump" if vendor == "postgresql" else "json")
    if database_format == "pgdump" and vendor != "postgresql":
        raise BackupError("pg_dump works only on PostgreSQL; use --format json.")
    directory.mkdir(parents=True, exist_ok=True)

    flush_pending_visits()
    if database_format == "pgdump":
        dump = directory / PG_DUMP
        run_tool(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={dump}"])
    else:
        dump = directory / JSON_DUMP
        # Primary keys are kept, content types and permissions included, so
        # every reference (generic ones too) stays valid in the new database.
        call_command("dumpdata", "--all", "--output", str(dump), verbosity=0)

    media = directory / MEDIA_ARCHIVE
    media_root = Path(settings.MEDIA_ROOT)
    with tarfile.open(media, "w:gz") as archive:
        if media_root.is_dir():
            for entry in sorted(media_root.iterdir()):
                archive.add(entry, arcname=entry.name)

    manifest = {
        "format_version": FORMAT_VERSION,
        "created_at": datetime.datetime.now(datetime.timezone.utc).isoformat(),
        "database_vendor": vendor,
        "database_format": database_format,
        "rows": row_counts(),
        "files": {path.name: sha256_of(path) for path in (dump, media)},
    }
    (directory / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True))
    return manifest


# Restore ------------------------------------------------------------------


def read_manifest(directory):
    directory = Path(directory)
    path = directory / MANIFEST
    if not path.is_file():
        raise BackupError(f"{directory} holds no {MANIFEST}: it is not a backup made by backup_site.")
    manifest = json.loads(path.read_text())
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError(f"This backup has format {manifest.get('format_version')}; expected {FORMAT_VERSION}.")
    for name, expected in manifest["files"].items():
        if not (directory / name).is_file():
            raise BackupError(f"{name} is missing from {directory}.")
        if sha256_of(directory / name) != expected:
            raise BackupError(f"{name} is damaged: its checksum differs from the manifest's.")
    return manifest


@contextlib.contextmanager
def model_signals_muted():
    """No model signal receiver runs while the backup's rows are loaded.

    The rows are restored exactly as they were; receivers would otherwise
    react as if editors were saving them now (start translations, queue
    re-indexing, fill translation memory) and could fail on half-loaded data.
    """
    signals = (pre_save, post_save, pre_delete, post_delete, m2m_changed)
    saved = [(signal, signal.receivers, signal.sender_receivers_cache.copy()) for signal in signals]
    try:
        for signal in signals:
            signal.receivers = []
            signal.sender_receivers_cache.clear()
        yield
    finally:
        for signal, receivers, cache in saved:
            signal.receivers = receivers
            signal.sender_receivers_cache.clear()
            signal.sender_receivers_cache.update(cache)


def check_media_archive(directory):
    """Refuse an archive with a member that would land outside MEDIA_ROOT, before anything is written."""
    media_root = Path(settings.MEDIA_ROOT).resolve()
    with tarfile.open(directory / MEDIA_ARCHIVE, "r:gz") as archive:
        for member in archive.getmembers():
            try:
                tarfile.data_filter(member, str(media_root))
            except tarfile.FilterError as error:
                raise BackupError(f"{MEDIA_ARCHIVE} holds an unsafe entry: {error}") from None


def ensure_empty_target():
    tables = connection.introspection.table_names()
    if tables:
        raise BackupError(
            f"The database {settings.DATABASES[connection.alias]['NAME']} is not empty "
            f"({len(tables)} tables). Restore into a new, empty database."
        )
    media_root = Path(settings.MEDIA_ROOT)
    if media_root.is_dir() and any(path.is_file() for path in media_root.rglob("*")):
        raise BackupError(f"MEDIA_ROOT ({media_root}) already holds files. Restore into an empty one.")


def restore(directory):
    """Restore the backup in ``directory`` into the empty database and MEDIA_ROOT.

    Returns the manifest; raises ``BackupError`` when the backup is damaged,
    the target is not empty or the restored rows differ from the backup's.
    """
    directory = Path(directory)
    manifest = read_manifest(directory)
    ensure_empty_target()
    check_media_archive(directory)

    if manifest["database_format"] == "pgdump":
        if connection.vendor != "postgresql":
            raise BackupError("This backup is a PostgreSQL dump; restore it into a PostgreSQL database.")
        connection.close()
        run_tool(
            [
                "pg_restore",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--exit-on-error",
                f"--dbname={settings.DATABASES[connection.alias]['NAME']}",
                str(directory / PG_DUMP),
            ]
        )
    else:
        # The schema first, then every table emptied of what migrations put
        # there (content types, root page, default site...) without those
        # rows coming back, then the backup's rows with their own keys.
        call_command("migrate", interactive=False, verbosity=0)
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
        with model_signals_muted():
            call_command("loaddata", str(directory / JSON_DUMP), verbosity=0)

    media_root = Path(settings.MEDIA_ROOT)
    media_root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(directory / MEDIA_ARCHIVE, "r:gz") as archive:
        # "data" refuses absolute paths, links out of the folder and devices.
        archive.extractall(media_root, filter="data")

    restored = row_counts()
    differences = {
        label: (rows, restored.get(label))
        for label, rows in manifest["rows"].items()
        if restored.get(label) != rows
    }
    if differences:
        raise BackupError(f"Restored row counts differ from the backup's: {differences}")
    return manifest
