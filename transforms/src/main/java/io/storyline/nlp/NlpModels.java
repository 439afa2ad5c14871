package io.storyline.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.lemmatizer.LemmatizerModel;
import opennlp.tools.postag.POSModel;
import opennlp.tools.sentdetect.SentenceModel;

/**
 * The OpenNLP models, each read once per JVM on first use and shared by every DoFn instance
 * (models are thread-safe; the {@code *ME} objects built from them are not, so each DoFn builds
 * its own in {@code @Setup}).
 */
public final class NlpModels {
  private NlpModels() {}

  public static SentenceModel sentences() {
    return Holder.SENTENCES;
  }

  public static POSModel partsOfSpeech() {
    return Holder.POS;
  }

  public static LemmatizerModel lemmas() {
    return Holder.LEMMAS;
  }

  public static LanguageDetectorModel languages() {
    return LanguageHolder.LANGUAGES;
  }

  /** Class initialisation is the JVM's own once-only, thread-safe lazy load. */
  private static final class Holder {
    static final SentenceModel SENTENCES =
        load("/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin", SentenceModel::new);
    static final POSModel POS = load("/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin", POSModel::new);
    static final LemmatizerModel LEMMAS =
        load("/opennlp-en-ud-ewt-lemmas-1.3-2.5.4.bin", LemmatizerModel::new);
  }

  /** Separate from {@link Holder}: the language model is large and needed by another stage. */
  private static final class LanguageHolder {
    static final LanguageDetectorModel LANGUAGES =
        load("/langdetect-183.bin", LanguageDetectorModel::new);
  }

  private interface ModelReader<M> {
    M read(InputStream in) throws IOException;
  }

  private static <M> M load(String resource, ModelReader<M> reader) {
    try (InputStream in = NlpModels.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("model not on the classpath: " + resource);
      }
      return reader.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read model " + resource, e);
    }
  }
}
