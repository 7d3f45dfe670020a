package org.cotejo.forensics.android.dumpsys;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cotejo.forensics.android.bugreport.BugreportBuilder;
import org.cotejo.forensics.android.bugreport.Bugreports;
import org.cotejo.forensics.testing.ModuleHarness;

/** Writes a bugreport zip with a builder and runs the named modules over it. */
final class DumpsysRun {
    private DumpsysRun() {}

    static ModuleHarness.Result run(BugreportBuilder b, String... modules) throws Exception {
        Path dir = Files.createTempDirectory("bugreport-test");
        try {
            return ModuleHarness.run(Bugreports.open(b.zip(dir.resolve("bugreport.zip"))), modules);
        } finally {
            org.cotejo.core.Folders.delete(dir);
        }
    }
}
