/**
 * Public API: every setting under its one name ({@link dev.cairn.config.Setting}) and their resolved values ({@link dev.cairn.config.CairnSettings}).
 */
package dev.cairn.config;
