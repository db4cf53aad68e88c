package org.youthwork.logbook.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every text of the web app exists in Slovenian, English and Bulgarian, with the same placeholders. */
class TextsTest {

    private static final Path TEXTS = Path.of("src/main/resources/web/app/i18n");
    private static final List<String> LANGUAGES = List.of("sl", "en", "bg");

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
            for (String language : LANGUAGES) {
                Map<String, String> texts = texts(folder, language);
                assertEquals(new TreeSet<>(english.keySet()), new TreeSet<>(texts.keySet()), folder + "/" + language + ".json keys");
                texts.forEach((key, text) -> {
                    assertTrue(!text.isBlank(), folder + "/" + language + ".json: " + key + " is empty");
                    assertEquals(placeholders(english.get(key)), placeholders(text), folder + "/" + language + ".json: " + key);
                });
            }
        }
    }

    private static Map<String, String> texts(Path folder, String language) throws IOException {
        Path file = folder.resolve(language + ".json");
        assertTrue(Files.exists(file), file + " exists");
        return new ObjectMapper().readValue(file.toFile(), new com.fasterxml.jackson.core.type.TypeReference<>() { });
    }

    private static TreeSet<String> placeholders(String text) {
        TreeSet<String> names = new TreeSet<>();
        var matcher = java.util.regex.Pattern.compile("\\{(\\w+)\\}").matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
