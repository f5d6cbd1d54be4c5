-- Kinerja schema, version 5: accounts, roles, the audit trail and attachments stored once by hash.

-- Accounts of the embedded login (argon2id hashes, kinerja.accounts). `gagal` counts failed logins
-- in a row; after a few, `terkunci_sampai` holds the account for a growing delay.
CREATE TABLE akun (
    nama            VARCHAR PRIMARY KEY,       -- login name
    nama_lengkap    VARCHAR,
    hash_sandi      VARCHAR NOT NULL,
    aktif           BOOLEAN NOT NULL DEFAULT true,
    gagal           INTEGER NOT NULL DEFAULT 0,
    terkunci_sampai TIMESTAMP,
    sandi_diubah_pada TIMESTAMP,
    dibuat_pada     TIMESTAMP NOT NULL,
    dibuat_oleh     VARCHAR NOT NULL
);

-- Roles of an account (several allowed) and the units an operator serves (several allowed).
CREATE TABLE peran_akun (
    akun    VARCHAR NOT NULL,
    peran   VARCHAR NOT NULL CHECK (peran IN ('pimpinan', 'sekretariat', 'perencana', 'operator')),
    PRIMARY KEY (akun, peran)
);
CREATE TABLE unit_akun (
    akun        VARCHAR NOT NULL,
    unit_kode   VARCHAR NOT NULL,
    PRIMARY KEY (akun, unit_kode)
);

-- Dashboard sessions: the SHA-256 of the random token kept in the browser's cookie, so a reload or a
-- link keeps the login until it expires (kinerja.accounts.resume_session) or the user logs out.
CREATE TABLE sesi (
    token_hash  VARCHAR PRIMARY KEY,
    akun        VARCHAR NOT NULL,
    dibuat_pada TIMESTAMP NOT NULL,
    aktif_pada  TIMESTAMP NOT NULL
);

-- Every change, who made it and from where: written in the same transaction as the change. The
-- product only ever inserts here (kinerja.audit has no update or delete).
CREATE TABLE audit (
    id          BIGINT PRIMARY KEY DEFAULT nextval('seq_id'),
    pada        TIMESTAMP NOT NULL,
    akun        VARCHAR NOT NULL,
    sumber      VARCHAR NOT NULL CHECK (sumber IN ('web', 'cli')),
    aksi        VARCHAR NOT NULL,
    unit_kode   VARCHAR,
    tahun       INTEGER,
    triwulan    INTEGER,
    objek       VARCHAR,            -- what changed: a file, an indicator's note, an account, a deadline
    lama        VARCHAR,            -- old value as text (None: there was none)
    baru        VARCHAR             -- new value as text
);

-- Bukti dukung files stored once by their SHA-256 (kinerja.bukti), and which value each is attached
-- to. (Files attached before this version stay in lampiran, which keeps its own copy.)
CREATE TABLE berkas_bukti (
    sha256      VARCHAR PRIMARY KEY,
    isi         BLOB NOT NULL,
    ukuran      BIGINT NOT NULL,
    jenis       VARCHAR NOT NULL        -- MIME type recognised from the content
);
CREATE TABLE lampiran_bukti (
    id              BIGINT PRIMARY KEY DEFAULT nextval('seq_id'),
    indikator_id    BIGINT NOT NULL,
    tahun           INTEGER NOT NULL,
    triwulan        INTEGER NOT NULL CHECK (triwulan BETWEEN 0 AND 4),
    nama_berkas     VARCHAR NOT NULL,
    sha256          VARCHAR NOT NULL,
    diunggah_pada   TIMESTAMP NOT NULL,
    diunggah_oleh   VARCHAR NOT NULL
);
