import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Writes the sentence embedding (all-MiniLM-L6-v2, quantised) of each article of a labelled JSON
 * Lines file: its title and the first 80 words of its text, one line per article, the id then
 * 384 numbers, tab-separated (the EMB.tsv of ../shared/datasets/floors.py). Prints the time per
 * article, one call at a time on one thread, first calls included.
 *
 *   java -cp CLASSPATH EmbedArticles.java FILE.jsonl OUT.tsv
 */
public class EmbedArticles {
  static final int WORDS = 80;

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: EmbedArticles FILE.jsonl OUT.tsv");
      System.exit(2);
    }
    var model = new AllMiniLmL6V2QuantizedEmbeddingModel();
    var json = new ObjectMapper();
    long start = System.nanoTime();
    int articles = 0;
    try (BufferedReader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8);
        PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[1])))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode article = json.readTree(line);
        String[] words = article.path("text").asText("").strip().split("\\s+");
        String text = article.path("title").asText("") + "\n"
            + String.join(" ", Arrays.copyOf(words, Math.min(WORDS, words.length)));
        StringBuilder row = new StringBuilder(article.path("id").asText());
        for (float x : model.embed(TextSegment.from(text)).content().vector()) {
          row.append('\t').append(x);
        }
        out.println(row);
        articles++;
      }
    }
    double ms = (System.nanoTime() - start) / 1e6;
    System.out.printf("%s: %d articles, %.1f ms per article%n", args[0], articles, ms / articles);
  }
}
