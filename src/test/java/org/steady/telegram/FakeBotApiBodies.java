package org.steady.telegram;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads Bot API request parameters: JSON, form or multipart (text parts only). */
final class FakeBotApiBodies {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PART_NAME = Pattern.compile("name=\"([^\"]+)\"");

  private FakeBotApiBodies() {}

  static Map<String, Object> parse(HttpExchange ex) throws IOException {
    byte[] body = ex.getRequestBody().readAllBytes();
    String type = ex.getRequestHeaders().getFirst("Content-Type");
    Map<String, Object> params = new LinkedHashMap<>();
    String query = ex.getRequestURI().getRawQuery();
    if (query != null) {
      form(query, params);
    }
    if (body.length == 0 || type == null) {
      return params;
    }
    if (type.startsWith("application/json")) {
      params.putAll(JSON.readValue(body, new TypeReference<Map<String, Object>>() {}));
    } else if (type.startsWith("application/x-www-form-urlencoded")) {
      form(new String(body, StandardCharsets.UTF_8), params);
    } else if (type.startsWith("multipart/")) {
      multipart(body, type.substring(type.indexOf("boundary=") + 9), params);
    }
    return params;
  }

  private static void form(String s, Map<String, Object> into) {
    for (String pair : s.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        into.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
  }

  private static void multipart(byte[] body, String boundary, Map<String, Object> into) {
    String text = new String(body, StandardCharsets.ISO_8859_1);
    for (String part : text.split("--" + Pattern.quote(boundary))) {
      int split = part.indexOf("\r\n\r\n");
      if (split < 0) {
        continue;
      }
      String headers = part.substring(0, split);
      Matcher name = PART_NAME.matcher(headers);
      if (!name.find()) {
        continue;
      }
      String value = part.substring(split + 4);
      if (value.endsWith("\r\n")) {
        value = value.substring(0, value.length() - 2);
      }
      if (headers.contains("filename=")) {
        into.put(name.group(1), "<file " + value.length() + " bytes>");
      } else {
        into.put(name.group(1), new String(value.getBytes(StandardCharsets.ISO_8859_1),
            StandardCharsets.UTF_8));
      }
    }
  }
}
