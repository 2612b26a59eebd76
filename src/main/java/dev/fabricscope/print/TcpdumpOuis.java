package dev.fabricscope.print;

/**
 * The organization names tcpdump 4.99 prints for an OUI (its oui_values list): a short list of the OUIs
 * that protocols carry, not the IEEE registry, so that "OUI Cisco (0x00000c)" reads as tcpdump's does.
 * 00-80-c2 is both RFC 2684 bridging and IEEE 802.1; tcpdump's lookup finds "Ethernet bridged" first.
 */
final class TcpdumpOuis {
    private TcpdumpOuis() { }

    /** The name, or "Unknown" as tcpdump prints for an OUI it does not list. */
    static String name(int oui) {
        return switch (oui) {
            case 0x000000 -> "Ethernet";
            case 0x00000c -> "Cisco";
            case 0x00005e -> "IANA";
            case 0x000081 -> "Nortel Networks SONMP";
            case 0x0000f8 -> "Cisco bridged";
            case 0x0080c2 -> "Ethernet bridged";
            case 0x00a03e -> "ATM Forum";
            case 0x00e02f -> "DOCSIS Spanning Tree";
            case 0x080007 -> "Appletalk";
            case 0x009069 -> "Juniper";
            case 0x080009 -> "Hewlett-Packard";
            case 0x00120f -> "IEEE 802.3 Private";
            case 0x0012bb -> "ANSI/TIA";
            case 0x001b21 -> "DCBX";
            case 0x002320 -> "Nicira Networks";
            case 0x5c16c7 -> "Big Switch Networks";
            case 0xb0d2f5 -> "Vello Systems";
            case 0x002481 -> "HP";
            case 0x0004ea -> "HP-Labs";
            case 0x748771 -> "Infoblox Inc";
            case 0xa42305 -> "Open Networking Lab";
            case 0x00049f -> "Freescale";
            case 0x0015ad -> "Netronome";
            case 0x001018 -> "Broadcom";
            case 0x00e004 -> "PMC-Sierra";
            case 0xd0f0db -> "Ericsson";
            default -> "Unknown";
        };
    }
}
