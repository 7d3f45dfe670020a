package org.cotejo.forensics.plist;

import static org.assertj.core.api.Assertions.assertThat;

import com.dd.plist.NSArray;
import com.dd.plist.NSData;
import com.dd.plist.NSDate;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSNumber;
import com.dd.plist.UID;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlistValuesTest {
    private static final NSDate WHOLE_SECOND = new NSDate(Date.from(Instant.parse("2021-03-01T10:00:00Z")));

    @Test
    void keepsTheKeyOrderOfTheFileAndWritesDatesAsMvtTimeAndDataAsBase64() {
        NSDictionary d = new NSDictionary();
        d.put("z", WHOLE_SECOND);
        d.put("a", new NSData(new byte[] {1, 2, (byte) 0xff}));
        d.put("m", new NSArray(new NSNumber(7), new NSNumber(true), new NSNumber(1.5)));
        d.put("u", new UID("ref", new byte[] {3}));

        @SuppressWarnings("unchecked")
        Map<String, Object> value = (Map<String, Object>) PlistValues.json(d);

        assertThat(value.keySet()).containsExactly("z", "a", "m", "u");
        assertThat(value.get("z")).isEqualTo("2021-03-01 10:00:00.000000");
        assertThat(value.get("a")).isEqualTo("AQL/");
        assertThat(value.get("m")).isEqualTo(List.of(7L, true, 1.5));
        assertThat(value.get("u")).isEqualTo(3L);
        assertThat(PlistValues.fields(d).keys()).containsExactly("z", "a", "m", "u");
    }

    @Test
    void writesDatesDataAndUidsAsPythonDoesForMvtCompatibleRecords() {
        assertThat(PlistValues.pythonJson(WHOLE_SECOND)).isEqualTo("2021-03-01 10:00:00");
        assertThat(PlistValues.pythonJson(new NSDate(Date.from(Instant.parse("2021-03-01T10:00:00.250Z")))))
                .isEqualTo("2021-03-01 10:00:00.250000");
        assertThat(PlistValues.pythonJson(new NSData("host.example.org".getBytes()))).isEqualTo("host.example.org");
        assertThat(PlistValues.pythonJson(new UID("ref", new byte[] {3}))).isEqualTo("UID(3)");
    }

    @Test
    void plistDataThatIsNotUtf8IsWrittenWithByteEscapes() {
        assertThat(PlistValues.escapedUtf8(new byte[] {'o', 'k', (byte) 0xff, 'x'})).isEqualTo("ok\\xffx");
    }
}
