package dev.scs.stores.dgraph;

/**
 * One tie as the lake's {@code graph_ties} has it: {@code citizenA < citizenB} by code point, one
 * tie per relation.
 */
public record GraphTie(String citizenA, String citizenB, String relation) {}
