package dev.scs.serving.graph;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scs.serving.http.JsonResponses;
import dev.scs.serving.http.RequestParameters;
import dev.scs.serving.score.CitizenDirectory;
import dev.scs.serving.score.CitizenNotFoundException;
import dev.scs.serving.score.CitizenRecord;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /api/v1/citizens/{id}/network?depth=1..3}: the citizens within depth ties, with the
 * score and tier their profile holds, and the ties among them; {@code GET
 * /api/v1/citizens/{a}/path/{b}}: a shortest tie path, by breadth-first search from both ends. Both
 * stop at {@value #MAX_CITIZENS} citizens so that a hub cannot make one request read the world.
 */
public final class GraphRoutes {
  static final int MAX_CITIZENS = 2_000;
  static final int MAX_PATH_TIES = 6;

  private final TieSource ties;
  private final CitizenDirectory citizens;

  public GraphRoutes(TieSource ties, CitizenDirectory citizens) {
    this.ties = ties;
    this.citizens = citizens;
  }

  public void register(Javalin app) {
    app.get("/api/v1/citizens/{id}/network", this::network);
    app.get("/api/v1/citizens/{a}/path/{b}", this::path);
  }

  void network(Context ctx) {
    String citizen = RequestParameters.citizenId(ctx, "id");
    int depth = RequestParameters.integer(ctx, "depth", 1, 3, 1);
    Map<String, Integer> distance = new LinkedHashMap<>();
    distance.put(citizen, 0);
    Set<Tie> found = new LinkedHashSet<>();
    List<String> frontier = List.of(citizen);
    boolean truncated = false;
    for (int hop = 1; hop <= depth && !frontier.isEmpty(); hop++) {
      List<String> next = new ArrayList<>();
      for (Tie tie : ties.tiesOf(frontier)) {
        for (String end : List.of(tie.citizenA(), tie.citizenB())) {
          if (!distance.containsKey(end)) {
            if (distance.size() >= MAX_CITIZENS) {
              truncated = true;
              continue;
            }
            distance.put(end, hop);
            next.add(end);
          }
        }
        if (distance.containsKey(tie.citizenA()) && distance.containsKey(tie.citizenB())) {
          found.add(tie);
        }
      }
      frontier = next;
    }
    if (found.isEmpty() && citizens.find(citizen).isEmpty()) {
      throw new CitizenNotFoundException(citizen);
    }
    Map<String, CitizenRecord> records = citizens.findAll(distance.keySet());
    ObjectNode json = JsonResponses.object();
    json.put("citizen_id", citizen);
    json.put("depth", depth);
    putSource(json);
    json.put("truncated", truncated);
    ArrayNode nodes = json.putArray("nodes");
    distance.forEach(
        (id, hops) -> {
          ObjectNode node = nodes.addObject().put("citizen_id", id).put("distance", hops);
          CitizenRecord record = records.get(id);
          if (record == null || record.storedScore() == null) {
            node.putNull("score");
          } else {
            node.put("score", record.storedScore());
          }
          if (record == null || record.storedTier() == null) {
            node.putNull("tier");
          } else {
            node.put("tier", record.storedTier());
          }
        });
    putTies(json.putArray("ties"), found);
    JsonResponses.ok(ctx, json);
  }

  void path(Context ctx) {
    String from = RequestParameters.citizenId(ctx, "a");
    String to = RequestParameters.citizenId(ctx, "b");
    for (String end : List.of(from, to)) {
      if (citizens.find(end).isEmpty() && ties.tiesOf(List.of(end)).isEmpty()) {
        throw new CitizenNotFoundException(end);
      }
    }
    List<Tie> path = shortestPath(from, to);
    ObjectNode json = JsonResponses.object();
    json.put("from", from);
    json.put("to", to);
    putSource(json);
    json.put("found", path != null);
    if (path == null) {
      json.putNull("length");
      json.putArray("citizens");
      json.putArray("ties");
    } else {
      json.put("length", path.size());
      ArrayNode ids = json.putArray("citizens");
      String at = from;
      ids.add(at);
      for (Tie tie : path) {
        at = tie.otherEnd(at);
        ids.add(at);
      }
      putTies(json.putArray("ties"), path);
    }
    JsonResponses.ok(ctx, json);
  }

  /**
   * The ties of a shortest path, in order from {@code from}; empty when both are the same citizen,
   * null when there is none within {@value #MAX_PATH_TIES} ties.
   */
  List<Tie> shortestPath(String from, String to) {
    if (from.equals(to)) {
      return List.of();
    }
    Map<String, Tie> reachedFromStart = new HashMap<>();
    Map<String, Tie> reachedFromEnd = new HashMap<>();
    reachedFromStart.put(from, null);
    reachedFromEnd.put(to, null);
    List<String> startFrontier = new ArrayList<>(List.of(from));
    List<String> endFrontier = new ArrayList<>(List.of(to));
    for (int hops = 0; hops < MAX_PATH_TIES; hops++) {
      // Grow the smaller side: fewer citizens to ask the source about.
      boolean fromStart = startFrontier.size() <= endFrontier.size();
      Map<String, Tie> reached = fromStart ? reachedFromStart : reachedFromEnd;
      Map<String, Tie> other = fromStart ? reachedFromEnd : reachedFromStart;
      Set<String> frontier = new LinkedHashSet<>(fromStart ? startFrontier : endFrontier);
      List<String> next = new ArrayList<>();
      String meeting = null;
      for (Tie tie : ties.tiesOf(frontier)) {
        String near = reached.containsKey(tie.citizenA()) ? tie.citizenA() : tie.citizenB();
        String far = tie.otherEnd(near);
        if (!frontier.contains(near) || reached.containsKey(far)) {
          continue;
        }
        if (reached.size() + other.size() >= MAX_CITIZENS) {
          return null;
        }
        reached.put(far, tie);
        next.add(far);
        if (other.containsKey(far) && meeting == null) {
          meeting = far;
        }
      }
      if (meeting != null) {
        return join(meeting, reachedFromStart, reachedFromEnd);
      }
      if (next.isEmpty()) {
        return null;
      }
      if (fromStart) {
        startFrontier = next;
      } else {
        endFrontier = next;
      }
    }
    return null;
  }

  private static List<Tie> join(
      String meeting, Map<String, Tie> fromStart, Map<String, Tie> fromEnd) {
    List<Tie> path = new ArrayList<>();
    String at = meeting;
    while (fromStart.get(at) != null) {
      Tie tie = fromStart.get(at);
      path.add(0, tie);
      at = tie.otherEnd(at);
    }
    at = meeting;
    while (fromEnd.get(at) != null) {
      Tie tie = fromEnd.get(at);
      path.add(tie);
      at = tie.otherEnd(at);
    }
    return path;
  }

  private void putSource(ObjectNode json) {
    json.put("source", ties.name());
    Optional<String> run = ties.runId();
    if (run.isPresent()) {
      json.put("run_id", run.get());
    } else {
      json.putNull("run_id");
    }
  }

  private static void putTies(ArrayNode array, Iterable<Tie> ties) {
    for (Tie tie : ties) {
      array
          .addObject()
          .put("citizen_a", tie.citizenA())
          .put("citizen_b", tie.citizenB())
          .put("relation", tie.relation());
    }
  }
}
