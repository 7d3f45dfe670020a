package org.cotejo.forensics.network.pcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PcapReaderTest {
    static final Instant T = Instant.parse("2025-03-01T10:15:30.123456789Z");

    private final List<String> problems = new ArrayList<>();

    private List<PcapReader.Packet> read(byte[] capture) throws IOException {
        return read(new ByteArrayInputStream(capture));
    }

    private List<PcapReader.Packet> read(InputStream in) throws IOException {
        List<PcapReader.Packet> out = new ArrayList<>();
        try (PcapReader r = new PcapReader(in, problems::add)) {
            for (PcapReader.Packet p; (p = r.next()) != null; ) out.add(p);
            assertThat(r.next()).isNull();
        }
        return out;
    }

    @Test
    void readsClassicPcapInBothByteOrdersWithMicrosecondTimes() throws Exception {
        for (ByteOrder order : List.of(ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN)) {
            byte[] capture = PcapWriter.pcap(order, false, 1).packet(T, new byte[] {1, 2, 3}).record(T.plusSeconds(1), new byte[] {9}, 1, 1500).bytes();
            List<PcapReader.Packet> packets = read(capture);
            assertThat(packets).extracting(PcapReader.Packet::number).containsExactly(1L, 2L);
            assertThat(packets.get(0).time()).isEqualTo(Instant.parse("2025-03-01T10:15:30.123456Z"));
            assertThat(packets.get(0).linkType()).isEqualTo(1);
            assertThat(packets.get(0).data()).containsExactly(1, 2, 3);
            assertThat(packets.get(1).originalLength()).isEqualTo(1500);
            assertThat(packets.get(1).time()).isEqualTo(Instant.parse("2025-03-01T10:15:31.123456Z"));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void readsNanosecondPcap() throws Exception {
        List<PcapReader.Packet> packets = read(PcapWriter.pcap(ByteOrder.LITTLE_ENDIAN, true, 101).packet(T, new byte[] {0x45}).bytes());
        assertThat(packets).singleElement().satisfies(p -> {
            assertThat(p.time()).isEqualTo(T);
            assertThat(p.linkType()).isEqualTo(101);
        });
    }

    @Test
    void readsPcapngWithPerInterfaceLinkTypeAndResolutionAcrossSectionsAndByteOrders() throws Exception {
        byte[] first = PcapWriter.pcapng(ByteOrder.LITTLE_ENDIAN)
                .iface(1, -1)             // Ethernet, default microseconds
                .iface(113, 9)            // Linux cooked, nanoseconds
                .block(5, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}) // interface statistics: skipped
                .packet(0, T, new byte[] {1})
                .packet(1, T, new byte[] {2, 2})
                .simple(new byte[] {3, 3, 3})
                .bytes();
        byte[] second = PcapWriter.pcapng(ByteOrder.BIG_ENDIAN).iface(101, 0x80 | 20).packet(0, Instant.parse("2025-03-01T10:15:30.5Z"), new byte[] {4}).bytes();
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);

        List<PcapReader.Packet> packets = read(both);

        assertThat(problems).isEmpty();
        assertThat(packets).extracting(PcapReader.Packet::number, PcapReader.Packet::linkType, PcapReader.Packet::iface)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, 1, 0), org.assertj.core.groups.Tuple.tuple(2L, 113, 1),
                        org.assertj.core.groups.Tuple.tuple(3L, 1, 0), org.assertj.core.groups.Tuple.tuple(4L, 101, 0));
        assertThat(packets.get(0).time()).isEqualTo(Instant.parse("2025-03-01T10:15:30.123456Z"));
        assertThat(packets.get(1).time()).isEqualTo(T);
        assertThat(packets.get(1).data()).containsExactly(2, 2);
        assertThat(packets.get(2).time()).isNull();
        assertThat(packets.get(2).data()).containsExactly(3, 3, 3);
        assertThat(packets.get(3).time()).isEqualTo(Instant.parse("2025-03-01T10:15:30.5Z"));
    }

    @Test
    void aTruncatedClassicCaptureYieldsWhatCameBeforeAndNamesThePacket() throws Exception {
        byte[] whole = PcapWriter.pcap(ByteOrder.LITTLE_ENDIAN, false, 1).packet(T, new byte[] {1, 2, 3}).packet(T, new byte[] {4, 5, 6, 7}).bytes();
        List<PcapReader.Packet> packets = read(Arrays.copyOf(whole, whole.length - 2));
        assertThat(packets).hasSize(1);
        assertThat(problems).containsExactly("packet 2: truncated (2 of 4 captured bytes); capture ends here");

        problems.clear();
        assertThat(read(Arrays.copyOf(whole, 24 + 19 + 5))).hasSize(1);
        assertThat(problems).containsExactly("packet 2: truncated record header (5 of 16 bytes); capture ends here");
    }

    @Test
    void aBogusCapturedLengthStopsWithoutAllocatingIt() throws Exception {
        byte[] capture = PcapWriter.pcap(ByteOrder.BIG_ENDIAN, false, 1).record(T, new byte[0], 0x7FFFFFF0L, 60).bytes();
        assertThat(read(capture)).isEmpty();
        assertThat(problems).singleElement().asString().startsWith("packet 1: captured length 2147483632 is over 262144 bytes");
    }

    @Test
    void aLyingPcapngBlockLengthOnAShortStreamIsATruncationNotAnAllocation() throws Exception {
        byte[] head = PcapWriter.pcapng(ByteOrder.LITTLE_ENDIAN).iface(1, -1).bytes();
        byte[] lie = java.nio.ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(6).putInt(0x00FF_FFF0).array();
        byte[] capture = Arrays.copyOf(head, head.length + 8);
        System.arraycopy(lie, 0, capture, head.length, 8);
        assertThat(read(capture)).isEmpty();
        assertThat(problems).singleElement().asString().startsWith("packet 1: truncated (0 of 16777192 bytes)");

        problems.clear();
        java.nio.ByteBuffer.wrap(capture, head.length + 4, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(0x7FFF_FFF0);
        assertThat(read(capture)).isEmpty();
        assertThat(problems).singleElement().asString().startsWith("packet 1: bogus block length 2147483632");
    }

    @Test
    void aPacketOnAnUndeclaredInterfaceStops() throws Exception {
        byte[] capture = PcapWriter.pcapng(ByteOrder.LITTLE_ENDIAN).iface(1, -1).packet(0, T, new byte[] {1}).bytes();
        byte[] bad = PcapWriter.pcapng(ByteOrder.LITTLE_ENDIAN).iface(1, -1).packet(0, T, new byte[] {1}).bytes();
        // rewrite the second capture's EPB interface id to 3 and drop its section header
        int epb = 28 + 20;
        java.nio.ByteBuffer.wrap(bad, epb + 8, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(3);
        byte[] both = Arrays.copyOf(capture, capture.length + bad.length - epb);
        System.arraycopy(bad, epb, both, capture.length, bad.length - epb);
        assertThat(read(both)).hasSize(1);
        assertThat(problems).containsExactly("packet 2: on interface 3, which the section does not declare; capture ends here");
    }

    @Test
    void refusesWhatIsNotACapture() {
        assertThatThrownBy(() -> new PcapReader(new ByteArrayInputStream("hello world".getBytes()), problems::add))
                .isInstanceOf(IOException.class).hasMessageContaining("not a packet capture");
        assertThat(PcapReader.isCapture(new byte[] {(byte) 0xD4, (byte) 0xC3, (byte) 0xB2, (byte) 0xA1})).isTrue();
        assertThat(PcapReader.isCapture("GET ".getBytes())).isFalse();
    }
}
