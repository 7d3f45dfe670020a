-- Cotejo case store, schema 1. Portable between SQLite and PostgreSQL: TEXT, BIGINT and INTEGER only;
-- times are ISO-8601 UTC text ("2026-11-27T19:30:58.123456Z"), which sorts as time does; ids are
-- chosen by the application (no auto-increment), so both databases behave the same.

CREATE TABLE cases (
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    agency        TEXT NOT NULL,
    reference     TEXT NOT NULL,          -- court and proceedings number
    legal_basis   TEXT,                   -- JSON: {type, reference, requesting_authority, executing_authority, notes}
    created_at    TEXT NOT NULL,
    created_by    TEXT NOT NULL,
    tool_version  TEXT NOT NULL
);

CREATE TABLE devices (
    case_id      TEXT NOT NULL REFERENCES cases(id),
    id           TEXT NOT NULL,
    label        TEXT NOT NULL,
    platform     TEXT NOT NULL,            -- ios, android
    pseudonym    TEXT,                     -- of the person, never the name
    identifiers  TEXT,                     -- JSON object: udid, serial_number, imei, android_id...
    created_at   TEXT NOT NULL,
    PRIMARY KEY (case_id, id),
    UNIQUE (case_id, label)
);

CREATE TABLE evidence (
    case_id          TEXT NOT NULL REFERENCES cases(id),
    id               TEXT NOT NULL,
    device_id        TEXT NOT NULL,
    kind             TEXT NOT NULL,        -- ios-backup, ios-fs, sysdiagnose, mvt-results...
    source_path      TEXT NOT NULL,        -- where it was added from (absolute)
    stored_as        TEXT NOT NULL,        -- reference | vault
    vault_path       TEXT,                 -- relative to the case folder when stored_as = vault
    acquired_by      TEXT,
    acquired_at      TEXT,                 -- UTC
    acquired_offset  TEXT,                 -- local offset at acquisition, e.g. +02:00
    method           TEXT,
    tool             TEXT,
    tool_version     TEXT,
    notes            TEXT,
    manifest_sha256  TEXT NOT NULL,        -- SHA-256 of the sorted "sha256  size  path" lines of its files
    file_count       BIGINT NOT NULL,
    total_bytes      BIGINT NOT NULL,
    added_at         TEXT NOT NULL,
    PRIMARY KEY (case_id, id),
    FOREIGN KEY (case_id, device_id) REFERENCES devices(case_id, id)
);
CREATE INDEX evidence_by_manifest ON evidence (case_id, manifest_sha256);

CREATE TABLE evidence_files (
    case_id      TEXT NOT NULL,
    evidence_id  TEXT NOT NULL,
    path         TEXT NOT NULL,            -- inside the evidence, '/'-separated
    size         BIGINT NOT NULL,
    modified     TEXT,                     -- UTC
    sha256       TEXT NOT NULL,
    PRIMARY KEY (case_id, evidence_id, path),
    FOREIGN KEY (case_id, evidence_id) REFERENCES evidence(case_id, id)
);

CREATE TABLE feeds (
    case_id      TEXT NOT NULL REFERENCES cases(id),
    sha256       TEXT NOT NULL,
    file_name    TEXT NOT NULL,
    format       TEXT NOT NULL,
    indicators   BIGINT NOT NULL,
    stored_path  TEXT NOT NULL,            -- the feed file kept in the case folder, relative
    added_at     TEXT NOT NULL,
    PRIMARY KEY (case_id, sha256)
);

CREATE TABLE scans (
    case_id        TEXT NOT NULL REFERENCES cases(id),
    id             TEXT NOT NULL,
    evidence_id    TEXT NOT NULL,
    device_id      TEXT NOT NULL,
    tool_version   TEXT NOT NULL,
    feeds_key      TEXT NOT NULL,          -- SHA-256 of the sorted feed hashes used
    started_at     TEXT NOT NULL,
    finished_at    TEXT NOT NULL,
    analyst        TEXT,
    verdict        TEXT NOT NULL,
    verdict_rule   TEXT NOT NULL,
    verdict_reasons TEXT,                  -- JSON array
    records        BIGINT NOT NULL,
    detections     BIGINT NOT NULL,
    alerts         BIGINT NOT NULL,
    problems       TEXT,                   -- JSON array of {module, file, message}
    result_sha256  TEXT NOT NULL,          -- over the stored rows of this scan, checked by case verify
    PRIMARY KEY (case_id, id),
    UNIQUE (case_id, evidence_id, tool_version, feeds_key),
    FOREIGN KEY (case_id, evidence_id) REFERENCES evidence(case_id, id)
);

-- Timeline events of every scan (what the report's timelines are built from).
CREATE TABLE events (
    case_id      TEXT NOT NULL,
    scan_id      TEXT NOT NULL,
    n            BIGINT NOT NULL,
    device_id    TEXT NOT NULL,
    time         TEXT NOT NULL,
    module       TEXT NOT NULL,
    event        TEXT NOT NULL,
    description  TEXT NOT NULL,
    source_file  TEXT NOT NULL,
    source_sha256 TEXT NOT NULL,
    locator      TEXT NOT NULL,
    PRIMARY KEY (case_id, scan_id, n)
);
CREATE INDEX events_by_device_time ON events (case_id, device_id, time);

-- Observables per device and evidence item (from that item's latest scan), with counts and times.
CREATE TABLE observations (
    case_id      TEXT NOT NULL,
    device_id    TEXT NOT NULL,
    evidence_id  TEXT NOT NULL,
    scan_id      TEXT NOT NULL,
    type         TEXT NOT NULL,
    value        TEXT NOT NULL,
    count        BIGINT NOT NULL,
    first_seen   TEXT,
    last_seen    TEXT,
    trace        TEXT NOT NULL,
    PRIMARY KEY (case_id, device_id, type, value, evidence_id)
);
CREATE INDEX observations_by_value ON observations (case_id, type, value, device_id);

CREATE TABLE detections (
    case_id          TEXT NOT NULL,
    scan_id          TEXT NOT NULL,
    n                BIGINT NOT NULL,
    device_id        TEXT NOT NULL,
    level            TEXT NOT NULL,
    disposition      TEXT NOT NULL,
    module           TEXT NOT NULL,
    trace            TEXT NOT NULL,
    observable_type  TEXT NOT NULL,
    observable_value TEXT NOT NULL,
    observable_raw   TEXT NOT NULL,
    field            TEXT NOT NULL,
    rule             TEXT NOT NULL,
    indicator_id     TEXT NOT NULL,
    indicator_type   TEXT NOT NULL,
    indicator_value  TEXT NOT NULL,
    collection       TEXT NOT NULL,
    feed_sha256      TEXT NOT NULL,
    source_file      TEXT NOT NULL,
    source_sha256    TEXT NOT NULL,
    locator          TEXT NOT NULL,
    time             TEXT,
    message          TEXT NOT NULL,
    PRIMARY KEY (case_id, scan_id, n)
);
CREATE INDEX detections_by_device ON detections (case_id, device_id);

CREATE TABLE alerts (
    case_id        TEXT NOT NULL,
    scan_id        TEXT NOT NULL,
    n              BIGINT NOT NULL,
    device_id      TEXT NOT NULL,
    level          TEXT NOT NULL,
    heuristic      TEXT NOT NULL,
    module         TEXT NOT NULL,
    message        TEXT NOT NULL,
    time           TEXT,
    source_file    TEXT NOT NULL,
    source_sha256  TEXT NOT NULL,
    locator        TEXT NOT NULL,
    PRIMARY KEY (case_id, scan_id, n)
);
CREATE INDEX alerts_by_device ON alerts (case_id, device_id);

-- The custody ledger: append-only, hash-chained, each entry signed (Ed25519) by the installation key.
CREATE TABLE ledger (
    case_id       TEXT NOT NULL REFERENCES cases(id),
    seq           BIGINT NOT NULL,
    time          TEXT NOT NULL,
    os_user       TEXT NOT NULL,
    analyst       TEXT,
    tool_version  TEXT NOT NULL,
    action        TEXT NOT NULL,           -- create, add-device, add-evidence, add-iocs, scan, decision, export, verify, timestamp
    command       TEXT NOT NULL,
    inputs        TEXT NOT NULL,           -- JSON: hashes of what the action read
    outputs       TEXT NOT NULL,           -- JSON: hashes of what it wrote
    prev_hash     TEXT NOT NULL,
    entry_hash    TEXT NOT NULL,           -- SHA-256 of the canonical entry, prev_hash included
    key_id        TEXT NOT NULL,
    signature     TEXT NOT NULL,           -- base64 Ed25519 signature of entry_hash
    tsa_token     TEXT,                    -- base64 RFC 3161 token over entry_hash, when time-stamped
    PRIMARY KEY (case_id, seq)
);

CREATE TABLE signing_keys (
    case_id     TEXT NOT NULL REFERENCES cases(id),
    key_id      TEXT NOT NULL,             -- SHA-256 of the public key, hex
    public_key  TEXT NOT NULL,             -- base64 X.509 SubjectPublicKeyInfo
    added_at    TEXT NOT NULL,
    PRIMARY KEY (case_id, key_id)
);
