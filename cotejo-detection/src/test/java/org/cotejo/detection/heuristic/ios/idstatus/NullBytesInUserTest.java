package org.cotejo.detection.heuristic.ios.idstatus;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.detection.heuristic.HeuristicContext;
import org.cotejo.forensics.ios.idstatus.IdStatusCache;
import org.cotejo.forensics.module.ModuleOptions;
import org.cotejo.forensics.module.Records;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.Provenance;
import org.junit.jupiter.api.Test;

class NullBytesInUserTest {
    private static List<Alert> inspect(String user) {
        Fields f = Fields.of(Map.of("package", "com.apple.madrid", "user", user, "isodate", "2021-07-18 09:02:11.250000",
                "idstatus", 1, "occurrences", 1));
        var record = Records.of(new IdStatusCache(), f, new Provenance("6b/6b97989189901ceaa4e5be9b7f05fb584120e27b",
                "HomeDomain/Library/Preferences/com.apple.identityservices.idstatuscache.plist", "0".repeat(64),
                "com.apple.madrid / " + user));
        List<Alert> alerts = new ArrayList<>();
        new NullBytesInUser().start(new HeuristicContext(null, ModuleOptions.DEFAULT, false)).inspect(record, alerts::add);
        return alerts;
    }

    @Test
    void flagsTwoNulCharactersWrittenAsText() {
        assertThat(inspect("tel:+34600111222\\x00\\x00")).singleElement().satisfies(a -> {
            assertThat(a.level()).isEqualTo(Level.HIGH);
            assertThat(a.heuristic()).isEqualTo("idstatus.null-bytes");
            assertThat(a.message()).startsWith("Found an ID Status Cache entry with suspicious patterns: tel:+34600111222\\x00\\x00")
                    .contains("com.apple.madrid");
            assertThat(a.eventTime()).isEqualTo(Instant.parse("2021-07-18T09:02:11.250Z"));
        });
    }

    @Test
    void flagsRawNulCharactersAndShowsThemAsText() {
        assertThat(inspect("mailto:a\u0000\u0000@example.org")).singleElement()
                .satisfies(a -> assertThat(a.message()).contains("mailto:a\\x00\\x00@example.org").doesNotContain("\u0000"));
    }

    @Test
    void ignoresUsersWithoutTwoNulCharacters() {
        assertThat(inspect("mailto:someone@example.org")).isEmpty();
        assertThat(inspect("tel:+34600111222\\x00")).isEmpty();
        assertThat(inspect("tel:+34600111222\\x00 \\x00")).isEmpty();
    }
}
