package io.storyline.clean.html;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** Finds the article body in a parsed page; see {@link HtmlArticleExtractor} for the method. */
final class ArticleBodyFinder {

  /** Never article text: skipped with everything inside. */
  private static final Set<String> DROPPED_TAGS =
      Set.of(
          "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
          "video", "audio", "canvas", "map", "button", "input", "select", "textarea", "option",
          "nav", "aside", "footer", "figure", "figcaption", "picture", "img", "dialog", "menu",
          "head", "link", "meta", "title", "label", "fieldset", "datalist", "output", "progress",
          "meter", "source", "track", "param", "area");

  /** Tags that start a new text block. */
  private static final Set<String> BLOCK_TAGS =
      Set.of(
          "html", "body", "div", "section", "article", "main", "header", "p", "h1", "h2", "h3",
          "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "table",
          "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "form", "address", "center",
          "hr", "details", "summary", "hgroup", "figure", "legend");

  /** Tags whose text is a paragraph of their parent, not a container of paragraphs. */
  private static final Set<String> PARAGRAPH_TAGS =
      Set.of(
          "p", "li", "dt", "dd", "pre", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "td",
          "th", "address", "caption", "summary", "legend");

  /** Parts of a table, never chrome by their names alone. */
  private static final Set<String> TABLE_PART_TAGS =
      Set.of("thead", "tbody", "tfoot", "tr", "td", "th", "caption", "colgroup", "col");

  private static final Set<String> HEADING_TAGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

  private static final Set<String> CHROME_ROLES =
      Set.of(
          "navigation", "complementary", "banner", "contentinfo", "dialog", "alertdialog",
          "search", "menu", "menubar", "toolbar", "tooltip");

  private ArticleBodyFinder() {}

  /** One run of text between block-level tags. */
  private static final class Block {
    final Element owner;
    final String text;
    final int length;
    final int linkLength;
    final int commas;
    /** Inside a quotation (a quoted post or tweet), where links are part of the text. */
    final boolean quoted;

    /** Characters of link text that point to other pages of the same site. */
    final int internalLinkLength;

    Block(Element owner, String text, int linkLength, int internalLinkLength, boolean quoted) {
      this.owner = owner;
      this.internalLinkLength = Math.min(internalLinkLength, linkLength);
      this.quoted = quoted;
      this.text = text;
      this.length = text.length();
      this.linkLength = Math.min(linkLength, length);
      int c = 0;
      for (int i = 0; i < text.length(); i++) {
        char ch = text.charAt(i);
        if (ch == ',' || ch == '，' || ch == '、' || ch == '،') {
          c++;
        }
      }
      this.commas = c;
    }

    double linkDensity() {
      return length == 0 ? 0 : (double) linkLength / length;
    }

    String tag() {
      return owner.normalName();
    }

    boolean isHeading() {
      return HEADING_TAGS.contains(owner.normalName());
    }
  }

  /** Totals of the blocks under an element. */
  private static final class Stats {
    int length;
    int linkLength;
    /** Characters in blocks that read like prose: long, few links, not headings. */
    int prose;
    double score;
    boolean scored;
  }

  static String find(Document doc, @Nullable String title) {
    Element body = doc.body();
    if (body == null) {
      return "";
    }
    TextLengths lengths = new TextLengths(body);
    int pageTextLength = lengths.of(body);
    if (pageTextLength == 0) {
      return "";
    }
    List<Block> blocks = new BlockCollector(lengths, siteHost(doc)).collect(body);
    if (blocks.isEmpty()) {
      return "";
    }

    Map<Element, Stats> stats = new IdentityHashMap<>();
    for (Block b : blocks) {
      boolean prose = isProse(b);
      for (Element e = b.owner; e != null; e = e.parent()) {
        Stats s = stats.computeIfAbsent(e, k -> new Stats());
        s.length += b.length;
        s.linkLength += b.linkLength;
        if (prose) {
          s.prose += b.length;
        }
      }
    }

    scoreCandidates(blocks, stats);
    Element headline = headlineArticle(body, stats);
    Element top = null;
    double best = -Double.MAX_VALUE;
    for (Map.Entry<Element, Stats> en : stats.entrySet()) {
      Stats s = en.getValue();
      if (!s.scored) {
        continue;
      }
      double ld = s.length == 0 ? 0 : (double) s.linkLength / s.length;
      double finalScore = s.score * (1 - ld);
      s.score = finalScore;
      if (finalScore > best && (headline == null || isWithin(en.getKey(), headline))) {
        best = finalScore;
        top = en.getKey();
      }
    }
    if (top == null) {
      top = body;
    }
    top = widen(top, stats);
    List<Element> roots = withSimilarSiblings(top, stats);

    Map<Element, Boolean> inside = new IdentityHashMap<>();
    List<Block> chosen = new ArrayList<>();
    for (Block b : blocks) {
      if (isUnder(b.owner, roots, inside)) {
        chosen.add(b);
      }
    }
    return render(filterBlocks(chosen, title, stats));
  }

  // ---------------------------------------------------------------------------------------------
  // Scoring

  private static void scoreCandidates(List<Block> blocks, Map<Element, Stats> stats) {
    for (Block b : blocks) {
      if (b.length < 25 || b.isHeading() || b.linkDensity() > 0.5) {
        continue;
      }
      double score = 1 + b.commas + Math.min(b.length / 100, 3);
      Element first = PARAGRAPH_TAGS.contains(b.tag()) ? b.owner.parent() : b.owner;
      int level = 0;
      for (Element e = first; e != null && level < 5; e = e.parent(), level++) {
        Stats s = stats.get(e);
        if (s == null) {
          break;
        }
        if (!s.scored) {
          s.scored = true;
          s.score = initialScore(e);
        }
        double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
        s.score += score / divider;
      }
    }
  }

  private static double initialScore(Element e) {
    double score;
    switch (e.normalName()) {
      case "div":
      case "article":
      case "main":
      case "section":
        score = 5;
        break;
      case "pre":
      case "td":
      case "blockquote":
        score = 3;
        break;
      case "address":
      case "ol":
      case "ul":
      case "dl":
      case "dd":
      case "dt":
      case "li":
      case "form":
        score = -3;
        break;
      case "h1":
      case "h2":
      case "h3":
      case "h4":
      case "h5":
      case "h6":
      case "th":
        score = -5;
        break;
      default:
        score = 0;
    }
    return score + classWeight(e);
  }

  private static double classWeight(Element e) {
    double w = 0;
    List<String> words = ElementNames.words(e);
    if (ElementNames.hasChromeWord(words)) {
      w -= 25;
    }
    if (ElementNames.hasArticleWord(words)) {
      w += 25;
    }
    if ("articleBody".equalsIgnoreCase(e.attr("itemprop"))) {
      w += 25;
    }
    return w;
  }

  /** A block that reads like a paragraph of an article. */
  private static boolean isProse(Block b) {
    return b.length >= 80 && !b.isHeading() && b.linkDensity() < 0.3;
  }

  /**
   * Moves up from the best container while an ancestor a few levels up holds clearly more prose:
   * articles cut into chunks (between ads, or one component per paragraph group) score best on one
   * chunk.
   */
  private static Element widen(Element top, Map<Element, Stats> stats) {
    // An article element or a declared article body is a boundary: beyond it lie other articles.
    for (Element e = top; e != null; e = e.parent()) {
      if (isArticleBoundary(e)) {
        return widenWithin(top, e, stats);
      }
    }
    return widenWithin(top, null, stats);
  }

  /**
   * On a page with several {@code article} elements (the story and teasers of others), the one that
   * holds the page's headline ({@code h1}) and prose of its own; null when there is no such choice.
   */
  private static @Nullable Element headlineArticle(Element body, Map<Element, Stats> stats) {
    List<Element> articles = body.getElementsByTag("article");
    if (articles.size() < 2) {
      return null;
    }
    Element h1 = body.getElementsByTag("h1").first();
    if (h1 == null) {
      return null;
    }
    for (Element e = h1.parent(); e != null; e = e.parent()) {
      if (e.normalName().equals("article")) {
        Stats s = stats.get(e);
        return s != null && s.prose >= MIN_HEADLINE_ARTICLE_PROSE ? e : null;
      }
    }
    return null;
  }

  private static final int MIN_HEADLINE_ARTICLE_PROSE = 200;

  private static boolean isWithin(Element e, Element ancestor) {
    for (Element cur = e; cur != null; cur = cur.parent()) {
      if (cur == ancestor) {
        return true;
      }
    }
    return false;
  }

  private static boolean isArticleBoundary(Element e) {
    return e.normalName().equals("article")
        || e.attr("itemprop").equalsIgnoreCase("articleBody")
        || e.attr("itemtype").endsWith("Article");
  }

  private static Element widenWithin(
      Element top, @Nullable Element boundary, Map<Element, Stats> stats) {
    Element current = top;
    while (current != boundary) {
      int prose = stats.get(current).prose;
      Element better = null;
      Element child = current;
      int level = 0;
      // Every level passed on the way up must add only chunks of the same kind: prose of another
      // kind lower down (a list of other stories beside the article) is not made up for higher up.
      boolean sameKindAllTheWay = true;
      for (Element e = current.parent(); e != null && level < 3; e = e.parent(), level++) {
        Stats s = stats.get(e);
        if (s == null || e.normalName().equals("body") || e.normalName().equals("html")) {
          break;
        }
        double ld = s.length == 0 ? 0 : (double) s.linkLength / s.length;
        sameKindAllTheWay = sameKindAllTheWay && similarSiblingsHoldTheRest(e, child, stats);
        if (!sameKindAllTheWay) {
          break;
        }
        if (s.prose >= prose * 1.25 + 200 && s.prose * 2 >= s.length && ld < 0.3) {
          better = e;
          break;
        }
        if (e == boundary) {
          break;
        }
        child = e;
      }
      if (better == null) {
        return current;
      }
      current = better;
    }
    return current;
  }

  /**
   * True when most of the prose of {@code ancestor} outside {@code child} sits in siblings of
   * {@code child} of the same kind (tag and first class name): more chunks of one article, not a
   * list of other stories.
   */
  private static boolean similarSiblingsHoldTheRest(
      Element ancestor, Element child, Map<Element, Stats> stats) {
    int rest = stats.get(ancestor).prose - stats.get(child).prose;
    if (rest <= 0) {
      return true;
    }
    String kind = kind(child);
    int similar = 0;
    for (Element sibling : ancestor.children()) {
      Stats s = stats.get(sibling);
      if (sibling != child && s != null && (kind.equals(kind(sibling)) || isParagraph(sibling))) {
        similar += s.prose;
      }
    }
    return similar >= rest * 0.7;
  }

  private static String kind(Element e) {
    String cls = e.className().trim();
    int space = cls.indexOf(' ');
    return e.normalName() + "." + (space < 0 ? cls : cls.substring(0, space));
  }

  private static boolean isParagraph(Element e) {
    return e.normalName().equals("p") || e.normalName().equals("blockquote");
  }

  private static List<Element> withSimilarSiblings(Element top, Map<Element, Stats> stats) {
    List<Element> roots = new ArrayList<>();
    Element parent = top.parent();
    if (parent == null) {
      roots.add(top);
      return roots;
    }
    double topScore = stats.get(top).score;
    double threshold = Math.max(10, topScore * 0.2);
    String topClass = top.className();
    for (Element sibling : parent.children()) {
      if (sibling == top) {
        roots.add(sibling);
        continue;
      }
      Stats s = stats.get(sibling);
      if (s == null || holdsArticle(sibling)) {
        continue;
      }
      double bonus = !topClass.isEmpty() && topClass.equals(sibling.className()) ? topScore * 0.2 : 0;
      if (s.scored && s.score + bonus >= threshold) {
        roots.add(sibling);
      } else if (sibling.normalName().equals("p")) {
        double ld = s.length == 0 ? 0 : (double) s.linkLength / s.length;
        if ((s.length > 80 && ld < 0.25) || (s.length > 0 && ld == 0 && endsSentence(sibling))) {
          roots.add(sibling);
        }
      }
    }
    return roots;
  }

  /** Another {@code article} element, or a box of them, is another story. */
  private static boolean holdsArticle(Element e) {
    return e.normalName().equals("article") || e.getElementsByTag("article").size() > 0;
  }

  private static boolean endsSentence(Element p) {
    String t = p.text().trim();
    return t.endsWith(".") || t.endsWith("!") || t.endsWith("?") || t.endsWith("”");
  }

  private static boolean isUnder(Element e, List<Element> roots, Map<Element, Boolean> memo) {
    List<Element> path = new ArrayList<>();
    boolean result = false;
    for (Element cur = e; cur != null; cur = cur.parent()) {
      Boolean known = memo.get(cur);
      if (known != null) {
        result = known;
        break;
      }
      boolean isRoot = false;
      for (Element r : roots) {
        if (r == cur) {
          isRoot = true;
          break;
        }
      }
      if (isRoot) {
        result = true;
        break;
      }
      path.add(cur);
    }
    for (Element p : path) {
      memo.put(p, result);
    }
    return result;
  }

  // ---------------------------------------------------------------------------------------------
  // Inside the article

  private static List<Block> filterBlocks(
      List<Block> blocks, @Nullable String title, Map<Element, Stats> stats) {
    String titleKey = title == null ? "" : key(title);
    List<Block> candidates = new ArrayList<>();
    for (Block b : blocks) {
      if (b.length == 0 || b.tag().equals("h1")) {
        continue;
      }
      String k = key(b.text);
      if (k.isEmpty()
          || k.equals(titleKey)
          || BoilerplateLines.isBoilerplate(k)
          || BoilerplateLines.isPointer(k, b.linkDensity())) {
        continue;
      }
      candidates.add(b);
    }
    List<Block> kept = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      Block b = candidates.get(i);
      if (isLinkList(b) && !(isLoneLinkAmongProse(candidates, i))) {
        continue;
      }
      if (isLinkListItem(b, stats)) {
        continue;
      }
      kept.add(b);
    }
    dropTrailingContactLines(kept);
    // A heading stays only when text follows it.
    List<Block> out = new ArrayList<>();
    for (int i = 0; i < kept.size(); i++) {
      Block b = kept.get(i);
      if (b.isHeading() && (i + 1 == kept.size() || kept.get(i + 1).isHeading())) {
        continue;
      }
      out.add(b);
    }
    return out;
  }

  /** An e-mail address or a social-media handle ("@name"). */
  private static final Pattern CONTACT =
      Pattern.compile("[\\w.+-]+@[\\w-]+\\.[\\w.-]+|(?<![\\w@])@\\w{2,}");

  /** Lines longer than this are paragraphs of the article, whatever they hold. */
  private static final int MAX_CONTACT_LINE = 400;

  /**
   * Drops the short lines at the end of the article that give an address or a handle to write to
   * or follow (the author's bio, "follow us @...", "tips to news@..."): they are about the outlet,
   * not the story. Quoted posts, which end with their author's handle, stay.
   */
  private static void dropTrailingContactLines(List<Block> kept) {
    while (kept.size() > 1) {
      Block last = kept.get(kept.size() - 1);
      if (last.quoted
          || last.length > MAX_CONTACT_LINE
          || !CONTACT.matcher(last.text).find()) {
        return;
      }
      kept.remove(kept.size() - 1);
    }
  }

  /** A short item with a link, in a list of such items: a list of other stories. */
  private static boolean isLinkListItem(Block b, Map<Element, Stats> stats) {
    if (!b.owner.normalName().equals("li") || b.quoted || b.length >= 120 || b.linkDensity() < 0.3) {
      return false;
    }
    Element list = b.owner.parent();
    Stats s = list == null ? null : stats.get(list);
    return s != null && s.length > 0 && (double) s.linkLength / s.length >= 0.3;
  }

  /** A block that is mostly links: a menu entry, a related story, a share button. */
  private static boolean isLinkList(Block b) {
    double ld = b.linkDensity();
    if (b.quoted) {
      return ld > 0.8;
    }
    return ld > 0.65 || (ld > 0.3 && b.length < 40 && !b.isHeading());
  }

  /**
   * A link line set between two paragraphs of prose ("Get it here", a bare URL) belongs to the
   * article; runs of link lines are lists of other pages.
   */
  private static boolean isLoneLinkAmongProse(List<Block> blocks, int i) {
    Block b = blocks.get(i);
    if (b.owner.normalName().equals("li") || b.internalLinkLength * 2 > b.linkLength) {
      return false;
    }
    boolean before = i > 0 && !isLinkList(blocks.get(i - 1)) && blocks.get(i - 1).length >= 40;
    boolean after =
        i + 1 < blocks.size() && !isLinkList(blocks.get(i + 1)) && blocks.get(i + 1).length >= 40;
    return before && after;
  }

  /** Lower-case letters and digits of {@code s}, single-spaced: for comparing short lines. */
  static String key(String s) {
    StringBuilder sb = new StringBuilder(Math.min(s.length(), 200));
    boolean space = false;
    for (int i = 0; i < s.length() && sb.length() < 200; i++) {
      char c = s.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        if (space && sb.length() > 0) {
          sb.append(' ');
        }
        sb.append(Character.toLowerCase(c));
        space = false;
      } else {
        space = true;
      }
    }
    return sb.toString();
  }

  private static String render(List<Block> blocks) {
    StringBuilder sb = new StringBuilder();
    for (Block b : blocks) {
      if (sb.length() > 0) {
        sb.append("\n\n");
      }
      sb.append(b.text);
    }
    return sb.toString();
  }

  // ---------------------------------------------------------------------------------------------
  // Cutting the page into blocks

  /** Walks the body once, skipping chrome, and cuts the rest into text blocks. */
  private static final class BlockCollector implements NodeFilter {
    private final TextLengths lengths;
    private final int pageTextLength;
    private final List<Block> blocks = new ArrayList<>();
    private final List<Element> open = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private int linkLength;
    private int internalLinkLength;
    private int linkDepth;
    private boolean internalLink;
    private int preDepth;
    private int quoteDepth;

    private final @Nullable String siteHost;

    BlockCollector(TextLengths lengths, @Nullable String siteHost) {
      this.lengths = lengths;
      this.pageTextLength = lengths.total();
      this.siteHost = siteHost;
    }

    List<Block> collect(Element body) {
      NodeTraversor.filter(this, body);
      flush();
      return blocks;
    }

    @Override
    public FilterResult head(Node node, int depth) {
      if (node instanceof TextNode) {
        appendText(((TextNode) node).getWholeText());
        return FilterResult.CONTINUE;
      }
      if (!(node instanceof Element)) {
        return FilterResult.SKIP_ENTIRELY;
      }
      Element e = (Element) node;
      String tag = e.normalName();
      if (isChrome(e, tag)) {
        if (BLOCK_TAGS.contains(tag) || DROPPED_TAGS.contains(tag)) {
          flush();
        }
        return FilterResult.SKIP_ENTIRELY;
      }
      if (tag.equals("br")) {
        text.append('\n');
      } else if (tag.equals("a")) {
        if (linkDepth++ == 0) {
          internalLink = isInternal(e.attr("href"), siteHost);
        }
      } else if (tag.equals("pre")) {
        preDepth++;
      } else if (tag.equals("blockquote")) {
        quoteDepth++;
      }
      if (BLOCK_TAGS.contains(tag)) {
        flush();
        open.add(e);
      }
      return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
      if (!(node instanceof Element)) {
        return FilterResult.CONTINUE;
      }
      Element e = (Element) node;
      String tag = e.normalName();
      if (tag.equals("a")) {
        linkDepth = Math.max(0, linkDepth - 1);
      } else if (tag.equals("pre")) {
        preDepth = Math.max(0, preDepth - 1);
      }
      if (BLOCK_TAGS.contains(tag)) {
        // The text that closes a quotation (a quoted post's "— name (@handle) date") is quoted too.
        flush();
        if (tag.equals("blockquote")) {
          quoteDepth = Math.max(0, quoteDepth - 1);
        }
        if (!open.isEmpty() && open.get(open.size() - 1) == e) {
          open.remove(open.size() - 1);
        }
      } else if (tag.equals("td") || tag.equals("th")) {
        text.append(' ');
      }
      return FilterResult.CONTINUE;
    }

    private void appendText(String raw) {
      int before = text.length();
      boolean space = before == 0 || isSpace(text.charAt(before - 1));
      for (int i = 0; i < raw.length(); i++) {
        char c = raw.charAt(i);
        if (isSpace(c)) {
          if (preDepth > 0 && c == '\n') {
            text.append('\n');
            space = true;
          } else if (!space) {
            text.append(' ');
            space = true;
          }
        } else {
          text.append(c);
          space = false;
        }
      }
      if (linkDepth > 0) {
        linkLength += text.length() - before;
        if (internalLink) {
          internalLinkLength += text.length() - before;
        }
      }
    }

    private void flush() {
      String t = normalise(text);
      text.setLength(0);
      int links = linkLength;
      int internalLinks = internalLinkLength;
      linkLength = 0;
      internalLinkLength = 0;
      if (t.isEmpty() || open.isEmpty()) {
        return;
      }
      blocks.add(new Block(open.get(open.size() - 1), t, links, internalLinks, quoteDepth > 0));
    }

    private boolean isChrome(Element e, String tag) {
      if (DROPPED_TAGS.contains(tag)) {
        return true;
      }
      if (e.hasAttr("hidden") || e.hasClass("hidden")) {
        return true;
      }
      String style = e.attr("style");
      if (!style.isEmpty()) {
        String st = style.toLowerCase(Locale.ROOT).replace(" ", "");
        if (st.contains("display:none") || st.contains("visibility:hidden")) {
          return true;
        }
      }
      if (tag.equals("body") || tag.equals("html") || tag.equals("article") || tag.equals("main")) {
        return false;
      }
      // Rows and cells of a table are data, whatever their class says ("player", "date", "team"):
      // only the table as a whole is judged by its name.
      if (TABLE_PART_TAGS.contains(tag)) {
        return false;
      }
      String role = e.attr("role").toLowerCase(Locale.ROOT);
      List<String> words = ElementNames.words(e);
      boolean named =
          tag.equals("header")
              || CHROME_ROLES.contains(role)
              || ElementNames.hasChromeWord(words);
      if (!named) {
        return false;
      }
      // A quoted post (an embedded tweet) is part of the article, whatever its wrapper is called.
      if (!tag.equals("header") && holdsQuote(e, lengths)) {
        return false;
      }
      // A wrapper around a good part of the page is layout, not chrome; so is an element named
      // both ways ("article-header", "entry-content-read-more") that holds paragraphs of prose.
      if (lengths.of(e) * 4 >= pageTextLength) {
        return false;
      }
      return !(ElementNames.hasArticleWord(words) && hasProse(e, lengths));
    }
  }

  /** True when most of the text of {@code e} is in a blockquote. */
  private static boolean holdsQuote(Element e, TextLengths lengths) {
    Element quote = e.getElementsByTag("blockquote").first();
    if (quote == null) {
      return false;
    }
    int quoted = lengths.of(quote);
    return quoted > 0 && quoted * 10 >= lengths.of(e) * 7;
  }

  /** True when {@code e} holds long paragraphs. */
  private static boolean hasProse(Element e, TextLengths lengths) {
    int n = 0;
    for (Element p : e.getElementsByTag("p")) {
      n += Math.max(0, lengths.of(p) - 80);
      if (n >= 200) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  /** The host the page belongs to, without "www.", from its base URI. */
  private static @Nullable String siteHost(Document doc) {
    return hostOf(doc.location());
  }

  private static @Nullable String hostOf(String url) {
    int scheme = url.indexOf("://");
    if (scheme < 0) {
      return null;
    }
    int start = scheme + 3;
    int end = start;
    while (end < url.length() && "/?#:".indexOf(url.charAt(end)) < 0) {
      end++;
    }
    String host = url.substring(start, end).toLowerCase(Locale.ROOT);
    return host.startsWith("www.") ? host.substring(4) : host;
  }

  /** True when {@code href} points into the same site: relative, or the same host. */
  private static boolean isInternal(String href, @Nullable String siteHost) {
    String h = href.trim();
    if (h.isEmpty() || h.startsWith("#") || h.regionMatches(true, 0, "javascript:", 0, 11)) {
      return false;
    }
    if (h.startsWith("//")) {
      h = "https:" + h;
    }
    String host = hostOf(h);
    if (host == null) {
      return !h.regionMatches(true, 0, "mailto:", 0, 7);
    }
    return siteHost != null && (host.equals(siteHost) || host.endsWith("." + siteHost)
        || siteHost.endsWith("." + host));
  }

  /**
   * Characters of text under each element of a page, whitespace left out, counted in one pass:
   * asking an element and then each of its nested ancestors again would walk the same text once
   * per level.
   */
  private static final class TextLengths {
    private final Element root;
    private final Map<Element, Integer> lengths = new IdentityHashMap<>();

    TextLengths(Element root) {
      this.root = root;
      NodeTraversor.traverse(
          new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
              if (node instanceof TextNode text && node.parent() instanceof Element parent) {
                int n = nonSpace(text.getWholeText());
                if (n > 0) {
                  lengths.merge(parent, n, Integer::sum);
                }
              }
            }

            @Override
            public void tail(Node node, int depth) {
              // A child's total is complete before its parent's tail: hand it up.
              if (node != root && node instanceof Element e && e.parent() != null) {
                Integer own = lengths.get(e);
                if (own != null) {
                  lengths.merge(e.parent(), own, Integer::sum);
                }
              }
            }
          },
          root);
    }

    int of(Element e) {
      return lengths.getOrDefault(e, 0);
    }

    int total() {
      return of(root);
    }
  }

  private static int nonSpace(String t) {
    int n = 0;
    for (int i = 0; i < t.length(); i++) {
      if (!isSpace(t.charAt(i))) {
        n++;
      }
    }
    return n;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\u00A0'
        || c == '\u2009' || c == '\u200B' || c == '\u202F' || c == '\u3000';
  }

  private static String normalise(CharSequence s) {
    int start = 0;
    int end = s.length();
    while (start < end && isSpace(s.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(s.charAt(end - 1))) {
      end--;
    }
    if (start == end) {
      return "";
    }
    String t = s.subSequence(start, end).toString();
    if (t.indexOf('\n') >= 0) {
      t = t.replaceAll(" *\n[\\s]*", "\n");
    }
    return t;
  }
}
