package org.steady.engine.expr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.steady.engine.Expression;
import org.steady.engine.Expression.ExpressionException;
import org.steady.engine.expr.Lexer.Kind;
import org.steady.engine.expr.Lexer.Token;

/**
 * A hand-written recursive-descent parser for the script expression language (docs/scripts.md).
 * The grammar has no production for method calls, indexing or class names, so a script cannot
 * reach Java by construction; sources are bounded in length and nesting depth.
 *
 * <pre>
 * or      := and ('or' and)*          and := not ('and' not)*
 * not     := 'not' not | compare      compare := sum (('=='|'!='|'<'|'<='|'>'|'>='|'in'|'not in') sum)?
 * sum     := product (('+'|'-') product)*     product := unary (('*'|'/') unary)*
 * unary   := '-' unary | primary
 * primary := number | string | true | false | null | name('.'name)* | fn '(' args ')'
 *          | '(' or ')' | '[' (or (',' or)*)? ']'
 * </pre>
 */
public final class Parser {
  /** Longest accepted source, in characters. */
  public static final int MAX_LENGTH = 500;
  /** Deepest accepted nesting of parentheses, lists, calls and unary operators. */
  public static final int MAX_DEPTH = 32;

  private static final Set<String> COMPARISONS = Set.of("==", "!=", "<", "<=", ">", ">=");
  private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "in", "true", "false", "null");

  private final List<Token> tokens;
  private final Set<String> variables = new LinkedHashSet<>();
  private int pos;
  private int depth;

  private Parser(List<Token> tokens) {
    this.tokens = tokens;
  }

  public static Expression parse(String source) {
    if (source == null || source.isBlank()) {
      throw new ExpressionException(0, "the expression is empty");
    }
    if (source.length() > MAX_LENGTH) {
      throw new ExpressionException(MAX_LENGTH, "the expression is longer than " + MAX_LENGTH + " characters");
    }
    Parser p = new Parser(Lexer.tokens(source));
    Node root = p.or();
    Token t = p.peek();
    if (t.kind() != Kind.END) {
      throw p.unexpected(t);
    }
    return new Compiled(source, root, Collections.unmodifiableSet(p.variables));
  }

  private Node or() {
    Node left = and();
    while (isWord("or")) {
      pos++;
      left = new Node.Logic(false, left, and());
    }
    return left;
  }

  private Node and() {
    Node left = not();
    while (isWord("and")) {
      pos++;
      left = new Node.Logic(true, left, not());
    }
    return left;
  }

  private Node not() {
    if (isWord("not")) {
      Token t = tokens.get(pos++);
      enter(t);
      Node n = new Node.Not(not());
      depth--;
      return n;
    }
    return compare();
  }

  private Node compare() {
    Node left = sum();
    Token t = peek();
    if (t.kind() == Kind.OP && COMPARISONS.contains(t.text())) {
      pos++;
      return new Node.Binary(t.text(), left, sum());
    }
    if (isWord("in")) {
      pos++;
      return new Node.In(left, sum(), false);
    }
    if (isWord("not") && pos + 1 < tokens.size() && isName(tokens.get(pos + 1), "in")) {
      pos += 2;
      return new Node.In(left, sum(), true);
    }
    return left;
  }

  private Node sum() {
    Node left = product();
    while (isOp("+") || isOp("-")) {
      String op = tokens.get(pos++).text();
      left = new Node.Binary(op, left, product());
    }
    return left;
  }

  private Node product() {
    Node left = unary();
    while (isOp("*") || isOp("/")) {
      String op = tokens.get(pos++).text();
      left = new Node.Binary(op, left, unary());
    }
    return left;
  }

  private Node unary() {
    if (isOp("-")) {
      Token t = tokens.get(pos++);
      enter(t);
      Node n = new Node.Negate(unary());
      depth--;
      return n;
    }
    Node n = primary();
    Token after = peek();
    if (after.kind() == Kind.DOT) {
      throw new ExpressionException(after.offset(), "method calls and attributes are not allowed here; only variable names may contain dots");
    }
    if (after.kind() == Kind.LPAREN) {
      throw new ExpressionException(after.offset(), "only the functions " + functionList() + " can be called");
    }
    if (after.kind() == Kind.LBRACKET) {
      throw new ExpressionException(after.offset(), "indexing with [ ] is not allowed; use a dotted name such as items.tremor");
    }
    return n;
  }

  private Node primary() {
    Token t = tokens.get(pos);
    switch (t.kind()) {
      case NUMBER:
        pos++;
        return new Node.Literal(Double.valueOf(t.text()));
      case STRING:
        pos++;
        return new Node.Literal(t.text());
      case LPAREN: {
        pos++;
        enter(t);
        Node inner = or();
        expect(Kind.RPAREN, "a closing )");
        depth--;
        return inner;
      }
      case LBRACKET:
        return list(t);
      case NAME:
        return name(t);
      default:
        throw unexpected(t);
    }
  }

  private Node list(Token open) {
    pos++;
    enter(open);
    List<Node> items = new ArrayList<>();
    if (peek().kind() != Kind.RBRACKET) {
      items.add(or());
      while (peek().kind() == Kind.COMMA) {
        pos++;
        items.add(or());
      }
    }
    expect(Kind.RBRACKET, "a closing ] or a comma");
    depth--;
    return new Node.ListOf(List.copyOf(items));
  }

  private Node name(Token first) {
    pos++;
    switch (first.text()) {
      case "true": return new Node.Literal(Boolean.TRUE);
      case "false": return new Node.Literal(Boolean.FALSE);
      case "null": return new Node.Literal(null);
      default: break;
    }
    if (KEYWORDS.contains(first.text())) {
      throw new ExpressionException(first.offset(), "'" + first.text() + "' needs a value before it");
    }
    checkName(first);
    if (peek().kind() == Kind.LPAREN) {
      return call(first);
    }
    List<String> parts = new ArrayList<>();
    parts.add(first.text());
    while (peek().kind() == Kind.DOT) {
      Token dot = tokens.get(pos++);
      Token part = tokens.get(pos);
      if (part.kind() != Kind.NAME || KEYWORDS.contains(part.text())) {
        throw new ExpressionException(dot.offset(), "a dot must be followed by a name");
      }
      checkName(part);
      pos++;
      parts.add(part.text());
      if (peek().kind() == Kind.LPAREN) {
        throw new ExpressionException(part.offset(), "method calls are not allowed; only the functions " + functionList() + " can be called");
      }
    }
    String path = String.join(".", parts);
    variables.add(path);
    return new Node.Variable(path, parts.toArray(new String[0]));
  }

  private Node call(Token name) {
    if (!Functions.NAMES.contains(name.text())) {
      throw new ExpressionException(name.offset(), "'" + name.text() + "' is not a function; the functions are " + functionList());
    }
    Token open = tokens.get(pos++);
    enter(open);
    List<Node> args = new ArrayList<>();
    if (peek().kind() != Kind.RPAREN) {
      args.add(or());
      while (peek().kind() == Kind.COMMA) {
        pos++;
        args.add(or());
      }
    }
    expect(Kind.RPAREN, "a closing ) or a comma");
    depth--;
    String problem = Functions.arityProblem(name.text(), args.size());
    if (problem != null) {
      throw new ExpressionException(name.offset(), problem);
    }
    return new Node.Call(name.text(), List.copyOf(args));
  }

  private void checkName(Token t) {
    if (t.text().startsWith("__")) {
      throw new ExpressionException(t.offset(), "names cannot start with two underscores: '" + t.text() + "'");
    }
  }

  private void enter(Token t) {
    if (++depth > MAX_DEPTH) {
      throw new ExpressionException(t.offset(), "the expression is nested too deeply (more than " + MAX_DEPTH + " levels)");
    }
  }

  private void expect(Kind kind, String what) {
    Token t = peek();
    if (t.kind() != kind) {
      throw new ExpressionException(t.offset(), "expected " + what + (t.kind() == Kind.END ? " before the end" : " here"));
    }
    pos++;
  }

  private ExpressionException unexpected(Token t) {
    if (t.kind() == Kind.END) {
      return new ExpressionException(t.offset(), "the expression ends too early; a value is missing");
    }
    return new ExpressionException(t.offset(), "unexpected '" + t.text() + "'");
  }

  private Token peek() {
    return tokens.get(pos);
  }

  private boolean isWord(String w) {
    return isName(peek(), w);
  }

  private static boolean isName(Token t, String w) {
    return t.kind() == Kind.NAME && t.text().equals(w);
  }

  private boolean isOp(String op) {
    Token t = peek();
    return t.kind() == Kind.OP && t.text().equals(op);
  }

  private static String functionList() {
    return String.join(", ", new TreeSet<>(Functions.NAMES));
  }

  /** A parsed expression. */
  private record Compiled(String source, Node root, Set<String> variables) implements Expression {
    @Override
    public Object evaluate(Map<String, Object> vars) {
      return root.eval(vars == null ? Map.of() : vars);
    }

    @Override
    public String toString() {
      return "Expression[" + source + "]";
    }
  }
}
