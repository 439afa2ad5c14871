package io.storyline.extract;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.storyline.model.Entity;
import io.storyline.nlp.Token;
import io.storyline.nlp.WordTokenizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class EntityRecognizerTest {
  private static Map<String, String> typesOf(String... sentences) {
    List<List<Token>> tokens = new ArrayList<>();
    for (String s : sentences) {
      tokens.add(WordTokenizer.tokenize(s));
    }
    Map<String, String> types = new HashMap<>();
    for (Entity e : EntityRecognizer.recognize(tokens).entities) {
      types.put(e.name, e.type);
    }
    return types;
  }

  @Test
  public void rolesMarkPeopleAndTheirEmployers() {
    Map<String, String> types =
        typesOf("NASA's acting administrator Sean Duffy met Roscosmos chief Dmitry Bakanov.");
    assertEquals("person", types.get("Sean Duffy"));
    assertEquals("person", types.get("Dmitry Bakanov"));
    assertEquals("organization", types.get("Roscosmos"));
    assertEquals("organization", types.get("NASA"));
  }

  @Test
  public void surnamesAloneJoinTheFullName() {
    Map<String, String> types =
        typesOf("Chief executive Laura Chen spoke first.", "Chen said the plants stay open.");
    assertTrue(types.containsKey("Laura Chen"));
    assertFalse(types.toString(), types.containsKey("Chen"));
  }

  @Test
  public void acronymDefinitionsAreAliases() {
    Map<String, String> types =
        typesOf("They met on the International Space Station (ISS) again.", "The ISS flies on.");
    assertTrue(types.containsKey("International Space Station"));
    assertFalse(types.toString(), types.containsKey("ISS"));
  }

  @Test
  public void sentenceOpeningWordsAndNationalitiesAreNotNames() {
    Map<String, String> types =
        typesOf("However, the Russian cosmonaut stayed in Moscow.", "Despite the weather, it flew.");
    assertFalse(types.toString(), types.containsKey("However"));
    assertFalse(types.toString(), types.containsKey("Despite"));
    assertFalse(types.toString(), types.containsKey("Russian"));
    assertEquals("place", types.get("Moscow"));
  }
}
