"""Loaded by the renderer's fork server only, to make each child cheap.

Laying out one page with what reports use (the DejaVu fonts in both weights,
margin boxes with page counters, a table, an SVG chart) loads the fonts and
fills WeasyPrint's caches once, so every child forked from the server starts
warm instead of paying for them on each report."""

import gc
from multiprocessing import spawn

from weasyprint import HTML

import renderer.layout  # noqa: F401 (loaded once, for every child)

SAMPLE = """
<style>
  @page { size: A4; @bottom-right { content: "Sayfa " counter(page) " / "
    counter(pages); font: 8.5pt "DejaVu Sans", sans-serif; } }
  html { font-family: "DejaVu Sans", sans-serif; font-size: 10pt; }
  table { width: 100%; border-collapse: collapse; }
  td { border-bottom: 0.5pt solid #c9d0d8; }
</style>
<h1>Çağlayan Ğıda İşletmeleri</h1>
<p><b>Öztürk Şirketi ÜÇ</b> <i>0123456789 %</i></p>
<table><thead><tr><th>Ad</th><th>Değer</th></tr></thead>
  <tbody><tr><td>ı İ ş Ş</td><td>1.234,5</td></tr></tbody></table>
<svg width="120" height="40" viewBox="0 0 120 40"><rect width="60" height="20"
  fill="#1f5f8b"/><text x="2" y="35" font-size="9">Öğe</text></svg>
"""

HTML(string=SAMPLE).render().write_pdf()
# What is loaded by now lives as long as the server: kept out of the garbage
# collector's sight, it is not touched (and so not copied) by each child's.
gc.freeze()


def _prepare_without_main(data: dict) -> None:
    """Set a child up as multiprocessing does, minus re-running the parent's
    ``__main__``: a child runs ``renderer.serve`` only, which needs nothing
    from it, and a parent started as ``python -m benchmarks.reports`` or
    through a script (gunicorn's, flask's) would otherwise have its main module
    imported again by every child, up to seconds per report."""
    _prepare({key: value for key, value in data.items() if key not in _MAIN_KEYS})


_MAIN_KEYS = ("init_main_from_name", "init_main_from_path")
_prepare = spawn.prepare
spawn.prepare = _prepare_without_main
