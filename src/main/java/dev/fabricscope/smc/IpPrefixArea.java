package dev.fabricscope.smc;

import java.util.List;

/** The Proposal's IP prefix area: one IPv4 prefix, then 0..n IPv6 prefixes of 17 bytes (address + length). */
public record IpPrefixArea(int ipv4Prefix, int ipv4PrefixLength, byte[] reserved, int ipv6PrefixCount,
                           List<Ipv6Prefix> ipv6Prefixes) {
    public record Ipv6Prefix(byte[] prefix, int length) { }
}
