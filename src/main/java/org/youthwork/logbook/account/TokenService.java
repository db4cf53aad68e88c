package org.youthwork.logbook.account;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.netty.handler.codec.http.QueryStringDecoder;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.ConfigProvider;
import org.youthwork.logbook.system.LogbookConfig;
import org.youthwork.logbook.system.StorableText;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The OAuth 2.0 token endpoint's work: count the attempt, check the credentials, sign a short-lived JWT. */
@ApplicationScoped
public class TokenService {

    @Schema(name = "Token")
    public record Token(@JsonProperty("access_token") String accessToken,
                        @JsonProperty("token_type") String tokenType,
                        @JsonProperty("expires_in") int expiresIn) {
    }

    /** An RFC 6749 error; the problem fields beside it keep it readable to clients that expect RFC 9457. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "TokenError")
    public record TokenError(String error, @JsonProperty("error_description") String errorDescription, String type,
                             String title, int status, String detail) {
        static TokenError of(String error, int status, String description) {
            return new TokenError(error, description, "urn:logbook:problem:" + error.replace('_', '-'),
                    error.replace('_', ' '), status, description);
        }
    }

    private final LogbookConfig config;
    private final LoginGuard guard;
    /**
     * Checked when the account is unknown, so that it costs the same time as a wrong password (an unknown
     * account is refused whatever matches). BcryptUtil's own cost (10); written out, as hashing it took 0.2 s of every start.
     */
    private static final String DECOY = "$2a$10$/fjESO5kWW7jQhFlUBSoNepMXUEztqUh8/XfHcpZl4yjgn8FX18vy";

    /** Password and secret checks (bcrypt), by kind and outcome: what guessing costs, and how much of it there is. */
    private final Map<Account.Kind, Counter> accepted = new EnumMap<>(Account.Kind.class);
    private final Map<Account.Kind, Counter> refused = new EnumMap<>(Account.Kind.class);
    /** Attempts refused by the limit before any check. */
    private final Map<Account.Kind, Counter> limited = new EnumMap<>(Account.Kind.class);

    TokenService(LogbookConfig config, LoginGuard guard, MeterRegistry registry) {
        this.config = config;
        this.guard = guard;
        for (Account.Kind kind : Account.Kind.values()) {
            accepted.put(kind, check(registry, kind, "accepted"));
            refused.put(kind, check(registry, kind, "refused"));
            limited.put(kind, Counter.builder("logbook.sign_in.limited")
                    .description("Sign-in attempts refused with 429 by the limit, before any password check")
                    .tag("kind", kind.name().toLowerCase(Locale.ROOT)).register(registry));
        }
    }

    private static Counter check(MeterRegistry registry, Account.Kind kind, String outcome) {
        return Counter.builder("logbook.sign_in.checks")
                .description("Password and client secret checks (bcrypt) at the token endpoint; an unknown account is checked against a decoy")
                .tag("kind", kind.name().toLowerCase(Locale.ROOT)).tag("outcome", outcome).register(registry);
    }

    void refuseToStartWithoutKeys(@Observes StartupEvent started) {
        var config = ConfigProvider.getConfig();
        boolean verifies = config.getOptionalValue("mp.jwt.verify.publickey.location", String.class).isPresent()
                || config.getOptionalValue("mp.jwt.verify.publickey", String.class).isPresent();
        if (!verifies) {
            throw new IllegalStateException("No token signing key: set LOGBOOK_JWT_PRIVATE_KEY (an RSA key in PKCS#8 PEM), "
                    + "or configure an external identity provider with MP_JWT_VERIFY_PUBLICKEY_LOCATION (see the README)");
        }
    }

    /** Not transactional: a bcrypt check takes tens of milliseconds and must not hold a database connection meanwhile. */
    public Response token(String body, String authorization, String address) {
        Map<String, List<String>> form;
        try {
            form = new QueryStringDecoder(body == null ? "" : body, StandardCharsets.UTF_8, false).parameters();
        } catch (IllegalArgumentException e) {
            return error(400, "invalid_request", "the body must be application/x-www-form-urlencoded: " + e.getMessage());
        }
        for (Map.Entry<String, List<String>> field : form.entrySet()) {
            String problem = StorableText.problem(field.getKey());
            for (String value : field.getValue()) {
                problem = problem != null ? problem : StorableText.problem(value);
            }
            if (problem != null) {
                return error(400, "invalid_request", field.getKey() + " " + problem);
            }
            if (field.getValue().size() > 1) {
                return error(400, "invalid_request", field.getKey() + " must be given once (RFC 6749, section 3.2)");
            }
        }
        String grant = first(form, "grant_type");
        if (grant == null) {
            return error(400, "invalid_request", "grant_type is required: password or client_credentials");
        }
        if (!signs()) {
            return error(400, "unsupported_grant_type", "this installation takes tokens from its identity provider");
        }
        return switch (grant) {
            case "password" -> signIn(Account.Kind.USER, first(form, "username"), first(form, "password"), address);
            case "client_credentials" -> {
                String[] basic = basic(authorization);
                yield signIn(Account.Kind.CLIENT, basic != null ? basic[0] : first(form, "client_id"),
                        basic != null ? basic[1] : first(form, "client_secret"), address);
            }
            default -> error(400, "unsupported_grant_type", "grant_type must be password or client_credentials");
        };
    }

    private Response signIn(Account.Kind kind, String login, String secret, String address) {
        if (login == null || secret == null) {
            return error(400, "invalid_request", kind == Account.Kind.USER ? "username and password are required"
                    : "client_id and client_secret are required");
        }
        String unstorable = StorableText.problem(login) != null ? StorableText.problem(login) : StorableText.problem(secret);
        if (unstorable != null) {
            return error(400, "invalid_request", "the credentials " + unstorable);
        }
        String loginKey = kind + ":" + login.toLowerCase(Locale.ROOT);
        LoginGuard.Attempt attempt = guard.reserve(loginKey, "address:" + address);
        if (attempt.refused()) {
            limited.get(kind).increment();
            long wait = attempt.retryAfter();
            return Response.status(429).header("Retry-After", wait).header("Cache-Control", "no-store")
                    .entity(TokenError.of("too_many_attempts", 429, "too many failed attempts; try again in " + wait + " s"))
                    .build();
        }
        Account account = Account.live(kind, login);
        boolean matches = BcryptUtil.matches(secret, account != null ? account.secretHash : DECOY);
        // A disabled account is refused as a wrong password is: whether it exists, or is disabled, does not leak.
        if (account == null || !matches || account.disabledAt != null) {
            refused.get(kind).increment();
            // The reservation stays: it is this failure.
            return kind == Account.Kind.USER
                    ? error(400, "invalid_grant", "the username or the password is wrong")
                    : error(401, "invalid_client", "the client id or the secret is wrong");
        }
        accepted.get(kind).increment();
        guard.succeeded(attempt, loginKey);
        int lifespan = config.jwt().lifespan();
        long issued = System.currentTimeMillis();
        JwtClaimsBuilder claims = Jwt.issuer(config.jwt().issuer())
                .issuedAt(issued / 1000)
                .claim(Caller.ISSUED_AT_MILLIS, issued)
                .subject(account.id.toString())
                .upn(account.login)
                .groups(Set.of(account.role.name()))
                .expiresIn(lifespan);
        if (account.organisationId != null) {
            claims.claim(Caller.ORGANISATION, account.organisationId.toString());
        }
        if (account.municipalityCode != null) {
            claims.claim(Caller.MUNICIPALITY, account.municipalityCode);
        }
        if (account.countryCode != null) {
            claims.claim(Caller.COUNTRY, account.countryCode);
        }
        return Response.ok(new Token(claims.sign(), "Bearer", lifespan)).header("Cache-Control", "no-store").build();
    }

    /** Whether the service signs its own tokens: it has a key, and the tokens it verifies are its own. */
    private static boolean signs() {
        var config = ConfigProvider.getConfig();
        var own = config.getOptionalValue("logbook.jwt.own-public-key", String.class);
        return config.getOptionalValue("smallrye.jwt.sign.key", String.class).isPresent()
                && config.getOptionalValue("mp.jwt.verify.publickey.location", String.class).isEmpty()
                && own.isPresent() && own.equals(config.getOptionalValue("mp.jwt.verify.publickey", String.class));
    }

    private static String[] basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        String value = values == null || values.isEmpty() ? null : values.get(0);
        return value == null || value.isEmpty() ? null : value;
    }

    private static Response error(int status, String error, String description) {
        return Response.status(status).header("Cache-Control", "no-store").entity(TokenError.of(error, status, description)).build();
    }
}
