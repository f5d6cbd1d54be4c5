-- Cells of the command line's outputs (kinerja.present.output), formatted by DuckDB: the same texts
-- as the per-value Python functions of kinerja (fmt_plain, format_angka, safety.printable/csv_safe),
-- without a Python call per cell. Temporary macros: defined on each connection that renders.

-- Shortest dot-decimal text of a DOUBLE without exponent: fmt_plain(Decimal(repr(x))). DuckDB's
-- double -> VARCHAR is the same shortest round-trip text as Python's repr ("62.0", "1e-06", "1e+16").
CREATE OR REPLACE TEMP MACRO angka_geser(digit, titik) AS
    CASE WHEN titik <= 0 THEN '0.' || repeat('0', -titik) || digit
         WHEN titik >= length(digit) THEN digit || repeat('0', titik - length(digit))
         ELSE rtrim(rtrim(digit[1:titik] || '.' || digit[titik + 1:], '0'), '.') END;
CREATE OR REPLACE TEMP MACRO angka_eksponen(mantisa, pangkat) AS
    angka_geser(replace(mantisa, '.', ''),
                CASE WHEN strpos(mantisa, '.') > 0 THEN strpos(mantisa, '.') - 1 ELSE length(mantisa) END + pangkat);
CREATE OR REPLACE TEMP MACRO angka_titik(x) AS
    CASE WHEN x IS NULL OR isnan(x) THEN NULL
         WHEN contains(CAST(x AS VARCHAR), 'e')
             THEN CASE WHEN x < 0 THEN '-' ELSE '' END
                  || angka_eksponen(ltrim(split_part(CAST(x AS VARCHAR), 'e', 1), '-'),
                                    CAST(split_part(CAST(x AS VARCHAR), 'e', 2) AS INTEGER))
         WHEN contains(CAST(x AS VARCHAR), '.') THEN rtrim(rtrim(CAST(x AS VARCHAR), '0'), '.')
         ELSE CAST(x AS VARCHAR) END;
-- Fixed decimals d (1-6), dot: the shortest text padded with zeros, as Python formats the
-- Decimal of a value already rounded to d decimals (capaian); more decimals are rounded in binary.
CREATE OR REPLACE TEMP MACRO angka_pad(titik, d) AS
    CASE WHEN length(split_part(titik, '.', 2)) > d THEN NULL
         ELSE split_part(titik, '.', 1) || '.' || rpad(split_part(titik, '.', 2), d, '0') END;
CREATE OR REPLACE TEMP MACRO angka_tetap(x, d) AS
    CASE WHEN x IS NULL OR isnan(x) THEN NULL
         ELSE coalesce(angka_pad(angka_titik(x), d), format('{:.' || d || 'f}', x)) END;

-- Indonesian: thousands with '.', decimals with ',' (format_angka): d NULL = up to six decimals.
CREATE OR REPLACE TEMP MACRO angka_kelompok(titik) AS
    CASE WHEN starts_with(titik, '-') THEN '-' ELSE '' END
    || reverse(rtrim(regexp_replace(reverse(split_part(ltrim(titik, '-'), '.', 1)), '(\d{3})', '\1.', 'g'), '.'))
    || CASE WHEN split_part(titik, '.', 2) <> '' THEN ',' || split_part(titik, '.', 2) ELSE '' END;
CREATE OR REPLACE TEMP MACRO angka_id(x, d) AS
    angka_kelompok(CASE WHEN d IS NULL THEN angka_titik(round(x, 6)) ELSE angka_tetap(x, d) END);

-- safety.printable: escape sequences and control characters removed (ECMA-48 CSI/OSC, two-character
-- escapes, C0 but newline, DEL, C1), carriage returns as newlines, tabs as spaces.
CREATE OR REPLACE TEMP MACRO teks_tampak(s) AS
    regexp_replace(
        regexp_replace(
            replace(replace(replace(s, chr(13) || chr(10), chr(10)), chr(13), chr(10)), chr(9), ' '),
            '\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[ -/]*[0-~]|\x{9b}[0-?]*[ -/]*[@-~]', '', 'g'),
        '[\x00-\x08\x0b-\x1f\x7f-\x{9f}\x{fffe}\x{ffff}]', '', 'g');
-- safety.csv_safe (a leading quote where a spreadsheet would see a formula), then the CSV field
-- quoted as Python's csv module does (QUOTE_MINIMAL: a comma, a quote or a line break).
CREATE OR REPLACE TEMP MACRO teks_aman(s) AS
    CASE WHEN s IS NULL THEN NULL
         WHEN regexp_matches(teks_tampak(s), '^[=+\-@]') THEN '''' || teks_tampak(s)
         ELSE teks_tampak(s) END;
CREATE OR REPLACE TEMP MACRO medan_csv(s) AS
    CASE WHEN s IS NULL THEN ''
         WHEN regexp_matches(s, '[,"\n\r]') THEN '"' || replace(s, '"', '""') || '"'
         ELSE s END
