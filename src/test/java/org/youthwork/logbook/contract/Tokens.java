package org.youthwork.logbook.contract;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;

/** Bearer tokens that must be refused: one signed with a key the service does not know, and one that is no JWT. */
final class Tokens {

    static final String NOT_A_JWT = "not-a-jwt";
    static final String FORGED = forged();

    private Tokens() {
    }

    /** An administrator's token that looks right in every way but its signature; valid until 2100. */
    private static String forged() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            PrivateKey key = generator.generateKeyPair().getPrivate();
            String header = base64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
            String claims = base64("{\"iss\":\"urn:logbook\",\"sub\":\"00000000-0000-0000-0000-000000000001\","
                    + "\"upn\":\"admin\",\"groups\":[\"ADMIN\"],\"exp\":4102444800}");
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
            return header + "." + claims + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
