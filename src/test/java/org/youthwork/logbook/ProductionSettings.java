package org.youthwork.logbook;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

/**
 * What an operator gives a production start besides the database (which {@link TestDatabase} gives every test): the
 * token signing key, {@code LOGBOOK_JWT_PRIVATE_KEY}, and the first administrator, {@code LOGBOOK_ADMIN_USERNAME} and
 * {@code LOGBOOK_ADMIN_PASSWORD}. For the packaged application, which runs in the prod profile and refuses to start
 * without them. The key is made afresh for each run, so none is committed.
 */
public class ProductionSettings implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("logbook.jwt.private-key", signingKey(),
                "logbook.admin.username", Api.ADMIN,
                "logbook.admin.password", Api.ADMIN_PASSWORD);
    }

    @Override
    public void stop() {
    }

    /** An RSA key in PKCS#8 PEM, as {@code openssl genpkey -algorithm RSA} writes it. */
    public static String signingKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            byte[] der = generator.generateKeyPair().getPrivate().getEncoded();
            return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                    + "\n-----END PRIVATE KEY-----\n";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
