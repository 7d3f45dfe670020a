package org.cotejo.cases.custody;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.cotejo.cases.Acquisition;
import org.cotejo.cases.EvidenceFile;
import org.cotejo.cases.EvidenceInfo;
import org.jdbi.v3.core.Handle;

/** The evidence tables read with plain SQL, as the case store will serve them; vault copies live in the case folder. */
final class TableEvidence implements EvidenceSource {
    private final Path caseFolder;

    TableEvidence(Path caseFolder) {
        this.caseFolder = caseFolder;
    }

    @Override
    public List<EvidenceInfo> evidence(Handle h, String caseId) {
        return h.createQuery("SELECT id, device_id, kind, source_path, stored_as, vault_path, manifest_sha256, file_count, total_bytes,"
                        + " added_at FROM evidence WHERE case_id = :caseId ORDER BY id")
                .bind("caseId", caseId)
                .map((rs, ctx) -> new EvidenceInfo(rs.getString("id"), rs.getString("device_id"), rs.getString("kind"),
                        rs.getString("source_path"), rs.getString("stored_as"), rs.getString("vault_path"), Acquisition.UNKNOWN,
                        rs.getString("manifest_sha256"), rs.getLong("file_count"), rs.getLong("total_bytes"),
                        Instant.parse(rs.getString("added_at"))))
                .list();
    }

    @Override
    public void files(Handle h, String caseId, String evidenceId, Consumer<EvidenceFile> each) {
        h.createQuery("SELECT path, size, modified, sha256 FROM evidence_files WHERE case_id = :caseId AND evidence_id = :evidenceId ORDER BY path")
                .bind("caseId", caseId)
                .bind("evidenceId", evidenceId)
                .map((rs, ctx) -> new EvidenceFile(rs.getString("path"), rs.getLong("size"),
                        rs.getString("modified") == null ? null : Instant.parse(rs.getString("modified")), rs.getString("sha256")))
                .forEach(each);
    }

    @Override
    public Path location(EvidenceInfo item) {
        return "vault".equals(item.storedAs()) ? caseFolder.resolve(item.vaultPath()) : Path.of(item.sourcePath());
    }
}
