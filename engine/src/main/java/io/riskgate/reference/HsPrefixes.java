package io.riskgate.reference;

/** HS code prefixes as the lists and price table key them: 2, 4, 6, 8 or 10 digits. */
final class HsPrefixes {
  /** Prefix lengths, longest first: lookups try the most specific entry first. */
  static final int[] LENGTHS = {10, 8, 6, 4, 2};

  private HsPrefixes() {}

  static String check(String prefix, String field) {
    if (prefix == null || !isPrefix(prefix)) {
      throw new IllegalArgumentException(field + " must be 2, 4, 6, 8 or 10 digits");
    }
    return prefix;
  }

  static boolean isPrefix(String text) {
    int length = text.length();
    if (length < 2 || length > 10 || length % 2 != 0) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
