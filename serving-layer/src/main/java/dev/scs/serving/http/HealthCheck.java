package dev.scs.serving.http;

/** One store's health for {@code /health}. */
public interface HealthCheck {
  String name();

  /** {@code ok}, or one line saying why the store does not answer. */
  String check();
}
