package org.cotejo.forensics.module;

import com.dd.plist.NSObject;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.record.Fields;
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

    /** Reports something that could not be read; the module carries on. */
    void problem(SourceFile file, String message);

    /** The records of a module this one depends on (declared in {@link ArtifactModule#dependsOn()}). */
    List<Fields> resultsOf(String moduleName);
}
