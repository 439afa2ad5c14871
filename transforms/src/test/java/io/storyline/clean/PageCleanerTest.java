package io.storyline.clean;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class PageCleanerTest {

  private static final Path SAMPLE = Paths.get("..", "fixtures", "sample");

  /** Real article sentences (from the sample pages), long enough to be paragraphs on their own. */
  private static final String P1 =
      "The talks focused on the ISS’s current operations, plans for future lunar missions, and"
          + " potential joint deep-space projects.";

  private static final String P2 =
      "Bakanov also invited Duffy to a November launch at Kazakhstan’s Baikonur Cosmodrome, which"
          + " will include an American astronaut.";
  private static final String P3 =
      "Roscosmos and NASA had previously cooperated on the ISS and other projects, but tensions"
          + " rose after Moscow sent troops into Ukraine in 2022.";

  private static CleanedPage clean(String... lines) {
    return PageCleaner.clean(null, String.join("\n", lines));
  }

  private static String seed(String prefix) throws IOException {
    try (var files = Files.list(SAMPLE)) {
      Path file =
          files
              .filter(p -> p.getFileName().toString().startsWith(prefix))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no seed " + prefix + " in " + SAMPLE));
      return Files.readString(file, StandardCharsets.UTF_8);
    }
  }

  private static int occurrences(String haystack, String needle) {
    int count = 0;
    for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
      count++;
    }
    return count;
  }

  private static void assertAbsent(CleanedPage page, String... noise) {
    String body = page.body();
    for (String n : noise) {
      assertFalse("noise survived: \"" + n + "\" in\n" + body, body.contains(n));
    }
  }

  private static void assertOnce(CleanedPage page, String... texts) {
    for (String t : texts) {
      assertEquals("occurrences of \"" + t + "\"", 1, occurrences(page.body(), t));
    }
  }

  private static void assertNoRepeatedParagraph(CleanedPage page) {
    Set<String> seen = new HashSet<>();
    for (String p : page.paragraphs()) {
      String key = p.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
      assertTrue("repeated paragraph: " + p, seen.add(key));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The five sample pages

  @Test
  public void seed000KeepsOnlyTheSummaryUnderItsTitle() throws IOException {
    CleanedPage page = PageCleaner.clean(null, seed("000_"));
    assertEquals("NASA, Roscosmos Extend ISS Cooperation Until 2028 Amid Tensions", page.title());
    assertEquals(1, page.paragraphs().size());
    String summary = page.paragraphs().get(0);
    assertTrue(
        summary.startsWith(
            "NASA's acting administrator Sean Duffy and Roscosmos chief Dmitry Bakanov met"
                + " face-to-face in Florida"));
    assertTrue(
        summary.endsWith(
            "The ISS, valued at $100 billion and launched in 1998, continues as a critical"
                + " platform for multinational collaboration despite global tensions."));
    assertAbsent(
        page,
        "Roscosmos Extend ISS Cooperation Until 2028 Amid Tensions",
        "News summary",
        "Story Coverage",
        "Bias Distribution",
        "67%",
        "33%",
        "Information Sources",
        "b60ce1f8",
        "Coverage Details",
        "Total News Sources",
        "Unrated",
        "Last Updated",
        "2 days ago",
        "Related News",
        "Daily Index",
        "21Serious",
        "Optimistic",
        "Ask VT AI",
        "Subscribe",
        "Stay in the know",
        "inbox",
        "Gift Subscriptions",
        "perfect gift",
        "news from all angles",
        "Recommended News");
    assertThat(page.removedCount(CleaningRule.TITLE_LINE), greaterThan(2));
  }

  @Test
  public void seed001KeepsBulletsAndOtherOutletsLedesButNotTheirHeadlines() throws IOException {
    CleanedPage page = PageCleaner.clean(null, seed("001_"));
    assertEquals("Russian and US space chiefs meet to discuss continued cooperation", page.title());
    assertOnce(
        page,
        "RUSSIA, JUL 31 – The extension preserves crucial US-Russia space collaboration",
        "- The head of Roscosmos, Dmitry Bakanov, confirmed the extension of the International"
            + " Space Station's operations until 2028",
        "- This meeting marked the first visit by a Russian space agency head to the U.S. since"
            + " 2018.",
        "- Bakanov mentioned, 'We agreed that we will operate the ISS until 2028",
        "- The International Space Station was originally planned to operate until 2024",
        "Russia’s space chief has visited the United States to discuss cooperation between"
            + " Moscow and Washington",
        "Representatives of NASA and Russia’s space agency Roscosmos met on Thursday",
        "The head of Russia’s space agency Roscosmos said Thursday that he had agreed",
        "“The conversation went well.",
        "The US and Russia want to continue operating the International Space Station ISS until"
            + " 2028.");
    assertAbsent(
        page,
        "42 Articles",
        "Russian and US space chiefs meet",
        "Russian and US Space Chiefs Meet",
        "Russian, US space chiefs discuss continued cooperation",
        "Vow to Continue Cooperation",
        "Russia and U.S. Agree to Extend",
        "Coverage Details",
        "Bias Distribution",
        "57%",
        "of the sources are Center",
        "Factuality",
        "Upgrade to Premium");
    assertNoRepeatedParagraph(page);
  }

  @Test
  public void seed002DropsBannerDisclaimerAndPopularListAndKeepsEachParagraphOnce()
      throws IOException {
    CleanedPage page = PageCleaner.clean(null, seed("002_"));
    assertEquals("Russian, US space organizations consent extending collaboration", page.title());
    assertEquals(5, page.paragraphs().size());
    assertTrue(page.paragraphs().get(0).startsWith("(MENAFN) Russia’s space agency Roscosmos"));
    assertOnce(
        page,
        "Bakanov also invited Duffy to a November launch",
        "The talks focused on the ISS’s current operations",
        "The ISS, in orbit since 1998, remains a rare area of sustained US-Russian cooperation",
        "In related developments, Bakanov met with NASA’s Crew-11 team");
    assertAbsent(
        page,
        "403",
        "Sorry",
        "Error!",
        "page you were looking for",
        "consent extending collaboration",
        "Legal Disclaimer",
        "MENAFN provides",
        "without warranty",
        "kindly contact the provider",
        "Most popular stories",
        "Market Research",
        "Motif AI",
        "BTCC Exchange",
        "Moonbirds",
        "Pepeto",
        "The5ers",
        "Hola Prime",
        "Comments",
        "No comment");
    assertEquals(3, page.removedCount(CleaningRule.ERROR_BANNER));
    assertEquals(4, page.removedCount(CleaningRule.DUPLICATE_PARAGRAPH));
  }

  @Test
  public void seed003KeepsBothBulletListsAndDropsSectionHeadings() throws IOException {
    CleanedPage page = PageCleaner.clean(null, seed("003_"));
    assertEquals(
        "Space Diplomacy Prevails: Russia and USA Extend ISS Cooperation Until 2028", page.title());
    assertOnce(
        page,
        "In a significant diplomatic breakthrough, the heads of the Russian and US space agencies",
        "Several factors contribute to the continued collaboration:",
        "- Technical Interdependence: The ISS was designed for joint operation",
        "- Scientific Benefits: International cooperation maximizes research potential",
        "- Safety Considerations: Shared responsibility ensures better risk management",
        "- Historical Precedent: Space cooperation has historically transcended",
        "The agreement includes a structured approach to the ISS’s future:",
        "- Extended operations until 2028",
        "- Collaborative planning for the station’s safe deorbiting by 2030",
        "- Continued scientific research and technological development",
        "will continue its mission of scientific discovery and international cooperation for"
            + " years to come.");
    // Section headings are not paragraphs.
    assertAbsent(
        page,
        "Historic Meeting Marks New Chapter",
        "Key Developments",
        "Why Space Cooperation Persists",
        "Future Planning",
        "Broader Implications");
    assertEquals(13, page.paragraphs().size());
    assertEquals(5, page.removedCount(CleaningRule.HEADING));
  }

  @Test
  public void seed004IsCleanAndKeepsItsQuotesVerbatim() throws IOException {
    String raw = seed("004_");
    CleanedPage page = PageCleaner.clean(null, raw);
    assertEquals("Russia and US Prolong ISS Collaboration Until End of Decade", page.title());
    List<String> lines = Arrays.asList(raw.split("\n"));
    assertEquals(lines.subList(1, lines.size()), page.paragraphs());
    assertOnce(
        page,
        "\"In view of the difficult geopolitical situation, we will need to receive the necessary"
            + " clearance from the leaders of our countries,\" Bakanov said.",
        "\"despite geopolitical tensions.\"");
    assertEquals(1, page.removals().size());
  }

  @Test
  public void everySeedKeepsAnArticleWithoutRepeats() throws IOException {
    for (String prefix : List.of("000_", "001_", "002_", "003_", "004_")) {
      CleanedPage page = PageCleaner.clean(null, seed(prefix));
      assertFalse(prefix, page.isEmpty());
      assertThat(prefix, page.wordCount(), greaterThan(150));
      assertNoRepeatedParagraph(page);
      assertFalse(prefix, page.body().contains(page.title()));
      assertEquals(String.join("\n\n", page.paragraphs()), page.body());
    }
  }

  @Test
  public void seedErrorBannerAloneLeavesNothing() throws IOException {
    String banner = String.join("\n", Arrays.asList(seed("002_").split("\n")).subList(0, 4));
    assertThat(banner, containsString("403"));
    CleanedPage page = PageCleaner.clean(null, banner);
    assertTrue(page.paragraphs().isEmpty());
    assertEquals("", page.body());
    assertEquals(0, page.wordCount());
    assertNull(page.title());
  }

  @Test
  public void seedChromeAloneLeavesNothing() throws IOException {
    List<String> lines = Arrays.asList(seed("000_").split("\n"));
    String chrome = String.join("\n", lines.subList(9, lines.size()));
    assertThat(chrome, containsString("Story Coverage"));
    assertTrue(PageCleaner.clean(null, chrome).isEmpty());
  }

  @Test
  public void seedsCleanTheSameInParallel() throws IOException {
    List<String> raws = new ArrayList<>();
    for (String prefix : List.of("000_", "001_", "002_", "003_", "004_")) {
      raws.add(seed(prefix));
    }
    List<CleanedPage> sequential =
        raws.stream().map(r -> PageCleaner.clean(null, r)).collect(Collectors.toList());
    List<CleanedPage> parallel =
        IntStream.range(0, 200)
            .parallel()
            .mapToObj(i -> PageCleaner.clean(null, raws.get(i % raws.size())))
            .collect(Collectors.toList());
    for (int i = 0; i < parallel.size(); i++) {
      assertEquals(sequential.get(i % raws.size()), parallel.get(i));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Hard-wrapped lines

  @Test
  public void hardWrappedLinesAreJoinedIntoOneParagraph() {
    CleanedPage page =
        clean(
            "Roscosmos and NASA had previously cooperated on the ISS and",
            "other projects, but tensions rose after Moscow sent troops into",
            "Ukraine in 2022.",
            "",
            P2);
    assertEquals(List.of(P3, P2), page.paragraphs());
  }

  @Test
  public void hyphenatedLineBreakIsJoinedWithoutSpace() {
    CleanedPage page =
        clean(
            "Both agencies said the joint programme would continue, and that the co-",
            "operation on the station had never stopped despite the political tensions.");
    assertThat(page.body(), containsString("the co-operation on the station"));
  }

  @Test
  public void linesEndingASentenceOrFollowedByABulletAreNotJoined() {
    CleanedPage page =
        clean(
            P1,
            "bakanov, the Roscosmos chief, later said the meeting had been very productive indeed.",
            "The agreement covers three areas of work between the two agencies, officials said",
            "- joint crew flights to the station will continue until the end of the decade, both"
                + " said.");
    assertEquals(
        List.of(
            P1,
            "bakanov, the Roscosmos chief, later said the meeting had been very productive indeed.",
            "- joint crew flights to the station will continue until the end of the decade, both"
                + " said."),
        page.paragraphs());
  }

  @Test
  public void headingIsNotJoinedWithAnIdentifierBelowIt() {
    CleanedPage page =
        clean(P1, "Sources of this story", "b60ce1f8-69d4-4067-ad3a-6ac1b988f7c4", P2);
    assertEquals(List.of(P1, P2), page.paragraphs());
    assertEquals(1, page.removedCount(CleaningRule.ID_RUN));
  }

  @Test
  public void windowsAndOldMacLineEndsAndOddSpacesAreHandled() {
    CleanedPage page =
        PageCleaner.clean(
            null, "Title Of The Story Here\r\n" + P1 + "\r\r" + "\u00A0" + P2 + "\t\u200B");
    assertEquals("Title Of The Story Here", page.title());
    assertEquals(List.of(P1, P2), page.paragraphs());
  }

  // ---------------------------------------------------------------------------------------------
  // Numbers, counters, percentages, identifiers

  @Test
  public void numbersAndCountersAreRemoved() {
    CleanedPage page =
        clean(
            P1, "3", "1,204", "42 Articles", "21Serious", "2 days ago", "Updated 5 hours ago", P2);
    assertEquals(List.of(P1, P2), page.paragraphs());
    assertEquals(6, page.removedCount(CleaningRule.NUMERIC_LINE));
  }

  @Test
  public void sentencesWithNumbersStay() {
    String s =
        "The ISS, valued at $100 billion and launched in 1998, hosts 7 crew members at a time.";
    assertEquals(List.of(P1, s), clean(P1, s).paragraphs());
  }

  @Test
  public void percentageLinesAreRemoved() {
    CleanedPage page = clean(P1, "67% Center", "Right 33 %", "- 57% of the sources are Center", P2);
    assertEquals(List.of(P1, P2), page.paragraphs());
    assertEquals(3, page.removedCount(CleaningRule.PERCENTAGE_LINE));
  }

  @Test
  public void sentenceWithPercentageStays() {
    String s = "Turnout rose to 67% in the capital, the election commission said on Monday.";
    assertEquals(List.of(P1, s, P2), clean(P1, s, P2).paragraphs());
  }

  @Test
  public void uuidAndHashRunsAreRemoved() {
    CleanedPage page =
        clean(
            P1,
            "b60ce1f8-69d4-4067-ad3a-6ac1b988f7c4a3544a73-dab3-486d-ae75-bd4d15f01f55",
            "da39a3ee5e6b4b0d3255bfef95601890afd80709 9f86d081884c7d659a2feaa0c55ad015",
            P2);
    assertEquals(List.of(P1, P2), page.paragraphs());
    assertEquals(2, page.removedCount(CleaningRule.ID_RUN));
  }

  @Test
  public void sentenceMentioningAnIdentifierStays() {
    String s =
        "Investigators traced the leaked file, tagged 9f86d081884c7d659a2feaa0c55ad015, to a"
            + " contractor working for the agency in Houston.";
    assertEquals(List.of(s), clean(s).paragraphs());
  }

  // ---------------------------------------------------------------------------------------------
  // Boilerplate phrase families

  @Test
  public void shortPromptsAreRemovedWhateverTheirCase() {
    for (String prompt :
        List.of(
            "Subscribe",
            "SUBSCRIBE NOW",
            "Gift Subscriptions",
            "Sign up for our newsletter to get the best stories every morning.",
            "Get the latest news, exclusive insights, and curated content delivered straight to"
                + " your inbox.",
            "To view factuality data please Upgrade to Premium",
            "This website uses cookies to improve your experience.",
            "© 2025 Example Media Group",
            "Copyright 2024 Example News. ALL RIGHTS RESERVED.",
            "Please disable your ad blocker to continue reading.",
            "Skip to main content",
            "Already a subscriber? Log in to continue reading.")) {
      CleanedPage page = clean(P1, prompt, P2);
      assertEquals(prompt, List.of(P1, P2), page.paragraphs());
      assertEquals(prompt, 1, page.removedCount(CleaningRule.BOILERPLATE_PHRASE));
    }
  }

  @Test
  public void hardWrappedDisclaimerIsRemovedAsOneParagraph() {
    CleanedPage page =
        clean(
            P1,
            "",
            "Legal Disclaimer:",
            "Example Wire provides the",
            "information \"as is\" without warranty of any kind. We do not accept",
            "any responsibility or liability for the accuracy, content, images,",
            "videos, licenses, completeness, legality, or reliability of the information",
            "contained in this article.");
    assertEquals(List.of(P1), page.paragraphs());
    assertEquals(2, page.removedCount(CleaningRule.BOILERPLATE_PHRASE));
    assertTrue(
        page.removedReasons().stream()
            .anyMatch(
                r -> r.startsWith("boilerplate_phrase: Example Wire provides the information")));
  }

  @Test
  public void articleParagraphThatMentionsAPhraseOnceStays() {
    String s =
        "The publisher said readers who subscribe before the end of the month will keep their"
            + " current price, a move analysts described as an attempt to hold on to a shrinking"
            + " audience as advertising revenue continues to fall across the industry this year.";
    String t =
        "A court ruled that the agency was not liable for the delay, noting that the contractor"
            + " had missed three deadlines and had been warned in writing twice last week,"
            + " according to documents seen by reporters covering the case in Houston on Thursday.";
    assertEquals(List.of(s, t), clean(s, t).paragraphs());
  }

  // ---------------------------------------------------------------------------------------------
  // Error banners

  @Test
  public void errorBannerAboveTheArticleIsRemoved() {
    CleanedPage page =
        clean("404", "Page Not Found", "Oops!", "Space Chiefs Meet In Houston", P1, P2);
    assertEquals("Space Chiefs Meet In Houston", page.title());
    assertEquals(List.of(P1, P2), page.paragraphs());
    assertEquals(3, page.removedCount(CleaningRule.ERROR_BANNER));
  }

  @Test
  public void errorPagesWithoutArticleAreEmpty() {
    assertTrue(clean("HTTP 403 Forbidden").isEmpty());
    assertTrue(clean("Error 404", "Sorry, the page you requested could not be found.").isEmpty());
    CleanedPage page =
        clean("Sorry!!", "Error! We're sorry, but the page you were looking for doesn't exist.");
    assertTrue(page.isEmpty());
    assertEquals(2, page.removedCount(CleaningRule.ERROR_BANNER));
  }

  @Test
  public void apologyWithoutErrorEvidenceIsNotABanner() {
    CleanedPage page = clean("Sorry Seems To Be The Hardest Word For Space Agencies", P1, P2);
    assertEquals("Sorry Seems To Be The Hardest Word For Space Agencies", page.title());
    assertEquals(0, page.removedCount(CleaningRule.ERROR_BANNER));
  }

  @Test
  public void articleSentenceWithErrorWordsIsNotABanner() {
    String s =
        "Engineers said an access denied message from the docking software kept the crew out of"
            + " the module for two days while the fault was fixed.";
    assertEquals(List.of(s, P1), clean(s, P1).paragraphs());
  }

  // ---------------------------------------------------------------------------------------------
  // Link lists

  @Test
  public void popularListUnderItsHeadingIsRemoved() {
    CleanedPage page =
        clean(
            P1,
            P2,
            "Most popular stories",
            "Market Research",
            "",
            "- Motif AI Enters Phase Two Of Its Growth Cycle",
            "- Is Bitcoin About To Crash Again?",
            "- Industry Leader Expands Funding Programs To U.S. Traders",
            "Comments",
            "No comment");
    assertEquals(List.of(P1, P2), page.paragraphs());
    assertEquals(7, page.removedCount(CleaningRule.LINK_LIST));
  }

  @Test
  public void otherListHeadingsAreRecognised() {
    for (String heading :
        List.of("Related News", "Recommended", "Trending now", "Read more:", "You may also like")) {
      CleanedPage page =
          clean(
              P1,
              heading,
              "- new crew lands after six months in orbit",
              "Mars Rover Finds Ice",
              P2);
      assertEquals(heading, List.of(P1, P2), page.paragraphs());
      assertEquals(heading, 3, page.removedCount(CleaningRule.LINK_LIST));
    }
  }

  @Test
  public void listStopsAtTheNextSentence() {
    String s = "\"We agreed to keep working together,\" Bakanov said.";
    CleanedPage page = clean(P1, "Related", "Mars Rover Finds Ice", s, P2);
    assertEquals(List.of(P1, s, P2), page.paragraphs());
  }

  // ---------------------------------------------------------------------------------------------
  // Short lines, headings, bullet lists

  @Test
  public void runOfShortLinesIsChrome() {
    CleanedPage page = clean(P1, "Story Coverage", "Ask VT AI", "Daily Index", "Present", P2);
    assertEquals(List.of(P1, P2), page.paragraphs());
    assertEquals(4, page.removedCount(CleaningRule.CHROME_RUN));
  }

  @Test
  public void loneHeadingBetweenParagraphsIsDropped() {
    CleanedPage page = clean(P1, "Future Planning", P2);
    assertEquals(List.of(P1, P2), page.paragraphs());
    assertEquals(1, page.removedCount(CleaningRule.HEADING));
  }

  @Test
  public void bulletItemsUnderAColonSentenceAreKept() {
    CleanedPage page =
        clean(
            P1,
            "The agreement includes a structured approach to the station’s future:",
            "• Extended operations until 2028",
            "* Collaborative Deorbiting Plans",
            "- Continued scientific research",
            "",
            P2);
    assertEquals(
        List.of(
            P1,
            "The agreement includes a structured approach to the station’s future:",
            "- Extended operations until 2028",
            "- Collaborative Deorbiting Plans",
            "- Continued scientific research",
            P2),
        page.paragraphs());
  }

  @Test
  public void shortBulletsWithoutAnIntroductionAreChrome() {
    CleanedPage page = clean(P1, "Sections", "- World", "- Business news", "- Sport", P2);
    assertEquals(List.of(P1, P2), page.paragraphs());
  }

  @Test
  public void sentenceBulletsAreKept() {
    String b1 = "- The head of Roscosmos confirmed the extension of the station's operations.";
    String b2 = "- The meeting was the first such visit since 2018.";
    assertEquals(List.of(P1, b1, b2), clean(P1, b1, b2).paragraphs());
  }

  // ---------------------------------------------------------------------------------------------
  // Short sentences and their neighbours

  @Test
  public void shortSentenceNextToTheArticleStays() {
    String quote = "“The conversation went well,” he said.";
    assertEquals(
        List.of(P1, quote), clean(P1, quote, "Coverage Details", "Factuality").paragraphs());
    assertEquals(List.of(P1, quote), clean(P1, "Key Quote", quote).paragraphs());
  }

  @Test
  public void shortSentenceAmidChromeIsRemoved() {
    CleanedPage page =
        clean(
            P1,
            "Subscribe",
            "Gift Subscriptions",
            "The perfect gift for understanding",
            "news from all angles.",
            "Related News");
    assertEquals(List.of(P1), page.paragraphs());
    assertEquals(1, page.removedCount(CleaningRule.ORPHAN_SENTENCE));
  }

  @Test
  public void runOfShortSentencesIsAnArticle() {
    CleanedPage page =
        clean(
            "The crew landed safely.",
            "All four astronauts are well.",
            "The capsule was recovered.");
    assertEquals(3, page.paragraphs().size());
  }

  // ---------------------------------------------------------------------------------------------
  // Repeats

  @Test
  public void exactRepeatsAreKeptOnceInFirstPosition() {
    CleanedPage page = clean(P1, P2, P3, P1, P2, P3);
    assertEquals(List.of(P1, P2, P3), page.paragraphs());
    assertEquals(3, page.removedCount(CleaningRule.DUPLICATE_PARAGRAPH));
  }

  @Test
  public void repeatsDifferingInCaseQuotesAndSpacingAreDuplicates() {
    String variant = P2.replace('’', '\'').toLowerCase(Locale.ROOT).replace(" ", "  ");
    CleanedPage page = clean(P2, P1, variant);
    assertEquals(List.of(P2, P1), page.paragraphs());
    assertEquals(1, page.removedCount(CleaningRule.DUPLICATE_PARAGRAPH));
  }

  @Test
  public void truncatedCopyGivesWayToTheFullText() {
    String truncated = P3.substring(0, 90) + "…";
    CleanedPage page = clean(truncated, P1, P3);
    assertEquals(List.of(P3, P1), page.paragraphs());
    assertEquals(1, page.removedCount(CleaningRule.DUPLICATE_PARAGRAPH));
  }

  @Test
  public void nearCopyWithOneWordChangedIsADuplicate() {
    String s =
        "Representatives of NASA and Russia’s space agency Roscosmos met on Thursday in a rare"
            + " meeting and committed to continuing cooperation in endeavors such as the"
            + " International Space Station, the first such meeting since 2018.";
    String t = s.replace("Thursday", "Friday");
    assertEquals(List.of(s), clean(s, t).paragraphs());
  }

  @Test
  public void differentLedesAboutTheSameEventStay() {
    String a =
        "Russia’s space chief has visited the United States to discuss cooperation between"
            + " Moscow and Washington on the International Space Station.";
    String b =
        "The head of Russia’s space agency Roscosmos said Thursday that he had agreed with his"
            + " NASA counterpart to extend operations of the station until 2028.";
    assertEquals(List.of(a, b), clean(a, b).paragraphs());
  }

  // ---------------------------------------------------------------------------------------------
  // Titles

  @Test
  public void declaredTitleWinsAndItsRepeatsAreRemoved() {
    CleanedPage page =
        PageCleaner.clean(
            "  Space Chiefs Meet In Houston ",
            String.join(
                "\n", "Space chiefs meet in Houston", P1, "SPACE CHIEFS MEET IN HOUSTON", P2));
    assertEquals("Space Chiefs Meet In Houston", page.title());
    assertEquals(List.of(P1, P2), page.paragraphs());
    assertEquals(2, page.removedCount(CleaningRule.TITLE_LINE));
  }

  @Test
  public void titleWithOutletSuffixCountsAsARepeat() {
    CleanedPage page =
        PageCleaner.clean(
            "Russia and US Prolong ISS Collaboration | The Daily Orbit",
            String.join("\n", P1, "Russia and US Prolong ISS Collaboration", P2));
    assertEquals(List.of(P1, P2), page.paragraphs());
    assertEquals(1, page.removedCount(CleaningRule.TITLE_LINE));
  }

  @Test
  public void titleLineSkipsNavigationAboveIt() {
    CleanedPage page = clean("Home", "World", "Russia and US Prolong ISS Collaboration", P1, P2);
    assertEquals("Russia and US Prolong ISS Collaboration", page.title());
  }

  @Test
  public void pageStartingWithAParagraphHasNoTitle() {
    CleanedPage page = clean(P1, P2);
    assertNull(page.title());
    assertEquals(List.of(P1, P2), page.paragraphs());
  }

  // ---------------------------------------------------------------------------------------------
  // Other languages, odd and large input

  @Test
  public void nonEnglishTextIsKept() {
    String ru =
        "Глава Роскосмоса Дмитрий Баканов встретился с исполняющим обязанности администратора"
            + " НАСА Шоном Даффи и обсудил продление работы МКС до 2028 года.";
    String zh = "俄罗斯航天国家集团公司总裁巴卡诺夫与美国国家航空航天局代理局长达菲会面，双方同意将国际空间站的运行延长至二〇二八年。";
    String ar =
        "التقى رئيس وكالة الفضاء الروسية روسكوسموس دميتري باكانوف بالقائم بأعمال مدير ناسا شون"
            + " دافي واتفقا على مواصلة تشغيل محطة الفضاء الدولية حتى عام 2028.";
    CleanedPage page =
        clean("Россия и США продлили сотрудничество по МКС", ru, zh, ar, "42", "Подписаться");
    assertEquals("Россия и США продлили сотрудничество по МКС", page.title());
    assertEquals(List.of(ru, zh, ar), page.paragraphs());
  }

  @Test
  public void cjkWordsAreCountedPerCharacter() {
    String zh = "双方同意将国际空间站的运行延长至二〇二八年。";
    CleanedPage page = clean(zh);
    assertEquals(List.of(zh), page.paragraphs());
    assertEquals(zh.length() - 1, page.wordCount());
  }

  @Test
  public void wordCountCountsTheBody() {
    CleanedPage page = clean(P1, P2);
    assertEquals(P1.split(" ").length + P2.split(" ").length, page.wordCount());
  }

  @Test
  public void textWithoutLineBreaksIsOneParagraph() {
    String oneLine = (P1 + " " + P2 + " " + P3 + " ").repeat(20).strip();
    CleanedPage page = clean(oneLine);
    assertEquals(List.of(oneLine), page.paragraphs());
  }

  @Test
  public void emptyAndBlankInputGiveAnEmptyPage() {
    assertTrue(PageCleaner.clean(null, "").isEmpty());
    assertTrue(PageCleaner.clean("A title", " \n\t\n \u00A0 ").isEmpty());
    assertTrue(PageCleaner.clean(null, null).isEmpty());
    assertTrue(PageCleaner.clean(null, "\u0000\u0001\u0002").isEmpty());
  }

  // ---------------------------------------------------------------------------------------------
  // Bounded work

  /** Distinct paragraphs separated by blank lines, until the page passes {@code chars}. */
  private static List<String> reportParagraphs(int chars) {
    List<String> paragraphs = new ArrayList<>();
    int length = 0;
    for (int i = 0; length <= chars; i++) {
      String p = "Paragraph number " + i + " of a long report on the harbour budget, which the"
          + " council discussed again on Tuesday.";
      paragraphs.add(p);
      length += p.length() + 2;
    }
    return paragraphs;
  }

  @Test
  public void aPageOverTheCharacterLimitIsCutAtALineBreak() {
    List<String> input = reportParagraphs(PageCleaner.MAX_PAGE_CHARS + 50_000);
    String raw = String.join("\n\n", input);
    for (CleanedPage page :
        List.of(PageCleaner.clean(null, raw), PageCleaner.cleanArticleText(null, raw))) {
      List<String> kept = page.paragraphs();
      // Whole paragraphs from the start of the page, none cut in two, up to the limit.
      assertEquals(input.subList(0, kept.size()), kept);
      assertThat(kept.size(), greaterThan(input.size() * 3 / 4));
      assertThat(page.body().length(), not(greaterThan(PageCleaner.MAX_PAGE_CHARS)));
      assertEquals(1, page.removedCount(CleaningRule.PAGE_LIMIT));
      CleanedPage.Removal cut = page.removals().get(page.removals().size() - 1);
      assertEquals(CleaningRule.PAGE_LIMIT, cut.rule());
      assertTrue(cut.excerpt(), cut.excerpt().startsWith(input.get(kept.size()).substring(0, 40)));
    }
  }

  @Test
  public void aPageOfMoreLinesThanTheLimitIsCutAtTheLimit() {
    // 20,000 lines in 150,000 characters: within the character limit, past the unit limit.
    List<String> lines = IntStream.range(0, 20_000).mapToObj(i -> "w" + i).toList();
    CleanedPage page = PageCleaner.cleanArticleText(null, String.join("\n", lines));
    assertEquals(lines.subList(0, PageCleaner.MAX_UNITS), page.paragraphs());
    assertEquals(1, page.removedCount(CleaningRule.PAGE_LIMIT));
    // The cut is listed with the text it starts at, the first line not examined.
    String cut = page.removedReasons().get(page.removedReasons().size() - 1);
    int next = PageCleaner.MAX_UNITS;
    assertTrue(cut, cut.startsWith("page_limit: w" + next + " w" + (next + 1) + " "));
  }

  @Test
  public void pagesWithinTheLimitsAreNotCut() throws IOException {
    for (String prefix : List.of("000_", "001_", "002_", "003_", "004_")) {
      assertEquals(prefix, 0, PageCleaner.clean(null, seed(prefix)).removedCount(
          CleaningRule.PAGE_LIMIT));
    }
    // White space after the last line is not text.
    String raw = String.join("\n\n", reportParagraphs(1_000)) + "\n \n\t\n";
    assertEquals(0, PageCleaner.cleanArticleText(null, raw).removedCount(CleaningRule.PAGE_LIMIT));
  }

  @Test
  public void hostilePagesAreExaminedOnlyUpToTheLimits() throws IOException {
    StringBuilder seeds = new StringBuilder();
    for (String prefix : List.of("000_", "001_", "002_", "003_", "004_")) {
      seeds.append(seed(prefix)).append("\n\n");
    }
    StringBuilder big = new StringBuilder();
    for (int i = 0; big.length() < 4_000_000; i++) {
      big.append(seeds.toString().replace("Bakanov", "Bakanov" + i));
    }
    List<String> inputs =
        List.of(
            big.toString(),
            "lorem ipsum dolor sit amet ".repeat(400_000),
            "x".repeat(4_000_000),
            ". ".repeat(2_000_000),
            "Home\n3\n".repeat(500_000),
            "\"as is\" “".repeat(500_000),
            // Short sentences between headings: once a search from every run, quadratic.
            "He said so.\nTopic\n\n".repeat(200_000),
            (P1 + "\n\n").repeat(50_000));
    for (String input : inputs) {
      for (CleanedPage page :
          List.of(PageCleaner.clean(null, input), PageCleaner.cleanArticleText(null, input))) {
        String what = input.substring(0, 30);
        assertThat(what, page.body().length(), not(greaterThan(PageCleaner.MAX_PAGE_CHARS)));
        assertThat(what, page.paragraphs().size(), not(greaterThan(PageCleaner.MAX_UNITS)));
        assertEquals(what, 1, page.removedCount(CleaningRule.PAGE_LIMIT));
      }
    }
    // The seeds' article survives the cut, each paragraph once.
    CleanedPage page = PageCleaner.clean(null, big.toString());
    assertThat(page.body(), containsString("Roscosmos"));
    assertEquals(1, PageCleaner.clean(null, (P1 + "\n\n").repeat(50_000)).paragraphs().size());
  }

  // ---------------------------------------------------------------------------------------------
  // The result

  @Test
  public void resultIsImmutableAndRecordsEveryRemoval() {
    CleanedPage page = clean("A Title Line For The Page", P1, "42 Articles", "Subscribe", P1);
    assertThrows(UnsupportedOperationException.class, () -> page.paragraphs().add("x"));
    assertThrows(
        UnsupportedOperationException.class,
        () -> page.removedCounts().put(CleaningRule.HEADING, 1));
    int total = page.removedCounts().values().stream().mapToInt(Integer::intValue).sum();
    assertEquals(4, total);
    assertEquals(total, page.removals().size());
    assertEquals(
        List.of(
            "title_line: A Title Line For The Page",
            "numeric_line: 42 Articles",
            "boilerplate_phrase: Subscribe",
            "duplicate_paragraph: " + P1.substring(0, 100) + "…"),
        page.removedReasons());
    assertThat(page.toString(), not(containsString(P1)));
  }
}
