package org.cotejo.cases.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.cotejo.cases.Acquisition;
import org.cotejo.cases.EvidenceFile;
import org.cotejo.cases.EvidenceInfo;
import org.cotejo.cases.FeedInfo;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;

/** The rows of the evidence, evidence_files and feeds tables. */
final class EvidenceRows {
    /** Rows per executed batch: large enough to amortise a round trip, small enough to bound memory. */
    static final int BATCH = 5_000;
    private static final String EVIDENCE_COLUMNS = "id, device_id, kind, source_path, stored_as, vault_path, acquired_by, acquired_at,"
            + " acquired_offset, method, tool, tool_version, notes, manifest_sha256, file_count, total_bytes, added_at";

    private final String textOrder;

    EvidenceRows(String textOrder) {
        this.textOrder = textOrder;
    }

    void addEvidence(Handle h, String caseId, EvidenceInfo e, Iterable<EvidenceFile> files) {
        Acquisition a = e.acquisition() == null ? Acquisition.UNKNOWN : e.acquisition();
        h.createUpdate("INSERT INTO evidence (case_id, " + EVIDENCE_COLUMNS + ") VALUES (:caseId, :id, :deviceId, :kind, :sourcePath,"
                        + " :storedAs, :vaultPath, :by, :at, :offset, :method, :tool, :toolVersion, :notes, :manifest, :fileCount,"
                        + " :totalBytes, :addedAt)")
                .bind("caseId", caseId).bind("id", e.id()).bind("deviceId", e.deviceId()).bind("kind", e.kind())
                .bind("sourcePath", e.sourcePath()).bind("storedAs", e.storedAs()).bind("vaultPath", e.vaultPath())
                .bind("by", a.by()).bind("at", StoredTime.format(a.at())).bind("offset", a.offset() == null ? null : a.offset().getId())
                .bind("method", a.method()).bind("tool", a.tool()).bind("toolVersion", a.toolVersion()).bind("notes", a.notes())
                .bind("manifest", e.manifestSha256()).bind("fileCount", e.fileCount()).bind("totalBytes", e.totalBytes())
                .bind("addedAt", StoredTime.format(e.addedAt())).execute();
        long count = 0;
        long bytes = 0;
        PreparedBatch batch = h.prepareBatch("INSERT INTO evidence_files (case_id, evidence_id, path, size, modified, sha256)"
                + " VALUES (:caseId, :evidenceId, :path, :size, :modified, :sha256)");
        for (EvidenceFile f : files) {
            batch.bind("caseId", caseId).bind("evidenceId", e.id()).bind("path", f.path()).bind("size", f.size())
                    .bind("modified", StoredTime.format(f.modified())).bind("sha256", f.sha256()).add();
            count++;
            bytes += f.size();
            if (batch.size() >= BATCH) batch.execute();
        }
        if (batch.size() > 0) batch.execute();
        // The evidence row states the item's size; rows that disagree with it would make it lie.
        if (count != e.fileCount() || bytes != e.totalBytes()) {
            throw new IllegalArgumentException("evidence " + e.id() + " declares " + e.fileCount() + " files, " + e.totalBytes()
                    + " bytes, but " + count + " files, " + bytes + " bytes were given");
        }
    }

    Optional<EvidenceInfo> findEvidence(Handle h, String caseId, String evidenceId) {
        return h.createQuery("SELECT " + EVIDENCE_COLUMNS + " FROM evidence WHERE case_id = :caseId AND id = :id")
                .bind("caseId", caseId).bind("id", evidenceId).map(EvidenceRows::item).findOne();
    }

    /** The evidence item with these files, if the case has it: adding it again is then a no-op. */
    Optional<EvidenceInfo> findEvidenceByManifest(Handle h, String caseId, String manifestSha256) {
        return h.createQuery("SELECT " + EVIDENCE_COLUMNS + " FROM evidence WHERE case_id = :caseId AND manifest_sha256 = :manifest"
                        + " ORDER BY added_at, id LIMIT 1")
                .bind("caseId", caseId).bind("manifest", manifestSha256).map(EvidenceRows::item).findOne();
    }

    List<EvidenceInfo> evidence(Handle h, String caseId) {
        return h.createQuery("SELECT " + EVIDENCE_COLUMNS + " FROM evidence WHERE case_id = :caseId ORDER BY added_at, id" + textOrder)
                .bind("caseId", caseId).map(EvidenceRows::item).list();
    }

    void files(Handle h, String caseId, String evidenceId, Consumer<EvidenceFile> sink) {
        // Streamed with a fetch size: an item can have millions of files.
        h.createQuery("SELECT path, size, modified, sha256 FROM evidence_files WHERE case_id = :caseId AND evidence_id = :evidenceId"
                        + " ORDER BY path" + textOrder)
                .bind("caseId", caseId).bind("evidenceId", evidenceId).setFetchSize(BATCH)
                .map((r, ctx) -> new EvidenceFile(r.getString(1), r.getLong(2), StoredTime.parse(r.getString(3)), r.getString(4)))
                .forEach(sink);
    }

    /** Pins a feed; false when the case already has a feed with these bytes. */
    boolean addFeed(Handle h, String caseId, FeedInfo f) {
        return h.createUpdate("INSERT INTO feeds (case_id, sha256, file_name, format, indicators, stored_path, added_at)"
                        + " VALUES (:caseId, :sha256, :fileName, :format, :indicators, :storedPath, :addedAt)"
                        + " ON CONFLICT (case_id, sha256) DO NOTHING")
                .bind("caseId", caseId).bind("sha256", f.sha256()).bind("fileName", f.fileName()).bind("format", f.format())
                .bind("indicators", f.indicators()).bind("storedPath", f.storedPath()).bind("addedAt", StoredTime.format(f.addedAt()))
                .execute() == 1;
    }

    List<FeedInfo> feeds(Handle h, String caseId) {
        return h.createQuery("SELECT sha256, file_name, format, indicators, stored_path, added_at FROM feeds WHERE case_id = :caseId"
                        + " ORDER BY added_at, sha256")
                .bind("caseId", caseId)
                .map((r, ctx) -> new FeedInfo(r.getString(1), r.getString(2), r.getString(3), r.getLong(4), r.getString(5),
                        StoredTime.parse(r.getString(6))))
                .list();
    }

    private static EvidenceInfo item(ResultSet r, StatementContext ctx) throws SQLException {
        String offset = r.getString("acquired_offset");
        Acquisition a = new Acquisition(r.getString("acquired_by"), StoredTime.parse(r.getString("acquired_at")),
                offset == null ? null : ZoneOffset.of(offset), r.getString("method"), r.getString("tool"), r.getString("tool_version"),
                r.getString("notes"));
        return new EvidenceInfo(r.getString("id"), r.getString("device_id"), r.getString("kind"), r.getString("source_path"),
                r.getString("stored_as"), r.getString("vault_path"), a, r.getString("manifest_sha256"), r.getLong("file_count"),
                r.getLong("total_bytes"), StoredTime.parse(r.getString("added_at")));
    }
}
