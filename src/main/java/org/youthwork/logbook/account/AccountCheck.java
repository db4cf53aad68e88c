package org.youthwork.logbook.account;

import io.agroal.api.AgroalDataSource;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.youthwork.logbook.system.LogbookConfig;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.UUID;

/**
 * A token of ours is good only while its account lives, is enabled, and has the credentials it was issued for:
 * deleting or disabling an account, and a new password or secret, end its tokens at once, not when they expire.
 * Tokens of an external identity provider are that provider's to revoke.
 */
@ApplicationScoped
class AccountCheck implements SecurityIdentityAugmentor {

    private final AgroalDataSource db;
    private final String issuer;

    AccountCheck(AgroalDataSource db, LogbookConfig config) {
        this.db = db;
        this.issuer = config.jwt().issuer();
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt) || !issuer.equals(jwt.getIssuer())) {
            return Uni.createFrom().item(identity);
        }
        return context.runBlocking(() -> {
            if (!live(jwt.getSubject(), issuedAtMillis(jwt))) {
                throw new AuthenticationFailedException("The account of this token is gone, disabled, or has new credentials");
            }
            return identity;
        });
    }

    /**
     * When the token was issued, in milliseconds. A change of credentials ends the tokens issued before it: with the
     * milliseconds of our tokens exactly. A token without them (issued before they were added) has iat, whole seconds:
     * it counts from the end of its second, so that the new sign-in in the second of a change works, and one issued in
     * that second before the change keeps working until it expires.
     */
    private static Long issuedAtMillis(JsonWebToken jwt) {
        Object millis = jwt.getClaim(Caller.ISSUED_AT_MILLIS);
        if (millis instanceof Number n) {
            return n.longValue();
        }
        if (millis instanceof jakarta.json.JsonNumber n) {
            return n.longValue();
        }
        Object iat = jwt.getClaim("iat");
        return iat instanceof Number n ? n.longValue() * 1000 + 999 : null;
    }

    private boolean live(String subject, Long issuedAtMillis) {
        UUID id;
        try {
            id = UUID.fromString(subject);
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     select 1 from account where id = ? and deleted_at is null and disabled_at is null
                     and (credentials_changed_at is null
                          or floor(extract(epoch from credentials_changed_at) * 1000) <= cast(? as bigint))""")) {
            ps.setObject(1, id);
            if (issuedAtMillis == null) {
                ps.setNull(2, Types.BIGINT);
            } else {
                ps.setLong(2, issuedAtMillis);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot check the account of a token", e);
        }
    }
}
