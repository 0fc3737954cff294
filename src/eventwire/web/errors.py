"""One JSON shape for every error: `{"ok": false, "status": 404, "code": "404", "error": "..."}`.

`code` is an eventwire code (`E401`) when the error carries one, else the HTTP status.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from eventwire.api import EventwireError

__all__ = ["error_response", "install_error_handlers"]

CODE_STATUS = {"E601": 400}  # export: a format the table has not; other codes are 500


def error_response(status: int, code: str, error: str) -> JSONResponse:
    line = " ".join(error.split()) or "error"
    body = {"ok": False, "status": status, "code": code, "error": line}
    return JSONResponse(body, status_code=status)


async def on_http_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    return error_response(exc.status_code, str(exc.status_code), str(exc.detail))


async def on_validation_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    return error_response(422, "422", "; ".join(describe(item) for item in exc.errors()))


async def on_eventwire_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, EventwireError)
    status = CODE_STATUS.get(exc.code.value, 500)
    return error_response(status, exc.code.value, str(exc))


async def on_unexpected(_request: Request, exc: Exception) -> JSONResponse:
    first = (str(exc).splitlines() or [""])[0]
    return error_response(500, "500", f"internal error: {type(exc).__name__} {first}".strip())


def describe(item: object) -> str:
    """`query.limit: Input should be less than or equal to 1000`."""
    if not isinstance(item, dict):
        return str(item)
    where = ".".join(str(part) for part in item.get("loc", ()))
    return f"{where}: {item.get('msg', 'invalid')}"


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(HTTPException, on_http_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(EventwireError, on_eventwire_error)
    app.add_exception_handler(Exception, on_unexpected)
