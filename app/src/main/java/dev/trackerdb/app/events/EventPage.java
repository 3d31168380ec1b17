package dev.trackerdb.app.events;

import java.util.List;
import java.util.Optional;

/** One page of events, newest first, and where the next page starts (empty on the last page). */
public record EventPage(List<EventSummary> events, Optional<EventCursor> next) {
}
