package org.cotejo.forensics.ios.shortcuts;

import static org.assertj.core.api.Assertions.assertThat;

import com.dd.plist.BinaryPropertyListWriter;
import com.dd.plist.NSArray;
import com.dd.plist.NSData;
import com.dd.plist.NSDictionary;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.record.TimelineEvent;
import org.cotejo.forensics.record.TraceClass;
import org.cotejo.forensics.testing.ModuleHarness;
import org.cotejo.forensics.testing.Sqlite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShortcutsTest {
    static final String PATH = "private/var/mobile/Library/Shortcuts/Shortcuts.sqlite";
    static final double T = 648_291_731; // 2021-07-18 09:02:11 UTC

    @TempDir Path root;

    static Sqlite shortcutsDb(Path root) throws Exception {
        return Sqlite.create(root.resolve(PATH)).exec("""
                CREATE TABLE ZSHORTCUT (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, Z_OPT INTEGER, ZACTIONCOUNT INTEGER,
                  ZHASSHORTCUTINPUTVARIABLES INTEGER, ZHIDDENFROMLIBRARYANDSYNC INTEGER, ZTOMBSTONED INTEGER,
                  ZACTIONS INTEGER, ZCREATIONDATE TIMESTAMP, ZMODIFICATIONDATE TIMESTAMP, ZACTIONSDESCRIPTION VARCHAR,
                  ZNAME VARCHAR, ZWORKFLOWID VARCHAR, ZICON BLOB)""",
                "CREATE TABLE ZSHORTCUTACTIONS (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, Z_OPT INTEGER, ZSHORTCUT INTEGER, ZDATA BLOB)");
    }

    static void shortcut(Sqlite db, long pk, String name, double created, double modified, byte[] actions) throws Exception {
        db.insert("INSERT INTO ZSHORTCUT (Z_PK, Z_ENT, Z_OPT, ZACTIONCOUNT, ZACTIONS, ZCREATIONDATE, ZMODIFICATIONDATE, "
                + "ZACTIONSDESCRIPTION, ZNAME, ZWORKFLOWID) VALUES (?, 5, 3, 2, ?, ?, ?, 'Get contents of URL', ?, ?)",
                pk, actions == null ? null : pk, created, modified, name, "WF-" + pk);
        if (actions != null) db.insert("INSERT INTO ZSHORTCUTACTIONS (Z_PK, Z_ENT, Z_OPT, ZSHORTCUT, ZDATA) VALUES (?, 6, 1, ?, ?)", pk, pk, actions);
    }

    static NSDictionary action(String identifier, NSDictionary parameters) {
        NSDictionary a = new NSDictionary();
        a.put("WFWorkflowActionIdentifier", identifier);
        a.put("WFWorkflowActionParameters", parameters);
        return a;
    }

    static byte[] actions() throws Exception {
        NSDictionary value = new NSDictionary();
        value.put("string", "https://c2.example.com/ping?id=1");
        value.put("attachmentsByRange", new NSDictionary());
        NSDictionary input = new NSDictionary();
        input.put("Value", value);
        input.put("WFSerializationType", "WFTextTokenString");
        NSDictionary fetch = new NSDictionary();
        fetch.put("WFURL", input);
        fetch.put("UUID", "8C0E3D7B-7E4F-4E55-9A57-0C1B8E6A2D10");
        NSDictionary text = new NSDictionary();
        text.put("WFTextActionText", "see https://docs.example.org/a, later");
        text.put("WFIcon", new NSData(new byte[] {1, 2, 3}));
        return BinaryPropertyListWriter.writeToArray(new NSArray(
                action("is.workflow.actions.downloadurl", fetch), action("is.workflow.actions.gettext", text)));
    }

    @Test
    void readsShortcutsWithTheLinksTheirActionsUse() throws Exception {
        try (Sqlite db = shortcutsDb(root)) {
            shortcut(db, 1, "Backup photos", T, T + 3600, actions());
        }
        var result = ModuleHarness.run(ModuleHarness.fsDump(root), "Shortcuts");

        assertThat(result.problems()).isEmpty();
        Record r = result.of("shortcuts").get(0);
        assertThat(r.fields().string("shortcut_name")).isEqualTo("Backup photos");
        assertThat(r.fields().string("isodate")).isEqualTo("2021-07-18 09:02:11.000000");
        assertThat(r.fields().string("modified_date")).isEqualTo("2021-07-18 10:02:11.000000");
        assertThat(r.fields().strings("action_urls")).containsExactly("https://c2.example.com/ping?id=1", "https://docs.example.org/a");
        List<?> parsed = r.fields().list("parsed_actions");
        assertThat(parsed).hasSize(2);
        assertThat(((Map<?, ?>) parsed.get(0)).get("WFWorkflowActionIdentifier")).isEqualTo("is.workflow.actions.downloadurl");
        assertThat(((Map<?, ?>) ((Map<?, ?>) parsed.get(1)).get("WFWorkflowActionParameters")).get("WFIcon")).isEqualTo("AQID");
        assertThat(r.observables()).hasSize(2).allSatisfy(o -> {
            assertThat(o.observable().type()).isEqualTo(ObservableType.URL);
            assertThat(o.trace()).isEqualTo(TraceClass.CONFIGURATION);
        });
        assertThat(r.timeline()).extracting(TimelineEvent::event).containsExactly("shortcut_created", "shortcut_modified");
        assertThat(r.timeline().get(0).description()).isEqualTo(
                "Shortcut 'Backup photos' created (its actions use https://c2.example.com/ping?id=1, https://docs.example.org/a)");
        assertThat(r.timeline().get(1).time()).isEqualTo(Instant.parse("2021-07-18T10:02:11Z"));
        assertThat(r.provenance().locator()).isEqualTo("ZSHORTCUT Z_PK 1");
    }

    @Test
    void unreadableActionsAreAProblemAndTheShortcutIsStillListed() throws Exception {
        try (Sqlite db = shortcutsDb(root)) {
            shortcut(db, 1, "Broken", T, T, new byte[] {'b', 'p', 'l', 'i', 's', 't', '0', '0', 9, 9});
            shortcut(db, 2, "Empty", T, T, null);
        }
        var result = ModuleHarness.run(ModuleHarness.fsDump(root), "Shortcuts");

        assertThat(result.of("shortcuts")).hasSize(2).allSatisfy(r -> {
            assertThat(r.fields().has("action_urls")).isTrue();
            assertThat(r.fields().get("action_urls")).isNull();
            assertThat(r.observables()).isEmpty();
        });
        assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.message())
                .startsWith("shortcut Z_PK 1: ZDATA: unreadable property list").endsWith("its actions were not read"));
    }

    @Test
    void aDatabaseWithoutShortcutTablesIsAProblem() throws Exception {
        try (Sqlite db = Sqlite.create(root.resolve(PATH))) {
            db.exec("CREATE TABLE ZSHORTCUT (Z_PK INTEGER PRIMARY KEY, ZNAME VARCHAR)");
        }
        var result = ModuleHarness.run(ModuleHarness.fsDump(root), "Shortcuts");

        assertThat(result.records()).isEmpty();
        assertThat(result.problems()).extracting(p -> p.message())
                .containsExactly("no ZSHORTCUTACTIONS table; not a Shortcuts database, skipped");
    }

    @Test
    void findsItsFileByTheBackupIdMvtUses() {
        assertThat(Shortcuts.SHORTCUTS_DB.fileId()).isEqualTo("5b4d0b44b5990f62b9f4d34ad8dc382bf0b01094");
        assertThat(new Shortcuts().slug()).isEqualTo("shortcuts");
    }
}
