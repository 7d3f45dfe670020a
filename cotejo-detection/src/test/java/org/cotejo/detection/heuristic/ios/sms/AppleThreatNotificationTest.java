package org.cotejo.detection.heuristic.ios.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.detection.heuristic.HeuristicContext;
import org.cotejo.forensics.ios.sms.Sms;
import org.cotejo.forensics.module.ModuleOptions;
import org.cotejo.forensics.module.Records;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.Provenance;
import org.junit.jupiter.api.Test;

class AppleThreatNotificationTest {
    private static List<Alert> inspect(String text) {
        Fields f = Fields.of(Map.of("text", text, "isodate", "2023-04-10 18:15:02.000000", "phone_number", "+14085550100",
                "service", "iMessage", "guid", "G-1"));
        var record = Records.of(new Sms(), f, new Provenance("3d/3d0d7e5fb2ce288813306e4d4636395e047a3d28",
                "HomeDomain/Library/SMS/sms.db", "0".repeat(64), "message ROWID 41"));
        List<Alert> alerts = new ArrayList<>();
        new AppleThreatNotification().start(new HeuristicContext(null, ModuleOptions.DEFAULT, false)).inspect(record, alerts::add);
        return alerts;
    }

    @Test
    void flagsAppleStateSponsoredAttackWarning() {
        List<Alert> alerts = inspect("ALERT: State-sponsored attackers may be targeting your iPhone. Learn more: https://support.apple.com/...");

        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.level()).isEqualTo(Level.HIGH);
            assertThat(a.heuristic()).isEqualTo("sms.apple-threat-notification");
            assertThat(a.eventTime()).isEqualTo(Instant.parse("2023-04-10T18:15:02Z"));
            assertThat(a.message()).startsWith("Apple warning about a state-sponsored or mercenary spyware attack received on "
                    + "2023-04-10 18:15:02.000000 from +14085550100").contains("message ROWID 41");
            assertThat(a.module()).isEqualTo("sms");
        });
    }

    @Test
    void flagsAppleMercenarySpywareWarning() {
        assertThat(inspect("ALERT: Apple detected a targeted mercenary spyware attack against your iPhone.")).hasSize(1);
    }

    @Test
    void ignoresMessagesThatOnlyQuoteOrResembleTheWarning() {
        assertThat(inspect("Did you get this? ALERT: State-sponsored attackers may be targeting your iPhone")).isEmpty();
        assertThat(inspect("ALERT: your parcel is waiting")).isEmpty();
        assertThat(inspect("")).isEmpty();
    }
}
