package org.cotejo.forensics.ios.idstatus;

import static org.assertj.core.api.Assertions.assertThat;

import com.dd.plist.BinaryPropertyListWriter;
import com.dd.plist.NSDictionary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.module.Records;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.Provenance;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.record.TraceClass;
import org.cotejo.forensics.testing.ModuleHarness;
import org.cotejo.forensics.testing.TestBackup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdStatusCacheTest {
    static final String PREFERENCES = "private/var/mobile/Library/Preferences/com.apple.identityservices.idstatuscache.plist";
    static final String IDENTITY_SERVICES = "private/var/mobile/Library/IdentityServices/idstatuscache.plist";

    @TempDir Path root;

    static NSDictionary lookup(double macDate, int status) {
        NSDictionary d = new NSDictionary();
        d.put("IDStatus", status);
        d.put("LookupDate", macDate);
        return d;
    }

    static void write(Path file, NSDictionary cache) throws Exception {
        Files.createDirectories(file.getParent());
        Files.write(file, BinaryPropertyListWriter.writeToArray(cache));
    }

    @Test
    void readsLookupsOfBothCacheFilesAndCountsEachUserAcrossThem() throws Exception {
        NSDictionary madrid = new NSDictionary();
        madrid.put("mailto:Bogaardlisa803@gmail.com", lookup(648291731.25, 1));
        madrid.put("tel:+34600111222", lookup(648291900, 2));
        madrid.put("mailto:no-date@example.org", new NSDictionary());
        NSDictionary old = new NSDictionary();
        old.put("com.apple.madrid", madrid);
        old.put("LastSaveDate", 648291999.0);
        write(root.resolve(PREFERENCES), old);

        NSDictionary facetime = new NSDictionary();
        facetime.put("mailto:Bogaardlisa803@gmail.com", lookup(648292000, 1));
        facetime.put("mailto:x\u0000\u0000@example.org", lookup(648292100, 1));
        NSDictionary current = new NSDictionary();
        current.put("com.apple.private.alloy.facetime.multi", facetime);
        write(root.resolve(IDENTITY_SERVICES), current);

        var result = ModuleHarness.run(ModuleHarness.fsDump(root), "IDStatusCache");

        assertThat(result.problems()).isEmpty();
        var records = result.of("id_status_cache");
        assertThat(records).extracting(r -> r.fields().string("user")).containsExactly(
                "mailto:Bogaardlisa803@gmail.com", "tel:+34600111222",
                "mailto:Bogaardlisa803@gmail.com", "mailto:x\\x00\\x00@example.org");
        Record first = records.stream().filter(r -> r.fields().string("package").equals("com.apple.madrid")).findFirst().orElseThrow();
        assertThat(first.fields().keys()).containsExactly("package", "user", "isodate", "idstatus", "occurrences");
        assertThat(first.fields().string("isodate")).isEqualTo("2021-07-18 09:02:11.250000");
        assertThat(first.fields().longValue("idstatus")).isEqualTo(1L);
        assertThat(first.fields().longValue("occurrences")).isEqualTo(2L);
        assertThat(first.observables()).singleElement().satisfies(o -> {
            assertThat(o.observable().type()).isEqualTo(ObservableType.EMAIL);
            assertThat(o.observable().value()).isEqualTo("bogaardlisa803@gmail.com");
            assertThat(o.trace()).isEqualTo(TraceClass.DELIVERY);
        });
        assertThat(first.timeline()).singleElement().satisfies(e -> {
            assertThat(e.event()).isEqualTo("lookup");
            assertThat(e.description()).isEqualTo("Lookup of mailto:Bogaardlisa803@gmail.com within com.apple.madrid (Status 1)");
        });
        assertThat(first.provenance().file()).isEqualTo(PREFERENCES);
        assertThat(first.provenance().locator()).isEqualTo("com.apple.madrid / mailto:Bogaardlisa803@gmail.com");

        Record phone = records.get(1);
        assertThat(phone.fields().longValue("occurrences")).isEqualTo(1L);
        assertThat(phone.observables()).isEmpty();
    }

    @Test
    void findsTheCacheInABackupByItsPreferencesName() throws Exception {
        NSDictionary madrid = new NSDictionary();
        madrid.put("mailto:attacker@example.net", lookup(648291731, 1));
        NSDictionary cache = new NSDictionary();
        cache.put("com.apple.madrid", madrid);
        String relativePath = "Library/Preferences/com.apple.identityservices.idstatuscache.plist";
        var backup = TestBackup.at(root).plist("HomeDomain", relativePath, cache);

        var result = ModuleHarness.run(backup.open(), "IDStatusCache");

        assertThat(result.problems()).isEmpty();
        assertThat(result.of("id_status_cache")).singleElement().satisfies(r -> {
            assertThat(r.fields().string("user")).isEqualTo("mailto:attacker@example.net");
            assertThat(r.provenance().logical()).isEqualTo("HomeDomain/" + relativePath);
            assertThat(r.provenance().file()).isEqualTo("6b/6b97989189901ceaa4e5be9b7f05fb584120e27b");
        });
    }

    @Test
    void anUnreadableCacheIsAProblemAndTheOtherIsStillRead() throws Exception {
        Files.createDirectories(root.resolve(PREFERENCES).getParent());
        Files.writeString(root.resolve(PREFERENCES), "bplist00 truncated");
        NSDictionary madrid = new NSDictionary();
        madrid.put("tel:+34600111222", lookup(648291900, 2));
        NSDictionary cache = new NSDictionary();
        cache.put("com.apple.madrid", madrid);
        write(root.resolve(IDENTITY_SERVICES), cache);

        var result = ModuleHarness.run(ModuleHarness.fsDump(root), "IDStatusCache");

        assertThat(result.of("id_status_cache")).hasSize(1);
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(PREFERENCES);
            assertThat(p.message()).contains("lookups in this file skipped");
        });
    }

    @Test
    void understandsRecordsLoadedFromMvtJson() {
        Fields loaded = Fields.of(Map.of("package", "com.apple.madrid", "user", "mailto:'evil@example.com'",
                "isodate", "2021-07-18 09:02:11.000000", "idstatus", 1.0, "occurrences", "3"));
        Record r = Records.of(new IdStatusCache(), loaded, new Provenance("id_status_cache.json", null, "0".repeat(64), "[0]"));

        assertThat(r.observables()).extracting(o -> o.observable().value()).containsExactly("evil@example.com");
        assertThat(r.timeline()).singleElement().satisfies(e -> {
            assertThat(e.time()).isEqualTo(Instant.parse("2021-07-18T09:02:11Z"));
            assertThat(e.description()).endsWith("(Status 1)");
        });
    }

    @Test
    void findsItsFileByTheBackupIdMvtUses() {
        assertThat(IdStatusCache.BACKUP.fileId()).isEqualTo("6b97989189901ceaa4e5be9b7f05fb584120e27b");
        assertThat(new IdStatusCache().slug()).isEqualTo("id_status_cache");
        assertThat(IdStatusCache.FILESYSTEM.inBackups()).isFalse();
    }
}
