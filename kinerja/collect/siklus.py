"""The LKjIP cycle of a year: the eleven steps of the SOP Pengumpulan Data Kinerja BKPSDM Kota
Samarinda (Surat Tugas → format → collection → analysis → draft → correction → meeting →
approval → signing (twice, as the SOP lists it) → surat pengantar with its number), each with its
pelaksana, mutu baku (kelengkapan, waktu, output), plan, status, account and documents.

The step list is data (table siklus_sop, seeded from the SOP by migration 0009); a year's copy of a
step is changed by the Sekretariat. A step is completed in order, each by its own rule (RULES):
documents where the SOP asks for one, the register complete for step 3, an analysis of every
indicator for step 4, every quarter verified for step 7, a signed PDF for steps 9 and 10. Step 9
makes the whole year read-only (kinerja.collect.workflow.signed, checked by every write of values,
notes, settings and steps) until a Pimpinan reopens it with a reason.

The report's due date: a setting per year, by default two months after the year ends (PP 8/2006
Pasal 34 ayat 3 and PermenPAN-RB 53/2014: laporan kinerja tahunan paling lambat 2 bulan setelah
tahun anggaran berakhir). Every write: one function per kind of change, `require`, an audit row, one
transaction.
"""
from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta
from pathlib import PurePath

import duckdb
import pandas as pd

from kinerja.auth import Akun, require
from kinerja.collect import audit, bukti, register, workflow
from kinerja.safety import printable
from kinerja.store import db
from kinerja.store.queries import run, sql

JUMLAH_LANGKAH = 11
# The SOP's pelaksana columns.
PELAKSANA = {"kepala": "Kepala Badan", "sekretaris": "Sekretaris", "eselon3": "Pejabat Eselon III",
             "fungsional": "Pejabat Fungsional", "staf": "Staf Pelaksana"}
# The SOP gives waktu without a unit: a setting per year, none until chosen.
SATUAN_WAKTU = ("menit", "jam", "hari", "hari kerja", "minggu")
# Fields of a step a year may set (siklus_langkah).
FIELDS = ("uraian", "pelaksana", "kelengkapan", "waktu", "output", "rencana_mulai", "rencana_selesai", "arsip_fisik")
# Kinds of document per step, and the file types each takes (bukti.TYPES names).
DOKUMEN = {
    1: {"surat_tugas": ("pdf", "docx", "jpg", "jpeg", "png")},
    2: {"format": ("zip",)},
    3: {"lain": ("pdf", "xlsx", "docx")},
    4: {"lain": ("pdf", "xlsx", "docx")},
    5: {"draf": ("docx",)},
    6: {"koreksi": ("docx", "pdf")},
    7: {"notulen": ("pdf", "docx", "jpg", "jpeg", "png")},
    8: {"ttd": ("pdf", "docx")},
    9: {"ttd": ("pdf",)},
    10: {"ttd": ("pdf",)},
    11: {"surat_pengantar": ("docx", "pdf")},
}
DOKUMEN_TEKS = {"surat_tugas": "Surat Tugas", "format": "Format pengumpulan (zip)", "lain": "Dokumen",
                "draf": "Draft Bab III", "koreksi": "Draft terkoreksi", "notulen": "Notulen/daftar hadir",
                "ttd": "Dokumen ditandatangani", "surat_pengantar": "Surat pengantar"}
# Steps that need at least one soft copy before they complete (SOP: every step is documented).
BUTUH_DOKUMEN = {1, 2, 5, 6, 8, 9, 10, 11}
# The permission each step's completion needs.
AKSI = {n: "tanda_tangan" if n in (8, 9, 10) else "siklus" for n in range(1, JUMLAH_LANGKAH + 1)}
ANALISIS = ("penyebab", "solusi", "efisiensi")
TANPA_SASARAN = "Tanpa sasaran"  # the sasaran of indicators without one (queries analisis_indikator.sql)
ANALISIS_TEKS = {"penyebab": "Penyebab keberhasilan/kegagalan", "solusi": "Alternatif solusi",
                 "efisiensi": "Efisiensi penggunaan sumber daya"}
FORMAT_NOMOR = "{urut}/LKjIP/BKPSDM/{tahun}"
ZIP = "application/zip"
LANGKAH_COLUMNS = ["nomor", "uraian", "pelaksana", "kelengkapan", "waktu", "output", "rencana_mulai",
                   "rencana_selesai", "arsip_fisik", "status", "pada", "oleh", "catatan", "dokumen", "dokumen_berlaku",
                   "terlambat"]


class SiklusError(workflow.WorkflowError):
    """A step of the cycle the rules refuse; the message is for the user, in Bahasa Indonesia."""


# --------------------------------------------------------------------------- reading


def langkah(con: duckdb.DuckDBPyConnection, tahun: int, hari_ini: date | None = None) -> pd.DataFrame:
    """The eleven steps of the year, in order: LANGKAH_COLUMNS. status: belum | selesai |
    dibuka_kembali; pada/oleh/catatan of the latest event; dokumen: how many soft copies;
    dokumen_berlaku: those attached since the step was last reopened; terlambat: not done and its planned end (rencana_selesai) is before `hari_ini` (today)."""
    frame = run(con, "siklus_langkah", {"tahun": tahun})
    today = pd.Timestamp(hari_ini or date.today())
    planned = pd.to_datetime(frame["rencana_selesai"])
    frame["terlambat"] = (frame["status"] != "selesai") & planned.notna() & (planned < today)
    return frame[LANGKAH_COLUMNS]


def pengaturan(con: duckdb.DuckDBPyConnection, tahun: int) -> dict:
    """tenggat_laporan (date: the set one or the default), tenggat_diatur (bool), satuan_waktu (None
    until chosen)."""
    found = run(con, "siklus_tahun", {"tahun": tahun})
    row = found.iloc[0].to_dict() if len(found) else {}
    set_date = row.get("tenggat_laporan")
    diatur = set_date is not None and not pd.isna(set_date)
    return {"tenggat_laporan": pd.Timestamp(set_date).date() if diatur else tenggat_bawaan(tahun),
            "tenggat_diatur": diatur, "satuan_waktu": row.get("satuan_waktu") or None}


def tenggat_bawaan(tahun: int) -> date:
    """Two months after the year ends: the last day of February of the next year."""
    return date(tahun + 1, 3, 1) - timedelta(days=1)


def posisi(con: duckdb.DuckDBPyConnection, tahun: int, hari_ini: date | None = None) -> dict:
    """Where the year's LKjIP is, for the Pimpinan's glance: sekarang (the first step not done, None
    when all are), selesai (count), terlambat (numbers of late steps), tenggat_laporan, lewat_tenggat
    (the due date passed before step 11 was done), sisa_hari (days to the due date, negative after),
    ditandatangani (workflow.signed or None)."""
    steps = langkah(con, tahun, hari_ini)
    open_steps = steps[steps["status"] != "selesai"]
    today = hari_ini or date.today()
    due = pengaturan(con, tahun)["tenggat_laporan"]
    return {"sekarang": None if open_steps.empty else int(open_steps.iloc[0]["nomor"]),
            "selesai": int((steps["status"] == "selesai").sum()),
            "terlambat": [int(n) for n in steps.loc[steps["terlambat"], "nomor"]],
            "tenggat_laporan": due, "lewat_tenggat": not open_steps.empty and today > due,
            "sisa_hari": (due - today).days, "ditandatangani": workflow.signed(con, tahun)}


def dokumen(con: duckdb.DuckDBPyConnection, tahun: int, nomor: int | None = None,
            jenis: str | None = None) -> pd.DataFrame:
    """The documents of the year (of a step, of a kind), newest first: id, nomor, jenis, versi,
    nama_berkas, ukuran (bytes), mime, sha256, komentar, pada, oleh."""
    return run(con, "siklus_dokumen_daftar", {"tahun": tahun, "nomor": nomor, "jenis": jenis})


def isi_dokumen(con: duckdb.DuckDBPyConnection, akun: Akun, dokumen_id: int) -> tuple[str, bytes, str]:
    """(file name, bytes, MIME type) of a document, for an account that may read the cycle
    (auth.Ditolak otherwise: an operator); SiklusError for an unknown id."""
    require(akun, "baca_siklus")
    found = run(con, "siklus_dokumen_isi", {"id": dokumen_id})
    if found.empty:
        raise SiklusError(f"Dokumen {dokumen_id} tidak ada.")
    row = found.iloc[0]
    return row["nama_berkas"], bytes(row["isi"]), row["mime"]


def rapat(con: duckdb.DuckDBPyConnection, tahun: int) -> pd.DataFrame:
    """The finalisation meetings (step 7), newest first: id, tanggal, notulen, hadir (one per line), pada, oleh."""
    return run(con, "siklus_rapat", {"tahun": tahun})


def indikator_analisis(con: duckdb.DuckDBPyConnection, tahun: int) -> pd.DataFrame:
    """Every indicator with a target in the year and its analysis in force: indikator_id, unit,
    indikator, sasaran, penyebab, solusi, efisiensi, pada, oleh (missing where none is written)."""
    rows = run(con, "analisis_indikator", {"tahun": tahun})
    written = analisis(con, tahun)
    per_indicator = written[written["indikator_id"].notna()].drop(columns="sasaran")
    per_indicator = per_indicator.astype({"indikator_id": "int64"})
    return rows.merge(per_indicator, on="indikator_id", how="left")


def analisis(con: duckdb.DuckDBPyConnection, tahun: int) -> pd.DataFrame:
    """The analysis in force: sasaran, indikator_id (missing for a sasaran's own analysis),
    penyebab, solusi, efisiensi, pada, oleh."""
    return run(con, "analisis_daftar", {"tahun": tahun})


def analisis_teks(con: duckdb.DuckDBPyConnection, tahun: int) -> dict:
    """The analysis as the LKjIP draft takes it (kinerja.reports.lkjip.Analisis): {"indikator":
    {indikator_id: text}, "sasaran": {sasaran text: text}}, each text one line per kind written
    ("Penyebab keberhasilan/kegagalan: …"); entries without text left out."""
    out: dict = {"indikator": {}, "sasaran": {}}
    for row in analisis(con, tahun).to_dict("records"):
        lines = [f"{ANALISIS_TEKS[k]}: {printable(row[k])}" for k in ANALISIS
                 if isinstance(row[k], str) and row[k].strip()]
        if lines:
            if pd.isna(row["indikator_id"]):
                out["sasaran"][row["sasaran"]] = "\n".join(lines)
            else:
                out["indikator"][int(row["indikator_id"])] = "\n".join(lines)
    return out


def nomor_surat(con: duckdb.DuckDBPyConnection, tahun: int) -> pd.DataFrame:
    """The numbering register of the year: urut, nomor, perihal, pada, oleh."""
    return run(con, "nomor_surat_daftar", {"tahun": tahun})


def kuartal_belum_terverifikasi(con: duckdb.DuckDBPyConnection, tahun: int) -> list[str]:
    """"UNIT TW II (diajukan)" for every quarter a unit owes (the register's wajib) that is not verified."""
    reg = register.register(con, tahun)
    reg = reg[reg["wajib"]]
    open_ = reg[reg["status"] != "diverifikasi"]
    roman = {1: "I", 2: "II", 3: "III", 4: "IV"}
    return [f"{r.unit} TW {roman[int(r.triwulan)]} ({r.status})" for r in open_.itertuples(index=False)]


def belum_terhimpun(con: duckdb.DuckDBPyConnection, tahun: int) -> list[str]:
    """"UNIT TW II" for every quarter a unit owes (the register's wajib) that has nothing submitted
    yet (status belum or draf): what keeps step 3 open."""
    reg = register.register(con, tahun)
    reg = reg[reg["wajib"] & reg["status"].isin(["belum", "draf"])]
    roman = {1: "I", 2: "II", 3: "III", 4: "IV"}
    return [f"{r.unit} TW {roman[int(r.triwulan)]}" for r in reg.itertuples(index=False)]


# --------------------------------------------------------------------------- rules


def alasan_belum_bisa(con: duckdb.DuckDBPyConnection, tahun: int, nomor: int, dokumen: bool = True) -> str | None:
    """Why step `nomor` cannot be completed now (text for the user), or None when it can;
    `dokumen` False leaves out the step's document (for a step that produces it itself)."""
    steps = langkah(con, tahun).set_index("nomor")
    if nomor not in steps.index:
        return f"Langkah {nomor} tidak ada; siklus LKjIP punya {JUMLAH_LANGKAH} langkah."
    if steps.at[nomor, "status"] == "selesai":
        return f"Langkah {nomor} sudah selesai."
    before = [n for n in range(1, nomor) if steps.at[n, "status"] != "selesai"]
    if before:
        return f"Selesaikan dulu langkah {', '.join(map(str, before))} (langkah dijalankan berurutan menurut SOP)."
    if dokumen and nomor in BUTUH_DOKUMEN and steps.at[nomor, "dokumen_berlaku"] == 0:
        kinds = " atau ".join(DOKUMEN_TEKS[k] for k in DOKUMEN[nomor])
        again = " baru (sesudah dibuka kembali)" if steps.at[nomor, "dokumen"] else ""
        return f"Langkah {nomor} memerlukan dokumen{again} ({kinds}); lampirkan dulu salinan lunaknya."
    if nomor == 3:
        missing = belum_terhimpun(con, tahun)
        if missing:
            return (f"Register pengumpulan {tahun} belum lengkap: belum ada data dari {', '.join(missing[:8])}"
                    f"{' dan lainnya' if len(missing) > 8 else ''}.")
        if register.register(con, tahun)["jumlah_indikator"].sum() == 0:
            return f"Belum ada indikator dengan target tahun {tahun}; belum ada yang dihimpun."
    if nomor == 4:
        rows = indikator_analisis(con, tahun)
        missing = rows[rows["penyebab"].isna() | (rows["penyebab"].fillna("").str.strip() == "")]
        if rows.empty:
            return f"Belum ada indikator dengan target tahun {tahun} untuk dianalisis."
        if len(missing):
            return (f"Analisis belum ditulis untuk {len(missing)} dari {len(rows)} indikator (mis. "
                    f"{missing.iloc[0]['indikator']}). Tulis penyebab keberhasilan/kegagalan tiap indikator.")
    if nomor == 7:
        if rapat(con, tahun).empty:
            return "Catat dulu rapat finalisasi (tanggal, notulen, daftar hadir)."
        unverified = kuartal_belum_terverifikasi(con, tahun)
        if unverified:
            return (f"Rapat finalisasi memerlukan semua triwulan {tahun} diverifikasi; belum: "
                    f"{', '.join(unverified[:8])}{' dan lainnya' if len(unverified) > 8 else ''}.")
    return None


def refuse_locked(con: duckdb.DuckDBPyConnection, tahun: int, nomor: int | None = None) -> None:
    """SiklusError when the year is signed and the change is not one of the steps that follow the
    signature (10 and 11)."""
    if nomor is not None and nomor >= 10:
        return
    problems = workflow.signed_problems(con, tahun, None)
    if problems:
        raise SiklusError(problems[0].message)


# --------------------------------------------------------------------------- writing


def ubah_langkah(con: duckdb.DuckDBPyConnection, tahun: int, nomor: int, akun: Akun,
                 waktu: datetime | None = None, **changes) -> None:
    """Change the year's copy of a step (FIELDS: uraian, pelaksana as PELAKSANA keys joined by
    commas, kelengkapan, waktu (a whole number), output, rencana_mulai/rencana_selesai (dates),
    arsip_fisik). Sekretariat only (auth.Ditolak otherwise); SiklusError for an unknown field or
    value, an empty uraian, a plan that ends before it starts, or a signed year."""
    require(akun, "siklus_atur")
    unknown = set(changes) - set(FIELDS)
    if unknown:
        raise SiklusError(f"kolom langkah tidak dikenal: {', '.join(sorted(unknown))}")
    refuse_locked(con, tahun, nomor)
    current = langkah(con, tahun).set_index("nomor")
    if nomor not in current.index:
        raise SiklusError(f"Langkah {nomor} tidak ada; siklus LKjIP punya {JUMLAH_LANGKAH} langkah.")
    row = {k: clean(current.at[nomor, k]) for k in FIELDS}
    for key in ("rencana_mulai", "rencana_selesai"):
        row[key] = pd.Timestamp(row[key]).date() if row[key] is not None else None
    new = dict(row, **{k: clean(v) for k, v in changes.items()})
    if isinstance(new["uraian"], str):
        new["uraian"] = " ".join(new["uraian"].split())
    if not new["uraian"]:
        raise SiklusError(f"Uraian langkah {nomor} tidak boleh kosong.")
    roles = [r.strip() for r in (new["pelaksana"] or "").split(",") if r.strip()]
    if not roles or set(roles) - set(PELAKSANA):
        raise SiklusError(f"Pelaksana langkah {nomor}: pilih satu atau lebih dari {', '.join(PELAKSANA.values())}.")
    new["pelaksana"] = ",".join(r for r in PELAKSANA if r in roles)
    if new["waktu"] is not None and (int(new["waktu"]) != new["waktu"] or int(new["waktu"]) < 0):
        raise SiklusError(f"Waktu langkah {nomor} harus bilangan bulat tidak negatif.")
    new["waktu"] = None if new["waktu"] is None else int(new["waktu"])
    for key in ("rencana_mulai", "rencana_selesai"):
        new[key] = pd.Timestamp(new[key]).date() if new[key] is not None else None
    if new["rencana_mulai"] and new["rencana_selesai"] and new["rencana_selesai"] < new["rencana_mulai"]:
        raise SiklusError(f"Rencana selesai langkah {nomor} sebelum rencana mulainya.")
    changed = {k: (row[k], new[k]) for k in FIELDS if str(row[k]) != str(new[k])}
    if not changed:
        return
    with db.transaction(con):
        con.execute(sql("write_siklus_langkah"), {"tahun": tahun, "nomor": nomor, **new})
        audit.record(con, akun, "siklus_langkah", tahun=tahun, objek=f"langkah {nomor}",
                     lama={k: v[0] for k, v in changed.items()}, baru={k: v[1] for k, v in changed.items()},
                     waktu=waktu)


def atur_tahun(con: duckdb.DuckDBPyConnection, tahun: int, akun: Akun, tenggat_laporan: date | None = None,
               satuan_waktu: str | None = None, waktu: datetime | None = None) -> None:
    """The year's due date of the report (None: the default, tenggat_bawaan) and the unit of the
    SOP's waktu numbers (SATUAN_WAKTU or None). Sekretariat only; SiklusError for an unknown unit,
    a due date inside the year itself, or a signed year."""
    require(akun, "siklus_atur")
    refuse_locked(con, tahun)
    if satuan_waktu is not None and satuan_waktu not in SATUAN_WAKTU:
        raise SiklusError(f"Satuan waktu '{satuan_waktu}' tidak dikenal; pilih {', '.join(SATUAN_WAKTU)}.")
    if tenggat_laporan is not None and tenggat_laporan.year <= tahun:
        raise SiklusError(f"Tenggat laporan kinerja {tahun} jatuh setelah tahun {tahun} berakhir.")
    before = pengaturan(con, tahun)
    stored = {"tenggat_laporan": before["tenggat_laporan"] if before["tenggat_diatur"] else None,
              "satuan_waktu": before["satuan_waktu"]}
    wanted = {"tenggat_laporan": tenggat_laporan, "satuan_waktu": satuan_waktu}
    if wanted == stored:
        return
    with db.transaction(con):
        con.execute(sql("write_siklus_tahun"), {"tahun": tahun, **wanted})
        audit.record(con, akun, "siklus_pengaturan", tahun=tahun, lama=stored, baru=wanted, waktu=waktu)


def lampirkan(con: duckdb.DuckDBPyConnection, tahun: int, nomor: int, jenis: str, nama_berkas: str, isi: bytes,
              akun: Akun, komentar: str | None = None, waktu: datetime | None = None) -> tuple[int, int]:
    """Attach a soft copy to a step (a kind of DOKUMEN[nomor]); returns (id, versi): versions are
    numbered per step and kind. The file is checked like a bukti dukung (kinerja.collect.bukti:
    type by content, size) and stored once by SHA-256. A corrected draft (step 6) needs a comment.
    Raises auth.Ditolak (siklus; tanda_tangan for steps 8–10), SiklusError (kind, type, missing
    comment, signed year for steps up to 9)."""
    require(akun, AKSI.get(nomor, "siklus"))
    kinds = DOKUMEN.get(nomor, {})
    if jenis not in kinds:
        raise SiklusError(f"Langkah {nomor} tidak menerima dokumen jenis '{jenis}'.")
    nama_berkas = PurePath(nama_berkas.replace("\\", "/")).name.strip() or "dokumen"
    suffix = PurePath(nama_berkas).suffix.lower().lstrip(".")
    if suffix not in kinds[jenis]:
        raise SiklusError(f"{nama_berkas}: {DOKUMEN_TEKS[jenis]} langkah {nomor} diterima sebagai "
                          f"{', '.join('.' + k for k in kinds[jenis])}.")
    mime = ZIP if suffix == "zip" else bukti.check(nama_berkas, isi)
    komentar = (komentar or "").strip() or None
    if nomor == 6 and not komentar:
        raise SiklusError("Tuliskan komentar koreksi: apa yang diperbaiki pada draft ini.")
    refuse_locked(con, tahun, nomor)
    sha256 = hashlib.sha256(isi).hexdigest()
    waktu = waktu or datetime.now()
    with db.transaction(con):
        con.execute(sql("write_berkas_bukti"), {"sha256": sha256, "isi": isi, "ukuran": len(isi), "jenis": mime})
        new_id, versi = con.execute(sql("write_siklus_dokumen"), {
            "tahun": tahun, "nomor": nomor, "jenis": jenis, "nama": nama_berkas, "sha256": sha256,
            "komentar": komentar, "pada": waktu, "oleh": akun.label}).fetchall()[0]
        audit.record(con, akun, "siklus_dokumen", tahun=tahun, objek=f"langkah {nomor}: {DOKUMEN_TEKS[jenis]}",
                     baru=f"{nama_berkas} versi {versi} (sha256 {sha256[:12]})"
                          + (f": {komentar}" if komentar else ""), waktu=waktu)
    return int(new_id), int(versi)


def selesaikan(con: duckdb.DuckDBPyConnection, tahun: int, nomor: int, akun: Akun, catatan: str | None = None,
               waktu: datetime | None = None) -> None:
    """Complete step `nomor` (alasan_belum_bisa says what each step needs). Completing step 9 (the
    signed LKjIP) makes the year read-only. Raises auth.Ditolak (siklus; tanda_tangan for steps
    8–10), SiklusError when the step's rule refuses or the year is signed (steps up to 9)."""
    require(akun, AKSI.get(nomor, "siklus"))
    refuse_locked(con, tahun, nomor)
    with db.WRITE_LOCK:  # the rule and the write see the same data
        reason = alasan_belum_bisa(con, tahun, nomor)
        if reason:
            raise SiklusError(reason)
        waktu = waktu or datetime.now()
        catatan = (catatan or "").strip() or None
        with db.transaction(con):
            con.execute(sql("write_siklus_peristiwa"), {"tahun": tahun, "nomor": nomor, "jenis": "selesai",
                                                        "pada": waktu, "oleh": akun.label, "catatan": catatan})
            audit.record(con, akun, "siklus_selesai", tahun=tahun, objek=f"langkah {nomor}", baru=catatan or "selesai",
                         waktu=waktu)


def catat_rapat(con: duckdb.DuckDBPyConnection, tahun: int, tanggal: date, notulen: str, hadir: list[str] | str,
                akun: Akun, waktu: datetime | None = None) -> None:
    """Record the finalisation meeting (step 7): date, minutes, attendees (a list or one per line).
    Raises auth.Ditolak (siklus), SiklusError without minutes or attendees, or for a signed year."""
    require(akun, "siklus")
    refuse_locked(con, tahun)
    names = [" ".join(n.split()) for n in (hadir.splitlines() if isinstance(hadir, str) else hadir)]
    names = [n for n in names if n]
    if not (notulen or "").strip():
        raise SiklusError("Tuliskan notulen rapat finalisasi.")
    if not names:
        raise SiklusError("Tuliskan daftar hadir rapat finalisasi (satu nama per baris).")
    waktu = waktu or datetime.now()
    with db.transaction(con):
        con.execute(sql("write_siklus_rapat"), {"tahun": tahun, "tanggal": tanggal, "notulen": notulen.strip(),
                                                "hadir": "\n".join(names), "pada": waktu, "oleh": akun.label})
        audit.record(con, akun, "siklus_rapat", tahun=tahun, objek=f"rapat {tanggal:%d-%m-%Y}",
                     baru=f"{len(names)} hadir", waktu=waktu)


def simpan_analisis(con: duckdb.DuckDBPyConnection, tahun: int, sasaran: str, indikator_id: int | None, akun: Akun,
                    penyebab: str | None = None, solusi: str | None = None, efisiensi: str | None = None,
                    waktu: datetime | None = None) -> bool:
    """The Jafung Perencana's analysis (step 4) of a sasaran (indikator_id None) or an indicator;
    the earlier text stays as history. Returns False when nothing changed. Raises auth.Ditolak
    (analisis: Perencana), SiklusError for an empty sasaran or a signed year."""
    require(akun, "analisis")
    refuse_locked(con, tahun)
    if not (sasaran or "").strip():
        raise SiklusError("Sasaran analisis tidak boleh kosong.")
    typed = {"penyebab": penyebab, "solusi": solusi, "efisiensi": efisiensi}
    typed = {k: (v or "").strip() or None for k, v in typed.items()}
    stored = analisis(con, tahun)
    key = stored["sasaran"] == sasaran
    key &= stored["indikator_id"].isna() if indikator_id is None else stored["indikator_id"] == indikator_id
    before = {k: clean(v) for k, v in stored[key].iloc[0].to_dict().items()} if key.any() else {}
    if all(before.get(k) == typed[k] for k in ANALISIS):
        return False
    waktu = waktu or datetime.now()
    with db.transaction(con):
        con.execute(sql("write_analisis"), {"tahun": tahun, "sasaran": sasaran, "indikator": indikator_id,
                                            "pada": waktu, "oleh": akun.label, **typed})
        audit.record(con, akun, "analisis", tahun=tahun,
                     objek=f"indikator {indikator_id}" if indikator_id is not None else f"sasaran {sasaran}",
                     lama={k: before.get(k) for k in ANALISIS} if before else None, baru=typed, waktu=waktu)
    return True


def buka_kembali(con: duckdb.DuckDBPyConnection, tahun: int, akun: Akun, alasan: str,
                 waktu: datetime | None = None) -> None:
    """Reopen a signed year (Pimpinan only, auth.Ditolak otherwise), with a reason: step 9 (and 10
    when done) become dibuka_kembali, the data of the year can change again, and signing again
    locks it again. SiklusError without a reason or when the year is not signed."""
    require(akun, "buka_tahun")
    if not (alasan or "").strip():
        raise SiklusError(f"Tuliskan alasan membuka kembali LKjIP {tahun} yang sudah ditandatangani.")
    if workflow.signed(con, tahun) is None:
        raise SiklusError(f"LKjIP {tahun} belum ditandatangani; tidak ada yang perlu dibuka kembali.")
    steps = langkah(con, tahun).set_index("nomor")
    waktu = waktu or datetime.now()
    with db.transaction(con):
        for nomor in (9, 10):
            if nomor == 9 or steps.at[nomor, "status"] == "selesai":
                con.execute(sql("write_siklus_peristiwa"), {"tahun": tahun, "nomor": nomor, "jenis": "dibuka_kembali",
                                                            "pada": waktu, "oleh": akun.label,
                                                            "catatan": alasan.strip()})
        audit.record(con, akun, "buka_tahun", tahun=tahun, objek="LKjIP", lama="ditandatangani",
                     baru=f"dibuka kembali: {alasan.strip()}", waktu=waktu)


def beri_nomor(con: duckdb.DuckDBPyConnection, tahun: int, perihal: str, akun: Akun,
               waktu: datetime | None = None, format_nomor: str = FORMAT_NOMOR) -> str:
    """The next number of the year's numbering register for a letter about `perihal` ("001/LKjIP/
    BKPSDM/2025": FORMAT_NOMOR with {urut} three digits and {tahun}); unique: the register's key
    refuses a second writer of the same number (db.retrying takes the next one). Raises
    auth.Ditolak (nomor_surat: Sekretariat), SiklusError without a perihal."""
    require(akun, "nomor_surat")
    if not (perihal or "").strip():
        raise SiklusError("Tuliskan perihal surat yang diberi nomor.")
    waktu = waktu or datetime.now()
    with db.transaction(con):
        urut, nomor = con.execute(sql("write_nomor_surat"), {
            "tahun": tahun, "format": format_nomor, "perihal": perihal.strip(), "pada": waktu,
            "oleh": akun.label}).fetchall()[0]
        audit.record(con, akun, "nomor_surat", tahun=tahun, objek=perihal.strip(), baru=nomor, waktu=waktu)
    return nomor


def clean(value):
    if value is None or (isinstance(value, float) and value != value) or value is pd.NaT or value == "":
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return value.item() if hasattr(value, "item") and not isinstance(value, str) else value
