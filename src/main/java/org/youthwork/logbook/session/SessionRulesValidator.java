package org.youthwork.logbook.session;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules that span fields: no code twice, no (age band, gender) pair twice, sub-counts within the participants,
 * and a date from 2000-01-01 to today in the service's zone.
 */
@Singleton
public class SessionRulesValidator implements ConstraintValidator<SessionRules, SessionRequest> {

    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    /** A provider: validators are built at static init, before the clock's zone is configured. */
    private final Provider<Clock> clocks;

    @Inject
    public SessionRulesValidator(Provider<Clock> clocks) {
        this.clocks = clocks;
    }

    @Override
    public boolean isValid(SessionRequest s, ConstraintValidatorContext context) {
        if (s == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        boolean valid = true;
        Clock clock = clocks.get();
        if (s.date() != null) {
            if (s.date().isBefore(EARLIEST)) {
                valid = violation(context, "date", "must be 2000-01-01 or later");
            } else if (s.date().isAfter(LocalDate.now(clock))) {
                valid = violation(context, "date", "must not be in the future (today is " + LocalDate.now(clock) + ")");
            }
        }
        valid &= distinct(s.methods(), "methods", context);
        valid &= distinct(s.themes(), "themes", context);
        if (s.participants() != null) {
            Set<String> pairs = new HashSet<>();
            for (int i = 0; i < s.participants().size(); i++) {
                ParticipantCount p = s.participants().get(i);
                if (p != null && p.ageBand() != null && p.gender() != null && !pairs.add(p.ageBand() + "/" + p.gender())) {
                    valid = violation(context, "participants[" + i + "]",
                            "the pair (" + p.ageBand().code() + ", " + p.gender() + ") is counted more than once");
                }
            }
        }
        if (!countsValid(s.participants())) {
            return valid; // the sub-counts are measured against a total only once every count is valid
        }
        int total = s.participantTotal();
        valid &= withinTotal(s.firstTimeParticipants(), total, "firstTimeParticipants", context);
        valid &= withinTotal(s.unorganisedYouth(), total, "unorganisedYouth", context);
        valid &= withinTotal(s.fewerOpportunities(), total, "fewerOpportunities", context);
        return valid;
    }

    private static boolean countsValid(List<ParticipantCount> participants) {
        return participants != null && participants.stream()
                .allMatch(p -> p != null && p.count() != null && p.count() >= 0 && p.count() <= 10000);
    }

    private static boolean distinct(List<?> codes, String field, ConstraintValidatorContext context) {
        if (codes == null) {
            return true;
        }
        Set<Object> seen = new HashSet<>();
        boolean valid = true;
        for (int i = 0; i < codes.size(); i++) {
            Object code = codes.get(i);
            if (code != null && !seen.add(code)) {
                valid = violation(context, field + "[" + i + "]", code + " is listed more than once");
            }
        }
        return valid;
    }

    private static boolean withinTotal(Integer count, int total, String field, ConstraintValidatorContext context) {
        if (count != null && count > total) {
            return violation(context, field, "must not be more than the session's " + total + " participants");
        }
        return true;
    }

    /** The field is carried in the message's property node as the client wrote it, index included. */
    private static boolean violation(ConstraintValidatorContext context, String field, String message) {
        context.buildConstraintViolationWithTemplate(message.replace("{", "\\{").replace("$", "\\$"))
                .addPropertyNode(field).addConstraintViolation();
        return false;
    }
}
