/**
 * The command-line tool. Its public surface is the command line (docs/cli.md), not these classes.
 */
package dev.cairn.cli;
