package org.cotejo.detection.heuristic.ios.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.detection.heuristic.Heuristic;
import org.cotejo.detection.heuristic.HeuristicContext;
import org.cotejo.forensics.ios.profiles.ConfigurationProfiles;
import org.cotejo.forensics.ios.profiles.ProfileEvents;
import org.cotejo.forensics.module.ModuleOptions;
import org.cotejo.forensics.module.Records;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.Provenance;
import org.cotejo.forensics.record.Record;
import org.junit.jupiter.api.Test;

class ProfilesHeuristicsTest {

    @Test
    void isFoundByTheServiceLoader() {
        List<String> ids = new ArrayList<>();
        java.util.ServiceLoader.load(Heuristic.class).forEach(h -> ids.add(h.id()));
        assertThat(ids).contains("profiles.notification-settings", "profiles.event");
    }
    static final Provenance PROFILE_FILE = new Provenance("4f/4f2a", "SysSharedContainerDomain-systemgroup.com.apple.configurationprofiles/"
            + "Library/ConfigurationProfiles/profile-4f2a.stub", "b".repeat(64), "");

    @Test
    void flagsAProfileThatCarriesANotificationSettingsPayload() {
        Record profile = profile(List.of(Map.of("PayloadType", "com.apple.wifi.managed"),
                Map.of("PayloadType", "com.apple.notificationsettings")));

        List<Alert> alerts = run(new NotificationSettingsProfile(), profile);

        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.level()).isEqualTo(Level.MEDIUM);
            assertThat(a.heuristic()).isEqualTo("profiles.notification-settings");
            assertThat(a.message()).contains("\"Quiet\"").contains("B2C1E6A4").contains("com.apple.notificationsettings")
                    .contains("profile-4f2a.stub");
            assertThat(a.eventTime()).isEqualTo(Instant.parse("2023-02-10T14:00:00Z"));
        });
    }

    @Test
    void saysNothingOfOtherProfilesOrAnUnreadableOne() {
        Record wifi = profile(List.of(Map.of("PayloadType", "com.apple.wifi.managed")));
        Record empty = Records.of(new ConfigurationProfiles(), Fields.builder().put("file_id", "4f2a").put("plist", Map.of())
                .put("install_date", "").build(), PROFILE_FILE);

        assertThat(run(new NotificationSettingsProfile(), wifi, empty)).isEmpty();
    }

    @Test
    void reportsEveryProfileInstallOrRemovalAtItsTime() {
        Record install = event("com.example.mdm", "install", "profiled", "2023-02-10 14:00:00.000000");
        Record remove = event("com.example.mdm", "remove", "Preferences", "2023-03-01 09:15:00.000000");

        List<Alert> alerts = run(new ProfileEvent(), install, remove);

        assertThat(alerts).hasSize(2).allSatisfy(a -> {
            assertThat(a.level()).isEqualTo(Level.LOW);
            assertThat(a.heuristic()).isEqualTo("profiles.event");
        });
        assertThat(alerts.get(0).message()).isEqualTo("Process \"profiled\" started operation \"install\" of configuration profile"
                + " \"com.example.mdm\" on 2023-02-10 14:00:00.000000 (MCProfileEvents.plist, ProfileEvents[0])");
        assertThat(alerts.get(1).eventTime()).isEqualTo(Instant.parse("2023-03-01T09:15:00Z"));
    }

    @Test
    void reportsNothingWithoutProfileEvents() {
        assertThat(run(new ProfileEvent())).isEmpty();
    }

    private static Record profile(List<Map<String, Object>> payloads) {
        Map<String, Object> plist = Map.of("PayloadDisplayName", "Quiet", "PayloadUUID", "B2C1E6A4-6F2D-4C55-9E0B-1234567890AB",
                "PayloadContent", payloads);
        Fields f = Fields.builder().put("file_id", "4f2a").put("relative_path", "Library/ConfigurationProfiles/profile-4f2a.stub")
                .put("domain", "SysSharedContainerDomain-systemgroup.com.apple.configurationprofiles").put("plist", plist)
                .put("install_date", "2023-02-10 14:00:00.000000").build();
        return Records.of(new ConfigurationProfiles(), f, PROFILE_FILE);
    }

    private static Record event(String id, String operation, String process, String when) {
        Fields f = Fields.builder().put("profile_id", id).put("timestamp", when).put("operation", operation).put("process", process).build();
        return Records.of(new ProfileEvents(), f, new Provenance("MCProfileEvents.plist", null, "c".repeat(64), "ProfileEvents[0]"));
    }

    private static List<Alert> run(Heuristic h, Record... records) {
        List<Alert> out = new ArrayList<>();
        Heuristic.Session s = h.start(new HeuristicContext(null, ModuleOptions.DEFAULT, true));
        for (Record r : records) s.inspect(r, out::add);
        s.finish(out::add);
        return out;
    }
}
