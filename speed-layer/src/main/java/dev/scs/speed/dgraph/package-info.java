/**
 * The Dgraph sink: the social graph's ties from accepted {@code social.tie_added} and {@code
 * social.tie_removed} events, and each touched citizen's current score and tier on its node,
 * written through the shared {@code dev.scs.stores.dgraph.SocialGraph}.
 */
package dev.scs.speed.dgraph;
