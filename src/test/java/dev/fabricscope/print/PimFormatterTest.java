package dev.fabricscope.print;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.List;

/**
 * PIM ({@link PimFrames}: every PIMv2 message type over IPv4 and IPv6, Hello options, Register with the packet it
 * carries, encoded and RFC 2117 addresses, checksums right, wrong and absent, malformed lengths) against tcpdump 4.99
 * itself, in every verbosity, whole, cut after every byte, and with random bytes changed (half of them also cut
 * short). A deeper run: {@code PIM_SEED=7 PIM_ROUNDS=1000 mvn -o surefire:test -Dtest='PimFormatterTest#mutants*'}.
 */
class PimFormatterTest extends TcpdumpConformance {
    @Override
    List<Frame> frames() {
        return PimFrames.frames();
    }

    /** Cut after the IPv4 header's length for every frame, as before; mutated after the IPv6 or IPv4 header. */
    @Override
    int start(byte[] frame) {
        return 14 + 20;
    }

    @Override
    int mutantStart(byte[] frame) {
        return (frame[12] & 0xff) == 0x86 ? 14 + 40 : 14 + 20;
    }

    private Mutants mutants() {
        return new Mutants("PIM", 103, 30, 4, 0, (original, bytes, pim) -> {
            keepCarriedPacket(original, bytes, pim);
            return true;
        });
    }

    /**
     * A Register carries a whole IP packet, which the IP printer prints: random bytes there would test that printer's
     * coverage of tcpdump rather than PIM's, so a Register's carried packet stays as built, and no other message
     * becomes a Register.
     */
    private static void keepCarriedPacket(byte[] base, byte[] mutant, int pim) {
        boolean register = (base[pim] & 0x0f) == 1;
        if (register) System.arraycopy(base, pim + 8, mutant, pim + 8, base.length - pim - 8);
        else if ((mutant[pim] & 0x0f) == 1) mutant[pim] = base[pim];
    }

    @Override
    Checks checks() {
        return Checks.of(mutants())
            .cut("-x", "-v -x", "-vv -x")
            .mutated("-v -x", "-vv -x", "")
            .allocation("-vv -x")
            .repeats(2_000);
    }
}
