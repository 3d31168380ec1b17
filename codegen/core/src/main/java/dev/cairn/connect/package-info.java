/**
 * Internal: connection URLs and settings for real databases.
 */
package dev.cairn.connect;
