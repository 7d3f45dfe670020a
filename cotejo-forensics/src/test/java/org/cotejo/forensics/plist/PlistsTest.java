package org.cotejo.forensics.plist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dd.plist.BinaryPropertyListWriter;
import com.dd.plist.NSDictionary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.cotejo.core.CotejoException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlistsTest {
    @TempDir
    Path tmp;

    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n";

    @Test
    void readsXmlAndBinaryPropertyListsWithoutFetchingTheirDtd() throws Exception {
        byte[] xml = (HEAD + "<plist version=\"1.0\"><dict><key>LDMGlobalEnabled</key><true/></dict></plist>").getBytes(StandardCharsets.UTF_8);
        assertThat(((NSDictionary) Plists.parse(xml, "x.plist")).objectForKey("LDMGlobalEnabled").toJavaObject()).isEqualTo(true);
        NSDictionary d = new NSDictionary();
        d.put("Product Version", "17.5.1");
        byte[] bin = BinaryPropertyListWriter.writeToArray(d);
        assertThat(((NSDictionary) Plists.parse(bin, "Info.plist")).objectForKey("Product Version").toString()).isEqualTo("17.5.1");
    }

    @Test
    void refusesExternalEntitiesAndNeverReadsTheirTarget() throws Exception {
        Path secret = tmp.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET");
        byte[] xxe = ("<?xml version=\"1.0\"?>\n<!DOCTYPE plist [<!ENTITY x SYSTEM \"file://" + secret + "\">]>\n"
                + "<plist version=\"1.0\"><dict><key>a</key><string>&x;</string></dict></plist>").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Plists.parse(xxe, "evil.plist")).isInstanceOf(CotejoException.class)
                .hasMessageContaining("evil.plist").hasMessageNotContaining("TOP-SECRET");
    }

    @Test
    void refusesEntityExpansionBombs() {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE plist [<!ENTITY a \"aaaaaaaaaa\">");
        for (int i = 1; i < 10; i++) b.append("<!ENTITY a").append(i).append(" \"&a").append(i == 1 ? "" : i - 1).append(";&a")
                .append(i == 1 ? "" : i - 1).append(";\">");
        b.append("]><plist><string>&a9;</string></plist>");
        assertThatThrownBy(() -> Plists.parse(b.toString().getBytes(StandardCharsets.UTF_8), "bomb.plist"))
                .isInstanceOf(CotejoException.class).hasMessageContaining("bomb.plist");
    }

    @Test
    void aTruncatedOrBrokenListIsAClearErrorAndPrintsNothing() throws Exception {
        NSDictionary d = new NSDictionary();
        d.put("k", "v".repeat(100));
        byte[] bin = BinaryPropertyListWriter.writeToArray(d);
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertThatThrownBy(() -> Plists.parse(Arrays.copyOf(bin, bin.length / 2), "cut.plist"))
                    .isInstanceOf(CotejoException.class).hasMessageStartingWith("cut.plist: ");
            assertThatThrownBy(() -> Plists.parse((HEAD + "<plist><dict><key>a</key>").getBytes(StandardCharsets.UTF_8), "open.plist"))
                    .isInstanceOf(CotejoException.class).hasMessageStartingWith("open.plist: ");
            assertThatThrownBy(() -> Plists.parse(new byte[0], "empty.plist")).hasMessage("empty.plist: empty property list");
        } finally {
            System.setErr(saved);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).as("nothing printed by the XML parser").isEmpty();
    }
}
