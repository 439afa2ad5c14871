package io.storyline.clean.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * What the class and id of an element say about it. Both are cut into words at punctuation and
 * camel-case humps ({@code ArticleBody-main__text} gives article, body, main, text), and the words
 * are compared with vocabularies of page chrome and of article text.
 */
final class ElementNames {
  /** Words that name chrome, also as the start of a longer word ("commentlist", "sharebar"). */
  private static final List<String> CHROME_STEMS =
      List.of(
          "comment", "disqus", "share", "sharing", "social", "related", "recommend", "promo",
          "newsletter", "subscri", "signup", "cookie", "consent", "gdpr", "banner", "sidebar",
          "widget", "footer", "masthead", "navbar", "navigation", "breadcrumb", "pagination",
          "popup", "overlay", "paywall", "advert", "sponsor", "outbrain", "taboola", "byline",
          "caption", "toolbar", "trending", "teaser", "tooltip", "dateline", "timestamp",
          "keyword", "donate", "slideshow", "gallery", "carousel", "ticker", "spotlight",
          "feedback", "copyright", "disclaimer", "signature", "pullquote", "author", "contributor",
          "affiliate", "marketing", "headline", "jumplink", "readmore", "morestories");

  /** Words that name chrome only as a whole word ("ad" is part of too many others). */
  private static final Set<String> CHROME_WORDS =
      Set.of(
          "nav", "menu", "pager", "modal", "ad", "ads", "adv", "adunit", "adslot", "dfp", "rss",
          "skip", "print", "tags", "tag", "topics", "cta", "video", "player", "alert",
          "header", "rail", "latest", "popular", "legal", "bio", "login", "meta", "credit",
          "credits", "follow", "more", "visually", "sr", "hidden", "hide", "date", "dates",
          "breaking", "partner", "partners", "newsroom", "team", "contact", "links", "icons",
          "icon", "logo", "brand", "branding", "masthead", "search",
          "photo", "image", "img", "figure", "media", "thumbnail", "thumb", "hero");

  /** Words that name the article or its body. */
  private static final Set<String> ARTICLE_WORDS =
      Set.of(
          "article", "articles", "articlebody", "story", "stories", "storybody", "entry",
          "content", "contents", "main", "body", "text", "post", "prose", "blog", "paragraph",
          "paragraphs", "richtext", "copy", "markdown");

  private ElementNames() {}

  /** The words of the class and id of {@code e}, lower case. */
  static List<String> words(Element e) {
    String cls = e.attr("class");
    String id = e.id();
    List<String> out = new ArrayList<>();
    if (cls.isEmpty() && id.isEmpty()) {
      return out;
    }
    split(cls, out);
    split(id, out);
    return out;
  }

  private static void split(String s, List<String> out) {
    int start = -1;
    for (int i = 0; i <= s.length(); i++) {
      char c = i < s.length() ? s.charAt(i) : ' ';
      boolean letter = Character.isLetterOrDigit(c);
      boolean hump =
          letter
              && start >= 0
              && Character.isUpperCase(c)
              && Character.isLowerCase(s.charAt(i - 1));
      if (!letter || hump) {
        if (start >= 0) {
          out.add(s.substring(start, i).toLowerCase(Locale.ROOT));
        }
        start = letter ? i : -1;
      } else if (start < 0) {
        start = i;
      }
    }
  }

  static boolean isChromeWord(String w) {
    if (CHROME_WORDS.contains(w)) {
      return true;
    }
    for (String stem : CHROME_STEMS) {
      if (w.startsWith(stem)) {
        return true;
      }
    }
    return false;
  }

  static boolean isArticleWord(String w) {
    return ARTICLE_WORDS.contains(w);
  }

  static boolean hasChromeWord(List<String> words) {
    for (String w : words) {
      if (isChromeWord(w)) {
        return true;
      }
    }
    return false;
  }

  static boolean hasArticleWord(List<String> words) {
    for (String w : words) {
      if (isArticleWord(w)) {
        return true;
      }
    }
    return false;
  }
}
