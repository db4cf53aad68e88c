package org.youthwork.logbook.system;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The service's clock, in its configured zone: "today" for the date rules, and the time of every change. */
public class Clocks {

    @Produces
    @Singleton
    Clock clock(LogbookConfig config) {
        return Clock.system(config.timeZone());
    }
}
