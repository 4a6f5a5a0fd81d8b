package dev.scs.stores.mongodb;

import dev.scs.scoring.config.ScoringConfig;

/** The stored scoring config, parsed, and as the JSON text it was parsed from. */
public record CurrentConfig(ScoringConfig config, String json) {}
