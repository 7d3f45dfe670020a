package org.cotejo.forensics.network.pcap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Real X.509 certificates for tests, made once per test run by the JDK's own keytool: a CA, a server
 * certificate it signed (CN and SAN c2.example.net, *.cdn.example.net, 203.0.113.9), and a
 * self-signed one (CN self.example.org).
 */
final class TestCertificates {
    private TestCertificates() {}

    record Set(byte[] ca, byte[] leaf, byte[] self) {}

    private static Set made;

    static synchronized Set get() throws IOException, InterruptedException {
        if (made != null) return made;
        Path dir = Files.createTempDirectory("cotejo-certs");
        Path ks = dir.resolve("ks.p12");
        keytool("-genkeypair", "-keystore", ks, "-alias", "ca", "-keyalg", "EC", "-dname", "CN=Example Test CA,O=Cotejo tests",
                "-ext", "bc:c", "-validity", "7300");
        keytool("-genkeypair", "-keystore", ks, "-alias", "leaf", "-keyalg", "EC", "-dname", "CN=c2.example.net", "-validity", "7300");
        keytool("-genkeypair", "-keystore", ks, "-alias", "self", "-keyalg", "EC", "-dname", "CN=self.example.org", "-validity", "7300");
        keytool("-certreq", "-keystore", ks, "-alias", "leaf", "-file", dir.resolve("leaf.csr"));
        keytool("-gencert", "-keystore", ks, "-alias", "ca", "-infile", dir.resolve("leaf.csr"), "-outfile", dir.resolve("leaf.der"),
                "-ext", "SAN=dns:c2.example.net,dns:*.cdn.example.net,ip:203.0.113.9", "-validity", "7300");
        keytool("-exportcert", "-keystore", ks, "-alias", "ca", "-file", dir.resolve("ca.der"));
        keytool("-exportcert", "-keystore", ks, "-alias", "self", "-file", dir.resolve("self.der"));
        made = new Set(Files.readAllBytes(dir.resolve("ca.der")), Files.readAllBytes(dir.resolve("leaf.der")), Files.readAllBytes(dir.resolve("self.der")));
        return made;
    }

    private static void keytool(Object... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        for (Object a : args) cmd.add(a.toString());
        cmd.addAll(List.of("-storepass", "changeit", "-keypass", "changeit", "-storetype", "PKCS12", "-noprompt"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new IOException("keytool failed: " + out);
    }
}
