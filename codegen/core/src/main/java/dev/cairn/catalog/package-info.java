/**
 * Internal: a schema's catalog as data and the one DDL differ that drift and undo share.
 */
package dev.cairn.catalog;
