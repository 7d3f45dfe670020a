package org.cotejo.forensics.ios.filesystem;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.module.Records;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.Provenance;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.record.TraceClass;
import org.cotejo.forensics.testing.ModuleHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesystemTest {
    private static final Instant T = Instant.parse("2021-07-18T09:02:11.250Z");

    @TempDir Path dump;

    private void touch(String path, boolean folder) throws Exception {
        Path p = dump.resolve(path);
        if (folder) {
            Files.createDirectories(p);
        } else {
            Files.createDirectories(p.getParent());
            Files.writeString(p, "x");
        }
        Files.setLastModifiedTime(p, FileTime.from(T));
    }

    @Test
    void listsEveryFolderAndFileInPathOrderWithItsModificationTime() throws Exception {
        touch("private/var/db/com.apple.xpc.roleaccountd.staging/rolexd", false);
        touch("private/var/db/com.apple.xpc.roleaccountd.staging", true);
        touch("private/var/db", true);
        touch("private/var", true);
        touch("private", true);

        List<Record> records = ModuleHarness.run(ModuleHarness.fsDump(dump), "Filesystem").of("filesystem");

        assertThat(records).extracting(r -> r.fields().string("path")).containsExactly(
                "private", "private/var", "private/var/db", "private/var/db/com.apple.xpc.roleaccountd.staging",
                "private/var/db/com.apple.xpc.roleaccountd.staging/rolexd");
        Record file = records.get(4);
        assertThat(file.fields().keys()).containsExactly("path", "modified");
        assertThat(file.fields().string("modified")).isEqualTo("2021-07-18 09:02:11.250000");
        assertThat(file.provenance().locator()).isEqualTo("private/var/db/com.apple.xpc.roleaccountd.staging/rolexd");
        assertThat(file.provenance().sha256()).as("listing entries are not hashed").isEmpty();
        assertThat(file.timeline()).singleElement().satisfies(t -> {
            assertThat(t.time()).isEqualTo(T);
            assertThat(t.event()).isEqualTo("entry_modified");
            assertThat(t.description()).isEqualTo("private/var/db/com.apple.xpc.roleaccountd.staging/rolexd");
        });
    }

    @Test
    void observesThePathAsThePhoneSeesItAndTheEntryNameAsAProcess() throws Exception {
        touch("private/var/db/com.apple.xpc.roleaccountd.staging/rolexd", false);

        Record file = ModuleHarness.run(ModuleHarness.fsDump(dump), "Filesystem").of("filesystem").stream()
                .filter(r -> r.fields().string("path").endsWith("rolexd")).findFirst().orElseThrow();

        assertThat(file.observables()).extracting(o -> o.observable().type(), o -> o.observable().value(), o -> o.trace())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ObservableType.FILE_PATH, "/private/var/db/com.apple.xpc.roleaccountd.staging/rolexd", TraceClass.FILESYSTEM),
                        org.assertj.core.groups.Tuple.tuple(ObservableType.PROCESS_NAME, "rolexd", TraceClass.FILESYSTEM));
    }

    @Test
    void understandsRecordsLoadedBackFromMvtJson() {
        Fields fromMvt = Fields.builder().put("path", "private/var/tmp/bh").put("modified", "2021-07-18 09:02:11.000000").build();

        Record r = Records.of(new Filesystem(), fromMvt, new Provenance("filesystem.json", null, "", "[0]"));

        assertThat(r.observables()).extracting(o -> o.observable().value()).containsExactly("/private/var/tmp/bh", "bh");
        assertThat(r.timeline()).singleElement().extracting(t -> t.time()).isEqualTo(Instant.parse("2021-07-18T09:02:11Z"));
    }

    @Test
    void anEmptyDumpGivesNothingAndNoProblem() throws Exception {
        ModuleHarness.Result result = ModuleHarness.run(ModuleHarness.fsDump(dump), "Filesystem");

        assertThat(result.records()).isEmpty();
        assertThat(result.problems()).isEmpty();
    }
}
