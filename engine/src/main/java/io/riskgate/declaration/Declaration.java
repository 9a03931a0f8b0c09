package io.riskgate.declaration;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A customs declaration: the fact a rule pack assesses. Immutable; construct it directly, or read
 * it from JSON with {@link io.riskgate.RiskgateJson}.
 *
 * <p>In DRL a pack matches {@code Declaration} facts for criteria on the whole declaration, and
 * {@link Line} facts (one per item, inserted by the engine) for criteria on the goods:
 * <pre>{@code
 * $d : Declaration( header.borderGate == "CUA KHAU TAN THANH" )
 * $l : Line( chapter == 87, claimsPreference, declaration.header.type == DeclarationType.IMPORT )
 * }</pre>
 *
 * @param header the header
 * @param items the goods lines, at least one, with distinct line numbers
 * @param documents the attached documents; empty if none
 */
public record Declaration(Header header, List<Item> items, List<Document> documents) {

  public Declaration {
    Codes.require(header, "header");
    if (items == null || items.isEmpty()) {
      throw new IllegalArgumentException("items must hold at least one item");
    }
    items = List.copyOf(items);
    Set<Integer> lines = new HashSet<>();
    for (Item item : items) {
      if (!lines.add(item.line())) {
        throw new IllegalArgumentException("items must have distinct line numbers (line "
            + item.line() + " appears twice)");
      }
    }
    documents = documents == null ? List.of() : List.copyOf(documents);
  }

  /**
   * A hash of the declaration number only: consistent with {@link #equals}, and cheap, since the
   * engine keys its bookkeeping by declaration and the default record hash would walk every item.
   */
  @Override
  public int hashCode() {
    return header.number().hashCode();
  }

  /** The declaration number, from the header. */
  public String number() {
    return header.number();
  }

  /** Whether a document of the given type is attached. */
  public boolean hasDocument(String type) {
    // Indexed, not for-each: criteria ask this of every line, and the iterator of an immutable
    // list is an allocation the JIT does not always remove.
    for (int i = 0; i < documents.size(); i++) {
      if (documents.get(i).type().equals(type)) {
        return true;
      }
    }
    return false;
  }

  /** The sum of the items' customs values (assumes one currency, as a declaration declares one). */
  public BigDecimal totalCustomsValue() {
    BigDecimal total = BigDecimal.ZERO;
    for (Item item : items) {
      total = total.add(item.customsValue().amount());
    }
    return total;
  }
}
