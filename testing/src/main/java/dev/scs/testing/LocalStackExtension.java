package dev.scs.testing;

import java.lang.reflect.AnnotatedElement;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.AssertionFailedError;

/** The extension behind {@link RequiresLocalStack}; use the annotation, not this class. */
public final class LocalStackExtension
    implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

  @Override
  public void beforeAll(ExtensionContext context) {
    requireServersOf(context.getTestClass(), context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    requireServersOf(context.getTestMethod(), context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == LocalStackAddresses.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return addresses(context);
  }

  private static void requireServersOf(
      Optional<? extends AnnotatedElement> element, ExtensionContext context) {
    Optional<RequiresLocalStack> annotation =
        AnnotationSupport.findAnnotation(element, RequiresLocalStack.class);
    if (annotation.isEmpty()) {
      return;
    }
    LocalStackAddresses addresses = addresses(context);
    List<String> problems =
        Arrays.stream(annotation.get().value())
            .distinct()
            .flatMap(service -> service.probes(addresses).stream())
            .flatMap(probe -> probe.problem().stream())
            .toList();
    if (!problems.isEmpty()) {
      throw new AssertionFailedError(String.join("\n", problems));
    }
  }

  /** Configuration parameters fall back to system properties, as the precedence promises. */
  private static LocalStackAddresses addresses(ExtensionContext context) {
    return LocalStackAddresses.from(context::getConfigurationParameter);
  }
}
