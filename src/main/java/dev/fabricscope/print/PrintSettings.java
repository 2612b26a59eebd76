package dev.fabricscope.print;

import java.time.ZoneId;

/**
 * What tcpdump's flags tell the IP and transport printers, handed down from {@link PacketPrinter} in one piece.
 *
 * @param linkHeaders             -e (the link-level header named the protocol; Geneve names the carried one)
 * @param relativeSequenceNumbers TCP sequence numbers relative to each conversation's (no -S)
 * @param defaultPrint            tcpdump's default hex dump of what it cannot decode (off with -q, -x, -X)
 * @param hexAsciiDump            -X (with -vvv Telnet prints its commands' bytes)
 * @param zone                    where times inside messages (RADIUS Event-Timestamps) are shown
 * @param forced                  -T's type, or null (payloads by port)
 * @param verifyChecksums         IPv4 header, TCP and UDP checksums verified with -v (off with -K)
 * @param bgpAsdot                -b (BGP AS numbers above 65535 as "high.low")
 * @param nfsRawHandles           -u (NFS file handles as their 32-bit words in hex, no guess at the server's layout)
 * @param tcpSignatureSecret      -M's secret, the bytes tcpdump's argument has (TCP-MD5 signatures verified), or null
 * @param espSecrets              -E's SAs (ESP decrypted), this printer's own, or null
 */
record PrintSettings(Verbosity verbosity, boolean linkHeaders, boolean relativeSequenceNumbers, boolean defaultPrint,
                     boolean hexAsciiDump, ZoneId zone, PacketType forced, boolean verifyChecksums, boolean bgpAsdot,
                     boolean nfsRawHandles, byte[] tcpSignatureSecret, EspSecrets espSecrets) { }
