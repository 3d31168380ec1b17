/**
 * Internal: jOOQ's code generator over a migrated database, with a team's own generator settings merged in.
 */
package dev.cairn.generate;
