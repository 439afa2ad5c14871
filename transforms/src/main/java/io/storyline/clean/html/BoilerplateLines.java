package io.storyline.clean.html;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Short lines that pages put between paragraphs and that are never article text: ad labels,
 * share prompts, comment counters, gallery counters. Lines are compared in the form of {@link
 * ArticleBodyFinder#key(String)}: lower case, letters and digits, single spaces.
 */
final class BoilerplateLines {
  private static final Set<String> LINES =
      Set.of(
          "ad", "ads", "advert", "advertisement", "advertising", "sponsored", "sponsored content",
          "paid content", "promoted", "comments", "comment", "leave a comment", "share",
          "share this", "share this article", "share this story", "share on facebook",
          "share on twitter", "tweet", "email", "print", "related", "related articles",
          "related stories", "related posts", "related content", "read more", "continue reading",
          "more", "loading", "click here", "close", "menu", "skip to content", "subscribe",
          "sign up", "log in", "login", "story continues below", "story continues below advertisement",
          "continue reading below", "advertisement continue reading below",
          "scroll to continue with content", "article continues below advertisement",
          "article continues below", "we recommend", "recommended", "you may also like",
          "trending", "most popular", "most read", "top stories", "more stories", "next article",
          "previous article", "view comments", "show comments", "image", "photo", "video",
          "watch", "listen", "play", "getty images", "ap photo", "reuters", "file photo");

  private static final Pattern PATTERNS =
      Pattern.compile(
          "(?:image|photo|slide|picture) \\d+ (?:of|/) \\d+"
              + "|\\d+ comments?"
              + "|(?:photo|image|picture|credit|source|caption)s? .{0,60}"
              + "|(?:share|follow us|follow me)(?: this| it| this article| this story)? (?:on|via) .{0,40}"
              + "|(?:click|tap) (?:here )?to .{0,40}");

  /** Openings of lines that point the reader elsewhere ("Related: ...", "Read more: ..."). */
  private static final Pattern POINTERS =
      Pattern.compile(
          "(?:related|read more|more|see also|also read|read also|recommended|watch|read"
              + "|click here|listen|more on this|related article|related story|related coverage"
              + "|don t miss|trending|popular|top stories|more from \\w+)\\b.*");

  private BoilerplateLines() {}

  /**
   * True for a line (in key form) that opens with a pointer word and is mostly a link: a
   * cross-reference to another page, not a sentence of the article.
   */
  static boolean isPointer(String key, double linkDensity) {
    return linkDensity >= 0.4 && key.length() <= 200 && POINTERS.matcher(key).matches();
  }

  /** True for a line (in key form) that is page furniture. */
  static boolean isBoilerplate(String key) {
    if (key.length() > 60) {
      return false;
    }
    return LINES.contains(key) || PATTERNS.matcher(key).matches();
  }
}
