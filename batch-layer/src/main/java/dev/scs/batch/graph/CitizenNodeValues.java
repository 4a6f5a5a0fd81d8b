package dev.scs.batch.graph;

import java.io.Serializable;

/**
 * What a published run sets on one citizen's node of the social graph (schemas/dgraph/schema.dql):
 * the batch score at the run's watermark and the graph metrics of the lake's {@code graph} table. A
 * Spark bean, so that the values travel to the tasks that write them.
 */
public class CitizenNodeValues implements Serializable {
  private static final long serialVersionUID = 1L;

  private String citizenId;
  private Double batchScore;
  private long degree;
  private double pagerank;

  public CitizenNodeValues() {}

  public CitizenNodeValues(String citizenId, Double batchScore, long degree, double pagerank) {
    this.citizenId = citizenId;
    this.batchScore = batchScore;
    this.degree = degree;
    this.pagerank = pagerank;
  }

  public String getCitizenId() {
    return citizenId;
  }

  public void setCitizenId(String citizenId) {
    this.citizenId = citizenId;
  }

  /**
   * The run's score at W (two decimal places), or {@code null} for a citizen the run has no view
   * of: one that only others' tie events name, whose batch score the run does not set.
   */
  public Double getBatchScore() {
    return batchScore;
  }

  public void setBatchScore(Double batchScore) {
    this.batchScore = batchScore;
  }

  /** Distinct neighbours at W; 0 for a citizen without a tie. */
  public long getDegree() {
    return degree;
  }

  public void setDegree(long degree) {
    this.degree = degree;
  }

  /**
   * PageRank over the tie graph at W; 0.0 for a citizen without a tie, who is not in that graph.
   */
  public double getPagerank() {
    return pagerank;
  }

  public void setPagerank(double pagerank) {
    this.pagerank = pagerank;
  }

  @Override
  public String toString() {
    return citizenId + " batch_score=" + batchScore + " degree=" + degree + " pagerank=" + pagerank;
  }
}
