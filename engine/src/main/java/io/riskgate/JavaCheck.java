package io.riskgate;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Position;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.LocalClassDeclarationStmt;
import com.github.javaparser.ast.stmt.LocalRecordDeclarationStmt;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a Java body (a consequence, a DRL function, accumulate code) against what a pack may use,
 * on JavaParser's syntax tree: every type it names, every qualified name, the members it calls, the
 * statements it uses (no {@code while}, {@code do}, counted {@code for}, {@code synchronized}, local
 * or anonymous classes), the arrays it creates, and what it assigns. A body JavaParser cannot read
 * (Drools' {@code modify} blocks are not Java) goes to the conservative {@link TokenCheck}.
 */
final class JavaCheck {
  private static final String LOOP = " loops are not allowed in a pack: a loop can run forever; use a"
      + " for-each over a collection" + CodeRules.SEE;

  private final DrlSource source;
  private final int base;
  private final boolean located;
  private final String code;
  private final CodeRules rules;
  private final Set<String> calls;
  private final int[] lineStarts;

  private JavaCheck(DrlSource source, int base, boolean located, String code, CodeRules rules,
      Set<String> calls) {
    this.source = source;
    this.base = base;
    this.located = located;
    this.code = code;
    this.rules = rules;
    this.calls = calls;
    this.lineStarts = code.lines().mapToInt(String::length).toArray();
  }

  /**
   * Checks the statements {@code code}, found at {@code base} in {@code source}; adds to
   * {@code calls} the names of the pack's functions it calls.
   *
   * @param parameters names the body may read and write besides its own locals
   */
  static void check(DrlSource source, int base, boolean located, String code, CodeRules rules,
      Set<String> parameters, Set<String> calls) {
    ParserConfiguration configuration = new ParserConfiguration()
        .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)
        .setTabSize(1)
        .setAttributeComments(false);
    ParseResult<BlockStmt> parsed = new JavaParser(configuration).parseBlock("{" + code + "\n}");
    if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
      TokenCheck.check(source, base, located, code, rules);
      return;
    }
    new JavaCheck(source, base, located, code, rules, calls).walk(parsed.getResult().get(), parameters);
  }

  private void walk(BlockStmt block, Set<String> parameters) {
    Set<String> variables = new HashSet<>(parameters);
    block.walk(node -> {
      if (node instanceof VariableDeclarator declarator) {
        variables.add(declarator.getNameAsString());
      } else if (node instanceof Parameter parameter) {
        variables.add(parameter.getNameAsString());
      }
    });
    block.walk(node -> visit(node, variables));
  }

  private void visit(Node node, Set<String> variables) {
    if (node instanceof WhileStmt) {
      problem(node, "'while'" + LOOP);
    } else if (node instanceof DoStmt) {
      problem(node, "'do'" + LOOP);
    } else if (node instanceof ForStmt) {
      problem(node, "'for' loops with a condition are not allowed in a pack: a loop can run forever;"
          + " use a for-each over a collection" + CodeRules.SEE);
    } else if (node instanceof SynchronizedStmt) {
      problem(node, "'synchronized' is not allowed in a pack: it blocks on other threads" + CodeRules.SEE);
    } else if (node instanceof LocalClassDeclarationStmt || node instanceof LocalRecordDeclarationStmt
        || node instanceof ObjectCreationExpr creation && creation.getAnonymousClassBody().isPresent()) {
      problem(node, "declaring a class is not allowed in a pack" + CodeRules.SEE);
    } else if (node instanceof ClassExpr) {
      problem(node, "'.class' is not allowed in a pack: reflection can change the engine itself" + CodeRules.SEE);
    } else if (node instanceof ArrayCreationExpr array) {
      array.getLevels().forEach(level -> level.getDimension().ifPresent(size -> {
        if (!(size instanceof IntegerLiteralExpr)) {
          problem(size, "an array whose size is not a number written in the rule is not allowed in a"
              + " pack: its size could take the whole memory" + CodeRules.SEE);
        }
      }));
    } else if (node instanceof AssignExpr assign) {
      assigned(assign.getTarget(), variables);
    } else if (node instanceof UnaryExpr unary && unary.getOperator().isPostfix()
        || node instanceof UnaryExpr prefix && (prefix.getOperator() == UnaryExpr.Operator.PREFIX_INCREMENT
            || prefix.getOperator() == UnaryExpr.Operator.PREFIX_DECREMENT)) {
      assigned(((UnaryExpr) node).getExpression(), variables);
    } else if (node instanceof MethodCallExpr call) {
      refuse(call.getName(), CodeRules.memberRefusal(call.getNameAsString()));
      if (call.getScope().isEmpty() && rules.functions.contains(call.getNameAsString())) {
        calls.add(call.getNameAsString());
      }
      if (call.getScope().orElse(null) instanceof NameExpr scope && rules.riskGlobals.contains(scope.getNameAsString())
          && (call.getNameAsString().equals("hit") || call.getNameAsString().equals("require"))) {
        reason(call);
      }
    } else if (node instanceof MethodReferenceExpr reference) {
      refuse(reference, CodeRules.memberRefusal(reference.getIdentifier()));
    } else if (node instanceof ClassOrInterfaceType type) {
      type(type);
    } else if (node instanceof NameExpr name) {
      name(name, variables);
    }
  }

  private void assigned(Expression target, Set<String> variables) {
    if (target instanceof FieldAccessExpr) {
      problem(target, "writing to a field is not allowed in a pack: a rule may change only its own"
          + " local variables" + CodeRules.SEE);
    } else if (target instanceof NameExpr name && !variables.contains(name.getNameAsString())) {
      problem(target, "assigning to '" + name.getNameAsString() + "', which is not a local variable,"
          + " is not allowed in a pack" + CodeRules.SEE);
    }
  }

  private void type(ClassOrInterfaceType type) {
    if (type.getParentNode().orElse(null) instanceof ClassOrInterfaceType outer
        && outer.getScope().orElse(null) == type) {
      return;  // the outer name is checked as a whole
    }
    ClassOrInterfaceType head = type;
    while (head.getScope().isPresent()) {
      head = head.getScope().get();
    }
    String written = Character.isUpperCase(head.getNameAsString().charAt(0))
        ? head.getNameAsString() : type.getNameWithScope();
    refuse(type, rules.typeRefusal(written));
  }

  private void name(NameExpr name, Set<String> variables) {
    String word = name.getNameAsString();
    String drools = rules.droolsVariableRefusal(word);
    if (drools != null) {
      problem(name, drools);
      return;
    }
    if (variables.contains(word) || word.startsWith("$") || rules.globals.contains(word)) {
      return;
    }
    if (Character.isUpperCase(word.charAt(0))) {
      refuse(name, rules.typeRefusal(word));
      return;
    }
    StringBuilder dotted = new StringBuilder(word);
    Node current = name;
    while (current.getParentNode().orElse(null) instanceof FieldAccessExpr access
        && access.getScope() == current) {
      dotted.append('.').append(access.getNameAsString());
      current = access;
    }
    if (CodeRules.PACKAGE_ROOTS.contains(word) && dotted.indexOf(".") > 0) {
      String className = CodeRules.qualified(dotted.toString());
      refuse(name, className == null
          ? "'" + dotted + "' is not allowed in a pack: it names no class a pack may use" + CodeRules.SEE
          : rules.refusal(className));
    }
  }

  private void refuse(Node node, String refusal) {
    if (refusal != null) {
      problem(node, refusal);
    }
  }

  /**
   * Checks a hit's reason template against the evidence names after it, when both are written in
   * the rule: a placeholder with no value would otherwise fail every declaration the rule hits. The
   * reason is the first argument after the declaration and points (or channel) that is quoted text.
   */
  private void reason(MethodCallExpr call) {
    List<Expression> arguments = call.getArguments();
    // hit(declaration, points, [Channel.X,] reason, ...) and require(declaration, channel, reason, ...)
    int at = call.getNameAsString().equals("hit") && arguments.size() > 3
        && arguments.get(2) instanceof FieldAccessExpr channel
        && Set.of("GREEN", "YELLOW", "RED").contains(channel.getNameAsString()) ? 3 : 2;
    List<StringLiteralExpr> pieces = new ArrayList<>();
    if (at >= arguments.size() || !literals(arguments.get(at), pieces)) {
      return;  // a computed reason (or a channel held in a variable): checked when the rule fires
    }
    StringBuilder text = new StringBuilder();
    pieces.forEach(piece -> text.append(piece.getValue()));
    ReasonTemplate parsed;
    try {
      parsed = ReasonTemplate.parse(text.toString());
    } catch (ReasonTemplate.Mistake e) {
      mistakeInTemplate(pieces, e.at, e.getMessage());
      return;
    }
    List<Expression> evidence = arguments.subList(at + 1, arguments.size());
    if (evidence.size() % 2 != 0) {
      mistake(evidence.get(evidence.size() - 1), 0, "evidence is given as name, value pairs after the reason,"
          + " but the last name has no value");
      return;
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < evidence.size(); i += 2) {
      if (!(evidence.get(i) instanceof StringLiteralExpr name)) {
        return;  // a computed name: checked when the rule fires
      }
      if (!Evidence.isName(name.getValue())) {
        mistake(name, 0, "evidence name \"" + name.getValue() + "\" must be a word of letters and digits");
      } else if (!names.add(name.getValue())) {
        mistake(name, 0, "evidence \"" + name.getValue() + "\" is given twice");
      }
    }
    for (String name : parsed.names) {
      if (!names.contains(name)) {
        mistakeInTemplate(pieces, Math.max(0, text.indexOf("{" + name)), "reason template placeholder {" + name + "} has no value: give it"
            + " after the template as \"" + name + "\", value" + (names.isEmpty() ? ""
                : "; the values given are " + String.join(", ", new TreeSet<>(names))));
      }
    }
  }

  /**
   * Adds to {@code pieces} the quoted texts that {@code expression} joins, and says whether it is
   * made of nothing else: a template split over lines with {@code +} is still one template.
   */
  private static boolean literals(Expression expression, List<StringLiteralExpr> pieces) {
    if (expression instanceof StringLiteralExpr literal) {
      pieces.add(literal);
      return true;
    }
    if (expression instanceof EnclosedExpr enclosed) {
      return literals(enclosed.getInner(), pieces);
    }
    int size = pieces.size();
    if (expression instanceof BinaryExpr binary && binary.getOperator() == BinaryExpr.Operator.PLUS
        && literals(binary.getLeft(), pieces) && literals(binary.getRight(), pieces)) {
      return true;
    }
    pieces.subList(size, pieces.size()).clear();
    return false;
  }

  /** A mistake at character {@code at} of the template that {@code pieces} join. */
  private void mistakeInTemplate(List<StringLiteralExpr> pieces, int at, String message) {
    int skipped = 0;
    for (StringLiteralExpr piece : pieces) {
      int length = piece.getValue().length();
      if (at < skipped + length || piece == pieces.get(pieces.size() - 1)) {
        mistake(piece, 1 + Math.min(at - skipped, length), message);
        return;
      }
      skipped += length;
    }
  }

  private void mistake(Node node, int extra, String message) {
    if (!located) {
      source.mistake(base, message);
      return;
    }
    source.mistake(base + offset(node) + extra, message);
  }

  private void problem(Node node, String message) {
    if (!located) {
      source.refuse(base, message);
      return;
    }
    source.refuse(base + offset(node), message);
  }

  /** Where {@code node} starts, from the start of the code, clamped to it. */
  private int offset(Node node) {
    Position begin = node.getBegin().orElse(new Position(1, 2));
    // The body was parsed as "{" + code + "\n}": its first line is one column to the right.
    int offset = 0;
    for (int line = 1; line < begin.line && line - 1 < lineStarts.length; line++) {
      offset += lineStarts[line - 1] + 1;
    }
    offset += begin.column - (begin.line == 1 ? 2 : 1);
    return Math.max(0, Math.min(offset, code.length()));
  }
}
