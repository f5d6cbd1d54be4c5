"""Polarity of an indicator whose file does not say: inferred from its name and satuan.

A lower-is-better indicator scored upward publishes a wrong capaian (15,5 hari against a target
of 12 is 70,83 %, not 129,17 %), so when a file has no POLARITAS column the name and the satuan
decide, and the setting stays marked "belum dikonfirmasi" until someone confirms it on the
Indikator page. PermenPAN-RB 53/2014 (IKU): an indicator measures either a result to maximise or
a burden to minimise; these words are how Indonesian agencies write the second kind.
"""
from __future__ import annotations

import re

# What is measured is a burden: fewer or shorter is better.
_BURDEN = (
    r"kasus", r"pelanggar\w*", r"aduan", r"pengaduan", r"keluhan", r"komplain", r"temuan", r"tunggakan",
    r"keterlambatan", r"terlambat", r"kesalahan", r"kekeliruan", r"sengketa", r"gugatan", r"kerugian",
    r"kecelakaan", r"pemborosan", r"penyimpangan", r"hukuman disiplin", r"sanksi", r"tindak pidana",
    r"angka kematian", r"kematian", r"pengangguran", r"kemiskinan", r"penduduk miskin", r"putus sekolah",
    r"angka kesakitan", r"prevalensi", r"stunting", r"gizi buruk", r"kasus korupsi", r"kebocoran",
    r"sisa lebih", r"silpa", r"backlog", r"antrean", r"antrian", r"berkas dikembalikan", r"penolakan",
    r"ditolak", r"gangguan", r"kemacetan", r"banjir", r"kebakaran", r"kriminalitas",
)
# How long something takes: shorter is better.
_DURATION = (
    r"waktu penyelesaian", r"lama penyelesaian", r"lamanya penyelesaian", r"waktu pelayanan",
    r"lama pelayanan", r"waktu layanan", r"lama layanan", r"waktu proses", r"lama proses",
    r"waktu tunggu", r"waktu tanggap", r"waktu respons?", r"rata-rata waktu", r"rata rata waktu",
    r"lama waktu", r"jangka waktu", r"durasi", r"lama hari",
)
_TIME_UNITS = {"hari", "hari kerja", "jam", "menit", "minggu", "pekan", "bulan", "detik"}
_TIME_WORDS = re.compile(r"\b(waktu|lama|lamanya|durasi)\b")
# Wording that turns a burden into a result: dealing with it, reducing it, or being free of it.
_RESULT = (
    r"tepat waktu", r"ditindaklanjuti", r"tindak lanjut", r"tindaklanjut", r"diselesaikan", r"terselesaikan",
    r"tertangani", r"ditangani", r"penanganan", r"penyelesaian (?:kasus|aduan|pengaduan|keluhan|temuan|"
    r"sengketa|pelanggaran|tunggakan)", r"penurunan", r"menurunnya", r"turunnya", r"berkurangnya",
    r"pengurangan", r"tanpa", r"bebas", r"tuntas", r"direspons?", r"ditanggapi", r"zero",
)


def _words(patterns) -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(patterns) + r")\b")


BURDEN, DURATION, RESULT = _words(_BURDEN), _words(_DURATION), _words(_RESULT)
# "temuan yang belum ditindaklanjuti" counts what is not dealt with: a burden again.
NEGATED = re.compile(r"\b(?:belum|tidak|tak|gagal)\s+$")


def infer(nama: str, satuan: str | None = None) -> tuple[str, str]:
    """(polaritas, reason) for an indicator whose file gives no POLARITAS: 'negatif' when the name
    measures a burden (kasus, pelanggaran, aduan, keluhan, temuan, tunggakan, keterlambatan,
    kesalahan, angka kematian/pengangguran/kemiskinan, ...) or a duration (waktu/lama
    penyelesaian, or a satuan in hari/jam/... with waktu/lama in the name), unless the wording
    makes it a result (tepat waktu, ditindaklanjuti, diselesaikan, penurunan, tanpa, bebas, ...,
    unless negated: "belum ditindaklanjuti" is a burden again);
    else 'positif'. The reason names the words that decided, in Bahasa Indonesia."""
    text = " ".join(nama.lower().split())
    unit = " ".join((satuan or "").lower().split())
    result = next((m for m in RESULT.finditer(text) if not NEGATED.search(text[:m.start()])), None)
    if result:
        return "positif", f"kata '{result.group(0)}' menunjukkan hasil yang makin tinggi makin baik"
    duration = DURATION.search(text)
    if duration:
        return "negatif", f"kata '{duration.group(0)}': makin singkat makin baik"
    if unit in _TIME_UNITS and (time := _TIME_WORDS.search(text)):
        return "negatif", f"satuan '{satuan}' dengan kata '{time.group(0)}': makin singkat makin baik"
    burden = BURDEN.search(text) or BURDEN.search(unit)
    if burden:
        return "negatif", f"kata '{burden.group(0)}': makin sedikit makin baik"
    return "positif", "tidak ada kata yang menunjukkan makin rendah makin baik"
