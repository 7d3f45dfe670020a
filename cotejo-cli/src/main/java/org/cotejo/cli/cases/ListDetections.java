package org.cotejo.cli.cases;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.Callable;
import org.cotejo.core.CotejoException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "detections", header = "Every detection stored in the case (of one device with --device), with its indicator, feed and source.",
        mixinStandardHelpOptions = true)
final class ListDetections implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CaseOptions options;

    @Option(names = "--device", paramLabel = "LABEL")
    String device;

    @Option(names = "--json", description = "JSON Lines, one detection per line.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        try (OpenCase c = OpenCase.open(options, CaseCommand.commandLine(spec))) {
            var list = c.store.read(h -> {
                String id = device == null ? null : c.store.findDevice(h, c.id(), device)
                        .orElseThrow(() -> new CotejoException("the case has no device " + device)).id();
                return c.store.detections(h, c.id(), id);
            });
            ObjectMapper mapper = new ObjectMapper();
            for (var d : list) {
                if (json) out.println(mapper.writeValueAsString(asMap(d)));
                else out.println(d.level() + " [" + d.disposition() + "] " + d.message() + " — " + d.sourceFile() + ", " + d.locator()
                        + " (feed " + d.feedSha256().substring(0, 12) + "…)");
            }
            if (!json && list.isEmpty()) out.println("No detections.");
            out.flush();
            return 0;
        }
    }

    /** The record's components by name, times as ISO 8601 text. */
    static java.util.Map<String, Object> asMap(Record r) throws ReflectiveOperationException {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (var c : r.getClass().getRecordComponents()) {
            Object v = c.getAccessor().invoke(r);
            m.put(c.getName(), v instanceof java.time.Instant t ? t.toString() : v);
        }
        return m;
    }
}
