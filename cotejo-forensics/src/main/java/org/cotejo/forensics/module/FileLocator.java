package org.cotejo.forensics.module;

import java.io.IOException;
import java.util.List;

/** Finds the files of a {@link Location} in one extraction: by backup manifest, or by filesystem glob. */
public interface FileLocator {

    /** The files at {@code location}, sorted, missing ones left out. */
    List<SourceFile> locate(Location location) throws IOException;

    /** The SQLite side files of {@code database} that exist: "-wal", "-shm", "-journal", with their suffix. */
    List<SourceFile> sideFiles(SourceFile database) throws IOException;

    /** Suffixes SQLite uses for a database's side files. */
    List<String> SIDE_FILE_SUFFIXES = List.of("-wal", "-shm", "-journal");
}
