"""ingest: encodings, formats, archives and the guarded URL fetch."""
from __future__ import annotations

import http.server
import io
import json
import threading
import zipfile

import pytest

from analysis import ingest
from analysis.ingest import IngestError, decode_bytes, read_path, read_rows, read_upload
from analysis.model import Article

TEXT = "Ministers met on Monday. “We will act,” the minister said, naïvely — café prices rose."


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"])
def test_unicode_encodings_decode_to_the_same_text(encoding):
    assert decode_bytes(TEXT.encode(encoding), "a.txt") == TEXT


def test_cp1252_and_latin1_are_not_errors():
    text = "Caf\u00e9 owners \u201cworried\u201d about the \u20ac10 fee."
    assert decode_bytes(text.encode("cp1252"), "a.txt") == text
    latin = "Gar\u00e7on, na\u00efve fa\u00e7ade, se\u00f1or."
    assert "fa" in decode_bytes(latin.encode("latin-1"), "a.txt")


def test_binary_named_txt_is_one_clear_error():
    data = bytes(range(256)) * 40
    rows = read_rows("photo.txt", data)
    assert len(rows) == 1 and isinstance(rows[0], IngestError)
    assert "photo.txt" in str(rows[0]) and "binary" in str(rows[0])


def test_empty_and_oversized_text_are_refused():
    assert "empty" in str(read_rows("a.txt", b"   \n")[0])
    big = ("word " * (ingest.MAX_TEXT_CHARS // 4)).encode()
    assert "too long" in str(read_rows("big.txt", big)[0])


def test_html_is_marked_as_html():
    (art,) = read_upload("p.html", b"<html><body><p>Hello world, this is news.</p></body></html>")
    assert art.kind == "html"


def test_jsonl_rows_keep_fields_and_bad_rows_do_not_stop_good_ones():
    lines = [json.dumps({"id": "a1", "text": "First article text.", "source": "Wire"}), "{not json",
             json.dumps({"title": "no text"}), json.dumps({"text": "Second article."})]
    rows = read_rows("batch.jsonl", "\n".join(lines).encode())
    assert [type(r).__name__ for r in rows] == ["Article", "IngestError", "IngestError", "Article"]
    assert rows[0].id == "a1" and rows[0].source == "Wire"
    assert "row 2" in str(rows[1]) and "row 3" in str(rows[2])


def test_csv_needs_a_text_or_url_column():
    (err,) = read_rows("x.csv", b"headline,body\nA,B\n")
    assert isinstance(err, IngestError) and "'text' or 'url'" in str(err)
    rows = read_rows("y.csv", b"text,source\nSome article text here.,Echo\n,Echo\n")
    assert isinstance(rows[0], Article) and rows[0].source == "Echo"
    assert isinstance(rows[1], IngestError)


def test_docx_and_corrupt_docx():
    import docx
    document = docx.Document()
    document.add_paragraph("The council voted on Tuesday.")
    document.add_paragraph("“It is a good day,” the mayor said.")
    buf = io.BytesIO()
    document.save(buf)
    (art,) = read_upload("story.docx", buf.getvalue())
    assert "council voted" in art.text and "mayor said" in art.text
    (err,) = read_rows("broken.docx", b"PK\x03\x04 not really a docx")
    assert isinstance(err, IngestError) and "broken.docx" in str(err)


def test_pdf_without_text_layer_and_garbage_pdf():
    from pypdf import PdfWriter
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    buf = io.BytesIO()
    writer.write(buf)
    (err,) = read_rows("scan.pdf", buf.getvalue())
    assert "no text layer" in str(err)
    (err,) = read_rows("junk.pdf", b"%PDF-1.4 garbage")
    assert isinstance(err, IngestError) and "junk.pdf" in str(err)


def test_encrypted_pdf_is_refused_clearly():
    from pypdf import PdfWriter
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.encrypt(user_password="secret", owner_password="owner")
    buf = io.BytesIO()
    writer.write(buf)
    (err,) = read_rows("locked.pdf", buf.getvalue())
    assert isinstance(err, IngestError) and "encrypted" in str(err)


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


def test_zip_reads_members_and_skips_path_traversal():
    data = _zip({"a.txt": b"First story text.", "../../x.txt": b"evil", "b.md": b"Second story."})
    rows = read_rows("bundle.zip", data)
    articles = [r for r in rows if isinstance(r, Article)]
    errors = [r for r in rows if isinstance(r, IngestError)]
    assert sorted(a.text for a in articles) == ["First story text.", "Second story."]
    assert len(errors) == 1 and "unsafe path" in str(errors[0])


def test_zip_bomb_is_refused_before_unpacking():
    data = _zip({"bomb.txt": b"0" * (ingest.MAX_ZIP_TOTAL_BYTES + 1)})
    (err,) = read_rows("bomb.zip", data)
    assert isinstance(err, IngestError) and "zip bomb" in str(err)


def test_read_path_missing_file_and_folder(tmp_path):
    (tmp_path / "b.txt").write_text("Second.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("First.", encoding="utf-8")
    rows = read_path(tmp_path)
    assert [r.text for r in rows] == ["First.", "Second."]
    (err,) = read_path(tmp_path / "nope.txt")
    assert "does not exist" in str(err)


@pytest.mark.parametrize("url", ["http://127.0.0.1/", "http://localhost:8501/", "http://10.0.0.5/",
                                 "http://192.168.1.1/x", "http://169.254.169.254/latest/meta-data/",
                                 "http://[::1]/", "http://0.0.0.0/", "file:///etc/passwd",
                                 "javascript:alert(1)"])
def test_fetch_refuses_local_private_and_non_http(url, monkeypatch):
    monkeypatch.delenv(ingest.ALLOW_PRIVATE_ENV, raising=False)
    with pytest.raises(IngestError):
        ingest.fetch_url(url)


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server's naming
        if self.path == "/redirect-private":
            self.send_response(302)
            self.send_header("Location", "http://169.254.169.254/latest/")
            self.end_headers()
            return
        if self.path == "/slow":
            import time
            time.sleep(2)
        body = (b"<html><head><title>Local news</title></head><body><p>" + b"Council news. " * 20
                + b"</p></body></html>")
        if self.path == "/huge":
            body = b"<html><body>" + b"x" * 3_000_000 + b"</body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeout or size cap): expected

    def log_message(self, *args):
        pass


@pytest.fixture()
def local_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_fetch_local_server_only_with_override(local_server, monkeypatch):
    monkeypatch.delenv(ingest.ALLOW_PRIVATE_ENV, raising=False)
    with pytest.raises(IngestError, match="private or local"):
        ingest.fetch_url(local_server + "/page")
    monkeypatch.setenv(ingest.ALLOW_PRIVATE_ENV, "1")
    art = ingest.fetch_url(local_server + "/page")
    assert art.kind == "html" and "Council news" in art.text and art.source == "127.0.0.1"


def test_fetch_timeout_and_size_cap(local_server, monkeypatch):
    monkeypatch.setenv(ingest.ALLOW_PRIVATE_ENV, "1")
    with pytest.raises(IngestError, match="did not answer"):
        ingest.fetch_url(local_server + "/slow", timeout=0.5)
    with pytest.raises(IngestError, match="limit"):
        ingest.fetch_url(local_server + "/huge", max_bytes=1_000_000)


def test_redirect_to_metadata_address_is_refused(local_server, monkeypatch):
    # The first hop is allowed only through the override, so check the redirect hook itself.
    monkeypatch.delenv(ingest.ALLOW_PRIVATE_ENV, raising=False)
    handler = ingest._CheckedRedirects()
    with pytest.raises(IngestError):
        handler.redirect_request(None, None, 302, "Found", {}, "http://169.254.169.254/latest/")
