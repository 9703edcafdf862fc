"""Everything that reads bytes from outside: files, uploads, archives, standard input, URLs.

All I/O of the core happens here (the rest of ``analysis`` works on ``str``). Every failure is an
``IngestError`` whose message is one sentence naming the file or URL and the reason, so the CLI and
the dashboard can show it as it is and go on with the other inputs.
"""
from __future__ import annotations

import codecs
import csv
import io
import ipaddress
import json
import os
import socket
import sys
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from .model import Article

# Limits (also stated in the README).
MAX_TEXT_CHARS = 200_000          # one article's text after decoding
MAX_FILE_BYTES = 20_000_000       # one file or upload
MAX_FETCH_BYTES = 5_000_000       # one fetched page
MAX_ZIP_MEMBERS = 1_000           # files inside one archive
MAX_ZIP_TOTAL_BYTES = 100_000_000  # uncompressed bytes inside one archive
MAX_BATCH_ARTICLES = 10_000       # rows of one CSV/JSONL/zip import
FETCH_TIMEOUT_S = 10.0

TEXT_SUFFIXES = {".txt", ".md", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | {".pdf", ".docx", ".jsonl", ".csv", ".zip"}
ALLOW_PRIVATE_ENV = "PRESSLENS_ALLOW_PRIVATE_URLS"


class IngestError(ValueError):
    """An input that cannot be read; ``str(err)`` is one sentence for the user."""

    def __init__(self, message: str, name: str = ""):
        super().__init__(message)
        self.name = name


# ---------- text and encodings ----------

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))


def _looks_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: every other byte is NUL in Latin text."""
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _is_binary(text: str) -> bool:
    sample = text[:8000]
    if not sample:
        return False
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\n\r\t\f\v") or ch == "\ufffd")
    return bad > max(8, 0.02 * len(sample))


def decode_bytes(data: bytes, name: str = "input") -> str:
    """Decode text whatever its encoding: BOMs, UTF-8, UTF-16, then cp1252/latin-1.

    Raises IngestError for data that is not text (images, executables, archives named .txt).
    """
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), None)
    encoding = encoding or _looks_utf16(data)
    if encoding:
        text = data.decode(encoding, errors="replace")
    else:
        if b"\x00" in data[:8000]:
            raise IngestError(f"{name} is not a text file (it contains binary data).", name)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _decode_legacy(data)
    if _is_binary(text):
        raise IngestError(f"{name} is not a text file (it contains binary data).", name)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode_legacy(data: bytes) -> str:
    """Single-byte encodings: cp1252 (what Western news sites and Windows editors write) when it
    decodes cleanly, else charset-normalizer's guess, else latin-1 (which decodes anything)."""
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        pass
    try:
        from charset_normalizer import from_bytes
        best = from_bytes(data[:200_000]).best()
        if best is not None and best.encoding:
            return data.decode(best.encoding, errors="replace")
    except Exception:  # noqa: BLE001 - a detector failure must not stop the read
        pass
    return data.decode("latin-1")


def check_text(text: str, name: str = "The text") -> str:
    """The text itself if it can be analysed, else IngestError (empty or over the limit)."""
    if not text or not text.strip():
        raise IngestError(f"{name} is empty: there is no text to analyse.", name)
    if len(text) > MAX_TEXT_CHARS:
        raise IngestError(f"{name} is too long ({len(text):,} characters; the limit is "
                          f"{MAX_TEXT_CHARS:,} per article).", name)
    return text


def looks_like_html(text: str) -> bool:
    head = text[:3000].lower()
    return any(tag in head for tag in ("<html", "<!doctype html", "<body", "<head", "<article"))


# ---------- formats ----------

def _article_from_text(text: str, name: str, **fields) -> Article:
    kind = "html" if looks_like_html(text) else "text"
    return Article(text=check_text(text, name), name=name, kind=kind, **fields)


def _read_pdf(data: bytes, name: str) -> Article:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError as exc:  # pragma: no cover - pypdf is a pinned requirement
        raise IngestError(f"{name} cannot be read: PDF support is not installed.", name) from exc
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    raise IngestError(f"{name} is an encrypted PDF; save it without a password first.", name)
            except IngestError:
                raise
            except Exception as exc:
                raise IngestError(f"{name} is an encrypted PDF; save it without a password first.", name) from exc
        pages = [page.extract_text() or "" for page in reader.pages]
    except IngestError:
        raise
    except (PdfReadError, Exception) as exc:  # noqa: BLE001 - any parser failure is a bad file
        raise IngestError(f"{name} is not a readable PDF ({type(exc).__name__}).", name) from exc
    text = "\n\n".join(p.strip() for p in pages if p.strip())
    if not text.strip():
        raise IngestError(f"{name} has no text layer (a scanned PDF?); paste its text instead.", name)
    title = None
    try:
        title = (reader.metadata or {}).get("/Title") or None
    except Exception:  # noqa: BLE001 - metadata is optional
        pass
    return Article(text=check_text(text, name), name=name, kind="text", title=title)


def _read_docx(data: bytes, name: str) -> Article:
    try:
        import docx
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - python-docx raises many types for bad files
        raise IngestError(f"{name} is not a readable Word (.docx) file.", name) from exc
    paragraphs = [p.text.strip() for p in document.paragraphs if p.text.strip()]
    title = (document.core_properties.title or None) if document.core_properties else None
    return Article(text=check_text("\n\n".join(paragraphs), name), name=name, kind="text", title=title)


def _row_article(row: dict, name: str, n: int) -> Article:
    """One JSONL/CSV row -> Article; a row with only a URL is fetched."""
    label = f"{name} row {n}"
    if not isinstance(row, dict):
        raise IngestError(f"{label} is not an object with a text, html or url field.", label)
    fields = {k: (str(row[k]).strip() or None) if row.get(k) not in (None, "") else None
              for k in ("title", "source", "url", "id")}
    text = row.get("text") or row.get("html")
    if text:
        return _article_from_text(str(text), label, **fields)
    if fields["url"]:
        fetched = fetch_url(fields["url"])
        return Article(text=fetched.text, name=label, kind=fetched.kind,
                       title=fields["title"] or fetched.title,
                       source=fields["source"] or fetched.source, url=fetched.url, id=fields["id"])
    raise IngestError(f"{label} has no text, html or url.", label)


def _jsonl_rows(text: str, name: str) -> Iterator[Article | IngestError]:
    n = 0
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        if n > MAX_BATCH_ARTICLES:
            yield IngestError(f"{name} has more than {MAX_BATCH_ARTICLES:,} rows; the rest were skipped.", name)
            return
        try:
            row = json.loads(line)
        except json.JSONDecodeError:
            yield IngestError(f"{name} row {n} is not valid JSON.", f"{name} row {n}")
            continue
        try:
            yield _row_article(row, name, n)
        except IngestError as err:
            yield err


def _csv_rows(text: str, name: str) -> Iterator[Article | IngestError]:
    csv.field_size_limit(MAX_TEXT_CHARS * 4)
    try:
        reader = csv.DictReader(io.StringIO(text))
        columns = {c.strip().lower() for c in (reader.fieldnames or []) if c}
    except csv.Error as exc:
        yield IngestError(f"{name} is not a readable CSV file ({exc}).", name)
        return
    if not columns & {"text", "html", "url"}:
        yield IngestError(f"{name} needs a 'text' or 'url' column (found: "
                          f"{', '.join(sorted(columns)) or 'none'}).", name)
        return
    try:
        for n, row in enumerate(reader, 1):
            if n > MAX_BATCH_ARTICLES:
                yield IngestError(f"{name} has more than {MAX_BATCH_ARTICLES:,} rows; the rest were skipped.", name)
                return
            row = {(k or "").strip().lower(): v for k, v in row.items()}
            try:
                yield _row_article(row, name, n)
            except IngestError as err:
                yield err
    except csv.Error as exc:
        yield IngestError(f"{name} is not a readable CSV file ({exc}).", name)


def _zip_members(data: bytes, name: str) -> Iterator[Article | IngestError]:
    """The readable files inside a zip; refuses bombs and path-traversal names."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = [i for i in archive.infolist() if not i.is_dir()]
    except (zipfile.BadZipFile, Exception) as exc:  # noqa: BLE001
        yield IngestError(f"{name} is not a readable zip archive.", name)
        return
    if len(infos) > MAX_ZIP_MEMBERS:
        yield IngestError(f"{name} holds {len(infos):,} files; the limit is {MAX_ZIP_MEMBERS:,}.", name)
        return
    total = sum(i.file_size for i in infos)
    if total > MAX_ZIP_TOTAL_BYTES:
        yield IngestError(f"{name} would unpack to {total:,} bytes; the limit is "
                          f"{MAX_ZIP_TOTAL_BYTES:,} (a zip bomb?).", name)
        return
    for info in sorted(infos, key=lambda i: i.filename):
        member = f"{name}:{info.filename}"
        path = PurePosixPath(info.filename.replace("\\", "/"))
        if path.is_absolute() or ".." in path.parts:
            yield IngestError(f"{member} has an unsafe path and was skipped.", member)
            continue
        if path.name.startswith(".") or "__MACOSX" in path.parts:
            continue
        if info.file_size > MAX_FILE_BYTES:
            yield IngestError(f"{member} is larger than {MAX_FILE_BYTES:,} bytes.", member)
            continue
        try:
            with archive.open(info) as fh:
                content = fh.read(MAX_FILE_BYTES + 1)
        except Exception:  # noqa: BLE001 - corrupt member
            yield IngestError(f"{member} could not be unpacked.", member)
            continue
        if len(content) > MAX_FILE_BYTES:
            yield IngestError(f"{member} is larger than {MAX_FILE_BYTES:,} bytes.", member)
            continue
        if path.suffix.lower() == ".zip":
            yield IngestError(f"{member} is a zip inside a zip; unpack it first.", member)
            continue
        yield from read_rows(member, content)


def read_rows(name: str, data: bytes) -> list[Article | IngestError]:
    """Every article in one file's bytes, with an IngestError in place of each bad one.

    Multi-article files (.jsonl, .csv, .zip) give one entry per row or member, so a bad row never
    stops the good ones; single-article files give one entry.
    """
    suffix = Path(name).suffix.lower()
    if len(data) > MAX_FILE_BYTES:
        return [IngestError(f"{name} is larger than the {MAX_FILE_BYTES // 1_000_000} MB limit per file.", name)]
    try:
        if suffix == ".zip":
            return list(_zip_members(data, name))
        if suffix == ".pdf":
            return [_read_pdf(data, name)]
        if suffix == ".docx":
            return [_read_docx(data, name)]
        if suffix not in SUPPORTED_SUFFIXES:
            return [IngestError(f"{name} has an unsupported file type ({suffix}); use .txt, .md, .html, "
                                f".pdf, .docx, .jsonl, .csv or .zip.", name)]
        text = decode_bytes(data, name)
        if suffix == ".jsonl":
            return list(_jsonl_rows(text, name))
        if suffix == ".csv":
            return list(_csv_rows(text, name))
        return [_article_from_text(text, name)]
    except IngestError as err:
        return [err]


def read_upload(name: str, data: bytes) -> list[Article]:
    """The articles in one uploaded file; raises IngestError if none can be read.

    For per-row errors of multi-article files use ``read_rows``.
    """
    rows = read_rows(name, data)
    articles = [r for r in rows if isinstance(r, Article)]
    if not articles:
        errors = [r for r in rows if isinstance(r, IngestError)]
        raise errors[0] if errors else IngestError(f"{name} contains no articles.", name)
    return articles


def read_path(path: str | os.PathLike) -> list[Article | IngestError]:
    """A file, a folder (its files, sorted) or ``-`` (standard input, plain text)."""
    if str(path) == "-":
        data = sys.stdin.buffer.read()
        rows = read_rows("stdin.txt", data)
        return [r if isinstance(r, IngestError) else
                Article(text=r.text, name="standard input", kind=r.kind) for r in rows]
    p = Path(path)
    if p.is_dir():
        out: list[Article | IngestError] = []
        for child in sorted(c for c in p.rglob("*") if c.is_file() and not c.name.startswith(".")):
            out.extend(read_path(child))
        return out
    if not p.exists():
        return [IngestError(f"{p} does not exist.", str(p))]
    try:
        size = p.stat().st_size
        if size > MAX_FILE_BYTES:
            return [IngestError(f"{p} is larger than the {MAX_FILE_BYTES // 1_000_000} MB limit per file.", str(p))]
        data = p.read_bytes()
    except OSError as exc:
        return [IngestError(f"{p} cannot be read ({exc.strerror or exc}).", str(p))]
    return read_rows(str(p), data)


# ---------- URLs ----------

def _private_allowed() -> bool:
    return os.environ.get(ALLOW_PRIVATE_ENV, "").strip().lower() in ("1", "true", "yes")


def _refused_address(ip: ipaddress._BaseAddress) -> bool:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast
            or ip.is_reserved or ip.is_unspecified or not ip.is_global)


def check_url(url: str) -> str:
    """The URL if presslens may fetch it; IngestError for other schemes and private addresses.

    Every address the host name resolves to is checked, so a public name that points at
    127.0.0.1 or a cloud metadata address (169.254.169.254) is refused too.
    """
    parsed = urllib.parse.urlsplit(url.strip())
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise IngestError(f"{url[:200]} is not an http(s) link.", url)
    if _private_allowed():
        return url.strip()
    host = parsed.hostname
    try:
        infos = socket.getaddrinfo(host, parsed.port or (443 if parsed.scheme == "https" else 80),
                                   proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError, OSError) as exc:
        raise IngestError(f"{host} could not be found ({getattr(exc, 'strerror', None) or exc}).", url) from exc
    for info in infos:
        ip = ipaddress.ip_address(info[4][0].split("%", 1)[0])
        if _refused_address(ip):
            raise IngestError(f"{url[:200]} points to a private or local address ({ip}), which presslens "
                              f"does not fetch.", url)
    return url.strip()


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    """Re-checks every redirect target, so a public URL cannot bounce to a private one."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        check_url(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _site_name(url: str) -> str | None:
    host = urllib.parse.urlsplit(url).hostname or ""
    return host[4:] if host.startswith("www.") else (host or None)


def fetch_url(url: str, *, timeout: float = FETCH_TIMEOUT_S, max_bytes: int = MAX_FETCH_BYTES) -> Article:
    """Download one page (HTML or text) with a timeout and a size cap.

    Refuses loopback, private, link-local and metadata addresses, also through redirects, unless
    PRESSLENS_ALLOW_PRIVATE_URLS=1 (for tests against a local server).
    """
    url = check_url(url)
    opener = urllib.request.build_opener(_CheckedRedirects)
    request = urllib.request.Request(url, headers={"User-Agent": "presslens/0.1 (+news analysis)",
                                                   "Accept": "text/html,text/plain;q=0.9,*/*;q=0.5"})
    try:
        with opener.open(request, timeout=timeout) as resp:
            final_url = resp.geturl()
            body = resp.read(max_bytes + 1)
            charset = resp.headers.get_content_charset()
            ctype = (resp.headers.get_content_type() or "").lower()
    except IngestError:
        raise
    except urllib.error.HTTPError as exc:
        raise IngestError(f"{url[:200]} answered HTTP {exc.code} ({exc.reason}).", url) from exc
    except (urllib.error.URLError, socket.timeout, TimeoutError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", None) or exc
        if isinstance(reason, (socket.timeout, TimeoutError)) or "timed out" in str(reason):
            raise IngestError(f"{url[:200]} did not answer within {timeout:g} seconds.", url) from exc
        raise IngestError(f"{url[:200]} could not be fetched ({reason}).", url) from exc
    if len(body) > max_bytes:
        raise IngestError(f"{url[:200]} is larger than the {max_bytes // 1_000_000} MB limit for a page.", url)
    if ctype and not (ctype.startswith("text/") or "html" in ctype or "xml" in ctype):
        raise IngestError(f"{url[:200]} is not a web page ({ctype}).", url)
    if charset:
        try:
            text = body.decode(charset, errors="replace").replace("\r\n", "\n")
        except LookupError:
            text = decode_bytes(body, url)
    else:
        text = decode_bytes(body, url)
    check_text(text, url[:200])
    kind = "html" if ("html" in ctype or looks_like_html(text)) else "text"
    return Article(text=text, name=url, kind=kind, source=_site_name(final_url), url=final_url)
