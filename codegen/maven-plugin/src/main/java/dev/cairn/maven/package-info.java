/**
 * Public API: the Maven goals generate, check, lint and verify-undo (docs/use-it.md, docs/reference.md).
 */
package dev.cairn.maven;
