package org.cotejo.forensics.ios.contacts;

import java.util.List;
import java.util.Set;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.ios.Cells;
import org.cotejo.forensics.module.ArtifactModule;
import org.cotejo.forensics.module.Location;
import org.cotejo.forensics.module.ModuleContext;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.TraceClass;
import org.cotejo.forensics.sqlite.EvidenceDatabase;

/**
 * The address book ({@code AddressBook.sqlitedb}): one record per phone number, e-mail or other value
 * of a contact. Context for the examiner (who is "+34 600…" in the messages); the values are the
 * owner's contacts, not traces of an attack, so they yield no observables.
 */
public final class Contacts implements ArtifactModule {
    static final Location ADDRESS_BOOK = Location.of("HomeDomain", "Library/AddressBook/AddressBook.sqlitedb",
            "private/var/mobile/Library/AddressBook/AddressBook.sqlitedb");

    private static final String QUERY = "SELECT multi.value, person.first, person.middle, person.last, person.organization, "
            + "person.ROWID AS person_rowid, multi.UID AS multi_uid "
            + "FROM ABPerson person, ABMultiValue multi WHERE person.rowid = multi.record_id AND multi.value NOT NULL "
            + "ORDER BY person.rowid, multi.UID";

    @Override public String name() { return "Contacts"; }
    @Override public Set<EvidenceKind> kinds() { return Set.of(EvidenceKind.IOS_BACKUP, EvidenceKind.IOS_FS); }
    @Override public TraceClass trace() { return TraceClass.CONTEXT; }
    @Override public String description() { return "Address book contacts (AddressBook.sqlitedb): names and their numbers and addresses"; }

    @Override
    public void extract(ModuleContext ctx) throws Exception {
        ctx.eachDatabase(ADDRESS_BOOK, List.of("ABPerson", "ABMultiValue"), "an address book database", (file, db) ->
                db.rows(QUERY, row -> {
                    // Values are text; a blob (rare, from sync) is read as UTF-8 so the record stays JSON.
                    Fields f = Fields.builder()
                            .put("value", Cells.text(EvidenceDatabase.cell(row, 1)))
                            .put("first", Cells.text(EvidenceDatabase.cell(row, 2)))
                            .put("middle", Cells.text(EvidenceDatabase.cell(row, 3)))
                            .put("last", Cells.text(EvidenceDatabase.cell(row, 4)))
                            .put("organization", Cells.text(EvidenceDatabase.cell(row, 5)))
                            .build();
                    ctx.emit(f, ctx.provenance(file, "ABPerson ROWID " + row.getLong(6) + ", ABMultiValue UID " + row.getLong(7)));
                }));
    }
}
