package io.storyline.ratings;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.util.List;
import org.junit.Test;

public class DomainsTest {
  @Test
  public void hostsAreLowerCaseWithoutVariantPrefixesOrPorts() {
    assertEquals("nytimes.com", Domains.normalize("WWW.NYTimes.com"));
    assertEquals("cnn.com", Domains.normalize("amp.cnn.com."));
    assertEquals("bbc.co.uk", Domains.normalize("m.bbc.co.uk:443"));
    assertEquals("edition.cnn.com", Domains.normalize("www.edition.cnn.com"));
    assertEquals("example.org", Domains.normalize("www.m.example.org"));
    // A prefix that would leave a bare top-level domain is the domain itself.
    assertEquals("m.com", Domains.normalize("m.com"));
    assertEquals("mexico.example", Domains.normalize("mexico.example"));
  }

  @Test
  public void whatIsNoHostIsNull() {
    assertNull(Domains.normalize("The Daily News"));
    assertNull(Domains.normalize("localhost"));
    assertNull(Domains.normalize("https://nytimes.com/"));
    assertNull(Domains.normalize(""));
    assertNull(Domains.normalize(null));
  }

  @Test
  public void theHostOfAnAddress() {
    assertEquals("edition.cnn.com",
        Domains.hostOf("https://edition.cnn.com/2025/07/31/world/iss-index.html?x=1"));
    assertEquals("nytimes.com", Domains.hostOf("http://user@www.nytimes.com:8080/a"));
    assertEquals("example.org", Domains.hostOf("example.org/news/1"));
    // Not a valid URI (a space), still a host.
    assertEquals("lemonde.fr", Domains.hostOf("https://www.lemonde.fr/a b"));
    assertNull(Domains.hostOf("urn:isbn:123"));
    assertNull(Domains.hostOf(null));
    assertNull(Domains.hostOf(" "));
  }

  @Test
  public void parentDomainsDownToTwoLabels() {
    assertEquals(List.of("news.bbc.co.uk", "bbc.co.uk", "co.uk"),
        Domains.withParents("news.bbc.co.uk"));
    assertEquals(List.of("cnn.com"), Domains.withParents("cnn.com"));
  }
}
