/**
 * Internal: the one JSON writer of every --json output.
 */
package dev.cairn.json;
