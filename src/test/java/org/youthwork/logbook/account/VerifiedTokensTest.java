package org.youthwork.logbook.account;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A verified token is verified once until it expires; a refused or expired one is asked about every time. */
class VerifiedTokensTest {

    private final List<String> asked = new ArrayList<>();

    @Test
    void shouldVerifyATokenOnceWhileItIsValid() throws ParseException {
        JWTParser tokens = tokens(expiringIn(600));
        JsonWebToken first = tokens.parse("token-a");
        assertSame(first, tokens.parse("token-a"));
        tokens.parse("token-b");
        assertEquals(List.of("token-a", "token-b"), asked);
    }

    @Test
    void shouldNotRememberAnExpiredToken() throws ParseException {
        JWTParser tokens = tokens(expiringIn(-1));
        tokens.parse("token-a");
        tokens.parse("token-a");
        assertEquals(List.of("token-a", "token-a"), asked);
    }

    @Test
    void shouldAskAgainAboutARefusedToken() {
        JWTParser tokens = tokens(null);
        assertThrows(ParseException.class, () -> tokens.parse("forged"));
        assertThrows(ParseException.class, () -> tokens.parse("forged"));
        assertEquals(List.of("forged", "forged"), asked);
    }

    @Test
    void shouldStayBoundedByVerifyingAgainRatherThanGrowing() throws ParseException {
        JWTParser tokens = tokens(expiringIn(600));
        for (int i = 0; i <= VerifiedTokens.MOST; i++) {
            tokens.parse("token-" + i);
        }
        tokens.parse("token-0"); // forgotten when the table filled up
        assertEquals(VerifiedTokens.MOST + 2, asked.size());
    }

    /** The decorator over a parser that records what it was asked and answers the token (null: refuses). */
    private JWTParser tokens(JsonWebToken answer) {
        JWTParser parser = (JWTParser) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{JWTParser.class},
                (proxy, method, args) -> {
                    asked.add((String) args[0]);
                    if (answer == null) {
                        throw new ParseException("bad signature");
                    }
                    return answer;
                });
        VerifiedTokens tokens = new VerifiedTokens() {
            @Override
            public JsonWebToken parse(String token, io.smallrye.jwt.auth.principal.JWTAuthContextInfo info) {
                throw new UnsupportedOperationException();
            }

            @Override
            public JsonWebToken verify(String token, java.security.PublicKey key) {
                throw new UnsupportedOperationException();
            }

            @Override
            public JsonWebToken verify(String token, javax.crypto.SecretKey key) {
                throw new UnsupportedOperationException();
            }

            @Override
            public JsonWebToken verify(String token, String secret) {
                throw new UnsupportedOperationException();
            }

            @Override
            public JsonWebToken decrypt(String token, java.security.PrivateKey key) {
                throw new UnsupportedOperationException();
            }

            @Override
            public JsonWebToken decrypt(String token, javax.crypto.SecretKey key) {
                throw new UnsupportedOperationException();
            }

            @Override
            public JsonWebToken decrypt(String token, String secret) {
                throw new UnsupportedOperationException();
            }

            @Override
            public JsonWebToken parseOnly(String token) {
                throw new UnsupportedOperationException();
            }
        };
        tokens.parser = parser;
        return tokens;
    }

    private static JsonWebToken expiringIn(long seconds) {
        long exp = System.currentTimeMillis() / 1000 + seconds;
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "someone";
            }

            @Override
            public Set<String> getClaimNames() {
                return Set.of("exp");
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String name) {
                return "exp".equals(name) ? (T) Long.valueOf(exp) : null;
            }
        };
    }
}
