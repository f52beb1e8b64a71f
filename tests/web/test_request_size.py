"""Every request is held to MAX_CONTENT_LENGTH (2 MB) and refused with a 413
before its body is read; only the import's upload, for a signed-in user,
accepts a file up to IMPORT_MAX_BYTES. The CSRF check stays on here, since it
is the first to read a form."""

import io
import re

import pytest
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from app.config import defaults
from tests.conftest import PASSWORD

MB = 1024 * 1024


class CountingStream(io.RawIOBase):
    """A body of ``size`` bytes made on demand, counting what is read of it
    (the test client seeks to its end and back to learn its length)."""

    def __init__(self, size: int):
        self.size = size
        self.position = 0
        self.read_bytes = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        self.position = self.size + offset if whence == io.SEEK_END else offset
        return self.position

    def tell(self) -> int:
        return self.position

    def readinto(self, buffer) -> int:
        count = min(len(buffer), self.size - self.position)
        buffer[:count] = b"a" * count
        self.position += count
        self.read_bytes += count
        return count


@pytest.fixture
def app_config():
    return {"WTF_CSRF_ENABLED": True}


def token_from(page: str) -> str:
    return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)


@pytest.fixture
def signed_in(client, factory) -> tuple[int, str]:
    """The engagement of a signed-in consultant, and the session's CSRF token."""
    owner = factory.user("deniz@example.com", "Deniz Aydın")
    engagement_id = factory.engagement(owner)
    token = token_from(client.get("/login").text)
    form = {"email": "deniz@example.com", "password": PASSWORD, "csrf_token": token}
    assert client.post("/login", data=form).status_code == 302
    return engagement_id, token_from(client.get("/account/").text)


def customers_file(size: int) -> bytes:
    """A customers CSV of about ``size`` bytes (its padding in one column)."""
    rows = ["Cari Kod;Ünvan"]
    rows += [f"C-{n};{'Örnek Gıda ' * 20}" for n in range(size // 230)]
    return "\r\n".join(rows).encode()


def test_the_app_wide_limit_is_small(tmp_path):
    assert defaults(str(tmp_path))["MAX_CONTENT_LENGTH"] == 2 * MB


def test_a_huge_body_to_the_sign_in_page_is_refused_unread(client):
    body = CountingStream(120 * MB)
    response = client.post(
        "/login",
        input_stream=body,
        content_length=body.size,
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 413
    assert "What was sent is larger than this page accepts." in response.text
    assert body.read_bytes == 0


def test_a_signed_in_form_is_held_to_the_app_wide_limit(client, signed_in):
    engagement_id, token = signed_in
    form = {"csrf_token": token, "name": "x" * (3 * MB)}
    response = client.post(f"/engagements/{engagement_id}/edit", data=form)
    assert response.status_code == 413


def test_the_import_takes_a_file_above_the_app_wide_limit(app, client, signed_in):
    engagement_id, token = signed_in
    data = customers_file(3 * MB)
    assert len(data) > 2 * MB
    # encoded here, in memory: the test client's own encoding of a file this
    # large leaves a temporary file open
    boundary, body = encode_multipart(
        {
            "csrf_token": token,
            "kind": "customers",
            "file": FileStorage(io.BytesIO(data), "c.csv"),
        }
    )
    response = client.post(
        f"/engagements/{engagement_id}/design/import",
        data=body,
        content_type=f"multipart/form-data; boundary={boundary}",
    )
    assert response.status_code == 302, response.text


@pytest.mark.parametrize(
    "app_config", [{"WTF_CSRF_ENABLED": True, "IMPORT_MAX_BYTES": MB}]
)
def test_a_body_far_beyond_the_import_limit_is_refused_unread(client, signed_in):
    engagement_id, _token = signed_in
    body = CountingStream(120 * MB)
    response = client.post(
        f"/engagements/{engagement_id}/design/import",
        input_stream=body,
        content_length=body.size,
        content_type="multipart/form-data; boundary=x",
    )
    assert response.status_code == 413
    assert "This file is larger than the import accepts." in response.text
    assert body.read_bytes == 0


def test_signed_out_the_import_keeps_the_app_wide_limit(client, factory):
    engagement_id = factory.engagement(factory.user("deniz@example.com"))
    body = CountingStream(3 * MB)
    response = client.post(
        f"/engagements/{engagement_id}/design/import",
        input_stream=body,
        content_length=body.size,
        content_type="multipart/form-data; boundary=x",
    )
    assert response.status_code == 413
    assert body.read_bytes == 0
