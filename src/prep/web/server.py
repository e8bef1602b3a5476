"""Serving the app under uvicorn: what `prep serve` runs, and the load benchmark too."""

from __future__ import annotations

import gc

import uvicorn
from fastapi import FastAPI


def run(app: FastAPI, host: str, port: int) -> None:
    # What is loaded by now (the catalog, the app, the libraries) lives as long as the process.
    # Frozen, the cyclic garbage collector no longer walks it in every full collection, each of
    # which otherwise paused every request in flight for tens of milliseconds under load.
    gc.collect()
    gc.freeze()
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
