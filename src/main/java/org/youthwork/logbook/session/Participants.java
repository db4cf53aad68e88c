package org.youthwork.logbook.session;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.util.ArrayList;
import java.util.List;

/**
 * The fifteen head counts of a session, one column per (age band, gender): a pair can be reported at most once by
 * construction. A null count is a pair that was not reported.
 */
@Embeddable
public class Participants {

    @Column(name = "under15_female") Integer under15Female;
    @Column(name = "under15_male") Integer under15Male;
    @Column(name = "under15_other") Integer under15Other;
    @Column(name = "age15_19_female") Integer age15to19Female;
    @Column(name = "age15_19_male") Integer age15to19Male;
    @Column(name = "age15_19_other") Integer age15to19Other;
    @Column(name = "age20_24_female") Integer age20to24Female;
    @Column(name = "age20_24_male") Integer age20to24Male;
    @Column(name = "age20_24_other") Integer age20to24Other;
    @Column(name = "age25_29_female") Integer age25to29Female;
    @Column(name = "age25_29_male") Integer age25to29Male;
    @Column(name = "age25_29_other") Integer age25to29Other;
    @Column(name = "over29_female") Integer over29Female;
    @Column(name = "over29_male") Integer over29Male;
    @Column(name = "over29_other") Integer over29Other;

    static Participants of(List<ParticipantCount> counts) {
        Participants p = new Participants();
        for (ParticipantCount c : counts) {
            p.set(c.ageBand(), c.gender(), c.count());
        }
        return p;
    }

    /** The reported pairs, in the order of the code lists. */
    List<ParticipantCount> counts() {
        List<ParticipantCount> counts = new ArrayList<>();
        for (AgeBand band : AgeBand.values()) {
            for (Gender gender : Gender.values()) {
                Integer count = get(band, gender);
                if (count != null) {
                    counts.add(new ParticipantCount(band, gender, count));
                }
            }
        }
        return counts;
    }

    /** The sum of the counts, as the database's generated column participants_total computes it. */
    int total() {
        int total = 0;
        for (ParticipantCount c : counts()) {
            total += c.count();
        }
        return total;
    }

    Integer get(AgeBand band, Gender gender) {
        return switch (band) {
            case UNDER_15 -> pick(gender, under15Female, under15Male, under15Other);
            case AGE_15_19 -> pick(gender, age15to19Female, age15to19Male, age15to19Other);
            case AGE_20_24 -> pick(gender, age20to24Female, age20to24Male, age20to24Other);
            case AGE_25_29 -> pick(gender, age25to29Female, age25to29Male, age25to29Other);
            case OVER_29 -> pick(gender, over29Female, over29Male, over29Other);
        };
    }

    private void set(AgeBand band, Gender gender, Integer count) {
        switch (band) {
            case UNDER_15 -> {
                switch (gender) {
                    case FEMALE -> under15Female = count;
                    case MALE -> under15Male = count;
                    case OTHER -> under15Other = count;
                }
            }
            case AGE_15_19 -> {
                switch (gender) {
                    case FEMALE -> age15to19Female = count;
                    case MALE -> age15to19Male = count;
                    case OTHER -> age15to19Other = count;
                }
            }
            case AGE_20_24 -> {
                switch (gender) {
                    case FEMALE -> age20to24Female = count;
                    case MALE -> age20to24Male = count;
                    case OTHER -> age20to24Other = count;
                }
            }
            case AGE_25_29 -> {
                switch (gender) {
                    case FEMALE -> age25to29Female = count;
                    case MALE -> age25to29Male = count;
                    case OTHER -> age25to29Other = count;
                }
            }
            case OVER_29 -> {
                switch (gender) {
                    case FEMALE -> over29Female = count;
                    case MALE -> over29Male = count;
                    case OTHER -> over29Other = count;
                }
            }
        }
    }

    private static Integer pick(Gender gender, Integer female, Integer male, Integer other) {
        return switch (gender) {
            case FEMALE -> female;
            case MALE -> male;
            case OTHER -> other;
        };
    }
}
