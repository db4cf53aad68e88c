package org.youthwork.logbook.account;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which address a sign-in counts against, given its TCP peer and the forwarded header. */
class ClientAddressTest {

    private static final ClientAddress NO_PROXY = new ClientAddress(List.of(), "X-Forwarded-For");
    private static final ClientAddress BEHIND_PROXIES = new ClientAddress(List.of("10.0.0.5", "10.1.0.0/16", "fd00::/8"), "X-Forwarded-For");
    private static final ClientAddress BEHIND_RFC7239 = new ClientAddress(List.of("10.0.0.5"), "Forwarded");

    @Test
    void shouldCountThePeerWhenNoProxyIsTrusted() {
        assertEquals("192.0.2.1", NO_PROXY.of("192.0.2.1", List.of("198.51.100.7")));
    }

    @Test
    void shouldIgnoreTheHeaderOfAPeerThatIsNotATrustedProxy() {
        assertEquals("192.0.2.1", BEHIND_PROXIES.of("192.0.2.1", List.of("198.51.100.7")));
    }

    @Test
    void shouldCountTheAddressTheTrustedProxySaw() {
        assertEquals("198.51.100.7", BEHIND_PROXIES.of("10.0.0.5", List.of("198.51.100.7")));
    }

    @Test
    void shouldNeverReadWhatTheClientWroteLeftOfTheProxysEntry() {
        assertEquals("198.51.100.7", BEHIND_PROXIES.of("10.0.0.5", List.of("203.0.113.9, 10.0.0.5, 198.51.100.7")));
        assertEquals("198.51.100.7", BEHIND_PROXIES.of("10.0.0.5", List.of("203.0.113.9", "198.51.100.7")));
    }

    @Test
    void shouldWalkBackThroughAChainOfTrustedProxies() {
        assertEquals("198.51.100.7", BEHIND_PROXIES.of("10.0.0.5", List.of("203.0.113.9, 198.51.100.7, 10.1.4.2")));
    }

    @Test
    void shouldStopAtTheNearestProxyWhenTheEntryIsNoAddress() {
        assertEquals("10.1.4.2", BEHIND_PROXIES.of("10.0.0.5", List.of("198.51.100.7, unknown, 10.1.4.2")));
        assertEquals("10.0.0.5", BEHIND_PROXIES.of("10.0.0.5", List.of()));
    }

    @Test
    void shouldReadPortsAndBracketsOfForwardedAddresses() {
        assertEquals("198.51.100.7", BEHIND_PROXIES.of("10.0.0.5", List.of("198.51.100.7:51234")));
        assertEquals("2001:db8:1:2:0:0:0:0/64", BEHIND_PROXIES.of("10.0.0.5", List.of("[2001:db8:1:2::17]:443")));
    }

    @Test
    void shouldReadTheForParameterOfAnRfc7239Header() {
        assertEquals("2001:db8:cafe:0:0:0:0:0/64", BEHIND_RFC7239.of("10.0.0.5",
                List.of("for=198.51.100.1;proto=https, for=\"[2001:db8:cafe::17]:4711\";by=10.0.0.5")));
        assertEquals("10.0.0.5", BEHIND_RFC7239.of("10.0.0.5", List.of("for=_hidden")));
    }

    @Test
    void shouldCountAnIpv6ClientByItsSlash64() {
        assertEquals(NO_PROXY.of("2001:db8:1:2::1", List.of()), NO_PROXY.of("2001:db8:1:2:ffff::9", List.of()));
        assertTrue(!NO_PROXY.of("2001:db8:1:2::1", List.of()).equals(NO_PROXY.of("2001:db8:1:3::1", List.of())));
        assertEquals("192.0.2.1", NO_PROXY.of("::ffff:192.0.2.1", List.of()));
    }

    @Test
    void shouldNeverTakeANameForAnAddress() {
        assertNull(ClientAddress.literal("localhost"));
        assertNull(ClientAddress.literal("256.1.1.1"));
        assertNull(ClientAddress.literal("1.2.3"));
        assertNull(ClientAddress.literal("[::1"));
        assertNull(ClientAddress.literal("cafe"));
    }

    @Test
    void shouldRefuseToStartOnATrustedProxyItCannotRead() {
        assertThrows(IllegalStateException.class, () -> new ClientAddress(List.of("proxy.internal"), "X-Forwarded-For"));
        assertThrows(IllegalStateException.class, () -> new ClientAddress(List.of("10.0.0.0/33"), "X-Forwarded-For"));
        assertThrows(IllegalStateException.class, () -> new ClientAddress(List.of(), "X-Real-IP"));
    }
}
