"""The tables of the evaluation documents, as data: Formulir E.81 (Permendagri 86/2017) and the
LKjIP Bab III analyses (PermenPAN-RB 53/2014). The workbook, the docx draft and the Ekspor page
all draw these same frames, and every capaian in them is the engine's (kinerja.capaian).

Values are Decimal (exact) or float as the engine gives them; missing is None, never 0.
The Renstra columns (E.81 5, 6, 13, 14; Bab III table 3.3) are kinerja.engine.renstra.compare: the
period that contains the year, and per agregasi a like-with-like comparison with the end target.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import duckdb
import pandas as pd

from kinerja.engine.anggaran import realisasi_sebelum, serapan
from kinerja.engine.capaian import capaian, kategori_for
from kinerja.engine.renstra import compare
from kinerja.engine.summaries import incomplete, measured
from kinerja.model import fmt_plain
from kinerja.present.tables import readable
from kinerja.safety import is_number
from kinerja.store.queries import run
from kinerja.store.renstra import Periode, period_of
from kinerja.values import is_missing, mean_persen
from kinerja.vocab import E81_KOLOM, NOTES

# Columns 5-14 of the E.81, each with a K (kinerja) and an Rp (anggaran) value.
E81_COLUMNS = (["no", "sasaran", "program_kegiatan", "indikator", "satuan"]
               + [f"{kind}{n}" for n in E81_KOLOM for kind in ("k", "rp")] + ["unit", "jenis", "capaian_persen", "belum_dikonfirmasi"])
# The notes of the E.81 footer (catatan columns, migration 0002).
FAKTOR = {name: NOTES[name] for name in
          ["faktor_pendorong", "faktor_penghambat", "tindak_lanjut_triwulan", "tindak_lanjut_renja"]}


@dataclass
class Evaluasi:
    """Everything the documents of one period show."""
    tahun: int
    triwulan: int | None
    capaian: pd.DataFrame          # the engine's table for the period, in evaluation order
    e81: pd.DataFrame              # E81_COLUMNS, one row per indicator and per program/kegiatan
    tahunan: pd.DataFrame          # per indicator: realisasi_<y>, capaian_<y> for the Renstra years so far
    renstra: pd.DataFrame          # per indicator: kinerja.engine.renstra.COLUMNS with sasaran, indikator, satuan, unit
    periode: Periode | None        # the Renstra period of the year (None: outside every recorded one)
    efisiensi: pd.DataFrame        # per program/kegiatan: pagu, realisasi, serapan, capaian kinerja
    catatan: pd.DataFrame          # per indicator: ket, the FAKTOR columns and bukti_dukung
    rata_rata: Decimal | None      # mean capaian of the measured indicators, as the dashboard
    predikat: tuple[str, str] | None
    rata_serapan: Decimal | None
    catatan_data: list[str]        # notes every document prints under its tables (catatan_data())
    demo: bool = False             # the database holds demo data (pengaturan 'data_demo', kinerja.demo)

    @property
    def tahun_renstra(self) -> list[int]:
        """The period's years up to this one (only this year outside every period)."""
        return self.periode.years_to(self.tahun) if self.periode else [self.tahun]


def native(value):
    """A plain Python value: float for a number (numpy's repr is not a number's text), None for NaN."""
    if is_number(value):
        return float(value)
    return value if isinstance(value, str) else None


def order(frame: pd.DataFrame) -> pd.DataFrame:
    """Indicators grouped by sasaran, then by unit, in file order; without a sasaran last."""
    return frame.sort_values(["sasaran_id", "unit", "indikator_id"], na_position="last",
                             kind="stable").reset_index(drop=True)


def evaluasi(con: duckdb.DuckDBPyConnection, tahun: int, triwulan: int | None = None) -> Evaluasi:
    frame = order(capaian(con, tahun, triwulan))
    links = run(con, "export_indikator").set_index("indikator_id")
    periode = period_of(con, tahun)
    years = periode.years_to(tahun) if periode else [tahun]
    history = {y: capaian(con, y) for y in years if y != tahun}
    history[tahun] = frame  # this year: the period asked, as the dashboard
    renstra = compare(con, tahun, history).set_index("indikator_id")
    history = {y: table.set_index("indikator_id") for y, table in history.items()}
    budget = serapan(con, tahun, triwulan)
    before = realisasi_sebelum(con, tahun, periode.awal) if periode else {}
    first_year = periode is not None and tahun == periode.awal

    tahunan_rows, renstra_rows, per_indicator = [], [], {}
    for row in frame.itertuples(index=False):
        own = renstra.loc[row.indikator_id]
        per_indicator[row.indikator_id] = {"k5": target_cell(own["target_akhir"], own["target_akhir_atas"]),
                                           "k6": own["realisasi_lalu"], "k12": own["realisasi_ini"],
                                           "k13": own["realisasi_sd"], "k14": own["tingkat_capaian"]}
        renstra_rows.append({"sasaran": row.sasaran, "indikator": row.indikator, "satuan": row.satuan,
                             "unit": row.unit_nama, "indikator_id": row.indikator_id, **own.to_dict(),
                             "target_akhir": per_indicator[row.indikator_id]["k5"]})
        yearly = {"sasaran": row.sasaran, "indikator": row.indikator, "satuan": row.satuan,
                  "unit": row.unit_nama, "indikator_id": row.indikator_id}
        for y in years:
            found = row.indikator_id in history[y].index
            for name, column in (("realisasi", "realisasi"), ("capaian", "capaian_persen"), ("kategori", "kategori"),
                                 ("status", "status_data")):
                yearly[f"{name}_{y}"] = native(history[y].at[row.indikator_id, column]) if found else None
        tahunan_rows.append(yearly)

    kinds = {int(r.id): (r.kode, r.nama, r.level, int(r.parent_id) if pd.notna(r.parent_id) else None)
             for r in run(con, "export_program_kegiatan").itertuples(index=False)}
    e81 = e81_rows(frame, links, kinds, per_indicator, budget, before, first_year)
    efisiensi = efisiensi_rows(frame, links, kinds, budget)
    rata_rata = mean_persen(measured(frame)["capaian_persen"])
    return Evaluasi(
        tahun=tahun, triwulan=triwulan, capaian=frame, e81=e81,
        tahunan=pd.DataFrame(tahunan_rows), renstra=pd.DataFrame(renstra_rows), periode=periode, efisiensi=efisiensi,
        catatan=notes(con, tahun, triwulan), rata_rata=rata_rata, predikat=kategori_for(con, rata_rata),
        rata_serapan=mean_persen(efisiensi["serapan_persen"]), catatan_data=catatan_data(frame),
        demo=is_demo(con),
    )


# Printed on every page of every document (docx, xlsx) made from a demo database.
DEMO_MARK = "DATA DEMO"
DEMO_NOTE = "DATA DEMO: dokumen ini dibuat dari data demo (kinerja init --demo), bukan data resmi instansi."


def is_demo(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the database was filled by kinerja.demo (it sets pengaturan 'data_demo' to 'ya')."""
    found = run(con, "pengaturan_nilai", {"kunci": "data_demo"})
    return bool(len(found)) and found.at[0, "nilai"] == "ya"


def target_cell(bawah: Decimal | None, atas: Decimal | None) -> Decimal | str | None:
    """An end target as a cell: the number, or "80 - 90" (dot decimals) for a range."""
    if bawah is None or atas is None or bawah == atas:
        return bawah
    return f"{fmt_plain(bawah)} - {fmt_plain(atas)}"


def catatan_data(frame: pd.DataFrame) -> list[str]:
    """What a reader of the documents must know about the data behind the numbers, one line each:
    indicators with a quarter not reported (their capaian is partial: not judged, not in the
    mean), and values that look typed in the wrong unit or format (kinerja.plausibility)."""
    lines = []
    flagged = frame[frame["periksa"] != ""]
    if len(flagged):
        lines.append(f"Periksa satuan/format: {len(flagged)} indikator dengan nilai yang tidak wajar; pastikan angka "
                     "dan satuannya benar sebelum dokumen ini dipakai.")
        lines += [f"- {row.indikator} ({row.unit_nama or row.unit}): {row.periksa}"
                  for row in flagged.itertuples(index=False)]
    waiting = incomplete(frame)
    if len(waiting):
        lines.append(f"Data belum lengkap: {len(waiting)} indikator; capaiannya sementara, tidak diberi kategori "
                     f"dan tidak masuk rata-rata ({len(measured(frame))} indikator terukur).")
        lines += [f"- {row.indikator} ({row.unit_nama or row.unit}): {readable(row.keterangan)}"
                  for row in waiting.itertuples(index=False)]
    return lines


def e81_rows(frame, links, kinds, per_indicator, budget, before, first_year) -> pd.DataFrame:
    """Per sasaran (numbered 1..n): its indicators without a program/kegiatan, then each program
    row with its own indicators and its kegiatan rows with theirs. Rp on program/kegiatan rows
    (the first time each appears), K on indicator rows."""
    money = budget.set_index("program_kegiatan_id") if len(budget) else None
    rows, shown = [], set()

    def budget_row(pk_id, sasaran, no):
        row = {"no": no, "sasaran": sasaran, "jenis": kinds.get(pk_id, ("", "", "program"))[2],
               "program_kegiatan": " ".join(kinds.get(pk_id, ("", "", ""))[:2]).strip()}
        if pk_id in shown:
            return row
        shown.add(pk_id)
        if money is not None and pk_id in money.index:
            b = money.loc[pk_id]
            rp6 = before.get(pk_id)
            row.update({"rp7": b["pagu"], "rp8": b["realisasi_tw1"], "rp9": b["realisasi_tw2"],
                        "rp10": b["realisasi_tw3"], "rp11": b["realisasi_tw4"], "rp12": b["realisasi"],
                        "rp6": rp6})
            if b["realisasi"] is not None and (rp6 is not None or first_year):
                row["rp13"] = b["realisasi"] + (rp6 or 0)
        return row

    def indicator_row(ind, no):
        values = per_indicator[ind.indikator_id]
        row = {"no": no, "sasaran": ind.sasaran, "indikator": ind.indikator, "satuan": ind.satuan,
               "unit": ind.unit_nama, "jenis": "indikator", "capaian_persen": ind.capaian_persen,
               "k5": values["k5"], "k6": values["k6"], "k7": ind.target_tahunan,
               "k8": ind.realisasi_tw1, "k9": ind.realisasi_tw2, "k10": ind.realisasi_tw3,
               "k11": ind.realisasi_tw4, "k12": values["k12"], "k13": values["k13"], "k14": values["k14"],
               "belum_dikonfirmasi": ind.belum_dikonfirmasi or None}
        return {k: None if is_missing(v) else v for k, v in row.items()}

    no = 0
    for _, group in frame.groupby(frame["sasaran_id"].fillna(-1), sort=False):
        no += 1
        pk = [links.at[i, "pk_id"] if i in links.index else None for i in group["indikator_id"]]
        pk = [int(p) if pd.notna(p) else None for p in pk]
        group = group.assign(_pk=pk)
        for ind in group[group["_pk"].isna()].itertuples(index=False):
            rows.append(indicator_row(ind, no))
        with_pk = group[group["_pk"].notna()]
        programs = {}
        for pk_id in with_pk["_pk"].unique():
            kode, nama, level, parent = kinds.get(pk_id, ("", "", "kegiatan", None))
            programs.setdefault(parent if level == "kegiatan" and parent else pk_id, []).append(pk_id)
        for program_id in sorted(programs, key=lambda p: kinds.get(p, ("",))[0]):
            rows.append(budget_row(program_id, group["sasaran"].iloc[0], no))
            for pk_id in sorted(programs[program_id], key=lambda p: (p != program_id, kinds.get(p, ("",))[0])):
                if pk_id != program_id:
                    rows.append(budget_row(pk_id, group["sasaran"].iloc[0], no))
                for ind in with_pk[with_pk["_pk"] == pk_id].itertuples(index=False):
                    rows.append(indicator_row(ind, no))
    # budgets of programs/kegiatan that have no indicator this period still belong in the form
    for pk_id in (money.index if money is not None else []):
        if pk_id not in shown:
            no += 1
            rows.append(budget_row(pk_id, None, no))
    out = pd.DataFrame(rows, columns=E81_COLUMNS).astype(object)
    return out.where(out.notna(), None)


def efisiensi_rows(frame, links, kinds, budget) -> pd.DataFrame:
    """Per program/kegiatan with a budget: pagu, realisasi, serapan (%) beside the mean capaian of
    its indicators (a program: its own and its kegiatan's)."""
    parent = {pk_id: kind[3] for pk_id, kind in kinds.items()}
    per_pk: dict[int, list] = {}
    for row in frame.itertuples(index=False):
        if row.indikator_id in links.index and pd.notna(links.at[row.indikator_id, "pk_id"]):
            pk_id = int(links.at[row.indikator_id, "pk_id"])
            for owner in {pk_id, parent.get(pk_id)} - {None}:
                per_pk.setdefault(owner, []).append(row.capaian_persen)
    rows = []
    for b in budget.itertuples(index=False):
        values = per_pk.get(int(b.program_kegiatan_id), [])
        rows.append({"kode": b.kode, "program_kegiatan": b.nama, "level": b.level, "pagu": b.pagu,
                     "realisasi": b.realisasi, "serapan_persen": b.serapan_persen,
                     "capaian_kinerja": mean_persen(values), "jumlah_indikator": len(values)})
    return pd.DataFrame(rows, columns=["kode", "program_kegiatan", "level", "pagu", "realisasi",
                                       "serapan_persen", "capaian_kinerja", "jumlah_indikator"])


def notes(con: duckdb.DuckDBPyConnection, tahun: int, triwulan: int | None) -> pd.DataFrame:
    """Per indicator the notes of the period: the latest quarter's up to the one asked, else the
    year's; columns indikator_id, ket, the FAKTOR columns and bukti_dukung (every kind of
    vocab.NOTES)."""
    frame = run(con, "export_catatan", {"tahun": tahun})
    keep = ["indikator_id", *NOTES]
    if frame.empty:
        return pd.DataFrame(columns=keep)
    frame = frame[frame["triwulan"] <= (triwulan or 4)]
    frame = frame.sort_values(["indikator_id", "triwulan"]).groupby("indikator_id").tail(1)
    return frame[keep].reset_index(drop=True)
