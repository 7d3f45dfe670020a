package org.cotejo.indicators.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cotejo.indicators.feed.FeedFixtures.read;
import static org.cotejo.indicators.feed.FeedFixtures.values;

import java.nio.charset.StandardCharsets;
import org.cotejo.core.observable.ObservableType;
import org.junit.jupiter.api.Test;

class ListFeedReaderTest {

    @Test
    void takesTheTypeFromAKnownFileName() {
        Feed feed = read("some/dir/processes.txt", "\uFEFF# implant processes\r\nbh\r\n\r\nroleaccountd\r\n");
        assertThat(feed.format()).isEqualTo("list");
        assertThat(values(feed)).containsExactly("process:bh", "process:roleaccountd");
        assertThat(feed.indicators()).extracting(i -> i.location()).containsExactly("line 2", "line 4");
        assertThat(feed.notes()).containsExactly("type inferred from the file name processes.txt: process name");
    }

    @Test
    void readsAddressesInADomainsFileAsAddresses() {
        assertThat(values(read("domains.txt", "a.example\n192.0.2.1\n"))).containsExactly("domain:a.example", "ipv4:192.0.2.1");
    }

    @Test
    void decidesEachLineOfIpAndSampleListsByShape() {
        assertThat(values(read("ips.txt", "192.0.2.1\n2001:db8::1\n198.51.100.0/24\n")))
                .containsExactly("ipv4:192.0.2.1", "ipv6:2001:db8::1", "cidr:198.51.100.0/24");
        assertThat(values(read("samples.txt", "d41d8cd98f00b204e9800998ecf8427e\nda0611a300a9ce9aa7a09d1212f203fca5856794\n")))
                .containsExactly("md5:d41d8cd98f00b204e9800998ecf8427e", "sha1:da0611a300a9ce9aa7a09d1212f203fca5856794");
    }

    @Test
    void infersEachLineByShapeWhenTheNameIsUnknown() {
        Feed feed = read("assorted", "a.example\nx@example.org\n192.0.2.1\nd41d8cd98f00b204e9800998ecf8427e\njust words\n");
        assertThat(values(feed)).containsExactly("domain:a.example", "email:x@example.org", "ipv4:192.0.2.1",
                "md5:d41d8cd98f00b204e9800998ecf8427e");
        assertThat(feed.skips()).extracting(s -> s.location() + ": " + s.reason())
                .containsExactly("line 5: cannot infer the type of 'just words'; give --type");
        assertThat(feed.notes()).singleElement().asString().startsWith("type inferred per line");
    }

    @Test
    void obeysATypeGivenByTheUser() {
        Feed feed = FeedReader.defaults().listType(ObservableType.FILE_NAME)
                .read("domains.txt", "a.example\n192.0.2.1\n".getBytes(StandardCharsets.UTF_8));
        assertThat(values(feed)).containsExactly("file-name:a.example", "file-name:192.0.2.1");
        assertThat(feed.notes()).containsExactly("type given by the user: file name");
    }

    @Test
    void readsJa3AndJa4ListsByNameAndJa4ByItsShape() {
        assertThat(values(read("ja3.txt", "e7d705a3286e19ea42f587b344ee6865\n"))).containsExactly("ja3:e7d705a3286e19ea42f587b344ee6865");
        assertThat(values(read("ja4.txt", "t13d1516h2_8daaf6152771_e5627efa2ab1\n"))).containsExactly("ja4:t13d1516h2_8daaf6152771_e5627efa2ab1");
        assertThat(values(read("assorted", "t13d1516h2_8daaf6152771_e5627efa2ab1\n"))).containsExactly("ja4:t13d1516h2_8daaf6152771_e5627efa2ab1");
    }
}
