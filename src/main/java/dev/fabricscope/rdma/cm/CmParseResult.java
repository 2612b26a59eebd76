package dev.fabricscope.rdma.cm;

import dev.fabricscope.rdma.MadBaseHeader;

/** What {@link CmParser} made of a MAD: a CM message, another class's MAD, or a malformation. */
public sealed interface CmParseResult {
    record Decoded(MadBaseHeader mad, CmMessage message) implements CmParseResult { }

    /** A well-formed MAD header of a class other than CM (SubnAdm, Perf, ...). */
    record NotCm(MadBaseHeader mad) implements CmParseResult { }

    /**
     * @param mad the header when it could be read, else null
     * @param offset byte offset (in the packet) of the problem
     */
    record Malformed(MadBaseHeader mad, String reason, int offset) implements CmParseResult { }
}
