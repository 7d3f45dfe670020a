package org.cotejo.report.stix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The validator on the public spyware bundles of the shared corpus (COTEJO_CORPUS, outside the
 * repository): it must not cry wolf on bundles other tools load, and it must see the one real fault.
 */
class StixValidatorCorpusTest {
    @Test
    void publishedSpywareBundlesPassExceptOneRelationshipWhoseIndicatorIsMissing() throws IOException {
        String env = System.getenv("COTEJO_CORPUS");
        assumeTrue(env != null && Files.isDirectory(Path.of(env, "iocs")), "COTEJO_CORPUS not set: corpus tests skipped");
        List<Path> bundles;
        try (Stream<Path> files = Files.walk(Path.of(env, "iocs"))) {
            bundles = files.filter(p -> p.toString().endsWith(".stix2")).sorted().toList();
        }
        assertThat(bundles).isNotEmpty();
        Map<String, List<StixProblem>> problems = new TreeMap<>();
        for (Path b : bundles) {
            List<StixProblem> found = StixValidator.validate(Files.readAllBytes(b));
            if (!found.isEmpty()) problems.put(b.getFileName().toString(), found);
        }
        // Amnesty's Wintego Helios bundle relates an indicator it does not contain (as published).
        assertThat(problems).containsOnlyKeys("wintego_helios.stix2");
        assertThat(problems.get("wintego_helios.stix2")).singleElement().satisfies(p -> {
            assertThat(p.property()).isEqualTo("source_ref");
            assertThat(p.message()).contains("is not in the bundle");
        });
    }
}
