package org.cotejo.cases.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.cotejo.cases.CaseInfo;
import org.cotejo.cases.DeviceInfo;
import org.cotejo.core.CotejoException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** The rows of the cases and devices tables. */
final class CaseRows {
    private final String textOrder;

    CaseRows(String textOrder) {
        this.textOrder = textOrder;
    }

    void createCase(Handle h, CaseInfo c) {
        h.createUpdate("INSERT INTO cases (id, name, agency, reference, legal_basis, created_at, created_by, tool_version)"
                        + " VALUES (:id, :name, :agency, :reference, :legalBasis, :createdAt, :createdBy, :toolVersion)")
                .bind("id", c.id()).bind("name", c.name()).bind("agency", c.agency()).bind("reference", c.reference())
                .bind("legalBasis", JsonColumns.legalBasis(c.legalBasis())).bind("createdAt", StoredTime.format(c.createdAt()))
                .bind("createdBy", c.createdBy()).bind("toolVersion", c.toolVersion()).execute();
    }

    Optional<CaseInfo> findCase(Handle h, String caseId) {
        return h.createQuery("SELECT * FROM cases WHERE id = :id").bind("id", caseId).map(CaseRows::caseInfo).findOne();
    }

    List<CaseInfo> cases(Handle h) {
        return h.createQuery("SELECT * FROM cases ORDER BY created_at, id" + textOrder).map(CaseRows::caseInfo).list();
    }

    void addDevice(Handle h, String caseId, DeviceInfo d) {
        if (findDevice(h, caseId, d.label()).filter(other -> other.label().equals(d.label())).isPresent()) {
            throw new CotejoException("the case already has a device labelled '" + CotejoException.printable(d.label())
                    + "'; choose another label");
        }
        // The device's number in the whole database (PostgreSQL holds several cases): the scan-row tables
        // refer to the device by it.
        long deviceNo = h.createQuery("SELECT COALESCE(MAX(device_no), 0) + 1 FROM devices").mapTo(Long.class).one();
        h.createUpdate("INSERT INTO devices (case_id, id, label, platform, pseudonym, identifiers, created_at, device_no)"
                        + " VALUES (:caseId, :id, :label, :platform, :pseudonym, :identifiers, :createdAt, :deviceNo)")
                .bind("caseId", caseId).bind("id", d.id()).bind("label", d.label()).bind("platform", d.platform()).bind("deviceNo", deviceNo)
                .bind("pseudonym", d.pseudonym()).bind("identifiers", JsonColumns.identifiers(d.identifiers()))
                .bind("createdAt", StoredTime.format(d.createdAt())).execute();
    }

    /** A device by its id or, failing that, its label (what analysts type). */
    Optional<DeviceInfo> findDevice(Handle h, String caseId, String labelOrId) {
        // The id wins when a label happens to equal another device's id, so an id always means one device.
        return h.createQuery("SELECT * FROM devices WHERE case_id = :caseId AND (id = :key OR label = :key)"
                        + " ORDER BY CASE WHEN id = :key THEN 0 ELSE 1 END LIMIT 1")
                .bind("caseId", caseId).bind("key", labelOrId).map(CaseRows::device).findOne();
    }

    List<DeviceInfo> devices(Handle h, String caseId) {
        return h.createQuery("SELECT * FROM devices WHERE case_id = :caseId ORDER BY label" + textOrder + ", id" + textOrder)
                .bind("caseId", caseId).map(CaseRows::device).list();
    }

    /**
     * Adds identifiers read from an extraction to a device. A value that contradicts one already
     * recorded (another UDID, another IMEI) is refused: the evidence is probably of another phone.
     */
    DeviceInfo mergeIdentifiers(Handle h, String caseId, String deviceId, Map<String, String> identifiers) {
        DeviceInfo d = findDevice(h, caseId, deviceId).filter(x -> x.id().equals(deviceId))
                .orElseThrow(() -> new CotejoException("the case has no device with id " + CotejoException.printable(deviceId)));
        Map<String, String> merged = new TreeMap<>(d.identifiers());
        for (Map.Entry<String, String> e : new TreeMap<>(identifiers).entrySet()) {
            String known = merged.putIfAbsent(e.getKey(), e.getValue());
            if (known != null && !known.equals(e.getValue())) {
                throw new CotejoException("device " + CotejoException.printable(d.label()) + " has " + e.getKey() + " "
                        + CotejoException.printable(known) + " but this extraction says " + CotejoException.printable(e.getValue())
                        + "; is the evidence of another phone? add it to the right device");
            }
        }
        if (merged.equals(new HashMap<>(d.identifiers()))) return d;
        h.createUpdate("UPDATE devices SET identifiers = :identifiers WHERE case_id = :caseId AND id = :id")
                .bind("identifiers", JsonColumns.identifiers(merged)).bind("caseId", caseId).bind("id", deviceId).execute();
        return new DeviceInfo(d.id(), d.label(), d.platform(), d.pseudonym(), merged, d.createdAt());
    }

    private static CaseInfo caseInfo(ResultSet r, StatementContext ctx) throws SQLException {
        return new CaseInfo(r.getString("id"), r.getString("name"), r.getString("agency"), r.getString("reference"),
                JsonColumns.legalBasis(r.getString("legal_basis")), StoredTime.parse(r.getString("created_at")),
                r.getString("created_by"), r.getString("tool_version"));
    }

    private static DeviceInfo device(ResultSet r, StatementContext ctx) throws SQLException {
        return new DeviceInfo(r.getString("id"), r.getString("label"), r.getString("platform"), r.getString("pseudonym"),
                JsonColumns.identifiers(r.getString("identifiers")), StoredTime.parse(r.getString("created_at")));
    }
}
