package dev.scs.speed.hadoop;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.apache.hadoop.fs.FSLinkResolver;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * {@link RawLocalFileSystem} that sets permissions and reads symbolic links with {@code java.nio}
 * instead of running {@code chmod} and {@code readlink}. Everything else is Hadoop's own. The
 * sticky bit is not set (java.nio cannot), which no checkpoint file uses.
 */
public class NioRawLocalFileSystem extends RawLocalFileSystem {
  @Override
  public void setPermission(Path path, FsPermission permission) throws IOException {
    try {
      Files.setPosixFilePermissions(pathToFile(path).toPath(), posix(permission));
    } catch (UnsupportedOperationException notPosix) {
      super.setPermission(path, permission);
    }
  }

  /** Like Hadoop's: the file's status, with the link target qualified when it is a link. */
  @Override
  public FileStatus getFileLinkStatus(Path path) throws IOException {
    java.nio.file.Path file = pathToFile(path).toPath();
    if (!Files.isSymbolicLink(file)) {
      return getFileStatus(path);
    }
    Path target = new Path(Files.readSymbolicLink(file).toString());
    FileStatus link;
    try {
      FileStatus status = getFileStatus(path);
      link =
          new FileStatus(
              status.getLen(),
              false,
              status.getReplication(),
              status.getBlockSize(),
              status.getModificationTime(),
              status.getAccessTime(),
              status.getPermission(),
              status.getOwner(),
              status.getGroup(),
              target,
              path);
    } catch (FileNotFoundException dangling) {
      link = new FileStatus(0, false, 0, 0, 0, 0, FsPermission.getDefault(), "", "", target, path);
    }
    link.setSymlink(FSLinkResolver.qualifySymlinkTarget(getUri(), link.getPath(), target));
    return link;
  }

  /** The user, group and other bits ({@code rwxr-x---}); the sticky bit has no java.nio form. */
  static Set<PosixFilePermission> posix(FsPermission permission) {
    return PosixFilePermissions.fromString(
        permission.getUserAction().SYMBOL
            + permission.getGroupAction().SYMBOL
            + permission.getOtherAction().SYMBOL);
  }
}
