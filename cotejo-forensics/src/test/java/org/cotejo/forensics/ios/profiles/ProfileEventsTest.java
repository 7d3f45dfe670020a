package org.cotejo.forensics.ios.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import com.dd.plist.NSArray;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSString;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.testing.ModuleHarness;
import org.cotejo.forensics.testing.TestBackup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileEventsTest {
    static final String EVENTS = "Library/ConfigurationProfiles/MCProfileEvents.plist";
    @TempDir Path dir;

    @Test
    void readsWhichProcessInstalledOrRemovedWhichProfile() throws Exception {
        NSDictionary root = new NSDictionary();
        root.put("ProfileEvents", new NSArray(
                event("com.example.mdm.profile", "install", "/usr/libexec/profiled", "2023-02-10T14:00:00Z"),
                event("com.example.vpn", "remove", "Preferences", "2023-03-01T09:15:00Z")));
        Extraction x = TestBackup.at(dir.resolve("backup")).plist(ConfigurationProfilesTest.DOMAIN, EVENTS, root).open();

        List<Record> records = ModuleHarness.run(x, "ProfileEvents").of("profile_events");

        assertThat(records).hasSize(2);
        Record first = records.get(0);
        assertThat(first.fields().keys()).containsExactly("profile_id", "timestamp", "operation", "process", "friendlyname");
        assertThat(first.fields().string("timestamp")).isEqualTo("2023-02-10 14:00:00.000000");
        assertThat(first.fields().string("friendlyname")).isEqualTo("Example");
        assertThat(first.provenance().locator()).isEqualTo("ProfileEvents[0]");
        assertThat(first.provenance().logical()).isEqualTo(ConfigurationProfilesTest.DOMAIN + "/" + EVENTS);
        assertThat(first.observables()).extracting(o -> o.observable().type(), o -> o.observable().value()).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ObservableType.PROCESS_NAME, "profiled"),
                org.assertj.core.groups.Tuple.tuple(ObservableType.PROFILE_ID, "com.example.mdm.profile"));
        assertThat(first.timeline()).singleElement().satisfies(e -> {
            assertThat(e.event()).isEqualTo("profile_operation");
            assertThat(e.description()).isEqualTo("Process /usr/libexec/profiled started operation install of profile com.example.mdm.profile");
        });
        assertThat(records.get(1).provenance().locator()).isEqualTo("ProfileEvents[1]");
    }

    @Test
    void reportsAFileWithoutTheEventList() throws Exception {
        NSDictionary root = new NSDictionary();
        root.put("Events", new NSString("unexpected"));
        Extraction x = TestBackup.at(dir.resolve("backup")).plist(ConfigurationProfilesTest.DOMAIN, EVENTS, root).open();

        ModuleHarness.Result result = ModuleHarness.run(x, "ProfileEvents");

        assertThat(result.records()).isEmpty();
        assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("no ProfileEvents list"));
    }

    @Test
    void skipsAMalformedEventAndKeepsTheOthers() throws Exception {
        NSDictionary root = new NSDictionary();
        root.put("ProfileEvents", new NSArray(new NSString("junk"), event("com.example.a", "install", "profiled", "2023-01-01T00:00:00Z")));
        Extraction x = TestBackup.at(dir.resolve("backup")).plist(ConfigurationProfilesTest.DOMAIN, EVENTS, root).open();

        ModuleHarness.Result result = ModuleHarness.run(x, "ProfileEvents");

        assertThat(result.of("profile_events")).singleElement()
                .satisfies(r -> assertThat(r.provenance().locator()).isEqualTo("ProfileEvents[1]"));
        assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("ProfileEvents[0]"));
    }

    private static NSDictionary event(String profileId, String operation, String process, String when) {
        NSDictionary details = new NSDictionary();
        details.put("timestamp", Date.from(Instant.parse(when)));
        details.put("operation", operation);
        details.put("process", process);
        details.put("FriendlyName", "Example");
        NSDictionary item = new NSDictionary();
        item.put(profileId, details);
        return item;
    }
}
