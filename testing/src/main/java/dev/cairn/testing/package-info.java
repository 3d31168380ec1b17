/**
 * Public API: {@link dev.cairn.testing.FreshDatabase}, a fresh migrated database per test class or test.
 */
package dev.cairn.testing;
