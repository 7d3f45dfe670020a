package org.cotejo.cli.cases;

import java.util.List;
import org.cotejo.cases.CaseInfo;
import org.cotejo.cases.custody.InstallationKey;
import org.cotejo.cases.custody.Ledger;
import org.cotejo.cases.folder.CaseFolder;
import org.cotejo.cases.store.CaseStore;
import org.cotejo.cli.Version;
import org.cotejo.core.CotejoException;
import org.cotejo.indicators.update.DataDirectory;

/** An opened case: its folder, its database and the ledger signed with this installation's key. */
final class OpenCase implements AutoCloseable {
    final CaseFolder folder;
    final CaseStore store;
    final Ledger ledger;
    final CaseInfo info;
    final String analyst;
    final String command;

    private OpenCase(CaseFolder folder, CaseStore store, Ledger ledger, CaseInfo info, String analyst, String command) {
        this.folder = folder;
        this.store = store;
        this.ledger = ledger;
        this.info = info;
        this.analyst = analyst;
        this.command = command;
    }

    static OpenCase open(CaseOptions o, List<String> commandLine) {
        CaseFolder folder = CaseFolder.open(o.caseDir);
        CaseStore store = CaseStore.open(folder.jdbcUrl(), folder.user(), folder.password());
        try {
            CaseInfo info = store.read(h -> store.findCase(h, folder.caseId())).orElseThrow(() -> new CotejoException(
                    "case " + folder.caseId() + " of " + folder.root() + " is not in its database " + store.describe()));
            return new OpenCase(folder, store, ledger(), info, o.analyst(), String.join(" ", commandLine));
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** The ledger, signing with this installation's key (kept in Cotejo's data folder, never in a case). */
    static Ledger ledger() {
        return new Ledger(installationKey(), Version.current());
    }

    /** This installation's signing key (kept in Cotejo's data folder, never in a case). */
    static InstallationKey installationKey() {
        return InstallationKey.open(DataDirectory.resolve().resolve("keys"));
    }

    String id() { return folder.caseId(); }

    /** Refuses {@code action} ("scan", "add evidence to") at once on a read-only foreign case, before any work is done. */
    void refuseIfForeign(String action) {
        store.read(h -> {
            store.refuseIfReadOnly(h, id(), action);
            return null;
        });
    }

    @Override
    public void close() {
        store.close();
    }
}
