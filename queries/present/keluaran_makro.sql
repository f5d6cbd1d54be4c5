-- Cells of the command line's outputs (kinerja.present.output), formatted by DuckDB: the same texts
-- as the per-value Python functions of kinerja (fmt_plain, format_angka, safety.printable/csv_safe),
-- without a Python call per cell. Temporary macros, defined on the connection that renders; each
-- takes a column computed by the stage before (kinerja.present.output.cell_stages).

-- Shortest dot-decimal text without exponent, fmt_plain(Decimal(repr(x))), from r = the DOUBLE's
-- VARCHAR: DuckDB writes the same shortest round-trip text as Python's repr ("62.0", "1e-06").
-- repr's exponent form has one digit before the point: d.ddde+k or d.ddde-k.
CREATE OR REPLACE TEMP MACRO angka_digit(r) AS replace(replace(split_part(r, 'e', 1), '-', ''), '.', '');
CREATE OR REPLACE TEMP MACRO angka_polos(r) AS
    CASE WHEN NOT contains(r, 'e') THEN rtrim(rtrim(r, '0'), '.')
         ELSE CASE WHEN starts_with(r, '-') THEN '-' ELSE '' END
              || CASE WHEN contains(r, 'e-')
                      THEN '0.' || repeat('0', CAST(split_part(r, 'e-', 2) AS INTEGER) - 1) || angka_digit(r)
                      ELSE angka_digit(r) || repeat('0', CAST(split_part(r, 'e+', 2) AS INTEGER) + 1
                                                         - length(angka_digit(r))) END END;
-- d fixed decimals from the plain text p, as Python formats the Decimal of a value that has at
-- most d decimals (capaian, rounded already); NULL when p has more (the caller rounds the double).
CREATE OR REPLACE TEMP MACRO angka_pad(p, d) AS
    CASE WHEN length(split_part(p, '.', 2)) <= d
         THEN split_part(p, '.', 1) || '.' || rpad(split_part(p, '.', 2), d, '0') END;
-- Indonesian from the plain text p (format_angka): thousands with '.', decimals with ','. Most
-- numbers (capaian, percentages) have at most three digits before the point: no grouping to do.
CREATE OR REPLACE TEMP MACRO angka_kelompok(p) AS
    CASE WHEN length(split_part(p, '.', 1)) <= 3 THEN replace(p, '.', ',') ELSE
    CASE WHEN starts_with(p, '-') THEN '-' ELSE '' END
    || format('{:t.}', CAST(split_part(ltrim(p, '-'), '.', 1) AS HUGEINT))
    || CASE WHEN contains(p, '.') THEN ',' || split_part(p, '.', 2) ELSE '' END END;

-- safety.printable: escape sequences and control characters removed (ECMA-48 CSI/OSC, two-character
-- escapes, C0 but newline, DEL, C1), carriage returns as newlines, tabs as spaces. The patterns are
-- those of kinerja.safety in RE2's syntax. Most texts have none: one test, then the text as it is.
CREATE OR REPLACE TEMP MACRO teks_bersih(s) AS
    CASE WHEN NOT regexp_matches(s, '[\x00-\x09\x0b-\x1f\x7f-\x{9f}\x{fffe}\x{ffff}]') THEN s
    ELSE regexp_replace(
        regexp_replace(
            replace(replace(replace(s, chr(13) || chr(10), chr(10)), chr(13), chr(10)), chr(9), ' '),
            '\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[ -/]*[0-~]|\x{9b}[0-?]*[ -/]*[@-~]', '', 'g'),
        '[\x00-\x08\x0b-\x1f\x7f-\x{9f}\x{fffe}\x{ffff}]', '', 'g') END;
-- safety.csv_safe on a printable text t: a leading quote where a spreadsheet would see a formula.
CREATE OR REPLACE TEMP MACRO teks_aman(t) AS
    CASE WHEN regexp_matches(t, '^[=+\-@]') THEN '''' || t ELSE t END;
-- A text as a CSV cell: teks_bersih, then teks_aman; one test for the texts that need neither.
-- (Quoting is the CSV writer's: DuckDB's COPY quotes as Python's csv module does.)
CREATE OR REPLACE TEMP MACRO teks_csv(s) AS
    CASE WHEN NOT regexp_matches(s, '[\x00-\x1f\x7f-\x{9f}\x{fffe}\x{ffff}]|^[=+\-@]') THEN s
         ELSE teks_aman(teks_bersih(s)) END
