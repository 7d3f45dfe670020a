package org.cotejo.forensics.network.pirogue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a PiRogue capture session folder as PiRogue's capture tools lay it out: {@code traffic.pcap}
 * (classic pcap, raw IP link type, holding DNS responses built here byte by byte), {@code sslkeylog.txt}
 * (NSS key log lines), {@code experiment.json}, {@code device.json}, and optionally {@code eve.json}.
 */
public final class PirogueSessionBuilder {
    private final List<byte[]> packets = new ArrayList<>();
    private final List<Long> times = new ArrayList<>();
    private final StringBuilder keyLog = new StringBuilder();
    private final StringBuilder eve = new StringBuilder();
    private String device = "{\"ro.serialno\": \"R58M123ABC\", \"ro.product.model\": \"SM-G991B\"}";

    /** A DNS response from 10.8.0.1 to {@code phone}: {@code name} A {@code address}, at {@code epochSeconds}. */
    public PirogueSessionBuilder dnsAnswer(long epochSeconds, String phone, String name, String address) {
        ByteArrayOutputStream dns = new ByteArrayOutputStream();
        u16(dns, 0x1234); u16(dns, 0x8180); u16(dns, 1); u16(dns, 1); u16(dns, 0); u16(dns, 0);
        name(dns, name); u16(dns, 1); u16(dns, 1);
        u16(dns, 0xC00C); u16(dns, 1); u16(dns, 1); u16(dns, 0); u16(dns, 60); u16(dns, 4);
        dns.writeBytes(addr(address));
        byte[] payload = dns.toByteArray();
        ByteBuffer udp = ByteBuffer.allocate(8 + payload.length).order(ByteOrder.BIG_ENDIAN);
        udp.putShort((short) 53).putShort((short) 40000).putShort((short) (8 + payload.length)).putShort((short) 0).put(payload);
        ByteBuffer ip = ByteBuffer.allocate(20 + udp.capacity()).order(ByteOrder.BIG_ENDIAN);
        ip.put((byte) 0x45).put((byte) 0).putShort((short) ip.capacity()).putShort((short) 1).putShort((short) 0)
                .put((byte) 64).put((byte) 17).putShort((short) 0).put(addr("10.8.0.1")).put(addr(phone)).put(udp.array());
        packets.add(ip.array());
        times.add(epochSeconds);
        return this;
    }

    /** A key-log line for one TLS 1.3 session ({@code n} makes its client random). */
    public PirogueSessionBuilder tls13Session(int n) {
        String random = String.format("%064x", n);
        for (String label : List.of("CLIENT_HANDSHAKE_TRAFFIC_SECRET", "SERVER_HANDSHAKE_TRAFFIC_SECRET", "CLIENT_TRAFFIC_SECRET_0", "SERVER_TRAFFIC_SECRET_0")) {
            keyLog.append(label).append(' ').append(random).append(' ').append("ab".repeat(32)).append('\n');
        }
        return this;
    }

    public PirogueSessionBuilder keyLogLine(String line) {
        keyLog.append(line).append('\n');
        return this;
    }

    /** One EVE JSON line, as is. */
    public PirogueSessionBuilder eve(String jsonLine) {
        eve.append(jsonLine).append('\n');
        return this;
    }

    public PirogueSessionBuilder device(String json) {
        device = json;
        return this;
    }

    public Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        ByteBuffer pcap = ByteBuffer.allocate(24 + packets.stream().mapToInt(p -> 16 + p.length).sum()).order(ByteOrder.LITTLE_ENDIAN);
        pcap.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(101);
        for (int i = 0; i < packets.size(); i++) {
            byte[] p = packets.get(i);
            pcap.putInt((int) (long) times.get(i)).putInt(0).putInt(p.length).putInt(p.length).put(p);
        }
        Files.write(dir.resolve("traffic.pcap"), pcap.array());
        Files.writeString(dir.resolve("sslkeylog.txt"), keyLog, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("device.json"), device, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("experiment.json"), """
                {"network": {"start_capture_time": 1735732800000.0, "file": "traffic.pcap"},
                 "device": {"start_capture_time": 1735732799500.0, "file": "device.json"},
                 "sslkeylog": {"file": "sslkeylog.txt"}}
                """, StandardCharsets.UTF_8);
        if (!eve.isEmpty()) Files.writeString(dir.resolve("eve.json"), eve, StandardCharsets.UTF_8);
        return dir;
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write(v >> 8);
        out.write(v);
    }

    private static void name(ByteArrayOutputStream out, String name) {
        for (String label : name.split("\\.")) {
            out.write(label.length());
            out.writeBytes(label.getBytes(StandardCharsets.US_ASCII));
        }
        out.write(0);
    }

    private static byte[] addr(String ip) {
        String[] p = ip.split("\\.");
        return new byte[] {(byte) Integer.parseInt(p[0]), (byte) Integer.parseInt(p[1]), (byte) Integer.parseInt(p[2]), (byte) Integer.parseInt(p[3])};
    }
}
