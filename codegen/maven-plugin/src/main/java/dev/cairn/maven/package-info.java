/**
 * Public API: the Maven goals generate, check, lint, lock, verify-undo and watch (docs/use-it.md,
 * docs/reference.md). The rest (EngineLoader, UpToDateStamp, GeneratorXml) is package-private: the
 * realm holds these mojos alone, and the engine is loaded only when a goal has work to do.
 */
package dev.cairn.maven;
