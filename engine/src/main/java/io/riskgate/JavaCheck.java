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
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.LocalClassDeclarationStmt;
import com.github.javaparser.ast.stmt.LocalRecordDeclarationStmt;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import java.util.HashSet;
import java.util.Set;

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

  private void problem(Node node, String message) {
    if (!located) {
      source.refuse(base, message);
      return;
    }
    Position begin = node.getBegin().orElse(new Position(1, 2));
    // The body was parsed as "{" + code + "\n}": its first line is one column to the right.
    int offset = 0;
    for (int line = 1; line < begin.line && line - 1 < lineStarts.length; line++) {
      offset += lineStarts[line - 1] + 1;
    }
    offset += begin.column - (begin.line == 1 ? 2 : 1);
    source.refuse(base + Math.max(0, Math.min(offset, code.length())), message);
  }
}
