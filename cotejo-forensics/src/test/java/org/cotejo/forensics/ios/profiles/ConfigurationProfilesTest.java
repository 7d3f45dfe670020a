package org.cotejo.forensics.ios.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import com.dd.plist.NSArray;
import com.dd.plist.NSDictionary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.testing.ModuleHarness;
import org.cotejo.forensics.testing.TestBackup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationProfilesTest {
    static final String DOMAIN = "SysSharedContainerDomain-systemgroup.com.apple.configurationprofiles";
    static final String UUID = "B2C1E6A4-6F2D-4C55-9E0B-1234567890AB";
    @TempDir Path dir;

    @Test
    void readsAnInstalledProfileWithItsSignerCertificatesAsBase64() throws Exception {
        byte[] cert = {0x30, (byte) 0x82, 0x01, 0x0a};
        Extraction x = TestBackup.at(dir.resolve("backup"))
                .plist(DOMAIN, "Library/ConfigurationProfiles/profile-4f2a.stub", profile(cert))
                .plist(DOMAIN, "Library/ConfigurationProfiles/MCProfileEvents.plist", new NSDictionary())
                .open();

        List<Record> records = ModuleHarness.run(x, "ConfigurationProfiles").of("configuration_profiles");

        assertThat(records).hasSize(1);
        Record r = records.get(0);
        Fields f = r.fields();
        assertThat(f.keys()).containsExactly("file_id", "relative_path", "domain", "plist", "install_date");
        assertThat(f.string("relative_path")).isEqualTo("Library/ConfigurationProfiles/profile-4f2a.stub");
        assertThat(f.string("domain")).isEqualTo(DOMAIN);
        assertThat(f.string("install_date")).isEqualTo("2023-02-10 14:00:00.000000");
        assertThat(f.object("plist").strings("SignerCerts")).containsExactly(Base64.getEncoder().encodeToString(cert));
        assertThat(r.observables()).singleElement().satisfies(o -> {
            assertThat(o.observable().type()).isEqualTo(ObservableType.PROFILE_ID);
            assertThat(o.observable().value()).isEqualTo(UUID.toLowerCase());
        });
        assertThat(r.timeline()).singleElement().satisfies(e -> {
            assertThat(e.event()).isEqualTo("configuration_profile_install");
            assertThat(e.description()).isEqualTo("Configuration installed: " + UUID + " - Silent notifications: Quiet mode");
        });
    }

    @Test
    void listsAnUnreadableProfileWithAnEmptyPlistAndSaysSo() throws Exception {
        Extraction x = TestBackup.at(dir.resolve("backup"))
                .file(DOMAIN, "Library/ConfigurationProfiles/profile-broken.stub", "<plist><dict><key>".getBytes(StandardCharsets.UTF_8))
                .open();

        ModuleHarness.Result result = ModuleHarness.run(x, "ConfigurationProfiles");

        assertThat(result.of("configuration_profiles")).singleElement()
                .satisfies(r -> {
                    assertThat(r.fields().object("plist").keys()).isEmpty();
                    assertThat(r.fields().string("install_date")).isEmpty();
                    assertThat(r.timeline()).isEmpty();
                });
        assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("listed without its content"));
    }

    static NSDictionary profile(byte[] cert) {
        NSDictionary payload = new NSDictionary();
        payload.put("PayloadType", "com.apple.notificationsettings");
        payload.put("PayloadUUID", "0C8F9A3E-1111-2222-3333-444455556666");
        payload.put("PERSISTENT_REF", new byte[] {1, 2, 3});
        NSDictionary p = new NSDictionary();
        p.put("PayloadType", "Configuration");
        p.put("PayloadUUID", UUID);
        p.put("PayloadDisplayName", "Silent notifications");
        p.put("PayloadDescription", "Quiet mode");
        p.put("InstallDate", Date.from(Instant.parse("2023-02-10T14:00:00Z")));
        p.put("SignerCerts", new NSArray(new com.dd.plist.NSData(cert)));
        p.put("PayloadContent", new NSArray(payload));
        return p;
    }
}
