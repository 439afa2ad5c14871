package io.storyline.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The gold story of each article of a labelled JSON Lines file: one object per line with an {@code
 * id} and a {@code gold_story}. Lines without a {@code gold_story} are counted and left out.
 */
final class GoldStories {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Article id to gold story, in file order. */
  final Map<String, String> storyOf;

  /** Article id to title, where the line has one. */
  final Map<String, String> titleOf;

  /** Lines with an id but no gold story. */
  final int unlabelled;

  private GoldStories(Map<String, String> storyOf, Map<String, String> titleOf, int unlabelled) {
    this.storyOf = Collections.unmodifiableMap(storyOf);
    this.titleOf = Collections.unmodifiableMap(titleOf);
    this.unlabelled = unlabelled;
  }

  /**
   * Reads {@code file}.
   *
   * @throws IllegalArgumentException on a line that is not a JSON object, has no id, or repeats an
   *     id
   */
  static GoldStories read(Path file) throws IOException {
    Map<String, String> storyOf = new LinkedHashMap<>();
    Map<String, String> titleOf = new HashMap<>();
    Set<String> seen = new HashSet<>();
    int unlabelled = 0;
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      long lineNumber = 0;
      while ((line = reader.readLine()) != null) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode node;
        try {
          node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
          throw new IllegalArgumentException(
              file + ":" + lineNumber + ": not JSON: " + e.getOriginalMessage(), e);
        }
        String id = text(node, "id");
        if (!node.isObject() || id == null) {
          throw new IllegalArgumentException(file + ":" + lineNumber + ": no \"id\"");
        }
        if (!seen.add(id)) {
          throw new IllegalArgumentException(file + ":" + lineNumber + ": repeated id " + id);
        }
        String story = text(node, "gold_story");
        String title = text(node, "title");
        if (title != null) {
          titleOf.put(id, title);
        }
        if (story == null) {
          unlabelled++;
        } else {
          storyOf.put(id, story);
        }
      }
    }
    return new GoldStories(storyOf, titleOf, unlabelled);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
