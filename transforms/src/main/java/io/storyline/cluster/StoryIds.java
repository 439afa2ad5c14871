package io.storyline.cluster;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Deterministic ids: the same input gives the same ids on any runner and any sharding. */
public final class StoryIds {
  private StoryIds() {}

  /** A story's id, from the smallest article id among its members. */
  public static String of(String smallestArticleId) {
    return hashed("st-", smallestArticleId);
  }

  /** A prefix and the first 64 bits of the SHA-256 of the text, in hex. */
  public static String hashed(String prefix, String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder(prefix);
      for (int i = 0; i < 8; i++) {
        hex.append(String.format("%02x", digest[i]));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
