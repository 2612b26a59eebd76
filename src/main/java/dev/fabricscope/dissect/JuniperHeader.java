package dev.fabricscope.dissect;

/**
 * The Juniper pseudo-header that starts every Juniper link type's record (Junos `monitor traffic ... write-file`),
 * shared by the dissector's walk and the printer: "MGC", a flags byte, with the extensions flag a 16-bit length
 * and that many bytes of TLVs; with the no-L2 flag 4 more bytes before an IP packet.
 */
public final class JuniperHeader {
    /** "MGC". */
    public static final int MAGIC = 0x4d4743;
    public static final int FLAG_IN = 0x01, FLAG_NO_L2 = 0x02, FLAG_EXTENSIONS = 0x80;

    private JuniperHeader() { }
}
