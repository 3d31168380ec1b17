/**
 * Internal: undo scripts, their round-trip proof and the undo of a real database.
 */
package dev.cairn.undo;
