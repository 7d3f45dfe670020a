package org.cotejo.cases.store;

import java.util.List;
import java.util.Optional;
import org.cotejo.cases.CaseInfo;
import org.cotejo.cases.DeviceInfo;
import org.cotejo.cases.FeedInfo;
import org.cotejo.cases.ForeignPackage;
import org.cotejo.core.CotejoException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Foreign cases: the received_packages and received_files tables, and the read-only rule. */
final class ForeignRows {
    private static final String PACKAGE_COLUMNS = "manifest_sha256, sender, recipient, tlp, created_at, key_id, public_key,"
            + " sender_case_id, sender_case_name, sender_reference, instrument, sender_tool_version, source_path, vault_path, imported_at";

    private final String textOrder;

    ForeignRows(String textOrder) {
        this.textOrder = textOrder;
    }

    /** The case, its devices and feeds, then the package; the case is marked read-only last, so nothing else can be added. */
    void importCase(Handle h, CaseRows cases, EvidenceRows evidence, CaseInfo info, ForeignPackage p, List<DeviceInfo> devices,
                    List<FeedInfo> feeds) {
        cases.createCase(h, info);
        for (DeviceInfo d : devices) cases.addDevice(h, info.id(), d);
        for (FeedInfo f : feeds) evidence.addFeed(h, info.id(), f);
        h.createUpdate("INSERT INTO received_packages (case_id, " + PACKAGE_COLUMNS + ") VALUES (:caseId, :manifest, :sender,"
                        + " :recipient, :tlp, :createdAt, :keyId, :publicKey, :senderCaseId, :senderCaseName, :senderReference,"
                        + " :instrument, :senderToolVersion, :sourcePath, :vaultPath, :importedAt)")
                .bind("caseId", info.id()).bind("manifest", p.manifestSha256()).bind("sender", p.sender()).bind("recipient", p.recipient())
                .bind("tlp", p.tlp()).bind("createdAt", StoredTime.format(p.createdAt())).bind("keyId", p.keyId())
                .bind("publicKey", p.publicKeyBase64()).bind("senderCaseId", p.senderCaseId()).bind("senderCaseName", p.senderCaseName())
                .bind("senderReference", p.senderReference()).bind("instrument", p.instrument())
                .bind("senderToolVersion", p.senderToolVersion()).bind("sourcePath", p.sourcePath()).bind("vaultPath", p.vaultPath())
                .bind("importedAt", StoredTime.format(p.importedAt())).execute();
        PreparedBatch batch = h.prepareBatch("INSERT INTO received_files (case_id, path, size, sha256, role)"
                + " VALUES (:caseId, :path, :size, :sha256, :role)");
        for (ForeignPackage.File f : p.files()) {
            batch.bind("caseId", info.id()).bind("path", f.path()).bind("size", f.size()).bind("sha256", f.sha256()).bind("role", f.role()).add();
        }
        if (batch.size() > 0) batch.execute();
        h.createUpdate("UPDATE cases SET origin = 'package', read_only = 1 WHERE id = :id").bind("id", info.id()).execute();
    }

    Optional<ForeignPackage> find(Handle h, String caseId) {
        List<ForeignPackage.File> files = h.createQuery("SELECT path, size, sha256, role FROM received_files WHERE case_id = :caseId"
                        + " ORDER BY path" + textOrder)
                .bind("caseId", caseId)
                .map((r, ctx) -> new ForeignPackage.File(r.getString(1), r.getLong(2), r.getString(3), r.getString(4)))
                .list();
        return h.createQuery("SELECT " + PACKAGE_COLUMNS + " FROM received_packages WHERE case_id = :caseId")
                .bind("caseId", caseId)
                .map((r, ctx) -> new ForeignPackage(r.getString("manifest_sha256"), r.getString("sender"), r.getString("recipient"),
                        r.getString("tlp"), StoredTime.parse(r.getString("created_at")), r.getString("key_id"), r.getString("public_key"),
                        r.getString("sender_case_id"), r.getString("sender_case_name"), r.getString("sender_reference"),
                        r.getString("instrument"), r.getString("sender_tool_version"), r.getString("source_path"),
                        r.getString("vault_path"), StoredTime.parse(r.getString("imported_at")), files))
                .findOne();
    }

    /**
     * Refuses {@code action} on a read-only (foreign) case with one line saying why and what to do instead.
     *
     * @param action what was attempted, e.g. "add evidence to"
     */
    void refuseIfReadOnly(Handle h, String caseId, String action) {
        Integer readOnly = h.createQuery("SELECT read_only FROM cases WHERE id = :id").bind("id", caseId).mapTo(Integer.class)
                .findOne().orElse(0);
        if (readOnly == null || readOnly == 0) return;
        String from = find(h, caseId).map(p -> " imported from " + p.sender() + "'s exchange package " + p.manifestSha256().substring(0, 16)
                + "…").orElse("");
        throw new CotejoException("cannot " + action + " case " + caseId + ": it is a read-only foreign case" + from
                + "; its material is the sender's as received. Work in your own case, or ask the sender for a new package");
    }
}
