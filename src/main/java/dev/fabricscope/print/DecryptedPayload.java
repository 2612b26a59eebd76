package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;
import java.util.function.Consumer;

/**
 * Where -E's decryption puts a plaintext (tcpdump's pushed buffer): a packet holding the outer packet's bytes up to
 * the ciphertext and the plaintext there, so offsets into the outer headers (addresses, cookies) still hold. Two
 * buffers, for ESP or IKEv2 found inside a decrypted payload; grown as needed, else reused. One per printer
 * ({@link EspSecrets#plaintext}).
 */
final class DecryptedPayload {
    private byte[] a = new byte[0], b = new byte[0];
    private final Packet packetA = new Packet(), packetB = new Packet();

    /**
     * {@code length} bytes of ciphertext at {@code ct} in {@code p} (the IV at {@code iv}) decrypted with {@code sa}:
     * a packet of {@code ct + length} bytes, valid until the next call but one; null after {@code caller}'s warning.
     */
    Packet decrypt(String caller, EspSecrets.Sa sa, Consumer<String> warnings, Packet p, int iv, int ct, int length) {
        boolean useA = p.bytes() != a;   // a payload decrypted from A (or a view of it) goes to B
        byte[] plain = useA ? a : b;
        if (plain.length < ct + length) {
            plain = new byte[Math.max(ct + length, 2048)];
            if (useA) a = plain;
            else b = plain;
        }
        if (!sa.decrypt(caller, p.bytes(), p.offset() + iv, p.offset() + ct, length, plain, ct, warnings)) return null;
        p.copyTo(0, plain, 0, ct);
        Packet out = useA ? packetA : packetB;
        return out.set(plain, 0, ct + length, ct + length, p.timestampNanos(), p.interfaceId(), p.linkType(),
            p.frameNumber());
    }
}
