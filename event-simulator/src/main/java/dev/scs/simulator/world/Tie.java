package dev.scs.simulator.world;

/** An undirected social tie between two citizens, by population index. */
public record Tie(int one, int other, Relation relation) {}
