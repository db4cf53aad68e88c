package org.youthwork.logbook.account;

import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

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
        Parser tokens = tokens(expiringIn(600));
        JsonWebToken first = tokens.parse("token-a");
        assertSame(first, tokens.parse("token-a"));
        tokens.parse("token-b");
        assertEquals(List.of("token-a", "token-b"), asked);
    }

    @Test
    void shouldNotRememberAnExpiredToken() throws ParseException {
        Parser tokens = tokens(expiringIn(-1));
        tokens.parse("token-a");
        tokens.parse("token-a");
        assertEquals(List.of("token-a", "token-a"), asked);
    }

    @Test
    void shouldAskAgainAboutARefusedToken() {
        Parser tokens = tokens(null);
        assertThrows(ParseException.class, () -> tokens.parse("forged"));
        assertThrows(ParseException.class, () -> tokens.parse("forged"));
        assertEquals(List.of("forged", "forged"), asked);
    }

    @Test
    void shouldStayBoundedByVerifyingAgainRatherThanGrowing() throws ParseException {
        Parser tokens = tokens(expiringIn(600));
        for (int i = 0; i <= VerifiedTokens.Memory.MOST; i++) {
            tokens.parse("token-" + i);
        }
        tokens.parse("token-0"); // forgotten when the table filled up
        assertEquals(VerifiedTokens.Memory.MOST + 2, asked.size());
    }

    /** The memory over a verifier that records what it was asked and answers the token (null: refuses). */
    private Parser tokens(JsonWebToken answer) {
        VerifiedTokens.Memory memory = new VerifiedTokens.Memory();
        return token -> memory.parse(token, t -> {
            asked.add(t);
            if (answer == null) {
                throw new ParseException("bad signature");
            }
            return answer;
        });
    }

    private interface Parser {
        JsonWebToken parse(String token) throws ParseException;
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
