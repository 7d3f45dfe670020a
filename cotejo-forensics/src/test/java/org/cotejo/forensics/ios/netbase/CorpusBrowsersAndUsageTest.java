package org.cotejo.forensics.ios.netbase;

import static org.assertj.core.api.Assertions.assertThat;

import org.cotejo.forensics.ios.backup.IosBackups;
import org.cotejo.forensics.testing.Corpus;
import org.cotejo.forensics.testing.ModuleHarness;
import org.junit.jupiter.api.Test;

/** Runs the browser, WebKit and network-usage modules over the sample backup of the conformance corpus. */
class CorpusBrowsersAndUsageTest {
    @Test
    void readsTheSampleBackupWithoutProblems() throws Exception {
        var result = ModuleHarness.run(IosBackups.open(Corpus.iosBackup()),
                "SafariHistory", "SafariBrowserState", "ChromeHistory", "ChromeFavicon", "FirefoxHistory", "FirefoxFavicon",
                "WebkitResourceLoadStatistics", "WebkitSessionResourceLog", "Datausage");
        result.problems().forEach(p -> System.out.println("PROBLEM " + p.describe()));

        assertThat(result.problems()).isEmpty();
        assertThat(result.of("datausage")).hasSize(41)
                .anyMatch(r -> "CumulativeUsageTracker".equals(r.fields().get("proc_name")) && r.fields().get("bundle_id") == null);
        assertThat(result.of("safari_browser_state")).singleElement().satisfies(r -> assertThat(r.observables())
                .extracting(o -> o.observable().value()).contains("https://en.wikipedia.org/wiki/NSO_Group"));
        assertThat(result.of("webkit_resource_load_statistics")).extracting(r -> r.fields().get("registrable_domain"))
                .contains("google.com", "gstatic.com");
    }
}
