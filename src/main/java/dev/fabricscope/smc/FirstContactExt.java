package dev.fabricscope.smc;

/**
 * The SMCv2 first-contact extension of Accept/Confirm (kernel struct smc_clc_first_contact_ext, 36 bytes):
 * v2-direct bit (SMC-R), 7 reserved bits, OS type, release, 2 reserved bytes, 32-byte hostname; followed in
 * release 1 (v2.1) by {@link V2x} (struct smc_clc_first_contact_ext_v2x, 52 bytes in all).
 *
 * @param v2x null for the 36-byte form
 */
public record FirstContactExt(int v2Direct, int reservedBits, int osType, int release, byte[] reserved2,
                              byte[] hostname, V2x v2x) {
    public static final int LENGTH = 36;
    public static final int LENGTH_V2X = 52;

    /** The first byte as sent (v2-direct bit and reserved bits). */
    public int firstByte() {
        return v2Direct << 7 | reservedBits;
    }

    /**
     * The v2.x part: max connections and max links (SMC-R; reserved for SMC-D), feature mask, vendor
     * experimental options, 8 reserved bytes.
     */
    public record V2x(int maxConns, int maxLinks, int featureMask, long vendorExpOptions, byte[] reserved) { }
}
