package dev.scs.simulator.world;

import java.util.Arrays;

/** A list of ints without boxing, for the endpoint lists and adjacency of large graphs. */
final class GrowableInts {
  private int[] values = new int[4];
  private int size;

  void add(int value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = value;
  }

  int get(int index) {
    return values[index];
  }

  /** Removes the element at {@code index} by moving the last one there (order is not kept). */
  void removeAt(int index) {
    values[index] = values[--size];
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }
}
