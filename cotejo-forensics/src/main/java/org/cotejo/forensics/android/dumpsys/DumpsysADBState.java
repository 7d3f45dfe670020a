package org.cotejo.forensics.android.dumpsys;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.cotejo.forensics.android.bugreport.DumpstateSection;
import org.cotejo.forensics.module.ModuleContext;
import org.cotejo.forensics.module.SourceFile;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.TraceClass;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The ADB debugging state ({@code dumpsys adb}): whether a computer is connected, the last key offered,
 * ADB over Wi-Fi, and the computers the phone trusts ({@code user_keys}, and the {@code keystore} with
 * each key's last connection). A trusted key the examiner did not add is a computer that could drive
 * the phone over USB. One record: the {@code debugging_manager} values, with {@code user_keys} as
 * {@code [{user, fingerprint, key}]} and {@code keystore} as {@code [{user, fingerprint, key,
 * last_connected}]} when it is XML or Android binary XML (MVT decodes only XML), and
 * {@code keystore_format} saying which. The fingerprint is the MD5 of the key, as {@code adb} shows it.
 */
public final class DumpsysADBState extends DumpsysModule {
    private static final int MAX_SECTION = 16 << 20;

    @Override public String name() { return "DumpsysADBState"; }
    @Override public TraceClass trace() { return TraceClass.CONFIGURATION; }
    @Override public String description() { return "ADB debugging state and the computers the phone trusts (dumpsys adb)"; }
    @Override String section() { return "adb"; }

    @Override
    SectionParser parser(Emitter out) {
        throw new UnsupportedOperationException("dumpsys adb is read as bytes");
    }

    @Override
    void read(ModuleContext ctx, SourceFile file, DumpstateSection section, String zone) throws IOException {
        byte[] bytes;
        try {
            bytes = section.bytes(MAX_SECTION);
        } catch (IOException e) {
            ctx.problem(file, "line " + section.firstLine() + ": " + e.getMessage() + "; ADB state not read");
            return;
        }
        Fields f = parse(bytes, section.firstLine(), msg -> ctx.problem(file, msg));
        if (f != null) ctx.emit(f, ctx.provenance(file, "line " + section.firstLine()));
    }

    /** The record of one {@code dumpsys adb} output, or null (with a problem) when it holds no debugging manager. */
    static Fields parse(byte[] section, long firstLine, java.util.function.Consumer<String> problems) {
        String head = new String(section, 0, Math.min(section.length, 200), StandardCharsets.UTF_8).strip();
        if (head.isEmpty() || head.startsWith("Can't find service: adb")) {
            problems.accept("line " + firstLine + ": dumpsys adb is empty or the service was not found; no ADB state");
            return null;
        }
        AdbDump.Tree tree = AdbDump.parse(section, firstLine);
        if (!(tree.root().get("debugging_manager") instanceof Map<?, ?> dm)) {
            problems.accept("line " + firstLine + ": no debugging_manager in dumpsys adb; no ADB state");
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        Object keystore = dm.containsKey("keystore") ? dm.get("keystore") : tree.root().get("keystore");
        dm.forEach((k, v) -> {
            if (k.equals("user_keys")) out.put("user_keys", userKeys(text(v)));
            else if (!k.equals("keystore")) out.put(String.valueOf(k), v instanceof byte[] b ? text(b) : v);
        });
        if (keystore instanceof byte[] raw) {
            long line = tree.lines().getOrDefault("keystore", firstLine);
            keystore(raw, out, msg -> problems.accept("line " + line + ": " + msg));
        }
        return Fields.of(out);
    }

    private static void keystore(byte[] raw, Map<String, Object> out, java.util.function.Consumer<String> problem) {
        String text = text(raw).strip();
        try {
            if (AbxKeystore.isAbx(raw)) {
                out.put("keystore_format", "abx");
                out.put("keystore", keys(AbxKeystore.adbKeys(raw)));
            } else if (text.startsWith("<?xml") || text.startsWith("<keyStore")) {
                out.put("keystore_format", "xml");
                out.put("keystore", keys(xmlKeys(text)));
            } else {
                out.put("keystore_format", "text");
                out.put("keystore", text);
            }
        } catch (IOException | RuntimeException e) {
            out.put("keystore", null);
            problem.accept("the ADB keystore (" + out.get("keystore_format") + ", " + raw.length
                    + " bytes) could not be decoded (" + (e instanceof java.io.EOFException ? "the bytes end too early" : e.getMessage())
                    + "); its keys and last connections are not listed");
        }
    }

    private static List<Map<String, String>> xmlKeys(String xml) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            NodeList nodes = f.newDocumentBuilder().parse(new InputSource(new StringReader(xml))).getElementsByTagName("adbKey");
            List<Map<String, String>> out = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                Element e = (Element) nodes.item(i);
                Map<String, String> attrs = new LinkedHashMap<>();
                attrs.put("key", e.getAttribute("key"));
                if (e.hasAttribute("lastConnection")) attrs.put("lastConnection", e.getAttribute("lastConnection"));
                out.add(attrs);
            }
            return out;
        } catch (Exception e) {
            throw new IOException("not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static List<Map<String, Object>> keys(List<Map<String, String>> adbKeys) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, String> a : adbKeys) {
            Map<String, Object> k = key(a.getOrDefault("key", ""));
            String last = a.get("lastConnection");
            k.put("last_connected", last != null && last.matches("-?\\d+") ? Long.parseLong(last) : null);
            out.add(k);
        }
        return out;
    }

    private static List<Map<String, Object>> userKeys(String text) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String line : text.split("\n")) if (!line.isBlank()) out.add(key(line.strip()));
        return out;
    }

    /** {user, fingerprint, key} of an {@code adbkey.pub} line: "BASE64 user@host". */
    static Map<String, Object> key(String line) {
        String[] parts = line.strip().split("\\s+", 2);
        Map<String, Object> k = new LinkedHashMap<>();
        k.put("user", parts.length > 1 ? parts[1] : "");
        k.put("fingerprint", fingerprint(parts[0]));
        k.put("key", parts[0]);
        return k;
    }

    /** MD5 of the decoded key, upper-case hex pairs joined by ':'; "" when the key is not base64. */
    public static String fingerprint(String base64) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return "";
        }
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest(decoded);
            StringBuilder s = new StringBuilder();
            for (byte b : md5) s.append(s.length() == 0 ? "" : ":").append(String.format("%02X", b & 0xff));
            return s.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Object v) {
        return v instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(v);
    }
}
