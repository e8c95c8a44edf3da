package org.steady.console;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Registers {@link AdminTokenFilter} in front of {@code /api/admin/*} (all sub-paths). Features
 * put their admin controllers under that prefix and get authentication for free.
 */
@Configuration(proxyBeanMethods = false)
public class AdminApiConfiguration {

  @Bean
  FilterRegistrationBean<AdminTokenFilter> adminTokenFilter(
      @Value("${steady.admin-token:}") String token) {
    FilterRegistrationBean<AdminTokenFilter> bean =
        new FilterRegistrationBean<>(new AdminTokenFilter(token));
    bean.addUrlPatterns("/api/admin", "/api/admin/*");
    bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    bean.setName("steadyAdminToken");
    return bean;
  }
}
