package org.steady.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class AdminTokenFilterTest {

  private static MockHttpServletResponse call(AdminTokenFilter f, String path, String auth)
      throws Exception {
    MockHttpServletRequest req = new MockHttpServletRequest("GET", path);
    if (auth != null) {
      req.addHeader("Authorization", auth);
    }
    MockHttpServletResponse res = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();
    f.doFilter(req, res, chain);
    if (chain.getRequest() != null) {
      res.setStatus(299);
    }
    return res;
  }

  @Test
  void withNoTokenConfiguredTheAdminApiIsOff() throws Exception {
    AdminTokenFilter off = new AdminTokenFilter("");
    MockHttpServletResponse res = call(off, "/api/admin/patients/x/taper-plan", "Bearer ");
    assertThat(res.getStatus()).isEqualTo(404);
    assertThat(res.getContentAsString()).contains("\"error\"").contains("STEADY_ADMIN_TOKEN")
        .contains("\"code\": \"" + AdminTokenFilter.OFF + "\"");
    assertThat(off.enabled()).isFalse();
  }

  @Test
  void missingOrWrongTokenIsRefused() throws Exception {
    AdminTokenFilter f = new AdminTokenFilter("s3cret-token");
    assertThat(call(f, "/api/admin/x", null).getStatus()).isEqualTo(401);
    assertThat(call(f, "/api/admin/x", "Basic abc").getStatus()).isEqualTo(401);
    MockHttpServletResponse wrong = call(f, "/api/admin/x", "Bearer s3cret-tokem");
    assertThat(wrong.getStatus()).isEqualTo(401);
    assertThat(wrong.getHeader("WWW-Authenticate")).startsWith("Bearer");
    assertThat(call(f, "/api/admin/x", "Bearer s3cret-token-longer").getStatus()).isEqualTo(401);
  }

  @Test
  void rightTokenPasses() throws Exception {
    AdminTokenFilter f = new AdminTokenFilter("s3cret-token");
    assertThat(call(f, "/api/admin/escalations", "Bearer s3cret-token").getStatus())
        .isEqualTo(299);
    assertThat(call(f, "/api/admin/escalations", "bearer  s3cret-token ").getStatus())
        .isEqualTo(299);
  }

  @Test
  void otherPathsAreNotItsBusiness() throws Exception {
    AdminTokenFilter off = new AdminTokenFilter(null);
    assertThat(call(off, "/api/local/messages", null).getStatus()).isEqualTo(299);
    assertThat(call(off, "/api/administrator", null).getStatus()).isEqualTo(299);
  }

  @Test
  void disguisedAdminPathsAreGuardedToo() throws Exception {
    AdminTokenFilter f = new AdminTokenFilter("s3cret-token");
    for (String path : new String[] {"/api/admin;x/escalations", "/api/%61dmin/escalations",
        "//api/admin/escalations", "/api/admin/escalations;jsessionid=1", "/api/admin;x"}) {
      assertThat(call(f, path, null).getStatus()).as(path).isEqualTo(401);
    }
  }
}
