/**
 * Internal: file hashing, its cache and tree helpers.
 */
package dev.cairn.files;
