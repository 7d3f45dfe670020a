package org.cotejo.forensics.ios.webkitdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.record.TraceClass;
import org.cotejo.forensics.testing.ModuleHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebkitFoldersTest {
    private static final String APP = "private/var/mobile/Containers/Data/Application/7E6D5C4B-AAAA-4BBB-8CCC-DDDDEEEEFFFF";
    private static final String WEBSITE_DATA = APP + "/Library/WebKit/WebsiteData";
    private static final String SVS = APP + "/SystemData/com.apple.SafariViewService/Library/WebKit/WebsiteData";
    private static final Instant T = Instant.parse("2022-02-03T04:05:06Z");

    @TempDir Path dump;

    private void entry(String path, boolean folder) throws Exception {
        Path p = dump.resolve(path);
        if (folder) {
            Files.createDirectories(p);
        } else {
            Files.createDirectories(p.getParent());
            Files.writeString(p, "SQLite format 3");
        }
        Files.setLastModifiedTime(p, FileTime.from(T));
    }

    @Test
    void readsTheSitesOfIndexedDbFolders() throws Exception {
        entry(WEBSITE_DATA + "/IndexedDB/https_www.evil-example.com_0", true);
        entry(WEBSITE_DATA + "/IndexedDB/http_localhost_8080", true);
        entry(WEBSITE_DATA + "/IndexedDB/v1", true);

        List<Record> records = ModuleHarness.run(ModuleHarness.fsDump(dump), "WebkitIndexedDB").of("webkit_indexeddb");

        assertThat(records).extracting(r -> r.fields().string("url"), r -> r.fields().string("folder")).containsExactly(
                tuple("http://localhost", WEBSITE_DATA + "/IndexedDB/http_localhost_8080"),
                tuple("https://www.evil-example.com", WEBSITE_DATA + "/IndexedDB/https_www.evil-example.com_0"));
        Record site = records.get(1);
        assertThat(site.fields().keys()).containsExactly("folder", "url", "isodate");
        assertThat(site.fields().string("isodate")).isEqualTo("2022-02-03 04:05:06.000000");
        assertThat(site.provenance().locator()).isEqualTo(WEBSITE_DATA + "/IndexedDB/https_www.evil-example.com_0");
        assertThat(site.observables()).singleElement().satisfies(o -> {
            assertThat(o.observable().type()).isEqualTo(ObservableType.URL);
            assertThat(o.observable().raw()).isEqualTo("https://www.evil-example.com");
            assertThat(o.trace()).isEqualTo(TraceClass.BROWSING);
        });
        assertThat(site.timeline()).singleElement().satisfies(t -> {
            assertThat(t.time()).isEqualTo(T);
            assertThat(t.event()).isEqualTo("indexeddb");
            assertThat(t.description()).contains("https://www.evil-example.com");
        });
    }

    @Test
    void readsTheSitesOfLocalStorageFiles() throws Exception {
        entry(WEBSITE_DATA + "/LocalStorage/https_news.example.org_0.localstorage", false);
        entry(WEBSITE_DATA + "/LocalStorage/https_news.example.org_0.localstorage-shm", false);
        entry(WEBSITE_DATA + "/LocalStorage/StorageTracker.db", false);

        List<Record> records = ModuleHarness.run(ModuleHarness.fsDump(dump), "WebkitLocalStorage").of("webkit_local_storage");

        assertThat(records).extracting(r -> r.fields().string("url")).containsExactly("https://news.example.org", "https://news.example.org");
        assertThat(records.get(0).timeline()).singleElement().extracting(t -> t.event()).isEqualTo("local_storage");
    }

    @Test
    void readsSafariViewServiceSitesWithoutATimeline() throws Exception {
        entry(SVS + "/https_link.evil-example.net_0", true);
        entry(SVS + "/LocalStorage", true);

        List<Record> records = ModuleHarness.run(ModuleHarness.fsDump(dump), "WebkitSafariViewService").of("webkit_safari_view_service");

        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.fields().string("url")).isEqualTo("https://link.evil-example.net");
            assertThat(r.timeline()).isEmpty();
            assertThat(r.observables()).isNotEmpty();
        });
    }

    @Test
    void readsSiteUrlsFromEntryNamesAsMvtDoes() {
        assertThat(WebsiteDataEntries.urlOf("https_www.example.com_0")).isEqualTo("https://www.example.com");
        assertThat(WebsiteDataEntries.urlOf("http_example.com_80")).isEqualTo("http://example.com");
        assertThat(WebsiteDataEntries.urlOf("https_example.com")).isEqualTo("https://example.com");
        assertThat(WebsiteDataEntries.urlOf("httpfoo")).isEqualTo("httpfoo");
        assertThat(WebsiteDataEntries.urlOf("v1")).isNull();
    }

    @Test
    void aPhoneWithoutWebsiteDataGivesNothing() throws Exception {
        entry(APP + "/Library/WebKit/WebsiteData/IndexedDB", false);

        ModuleHarness.Result result = ModuleHarness.run(ModuleHarness.fsDump(dump),
                "WebkitIndexedDB", "WebkitLocalStorage", "WebkitSafariViewService");

        assertThat(result.records()).isEmpty();
        assertThat(result.problems()).isEmpty();
    }
}
