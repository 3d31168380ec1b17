package dev.trackerdb.app.audit;

import dev.trackerdb.app.TrackerDatabase;
import dev.cairn.testing.FreshDatabase;
import dev.trackerdb.generated.tables.records.AuditLogsRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@FreshDatabase(per = FreshDatabase.Per.METHOD)
class AuditLogTest {

    TrackerDatabase tracker;

    @BeforeEach
    void connect(Connection connection) {
        tracker = new TrackerDatabase(connection);
    }

    @Test
    void writesEntriesAndReadsTheNewestFirst() {
        AuditLog log = new AuditLog(tracker.db());
        long first = log.record(new AuditEntry(null, "retract_event", "event", 7, "{\"reason\": \"fabricated\"}",
                "203.0.113.9", "curl/8", "req-1", true, null));
        long second = log.record(new AuditEntry(null, "retract_event", "event", 8, null, null, null, "req-2", false, "not found"));
        log.record(new AuditEntry(null, "approve_link", "link", 1, null, null, null, "req-3", true, null));

        List<AuditLogsRecord> recent = log.recent("retract_event", 10);

        assertEquals(List.of(second, first), recent.stream().map(r -> (long) r.getId()).toList());
        AuditLogsRecord failed = recent.getFirst();
        assertFalse(failed.getSuccess());
        assertEquals("not found", failed.getErrorMessage());
        assertNotNull(failed.getTimestamp(), "timestamp defaults to now()");
        assertTrue(recent.get(1).getDetails().data().contains("fabricated"));
    }
}
