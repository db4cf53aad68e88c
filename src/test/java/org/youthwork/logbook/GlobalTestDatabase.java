package org.youthwork.logbook;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Registers {@link TestDatabase} once for every {@code @QuarkusTest}: one database, one application start. */
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
public class GlobalTestDatabase {
}
