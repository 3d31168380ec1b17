/**
 * The warm engine: after a generate that migrated, a JVM of its own keeps the engine loaded and a
 * server started ahead from the snapshot the run ended on, and runs the project's next generates
 * for every front end (Maven, the CLI, this repository's build), as Gradle's daemon runs builds.
 * {@link dev.cairn.daemon.DaemonClient} is the front ends' side, {@link dev.cairn.daemon.GenerateDaemon}
 * the process; they talk over a Unix domain socket in a folder only the user can open.
 */
package dev.cairn.daemon;
