package dev.scs.batch.whatif;

import java.util.List;

/**
 * The printed summary of a what-if.
 *
 * @param tierLines one line per tier: citizens before and after
 * @param largestMoves the citizens whose score moves most
 */
public record WhatIfSummary(
    long citizens,
    long changedScores,
    double meanChange,
    long changedTiers,
    List<String> tierLines,
    List<String> largestMoves) {

  public String render(String header) {
    StringBuilder text = new StringBuilder(header).append('\n');
    text.append(String.format("  citizens compared   %,d%n", citizens));
    text.append(String.format("  scores changed      %,d%n", changedScores));
    text.append(String.format("  mean change         %+.2f points%n", meanChange));
    text.append(String.format("  tiers changed       %,d%n", changedTiers));
    text.append("  citizens per tier, current rules -> alternative rules\n");
    tierLines.forEach(line -> text.append("    ").append(line).append('\n'));
    if (!largestMoves.isEmpty()) {
      text.append("  largest moves\n");
      largestMoves.forEach(line -> text.append("    ").append(line).append('\n'));
    }
    return text.toString();
  }
}
