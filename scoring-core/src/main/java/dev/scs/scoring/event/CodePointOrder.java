package dev.scs.scoring.event;

import java.util.Comparator;

/**
 * Strings by Unicode code point, as the contract compares them. {@link String#compareTo} compares
 * UTF-16 units, which orders supplementary characters before U+E000..U+FFFF.
 */
public final class CodePointOrder implements Comparator<String> {
  public static final CodePointOrder INSTANCE = new CodePointOrder();

  private CodePointOrder() {}

  @Override
  public int compare(String left, String right) {
    int length = Math.min(left.length(), right.length());
    for (int i = 0; i < length; i++) {
      char a = left.charAt(i);
      char b = right.charAt(i);
      if (a != b) {
        if (Character.isSurrogate(a) || Character.isSurrogate(b)) {
          return Integer.compare(left.codePointAt(i), right.codePointAt(i));
        }
        return Character.compare(a, b);
      }
    }
    return Integer.compare(left.length(), right.length());
  }
}
