package dev.fabricscope.rdma;

import static dev.fabricscope.testing.ByteArrays.hex;

import dev.fabricscope.capture.CaptureFiles;
import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.capture.PacketSource;
import dev.fabricscope.capture.ProblemReporter;
import dev.fabricscope.dissect.Dissector;
import dev.fabricscope.dissect.Layers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.BiConsumer;

/** Published RoCE/IB vectors (bytes verbatim from the sources named) and helpers to dissect them. */
final class RdmaTestFrames {
    private RdmaTestFrames() { }

    /**
     * libconntrack-cm tests/test_cnp.cpp {@code expected_cnp} (also in ISSUE 4): a raw IPv4 RoCEv2 CNP,
     * dest QP 0xd2, ICRC DA FC 1B EF.
     */
    static final byte[] LIBCONNTRACK_CNP = hex("4589003C98C640002011692716161608 16161607DBAE12B7002800008100FFFF"
        + "400000D2000000000000000000000000 0000000000000000DAFC1BEF");

    /**
     * PcapPlusPlus Tests/Packet++Test/PacketExamples/InfiniBandPacket.dat: Ethernet/IPv4/UDP 4791, RC RDMA
     * READ Request with RETH, dest QP 0x11, ICRC 08 C6 15 4A.
     */
    static final byte[] PCAPPLUSPLUS_READ_REQUEST = hex(
        "000c29ae1ca4000c2989a2e508004500"
        + "003cbe10400040118a4bc0a83881c0a8"
        + "3883df9412b7002800000c00ffff0000"
        + "00118054cb6300007fee260fb0000000"
        + "02b80001000008c6154a");

    /** scapy test/contrib/roce.uts "RoCE CNP captured on ConnectX-4 Lx": ICRC 82 FD 00 2A. */
    static final byte[] SCAPY_CNP_CX4LX = hex(
        "e41d2dab2bc27cfe90643b32080045c2"
        + "003c718c4000401191610a0011010a00"
        + "1201000012b7002800008100ffff4000"
        + "01180000000000000000000000000000"
        + "00000000000082fd002a");

    /** scapy roce.uts "RoCE v1 RC RDMA WRITE ONLY": ICRC E3 D8 56 BB. */
    static final byte[] SCAPY_ROCEV1_WRITE_ONLY = hex(
        "7cfe90753cd87cfe90753cd889156020"
        + "000000281b4000000000000000000000"
        + "ffff0f00000200000000000000000000"
        + "ffff0f0000020a70ffff0000010a80a7"
        + "88bc000055d4c0726000000047b30000"
        + "00050000000001000000e3d856bb");

    /** scapy roce.uts "RoCE v1 RC ACKNOWLEDGE": ICRC 25 F0 C0 38. */
    static final byte[] SCAPY_ROCEV1_ACK = hex(
        "7cfe90753cd87cfe90753cd889156020"
        + "000000141b4000000000000000000000"
        + "ffff0f00000200000000000000000000"
        + "ffff0f0000021140ffff0000010900a7"
        + "88c00000000525f0c038");

    /** A reused packet view over {@code bytes}. */
    static Packet packet(byte[] bytes, int linkType) {
        return new Packet().set(bytes, 0, bytes.length, bytes.length, 0, 0, linkType, 1);
    }

    static Packet ethernet(byte[] bytes) {
        return packet(bytes, LinkType.EN10MB);
    }

    static Layers dissect(Packet p) {
        Layers l = new Layers();
        Dissector.dissect(p, l);
        return l;
    }

    /** Dissects every frame of a capture file and hands it to {@code each}. */
    static void forEachFrame(Path file, BiConsumer<Packet, Layers> each) throws IOException {
        try (PacketSource src = CaptureFiles.open(file.toString(), ProblemReporter.IGNORE)) {
            Packet p = new Packet();
            Layers l = new Layers();
            while (src.next(p)) {
                Dissector.dissect(p, l);
                each.accept(p, l);
            }
        }
    }
}
