"""The FastAPI app: read-only endpoints over one store, opened once per app."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import FileResponse, JSONResponse, StreamingResponse
from fastapi.staticfiles import StaticFiles

from eventwire import __version__, api
from eventwire.web.errors import install_error_handlers
from eventwire.web.stream import ExportStream

__all__ = ["create_app", "serve"]

# format -> (media type, file suffix) of a download
DOWNLOADS = {
    "jsonl": ("application/x-ndjson", "jsonl"),
    "csv": ("text/csv; charset=utf-8", "csv"),
    "acled": ("text/csv; charset=utf-8", "acled.csv"),
    "ucdp": ("text/csv; charset=utf-8", "ucdp.csv"),
    "geojson": ("application/geo+json", "geojson"),
    "parquet": ("application/vnd.apache.parquet", "parquet"),
}
STATIC = Path(__file__).with_name("static")  # the page at `/`: index.html, its JS, CSS, vendor/
Limit = Annotated[int, Query(ge=1, le=1000, description="rows per page")]
Offset = Annotated[int, Query(ge=0, description="rows to skip")]


def create_app(db_url: str = api.DEFAULT_URL, tiles: str | None = None) -> FastAPI:
    """The API over the store at `db_url` (opened, and migrated, now; closed at shutdown),
    and the page at `/`; `tiles` is an optional tile URL template the page lays over its
    own basemap (`https://.../{z}/{x}/{y}.png`)."""
    reader = api.StoreReader(db_url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        reader.close()

    app = FastAPI(title="eventwire", version=__version__, lifespan=lifespan)
    app.state.reader = reader
    install_error_handlers(app)
    add_event_routes(app)
    add_table_routes(app)
    add_export_routes(app)
    add_page_routes(app, tiles)
    return app


def ok(fields: dict[str, Any]) -> JSONResponse:
    """A success body, serialized as is (the rows are plain JSON values already)."""
    return JSONResponse({"ok": True, **fields})


def reader_of(request: Request) -> api.StoreReader:
    found: api.StoreReader = request.app.state.reader
    return found


def event_filter(
    since: Annotated[date | None, Query(description="events that end on or after")] = None,
    until: Annotated[date | None, Query(description="events that start on or before")] = None,
    country: Annotated[str | None, Query(description="country name or ISO3 code")] = None,
    admin1: Annotated[str | None, Query(description="admin1 name")] = None,
    event_type: Annotated[str | None, Query(description="event or sub-event type")] = None,
    actor: Annotated[str | None, Query(description="part of an actor's name")] = None,
    outlet: Annotated[str | None, Query(description="one of the event's sources")] = None,
    min_sources: Annotated[int, Query(ge=0, description="least independent sources")] = 0,
    bbox: Annotated[str | None, Query(description="west,south,east,north")] = None,
) -> api.EventFilter:
    """The filters shared with `eventwire events` and `eventwire export` (any case)."""
    return api.EventFilter(
        since.isoformat() if since else None, until.isoformat() if until else None,
        country, admin1, event_type, actor, outlet, min_sources, box_of(bbox),
    )  # fmt: skip


def box_of(text: str | None) -> api.BBox | None:
    if text is None:
        return None
    try:
        return api.parse_bbox(text)
    except api.EventwireError as exc:
        raise HTTPException(422, f"query.bbox: {exc.message}") from None


Filter = Annotated[api.EventFilter, Depends(event_filter)]


def add_event_routes(app: FastAPI) -> None:
    @app.get("/events", summary="Fused events, filtered and paged, by date (undated last)")
    def events(
        request: Request,
        wanted: Filter,
        sort: Literal["date", "-date"] = "date",
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> JSONResponse:
        page = reader_of(request).events(wanted, limit, offset, descending=sort == "-date")
        return ok({"offset": page.offset, "limit": limit, "next_offset": page.next_offset,
                   "events": page.events})  # fmt: skip

    @app.get("/events/{event_id}", summary="One event with its claims and reports")
    def event(request: Request, event_id: str) -> JSONResponse:
        found = reader_of(request).event(event_id)
        if found is None:
            raise HTTPException(404, f"no event {event_id!r}")
        return ok({"event": found})


def add_table_routes(app: FastAPI) -> None:
    @app.get("/outlets", summary="Outlets with their numbers of articles and events")
    def outlets(request: Request) -> JSONResponse:
        return ok({"outlets": reader_of(request).outlets()})

    @app.get("/framing", summary="Outlet x actor -> the labels the outlet used")
    def framing(request: Request, limit: Limit = 1000, offset: Offset = 0) -> JSONResponse:
        rows = reader_of(request).rows("framing", limit, offset)
        return ok({"offset": offset, "limit": limit, "framing": rows})

    @app.get("/rejects", summary="Inputs that were rejected, with their codes and reasons")
    def rejects(request: Request, limit: Limit = 100, offset: Offset = 0) -> JSONResponse:
        rows = reader_of(request).rows("rejects", limit, offset)
        return ok({"offset": offset, "limit": limit, "rejects": rows})


def add_export_routes(app: FastAPI) -> None:
    @app.get("/export/{name}", summary="Download a table: events.jsonl, events.acled, ...")
    def export(request: Request, name: str, wanted: Filter) -> StreamingResponse:
        """`{table}.{format}`; the event filters apply to `events`."""
        table, _dot, fmt = name.rpartition(".")
        if table not in api.EXPORT_TABLES or fmt not in DOWNLOADS:
            tables, formats = ", ".join(api.EXPORT_TABLES), ", ".join(DOWNLOADS)
            raise HTTPException(404, f"no export {name!r} (tables: {tables}; formats: {formats})")
        db_url = reader_of(request).db_url
        chunks = ExportStream(
            lambda out: api.export_table(table, fmt, out, db_url, wanted), fmt == "parquet"
        )
        media, suffix = DOWNLOADS[fmt]
        headers = {"Content-Disposition": f'attachment; filename="{table}.{suffix}"'}
        return StreamingResponse(iter(chunks), media_type=media, headers=headers)


def add_page_routes(app: FastAPI, tiles: str | None) -> None:
    """The page (`/`), its files (`/static/...`, vendored libraries included: the page
    loads nothing from elsewhere) and its settings (`/config`)."""

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    @app.get("/config", include_in_schema=False)  # the page's own settings (docs/web.md)
    def config() -> JSONResponse:
        return ok({"tiles": tiles, "version": __version__})

    app.mount("/static", StaticFiles(directory=STATIC), name="static")


def serve(
    db_url: str = api.DEFAULT_URL,
    host: str = "127.0.0.1",
    port: int = 8000,
    access_log: bool = True,
    tiles: str | None = None,
) -> None:
    """Run the API and the page with uvicorn until interrupted (what `eventwire serve` calls)."""
    import uvicorn

    uvicorn.run(create_app(db_url, tiles), host=host, port=port, access_log=access_log)
