package io.storyline.nlp;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** English function words and reporting filler: never entities, never signature terms. */
public final class Stopwords {
  private static final Set<String> WORDS =
      new HashSet<>(Arrays.asList(
          "a", "about", "above", "according", "across", "after", "afterwards", "again", "against",
          "ago", "all", "almost", "alone", "along", "already", "also", "although", "always", "am",
          "among", "amid", "an", "and", "another", "any", "anyone", "anything", "are", "around",
          "as", "at", "back", "be", "became", "because", "become", "been", "before", "being",
          "below", "beside", "besides", "between", "beyond", "both", "but", "by", "can", "cannot",
          "could", "despite", "did", "do", "does", "doing", "done", "down", "during", "each",
          "either", "else", "enough", "even", "ever", "every", "everyone", "everything", "except",
          "few", "first", "for", "former", "from", "further", "had", "has", "have", "having", "he",
          "her", "here", "hers", "herself", "him", "himself", "his", "how", "however", "i", "if",
          "in", "including", "inside", "into", "is", "it", "its", "itself", "just", "last", "later",
          "least", "less", "like", "many", "may", "me", "meanwhile", "might", "more", "moreover",
          "most", "mostly", "much", "must", "my", "myself", "near", "neither", "never",
          "nevertheless", "new", "next", "no", "nobody", "none", "nor", "not", "nothing", "now",
          "of", "off", "often", "on", "once", "one", "only", "onto", "or", "other", "others",
          "otherwise", "our", "ours", "ourselves", "out", "over", "own", "per", "perhaps", "please",
          "rather", "really", "said", "same", "say", "says", "see", "several", "she", "should",
          "since", "so", "some", "someone", "something", "still", "such", "than", "that", "the",
          "their", "theirs", "them", "themselves", "then", "there", "therefore", "these", "they",
          "this", "those", "though", "through", "throughout", "thus", "to", "together", "too",
          "toward", "towards", "under", "unless", "until", "up", "upon", "us", "very", "via", "was",
          "we", "well", "were", "what", "whatever", "when", "whenever", "where", "whereas",
          "whether", "which", "while", "who", "whoever", "whole", "whom", "whose", "why", "will",
          "with", "within", "without", "would", "yet", "you", "your", "yours", "yourself",
          "yourselves", "mr", "mrs", "ms", "dr", "told", "tells", "tell", "added", "get", "got",
          "make", "made", "makes", "take", "took", "go", "went", "goes", "going", "come", "came",
          "year", "years", "day", "days", "week", "weeks", "month", "months", "time", "times",
          "today", "yesterday", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday",
          "saturday", "sunday", "two", "three", "four", "five", "six", "seven", "eight", "nine",
          "ten", "people", "way", "news", "report", "reported", "reports", "according", "would",
          "it's", "don't", "there's", "i'm", "that's", "he's", "she's", "we're", "they're", "can't",
          "won't", "isn't", "wasn't", "didn't", "doesn't", "s", "t", "re", "ve", "ll", "d"));

  private Stopwords() {}

  public static boolean contains(String word) {
    return WORDS.contains(word.toLowerCase(Locale.ROOT));
  }
}
