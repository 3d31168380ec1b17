/**
 * Internal: the fingerprint of the last generate and what changed since.
 */
package dev.cairn.freshness;
