"""``dyad serve``: the JSON API and the web page on a local address."""

from __future__ import annotations

from pathlib import Path

import click

from dyad.errors import DyadError

WILDCARD_HOSTS = ("0.0.0.0", "::", "")


@click.command()
@click.option(
    "--db",
    "db",
    type=click.Path(dir_okay=False),
    envvar="DYAD_DB",
    default="dyad.db",
    show_default=True,
    help="the database file (default ./dyad.db, or $DYAD_DB); opened read-only",
)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="address to listen on; anything but 127.0.0.1 lets other machines read the database",
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="port to listen on",
)
def serve(db: str, host: str, port: int) -> None:
    """Serve the JSON API (/api/..., schema at /openapi.json) and the page at / to browse
    timelines, the index, documents, quotes and search. Read-only: nothing is written."""
    import uvicorn

    from dyad.web import create_app
    from dyad.web.app import LOCAL_HOSTS

    try:
        _migrate_if_behind(db)
        named = f"[{host}]" if ":" in host else host  # as a Host header writes it
        hosts = ["*"] if host in WILDCARD_HOSTS else [*LOCAL_HOSTS, named]
        app = create_app(db, allowed_hosts=hosts)
    except DyadError as exc:
        raise click.ClickException(str(exc)) from exc
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"dyad: serving {db} read-only at http://{shown}:{port}/ (Ctrl-C stops)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)


def _migrate_if_behind(db: str) -> None:
    """An older database gets the new schema (tables only; no fact changes) before the
    read-only server opens it; a missing one is an error the user can act on."""
    from dyad.store import open_store
    from dyad.store.base import is_postgres_url
    from dyad.store.schema import MIGRATIONS
    from dyad.web.readonly import schema_version

    if not (is_postgres_url(db) or Path(db).is_file()):
        raise click.ClickException(
            f"{db}: no such database; run `dyad ingest PATH --db {db}` first"
        )
    version = schema_version(db)
    if version < len(MIGRATIONS):
        click.echo(f"dyad: updating {db} from schema {version} to {len(MIGRATIONS)}", err=True)
        with open_store(db):
            pass
