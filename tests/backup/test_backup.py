"""backup_site and restore_site: a round trip into an empty database keeps everything.

A source site is built in a database of its own (demo content, then visits
counted as browsers would), backed up, and restored into a new, empty
database and media folder; both are then read the same way
(``backup_probe.py``). On SQLite the database is dumped as JSON; on
PostgreSQL with pg_dump, and also as JSON into PostgreSQL.
"""

import hashlib
import json
import os
import sqlite3
import tarfile

import pytest

from tests.site_project.production_env import run

SOURCE_STEPS = [
    ["manage.py", "migrate", "--no-input", "-v0"],
    ["manage.py", "load_demo_content", "-v0"],
    ["-m", "tests.backup.backup_probe", "visit"],
]


def postgresql_url():
    """The PostgreSQL server to use: DATABASE_URL's, else a local one if it answers."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        return url
    try:
        import psycopg

        psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", connect_timeout=2).close()
    except Exception:
        return None
    return "postgres://postgres@127.0.0.1:5432/sonla"


def fresh_postgresql_database(suffix):
    import psycopg

    base, _, name = postgresql_url().rpartition("/")
    name = f"{name or 'sonla'}_{suffix}"
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{base}/{name}"


def site_environment(database_url, media_root):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="site_project.settings.test",
        DATABASE_URL=database_url,
        DJANGO_MEDIA_ROOT=str(media_root),
        PORTAL_AUTO_TRANSLATION_DRAFTS="0",
    )
    return env


def table_count(sqlite_file):
    with sqlite3.connect(sqlite_file) as conn:
        return conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]


def check(result):
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result


def fingerprint(env):
    result = check(run(["-m", "tests.backup.backup_probe", "fingerprint"], env))
    return json.loads(result.stdout.splitlines()[-1])


def round_trip(tmp_path, source_url, target_url, backup_options=()):
    source = site_environment(source_url, tmp_path / "media-source")
    for step in SOURCE_STEPS:
        check(run(step, source, timeout=900))
    backup_dir = tmp_path / "backup"
    check(run(["manage.py", "backup_site", str(backup_dir), *backup_options], source))
    before = fingerprint(source)

    target = site_environment(target_url, tmp_path / "media-restored")
    restored = check(run(["manage.py", "restore_site", str(backup_dir)], target, timeout=900))
    assert "row counts checked" in restored.stdout
    after = fingerprint(target)
    return backup_dir, source, target, before, after


def assert_same_site(before, after):
    assert set(before["pages"]) == {"vi", "en", "lo"}
    assert after["pages"] == before["pages"]
    # Counted visits survive: every language of the article was read.
    assert all(page["views"] > 0 for page in before["pages"].values())
    assert after["site_views"] == before["site_views"] > 0
    assert after["rows"] == before["rows"]
    assert before["rows"]["wagtailimages.rendition"] > 0
    for reader in (before["english_reader"], after["english_reader"]):
        assert reader == {"status": 200, "shows_title": True, "rendition_files_exist": True}


def test_sqlite_round_trip_keeps_a_translated_article_its_image_and_visits(tmp_path):
    backup_dir, source, target, before, after = round_trip(
        tmp_path, f"sqlite:///{tmp_path / 'source.sqlite3'}", f"sqlite:///{tmp_path / 'restored.sqlite3'}"
    )
    assert_same_site(before, after)
    manifest = json.loads((backup_dir / "manifest.json").read_text())
    assert manifest["database_format"] == "json"
    assert sorted(p.name for p in backup_dir.iterdir()) == ["database.json", "manifest.json", "media.tar.gz"]

    # Restoring never overwrites: the restored site is no longer empty.
    again = run(["manage.py", "restore_site", str(backup_dir)], target)
    assert again.returncode != 0
    assert "is not empty" in again.stderr and "Restore into a new, empty database" in again.stderr

    # A damaged archive is refused before anything is written.
    with open(backup_dir / "media.tar.gz", "r+b") as archive:
        archive.seek(100)
        archive.write(b"\0\0\0\0")
    empty = site_environment(f"sqlite:///{tmp_path / 'other.sqlite3'}", tmp_path / "media-other")
    damaged = run(["manage.py", "restore_site", str(backup_dir)], empty)
    assert damaged.returncode != 0
    assert "media.tar.gz is damaged" in damaged.stderr
    assert table_count(tmp_path / "other.sqlite3") == 0

    # Backups never mix: the directory must be new or empty.
    refused = run(["manage.py", "backup_site", str(backup_dir)], source)
    assert refused.returncode != 0 and "is not empty" in refused.stderr


@pytest.mark.parametrize("backup_format", ["pgdump", "json"])
def test_postgresql_round_trip_keeps_a_translated_article_its_image_and_visits(tmp_path, backup_format):
    if postgresql_url() is None:
        pytest.skip("No PostgreSQL server answers (set DATABASE_URL to one).")
    source_url = fresh_postgresql_database("backup_source")
    target_url = fresh_postgresql_database("backup_restored")
    backup_dir, _, _, before, after = round_trip(
        tmp_path, source_url, target_url, backup_options=["--format", backup_format]
    )
    assert_same_site(before, after)
    expected = "database.pgdump" if backup_format == "pgdump" else "database.json"
    assert (backup_dir / expected).is_file()


def test_archive_entries_outside_media_root_are_refused_before_anything_is_restored(tmp_path):
    """A backup whose media archive holds ``../`` paths (damaged or forged) restores nothing."""
    backup_dir = tmp_path / "forged"
    backup_dir.mkdir()
    (backup_dir / "database.json").write_text("[]")
    payload = tmp_path / "payload.txt"
    payload.write_text("not media")
    with tarfile.open(backup_dir / "media.tar.gz", "w:gz") as archive:
        archive.add(payload, arcname="../../outside.txt")
    manifest = {
        "format_version": 1,
        "created_at": "2026-11-26T00:00:00+00:00",
        "database_vendor": "sqlite",
        "database_format": "json",
        "rows": {},
        "files": {
            name: hashlib.sha256((backup_dir / name).read_bytes()).hexdigest()
            for name in ("database.json", "media.tar.gz")
        },
    }
    (backup_dir / "manifest.json").write_text(json.dumps(manifest))
    database = tmp_path / "target.sqlite3"
    env = site_environment(f"sqlite:///{database}", tmp_path / "media" / "root")
    result = run(["manage.py", "restore_site", str(backup_dir)], env)
    assert result.returncode != 0
    assert "media.tar.gz holds an unsafe entry" in result.stderr
    assert not (tmp_path / "outside.txt").exists()
    assert table_count(database) == 0
