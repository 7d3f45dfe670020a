package org.cotejo.core.observable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HashesTest {
    private static final String MD5 = "d41d8cd98f00b204e9800998ecf8427e";
    private static final String SHA1 = "da39a3ee5e6b4b0d3255bfef95601890afd80709";
    private static final String SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @Test
    void lowerCasesAndStripsAHashOfTheRightLength() {
        assertThat(Hashes.normalise("  " + MD5.toUpperCase() + " ", 32)).isEqualTo(MD5);
        assertThat(Hashes.normalise(SHA256, 64)).isEqualTo(SHA256);
    }

    @Test
    void namesBothLengthsWhenTheLengthIsWrong() {
        assertThatIllegalArgumentException().isThrownBy(() -> Hashes.normalise(MD5.substring(1), 32))
                .withMessage("has 31 hex digits, a MD5 hash has 32");
        assertThatIllegalArgumentException().isThrownBy(() -> Hashes.normalise(MD5, 64))
                .withMessage("has 32 hex digits, a SHA-256 hash has 64");
    }

    @Test
    void namesTheCharacterThatIsNotHex() {
        assertThatIllegalArgumentException().isThrownBy(() -> Hashes.normalise("g" + MD5.substring(1), 32))
                .withMessageContaining("'g'");
        assertThatIllegalArgumentException().isThrownBy(() -> Hashes.normalise("0x" + MD5.substring(2), 32))
                .withMessageContaining("'x'");
    }

    @Test
    void doesNotAcceptColonsInFileHashes() {
        assertThatIllegalArgumentException().isThrownBy(() -> Hashes.normalise(pairs(MD5), 32))
                .withMessageContaining("':'");
    }

    @ParameterizedTest
    @ValueSource(ints = {32, 40, 64, 128})
    void acceptsCertificateHashesOfEverySupportedLength(int length) {
        String hex = "aB".repeat(length / 2);
        assertThat(Hashes.normaliseAnyLength(hex)).isEqualTo("ab".repeat(length / 2));
    }

    @Test
    void removesColonsBetweenPairsInCertificateFingerprints() {
        assertThat(Hashes.normaliseAnyLength(pairs(SHA1.toUpperCase()))).isEqualTo(SHA1);
    }

    @Test
    void rejectsColonsThatDoNotSeparatePairs() {
        assertThatIllegalArgumentException().isThrownBy(() -> Hashes.normaliseAnyLength("a:" + SHA1.substring(1)))
                .withMessageContaining("pairs of hex digits");
    }

    @Test
    void rejectsCertificateHashesOfAnUnsupportedLength() {
        assertThatIllegalArgumentException().isThrownBy(() -> Hashes.normaliseAnyLength(SHA1 + "00"))
                .withMessageContaining("has 42 hex digits");
    }

    @Test
    void knowsWhichHashTypeEachLengthIs() {
        assertThat(Hashes.typeForLength(32)).contains(ObservableType.MD5);
        assertThat(Hashes.typeForLength(40)).contains(ObservableType.SHA1);
        assertThat(Hashes.typeForLength(64)).contains(ObservableType.SHA256);
        assertThat(Hashes.typeForLength(128)).contains(ObservableType.SHA512);
        assertThat(Hashes.typeForLength(56)).isEmpty();
    }

    private static String pairs(String hex) {
        return String.join(":", hex.split("(?<=\\G..)"));
    }
}
