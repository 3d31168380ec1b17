package dev.trackerdb.app.events;

import dev.trackerdb.generated.enums.EvidenceTier;

import java.time.OffsetDateTime;

public record EventSummary(int id, String title, String publisher, OffsetDateTime publishedAt, EvidenceTier tier) {
}
