package org.cotejo.core.observable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilePathsTest {

    @Test
    void keepsFileNamesAsFound() {
        assertThat(FilePaths.normaliseFileName("Report [final].PDF")).isEqualTo("Report [final].PDF");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a/b      | contains '/'",
        "..       | not a file name",
        "'a\u0007b' | control character",
    })
    void rejectsWhatIsNotAFileName(String raw, String reason) {
        assertThatIllegalArgumentException().isThrownBy(() -> FilePaths.normaliseFileName(raw)).withMessageContaining(reason);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/private/var/db/com.apple.xpc.roleaccountd.staging/BH  | /private/var/db/com.apple.xpc.roleaccountd.staging/BH",
        "//private///var/tmp/                                   | /private/var/tmp",
        "/a/./b/.                                               | /a/b",
        "/                                                      | /",
        "//                                                     | /",
        "/Library/Caches/X                                      | /Library/Caches/X",
        "Library/SMS/sms.db                                     | Library/SMS/sms.db",
        "./private/var//x/                                      | private/var/x",
    })
    void collapsesSlashesAndDotSegmentsKeepingCase(String raw, String normalised) {
        assertThat(FilePaths.normalisePath(raw)).isEqualTo(normalised);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/var/../etc    | '..' segment",
        "'/var/a\nb'    | control character",
        "./.            | no path segments",
    })
    void rejectsPathsThatCannotBeComparedSafely(String raw, String reason) {
        assertThatIllegalArgumentException().isThrownBy(() -> FilePaths.normalisePath(raw)).withMessageContaining(reason);
    }

    @Test
    void rejectsNulCharactersInNamesAndPaths() {
        // Outside the CSV source: its parser does not pass NUL through.
        assertThatIllegalArgumentException().isThrownBy(() -> FilePaths.normaliseFileName("a\0b")).withMessageContaining("NUL");
        assertThatIllegalArgumentException().isThrownBy(() -> FilePaths.normalisePath("/var/a\0")).withMessageContaining("NUL");
    }

    @Test
    void comparesDirectoriesSegmentBySegment() {
        assertThat(FilePaths.isUnder("/var/foo/bar", "/var/foo")).isTrue();
        assertThat(FilePaths.isUnder("/var/foo", "/var/foo")).isTrue();
        assertThat(FilePaths.isUnder("/var/foobar", "/var/foo")).isFalse();
        assertThat(FilePaths.isUnder("/var", "/var/foo")).isFalse();
        assertThat(FilePaths.isUnder("/var/foo", "/")).isTrue();
    }

    @Test
    void givesTheLastSegmentAsBaseName() {
        assertThat(FilePaths.baseName("/usr/libexec/bh")).isEqualTo("bh");
        assertThat(FilePaths.baseName("bh")).isEqualTo("bh");
    }
}
