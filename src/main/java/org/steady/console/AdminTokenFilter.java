package org.steady.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Guards every {@code /api/admin/**} endpoint with one bearer token ({@code steady.admin-token},
 * env {@code STEADY_ADMIN_TOKEN}). With no token configured the admin API is off and answers 404
 * as if it did not exist; a missing or wrong token answers 401. The comparison is constant-time
 * over SHA-256 digests, so neither the token's content nor its length leaks through timing.
 *
 * <p>Any feature adds admin endpoints just by mapping them under {@code /api/admin/}; see
 * {@link AdminApiConfiguration} for the registration.
 */
public final class AdminTokenFilter extends OncePerRequestFilter {
  public static final String PREFIX = "/api/admin/";
  /** The {@code "code"} of the 404 answered while the admin API is off. */
  public static final String OFF = "admin_api_off";
  private static final UrlPathHelper PATHS = new UrlPathHelper();

  private final byte[] expected;

  public AdminTokenFilter(String token) {
    this.expected = token == null || token.isBlank() ? null : digest(token.strip());
  }

  /** Whether the admin API is on (a token is configured). */
  public boolean enabled() {
    return expected != null;
  }

  /**
   * Decides on the path as the dispatcher routes it (decoded, {@code ;params} removed, {@code //}
   * folded), never on the raw URI: {@code /api/admin;x/escalations} and
   * {@code /api/%61dmin/escalations} reach the admin controllers too, so they must be guarded.
   */
  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = PATHS.getPathWithinApplication(request);
    return !(path.startsWith(PREFIX) || path.equals("/api/admin"));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    if (expected == null) {
      error(response, HttpServletResponse.SC_NOT_FOUND,
          "the admin API is off: set STEADY_ADMIN_TOKEN to turn it on", OFF);
      return;
    }
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      response.setHeader("WWW-Authenticate", "Bearer");
      error(response, HttpServletResponse.SC_UNAUTHORIZED,
          "send the admin token as \"Authorization: Bearer <token>\"", null);
      return;
    }
    if (!MessageDigest.isEqual(expected, digest(header.substring(7).strip()))) {
      response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
      error(response, HttpServletResponse.SC_UNAUTHORIZED, "the admin token is not valid", null);
      return;
    }
    chain.doFilter(request, response);
  }

  private static void error(HttpServletResponse response, int status, String message,
      @Nullable String code) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write("{\"error\": \"" + message.replace("\"", "\\\"") + "\""
        + (code == null ? "" : ", \"code\": \"" + code + "\"") + "}");
  }

  private static byte[] digest(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
