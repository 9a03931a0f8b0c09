package io.riskgate.declaration;

import java.time.LocalDate;

/**
 * A document attached to a declaration.
 *
 * @param type the kind of document, e.g. {@code INVOICE}, {@code PACKING_LIST}, {@code CO},
 *     {@code LICENCE}, {@code QUARANTINE_CERTIFICATE}
 * @param number the document's number
 * @param issued the day it was issued, or {@code null} if unknown
 */
public record Document(String type, String number, LocalDate issued) {

  public Document {
    Codes.requireText(type, "type");
    Codes.requireText(number, "number");
  }
}
