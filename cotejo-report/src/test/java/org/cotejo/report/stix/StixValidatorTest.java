package org.cotejo.report.stix;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;
import org.cotejo.core.indicator.Tlp;
import org.cotejo.report.SampleReports;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StixValidatorTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static JsonNode sample;

    @BeforeAll
    static void write() {
        sample = new StixBundleWriter().bundle(SampleReports.twoCountries());
    }

    /** A copy of the sample bundle with the first object of {@code type} changed; returns the problems and that object's id. */
    private static Broken breakFirst(String type, Consumer<ObjectNode> change) {
        JsonNode copy = sample.deepCopy();
        for (JsonNode o : copy.path("objects")) {
            if (o.path("type").asText().equals(type)) {
                String id = o.path("id").asText();
                change.accept((ObjectNode) o);
                return new Broken(id, StixValidator.validate(copy));
            }
        }
        throw new AssertionError("the sample bundle has no " + type);
    }

    private record Broken(String id, List<StixProblem> problems) {}

    @Test
    void aDanglingReferenceIsNamedWithItsObjectAndProperty() {
        Broken b = breakFirst("sighting", o -> o.put("sighting_of_ref", "indicator--2b8e1b1e-5f6a-4c1d-9a3e-0c9d7f1e2a4b"));
        assertThat(b.problems()).singleElement().satisfies(p -> {
            assertThat(p.objectId()).isEqualTo(b.id());
            assertThat(p.property()).isEqualTo("sighting_of_ref");
            assertThat(p.message()).contains("is not in the bundle");
        });
    }

    @Test
    void anIdThatIsNotTypeDashDashUuidIsAProblem() {
        Broken b = breakFirst("malware", o -> o.put("id", "malware--pegasus"));
        assertThat(b.problems()).anySatisfy(p -> {
            assertThat(p.objectId()).isEqualTo("malware--pegasus");
            assertThat(p.property()).isEqualTo("id");
            assertThat(p.message()).contains("not a lower-case RFC 4122 UUID");
        });
        // The relationships that pointed to the old id now dangle, and say so.
        assertThat(b.problems()).anySatisfy(p -> assertThat(p.property()).isEqualTo("target_ref"));
    }

    @Test
    void anIndicatorWithoutPatternIsMissingARequiredProperty() {
        Broken b = breakFirst("indicator", o -> o.remove("pattern"));
        assertThat(b.problems()).containsExactly(new StixProblem(b.id(), "pattern", "required property missing"));
    }

    @Test
    void aMarkingThatIsNeitherInTheBundleNorATlpMarkingIsAProblem() {
        Broken b = breakFirst("indicator", o -> o.putArray("object_marking_refs").add("marking-definition--0c8f2c6e-1b7a-4e3f-8d2a-5b6c7d8e9f01"));
        assertThat(b.problems()).singleElement().satisfies(p -> {
            assertThat(p.objectId()).isEqualTo(b.id());
            assertThat(p.property()).isEqualTo("object_marking_refs");
            assertThat(p.message()).contains("not a TLP marking");
        });
    }

    @Test
    void tlpMarkingsAreKnownByTheirFixedIdsEvenOutsideTheBundle() {
        Broken b = breakFirst("indicator", o -> o.putArray("object_marking_refs").add(Tlp.RED.stixTlp2Id())
                .add("marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed"));
        assertThat(b.problems()).isEmpty();
    }

    @Test
    void aTlpMarkingWhoseLevelContradictsItsIdIsAProblem() {
        Broken b = breakFirst("marking-definition", o -> ((ObjectNode) o.path("extensions").path(Tlp.TLP2_EXTENSION_ID)).put("tlp_2_0", "clear"));
        assertThat(b.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("TLP:AMBER"));
    }

    @Test
    void confidenceOutsideZeroToAHundredIsAProblem() {
        Broken b = breakFirst("intrusion-set", o -> o.put("confidence", 150));
        assertThat(b.problems()).containsExactly(new StixProblem(b.id(), "confidence", "must be an integer from 0 to 100"));
    }

    @Test
    void timestampsMustBeUtcWithZAndCreatedNotAfterModified() {
        Broken offset = breakFirst("indicator", o -> o.put("valid_from", "2026-11-28T10:00:00+01:00"));
        assertThat(offset.problems()).extracting(StixProblem::property).containsExactly("valid_from");
        Broken late = breakFirst("indicator", o -> o.put("created", "2027-01-01T00:00:00.000Z"));
        assertThat(late.problems()).containsExactly(new StixProblem(late.id(), "created", "must not be later than modified"));
    }

    @Test
    void referencesMustPointToTheTypeTheirPropertyAllows() {
        String indicatorId = sample.path("objects").findValuesAsText("sighting_of_ref").get(0);
        Broken b = breakFirst("malware", o -> o.put("created_by_ref", indicatorId));
        assertThat(b.problems()).singleElement().satisfies(p -> {
            assertThat(p.property()).isEqualTo("created_by_ref");
            assertThat(p.message()).contains("must point to identity");
        });
    }

    @Test
    void aMalwareFamilyNeedsAName() {
        Broken b = breakFirst("malware", o -> o.remove("name"));
        assertThat(b.problems()).containsExactly(new StixProblem(b.id(), "name", "required property missing"));
    }

    @Test
    void aSpecVersionOtherThan21AndAnUnknownTypeAreProblems() {
        Broken b = breakFirst("intrusion-set", o -> o.put("spec_version", "2.0"));
        assertThat(b.problems()).extracting(StixProblem::property).containsExactly("spec_version");
        ObjectNode bundle = MAPPER.createObjectNode();
        bundle.put("type", "bundle");
        bundle.put("id", "bundle--6b1f3a0e-2c4d-4e5f-8a9b-0c1d2e3f4a5b");
        ObjectNode custom = bundle.putArray("objects").addObject();
        custom.put("type", "x-phone");
        custom.put("spec_version", "2.1");
        custom.put("id", "x-phone--6b1f3a0e-2c4d-4e5f-8a9b-0c1d2e3f4a5c");
        assertThat(StixValidator.validate(bundle)).extracting(StixProblem::message)
                .containsExactly("\"x-phone\" is not a STIX 2.1 object type and no extension definition declares it");
    }

    @Test
    void textThatIsNotJsonIsOneProblem() {
        assertThat(StixValidator.validate("{\"type\": \"bundle\",".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .singleElement().satisfies(p -> assertThat(p.message()).startsWith("not JSON"));
    }
}
