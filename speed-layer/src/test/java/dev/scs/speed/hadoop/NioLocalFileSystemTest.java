package dev.scs.speed.hadoop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CreateFlag;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NioLocalFileSystemTest {
  @TempDir java.nio.file.Path folder;

  /** What Spark's checkpoint logs do per micro-batch: write a temporary file, rename it over. */
  private void writeAndRenameLikeACheckpointLog(Configuration configuration) throws IOException {
    FileContext files = FileContext.getFileContext(folder.toUri(), configuration);
    Path temporary = new Path(folder.toUri().toString(), ".7.tmp");
    try (OutputStream out =
        files.create(temporary, EnumSet.of(CreateFlag.CREATE, CreateFlag.OVERWRITE))) {
      out.write("v1".getBytes(StandardCharsets.UTF_8));
    }
    files.rename(temporary, new Path(folder.toUri().toString(), "7"), Options.Rename.OVERWRITE);
    FileSystem.newInstance(folder.toUri(), configuration)
        .create(new Path(folder.toUri().toString(), "marker"), true)
        .close();
  }

  private static Configuration withTheseClasses() {
    Configuration configuration = new Configuration();
    LocalFileSystemSettings.all()
        .forEach((key, value) -> configuration.set(key.substring("spark.hadoop.".length()), value));
    return configuration;
  }

  private List<String> processesStartedBy(IoAction action) throws IOException {
    java.nio.file.Path dump = folder.resolve("processes.jfr");
    try (Recording recording = new Recording()) {
      recording.enable("jdk.ProcessStart");
      recording.start();
      action.run();
      recording.stop();
      recording.dump(dump);
    }
    List<String> commands =
        RecordingFile.readAllEvents(dump).stream()
            .filter(event -> event.getEventType().getName().equals("jdk.ProcessStart"))
            .map((RecordedEvent event) -> event.getString("command"))
            .toList();
    Files.delete(dump);
    return commands;
  }

  @Test
  void hadoopsOwnLocalFileSystemStartsProcessesToWriteACheckpointFile() throws IOException {
    // The premise of this package: without Hadoop's native library, chmod and readlink run.
    List<String> commands =
        processesStartedBy(() -> writeAndRenameLikeACheckpointLog(new Configuration()));

    assertTrue(
        commands.stream().anyMatch(command -> command.startsWith("chmod")), commands.toString());
  }

  @Test
  void theseClassesWriteAndRenameACheckpointFileWithoutStartingAProcess() throws IOException {
    List<String> commands =
        processesStartedBy(() -> writeAndRenameLikeACheckpointLog(withTheseClasses()));

    assertEquals(List.of(), commands);
    assertEquals("v1", Files.readString(folder.resolve("7")));
    assertTrue(Files.exists(folder.resolve(".7.crc")), "checksum files are kept");
    assertTrue(Files.exists(folder.resolve("marker")));
  }

  @Test
  void filesGetThePermissionAskedForLessTheUmask() throws IOException {
    FileSystem files = FileSystem.newInstance(folder.toUri(), withTheseClasses());
    Path file = new Path(folder.toUri().toString(), "private");

    files
        .create(file, new FsPermission((short) 0750), true, 4096, (short) 1, 1 << 20, null)
        .close();
    files.setPermission(
        new Path(folder.toUri().toString(), "private"), new FsPermission((short) 0754));

    assertEquals(
        "rwxr-xr--",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("private"))));
  }

  @Test
  void permissionBitsMapOneToOne() {
    assertEquals(
        PosixFilePermissions.fromString("rw-r-----"),
        NioRawLocalFileSystem.posix(new FsPermission((short) 0640)));
    assertEquals(
        PosixFilePermissions.fromString("rwx-w---x"),
        NioRawLocalFileSystem.posix(new FsPermission((short) 0721)));
  }

  @Test
  void aSymbolicLinkIsReportedWithItsQualifiedTarget() throws IOException {
    java.nio.file.Path target = Files.writeString(folder.resolve("target"), "x");
    Files.createSymbolicLink(folder.resolve("link"), target);
    NioRawLocalFileSystem files = new NioRawLocalFileSystem();
    files.initialize(folder.toUri(), new Configuration());

    FileStatus link = files.getFileLinkStatus(new Path(folder.resolve("link").toUri()));
    FileStatus plain = files.getFileLinkStatus(new Path(target.toUri()));

    assertTrue(link.isSymlink());
    assertEquals(new Path(target.toUri()), link.getSymlink());
    assertFalse(plain.isSymlink());
    assertEquals(1, plain.getLen());
  }

  @Test
  void settingsNameTheseClassesForTheFileSchemeAndLeaveSubmittedChoicesAlone() {
    assertEquals(
        Map.of(
            "spark.hadoop.fs.file.impl", NioLocalFileSystem.class.getName(),
            "spark.hadoop.fs.AbstractFileSystem.file.impl", NioLocalFs.class.getName()),
        LocalFileSystemSettings.all());

    SparkConf submitted =
        new SparkConf(false).set("spark.hadoop.fs.file.impl", "org.example.TheirFileSystem");

    assertEquals(
        Map.of("spark.hadoop.fs.AbstractFileSystem.file.impl", NioLocalFs.class.getName()),
        LocalFileSystemSettings.missingFrom(submitted));
  }

  private interface IoAction {
    void run() throws IOException;
  }
}
