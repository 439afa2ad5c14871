package io.storyline.clean;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The phrase families {@link PageCleaner} knows as boilerplate. Each family is one pattern over
 * lower-cased text, written as a family of wordings rather than one site's sentence. Every pattern
 * is linear: no nested quantifiers, and gaps are bounded ({@code [^.]{0,60}}).
 *
 * <p>The families are English; the structural rules of {@link PageCleaner} carry the other
 * languages.
 */
final class BoilerplatePhrases {

  private BoilerplatePhrases() {}

  /**
   * One family of wordings. {@code stems} are plain substrings of which every match of {@code
   * pattern} contains at least one; they let most text skip the pattern.
   */
  record Family(String name, List<String> stems, Pattern pattern) {
    boolean matches(String lower) {
      for (String stem : stems) {
        if (lower.contains(stem)) {
          return pattern.matcher(lower).find();
        }
      }
      return false;
    }
  }

  private static Family family(String name, String regex, String... stems) {
    return new Family(name, List.of(stems), Pattern.compile(regex));
  }

  /**
   * Disclaimer, legal, consent and subscription wording. A paragraph is boilerplate if it hits two
   * distinct families (a disclaimer paragraph) or one family and is short (a prompt).
   */
  static final List<Family> FAMILIES =
      List.of(
          // "provides the information “as is”", "provided as-is"
          family("as_is", "[\"“”'‘’]as[ -]is[\"“”'‘’]|\\bprovided as[ -]is\\b", "as is", "as-is"),
          // "without warranty of any kind", "no warranties"
          family(
              "warranty",
              "\\bwithout (?:any )?warrant(?:y|ies)\\b|\\bno warrant(?:y|ies)\\b",
              "warrant"),
          // "we do not accept any responsibility or liability", "not liable for"
          family(
              "liability",
              "\\b(?:(?:do|does|will|shall|can) not|cannot|don'?t|doesn'?t)"
                  + " (?:accept|assume|bear|take) (?:any )?(?:responsibility|liability)\\b"
                  + "|\\bnot (?:be )?(?:held )?(?:responsible|liable) for\\b",
              "responsib",
              "liab"),
          // "all rights reserved", "© 2025", "Copyright 2025"
          family(
              "rights",
              "\\ball rights reserved\\b|©|\\bcopyright (?:\\(c\\)|\\d{4})",
              "rights reserved",
              "©",
              "copyright"),
          // "reproduction ... prohibited", "redistributed without permission"
          family(
              "reproduction",
              "\\b(?:reproduc|redistribut|republi)\\w*\\b[^.]{0,60}?"
                  + "\\b(?:prohibited|without (?:prior )?(?:written )?(?:permission|consent))",
              "reproduc",
              "redistribut",
              "republi"),
          // "If you have any complaints or copyright issues ... kindly contact"
          family(
              "complaints",
              "\\b(?:complaints|copyright issues)\\b[^.]{0,60}?\\bcontact\\b|\\bkindly contact\\b",
              "contact"),
          // "Legal Disclaimer:", "Disclaimer"
          family("disclaimer", "^(?:legal )?disclaimer\\b", "disclaimer"),
          // "terms of use", "terms and conditions", "privacy policy"
          family(
              "terms",
              "\\bterms (?:of (?:use|service)|and conditions)\\b|\\bprivacy policy\\b",
              "terms ",
              "privacy policy"),
          // "this site uses cookies", "accept all cookies", "cookie settings"
          family(
              "cookies",
              "\\b(?:we|site|website|page) uses? cookies\\b"
                  + "|\\b(?:accept|manage|reject|allow) (?:all )?cookies\\b"
                  + "|\\bcookie (?:policy|settings|preferences|consent|notice)\\b"
                  + "|\\bby continuing to (?:browse|use)\\b",
              "cookie",
              "by continuing"),
          // "Subscribe", "Gift Subscriptions", "already a subscriber", "subscriber-only"
          family(
              "subscribe",
              "\\bsubscribe\\b|\\bgift subscriptions?\\b|\\balready a (?:subscriber|member)\\b"
                  + "|\\bsubscribers?[- ]only\\b|\\bsubscription (?:plans?|offers?|options?)\\b",
              "subscri",
              "already a member"),
          // "sign up for free", "sign in to continue", "log in to comment", "create a free account"
          family(
              "sign_up",
              "\\bsign up (?:now|today|here|free|for (?:free|our|the|a|updates))\\b"
                  + "|\\b(?:sign|log) ?in to (?:continue|read|comment|view|access)\\b"
                  + "|\\bcreate (?:a |an )?(?:free )?account\\b|\\bregister (?:now|for free)\\b",
              "sign",
              "log",
              "account",
              "register"),
          // "our newsletter", "daily newsletter", "newsletter sign-up"
          family(
              "newsletter",
              "\\b(?:our|free|daily|weekly|morning|evening) newsletters?\\b|\\bnewsletter sign",
              "newsletter"),
          // "delivered straight to your inbox"
          family(
              "inbox",
              "\\b(?:delivered|straight|directly|sent) to your inbox\\b|\\bin your inbox\\b",
              "inbox"),
          // "Upgrade to Premium", "premium members", "unlock this article"
          family(
              "premium",
              "\\bupgrade to (?:premium|pro|plus)\\b|\\bpremium"
                  + " (?:members?|subscribers?|content)\\b|\\bunlock (?:this|the"
                  + " full|full|premium)\\b",
              "upgrade",
              "premium",
              "unlock"),
          // "please disable your ad blocker"
          family(
              "ad_blocker",
              "\\b(?:disable|turn off|whitelist|pause) (?:your )?ad[ -]?blockers?\\b",
              "blocker"),
          // navigation and sharing chrome
          family(
              "navigation",
              "\\bskip to (?:main )?content\\b|\\btoggle navigation\\b|\\bback to top\\b|\\bclick"
                  + " here\\b|\\bfollow us on\\b|\\bshare (?:this|on)"
                  + " (?:article|story|facebook|twitter|x|whatsapp|linkedin)\\b",
              "skip to",
              "navigation",
              "back to top",
              "click here",
              "follow us",
              "share "));

  /** A paragraph of at most this many words is removed on a single family hit. */
  static final int SINGLE_HIT_MAX_WORDS = 40;

  /** A paragraph of at most this many words is removed on hits from two families. */
  static final int MULTI_HIT_MAX_WORDS = 150;

  /**
   * A line that is an HTTP error status: "403", "404 Not Found", "Error 500", "HTTP 403 Forbidden".
   */
  static final Pattern STATUS_LINE =
      Pattern.compile(
          "^(?:http\\s*)?(?:error\\s*:?\\s*)?[45]\\d\\d(?:[\\s:.!-]+[\\p{L} '.!-]{0,40})?$");

  /** Error-page wording that, on its own, marks a banner. */
  static final Pattern ERROR_STRONG =
      Pattern.compile(
          "\\bpage (?:you (?:were |are )?|you're )?(?:looking"
              + " for|requested)\\b|\\b(?:page|article|content|file) (?:was not|is not|not|could"
              + " not be|cannot be) found\\b|\\b(?:page|article|link|url) (?:you [\\p{L}"
              + " ]{0,30})?(?:doesn'?t|does not|no longer) exists?\\b|\\baccess (?:is"
              + " )?denied\\b|\\bforbidden\\b|\\bsomething went wrong\\b|\\b(?:error|http)"
              + " [45]\\d\\d\\b|\\b[45]\\d\\d (?:error|not found|forbidden)\\b");

  /** Apology wording that belongs to a banner only next to a status line or strong wording. */
  static final Pattern ERROR_WEAK =
      Pattern.compile(
          "\\bsorry\\b|\\boops\\b|^error\\b|\\berror!|\\btry again\\b|\\bgo (?:back )?(?:to the"
              + " )?home|\\bnot available\\b|\\bunavailable\\b");

  /**
   * Headings that introduce a list of links to other stories: "Most popular stories", "Related
   * News", "Recommended", "Trending now", "Read more", "You may also like".
   */
  static final Pattern LINK_LIST_HEADING =
      Pattern.compile(
          "^(?:most (?:popular|read|viewed|shared|commented)|popular|related|recommended|trending"
              + "|read (?:more|next|also)|also read|see also|more (?:stories|news|from|on|in|like)"
              + "|you (?:may|might) (?:also )?like|top (?:stories|news|headlines)"
              + "|latest (?:news|stories|headlines)|editor'?s? picks|further reading"
              + "|other (?:stories|news)|don'?t miss|in case you missed)\\b");
}
