"""Who may do what: the roles of the SOP's organisation and the permission check that every write
function calls first (`require`).

Roles (SOP Pengelolaan Data Kinerja BKPSDM Kota Samarinda):
- pimpinan     Kepala Badan: reads everything, the audit trail too.
- sekretariat  Unit Pengelola Data (Sekretaris, Kasubag Umum & Kepegawaian): verifies and reopens
               quarters, sets deadlines and settings, manages accounts; may upload for any unit.
- perencana    Jafung Perencana (Unit Penyusun Laporan Kinerja): reads everything, confirms
               indicator settings, writes notes.
- operator     Unit Penyuplai Data: uploads, submits and annotates for its own unit(s) only.
An account may hold several roles; an operator may serve several units.

The command line is trusted (whoever runs it can open the database file anyway): it acts with
every role, under the operating-system user or `--oleh`, marked as CLI.
"""
from __future__ import annotations

import getpass
from dataclasses import dataclass, field

ROLES = {"pimpinan": "Pimpinan", "sekretariat": "Sekretariat", "perencana": "Perencana",
         "operator": "Operator unit"}

# action -> (roles allowed for any unit, roles allowed only for their own units)
ACTIONS: dict[str, tuple[frozenset, frozenset]] = {
    "unggah": (frozenset({"sekretariat"}), frozenset({"operator"})),
    "ajukan": (frozenset({"sekretariat"}), frozenset({"operator"})),
    "pulihkan": (frozenset({"sekretariat"}), frozenset({"operator"})),
    "catatan": (frozenset({"sekretariat", "perencana"}), frozenset({"operator"})),
    "lampiran": (frozenset({"sekretariat", "perencana"}), frozenset({"operator"})),
    "pengaturan_indikator": (frozenset({"sekretariat", "perencana"}), frozenset()),
    "verifikasi": (frozenset({"sekretariat"}), frozenset()),
    "buka_kembali": (frozenset({"sekretariat"}), frozenset()),
    "tenggat": (frozenset({"sekretariat"}), frozenset()),
    "pengaturan": (frozenset({"sekretariat"}), frozenset()),
    "akun": (frozenset({"sekretariat"}), frozenset()),
    "baca_audit": (frozenset({"sekretariat", "pimpinan"}), frozenset()),
    "ekspor": (frozenset({"sekretariat", "pimpinan", "perencana"}), frozenset()),
    "baca_unit": (frozenset({"sekretariat", "pimpinan", "perencana"}), frozenset({"operator"})),
    # The LKjIP cycle (kinerja.collect.siklus).
    "baca_siklus": (frozenset({"sekretariat", "pimpinan", "perencana"}), frozenset()),
    "siklus": (frozenset({"sekretariat", "perencana"}), frozenset()),
    "siklus_atur": (frozenset({"sekretariat"}), frozenset()),
    "analisis": (frozenset({"perencana"}), frozenset()),
    "tanda_tangan": (frozenset({"sekretariat", "pimpinan"}), frozenset()),
    "buka_tahun": (frozenset({"pimpinan"}), frozenset()),
    "nomor_surat": (frozenset({"sekretariat"}), frozenset()),
}
# What an action is called in a refusal ("tidak berhak ...").
ACTION_TEXT = {
    "unggah": "mengunggah data", "ajukan": "mengajukan triwulan", "pulihkan": "memulihkan versi",
    "catatan": "menulis catatan", "lampiran": "melampirkan bukti dukung",
    "pengaturan_indikator": "mengubah pengaturan indikator", "verifikasi": "memverifikasi triwulan",
    "buka_kembali": "membuka kembali triwulan", "tenggat": "mengatur tenggat", "pengaturan": "mengubah pengaturan",
    "akun": "mengelola akun", "baca_audit": "membaca jejak audit", "ekspor": "mengekspor dokumen evaluasi",
    "baca_unit": "membaca data",
    "baca_siklus": "membuka siklus LKjIP", "siklus": "mencatat langkah siklus LKjIP", "siklus_atur": "mengatur langkah siklus LKjIP",
    "analisis": "menulis analisis kinerja", "tanda_tangan": "mencatat penandatanganan LKjIP",
    "buka_tahun": "membuka kembali tahun yang LKjIP-nya sudah ditandatangani", "nomor_surat": "memberi nomor surat",
}
SOURCES = ("web", "cli")


class Ditolak(PermissionError):
    """The account may not do this; the message is for the user, in Bahasa Indonesia."""


@dataclass(frozen=True)
class Akun:
    """An authenticated account: login name, roles, the units an operator serves, and where it
    acted from (web: logged in on the dashboard; cli: the command line)."""
    nama: str
    peran: frozenset = field(default_factory=frozenset)
    unit: frozenset = field(default_factory=frozenset)
    sumber: str = "web"

    @property
    def label(self) -> str:
        """The name written into `oleh` columns: the login, marked when it came from the CLI."""
        return f"{self.nama} (CLI)" if self.sumber == "cli" else self.nama

    def describe(self) -> str:
        roles = ", ".join(ROLES[p] for p in sorted(self.peran) if p in ROLES) or "tanpa peran"
        units = f" {', '.join(sorted(self.unit))}" if "operator" in self.peran and self.unit else ""
        return f"akun '{self.label}' ({roles}{units})"


def cli_account(oleh: str | None = None) -> Akun:
    """The account of a command-line run: `--oleh`, else the operating-system user; every role."""
    name = (oleh or "").strip() or system_user()
    return Akun(name, frozenset(ROLES), frozenset(), "cli")


def system_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # a container user without a passwd entry
        return "tanpa-nama"


def may(akun: Akun | None, action: str, unit: str | None = None) -> bool:
    """Whether the account may take `action` (a key of ACTIONS) on `unit` (None: not about one unit,
    or about any unit, which only the unit-wide roles may)."""
    everywhere, own = ACTIONS[action]
    if akun is None:
        return False
    if akun.peran & everywhere:
        return True
    return bool(akun.peran & own) and unit is not None and unit in akun.unit


def require(akun: Akun | None, action: str, unit: str | None = None) -> None:
    """Raise Ditolak unless the account may take `action` on `unit`; every write function calls
    this before it reads or writes anything."""
    if action not in ACTIONS:
        raise ValueError(f"aksi tidak dikenal: {action}")
    if akun is None:
        raise Ditolak("Masuk dulu dengan akun Anda; perubahan tanpa akun tidak dicatat dan tidak diizinkan.")
    if not may(akun, action, unit):
        where = f" untuk unit {unit}" if unit else ""
        raise Ditolak(f"{akun.describe()[0].upper()}{akun.describe()[1:]} tidak berhak "
                      f"{ACTION_TEXT[action]}{where}. Yang berhak: {holders(action)}. Hubungi Sekretariat "
                      "(Unit Pengelola Data) bila ini keliru.")


def holders(action: str) -> str:
    """Who may take `action`, as a refusal names them: "Pimpinan", "Sekretariat, Operator unit
    (unitnya sendiri)"."""
    any_unit, own_units = ACTIONS[action]
    return ", ".join([ROLES[r] for r in ROLES if r in any_unit]
                     + [f"{ROLES[r]} (unitnya sendiri)" for r in ROLES if r in own_units])


def readable_units(akun: Akun | None, units: list[str]) -> list[str]:
    """The units among `units` whose data the account may read in detail (files, versions, notes)."""
    return [u for u in units if may(akun, "baca_unit", u)]
