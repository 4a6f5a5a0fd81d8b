package dev.scs.simulator.events;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.SplittableRandom;

/**
 * Draws an index with probability proportional to its weight in constant time (Vose's alias
 * method), since every generated event draws a persona, a citizen and a type.
 */
final class AliasTable {
  private final double[] probability;
  private final int[] alias;

  AliasTable(double[] weights) {
    int size = weights.length;
    if (size == 0) {
      throw new IllegalArgumentException("an alias table needs at least one weight");
    }
    double total = 0;
    for (double weight : weights) {
      if (weight < 0 || Double.isNaN(weight)) {
        throw new IllegalArgumentException("weights must not be negative");
      }
      total += weight;
    }
    if (total <= 0) {
      throw new IllegalArgumentException("at least one weight must be positive");
    }
    probability = new double[size];
    alias = new int[size];
    double[] scaled = new double[size];
    Deque<Integer> small = new ArrayDeque<>();
    Deque<Integer> large = new ArrayDeque<>();
    for (int i = 0; i < size; i++) {
      scaled[i] = weights[i] * size / total;
      (scaled[i] < 1 ? small : large).push(i);
    }
    while (!small.isEmpty() && !large.isEmpty()) {
      int less = small.pop();
      int more = large.pop();
      probability[less] = scaled[less];
      alias[less] = more;
      scaled[more] = scaled[more] + scaled[less] - 1;
      (scaled[more] < 1 ? small : large).push(more);
    }
    while (!large.isEmpty()) {
      probability[large.pop()] = 1;
    }
    while (!small.isEmpty()) {
      probability[small.pop()] = 1; // only rounding leaves entries here
    }
  }

  int sample(SplittableRandom random) {
    int column = random.nextInt(probability.length);
    return random.nextDouble() < probability[column] ? column : alias[column];
  }
}
