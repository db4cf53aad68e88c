package org.youthwork.logbook.session;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The rules of a session that span fields; checked by {@link SessionRulesValidator}. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = SessionRulesValidator.class)
public @interface SessionRules {

    String message() default "breaks the rules of a session";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
