package org.youthwork.logbook.system;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.youthwork.logbook.ProductionSettings;

/**
 * The packaged application (target/quarkus-app, the jar the Dockerfile ships) started as in production, with the
 * prod profile and the settings an operator gives it, does the generated client's round: sign in, log, read.
 */
@QuarkusIntegrationTest
@WithTestResource(ProductionSettings.class)
class PackagedApplicationIT extends GeneratedClientTest {
}
