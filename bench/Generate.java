import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Realistic youth-work sessions, deterministic from a seed: youth centres of very different sizes spread over the
 * municipalities by population, summer and school-holiday seasons, fewer sessions at weekends, method, theme and
 * setting mixes like real centres', mostly 15-24 year olds, some youth-led and some estimated head counts.
 *
 *   java bench/Generate.java --sessions 1000000 [--organisations 500] [--years 10] [--seed 1] [--out /tmp/bench]
 *
 * Writes organisations.csv (for COPY into organisation), sessions.ndjson (for the import endpoint), sessions.csv (the
 * same sessions as youth_session rows, for PostgreSQL's own COPY as the yardstick) and columns.txt (its columns).
 */
public class Generate {

    record Place(String code, int population) {
    }

    record Org(UUID id, String municipality, double weight, boolean member) {
    }

    static final String[] METHODS = {"STREET", "DIGITAL", "INFORMAL_GROUP", "OPEN", "GROUP_PROGRAMME", "EVENT", "COUNSELLING"};
    static final double[] METHOD_WEIGHTS = {0.10, 0.08, 0.12, 0.35, 0.20, 0.10, 0.05};
    static final String[] THEMES = {"AUTONOMY", "NON_FORMAL_LEARNING", "EMPLOYMENT", "FEWER_OPPORTUNITIES", "VOLUNTEERING",
            "MOBILITY", "HEALTH", "CULTURE", "PARTICIPATION"};
    static final String[] BANDS = {"UNDER_15", "15-19", "20-24", "25-29", "OVER_29"};
    static final String[] BAND_COLUMNS = {"under15", "age15_19", "age20_24", "age25_29", "over29"};
    static final double[] BAND_WEIGHTS = {0.08, 0.45, 0.30, 0.13, 0.04};
    static final String[] GENDERS = {"FEMALE", "MALE", "OTHER"};
    /** Sessions per calendar month, relative: summer programmes, a quieter August and December. */
    static final double[] SEASON = {0.9, 1.0, 1.0, 1.0, 1.1, 1.0, 1.3, 0.8, 1.0, 1.1, 1.1, 0.7};

    public static void main(String[] args) throws IOException {
        long sessions = Long.parseLong(arg(args, "--sessions", "100000"));
        int organisations = Integer.parseInt(arg(args, "--organisations", String.valueOf(Math.max(53, sessions / 2000))));
        int years = Integer.parseInt(arg(args, "--years", "10"));
        Random random = new Random(Long.parseLong(arg(args, "--seed", "1")));
        Path out = Path.of(arg(args, "--out", "/tmp/logbook-bench"));
        Files.createDirectories(out);

        List<Place> places = places();
        long totalPopulation = places.stream().mapToLong(Place::population).sum();
        List<Org> orgs = new ArrayList<>();
        double totalWeight = 0;
        try (BufferedWriter csv = Files.newBufferedWriter(out.resolve("organisations.csv"), StandardCharsets.UTF_8)) {
            for (int i = 0; i < organisations; i++) {
                Place place = pick(random, places, totalPopulation);
                double weight = 1 / Math.pow(i + 1, 0.8);
                Org org = new Org(new UUID(random.nextLong(), random.nextLong()), place.code(), weight, random.nextInt(4) != 0);
                orgs.add(org);
                totalWeight += weight;
                csv.write(org.id() + ",Youth centre " + (i + 1) + ",YOUTH_CENTRE," + org.municipality() + "," + org.member()
                        + ",2026-01-01T00:00:00Z,2026-01-01T00:00:00Z\n");
            }
        }
        double[] cumulative = new double[orgs.size()];
        double running = 0;
        for (int i = 0; i < orgs.size(); i++) {
            running += orgs.get(i).weight() / totalWeight;
            cumulative[i] = running;
        }
        LocalDate last = LocalDate.now().minusDays(1);
        LocalDate first = last.minusYears(years).plusDays(1);
        int days = (int) (last.toEpochDay() - first.toEpochDay() + 1);

        try (BufferedWriter ndjson = Files.newBufferedWriter(out.resolve("sessions.ndjson"), StandardCharsets.UTF_8);
             BufferedWriter rows = Files.newBufferedWriter(out.resolve("sessions.csv"), StandardCharsets.UTF_8)) {
            for (long n = 0; n < sessions; n++) {
                Org org = orgs.get(index(cumulative, random.nextDouble()));
                LocalDate date;
                do {
                    date = first.plusDays(random.nextInt(days));
                } while (random.nextDouble() > SEASON[date.getMonthValue() - 1] / 1.3
                        * (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY ? 0.4 : 1.0));
                int method = weighted(random, METHOD_WEIGHTS);
                int methods = 1 << method;
                if (method == 0 && random.nextBoolean()) {
                    methods |= 1 << 2; // street work often meets informal groups
                }
                int themes = 1 << random.nextInt(THEMES.length);
                if (random.nextInt(3) == 0) {
                    themes |= 1 << random.nextInt(THEMES.length);
                }
                String setting = switch (METHODS[method]) {
                    case "STREET" -> "PUBLIC_SPACE";
                    case "DIGITAL" -> "ONLINE";
                    case "EVENT" -> random.nextBoolean() ? "PUBLIC_SPACE" : "OTHER";
                    default -> random.nextInt(10) == 0 ? "SCHOOL" : "YOUTH_CENTRE";
                };
                int scale = METHODS[method].equals("EVENT") ? 60 : METHODS[method].equals("COUNSELLING") ? 3 : 14;
                int[][] counts = new int[BANDS.length][GENDERS.length];
                int total = 0;
                int people = 1 + random.nextInt(scale * 2);
                for (int p = 0; p < people; p++) {
                    int band = weighted(random, BAND_WEIGHTS);
                    int gender = random.nextInt(100) < 3 ? 2 : random.nextInt(2);
                    counts[band][gender]++;
                    total++;
                }
                int duration = METHODS[method].equals("EVENT") ? 120 + 30 * random.nextInt(8) : 45 + 15 * random.nextInt(10);
                int workers = 1 + random.nextInt(METHODS[method].equals("EVENT") ? 5 : 2);
                boolean youthLed = random.nextInt(10) == 0;
                boolean estimated = setting.equals("PUBLIC_SPACE") || setting.equals("ONLINE");
                int firstTime = random.nextInt(total / 4 + 1);
                int unorganised = total / 2 + random.nextInt(total / 2 + 1);
                int fewer = random.nextInt(total / 5 + 1);
                UUID id = new UUID(random.nextLong(), random.nextLong());

                StringBuilder json = new StringBuilder(512);
                json.append("{\"id\":\"").append(id).append("\",\"organisationId\":\"").append(org.id())
                        .append("\",\"municipalityCode\":\"").append(org.municipality()).append("\",\"date\":\"").append(date)
                        .append("\",\"durationMinutes\":").append(duration).append(",\"title\":\"").append(METHODS[method].toLowerCase())
                        .append(" session\",\"methods\":[").append(codes(methods, METHODS)).append("],\"themes\":[")
                        .append(codes(themes, THEMES)).append("],\"setting\":\"").append(setting).append("\",\"participants\":[");
                boolean firstPair = true;
                for (int b = 0; b < BANDS.length; b++) {
                    for (int g = 0; g < GENDERS.length; g++) {
                        if (counts[b][g] > 0) {
                            json.append(firstPair ? "" : ",").append("{\"ageBand\":\"").append(BANDS[b]).append("\",\"gender\":\"")
                                    .append(GENDERS[g]).append("\",\"count\":").append(counts[b][g]).append('}');
                            firstPair = false;
                        }
                    }
                }
                json.append("],\"participantsEstimated\":").append(estimated).append(",\"firstTimeParticipants\":").append(firstTime)
                        .append(",\"unorganisedYouth\":").append(unorganised).append(",\"fewerOpportunities\":").append(fewer)
                        .append(",\"youthWorkers\":").append(workers).append(",\"youthLed\":").append(youthLed)
                        .append(",\"youngLeaders\":").append(youthLed ? 2 : 0).append("}\n");
                ndjson.write(json.toString());

                StringBuilder row = new StringBuilder(256);
                row.append(id).append(',').append(org.id()).append(',').append(org.municipality()).append(',').append(date)
                        .append(",,").append(duration).append(',').append(METHODS[method].toLowerCase()).append(" session,")
                        .append(methods).append(',').append(themes).append(',').append(setting);
                for (int b = 0; b < BANDS.length; b++) {
                    for (int g = 0; g < GENDERS.length; g++) {
                        row.append(',').append(counts[b][g] > 0 ? String.valueOf(counts[b][g]) : "");
                    }
                }
                row.append(',').append(estimated).append(',').append(firstTime).append(',').append(unorganised).append(',')
                        .append(fewer).append(',').append(workers).append(",0,").append(youthLed).append(',')
                        .append(youthLed ? 2 : 0).append(",,0,2026-01-01T00:00:00Z,2026-01-01T00:00:00Z,\n");
                rows.write(row.toString());
            }
        }
        Files.writeString(out.resolve("columns.txt"), COLUMNS + "\n");
        System.err.printf("%d organisations, %d sessions from %s to %s in %s%n", organisations, sessions, first, last, out);
    }

    /** The columns of sessions.csv, in order, for COPY. */
    static final String COLUMNS = "id, organisation_id, municipality_code, held_on, start_time, duration_minutes, title, methods, "
            + "themes, setting, " + String.join(", ", pairColumns()) + ", participants_estimated, first_time_participants, "
            + "unorganised_youth, fewer_opportunities, youth_workers, volunteers, youth_led, young_leaders, notes, version, "
            + "created_at, updated_at, deleted_at";

    static List<String> pairColumns() {
        List<String> columns = new ArrayList<>();
        for (String band : BAND_COLUMNS) {
            for (String gender : GENDERS) {
                columns.add(band + "_" + gender.toLowerCase());
            }
        }
        return columns;
    }

    static String codes(int bits, String[] names) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            if ((bits & (1 << i)) != 0) {
                s.append(s.length() == 0 ? "" : ",").append('"').append(names[i]).append('"');
            }
        }
        return s.toString();
    }

    static List<Place> places() throws IOException {
        String sql = Files.readString(Path.of("src/main/resources/db/migration/V002__reference_data.sql"));
        Matcher m = Pattern.compile("\\('(SI-\\d{3})', 'SI\\d{3}', 'SI', '[^']*', (\\d+)\\)").matcher(sql);
        List<Place> places = new ArrayList<>();
        while (m.find()) {
            places.add(new Place(m.group(1), Integer.parseInt(m.group(2))));
        }
        return places;
    }

    static Place pick(Random random, List<Place> places, long total) {
        long at = (long) (random.nextDouble() * total);
        for (Place p : places) {
            at -= p.population();
            if (at < 0) {
                return p;
            }
        }
        return places.get(places.size() - 1);
    }

    static int index(double[] cumulative, double x) {
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            if (cumulative[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    static int weighted(Random random, double[] weights) {
        double x = random.nextDouble();
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
