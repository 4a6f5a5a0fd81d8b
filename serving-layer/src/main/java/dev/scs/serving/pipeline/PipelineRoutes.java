package dev.scs.serving.pipeline;

import static dev.scs.serving.http.JsonResponses.putCount;
import static dev.scs.serving.http.JsonResponses.putInstant;
import static dev.scs.serving.http.JsonResponses.putNumber;
import static dev.scs.serving.http.JsonResponses.putText;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scs.serving.http.JsonResponses;
import dev.scs.serving.http.RequestParameters;
import dev.scs.serving.score.PublishedRun;
import dev.scs.serving.score.ViewStore;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Optional;

/** {@code GET /api/v1/pipeline/status}: speed layer lag and rates, the batch runs, rejects. */
public final class PipelineRoutes {
  private final SpeedMetrics speed;
  private final BatchRuns runs;
  private final ViewStore views;

  public PipelineRoutes(SpeedMetrics speed, BatchRuns runs, ViewStore views) {
    this.speed = speed;
    this.runs = runs;
    this.views = views;
  }

  public void register(Javalin app) {
    app.get("/api/v1/pipeline/status", this::status);
  }

  void status(Context ctx) {
    Duration window =
        RequestParameters.duration(
            ctx, "window", Duration.ofMinutes(1), Duration.ofDays(30), Duration.ofHours(1));
    SpeedMetrics.Snapshot snapshot = speed.over(window);
    ObjectNode json = JsonResponses.object();
    ObjectNode speedJson = json.putObject("speed");
    putText(speedJson, "job", snapshot.job());
    putInstant(speedJson, "last_batch_at", snapshot.lastBatchAt());
    if (snapshot.lag() == null) {
      speedJson.putNull("lag");
    } else {
      speedJson.put("lag", snapshot.lag());
    }
    putNumber(speedJson, "input_rate", snapshot.inputRate());
    putNumber(speedJson, "processing_rate", snapshot.processingRate());
    speedJson.put("micro_batches", snapshot.microBatches());
    speedJson.put("window", window.toString());

    ObjectNode batch = json.putObject("batch");
    Optional<PublishedRun> published = views.publishedRun();
    putText(batch, "published_run_id", published.map(PublishedRun::runId).orElse(null));
    putInstant(batch, "watermark", published.map(PublishedRun::watermark).orElse(null));
    putInstant(batch, "published_at", published.map(PublishedRun::publishedAt).orElse(null));
    Optional<BatchRuns.RunRecord> last = runs.lastRun();
    if (last.isEmpty()) {
      batch.putNull("last_run");
    } else {
      BatchRuns.RunRecord run = last.get();
      ObjectNode runJson = batch.putObject("last_run");
      runJson.put("run_id", run.runId());
      putInstant(runJson, "watermark", run.watermark());
      putText(runJson, "status", run.status());
      putInstant(runJson, "started_at", run.startedAt());
      putInstant(runJson, "finished_at", run.finishedAt());
      putCount(runJson, "events", run.events());
      putCount(runJson, "firings", run.firings());
      putCount(runJson, "citizens", run.citizens());
    }
    ObjectNode rejects = json.putObject("rejects");
    snapshot.rejectsByReason().forEach(rejects::put);
    JsonResponses.ok(ctx, json);
  }
}
