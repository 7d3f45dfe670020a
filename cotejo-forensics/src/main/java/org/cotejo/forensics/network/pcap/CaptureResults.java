package org.cotejo.forensics.network.pcap;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.module.ModuleContext;
import org.cotejo.forensics.module.SourceFile;
import org.cotejo.forensics.network.attribution.DeviceAddresses;
import org.cotejo.forensics.network.attribution.DeviceAttribution;
import org.cotejo.forensics.record.Fields;

/**
 * The records and problems of every capture module, from one pass over the captures. The first
 * capture module to run reads the captures ({@link CaptureScan}) and spills each module's output, in
 * order, to a file in the extraction's work area ({@link SpillCodec}); each module then replays its own file
 * ({@link #replay}). So a capture is read once however many modules look at it, and nothing grows in
 * memory with its size.
 */
final class CaptureResults {
    private final Path folder;
    private final List<SourceFile> files = new ArrayList<>();
    private final Map<String, SpillCodec.Writer> spills = new HashMap<>();

    private CaptureResults(Path folder) {
        this.folder = folder;
    }

    /** The results for this extraction, reading its captures now if no module has yet. */
    static CaptureResults of(ModuleContext ctx) throws IOException {
        Extraction x = ctx.extraction();
        var known = x.service(CaptureResults.class);
        if (known.isPresent()) return known.get();
        CaptureResults r = new CaptureResults(x.work().newFolder("pcap-scan"));
        x.with(CaptureResults.class, r);
        try {
            r.scan(ctx);
        } finally {
            r.closeSpills();
        }
        return r;
    }

    private void scan(ModuleContext ctx) throws IOException {
        ctx.extraction().tree().walk(e -> {
            if (e.isFile()) files.add(SourceFile.of(e));
        });
        files.sort(Comparator.comparing(SourceFile::path));
        DeviceAttribution devices = new DeviceAttribution(ctx.extraction().service(DeviceAddresses.class).orElse(DeviceAddresses.NONE));
        CaptureSink sink = new CaptureSink() {
            @Override public void record(String module, int file, long packet, Fields fields) { write(module, file, packet, fields, null); }

            @Override public void problem(String module, int file, String message) { write(module, file, 0, null, message); }
        };
        for (int i = 0; i < files.size(); i++) {
            SourceFile file = files.get(i);
            try (InputStream in = new BufferedInputStream(ctx.open(file), 8)) {
                in.mark(4);
                byte[] head = in.readNBytes(4);
                in.reset();
                if (!PcapReader.isCapture(head)) continue; // a folder's other files
                int index = i;
                try (PcapReader reader = new PcapReader(in, message -> sink.problem(PcapFlows.NAME, index, message))) {
                    new CaptureScan(sink, i, devices).run(reader);
                }
            } catch (IOException e) {
                sink.problem(PcapFlows.NAME, i, "not read to its end: " + e.getMessage());
            }
        }
    }

    private void write(String module, int file, long packet, Fields fields, String problem) {
        try {
            SpillCodec.Writer spill = spills.get(module);
            if (spill == null) {
                spill = new SpillCodec.Writer(Files.newOutputStream(folder.resolve(module + ".bin")));
                spills.put(module, spill);
            }
            if (fields != null) spill.record(file, packet, fields);
            else spill.problem(file, problem.length() > 16_000 ? problem.substring(0, 16_000) : problem);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the work area: " + e.getMessage(), e);
        }
    }

    private void closeSpills() throws IOException {
        for (SpillCodec.Writer w : spills.values()) w.close();
    }

    /** Emits the module's records and reports its problems, in the order the pass met them. */
    void replay(String module, ModuleContext ctx) throws IOException {
        Path spill = folder.resolve(module + ".bin");
        if (!Files.exists(spill)) return;
        try (SpillReader in = new SpillReader(Files.newInputStream(spill))) {
            while (in.next()) {
                SourceFile file = files.get(in.file());
                if (in.isProblem()) ctx.problem(file, in.problem());
                else ctx.emit(in.fields(), ctx.provenance(file, "packet " + in.packet()));
            }
        }
        Files.delete(spill);
    }
}
