package io.riskgate.rules.sample;

import io.riskgate.declaration.Declaration;
import java.util.Objects;

/**
 * A synthetic declaration and its known outcome.
 *
 * <p>Immutable and thread-safe.
 *
 * @param declaration the declaration, valid for the engine
 * @param outcome whether it was inspected, and whether it hides a violation
 */
public record GeneratedDeclaration(Declaration declaration, Outcome outcome) {

  public GeneratedDeclaration {
    Objects.requireNonNull(declaration, "declaration");
    Objects.requireNonNull(outcome, "outcome");
  }
}
