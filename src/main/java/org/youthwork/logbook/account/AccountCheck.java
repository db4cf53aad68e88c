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
            if (!live(jwt.getSubject(), issuedAt(jwt))) {
                throw new AuthenticationFailedException("The account of this token is gone, disabled, or has new credentials");
            }
            return identity;
        });
    }

    private static Long issuedAt(JsonWebToken jwt) {
        Object iat = jwt.getClaim("iat");
        return iat instanceof Number n ? n.longValue() : null;
    }

    /**
     * iat has whole seconds: a token issued in the second of the change, but after it, must work (it is the new
     * sign-in), so the change counts from the start of its second. A token issued in that second before the change
     * keeps working; at most one second of them.
     */
    private boolean live(String subject, Long issuedAt) {
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
                          or date_trunc('second', credentials_changed_at) <= to_timestamp(cast(? as bigint)))""")) {
            ps.setObject(1, id);
            if (issuedAt == null) {
                ps.setNull(2, Types.BIGINT);
            } else {
                ps.setLong(2, issuedAt);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot check the account of a token", e);
        }
    }
}
