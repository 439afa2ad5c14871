package io.storyline.nlp;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import org.junit.Test;

public class GreedyPosTaggerTest {
  private final GreedyPosTagger greedy = new GreedyPosTagger(NlpModels.partsOfSpeech());
  private final POSTaggerME beam = new POSTaggerME(NlpModels.partsOfSpeech());

  @Test
  public void tagsEverySentenceOfTheSampleAsOpenNlpsTaggerDoes() throws IOException {
    SentenceDetectorME sentences = new SentenceDetectorME(NlpModels.sentences());
    int compared = 0;
    try (Stream<Path> files = Files.list(Paths.get("..", "fixtures", "sample"))) {
      for (Path file : files.sorted().toList()) {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          for (String sentence : sentences.sentDetect(line)) {
            String[] words = words(sentence);
            if (words.length == 0) {
              continue;
            }
            assertArrayEquals(sentence, beam.tag(words), greedy.tag(words));
            compared++;
          }
        }
      }
    }
    assertTrue("sentences compared: " + compared, compared > 100);
  }

  @Test
  public void tagsTheSameSentenceTheSameWayWithAWarmCache() {
    String[] words = words("NASA's Crew-11 launched 3,000 rockets in the U.S. on Monday.");
    String[] first = greedy.tag(words);
    assertArrayEquals(first, greedy.tag(words));
    assertArrayEquals(beam.tag(words), first);
    assertTrue(List.of(first).contains("VERB"));
  }

  private static String[] words(String sentence) {
    return WordTokenizer.tokenize(sentence).stream().map(t -> t.text).toArray(String[]::new);
  }
}
