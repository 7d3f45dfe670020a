package org.cotejo.forensics.ios.filesystem;

import org.cotejo.forensics.evidence.FileEntry;
import org.cotejo.forensics.record.Provenance;

/**
 * Provenance for records that describe an entry of the dump's file listing (its path and time) rather
 * than bytes read from a file. The entry's content is not hashed here: a dump holds up to a million
 * entries, many of them folders, and intake already registers the SHA-256 of every file of the
 * evidence. The SHA-256 is therefore left empty and the locator is the entry's path.
 */
public final class ListedEntries {
    private ListedEntries() {}

    public static Provenance provenance(FileEntry entry) {
        return new Provenance(entry.path(), entry.path(), "", entry.path());
    }
}
