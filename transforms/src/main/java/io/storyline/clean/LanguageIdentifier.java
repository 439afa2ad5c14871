package io.storyline.clean;

import io.storyline.nlp.NlpModels;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;

/** Detects an article's language with OpenNLP's model; not thread-safe, one per DoFn instance. */
public final class LanguageIdentifier {
  public static final String UNDETERMINED = "und";
  /** Enough text to decide; longer texts only cost time. */
  private static final int SAMPLE_CHARS = 2000;
  private static final double MIN_CONFIDENCE = 0.5;
  private static final Map<String, String> ISO3_TO_ISO1 = iso3ToIso1();

  private final LanguageDetectorME detector = new LanguageDetectorME(NlpModels.languages());

  /** ISO 639-1 code where one exists (en, de), else the model's ISO 639-3 code, or {@code und}. */
  public String detect(String text) {
    String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
    if (sample.isBlank()) {
      return UNDETERMINED;
    }
    Language best = detector.predictLanguage(sample);
    if (best == null || best.getConfidence() < MIN_CONFIDENCE && sample.length() > 200) {
      return UNDETERMINED;
    }
    return normalize(best.getLang());
  }

  /** Normalises a declared or detected code to ISO 639-1 where there is one. */
  public static String normalize(String code) {
    String lower = code.strip().toLowerCase(Locale.ROOT);
    int dash = lower.indexOf('-') > 0 ? lower.indexOf('-') : lower.indexOf('_');
    if (dash > 0) {
      lower = lower.substring(0, dash);
    }
    return ISO3_TO_ISO1.getOrDefault(lower, lower);
  }

  private static Map<String, String> iso3ToIso1() {
    Map<String, String> map = new HashMap<>();
    for (String iso1 : Locale.getISOLanguages()) {
      try {
        map.put(new Locale(iso1).getISO3Language(), iso1);
      } catch (java.util.MissingResourceException e) {
        // No three-letter code for this language: nothing to map.
      }
    }
    // The model's codes for macrolanguages and scripts.
    map.put("cmn", "zh");
    map.put("zho", "zh");
    map.put("pes", "fa");
    map.put("nob", "no");
    return map;
  }
}
