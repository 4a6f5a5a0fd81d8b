package dev.scs.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks an integration test that talks to servers of the local stack. Before the test runs, each
 * named server is probed; if one does not answer, the test <em>fails</em> with a message naming the
 * server, its address and the command that starts it. Failing rather than skipping keeps a stopped
 * stack from passing for a green build.
 *
 * <p>A test method or constructor may take a {@link LocalStackAddresses} parameter: it holds the
 * addresses that were probed.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(LocalStackExtension.class)
public @interface RequiresLocalStack {
  Service[] value();
}
