package dev.scs.simulator.world;

import java.util.SplittableRandom;

/**
 * Invented names built from syllables, so that no generated citizen carries a real person's name by
 * design, and the names still read as names.
 */
final class SyntheticNames {
  private static final String[] SYLLABLES = {
    "ka", "lo", "ren", "vi", "sa", "mor", "tel", "an", "dri", "os", "bel", "qua", "ni", "fen",
    "ula", "ri", "ta", "zor", "e", "mi", "dan", "ko", "ly", "se", "vo", "thra", "il", "ba", "cor",
    "ne", "pel", "ush", "ga", "rim", "to", "wen"
  };
  private static final String[] FAMILY_SUFFIXES = {
    "son", "ov", "ell", "ard", "wyn", "berg", "ez", "ani", "strom", "dottir", "ski", "hold"
  };

  private SyntheticNames() {}

  static String givenName(SplittableRandom random) {
    int syllables = 2 + (random.nextInt(3) == 0 ? 1 : 0);
    return capitalised(syllables(random, syllables));
  }

  static String familyName(SplittableRandom random) {
    String suffix = FAMILY_SUFFIXES[random.nextInt(FAMILY_SUFFIXES.length)];
    return capitalised(syllables(random, 1 + random.nextInt(2)) + suffix);
  }

  private static String syllables(SplittableRandom random, int count) {
    StringBuilder name = new StringBuilder();
    for (int i = 0; i < count; i++) {
      name.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
    }
    return name.toString();
  }

  private static String capitalised(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
