package dev.trackerdb.app.events;

import java.time.OffsetDateTime;

/** Keyset position: the (published_at, id) of the last event a page returned. */
public record EventCursor(OffsetDateTime publishedAt, int id) {
}
