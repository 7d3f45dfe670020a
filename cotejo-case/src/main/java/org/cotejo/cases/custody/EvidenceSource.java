package org.cotejo.cases.custody;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.cotejo.cases.EvidenceFile;
import org.cotejo.cases.EvidenceInfo;
import org.cotejo.cases.ForeignPackage;
import org.jdbi.v3.core.Handle;

/** What verification needs to know of a case's evidence: the items, their manifests, and where their files are. */
public interface EvidenceSource {

    /** The case's evidence items, in id order. */
    List<EvidenceInfo> evidence(Handle h, String caseId);

    /** The manifest of one item as hashed at intake, one file at a time, in path order. */
    void files(Handle h, String caseId, String evidenceId, Consumer<EvidenceFile> each);

    /**
     * Where the item's files are read now: its copy in the case's vault, or the path it was added from.
     * For a folder, manifest paths are relative to it, '/'-separated. An item that is a single file (an
     * archive, a backup.ab) has a one-entry manifest, checked against the file itself.
     */
    Path location(EvidenceInfo item);

    /**
     * Where a path stored relative to the case folder is (a foreign case's received package is kept
     * there), or null when this source does not know the case folder.
     */
    default Path caseFile(String relative) {
        return null;
    }

    /** For a foreign case, the package it was imported from as recorded at import; empty otherwise (or when unknown to this source). */
    default Optional<ForeignPackage> received(Handle h, String caseId) {
        return Optional.empty();
    }
}
