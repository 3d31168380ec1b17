/**
 * Internal: migrations.lock, the checksums of released migrations.
 */
package dev.cairn.lock;
