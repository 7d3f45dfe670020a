package org.cotejo.cases.folder;

import java.nio.file.Path;
import java.util.Optional;
import org.cotejo.cases.ForeignPackage;
import org.cotejo.cases.store.CaseStore;

/**
 * The exchange package behind a foreign case folder: what `cotejo investigate --case FR=DIR` reads when
 * DIR is a case made by `cotejo case import-package`. The package's copy in the vault is a complete,
 * verifiable package (manifest, signature, every file), so it is read like the package as received.
 */
public final class ImportedPackages {
    private ImportedPackages() {}

    /** The folder of the package {@code caseDir}'s case was imported from; empty for a case of this installation. */
    public static Optional<Path> folderOf(Path caseDir) {
        CaseFolder folder = CaseFolder.open(caseDir);
        return of(folder).map(p -> folder.resolve(p.vaultPath()));
    }

    /** The package record of a case folder (sender, key, manifest hash, files); empty for a case of this installation. */
    public static Optional<ForeignPackage> of(CaseFolder folder) {
        try (CaseStore store = CaseStore.open(folder.jdbcUrl(), folder.user(), folder.password())) {
            return store.read(h -> store.foreignPackage(h, folder.caseId()));
        }
    }
}
