package org.cotejo.forensics.ios.osanalytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.dd.plist.NSArray;
import com.dd.plist.NSDate;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSNumber;
import com.dd.plist.NSString;
import com.dd.plist.XMLPropertyListWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.testing.ModuleHarness;
import org.cotejo.forensics.testing.TestBackup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OsAnalyticsAdDailyTest {
    static final String RELATIVE = "Library/Preferences/com.apple.osanalytics.addaily.plist";
    @TempDir Path dir;

    @Test
    void readsTheDailyNetworkUseOfEachProcess() throws Exception {
        Path file = dir.resolve("private/var/mobile/" + RELATIVE);
        Files.createDirectories(file.getParent());
        XMLPropertyListWriter.write(addaily(), file);

        List<Record> records = ModuleHarness.run(ModuleHarness.fsDump(dir), "OSAnalyticsADDaily").of("os_analytics_ad_daily");

        assertThat(records).hasSize(2);
        Record r = records.get(0);
        assertThat(r.fields().keys()).containsExactly("package", "ts", "wifi_in", "wifi_out", "wwan_in", "wwan_out");
        assertThat(r.fields().string("package")).isEqualTo("com.apple.WebKit.Networking");
        assertThat(r.fields().string("ts")).isEqualTo("2023-03-28 00:00:00.000000");
        assertThat(r.fields().longValue("wwan_out")).isEqualTo(400L);
        assertThat(r.provenance().locator()).isEqualTo("netUsageBaseline[\"com.apple.WebKit.Networking\"]");
        assertThat(r.observables()).singleElement().satisfies(o -> {
            assertThat(o.observable().type()).isEqualTo(ObservableType.PROCESS_NAME);
            assertThat(o.observable().value()).isEqualTo("com.apple.WebKit.Networking");
        });
        assertThat(r.timeline()).singleElement().satisfies(e -> {
            assertThat(e.time()).isEqualTo(Instant.parse("2023-03-28T00:00:00Z"));
            assertThat(e.description()).isEqualTo("com.apple.WebKit.Networking WIFI IN: 100, WIFI OUT: 200 - WWAN IN: 300, WWAN OUT: 400");
        });
        assertThat(records.get(1).fields().string("package")).isEqualTo("bh");
    }

    @Test
    void readsTheBackupCopyAndReportsAMalformedEntry() throws Exception {
        NSDictionary root = addaily();
        ((NSDictionary) root.get("netUsageBaseline")).put("broken", new NSString("not an array"));
        var x = TestBackup.at(dir.resolve("backup")).plist("HomeDomain", RELATIVE, root).open();

        ModuleHarness.Result result = ModuleHarness.run(x, "OSAnalyticsADDaily");

        assertThat(result.of("os_analytics_ad_daily")).hasSize(2);
        assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("netUsageBaseline[\"broken\"]"));
    }

    static NSDictionary addaily() {
        NSDictionary baseline = new NSDictionary();
        baseline.put("com.apple.WebKit.Networking", row(Instant.parse("2023-03-28T00:00:00Z"), 100, 200, 300, 400));
        baseline.put("bh", row(Instant.parse("2023-03-29T00:00:00Z"), 1, 2, 3, 4));
        NSDictionary root = new NSDictionary();
        root.put("netUsageBaseline", baseline);
        root.put("lastReset", new NSDate(Date.from(Instant.parse("2023-03-01T00:00:00Z"))));
        return root;
    }

    private static NSArray row(Instant day, long... counters) {
        NSArray a = new NSArray(1 + counters.length);
        a.setValue(0, new NSDate(Date.from(day)));
        for (int i = 0; i < counters.length; i++) a.setValue(i + 1, new NSNumber(counters[i]));
        return a;
    }
}
