package org.cotejo.forensics.network.pcap;

import org.cotejo.forensics.record.Fields;

/** Where one pass over the captures puts what it reads, per module: records and problems. */
interface CaptureSink {
    /** A record of {@code module} read from capture number {@code file}, first seen in {@code packet}. */
    void record(String module, int file, long packet, Fields fields);

    /** A problem of {@code module} in capture number {@code file}. */
    void problem(String module, int file, String message);
}
