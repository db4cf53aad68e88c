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
import java.util.UUID;

/**
 * A token of ours is good only while its account lives: deleting an account ends its tokens at once, not when they
 * expire. Tokens of an external identity provider are that provider's to revoke.
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
            if (!live(jwt.getSubject())) {
                throw new AuthenticationFailedException("The account of this token no longer exists");
            }
            return identity;
        });
    }

    private boolean live(String subject) {
        UUID id;
        try {
            id = UUID.fromString(subject);
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select 1 from account where id = ? and deleted_at is null")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot check the account of a token", e);
        }
    }
}
