package io.riskgate.reference;

/**
 * Lists of HS code prefixes: price-risk, sensitive (misclassification-prone high duty), targeted
 * HS and origin pairs, and licence-required goods. Bound to the DRL global {@code hsLists}.
 *
 * <p>Each lookup returns the most specific entry whose prefix the code starts with, or
 * {@code null}. The in-memory lists try the code's 10, 8, 6, 4 and 2-digit prefixes in hash maps:
 * the cost does not grow with the lists.
 * <pre>{@code
 * $l : Line( hsLists.licenceRequired(hsCode) != null,
 *            !declaration.hasDocument(hsLists.licenceRequired(hsCode).licenceType) )
 * }</pre>
 *
 * <p>Implementations must be thread-safe.
 *
 * <p>Within one batch of {@code assessAll} the engine may reuse its last answer: criteria that ask
 * the same lookup about the same line or trader in a row reach this object once. So answer a
 * question the same way within a batch, and do not rely on the number of calls. The engine binds
 * the global {@code hsLists} to a stand-in that calls this object; declare the global with this
 * interface's type, or with your own class if rules must call its own methods (then it is bound
 * as it is), and never cast it in a rule.
 */
@FunctionalInterface
public interface HsLists {

  /**
   * The most specific entry on {@code list} covering {@code hsCode} (and, for
   * {@link HsList#TARGETED}, {@code origin}; ignored for other lists), or {@code null}.
   */
  HsListEntry find(HsList list, String hsCode, String origin);

  /** The price-risk entry covering {@code hsCode}, or {@code null}. */
  default HsListEntry priceRisk(String hsCode) {
    return find(HsList.PRICE_RISK, hsCode, null);
  }

  /** The sensitive-goods entry covering {@code hsCode}, or {@code null}. */
  default HsListEntry sensitive(String hsCode) {
    return find(HsList.SENSITIVE, hsCode, null);
  }

  /** The targeted entry covering {@code hsCode} from {@code origin}, or {@code null}. */
  default HsListEntry targeted(String hsCode, String origin) {
    return find(HsList.TARGETED, hsCode, origin);
  }

  /** The licence requirement covering {@code hsCode}, or {@code null}. */
  default HsListEntry licenceRequired(String hsCode) {
    return find(HsList.LICENCE_REQUIRED, hsCode, null);
  }
}
