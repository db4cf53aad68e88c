package org.youthwork.logbook.session;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The Java sum that is answered right after storing equals what the database generates (checked on real rows in SessionResourceTest). */
class ParticipantsTotalTest {

    @Test
    void shouldSumTheReportedCountsAndIgnoreTheUnreported() {
        Random random = new Random(5);
        for (int round = 0; round < 200; round++) {
            List<ParticipantCount> counts = new ArrayList<>();
            int expected = 0;
            for (AgeBand band : AgeBand.values()) {
                for (Gender gender : Gender.values()) {
                    if (random.nextBoolean()) {
                        int count = random.nextInt(10001);
                        counts.add(new ParticipantCount(band, gender, count));
                        expected += count;
                    }
                }
            }
            Participants participants = Participants.of(counts);
            assertEquals(expected, participants.total());
            assertEquals(counts.size(), participants.counts().size());
        }
    }
}
