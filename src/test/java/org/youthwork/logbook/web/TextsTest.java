package org.youthwork.logbook.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every text of the web app exists in Slovenian, English and Bulgarian, with the same placeholders. A counted text
 * ({@code key.one}, {@code key.other}, …) has each plural form its language needs (Intl.PluralRules' categories).
 */
class TextsTest {

    private static final Path TEXTS = Path.of("src/main/resources/web/app/i18n");
    private static final Map<String, Set<String>> PLURALS = Map.of(
            "sl", Set.of("one", "two", "few", "other"), "en", Set.of("one", "other"), "bg", Set.of("one", "other"));
    private static final Pattern PLURAL = Pattern.compile("(.+)\\.(zero|one|two|few|many|other)");

    @Test
    void shouldHaveEveryKeyInEveryLanguageWithTheSamePlaceholders() throws IOException {
        List<Path> folders = new ArrayList<>(List.of(TEXTS));
        try (Stream<Path> pages = Files.list(TEXTS)) {
            pages.filter(Files::isDirectory).forEach(folders::add);
        }
        assertTrue(folders.size() > 1, "the pages keep their texts in folders under " + TEXTS);
        for (Path folder : folders) {
            Map<String, String> english = texts(folder, "en");
            assertTrue(!english.isEmpty(), folder + " has English texts");
            for (String language : PLURALS.keySet()) {
                Map<String, String> texts = texts(folder, language);
                String file = folder + "/" + language + ".json";
                assertEquals(keys(english.keySet()), keys(texts.keySet()), file + " keys");
                for (String key : keys(texts.keySet())) {
                    if (!texts.containsKey(key)) {
                        for (String form : PLURALS.get(language)) {
                            assertTrue(texts.containsKey(key + "." + form), file + ": " + key + " lacks its plural form " + form);
                        }
                    }
                }
                texts.forEach((key, text) -> {
                    assertTrue(!text.isBlank(), file + ": " + key + " is empty");
                    String base = english.getOrDefault(key, english.get(keyOf(key) + ".other"));
                    assertEquals(placeholders(base), placeholders(text), file + ": " + key);
                });
            }
        }
    }

    private static Map<String, String> texts(Path folder, String language) throws IOException {
        Path file = folder.resolve(language + ".json");
        assertTrue(Files.exists(file), file + " exists");
        return new ObjectMapper().readValue(file.toFile(), new com.fasterxml.jackson.core.type.TypeReference<>() { });
    }

    /** The keys with plural forms folded into one. */
    private static TreeSet<String> keys(Set<String> keys) {
        TreeSet<String> folded = new TreeSet<>();
        keys.forEach(key -> folded.add(keyOf(key)));
        return folded;
    }

    private static String keyOf(String key) {
        Matcher plural = PLURAL.matcher(key);
        return plural.matches() ? plural.group(1) : key;
    }

    private static TreeSet<String> placeholders(String text) {
        TreeSet<String> names = new TreeSet<>();
        Matcher matcher = Pattern.compile("\\{(\\w+)\\}").matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
