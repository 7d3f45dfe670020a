package org.cotejo.forensics.ios.webkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.dd.plist.BinaryPropertyListWriter;
import com.dd.plist.NSArray;
import com.dd.plist.NSDictionary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.testing.ModuleHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebkitSessionResourceLogTest {
    private static final String LOG = "private/var/mobile/Containers/Data/Application/7A1B/Library/WebKit/WebsiteData/ResourceLoadStatistics/full_browsing_session_resourceLog.plist";

    @TempDir Path dir;

    private static NSArray origins(String key, String... values) {
        NSDictionary[] out = new NSDictionary[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = new NSDictionary();
            out[i].put(key, values[i]);
        }
        return new NSArray(out);
    }

    @Test
    void emitsOneFlatRecordPerEntryNamingItsFile() throws Exception {
        NSDictionary hop = new NSDictionary();
        hop.put("PrevalentResourceOrigin", "redirect.example.net");
        hop.put("topFrameUniqueRedirectsFrom", origins("origin", "start.example.org"));
        hop.put("topFrameUniqueRedirectsTo", origins("domain", "exploit.example.com"));
        hop.put("subresourceUnderTopFrameOrigins", origins("domain", "cdn.example.com", "203.0.113.9"));
        hop.put("hadUserInteraction", false);
        hop.put("mostRecentUserInteraction", 0.0);
        hop.put("lastSeen", 1650000000.25);
        NSDictionary plain = new NSDictionary();
        plain.put("PrevalentResourceOrigin", "quiet.example.org");
        NSDictionary root = new NSDictionary();
        root.put("browsingStatistics", new NSArray(hop, plain));
        Files.createDirectories(dir.resolve(LOG).getParent());
        BinaryPropertyListWriter.write(dir.resolve(LOG).toFile(), root);

        var result = ModuleHarness.run(ModuleHarness.fsDump(dir), "WebkitSessionResourceLog");

        assertThat(result.problems()).isEmpty();
        var rows = result.of("webkit_session_resource_log");
        assertThat(rows).hasSize(2);
        Fields f = rows.get(0).fields();
        assertThat(f.keys()).containsExactly("origin", "redirect_source", "redirect_destination", "subframe_under_origin",
                "subresource_under_origin", "user_interaction", "most_recent_interaction", "last_seen", "file");
        assertThat(f.get("origin")).isEqualTo("redirect.example.net");
        assertThat(f.get("redirect_source")).isEqualTo(List.of(Map.of("origin", "start.example.org")));
        assertThat(f.get("subframe_under_origin")).as("absent lists are empty text, as in MVT").isEqualTo("");
        assertThat(f.get("user_interaction")).isEqualTo(false);
        assertThat(f.get("last_seen")).isEqualTo("2022-04-15 05:20:00.250000");
        assertThat(f.get("most_recent_interaction")).isEqualTo("");
        assertThat(f.get("file")).isEqualTo(LOG);
        assertThat(rows.get(0).observables()).extracting(o -> o.field() + "=" + o.observable().value()).containsExactly(
                "origin=redirect.example.net",
                "redirect_source[0].origin=start.example.org",
                "redirect_destination[0].domain=exploit.example.com",
                "subresource_under_origin[0].domain=cdn.example.com",
                "subresource_under_origin[1].domain=203.0.113.9");
        assertThat(rows.get(0).timeline()).isEmpty();
        assertThat(rows.get(1).provenance().locator()).isEqualTo("browsingStatistics[1]");
        assertThat(rows.get(1).fields().get("redirect_destination")).isEqualTo("");
    }

    @Test
    void understandsPlainTextListsFromOtherTools() {
        Fields imported = Fields.of(Map.of("origin", "a.example.org", "redirect_destination", List.of("b.example.org")));
        assertThat(new WebkitSessionResourceLog().observe(imported)).extracting(o -> o.observable().value())
                .containsExactly("a.example.org", "b.example.org");
    }

    @Test
    void reportsALogThatIsNotAPropertyList() throws Exception {
        Files.createDirectories(dir.resolve(LOG).getParent());
        Files.writeString(dir.resolve(LOG), "<?xml version=\"1.0\"?><plist><dict><key>broken");
        var result = ModuleHarness.run(ModuleHarness.fsDump(dir), "WebkitSessionResourceLog");

        assertThat(result.records()).isEmpty();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.describe()).contains("unreadable property list");
            assertThat(p.fatal()).isFalse();
        });
    }

    @Test
    void reportsAPropertyListWithoutBrowsingStatistics() throws Exception {
        Files.createDirectories(dir.resolve(LOG).getParent());
        BinaryPropertyListWriter.write(dir.resolve(LOG).toFile(), new NSDictionary());
        var result = ModuleHarness.run(ModuleHarness.fsDump(dir), "WebkitSessionResourceLog");

        assertThat(result.records()).isEmpty();
        assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.describe()).contains("no browsingStatistics"));
    }
}
