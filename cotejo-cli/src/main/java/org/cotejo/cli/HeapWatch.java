package org.cotejo.cli;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * For `cotejo bench ios` (enabled by COTEJO_PEAK_HEAP_FILE): the largest heap still in use after a
 * garbage collection, i.e. the data the run really held, and the largest heap occupied at any time.
 * Written as "live MiB, occupied MiB" when the command ends.
 */
final class HeapWatch {
    private final AtomicLong live = new AtomicLong();
    private final AtomicLong occupied = new AtomicLong();

    static HeapWatch start() {
        HeapWatch w = new HeapWatch();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!(gc instanceof NotificationEmitter emitter)) continue;
            emitter.addNotificationListener((n, handback) -> {
                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) return;
                var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData()).getGcInfo();
                w.live.accumulateAndGet(sum(info.getMemoryUsageAfterGc().values()), Math::max);
                w.occupied.accumulateAndGet(sum(info.getMemoryUsageBeforeGc().values()), Math::max);
            }, null, null);
        }
        return w;
    }

    private static long sum(java.util.Collection<MemoryUsage> pools) {
        long total = 0;
        for (MemoryUsage u : pools) total += u.getUsed();
        return total;
    }

    void writeTo(Path file) {
        long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        occupied.accumulateAndGet(now, Math::max);
        try {
            Files.writeString(file, (live.get() >> 20) + " " + (occupied.get() >> 20));
        } catch (IOException e) {
            System.err.println("cotejo: cannot write " + file + ": " + e.getMessage());
        }
    }
}
