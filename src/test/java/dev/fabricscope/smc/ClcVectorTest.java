package dev.fabricscope.smc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The published unit-test vectors of hwipl/smc-go (smc-clc's decoder; MIT license), commit
 * ca917b025fe211244e3a3eb2f225b942843ac78b, pkg/clc/*_test.go: the message bytes and the two texts smc-go's
 * tests expect for them (String() and Reserved(), i.e. smc-clc's plain and -show-reserved output). Data only.
 */
class ClcVectorTest {
    record Vector(String name, String hex, String text, String reservedText) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Vector> VECTORS = List.of(
        new Vector("TestParseSMCDAccept",
            "e2d4c3c4020030110123456789abcdef0123456789abcdefff100000ffffffff000000000000000000000000e2" +
            "d4c3c4",
            "Accept: Eyecatcher: SMC-D, Type: 2 (Accept), Length: 48, Version: 1, First Contact: 0, Pat" +
            "h: SMC-D, SMC-D GID: 81985529216486895, SMC-D Token: 81985529216486895, DMBE Index: 255, D" +
            "MBE Size: 1 (32768), Link ID: 4294967295, Trailer: SMC-D",
            "Accept: Eyecatcher: SMC-D, Type: 2 (Accept), Length: 48, Version: 1, First Contact: 0, Res" +
            "erved: 0x0, Path: SMC-D, SMC-D GID: 81985529216486895, SMC-D Token: 81985529216486895, DMB" +
            "E Index: 255, DMBE Size: 1 (32768), Reserved: 0x0, Reserved: 0x0000, Link ID: 4294967295, " +
            "Reserved: 0x000000000000000000000000, Trailer: SMC-D"),
        new Vector("TestParseSMCDv2Accept",
            "e2d4c3c402004e210123456789abcdef0123456789abcdefff100000ffffffff0123546869734973534d437632" +
            "4549443031000000000000000000000000000000000000000000000000e2d4c3c4",
            "Accept: Eyecatcher: SMC-D, Type: 2 (Accept), Length: 78, Version: 2, First Contact: 0, Pat" +
            "h: SMC-D, SMC-D GID: 81985529216486895, SMC-D Token: 81985529216486895, DMBE Index: 255, D" +
            "MBE Size: 1 (32768), Link ID: 4294967295, ISMv2 VCHID: 291, EID: ThisIsSMCv2EID01, Trailer" +
            ": SMC-D",
            "Accept: Eyecatcher: SMC-D, Type: 2 (Accept), Length: 78, Version: 2, First Contact: 0, Res" +
            "erved: 0x0, Path: SMC-D, SMC-D GID: 81985529216486895, SMC-D Token: 81985529216486895, DMB" +
            "E Index: 255, DMBE Size: 1 (32768), Reserved: 0x0, Reserved: 0x0000, Link ID: 4294967295, " +
            "ISMv2 VCHID: 291, EID: ThisIsSMCv2EID01, Reserved: 0x0000000000000000, Trailer: SMC-D"),
        new Vector("TestParseSMCDv2FCEAccept",
            "e2d4c3c4020072290123456789abcdef0123456789abcdefff100000ffffffff0123546869734973534d437632" +
            "454944303100000000000000000000000000000000000000000000000000200000546869734973486f73746e61" +
            "6d65303100000000000000000000000000000000e2d4c3c4",
            "Accept: Eyecatcher: SMC-D, Type: 2 (Accept), Length: 114, Version: 2, First Contact: 1, Pa" +
            "th: SMC-D, SMC-D GID: 81985529216486895, SMC-D Token: 81985529216486895, DMBE Index: 255, " +
            "DMBE Size: 1 (32768), Link ID: 4294967295, ISMv2 VCHID: 291, EID: ThisIsSMCv2EID01, OS Typ" +
            "e: 2 (Linux), Release: 0, Hostname: ThisIsHostname01, Trailer: SMC-D",
            "Accept: Eyecatcher: SMC-D, Type: 2 (Accept), Length: 114, Version: 2, First Contact: 1, Re" +
            "served: 0x0, Path: SMC-D, SMC-D GID: 81985529216486895, SMC-D Token: 81985529216486895, DM" +
            "BE Index: 255, DMBE Size: 1 (32768), Reserved: 0x0, Reserved: 0x0000, Link ID: 4294967295," +
            " ISMv2 VCHID: 291, EID: ThisIsSMCv2EID01, Reserved: 0x0000000000000000, Reserved: 0x0, OS " +
            "Type: 2 (Linux), Release: 0, Reserved: 0x0000, Hostname: ThisIsHostname01, Trailer: SMC-D"),
        new Vector("TestParseSMCRAccept",
            "e2d4c3d902004418b1a098039babcdeffe800000000000009a039bfffeabcdef98039babcdef0000e40000157d" +
            "0100000005230000000000f0a600000072f5fee2d4c3d9",
            "Accept: Eyecatcher: SMC-R, Type: 2 (Accept), Length: 68, Version: 1, First Contact: 1, Pat" +
            "h: SMC-R, Peer ID: 45472@98:03:9b:ab:cd:ef, SMC-R GID: fe80::9a03:9bff:feab:cdef, RoCE MAC" +
            ": 98:03:9b:ab:cd:ef, QP Number: 228, RMB RKey: 5501, RMBE Index: 1, RMBE Alert Token: 5, R" +
            "MBE Size: 2 (65536), QP MTU: 3 (1024), RMB Virtual Address: 0xf0a60000, Packet Sequence Nu" +
            "mber: 7534078, Trailer: SMC-R",
            "Accept: Eyecatcher: SMC-R, Type: 2 (Accept), Length: 68, Version: 1, First Contact: 1, Res" +
            "erved: 0x0, Path: SMC-R, Peer ID: 45472@98:03:9b:ab:cd:ef, SMC-R GID: fe80::9a03:9bff:feab" +
            ":cdef, RoCE MAC: 98:03:9b:ab:cd:ef, QP Number: 228, RMB RKey: 5501, RMBE Index: 1, RMBE Al" +
            "ert Token: 5, RMBE Size: 2 (65536), QP MTU: 3 (1024), Reserved: 0x0, RMB Virtual Address: " +
            "0xf0a60000, Reserved: 0x0, Packet Sequence Number: 7534078, Trailer: SMC-R"),
        new Vector("TestParseSMCDConfirm",
            "e2d4c3c4030030110123456789abcdef0123456789abcdefff100000ffffffff000000000000000000000000e2" +
            "d4c3c4",
            "Confirm: Eyecatcher: SMC-D, Type: 3 (Confirm), Length: 48, Version: 1, Flag: 0, Path: SMC-" +
            "D, SMC-D GID: 81985529216486895, SMC-D Token: 81985529216486895, DMBE Index: 255, DMBE Siz" +
            "e: 1 (32768), Link ID: 4294967295, Trailer: SMC-D",
            "Confirm: Eyecatcher: SMC-D, Type: 3 (Confirm), Length: 48, Version: 1, Flag: 0, Reserved: " +
            "0x0, Path: SMC-D, SMC-D GID: 81985529216486895, SMC-D Token: 81985529216486895, DMBE Index" +
            ": 255, DMBE Size: 1 (32768), Reserved: 0x0, Reserved: 0x0000, Link ID: 4294967295, Reserve" +
            "d: 0x000000000000000000000000, Trailer: SMC-D"),
        new Vector("TestParseSMCDv2Confirm",
            "e2d4c3c403004e210123456789abcdef0123456789abcdefff100000ffffffff0123546869734973534d437632" +
            "4549443031000000000000000000000000000000000000000000000000e2d4c3c4",
            "Confirm: Eyecatcher: SMC-D, Type: 3 (Confirm), Length: 78, Version: 2, First Contact: 0, P" +
            "ath: SMC-D, SMC-D GID: 81985529216486895, SMC-D Token: 81985529216486895, DMBE Index: 255," +
            " DMBE Size: 1 (32768), Link ID: 4294967295, ISMv2 VCHID: 291, EID: ThisIsSMCv2EID01, Trail" +
            "er: SMC-D",
            "Confirm: Eyecatcher: SMC-D, Type: 3 (Confirm), Length: 78, Version: 2, First Contact: 0, R" +
            "eserved: 0x0, Path: SMC-D, SMC-D GID: 81985529216486895, SMC-D Token: 81985529216486895, D" +
            "MBE Index: 255, DMBE Size: 1 (32768), Reserved: 0x0, Reserved: 0x0000, Link ID: 4294967295" +
            ", ISMv2 VCHID: 291, EID: ThisIsSMCv2EID01, Reserved: 0x0000000000000000, Trailer: SMC-D"),
        new Vector("TestParseSMCDv2FCEConfirm",
            "e2d4c3c4030072290123456789abcdef0123456789abcdefff100000ffffffff0123546869734973534d437632" +
            "454944303100000000000000000000000000000000000000000000000000200000546869734973486f73746e61" +
            "6d65303100000000000000000000000000000000e2d4c3c4",
            "Confirm: Eyecatcher: SMC-D, Type: 3 (Confirm), Length: 114, Version: 2, First Contact: 1, " +
            "Path: SMC-D, SMC-D GID: 81985529216486895, SMC-D Token: 81985529216486895, DMBE Index: 255" +
            ", DMBE Size: 1 (32768), Link ID: 4294967295, ISMv2 VCHID: 291, EID: ThisIsSMCv2EID01, OS T" +
            "ype: 2 (Linux), Release: 0, Hostname: ThisIsHostname01, Trailer: SMC-D",
            "Confirm: Eyecatcher: SMC-D, Type: 3 (Confirm), Length: 114, Version: 2, First Contact: 1, " +
            "Reserved: 0x0, Path: SMC-D, SMC-D GID: 81985529216486895, SMC-D Token: 81985529216486895, " +
            "DMBE Index: 255, DMBE Size: 1 (32768), Reserved: 0x0, Reserved: 0x0000, Link ID: 429496729" +
            "5, ISMv2 VCHID: 291, EID: ThisIsSMCv2EID01, Reserved: 0x0000000000000000, Reserved: 0x0, O" +
            "S Type: 2 (Linux), Release: 0, Reserved: 0x0000, Hostname: ThisIsHostname01, Trailer: SMC-" +
            "D"),
        new Vector("TestParseSMCRConfirm",
            "e2d4c3d903004410b1a098039babcdeffe800000000000009a039bfffeabcdef98039babcdef0000e50000187f" +
            "0100000006230000000000f0a40000000d89a4e2d4c3d9",
            "Confirm: Eyecatcher: SMC-R, Type: 3 (Confirm), Length: 68, Version: 1, Flag: 0, Path: SMC-" +
            "R, Peer ID: 45472@98:03:9b:ab:cd:ef, SMC-R GID: fe80::9a03:9bff:feab:cdef, RoCE MAC: 98:03" +
            ":9b:ab:cd:ef, QP Number: 229, RMB RKey: 6271, RMBE Index: 1, RMBE Alert Token: 6, RMBE Siz" +
            "e: 2 (65536), QP MTU: 3 (1024), RMB Virtual Address: 0xf0a40000, Packet Sequence Number: 8" +
            "87204, Trailer: SMC-R",
            "Confirm: Eyecatcher: SMC-R, Type: 3 (Confirm), Length: 68, Version: 1, Flag: 0, Reserved: " +
            "0x0, Path: SMC-R, Peer ID: 45472@98:03:9b:ab:cd:ef, SMC-R GID: fe80::9a03:9bff:feab:cdef, " +
            "RoCE MAC: 98:03:9b:ab:cd:ef, QP Number: 229, RMB RKey: 6271, RMBE Index: 1, RMBE Alert Tok" +
            "en: 6, RMBE Size: 2 (65536), QP MTU: 3 (1024), Reserved: 0x0, RMB Virtual Address: 0xf0a40" +
            "000, Reserved: 0x0, Packet Sequence Number: 887204, Trailer: SMC-R"),
        new Vector("TestParseCLCDecline",
            "e2d4c3d904001c1025252525252525000303000000000000e2d4c3d9",
            "Decline: Eyecatcher: SMC-R, Type: 4 (Decline), Length: 28, Version: 1, Out of Sync: 0, Pat" +
            "h: SMC-R, Peer ID: 9509@25:25:25:25:25:00, Peer Diagnosis: 0x3030000 (no SMC device found " +
            "(R or D)), Trailer: SMC-R",
            "Decline: Eyecatcher: SMC-R, Type: 4 (Decline), Length: 28, Version: 1, Out of Sync: 0, Res" +
            "erved: 0x0, Path: SMC-R, Peer ID: 9509@25:25:25:25:25:00, Peer Diagnosis: 0x3030000 (no SM" +
            "C device found (R or D)), Reserved: 0x00000000, Trailer: SMC-R"),
        new Vector("TestParseCLCDeclineV2",
            "e2d4c3d904001c2025252525252525000303000020000000e2d4c3d9",
            "Decline: Eyecatcher: SMC-R, Type: 4 (Decline), Length: 28, Version: 2, Out of Sync: 0, Pat" +
            "h: SMC-R, Peer ID: 9509@25:25:25:25:25:00, Peer Diagnosis: 0x3030000 (no SMC device found " +
            "(R or D)), OS Type: 2 (Linux), Trailer: SMC-R",
            "Decline: Eyecatcher: SMC-R, Type: 4 (Decline), Length: 28, Version: 2, Out of Sync: 0, Res" +
            "erved: 0x0, Path: SMC-R, Peer ID: 9509@25:25:25:25:25:00, Peer Diagnosis: 0x3030000 (no SM" +
            "C device found (R or D)), OS Type: 2 (Linux), Reserved: 0x00000000, Trailer: SMC-R"),
        new Vector("TestParseCLCProposalSMCRIPv4",
            "e2d4c3d901003410b1a098039babcdeffe800000000000009a039bfffeabcdef98039babcdef00007f00000008" +
            "000000e2d4c3d9",
            "Proposal: Eyecatcher: SMC-R, Type: 1 (Proposal), Length: 52, Version: 1, Flag: 0, Path: SM" +
            "C-R, Peer ID: 45472@98:03:9b:ab:cd:ef, SMC-R GID: fe80::9a03:9bff:feab:cdef, RoCE MAC: 98:" +
            "03:9b:ab:cd:ef, IP Area Offset: 0, IPv4 Prefix: 127.0.0.0/8, IPv6 Prefix Count: 0, Trailer" +
            ": SMC-R",
            "Proposal: Eyecatcher: SMC-R, Type: 1 (Proposal), Length: 52, Version: 1, Flag: 0, Reserved" +
            ": 0x0, Path: SMC-R, Peer ID: 45472@98:03:9b:ab:cd:ef, SMC-R GID: fe80::9a03:9bff:feab:cdef" +
            ", RoCE MAC: 98:03:9b:ab:cd:ef, IP Area Offset: 0, IPv4 Prefix: 127.0.0.0/8, Reserved: 0x00" +
            "00, IPv6 Prefix Count: 0, Trailer: SMC-R"),
        new Vector("TestParseCLCProposalSMCDIPv4",
            "e2d4c3c401005c11b1a098039babcdef0000000000000000000000000000000000000000000000280123456789" +
            "abcdef00000000000000000000000000000000000000000000000000000000000000007f00000008000000e2d4" +
            "c3c4",
            "Proposal: Eyecatcher: SMC-D, Type: 1 (Proposal), Length: 92, Version: 1, Flag: 0, Path: SM" +
            "C-D, Peer ID: 45472@98:03:9b:ab:cd:ef, SMC-R GID: ::, RoCE MAC: 00:00:00:00:00:00, IP Area" +
            " Offset: 40, SMC-D GID: 81985529216486895, IPv4 Prefix: 127.0.0.0/8, IPv6 Prefix Count: 0," +
            " Trailer: SMC-D",
            "Proposal: Eyecatcher: SMC-D, Type: 1 (Proposal), Length: 92, Version: 1, Flag: 0, Reserved" +
            ": 0x0, Path: SMC-D, Peer ID: 45472@98:03:9b:ab:cd:ef, SMC-R GID: ::, RoCE MAC: 00:00:00:00" +
            ":00:00, IP Area Offset: 40, SMC-D GID: 81985529216486895, Reserved: 0x00000000000000000000" +
            "00000000000000000000000000000000000000000000, IPv4 Prefix: 127.0.0.0/8, Reserved: 0x0000, " +
            "IPv6 Prefix Count: 0, Trailer: SMC-D"),
        new Vector("TestParseCLCProposalSMCBIPv4",
            "e2d4c3d901005c13b1a098039babcdeffe800000000000009a039bfffeabcdef98039babcdef00280123456789" +
            "abcdef00000000000000000000000000000000000000000000000000000000000000007f00000008000000e2d4" +
            "c3d9",
            "Proposal: Eyecatcher: SMC-R, Type: 1 (Proposal), Length: 92, Version: 1, Flag: 0, Path: SM" +
            "C-R + SMC-D, Peer ID: 45472@98:03:9b:ab:cd:ef, SMC-R GID: fe80::9a03:9bff:feab:cdef, RoCE " +
            "MAC: 98:03:9b:ab:cd:ef, IP Area Offset: 40, SMC-D GID: 81985529216486895, IPv4 Prefix: 127" +
            ".0.0.0/8, IPv6 Prefix Count: 0, Trailer: SMC-R",
            "Proposal: Eyecatcher: SMC-R, Type: 1 (Proposal), Length: 92, Version: 1, Flag: 0, Reserved" +
            ": 0x0, Path: SMC-R + SMC-D, Peer ID: 45472@98:03:9b:ab:cd:ef, SMC-R GID: fe80::9a03:9bff:f" +
            "eab:cdef, RoCE MAC: 98:03:9b:ab:cd:ef, IP Area Offset: 40, SMC-D GID: 81985529216486895, R" +
            "eserved: 0x0000000000000000000000000000000000000000000000000000000000000000, IPv4 Prefix: " +
            "127.0.0.0/8, Reserved: 0x0000, IPv6 Prefix Count: 0, Trailer: SMC-R"),
        new Vector("TestParseCLCProposalSMCRIPv6",
            "e2d4c3d901004510394498039babcdeffe800000000000009a039bfffeabcdef98039babcdef00000000000000" +
            "0000010000000000000000000000000000000180e2d4c3d9",
            "Proposal: Eyecatcher: SMC-R, Type: 1 (Proposal), Length: 69, Version: 1, Flag: 0, Path: SM" +
            "C-R, Peer ID: 14660@98:03:9b:ab:cd:ef, SMC-R GID: fe80::9a03:9bff:feab:cdef, RoCE MAC: 98:" +
            "03:9b:ab:cd:ef, IP Area Offset: 0, IPv4 Prefix: 0.0.0.0/0, IPv6 Prefix Count: 1, IPv6 Pref" +
            "ix: ::1/128, Trailer: SMC-R",
            "Proposal: Eyecatcher: SMC-R, Type: 1 (Proposal), Length: 69, Version: 1, Flag: 0, Reserved" +
            ": 0x0, Path: SMC-R, Peer ID: 14660@98:03:9b:ab:cd:ef, SMC-R GID: fe80::9a03:9bff:feab:cdef" +
            ", RoCE MAC: 98:03:9b:ab:cd:ef, IP Area Offset: 0, IPv4 Prefix: 0.0.0.0/0, Reserved: 0x0000" +
            ", IPv6 Prefix Count: 1, IPv6 Prefix: ::1/128, Trailer: SMC-R"),
        new Vector("TestParseCLCProposalSMCBIPv6",
            "e2d4c3d901006d13394498039babcdeffe800000000000009a039bfffeabcdef98039babcdef00280123456789" +
            "abcdef000000000000000000000000000000000000000000000000000000000000000000000000000000010000" +
            "000000000000000000000000000180e2d4c3d9",
            "Proposal: Eyecatcher: SMC-R, Type: 1 (Proposal), Length: 109, Version: 1, Flag: 0, Path: S" +
            "MC-R + SMC-D, Peer ID: 14660@98:03:9b:ab:cd:ef, SMC-R GID: fe80::9a03:9bff:feab:cdef, RoCE" +
            " MAC: 98:03:9b:ab:cd:ef, IP Area Offset: 40, SMC-D GID: 81985529216486895, IPv4 Prefix: 0." +
            "0.0.0/0, IPv6 Prefix Count: 1, IPv6 Prefix: ::1/128, Trailer: SMC-R",
            "Proposal: Eyecatcher: SMC-R, Type: 1 (Proposal), Length: 109, Version: 1, Flag: 0, Reserve" +
            "d: 0x0, Path: SMC-R + SMC-D, Peer ID: 14660@98:03:9b:ab:cd:ef, SMC-R GID: fe80::9a03:9bff:" +
            "feab:cdef, RoCE MAC: 98:03:9b:ab:cd:ef, IP Area Offset: 40, SMC-D GID: 81985529216486895, " +
            "Reserved: 0x0000000000000000000000000000000000000000000000000000000000000000, IPv4 Prefix:" +
            " 0.0.0.0/0, Reserved: 0x0000, IPv6 Prefix Count: 1, IPv6 Prefix: ::1/128, Trailer: SMC-R"),
        new Vector("TestParseCLCProposalV2SMCB",
            "e2d4c3d90100d62e394498039babcdeffe800000000000009a039bfffeabcdef98039babcdef00280123456789" +
            "abcdef123400000000000000000000000000000000000000000000000000000000000001010001000000400000" +
            "000000000000000000000000000000000000000000000000000000000000546869734973534d43763245494430" +
            "3100000000000000000000000000000000546869734973534d4376324549443032000000000000000000000000" +
            "0000000000000000000000000000000000000000abcdef01234567890123e2d4c3d9",
            "Proposal: Eyecatcher: SMC-R, Type: 1 (Proposal), Length: 214, Version: 2, Pathv2: SMC-R + " +
            "SMC-D, Path: No SMC-R/SMC-D, Peer ID: 14660@98:03:9b:ab:cd:ef, SMC-R GID: fe80::9a03:9bff:" +
            "feab:cdef, RoCE MAC: 98:03:9b:ab:cd:ef, IP Area Offset: 40, SMC-D GID: 81985529216486895, " +
            "ISMv2 VCHID: 4660, SMCv2 Extension Offset: 0, EID Number: 1, GID Number: 1, Release: 0, SE" +
            "ID Indicator: 1, SMC-Dv2 Extension Offset: 64, EID Area: [EID 0: ThisIsSMCv2EID01], SEID: " +
            "ThisIsSMCv2EID02, GID Area: [GID 0: 12379813738877118345, VCHID 0: 291], Trailer: SMC-R",
            "Proposal: Eyecatcher: SMC-R, Type: 1 (Proposal), Length: 214, Version: 2, Pathv2: SMC-R + " +
            "SMC-D, Path: No SMC-R/SMC-D, Peer ID: 14660@98:03:9b:ab:cd:ef, SMC-R GID: fe80::9a03:9bff:" +
            "feab:cdef, RoCE MAC: 98:03:9b:ab:cd:ef, IP Area Offset: 40, SMC-D GID: 81985529216486895, " +
            "ISMv2 VCHID: 4660, SMCv2 Extension Offset: 0, Reserved: 0x00000000000000000000000000000000" +
            "000000000000000000000000, EID Number: 1, GID Number: 1, Reserved: 0x0, Release: 0, Reserve" +
            "d: 0x0, SEID Indicator: 1, Reserved: 0x0000, SMC-Dv2 Extension Offset: 64, Reserved: 0x000" +
            "0000000000000000000000000000000000000000000000000000000000000, EID Area: [EID 0: ThisIsSMC" +
            "v2EID01], SEID: ThisIsSMCv2EID02, Reserved: 0x00000000000000000000000000000000, GID Area: " +
            "[GID 0: 12379813738877118345, VCHID 0: 291], Trailer: SMC-R"),
        new Vector("TestParseCLCProposalV2SMCBIPv4",
            "e2d4c3d90100de2f394498039babcdeffe800000000000009a039bfffeabcdef98039babcdef00280123456789" +
            "abcdef12340019000000000000000000000000000000000000000000000000000000007f000000080000000101" +
            "000100000040000000000000000000000000000000000000000000000000000000000000000054686973497353" +
            "4d437632454944303100000000000000000000000000000000546869734973534d437632454944303200000000" +
            "00000000000000000000000000000000000000000000000000000000abcdef01234567890123e2d4c3d9",
            "Proposal: Eyecatcher: SMC-R, Type: 1 (Proposal), Length: 222, Version: 2, Pathv2: SMC-R + " +
            "SMC-D, Path: SMC-R + SMC-D, Peer ID: 14660@98:03:9b:ab:cd:ef, SMC-R GID: fe80::9a03:9bff:f" +
            "eab:cdef, RoCE MAC: 98:03:9b:ab:cd:ef, IP Area Offset: 40, SMC-D GID: 81985529216486895, I" +
            "SMv2 VCHID: 4660, SMCv2 Extension Offset: 25, IPv4 Prefix: 127.0.0.0/8, IPv6 Prefix Count:" +
            " 0, EID Number: 1, GID Number: 1, Release: 0, SEID Indicator: 1, SMC-Dv2 Extension Offset:" +
            " 64, EID Area: [EID 0: ThisIsSMCv2EID01], SEID: ThisIsSMCv2EID02, GID Area: [GID 0: 123798" +
            "13738877118345, VCHID 0: 291], Trailer: SMC-R",
            "Proposal: Eyecatcher: SMC-R, Type: 1 (Proposal), Length: 222, Version: 2, Pathv2: SMC-R + " +
            "SMC-D, Path: SMC-R + SMC-D, Peer ID: 14660@98:03:9b:ab:cd:ef, SMC-R GID: fe80::9a03:9bff:f" +
            "eab:cdef, RoCE MAC: 98:03:9b:ab:cd:ef, IP Area Offset: 40, SMC-D GID: 81985529216486895, I" +
            "SMv2 VCHID: 4660, SMCv2 Extension Offset: 25, Reserved: 0x00000000000000000000000000000000" +
            "000000000000000000000000, IPv4 Prefix: 127.0.0.0/8, Reserved: 0x0000, IPv6 Prefix Count: 0" +
            ", EID Number: 1, GID Number: 1, Reserved: 0x0, Release: 0, Reserved: 0x0, SEID Indicator: " +
            "1, Reserved: 0x0000, SMC-Dv2 Extension Offset: 64, Reserved: 0x000000000000000000000000000" +
            "0000000000000000000000000000000000000, EID Area: [EID 0: ThisIsSMCv2EID01], SEID: ThisIsSM" +
            "Cv2EID02, Reserved: 0x00000000000000000000000000000000, GID Area: [GID 0: 1237981373887711" +
            "8345, VCHID 0: 291], Trailer: SMC-R"),
        new Vector("TestParseCLCProposalV2SMCBIPv6",
            "e2d4c3d90100ef2f394498039babcdeffe800000000000009a039bfffeabcdef98039babcdef00280123456789" +
            "abcdef123400190000000000000000000000000000000000000000000000000000000000000000000000010000" +
            "000000000000000000000000000180010100010000004000000000000000000000000000000000000000000000" +
            "00000000000000000000546869734973534d437632454944303100000000000000000000000000000000546869" +
            "734973534d43763245494430320000000000000000000000000000000000000000000000000000000000000000" +
            "abcdef01234567890123e2d4c3d9",
            "Proposal: Eyecatcher: SMC-R, Type: 1 (Proposal), Length: 239, Version: 2, Pathv2: SMC-R + " +
            "SMC-D, Path: SMC-R + SMC-D, Peer ID: 14660@98:03:9b:ab:cd:ef, SMC-R GID: fe80::9a03:9bff:f" +
            "eab:cdef, RoCE MAC: 98:03:9b:ab:cd:ef, IP Area Offset: 40, SMC-D GID: 81985529216486895, I" +
            "SMv2 VCHID: 4660, SMCv2 Extension Offset: 25, IPv4 Prefix: 0.0.0.0/0, IPv6 Prefix Count: 1" +
            ", IPv6 Prefix: ::1/128, EID Number: 1, GID Number: 1, Release: 0, SEID Indicator: 1, SMC-D" +
            "v2 Extension Offset: 64, EID Area: [EID 0: ThisIsSMCv2EID01], SEID: ThisIsSMCv2EID02, GID " +
            "Area: [GID 0: 12379813738877118345, VCHID 0: 291], Trailer: SMC-R",
            "Proposal: Eyecatcher: SMC-R, Type: 1 (Proposal), Length: 239, Version: 2, Pathv2: SMC-R + " +
            "SMC-D, Path: SMC-R + SMC-D, Peer ID: 14660@98:03:9b:ab:cd:ef, SMC-R GID: fe80::9a03:9bff:f" +
            "eab:cdef, RoCE MAC: 98:03:9b:ab:cd:ef, IP Area Offset: 40, SMC-D GID: 81985529216486895, I" +
            "SMv2 VCHID: 4660, SMCv2 Extension Offset: 25, Reserved: 0x00000000000000000000000000000000" +
            "000000000000000000000000, IPv4 Prefix: 0.0.0.0/0, Reserved: 0x0000, IPv6 Prefix Count: 1, " +
            "IPv6 Prefix: ::1/128, EID Number: 1, GID Number: 1, Reserved: 0x0, Release: 0, Reserved: 0" +
            "x0, SEID Indicator: 1, Reserved: 0x0000, SMC-Dv2 Extension Offset: 64, Reserved: 0x0000000" +
            "000000000000000000000000000000000000000000000000000000000, EID Area: [EID 0: ThisIsSMCv2EI" +
            "D01], SEID: ThisIsSMCv2EID02, Reserved: 0x00000000000000000000000000000000, GID Area: [GID" +
            " 0: 12379813738877118345, VCHID 0: 291], Trailer: SMC-R"),
        new Vector("TestParseCLCProposalV2SMCBv1IPv4",
            "e2d4c3d901005c2b394498039babcdeffe800000000000009a039bfffeabcdef98039babcdef00280123456789" +
            "abcdef12340000000000000000000000000000000000000000000000000000000000007f00000008000000e2d4" +
            "c3d9",
            "Proposal: Eyecatcher: SMC-R, Type: 1 (Proposal), Length: 92, Version: 2, Pathv2: No SMC-R/" +
            "SMC-D, Path: SMC-R + SMC-D, Peer ID: 14660@98:03:9b:ab:cd:ef, SMC-R GID: fe80::9a03:9bff:f" +
            "eab:cdef, RoCE MAC: 98:03:9b:ab:cd:ef, IP Area Offset: 40, SMC-D GID: 81985529216486895, I" +
            "SMv2 VCHID: 4660, SMCv2 Extension Offset: 0, IPv4 Prefix: 127.0.0.0/8, IPv6 Prefix Count: " +
            "0, Trailer: SMC-R",
            "Proposal: Eyecatcher: SMC-R, Type: 1 (Proposal), Length: 92, Version: 2, Pathv2: No SMC-R/" +
            "SMC-D, Path: SMC-R + SMC-D, Peer ID: 14660@98:03:9b:ab:cd:ef, SMC-R GID: fe80::9a03:9bff:f" +
            "eab:cdef, RoCE MAC: 98:03:9b:ab:cd:ef, IP Area Offset: 40, SMC-D GID: 81985529216486895, I" +
            "SMv2 VCHID: 4660, SMCv2 Extension Offset: 0, Reserved: 0x000000000000000000000000000000000" +
            "00000000000000000000000, IPv4 Prefix: 127.0.0.0/8, Reserved: 0x0000, IPv6 Prefix Count: 0," +
            " Trailer: SMC-R"),
        new Vector("TestParseCLCProposalV2SMCBv1IPv6",
            "e2d4c3d901006d2b394498039babcdeffe800000000000009a039bfffeabcdef98039babcdef00280123456789" +
            "abcdef123400000000000000000000000000000000000000000000000000000000000000000000000000010000" +
            "000000000000000000000000000180e2d4c3d9",
            "Proposal: Eyecatcher: SMC-R, Type: 1 (Proposal), Length: 109, Version: 2, Pathv2: No SMC-R" +
            "/SMC-D, Path: SMC-R + SMC-D, Peer ID: 14660@98:03:9b:ab:cd:ef, SMC-R GID: fe80::9a03:9bff:" +
            "feab:cdef, RoCE MAC: 98:03:9b:ab:cd:ef, IP Area Offset: 40, SMC-D GID: 81985529216486895, " +
            "ISMv2 VCHID: 4660, SMCv2 Extension Offset: 0, IPv4 Prefix: 0.0.0.0/0, IPv6 Prefix Count: 1" +
            ", IPv6 Prefix: ::1/128, Trailer: SMC-R",
            "Proposal: Eyecatcher: SMC-R, Type: 1 (Proposal), Length: 109, Version: 2, Pathv2: No SMC-R" +
            "/SMC-D, Path: SMC-R + SMC-D, Peer ID: 14660@98:03:9b:ab:cd:ef, SMC-R GID: fe80::9a03:9bff:" +
            "feab:cdef, RoCE MAC: 98:03:9b:ab:cd:ef, IP Area Offset: 40, SMC-D GID: 81985529216486895, " +
            "ISMv2 VCHID: 4660, SMCv2 Extension Offset: 0, Reserved: 0x00000000000000000000000000000000" +
            "000000000000000000000000, IPv4 Prefix: 0.0.0.0/0, Reserved: 0x0000, IPv6 Prefix Count: 1, " +
            "IPv6 Prefix: ::1/128, Trailer: SMC-R"));

    static Stream<Vector> vectors() {
        return VECTORS.stream();
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void textEqualsSmcGoExpectation(Vector v) {
        byte[] bytes = HexFormat.of().parseHex(v.hex());
        ClcParseResult.Parsed parsed = assertInstanceOf(ClcParseResult.Parsed.class,
            ClcParser.parse(bytes, 0, bytes.length), v.name());
        assertEquals(bytes.length, parsed.message().header().length());
        assertEquals(v.text(), SmcClcFormatter.describe(parsed.message(), false));
        assertEquals(v.reservedText(), SmcClcFormatter.describe(parsed.message(), true));
    }
}
