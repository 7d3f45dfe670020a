package org.cotejo.cases.custody;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * An RFC 3161 time-stamping authority for tests, built with BouncyCastle: a self-signed EC certificate
 * with the timeStamping extended key usage, served over HTTP on 127.0.0.1 and a free port. It can be
 * told to misbehave, to show the client refuses what it should.
 */
public final class LocalTimeStampAuthority implements AutoCloseable {
    static final String SUBJECT = "CN=Cotejo Test TSA,O=Cotejo tests";

    enum Behaviour {
        HONEST,
        /** Answers with a token over another hash. */
        WRONG_IMPRINT,
        /** Signs with a key other than the certificate's. */
        FORGED_SIGNATURE,
        /** Answers "rejection". */
        REFUSE,
        /** Answers HTTP 500. */
        HTTP_ERROR
    }

    private final HttpServer server;
    private final KeyPair key = ec();
    private final KeyPair otherKey = ec();
    private final X509Certificate certificate;
    private final AtomicLong serial = new AtomicLong(1000);
    private volatile Behaviour behaviour = Behaviour.HONEST;
    private final AtomicInteger requests = new AtomicInteger();

    private LocalTimeStampAuthority() throws Exception {
        certificate = selfSigned();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/tsa", this::answer);
        server.start();
    }

    public static LocalTimeStampAuthority start() {
        try {
            return new LocalTimeStampAuthority();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the local time-stamping authority", e);
        }
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tsa");
    }

    void behave(Behaviour behaviour) {
        this.behaviour = behaviour;
    }

    int requests() {
        return requests.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        byte[] body;
        int status = 200;
        try {
            TimeStampRequest request = new TimeStampRequest(exchange.getRequestBody().readAllBytes());
            body = respond(request).getEncoded();
        } catch (Exception e) {
            status = 400;
            body = e.toString().getBytes();
        }
        if (behaviour == Behaviour.HTTP_ERROR) status = 500;
        exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private TimeStampResponse respond(TimeStampRequest request) throws Exception {
        var signer = new JcaSimpleSignerInfoGeneratorBuilder()
                .build("SHA256withECDSA", (behaviour == Behaviour.FORGED_SIGNATURE ? otherKey : key).getPrivate(), certificate);
        var certId = new JcaDigestCalculatorProviderBuilder().build().get(new DefaultDigestAlgorithmIdentifierFinder().find("SHA-256"));
        TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(signer, certId, new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1"));
        tokens.addCertificates(new JcaCertStore(List.of(certificate)));
        TimeStampResponseGenerator responses = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
        if (behaviour == Behaviour.REFUSE) {
            return responses.generateFailResponse(PKIStatus.REJECTION, PKIFailureInfo.systemFailure, "closed for the test");
        }
        TimeStampRequest answered = request;
        if (behaviour == Behaviour.WRONG_IMPRINT) {
            TimeStampRequestGenerator other = new TimeStampRequestGenerator();
            other.setCertReq(true);
            answered = other.generate(TSPAlgorithms.SHA256, new byte[32], request.getNonce());
        }
        return responses.generate(answered, BigInteger.valueOf(serial.incrementAndGet()), new Date());
    }

    private X509Certificate selfSigned() throws Exception {
        X500Name name = new X500Name(SUBJECT);
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE,
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(1))), name, key.getPublic());
        // RFC 3161 §2.3: the one extended key usage, marked critical; BouncyCastle's token validation insists on it.
        builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
        X509CertificateHolder holder = builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate()));
        return new JcaX509CertificateConverter().getCertificate(holder);
    }

    private static KeyPair ec() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
