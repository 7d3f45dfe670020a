package org.cotejo.forensics.module;

import com.dd.plist.NSObject;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.ObservedValue;
import org.cotejo.forensics.record.Provenance;
import org.cotejo.forensics.sqlite.EvidenceDatabase;

/** What a running module may do: find files, read them safely, emit records, report what it could not read. */
public interface ModuleContext {

    Extraction extraction();

    ModuleOptions options();

    /**
     * The files at these locations, in order, without duplicates: backup locations in backups,
     * filesystem globs in dumps. Missing files are simply absent from the list.
     */
    List<SourceFile> locate(Location... where) throws IOException;

    /** The file's bytes (decrypted for encrypted backups). */
    InputStream open(SourceFile file) throws IOException;

    /** The file's bytes, whole; refuses files over {@code maxBytes} with a clear message. */
    byte[] readAll(SourceFile file, long maxBytes) throws IOException;

    /**
     * A SQLite database opened on a private copy (with its -wal/-shm/-journal side files), never in
     * place; closing it checks the original is unchanged.
     */
    EvidenceDatabase database(SourceFile file) throws IOException;

    /** A property list (binary or XML, external entities refused). */
    NSObject plist(SourceFile file) throws IOException;

    /** Provenance for a record read from {@code file} at {@code locator} (hashes the file on first use). */
    Provenance provenance(SourceFile file, String locator);

    /** Emits one record. */
    void emit(Fields fields, Provenance where);

    /**
     * Emits one record whose observables the module has already read: {@code observed} must be what its
     * {@link ArtifactModule#observe} gives for these fields (a module reading millions of rows that repeat the same
     * values reads each distinct row's observables once and hands the same list again).
     */
    default void emit(Fields fields, Provenance where, List<ObservedValue> observed) {
        emit(fields, where);
    }

    /** Reports something that could not be read; the module carries on. */
    void problem(SourceFile file, String message);

    /**
     * Reads each SQLite database at {@code where} in turn: opens it on a private copy, checks it has
     * {@code tables}, hands it to {@code reader}, and reports (as problems naming the file) a file
     * that is not a database, lacks a table ({@code what} says what it should have been), a query that
     * cannot run, and the damage {@link EvidenceDatabase#problems()} records. The run goes on with the
     * next file either way.
     */
    default void eachDatabase(Location where, java.util.List<String> tables, String what, DatabaseReader reader) throws IOException {
        for (SourceFile file : locate(where)) {
            EvidenceDatabase db;
            try {
                db = database(file);
            } catch (org.cotejo.core.CotejoException e) {
                problem(file, e.getMessage() + "; skipped");
                continue;
            }
            try (db) {
                java.util.List<String> missing = tables.stream().filter(t -> !db.hasTable(t)).toList();
                if (!missing.isEmpty()) {
                    problem(file, db.problems().isEmpty()
                            ? "no " + String.join("/", missing) + " table; not " + what + ", skipped"
                            : String.join("; ", db.problems()) + "; skipped");
                    continue;
                }
                try {
                    reader.read(file, db);
                } catch (java.sql.SQLException e) {
                    problem(file, "unreadable, rest of the file skipped: " + e.getMessage());
                }
                db.problems().forEach(p -> problem(file, p));
            }
        }
    }

    /** Reads one opened evidence database. */
    @FunctionalInterface
    interface DatabaseReader {
        void read(SourceFile file, EvidenceDatabase db) throws java.sql.SQLException, IOException;
    }

    /** The records of a module this one depends on (declared in {@link ArtifactModule#dependsOn()}). */
    List<Fields> resultsOf(String moduleName);
}
