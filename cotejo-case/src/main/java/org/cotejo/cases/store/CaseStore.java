package org.cotejo.cases.store;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.cotejo.cases.CaseInfo;
import org.cotejo.cases.DeviceInfo;
import org.cotejo.cases.EvidenceFile;
import org.cotejo.cases.EvidenceInfo;
import org.cotejo.cases.FeedInfo;
import org.cotejo.cases.ForeignPackage;
import org.cotejo.cases.ScanSummary;
import org.cotejo.cases.ScanWriter;
import org.cotejo.cases.SharedObservable;
import org.cotejo.cases.StoredDetection;
import org.cotejo.cases.StoredEvent;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * A case database: one SQLite file (a case folder) or one PostgreSQL database (several cases, several
 * analysts). Every method that reads or writes rows takes the caller's {@link Handle}, so a command
 * composes them in one {@link #transaction}: it is stored whole or not at all.
 *
 * <pre>{@code
 * try (CaseStore store = CaseStore.open("jdbc:sqlite:" + dir.resolve("case.db"), null, null)) {
 *     store.transaction(h -> { store.createCase(h, info); store.addDevice(h, info.id(), phone); return null; });
 *     List<DeviceInfo> devices = store.read(h -> store.devices(h, info.id()));
 * }
 * }</pre>
 */
public final class CaseStore implements AutoCloseable {
    private static final int ATTEMPTS = 6;

    private final StoreOpening opening;
    private final Jdbi jdbi;
    private final CaseRows cases;
    private final EvidenceRows evidence;
    private final ScanRows scans;
    private final CaseQueries queries;
    private final ForeignRows foreign;

    private CaseStore(StoreOpening opening) {
        this.opening = opening;
        this.jdbi = Jdbi.create(opening.dataSource);
        String textOrder = opening.postgres ? " COLLATE \"C\"" : "";
        cases = new CaseRows(textOrder);
        evidence = new EvidenceRows(textOrder);
        scans = new ScanRows(textOrder);
        queries = new CaseQueries(textOrder);
        foreign = new ForeignRows(textOrder);
    }

    /**
     * Opens (creating if needed) the case database at {@code jdbc:sqlite:/path/case.db} or
     * {@code jdbc:postgresql://host:port/db} and brings its schema up to date.
     *
     * @param user     PostgreSQL user (ignored by SQLite; null for the driver's default)
     * @param password PostgreSQL password (ignored by SQLite; never shown in messages)
     * @throws org.cotejo.core.CotejoException when the database was written by a newer Cotejo, is locked,
     *         is not a database, sits on a full disk, or the server cannot be reached
     */
    public static CaseStore open(String jdbcUrl, String user, String password) {
        return new CaseStore(StoreOpening.open(jdbcUrl, user, password));
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public boolean postgres() {
        return opening.postgres;
    }

    /** Where the database is, for messages: the SQLite file, or the PostgreSQL URL without its password. */
    public String describe() {
        return opening.where;
    }

    /** The schema version (the number of the newest migration applied). */
    public int schemaVersion() {
        return opening.schemaVersion;
    }

    /**
     * Runs {@code work} in one transaction and commits it. SQLite takes the write lock when the
     * transaction begins ({@code BEGIN IMMEDIATE}), waiting a few seconds for another writer, so two
     * processes queue instead of deadlocking. PostgreSQL runs it SERIALIZABLE and runs it again (a few
     * times) when the server reports a conflict with a concurrent transaction, so {@code work} must
     * touch nothing but the database, or be safe to repeat.
     *
     * @throws org.cotejo.core.CotejoException for a locked database, a full disk, an unreachable server
     */
    public <T> T transaction(HandleCallback<T, RuntimeException> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return opening.postgres ? jdbi.inTransaction(TransactionIsolationLevel.SERIALIZABLE, work) : jdbi.inTransaction(work);
            } catch (RuntimeException e) {
                if (!opening.postgres || attempt == ATTEMPTS || !conflict(e)) throw StoreErrors.rethrow(e, opening.where);
                pause(attempt);
            }
        }
    }

    /** Runs {@code work} on a handle without a transaction (each statement sees a consistent state). */
    public <T> T read(HandleCallback<T, RuntimeException> work) {
        try {
            return jdbi.withHandle(work);
        } catch (RuntimeException e) {
            throw StoreErrors.rethrow(e, opening.where);
        }
    }

    // ---- cases and devices

    public void createCase(Handle h, CaseInfo c) {
        cases.createCase(h, c);
    }

    public Optional<CaseInfo> findCase(Handle h, String caseId) {
        return cases.findCase(h, caseId);
    }

    /** All cases of the database, oldest first. */
    public List<CaseInfo> cases(Handle h) {
        return cases.cases(h);
    }

    /** @throws org.cotejo.core.CotejoException when the case already has a device with that label */
    public void addDevice(Handle h, String caseId, DeviceInfo device) {
        foreign.refuseIfReadOnly(h, caseId, "add a device to");
        cases.addDevice(h, caseId, device);
    }

    /** The device with this id or, failing that, this label. */
    public Optional<DeviceInfo> findDevice(Handle h, String caseId, String labelOrId) {
        return cases.findDevice(h, caseId, labelOrId);
    }

    /** The case's devices by label. */
    public List<DeviceInfo> devices(Handle h, String caseId) {
        return cases.devices(h, caseId);
    }

    /**
     * Adds identifiers read from an extraction (udid, imei...) to the device and returns it.
     *
     * @throws org.cotejo.core.CotejoException when one contradicts a value already recorded
     */
    public DeviceInfo mergeIdentifiers(Handle h, String caseId, String deviceId, Map<String, String> identifiers) {
        return cases.mergeIdentifiers(h, caseId, deviceId, identifiers);
    }

    // ---- evidence and feeds

    /** Registers an evidence item and its files (streamed, inserted in batches); counts must match the item's. */
    public void addEvidence(Handle h, String caseId, EvidenceInfo item, Iterable<EvidenceFile> files) {
        foreign.refuseIfReadOnly(h, caseId, "add evidence to");
        evidence.addEvidence(h, caseId, item, files);
    }

    public Optional<EvidenceInfo> findEvidence(Handle h, String caseId, String evidenceId) {
        return evidence.findEvidence(h, caseId, evidenceId);
    }

    /** The evidence item with this manifest hash (the same files), if the case already has it. */
    public Optional<EvidenceInfo> findEvidenceByManifest(Handle h, String caseId, String manifestSha256) {
        return evidence.findEvidenceByManifest(h, caseId, manifestSha256);
    }

    /** The case's evidence items in the order they were added. */
    public List<EvidenceInfo> evidence(Handle h, String caseId) {
        return evidence.evidence(h, caseId);
    }

    /**
     * Streams an evidence item's files to {@code sink} in path order (byte order of the UTF-8 text).
     * On PostgreSQL rows arrive in chunks only inside a transaction; outside one the driver reads all first.
     */
    public void files(Handle h, String caseId, String evidenceId, Consumer<EvidenceFile> sink) {
        evidence.files(h, caseId, evidenceId, sink);
    }

    /** Pins a feed in the case; false when a feed with the same SHA-256 is already pinned. */
    public boolean addFeed(Handle h, String caseId, FeedInfo feed) {
        foreign.refuseIfReadOnly(h, caseId, "pin feeds in");
        return evidence.addFeed(h, caseId, feed);
    }

    /** The case's feeds in the order they were added. */
    public List<FeedInfo> feeds(Handle h, String caseId) {
        return evidence.feeds(h, caseId);
    }

    // ---- foreign cases

    /**
     * Records a foreign case: the case, the devices and feeds the package holds, the package with every
     * file's hash; then marks the case read-only. The caller appends the import's ledger entries in the
     * same transaction.
     */
    public void importForeignCase(Handle h, CaseInfo info, ForeignPackage received, List<DeviceInfo> devices, List<FeedInfo> feeds) {
        foreign.importCase(h, cases, evidence, info, received, devices, feeds);
    }

    /** The package a foreign case was imported from; empty for a case of this installation. */
    public Optional<ForeignPackage> foreignPackage(Handle h, String caseId) {
        return foreign.find(h, caseId);
    }

    /**
     * Refuses {@code action} (e.g. "scan") on a read-only foreign case with one line saying why; the
     * store's own adding methods call it, commands call it to refuse before doing any work.
     */
    public void refuseIfReadOnly(Handle h, String caseId, String action) {
        foreign.refuseIfReadOnly(h, caseId, action);
    }

    // ---- scans

    /** Whether the evidence item was scanned by this tool version with these feeds. */
    public boolean scanned(Handle h, String caseId, String evidenceId, String toolVersion, String feedsKey) {
        return scans.scanned(h, caseId, evidenceId, toolVersion, feedsKey);
    }

    /**
     * Starts storing a scan of an evidence item. What earlier scans of that item stored (their events,
     * detections, alerts, observations and scan rows) is removed first, so the case holds one result per
     * item; the custody ledger keeps the earlier result hashes. Call {@link ScanWriter#finish} in the
     * same transaction.
     */
    public ScanWriter startScan(Handle h, String caseId, String scanId, String deviceId, String evidenceId) {
        foreign.refuseIfReadOnly(h, caseId, "scan");
        return scans.start(h, caseId, scanId, deviceId, evidenceId);
    }

    /** The case's scans, oldest first. */
    public List<ScanSummary> scans(Handle h, String caseId) {
        return scans.scans(h, caseId);
    }

    /**
     * Recomputes a scan's result hash from its stored rows, exactly as the writer computed it (see
     * {@link ResultHash} for the definition); null when the case has no such scan. A stored hash that
     * differs means a row of the scan changed after it was written.
     */
    public String resultHash(Handle h, String caseId, String scanId) {
        return scans.resultHash(h, caseId, scanId);
    }

    // ---- queries

    /** The detections of one device, or of the whole case when {@code deviceIdOrNull} is null, in time order. */
    public List<StoredDetection> detections(Handle h, String caseId, String deviceIdOrNull) {
        return queries.detections(h, caseId, deviceIdOrNull);
    }

    /** The devices on which an observable (type key and normalised value) occurs, by device id. */
    public List<DeviceSighting> devicesWith(Handle h, String caseId, String type, String value) {
        return queries.devicesWith(h, caseId, type, value);
    }

    /**
     * Every observation of a device, one per scan that saw it (count, first and last seen, trace class),
     * by type, value and scan, streamed to {@code sink}: what correlation reads of a case.
     */
    public void observations(Handle h, String caseId, String deviceId, java.util.function.Consumer<org.cotejo.cases.StoredObservation> sink) {
        queries.observations(h, caseId, deviceId, sink);
    }

    /** The observables two devices share, by type then value, with how often each saw them. */
    public List<SharedObservable> shared(Handle h, String caseId, String deviceA, String deviceB) {
        return queries.shared(h, caseId, deviceA, deviceB);
    }

    /**
     * A page of a device's timeline: up to {@code limit} events at or after {@code fromTime} (null: from
     * the start), in time order. The next page starts at the last event's time, so events sharing that
     * instant are returned again.
     */
    public List<StoredEvent> events(Handle h, String caseId, String deviceId, Instant fromTime, int limit) {
        return queries.events(h, caseId, deviceId, fromTime, limit);
    }

    /** The SQL of a query above as this database runs it (for plans and benchmarks). */
    String querySql(String statement) {
        return queries.sql(statement);
    }

    @Override
    public void close() {
        opening.closeKeeper();
    }

    private static boolean conflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            // 40001 serialization failure, 40P01 deadlock: the transaction did nothing and may simply run again.
            if (t instanceof SQLException s && ("40001".equals(s.getSQLState()) || "40P01".equals(s.getSQLState()))) return true;
        }
        return false;
    }

    private static void pause(int attempt) {
        try {
            // Random back-off so two retrying analysts do not collide again in step.
            Thread.sleep(ThreadLocalRandom.current().nextLong(10, 40L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry a transaction", e);
        }
    }
}
