package dev.scs.scoring.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.scs.scoring", importOptions = ImportOption.DoNotIncludeTests.class)
class ScoringCoreIsPlainJavaTest {

  @ArchTest
  static final ArchRule noEngineDriverOrHttpImports =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.apache.spark..",
              "org.apache.kafka..",
              "com.datastax..",
              "org.mongodb..",
              "com.mongodb..",
              "com.influxdb..",
              "io.dgraph..",
              "io.grpc..",
              "org.duckdb..",
              "java.sql..",
              "java.net.http..",
              "io.javalin..",
              "org.eclipse.jetty..",
              "dev.scs.speed..",
              "dev.scs.batch..",
              "dev.scs.serving..",
              "dev.scs.simulator..")
          .because(
              "scoring-core is the one plain-Java implementation of the contract that every layer"
                  + " calls; move store, engine or HTTP code into the layer that needs it");
}
