package org.steady.telegram;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.steady.engine.Engine;
import org.steady.engine.ScriptEngine;
import org.steady.script.LiveCatalog;

/**
 * Adds the real {@link ScriptEngine} over the app's {@link LiveCatalog} when the app itself does
 * not define an {@link Engine} bean yet (so the E2E runs the shipped content either way).
 */
final class EngineIfMissing implements BeanDefinitionRegistryPostProcessor {
  @Override
  public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
    ConfigurableListableBeanFactory factory = (ConfigurableListableBeanFactory) registry;
    if (factory.getBeanNamesForType(Engine.class, true, false).length == 0) {
      RootBeanDefinition engine = new RootBeanDefinition(ScriptEngine.class);
      engine.setInstanceSupplier(() -> new ScriptEngine(factory.getBean(LiveCatalog.class)));
      registry.registerBeanDefinition("e2eScriptEngine", engine);
    }
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory factory) {}
}
