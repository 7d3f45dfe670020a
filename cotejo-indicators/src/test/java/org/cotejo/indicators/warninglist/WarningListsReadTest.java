package org.cotejo.indicators.warninglist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cotejo.core.CotejoException;
import org.cotejo.core.observable.Observable;
import org.cotejo.core.observable.ObservableType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class WarningListsReadTest {
    @TempDir Path dir;

    /** Writes a list in the MISP warninglists repository layout: lists/<name>/list.json. */
    private Path mispList(String name, String type, String matchingAttributes, String... entries) throws IOException {
        Path file = dir.resolve("lists").resolve(name).resolve("list.json");
        Files.createDirectories(file.getParent());
        String attrs = matchingAttributes == null ? "" : "\"matching_attributes\": [" + matchingAttributes + "],\n";
        Files.writeString(file, "{\n\"name\": \"" + name + "\",\n\"version\": 3,\n\"description\": \"test list\",\n"
                + attrs + "\"type\": \"" + type + "\",\n\"list\": [" + quoted(entries) + "]\n}\n");
        return file;
    }

    private static String quoted(String... entries) {
        return String.join(", ", List.of(entries).stream().map(e -> "\"" + e.replace("\\", "\\\\") + "\"").toList());
    }

    private static List<String> entriesHit(WarningLists lists, ObservableType type, String value) {
        return lists.check(new Observable(type, value, value)).stream().map(WarningHit::entry).toList();
    }

    @Test
    void readsEveryListOfAMispWarninglistsCheckoutAndIgnoresItsSchema() throws IOException {
        mispList("bank-domains", "hostname", "\"hostname\", \"domain\"", "bank.example", ".other.example");
        mispList("cloud-ranges", "cidr", "\"ip-dst\"", "203.0.113.0/25", "2001:db8:1::/48");
        Files.writeString(dir.resolve("schema.json"), "{\"$schema\": \"not a warning list\"}");

        WarningLists lists = WarningLists.read(dir);

        assertThat(lists.lists()).extracting(WarningList::name).containsExactly("bank-domains", "cloud-ranges");
        WarningList bank = lists.lists().get(0);
        assertThat(bank.version()).isEqualTo(3);
        assertThat(bank.type()).isEqualTo(WarningListType.HOSTNAME);
        assertThat(bank.source()).endsWith("list.json");
        assertThat(entriesHit(lists, ObservableType.DOMAIN, "www2.bank.example")).containsExactly("bank.example");
        assertThat(entriesHit(lists, ObservableType.DOMAIN, "a.other.example")).containsExactly(".other.example");
        assertThat(entriesHit(lists, ObservableType.IPV4, "203.0.113.100")).containsExactly("203.0.113.0/25");
        assertThat(entriesHit(lists, ObservableType.IPV4, "203.0.113.200")).isEmpty();
        assertThat(entriesHit(lists, ObservableType.IPV6, "2001:db8:1:ff::1")).containsExactly("2001:db8:1::/48");
    }

    @Test
    void readsASingleListFile() throws IOException {
        Path file = mispList("hashes", "string", "\"sha256\"", "AB".repeat(32));

        WarningLists lists = WarningLists.read(file);

        assertThat(entriesHit(lists, ObservableType.SHA256, "ab".repeat(32))).containsExactly("AB".repeat(32));
    }

    @Test
    void checksOnlyTheObservableTypesNamedInMatchingAttributes() throws IOException {
        mispList("domains-only", "hostname", "\"domain\", \"AS\"", "bank.example");

        WarningLists lists = WarningLists.read(dir);

        assertThat(entriesHit(lists, ObservableType.DOMAIN, "bank.example")).hasSize(1);
        assertThat(entriesHit(lists, ObservableType.URL, "https://bank.example/login")).isEmpty();
        assertThat(entriesHit(lists, ObservableType.EMAIL, "x@bank.example")).isEmpty();
        assertThat(lists.lists().get(0).notes()).containsExactly("matching_attributes with no Cotejo observable type, ignored: AS");
    }

    @Test
    void infersTheObservableTypesFromTheListTypeWhenMatchingAttributesAreAbsent() throws IOException {
        mispList("hosts", "hostname", null, "bank.example");

        WarningLists lists = WarningLists.read(dir);

        assertThat(entriesHit(lists, ObservableType.URL, "https://login.bank.example/x")).containsExactly("bank.example");
    }

    @Test
    void notesEntriesItCannotUse() throws IOException {
        mispList("ranges", "cidr", null, "10.0.0.0/8", "not-an-address");

        WarningList list = WarningLists.read(dir).lists().get(0);

        assertThat(list.notes()).containsExactly("entry 'not-an-address' is not an IP address or CIDR range");
    }

    @Test
    void matchesSubstringsIgnoringCaseExceptForTypesThatKeepCase() throws IOException {
        mispList("words", "substring", null, "Tracker");

        WarningLists lists = WarningLists.read(dir);

        assertThat(entriesHit(lists, ObservableType.DOMAIN, "ad-tracker.example")).containsExactly("Tracker");
        assertThat(entriesHit(lists, ObservableType.FILE_PATH, "/private/var/tracker")).isEmpty();
        assertThat(entriesHit(lists, ObservableType.FILE_PATH, "/private/var/Tracker")).containsExactly("Tracker");
    }

    @Test
    void matchesRegexListsInBareAndDelimitedForm() throws IOException {
        mispList("patterns", "regex", null, "^ns[0-9]+\\.", "/\\.LOCALDOMAIN$/i");

        WarningLists lists = WarningLists.read(dir);

        assertThat(entriesHit(lists, ObservableType.DOMAIN, "ns12.example.net")).containsExactly("^ns[0-9]+\\.");
        assertThat(entriesHit(lists, ObservableType.DOMAIN, "box.localdomain")).containsExactly("/\\.LOCALDOMAIN$/i");
        assertThat(entriesHit(lists, ObservableType.DOMAIN, "nsx.example.net")).isEmpty();
    }

    @Test
    @Timeout(120) // a guard against a hang if the backtracking budget were broken, not a speed assertion
    void givesUpOnACatastrophicallyBacktrackingPatternInsteadOfHanging() throws IOException {
        mispList("evil", "regex", null, "^(a+)+$", "b$");

        WarningLists lists = WarningLists.read(dir);

        assertThat(entriesHit(lists, ObservableType.DOMAIN, "a".repeat(64) + "!")).isEmpty();
        assertThat(entriesHit(lists, ObservableType.DOMAIN, "a".repeat(64) + "b")).containsExactly("b$");
    }

    @Test
    void rejectsAnInvalidRegexNamingTheFileAndEntry() throws IOException {
        Path file = mispList("broken", "regex", null, "fine", "(unclosed");

        assertThatThrownBy(() -> WarningLists.read(dir))
                .isInstanceOf(CotejoException.class)
                .hasMessageStartingWith(file + ": entry 2 of \"list\" is not a valid regular expression");
    }

    @Test
    void rejectsMalformedJsonNamingTheFileAndPosition() throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\n  \"name\": \"bad\",\n  \"list\": [\"a\" \"b\"]\n}\n");

        assertThatThrownBy(() -> WarningLists.read(file))
                .isInstanceOf(CotejoException.class)
                .hasMessageStartingWith("warning list " + file + " is not valid JSON at line 3, column ");
    }

    @Test
    void rejectsAListWithoutEntriesOrWithAnUnknownType() throws IOException {
        Path noList = dir.resolve("no-list.json");
        Files.writeString(noList, "{\"name\": \"x\", \"type\": \"string\"}");
        Path badType = dir.resolve("bad-type.json");
        Files.writeString(badType, "{\"name\": \"x\", \"type\": \"fuzzy\", \"list\": []}");

        assertThatThrownBy(() -> WarningLists.read(noList))
                .hasMessage("warning list " + noList + ": missing \"list\" array of entries");
        assertThatThrownBy(() -> WarningLists.read(badType))
                .hasMessageContaining(badType + ": unknown \"type\" 'fuzzy'");
    }

    @Test
    void rejectsAMissingPath() {
        assertThatThrownBy(() -> WarningLists.read(dir.resolve("nowhere")))
                .isInstanceOf(CotejoException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void plusChecksBothSets() throws IOException {
        mispList("mine", "string", "\"domain\"", "mine-corp.net");

        WarningLists both = WarningLists.curated().plus(WarningLists.read(dir));

        assertThat(both.lists()).hasSize(WarningLists.CURATED.size() + 1);
        assertThat(entriesHit(both, ObservableType.DOMAIN, "mine-corp.net")).containsExactly("mine-corp.net");
        assertThat(entriesHit(both, ObservableType.DOMAIN, "apple.com")).containsExactly("apple.com");
    }
}
