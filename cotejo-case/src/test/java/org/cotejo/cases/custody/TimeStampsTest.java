package org.cotejo.cases.custody;

import org.cotejo.core.Hashing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Instant;
import java.util.Base64;
import org.cotejo.cases.custody.LocalTimeStampAuthority.Behaviour;
import org.cotejo.core.CotejoException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TimeStampsTest {
    private final LocalTimeStampAuthority tsa = LocalTimeStampAuthority.start();
    private final byte[] hash = Hashing.sha256().digest("ledger head".getBytes());

    @AfterEach
    void stop() {
        tsa.close();
    }

    @Test
    void anAuthorityTimeStampsTheHashAndTheTokenVerifies() {
        Instant before = Instant.now().minusSeconds(1);
        TimeStamp stamp = TimeStamps.request(tsa.uri(), hash);

        assertThat(stamp.time()).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(stamp.signer()).isEqualTo("CN=Cotejo Test TSA,O=Cotejo tests");
        assertThat(stamp.serialNumber()).isEqualTo("1001");
        assertThat(TimeStamps.verify(Base64.getDecoder().decode(stamp.tokenBase64()), hash)).isEqualTo(stamp);
    }

    @Test
    void aTokenDoesNotVerifyForAnotherHash() {
        TimeStamp stamp = TimeStamps.request(tsa.uri(), hash);
        byte[] other = hash.clone();
        other[0] ^= 1;

        assertThatThrownBy(() -> TimeStamps.verify(Base64.getDecoder().decode(stamp.tokenBase64()), other))
                .isInstanceOf(CotejoException.class)
                .hasMessage("the time-stamp token is over another hash than the one it is kept for");
    }

    @Test
    void aTokenWithOneByteFlippedDoesNotVerify() {
        byte[] token = Base64.getDecoder().decode(TimeStamps.request(tsa.uri(), hash).tokenBase64());
        token[token.length - 10] ^= 1; // inside the signature value, at the end of the CMS structure

        assertThatThrownBy(() -> TimeStamps.verify(token, hash)).isInstanceOf(CotejoException.class);
    }

    @Test
    void anAnswerToAnotherRequestIsRefused() {
        tsa.behave(Behaviour.WRONG_IMPRINT);

        assertThatThrownBy(() -> TimeStamps.request(tsa.uri(), hash))
                .isInstanceOf(CotejoException.class)
                .hasMessageStartingWith("the time-stamping authority " + tsa.uri() + " answered a different request");
    }

    @Test
    void aTokenWhoseSignatureDoesNotMatchItsCertificateIsRefused() {
        tsa.behave(Behaviour.FORGED_SIGNATURE);

        assertThatThrownBy(() -> TimeStamps.request(tsa.uri(), hash))
                .isInstanceOf(CotejoException.class)
                .hasMessageStartingWith("the time-stamp token's signature does not verify against its certificate (CN=Cotejo Test TSA");
    }

    @Test
    void aRefusalIsReportedWithTheAuthoritysStatus() {
        tsa.behave(Behaviour.REFUSE);

        assertThatThrownBy(() -> TimeStamps.request(tsa.uri(), hash))
                .isInstanceOf(CotejoException.class)
                .hasMessage("the time-stamping authority " + tsa.uri() + " refused the request (status 2: closed for the test)");
    }

    @Test
    void anHttpErrorNamesTheStatusAndTheOption() {
        tsa.behave(Behaviour.HTTP_ERROR);

        assertThatThrownBy(() -> TimeStamps.request(tsa.uri(), hash))
                .isInstanceOf(CotejoException.class)
                .hasMessage("the time-stamping authority " + tsa.uri() + " answered HTTP 500; check the URL (--tsa) or try again later");
    }

    @Test
    void anUnreachableAuthorityIsAClearError() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + closedPort + "/tsa");

        assertThatThrownBy(() -> TimeStamps.request(nowhere, hash))
                .isInstanceOf(CotejoException.class)
                .hasMessageStartingWith("cannot reach the time-stamping authority " + nowhere);
    }
}
