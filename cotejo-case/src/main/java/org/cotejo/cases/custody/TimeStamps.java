package org.cotejo.cases.custody;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;
import org.cotejo.core.CotejoException;

/**
 * RFC 3161 time stamps: asking an authority for a token over a SHA-256 hash, and checking a token.
 * A token is checked against the certificate it carries (signature, certificate valid at the stamped
 * time, time-stamping key usage); whether that authority is one the court trusts is a judgement about
 * its certificate chain, which the report shows and this class does not make.
 */
public final class TimeStamps {
    private static final int MAX_RESPONSE_BYTES = 1 << 20; // real responses are a few kilobytes
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private TimeStamps() {}

    /**
     * Asks the authority at {@code tsa} to time-stamp {@code sha256} (HTTP POST of an
     * {@code application/timestamp-query} with a fresh nonce, asking for its certificate) and returns the
     * token once the response is checked to answer this very request and its signature verifies.
     *
     * @throws CotejoException when the authority cannot be reached, refuses, or answers something else
     */
    public static TimeStamp request(URI tsa, byte[] sha256) {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, sha256, new BigInteger(63, RANDOM));
        byte[] answer;
        try {
            HttpRequest post = HttpRequest.newBuilder(tsa)
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/timestamp-query")
                    .header("Accept", "application/timestamp-reply")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded()))
                    .build();
            HttpResponse<InputStream> response = HTTP.send(post, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                answer = body.readNBytes(MAX_RESPONSE_BYTES + 1);
            }
            if (response.statusCode() != 200) {
                throw new CotejoException("the time-stamping authority " + tsa + " answered HTTP " + response.statusCode()
                        + "; check the URL (--tsa) or try again later");
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new CotejoException("cannot reach the time-stamping authority " + tsa + ": " + e.getMessage()
                    + "; check the URL (--tsa) and the network, or leave time-stamping for later", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CotejoException("interrupted while waiting for the time-stamping authority " + tsa, e);
        }
        if (answer.length > MAX_RESPONSE_BYTES) {
            throw new CotejoException("the time-stamping authority " + tsa + " sent more than 1 MiB: not a time-stamp response");
        }
        TimeStampResponse response;
        try {
            response = new TimeStampResponse(answer);
        } catch (TSPException | IOException e) {
            throw new CotejoException("the time-stamping authority " + tsa + " did not answer with an RFC 3161 response: " + e.getMessage(), e);
        }
        if (response.getTimeStampToken() == null) {
            throw new CotejoException("the time-stamping authority " + tsa + " refused the request (status " + response.getStatus()
                    + (response.getStatusString() == null ? "" : ": " + response.getStatusString()) + ")");
        }
        try {
            response.validate(request); // same imprint, same nonce, certificate included as asked
        } catch (TSPException e) {
            throw new CotejoException("the time-stamping authority " + tsa + " answered a different request: " + e.getMessage(), e);
        }
        try {
            return verify(response.getTimeStampToken().getEncoded(), sha256);
        } catch (IOException e) {
            throw new CotejoException("cannot encode the token of " + tsa + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks that {@code token} (DER) time-stamps exactly {@code sha256} and that its signature verifies
     * against the certificate it carries, and returns what it says.
     *
     * @throws CotejoException saying what does not hold
     */
    public static TimeStamp verify(byte[] token, byte[] sha256) {
        TimeStampToken parsed;
        try {
            parsed = new TimeStampToken(new CMSSignedData(token));
        } catch (CMSException | TSPException | IOException | RuntimeException e) {
            throw new CotejoException("the time-stamp token is not a readable RFC 3161 token: " + e.getMessage(), e);
        }
        TimeStampTokenInfo info = parsed.getTimeStampInfo();
        if (!TSPAlgorithms.SHA256.equals(info.getMessageImprintAlgOID())) {
            throw new CotejoException("the time-stamp token is over a " + info.getMessageImprintAlgOID() + " hash, not SHA-256");
        }
        if (!Arrays.equals(info.getMessageImprintDigest(), sha256)) {
            throw new CotejoException("the time-stamp token is over another hash than the one it is kept for");
        }
        @SuppressWarnings("unchecked") // BouncyCastle's SignerId is a raw Selector
        Collection<X509CertificateHolder> certificates = parsed.getCertificates().getMatches(parsed.getSID());
        if (certificates.isEmpty()) {
            throw new CotejoException("the time-stamp token does not carry its signer's certificate");
        }
        X509CertificateHolder certificate = certificates.iterator().next();
        try {
            parsed.validate(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
        } catch (TSPException | OperatorCreationException | CertificateException e) {
            throw new CotejoException("the time-stamp token's signature does not verify against its certificate ("
                    + certificate.getSubject() + "): " + e.getMessage(), e);
        }
        return new TimeStamp(Base64.getEncoder().encodeToString(token), info.getGenTime().toInstant(),
                certificate.getSubject().toString(), info.getSerialNumber().toString());
    }
}
