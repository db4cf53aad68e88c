package org.youthwork.logbook.account;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the tokens whose signature and claims were verified, until they expire, so that the many requests of one
 * token verify its RSA signature and parse its claims once (in a profile of POST /sessions, a seventh of the
 * service's CPU went there). Only the verification is remembered: {@link AccountCheck} still asks the database at
 * every request whether the account lives, so disabling an account still ends its tokens at once. Keyed by the
 * token's SHA-256, so no token is kept and no lookup compares a token's bytes. A full table is emptied rather than
 * managed: at most this many tokens need verifying again.
 */
@Decorator
@Priority(1)
abstract class VerifiedTokens implements JWTParser {

    @Inject
    @Delegate
    @Any
    JWTParser parser;

    private final Memory memory = new Memory();

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        return memory.parse(token, parser::parse);
    }

    /** How a token is verified when it is not remembered: smallrye-jwt's parser, or a test's. */
    interface Verifier {
        JsonWebToken verify(String token) throws ParseException;
    }

    static final class Memory {

        static final int MOST = 5_000;
        /** Verified again after this long even if it expires later, so that an issuer's new key is seen within it. */
        static final long LONGEST_MILLIS = 10 * 60 * 1000L;

        private record Verified(JsonWebToken token, long until) {
        }

        private final Map<String, Verified> verified = new ConcurrentHashMap<>();

        JsonWebToken parse(String token, Verifier verifier) throws ParseException {
            String key = sha256(token);
            long now = System.currentTimeMillis(); // as the parser checks expiry: real time, not the service clock
            Verified known = verified.get(key);
            if (known != null && now < known.until()) {
                return known.token();
            }
            JsonWebToken parsed = verifier.verify(token); // throws for a bad signature, a wrong issuer, an expired token
            long expires = parsed.getExpirationTime() * 1000;
            if (expires > now) {
                if (verified.size() >= MOST) {
                    verified.clear();
                }
                verified.put(key, new Verified(parsed, Math.min(expires, now + LONGEST_MILLIS)));
            }
            return parsed;
        }

        private static String sha256(String token) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
