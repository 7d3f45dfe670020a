package org.cotejo.forensics.network.pcap.tcp;

/**
 * The bytes all reassembly buffers of one capture may hold together. A stream that cannot get more
 * stops collecting (and is counted) instead of growing the heap: memory stays bounded whatever the
 * capture's size or the number of flows open at once.
 */
public final class MemoryBudget {
    private final long limit;
    private long used;
    private long refusals;

    public MemoryBudget(long limit) {
        this.limit = limit;
    }

    /** Takes {@code bytes} from the budget; false (and counted) when that would go over the limit. */
    boolean take(long bytes) {
        if (used + bytes > limit) {
            refusals++;
            return false;
        }
        used += bytes;
        return true;
    }

    void give(long bytes) {
        used -= bytes;
    }

    public long used() { return used; }

    public long limit() { return limit; }

    /** How often a stream was refused memory and stopped collecting. */
    public long refusals() { return refusals; }
}
