package dev.scs.scoring.config;

import java.math.BigDecimal;

/** A named score band starting at {@code min} (contract, section 6). */
public record Tier(String name, BigDecimal min) {}
