package dev.fabricscope.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ListenAddressTest {
    @Test
    void emptyHostMeansAllAddresses() throws Exception {
        ListenAddress a = ListenAddress.parse(":8000");
        assertTrue(a.allAddresses());
        assertFalse(a.loopbackOnly());
        assertEquals(8000, a.socket().getPort());
    }

    @Test
    void literalsAndLocalhostBindExactlyThatAddress() throws Exception {
        ListenAddress v4 = ListenAddress.parse("127.0.0.1:8080");
        assertEquals(InetAddress.getByName("127.0.0.1"), v4.socket().getAddress());
        assertEquals(8080, v4.socket().getPort());
        assertTrue(v4.loopbackOnly());
        ListenAddress v6 = ListenAddress.parse("[::1]:0");
        assertEquals(InetAddress.getByName("::1"), v6.socket().getAddress());
        assertTrue(v6.loopbackOnly());
        // Go listens on localhost's IPv4 address (its listener prefers IPv4): "localhost:0" -> 127.0.0.1:PORT
        assertEquals(InetAddress.getByName("127.0.0.1"), ListenAddress.parse("localhost:0").socket().getAddress());
        // an empty port is port 0 (Go: "127.0.0.1:" -> 127.0.0.1:34415)
        assertEquals(0, ListenAddress.parse("127.0.0.1:").socket().getPort());
        ListenAddress lan = ListenAddress.parse("10.1.2.3:80");
        assertFalse(lan.loopbackOnly());
        assertFalse(lan.allAddresses());
    }

    /** Messages recorded from Go 1.19.8: net.Listen("tcp", ADDRESS) error text. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "8000|listen tcp: address 8000: missing port in address",
        "1.2.3.4|listen tcp: address 1.2.3.4: missing port in address",
        "[::1]|listen tcp: address [::1]: missing port in address",
        "[::1:80|listen tcp: address [::1:80: missing ']' in address",
        "::1:80|listen tcp: address ::1:80: too many colons in address",
        "a:b:80|listen tcp: address a:b:80: too many colons in address",
        "127.0.0.1:abc|listen tcp: address tcp/abc: unknown port",
        "127.0.0.1:70000|listen tcp: address 70000: invalid port",
        "127.0.0.1:-1|listen tcp: address -1: invalid port",
        "[::1]x:80|listen tcp: address [::1]x:80: missing port in address",
    })
    void refusesWhatGoRefusesWithGosWords(String address, String message) {
        ListenAddress.InvalidException e = assertThrows(ListenAddress.InvalidException.class,
            () -> ListenAddress.parse(address));
        assertEquals(message, e.getMessage());
    }
}
