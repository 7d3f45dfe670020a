package org.cotejo.core.observable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TlsFingerprintsTest {

    @Test
    void ja3IsAnMd5InLowerCase() {
        assertThat(ObservableType.JA3.normalise("E7D705A3286E19EA42F587B344EE6865").value()).isEqualTo("e7d705a3286e19ea42f587b344ee6865");
        assertThatThrownBy(() -> ObservableType.JA3.normalise("771,4865-4866,0-23,29,0")).isInstanceOf(InvalidObservableException.class);
    }

    @Test
    void ja4KeepsItsHashedFormInLowerCase() {
        // the example of FoxIO's JA4 specification (technical_details/JA4.md)
        assertThat(ObservableType.JA4.normalise(" T13D1516H2_8DAAF6152771_E5627EFA2AB1 ").value()).isEqualTo("t13d1516h2_8daaf6152771_e5627efa2ab1");
        assertThat(ObservableType.JA4.normalise("q13i0310h3_55b375c5d22e_cd85d2d88918").value()).startsWith("q13i");
    }

    @Test
    void rejectsRawJa4AndOtherShapes() {
        assertThatThrownBy(() -> ObservableType.JA4.normalise("t13d1516h2_002f,0035_0005")).isInstanceOf(InvalidObservableException.class);
        assertThatThrownBy(() -> ObservableType.JA4.normalise("t13d1516h2_8daaf615277_e5627efa2ab1")).isInstanceOf(InvalidObservableException.class);
        assertThat(ObservableType.fromKey("ja4")).contains(ObservableType.JA4);
    }
}
