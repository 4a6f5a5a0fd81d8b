package dev.scs.batch.view;

import dev.scs.batch.recompute.CitizenOutcome;
import dev.scs.batch.recompute.ScoringInputs;
import dev.scs.batch.run.Watermark;
import dev.scs.batch.speed.CitizenFirings;
import dev.scs.scoring.engine.Firing;
import dev.scs.scoring.view.Score;
import java.util.List;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/**
 * Every citizen's served score at one instant, from a run's outcomes and the speed firings since
 * its watermark: what MongoDB's citizens are reconciled to after a run publishes.
 */
public final class ServedScores {
  private ServedScores() {}

  public static Dataset<ServedScore> at(
      Dataset<CitizenOutcome> outcomes,
      Dataset<CitizenFirings> speedFirings,
      Watermark watermark,
      long instant,
      ScoringInputs inputs) {
    long w = watermark.epochMillis();
    MapFunction<Tuple2<CitizenOutcome, CitizenFirings>, ServedScore> merge =
        pair -> {
          CitizenOutcome batch = pair._1();
          CitizenFirings speed = pair._2();
          List<Firing> batchLedger = batch == null ? List.of() : BatchRunTables.firings(batch);
          List<Firing> speedLedger = speed == null ? List.of() : speed.firings();
          Score score = MergedScore.at(batchLedger, w, speedLedger, instant, inputs.config());
          ServedScore served = new ServedScore();
          served.setCitizenId(batch != null ? batch.getCitizenId() : speed.getCitizenId());
          served.setRaw(score.raw());
          served.setScore(score.score().toPlainString());
          served.setTier(score.tier());
          served.setFirings(score.firings());
          served.setAsOf(instant);
          return served;
        };
    return outcomes
        .joinWith(
            speedFirings,
            outcomes.col("citizenId").equalTo(speedFirings.col("citizenId")),
            "full_outer")
        .map(merge, Encoders.bean(ServedScore.class));
  }

  /**
   * The scores that differ from the stored ones, each with the stored raw score and
   * score_updated_at it replaces: a citizen whose stored score (to the displayed two places) and
   * tier already are the served ones needs no write. Citizens without a stored score, registered or
   * not, are kept.
   *
   * @param stored citizen_id, score (double), tier, raw (double) and score_updated_at (bigint,
   *     epoch ms) as stored when the run began
   */
  public static Dataset<ServedScore> changed(Dataset<ServedScore> served, Dataset<Row> stored) {
    Dataset<Row> before =
        stored.selectExpr(
            "citizen_id as storedCitizenId",
            "score as storedScore",
            "tier as storedTier",
            "raw as storedRawValue",
            "score_updated_at as storedUpdatedAt");
    return served
        .drop("storedRaw", "storedAt")
        .join(before, served.col("citizenId").equalTo(before.col("storedCitizenId")), "left")
        .filter(
            "storedScore is null or not (tier <=> storedTier)"
                + " or abs(storedScore - cast(score as double)) >= 0.005")
        .selectExpr(
            "citizenId",
            "raw",
            "score",
            "tier",
            "firings",
            "asOf",
            "storedRawValue as storedRaw",
            "storedUpdatedAt as storedAt")
        .as(Encoders.bean(ServedScore.class));
  }
}
