package org.youthwork.logbook.account;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The RS256 key pair that signs the service's own tokens and verifies them. In production the private key comes from
 * {@code LOGBOOK_JWT_PRIVATE_KEY} (PKCS#8 PEM); the development start makes one and keeps it in {@code .data/}, the
 * tests make one in memory. An installation that trusts an external OpenID Connect issuer configures
 * {@code mp.jwt.verify.publickey.location} instead, and this source steps aside.
 */
public class JwtKeys implements ConfigSourceFactory {

    private static final Logger LOG = Logger.getLogger(JwtKeys.class);
    /** Below application.properties (250), so that any configured verification key (an external issuer's) wins. */
    private static final int ORDINAL = 240;
    private static volatile Map<String, String> generated;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (value(context, "mp.jwt.verify.publickey.location") != null || value(context, "mp.jwt.verify.publickey") != null) {
            return List.of();
        }
        String pem = value(context, "logbook.jwt.private-key");
        List<String> profiles = context.getProfiles();
        try {
            PrivateKey key;
            if (pem != null && !pem.isBlank()) {
                key = parse(pem);
            } else if (profiles.contains("dev")) {
                key = developmentKey(Path.of(".data", "jwt-private-key.pem"));
            } else if (profiles.contains("test")) {
                key = testKey();
            } else {
                return List.of(); // a production start without a key is refused by TokenService
            }
            Map<String, String> config = new HashMap<>();
            config.put("smallrye.jwt.sign.key", pem(key.getEncoded(), "PRIVATE KEY"));
            String publicKey = pem(publicKey(key).getEncoded(), "PUBLIC KEY");
            config.put("mp.jwt.verify.publickey", publicKey);
            config.put("logbook.jwt.own-public-key", publicKey);
            return List.of(new PropertiesConfigSource(config, "logbook-jwt-keys", ORDINAL));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot read or make the token signing key", e);
        }
    }

    private static PrivateKey developmentKey(Path file) throws GeneralSecurityException, IOException {
        if (Files.exists(file)) {
            return parse(Files.readString(file));
        }
        PrivateKey key = generate();
        Files.createDirectories(file.getParent());
        Files.writeString(file, pem(key.getEncoded(), "PRIVATE KEY"));
        LOG.infof("Made a token signing key for development in %s", file.toAbsolutePath());
        return key;
    }

    private static synchronized PrivateKey testKey() throws GeneralSecurityException {
        if (generated == null) {
            generated = Map.of("key", pem(generate().getEncoded(), "PRIVATE KEY"));
        }
        return parse(generated.get("key"));
    }

    private static PrivateKey generate() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair().getPrivate();
    }

    static PrivateKey parse(String pem) throws GeneralSecurityException {
        String body = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    }

    private static PublicKey publicKey(PrivateKey key) throws GeneralSecurityException {
        RSAPrivateCrtKey rsa = (RSAPrivateCrtKey) key;
        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
    }

    private static String pem(byte[] der, String type) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static String value(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value == null ? null : value.getValue();
    }
}
