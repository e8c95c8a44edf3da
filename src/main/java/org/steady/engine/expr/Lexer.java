package org.steady.engine.expr;

import java.util.ArrayList;
import java.util.List;
import org.steady.engine.Expression.ExpressionException;

/** Splits an expression's source into tokens; rejects any character the language does not use. */
final class Lexer {
  enum Kind { NUMBER, STRING, NAME, OP, LPAREN, RPAREN, LBRACKET, RBRACKET, COMMA, DOT, END }

  record Token(Kind kind, String text, int offset) {}

  private Lexer() {}

  static List<Token> tokens(String src) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    int n = src.length();
    while (i < n) {
      char c = src.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (isDigit(c)) {
        int start = i;
        while (i < n && isDigit(src.charAt(i))) i++;
        if (i + 1 < n && src.charAt(i) == '.' && isDigit(src.charAt(i + 1))) {
          i++;
          while (i < n && isDigit(src.charAt(i))) i++;
        }
        if (i < n && isNameStart(src.charAt(i))) {
          throw new ExpressionException(i, "a number cannot be followed directly by a letter");
        }
        out.add(new Token(Kind.NUMBER, src.substring(start, i), start));
      } else if (c == '\'' || c == '"') {
        i = string(src, i, out);
      } else if (isNameStart(c)) {
        int start = i;
        while (i < n && isNamePart(src.charAt(i))) i++;
        out.add(new Token(Kind.NAME, src.substring(start, i), start));
      } else {
        i = symbol(src, i, out);
      }
    }
    out.add(new Token(Kind.END, "", n));
    return out;
  }

  private static int string(String src, int i, List<Token> out) {
    char quote = src.charAt(i);
    int start = i++;
    StringBuilder sb = new StringBuilder();
    while (i < src.length() && src.charAt(i) != quote) {
      char c = src.charAt(i);
      if (c == '\\' && i + 1 < src.length()) {
        c = src.charAt(++i);
      }
      sb.append(c);
      i++;
    }
    if (i >= src.length()) {
      throw new ExpressionException(start, "this text in quotes is never closed");
    }
    out.add(new Token(Kind.STRING, sb.toString(), start));
    return i + 1;
  }

  private static int symbol(String src, int i, List<Token> out) {
    char c = src.charAt(i);
    String two = i + 1 < src.length() ? src.substring(i, i + 2) : "";
    if (two.equals("==") || two.equals("!=") || two.equals("<=") || two.equals(">=")) {
      out.add(new Token(Kind.OP, two, i));
      return i + 2;
    }
    switch (c) {
      case '+': case '-': case '*': case '/': case '<': case '>':
        out.add(new Token(Kind.OP, String.valueOf(c), i));
        return i + 1;
      case '(': out.add(new Token(Kind.LPAREN, "(", i)); return i + 1;
      case ')': out.add(new Token(Kind.RPAREN, ")", i)); return i + 1;
      case '[': out.add(new Token(Kind.LBRACKET, "[", i)); return i + 1;
      case ']': out.add(new Token(Kind.RBRACKET, "]", i)); return i + 1;
      case ',': out.add(new Token(Kind.COMMA, ",", i)); return i + 1;
      case '.': out.add(new Token(Kind.DOT, ".", i)); return i + 1;
      case '=':
        throw new ExpressionException(i, "use == to compare (a single = is not allowed)");
      case '&': case '|':
        throw new ExpressionException(i, "use the words 'and' / 'or' instead of " + c);
      case '!':
        throw new ExpressionException(i, "use the word 'not' instead of !");
      default:
        throw new ExpressionException(i, "the character '" + c + "' is not allowed in an expression");
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isNameStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  private static boolean isNamePart(char c) {
    return isNameStart(c) || isDigit(c);
  }
}
