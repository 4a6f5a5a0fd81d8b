/**
 * Hadoop's local file system without the processes it starts.
 *
 * <p>Without Hadoop's native library (which no Maven artifact ships), Hadoop's local file system
 * runs {@code chmod} for every file it creates and {@code readlink} twice for every rename: about
 * 28 processes per micro-batch for Spark's offset and commit logs and this job's own checkpoint
 * files, half of them one after the other on the stream's thread. {@link NioLocalFileSystem} and
 * {@link NioLocalFs} do the same through {@code java.nio}; {@link LocalFileSystemSettings} installs
 * them for the {@code file:} scheme only, so a checkpoint on object storage is unaffected.
 */
package dev.scs.speed.hadoop;
