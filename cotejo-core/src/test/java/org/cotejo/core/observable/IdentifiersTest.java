package org.cotejo.core.observable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdentifiersTest {

    @Test
    void keepsProcessNamesExactlyAsFound() {
        assertThat(Identifiers.normaliseProcessName("BHTelemetryD")).isEqualTo("BHTelemetryD");
        assertThat(Identifiers.normaliseProcessName("Google Play services")).isEqualTo("Google Play services");
    }

    @Test
    void tellsThatAPathIsNotAProcessName() {
        assertThatIllegalArgumentException().isThrownBy(() -> Identifiers.normaliseProcessName("/usr/bin/bh"))
                .withMessage("looks like a path; use file-path");
    }

    @Test
    void rejectsEmptyProcessNamesAndControlCharacters() {
        assertThatIllegalArgumentException().isThrownBy(() -> Identifiers.normaliseProcessName("")).withMessageContaining("empty");
        assertThatIllegalArgumentException().isThrownBy(() -> Identifiers.normaliseProcessName("bh\u0000"))
                .withMessageContaining("control character");
    }

    @Test
    void lowerCasesAppIdsProfileIdsAndPropertyNames() {
        assertThat(Identifiers.normaliseAppId("com.Example.App_2-beta")).isEqualTo("com.example.app_2-beta");
        assertThat(Identifiers.normaliseProfileId("A1B2C3D4-0000-1111-2222-ABCDEFABCDEF")).isEqualTo("a1b2c3d4-0000-1111-2222-abcdefabcdef");
        assertThat(Identifiers.normaliseAndroidProperty("Persist.Sys.Foo")).isEqualTo("persist.sys.foo");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'com.example app'   | contains a space",
        "com.example/app     | contains '/'",
        "com.exämple.app     | contains 'ä'",
        "com..example        | empty segment",
        ".com.example        | empty segment",
        "com.example.        | empty segment",
    })
    void rejectsAppIdsWithCharactersOutsideTheAllowedSet(String raw, String reason) {
        assertThatIllegalArgumentException().isThrownBy(() -> Identifiers.normaliseAppId(raw)).withMessageContaining(reason);
    }

    @Test
    void rejectsPropertyNamesAndProfileIdsWithForeignCharacters() {
        assertThatIllegalArgumentException().isThrownBy(() -> Identifiers.normaliseAndroidProperty("persist.sys=1"))
                .withMessageContaining("'='");
        assertThatIllegalArgumentException().isThrownBy(() -> Identifiers.normaliseProfileId("{uuid}"))
                .withMessageContaining("'{'");
    }
}
