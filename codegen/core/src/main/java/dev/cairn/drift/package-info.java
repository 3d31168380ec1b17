/**
 * Internal: a live database compared with what the migrations produce.
 */
package dev.cairn.drift;
