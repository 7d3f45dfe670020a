-- Cotejo case store, schema 2: foreign cases. A foreign case is made by importing an exchange package
-- another authority signed (`cotejo case import-package`). It holds the sender's devices, findings and
-- feeds as received, keeps the sender's provenance, and is read-only: no device, evidence, feed or scan
-- may be added to it, because nothing in it was acquired or examined by this installation.

ALTER TABLE cases ADD COLUMN origin TEXT NOT NULL DEFAULT 'local';   -- local | package
ALTER TABLE cases ADD COLUMN read_only INTEGER NOT NULL DEFAULT 0;   -- 1: devices, evidence, feeds and scans are refused

-- The package a foreign case was imported from: who signed it, with which key, and the manifest's hash.
CREATE TABLE received_packages (
    case_id              TEXT PRIMARY KEY REFERENCES cases(id),
    manifest_sha256      TEXT NOT NULL,        -- SHA-256 of manifest.json as received (the import's ledger entry quotes it)
    sender               TEXT NOT NULL,
    recipient            TEXT NOT NULL,
    tlp                  TEXT NOT NULL,        -- clear, green, amber, amber+strict, red
    created_at           TEXT NOT NULL,        -- when the sender made the package (UTC)
    key_id               TEXT NOT NULL,        -- SHA-256 of the sender's public key, hex
    public_key           TEXT NOT NULL,        -- base64 X.509 SubjectPublicKeyInfo (Ed25519)
    sender_case_id       TEXT NOT NULL,
    sender_case_name     TEXT NOT NULL,
    sender_reference     TEXT NOT NULL,
    instrument           TEXT NOT NULL,        -- the legal instrument the package was sent under, or ''
    sender_tool_version  TEXT NOT NULL,
    source_path          TEXT NOT NULL,        -- where it was imported from (absolute)
    vault_path           TEXT NOT NULL,        -- its read-only copy, relative to the case folder
    imported_at          TEXT NOT NULL
);

-- Every file of the package as verified at import, manifest.json and manifest.sig included.
CREATE TABLE received_files (
    case_id   TEXT NOT NULL REFERENCES cases(id),
    path      TEXT NOT NULL,                   -- inside the package, '/'-separated
    size      BIGINT NOT NULL,
    sha256    TEXT NOT NULL,
    role      TEXT NOT NULL,                   -- the manifest's role; "manifest" and "signature" for its own two files
    PRIMARY KEY (case_id, path)
);
