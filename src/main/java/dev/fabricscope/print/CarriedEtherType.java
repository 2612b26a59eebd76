package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * tcpdump's ethertype_print for a packet carried inside another whose protocol field is an ethertype (Geneve's):
 * the printer an Ethernet frame's payload of that type gets ({@link PacketPrinter}'s one dispatch on the ethertype),
 * over a view of the carried bytes as {@link Encapsulated} gives.
 */
interface CarriedEtherType {
    enum Result {
        PRINTED,
        /** tcpdump's ethertype_print has no printer for the type (or has one we lack): nothing printed. */
        NO_PRINTER,
        /** Packets are nested too deep to print another: nothing printed. */
        TOO_DEEP
    }

    /** The packet at {@code off} of {@code outer}: {@code length} bytes on the wire, {@code capLen} readable. */
    Result print(Packet outer, int off, int length, int capLen, int type, StringBuilder out);
}
