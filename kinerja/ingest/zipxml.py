"""The parts of a zip package (.xlsx, .xlsm, .ods) read safely: names found whatever their case,
sizes checked before anything is unpacked, XML streamed through expat without DTDs or entities.

Part names are case-insensitive (ECMA-376 Part 2, 10.1.2): Excel and LibreOffice open a workbook
whose shared strings are stored as xl/SharedStrings.xml, so this does too. A DTD has no place in
an OOXML or ODF part; refusing any makes entity expansion ("billion laughs") and external
entities impossible, as defusedxml does.
"""
from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from xml.parsers import expat

from kinerja.ingest.grid import MAX_XML_BYTES, MEGABYTE, ReadError
from kinerja.numbers import format_angka

MAX_ENTRIES = 10_000
CHUNK = 1 << 20
REBUILD = ("Buka berkas di Excel atau LibreOffice, simpan ulang (Simpan Sebagai), lalu unggah lagi.")


class Package:
    """An opened zip package; `stream` feeds one part to an XML handler."""

    def __init__(self, data: bytes):
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError) as exc:
            raise ReadError(f"berkas rusak (arsip zip tidak utuh). {REBUILD}") from exc
        if len(infos) > MAX_ENTRIES:
            raise ReadError(f"berkas berisi {format_angka(len(infos))} bagian, lebih dari batas "
                            f"{format_angka(MAX_ENTRIES)}. {REBUILD}")
        self.parts: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            self.parts.setdefault(normal(info.filename), info)
        # Everything that will be parsed is XML; its unpacked size is bounded before any of it is read.
        # (Pictures and macros are never unpacked.)
        xml = [i for i in infos if normal(i.filename).endswith((".xml", ".rels"))]
        total = sum(i.file_size for i in xml)
        if total > MAX_XML_BYTES:
            biggest = max(xml, key=lambda i: i.file_size)
            raise ReadError(
                f"isi berkas terlalu besar setelah dibuka: {format_angka(total / MEGABYTE, 1)} MB "
                f"(bagian terbesar '{biggest.filename}' {format_angka(biggest.file_size / MEGABYTE, 1)} MB), "
                f"batasnya {MAX_XML_BYTES // MEGABYTE} MB, padahal berkasnya hanya "
                f"{format_angka(len(data) / MEGABYTE, 1)} MB. Hapus lembar atau isi yang tidak perlu, atau "
                f"salin tabelnya saja ke buku kerja baru dan simpan sebagai .xlsx, lalu unggah lagi.")

    def has(self, name: str) -> bool:
        return normal(name) in self.parts

    def stream(self, name: str, handler: "XmlHandler") -> None:
        """Parse part `name` with `handler`, in chunks; damage of any kind is a ReadError."""
        info = self.parts.get(normal(name))
        if info is None:
            raise ReadError(f"berkas tidak lengkap: bagian '{name}' tidak ada. {REBUILD}")
        try:
            with self.zip.open(info) as part:
                feed(handler, iter(lambda: part.read(CHUNK), b""), f"bagian '{info.filename}'")
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError, RuntimeError) as exc:
            raise ReadError(f"berkas rusak: bagian '{info.filename}' tidak dapat dibuka. {REBUILD}") from exc


def feed(handler: "XmlHandler", chunks, what: str) -> None:
    """Parse the XML in `chunks` (bytes) with `handler`; XML damage is a ReadError naming `what`."""
    parser = safe_parser(handler)
    try:
        for chunk in chunks:
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except (expat.ExpatError, Forbidden) as exc:
        raise ReadError(f"berkas rusak: {what} bukan XML yang sah (baris {parser.CurrentLineNumber}, kolom "
                        f"{parser.CurrentColumnNumber + 1}). {REBUILD}") from exc


def parse_bytes(data: bytes, handler: "XmlHandler", what: str) -> None:
    feed(handler, (data[i:i + CHUNK] for i in range(0, len(data), CHUNK)), what)


def normal(name: str) -> str:
    """A part name as compared: without a leading '/', forward slashes, lower case."""
    return posixpath.normpath(name.replace("\\", "/").lstrip("/")).lower()


def resolve(source: str, target: str) -> str:
    """The part a relationship of part `source` points to (absolute '/xl/..' or relative to it)."""
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target))


def rels_of(source: str) -> str:
    """The relationships part of `source`: xl/workbook.xml -> xl/_rels/workbook.xml.rels."""
    folder, name = posixpath.split(source)
    return posixpath.join(folder, "_rels", f"{name}.rels")


class XmlHandler:
    """Callbacks for one part, called by expat directly: `start(name, attrs)`, `end(name)`,
    `text(data)`. With `namespaces` False (OOXML) names come as written ("c", or "x:c" in a file
    that prefixes its namespace: use `local`); with True (ODF) as "namespace-uri}local-name"."""

    namespaces = False

    def start(self, name: str, attrs: dict[str, str]) -> None: ...

    def end(self, name: str) -> None: ...

    def text(self, data: str) -> None: ...


def local(name: str) -> str:
    """An element or attribute name without its prefix ("x:c" -> "c", "r:id" -> "id")."""
    return name[name.index(":") + 1:] if ":" in name else name


class Forbidden(Exception):
    """A DTD or entity declaration in a part."""


def _forbidden(*_args) -> None:
    raise Forbidden


def safe_parser(handler: XmlHandler):
    parser = expat.ParserCreate(namespace_separator="}" if handler.namespaces else None)
    parser.buffer_text = True
    parser.buffer_size = 1 << 16
    parser.StartDoctypeDeclHandler = _forbidden
    parser.EntityDeclHandler = _forbidden
    parser.UnparsedEntityDeclHandler = _forbidden
    parser.ExternalEntityRefHandler = _forbidden
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartElementHandler = handler.start
    parser.EndElementHandler = handler.end
    parser.CharacterDataHandler = handler.text
    return parser
