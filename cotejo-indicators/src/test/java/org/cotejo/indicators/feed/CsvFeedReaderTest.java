package org.cotejo.indicators.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cotejo.indicators.feed.FeedFixtures.read;
import static org.cotejo.indicators.feed.FeedFixtures.values;

import org.cotejo.core.CotejoException;
import org.cotejo.core.indicator.Indicator;
import org.junit.jupiter.api.Test;

class CsvFeedReaderTest {

    @Test
    void readsMispExportsThroughTheMispTypeTable() {
        Feed feed = read("iocs.csv", "uuid,event_id,category,type,value,comment,to_ids,date\r\n"
                + "u1,10,Network activity,domain,\"a.example\",\"C2, main\",1,20160824\r\n"
                + "u2,10,Network activity,domain|ip,\"b.example|192.0.2.1\",\"\",1,20160824\r\n"
                + "u3,10,Payload delivery,email-src,\"x@example.org\",\"\",0,20160824\r\n"
                + "u4,10,Artifacts dropped,mutex,\"m\",\"\",1,20160824\r\n");
        assertThat(feed.format()).isEqualTo("csv");
        assertThat(values(feed)).containsExactly("domain:a.example", "domain:b.example", "ipv4:192.0.2.1");
        assertThat(feed.indicators()).extracting(Indicator::id).containsExactly("u1", "u2#1", "u2#2");
        assertThat(feed.indicators()).extracting(Indicator::location).containsExactly("line 2", "line 3", "line 3");
        assertThat(feed.skips()).extracting(s -> s.location() + ": " + s.reason()).containsExactly(
                "line 4: to_ids is false: MISP marks it as not for detection", "line 5: MISP type 'mutex' is out of scope");
        assertThat(feed.collections()).singleElement().extracting(c -> c.name()).isEqualTo("iocs.csv");
    }

    @Test
    void readsTypeAndIndicatorColumnsAndNotesTheOthers() {
        Feed feed = read("network.csv", "type,indicator,app\ndomain,c2.example,SpyApp\nipv4,192.0.2.9,SpyApp\nregkey,HKLM,SpyApp\n");
        assertThat(values(feed)).containsExactly("domain:c2.example", "ipv4:192.0.2.9");
        assertThat(feed.notes()).containsExactly("column 'app' read as context, not as indicators");
        assertThat(feed.skips()).extracting(Skip::reason)
                .containsExactly("type 'regkey' is not a Cotejo type, and as a MISP type: MISP type 'regkey' is out of scope");
    }

    @Test
    void readsOneColumnPerTypeAndSkipsUnknownColumnsOnce() {
        Feed feed = read("md5-c2.csv", "# from the report, table 2\nMD5,,C2,Malware Family,Seen\n"
                + "d41d8cd98f00b204e9800998ecf8427e,,c2.example,RAT,2015\n"
                + "d41d8cd98f00b204e9800998ecf8427e,,192.0.2.4,RAT,2015\n");
        assertThat(values(feed)).containsExactly("md5:d41d8cd98f00b204e9800998ecf8427e", "domain:c2.example",
                "md5:d41d8cd98f00b204e9800998ecf8427e", "ipv4:192.0.2.4");
        assertThat(feed.skips()).extracting(s -> s.location() + ": " + s.reason()).containsExactly(
                "line 1: column 2 has no name, so its values were not loaded",
                "line 1: column 'Seen' is not a known indicator type; its values were not loaded");
        assertThat(feed.indicators().get(0).location()).isEqualTo("line 3");
    }

    @Test
    void readsAmnestyDomainAndAddressPairs() {
        Feed feed = read("indicators.csv", "\uFEFFdomain_name,ip_address\n\"a.example\",\"192.0.2.1\"\n");
        assertThat(values(feed)).containsExactly("domain:a.example", "ipv4:192.0.2.1");
    }

    @Test
    void reportsAnUnclosedQuoteAsAMalformedFeed() {
        assertThatThrownBy(() -> read("bad.csv", "type,value\ndomain,\"a.example\n"))
                .isInstanceOf(CotejoException.class).hasMessageStartingWith("CSV feed bad.csv is malformed");
    }
}
