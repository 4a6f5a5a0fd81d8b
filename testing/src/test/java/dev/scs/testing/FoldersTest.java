package dev.scs.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FoldersTest {
  @TempDir Path parent;

  @Test
  void deletesTheFolderWithEverythingInIt() throws Exception {
    Path folder = Files.createDirectories(parent.resolve("run/checkpoint/offsets"));
    Files.writeString(folder.resolve("7"), "v1");
    Files.writeString(parent.resolve("run/journal.json"), "{}");

    Folders.deleteRecursively(parent.resolve("run"));

    assertThat(parent.resolve("run")).doesNotExist();
    assertThat(parent).exists();
  }

  @Test
  void anAbsentFolderIsNothingToDo() throws Exception {
    Folders.deleteRecursively(parent.resolve("never-made"));

    assertThat(parent.resolve("never-made")).doesNotExist();
  }
}
