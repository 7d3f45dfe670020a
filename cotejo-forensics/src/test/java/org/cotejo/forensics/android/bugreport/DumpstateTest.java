package org.cotejo.forensics.android.bugreport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cotejo.forensics.evidence.Extraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DumpstateTest {
    @TempDir Path tmp;

    private static List<String> lines(DumpstateSection s) throws Exception {
        List<String> out = new ArrayList<>();
        s.lines((n, text) -> out.add(n + ":" + text));
        return out;
    }

    private Dumpstate open(byte[] text) throws Exception {
        Path zip = new BugreportBuilder().rawDumpstate(text).zip(tmp.resolve("b" + System.nanoTime() + ".zip"));
        Extraction x = Bugreports.open(zip);
        opened.add(x);
        return x.service(Dumpstate.class).orElseThrow();
    }

    private final List<Extraction> opened = new ArrayList<>();

    @org.junit.jupiter.api.AfterEach
    void close() throws Exception {
        for (Extraction x : opened) x.close();
    }

    @Test
    void aSectionRunsFromItsHeaderToTheNext78DashLineNotToTheDurationLine() throws Exception {
        String text = "header\n" + "-".repeat(79) + "\nDUMP OF SERVICE package:\nPackages:\n"
                + "--------- 0.05s was the duration of dumpsys package\n" + "-".repeat(78) + "\nDUMP OF SERVICE adb:\nadb line\n";
        Dumpstate d = open(text.getBytes(StandardCharsets.UTF_8));
        assertThat(lines(d.section("package").orElseThrow()))
                .containsExactly("4:Packages:", "5:--------- 0.05s was the duration of dumpsys package");
        assertThat(lines(d.section("adb").orElseThrow())).containsExactly("8:adb line");
        assertThat(d.section("appops")).isEmpty();
    }

    @Test
    void onlyTheFirstSectionOfAServiceCountsAndALastSectionRunsToTheEnd() throws Exception {
        String text = "DUMP OF SERVICE dbinfo:\nfirst\n" + "-".repeat(80) + "\n  DUMP OF SERVICE dbinfo:  \nsecond\n"
                + "DUMP OF SERVICE platform_compat:\nlast line without end";
        Dumpstate d = open(text.getBytes(StandardCharsets.UTF_8));
        assertThat(lines(d.section("dbinfo").orElseThrow())).containsExactly("2:first");
        assertThat(lines(d.section("platform_compat").orElseThrow())).containsExactly("7:last line without end");
    }

    @Test
    void readsTheSystemPropertiesBlockAndTheDeviceZone() throws Exception {
        Path zip = new BugreportBuilder().property("ro.build.version.sdk", "34").property("persist.sys.timezone", "Europe/Rome")
                .zip(tmp.resolve("p.zip"));
        try (Extraction x = Bugreports.open(zip)) {
            Dumpstate d = x.service(Dumpstate.class).orElseThrow();
            assertThat(lines(d.section(Dumpstate.SYSTEM_PROPERTIES).orElseThrow()))
                    .containsExactly("8:[ro.build.version.sdk]: [34]", "9:[persist.sys.timezone]: [Europe/Rome]");
            assertThat(d.timeZone()).hasValueSatisfying(z -> assertThat(z.getId()).isEqualTo("Europe/Rome"));
        }
    }

    @Test
    void bytesThatAreNotUtf8SpoilOnlyTheirOwnLine() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("DUMP OF SERVICE package:\r\ngood one\r\n".getBytes(StandardCharsets.UTF_8));
        b.writeBytes(new byte[] {'b', 'a', 'd', ' ', (byte) 0xff, (byte) 0xc3, '\n'});
        b.writeBytes("good two\n".getBytes(StandardCharsets.UTF_8));
        Dumpstate d = open(b.toByteArray());
        assertThat(lines(d.section("package").orElseThrow())).containsExactly("2:good one", "3:bad \ufffd\ufffd", "4:good two");
    }

    @Test
    void aLineLongerThanTheCapIsCutAndCounted() throws Exception {
        String huge = "x".repeat(DumpstateSection.MAX_LINE + 10);
        Dumpstate d = open(("DUMP OF SERVICE package:\n" + huge + "\nafter\n").getBytes(StandardCharsets.US_ASCII));
        List<Integer> lengths = new ArrayList<>();
        int cut = d.section("package").orElseThrow().lines((n, t) -> lengths.add(t.length()));
        assertThat(cut).isEqualTo(1);
        assertThat(lengths).containsExactly(DumpstateSection.MAX_LINE, 5);
    }

    @Test
    void indexesALargeDumpstateInOnePassAndReadsOneSectionByOffset() throws Exception {
        Path zip = new BugreportBuilder().service("accessibility", "  installed services: {\n    0 : a.b/.C\n  }\n")
                .streamedDumpstate(BugreportBuilder.large(40L << 20, 500)).zip(tmp.resolve("large.zip"));
        try (Extraction x = Bugreports.open(zip)) {
            Dumpstate d = x.service(Dumpstate.class).orElseThrow();
            assertThat(d.sectionNames()).contains("accessibility", "package", "filler0").hasSizeGreaterThan(20);
            long[] count = {0};
            d.section("package").orElseThrow().lines((n, t) -> {
                if (t.startsWith("  Package [")) count[0]++;
                return true;
            });
            assertThat(count[0]).isEqualTo(500);
            try (var copies = Files.walk(x.work().root())) {
                assertThat(copies.filter(p -> p.endsWith("dumpstate.txt")).toList()).singleElement()
                        .satisfies(p -> assertThat(Files.size(p)).isGreaterThan(40L << 20));
            }
        }
    }
}
