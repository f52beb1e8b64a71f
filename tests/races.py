"""Another writer who gets in at the worst moment: after a save has read the
rows and compared them with what its form showed, before it writes them."""

from collections.abc import Callable

import pytest
from sqlalchemy import Connection

from app.extensions import db


def another_writer_before(
    monkeypatch: pytest.MonkeyPatch,
    module: object,
    name: str,
    write: Callable[[Connection], object],
) -> None:
    """The first time ``module.name`` is called, ``write`` runs first on a
    connection of its own and commits, as another worker's request would."""
    original = getattr(module, name)
    pending = [write]

    def racing(*args, **kwargs):
        if pending:
            with db.engine.begin() as connection:
                pending.pop()(connection)
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, racing)
