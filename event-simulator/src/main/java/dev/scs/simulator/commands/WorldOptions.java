package dev.scs.simulator.commands;

import dev.scs.simulator.world.World;
import picocli.CommandLine.Option;

/**
 * The options that fix the synthetic world: seed and simulate must be given the same values (or
 * both the defaults), so that simulated events name the citizens seed registered.
 */
final class WorldOptions {
  @Option(
      names = "--citizens",
      paramLabel = "N",
      defaultValue = "10000",
      description = "Population size (default: ${DEFAULT-VALUE}); seed and simulate must agree.")
  int citizens;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "1",
      description =
          "Seed of the synthetic world and its events (default: ${DEFAULT-VALUE}); the same seed"
              + " gives the same output.")
  long seed;

  /** The world, its citizen ids under the prefix of {@code simulator.citizen-id-prefix}. */
  World world(String citizenIdPrefix) {
    if (citizens < 1) {
      throw new IllegalArgumentException("--citizens must be at least 1");
    }
    return World.generate(citizens, seed, citizenIdPrefix);
  }
}
