package dev.trackerdb.app.links;

import dev.trackerdb.app.TrackerDatabase;
import dev.cairn.testing.FreshDatabase;
import dev.trackerdb.generated.enums.EvidenceTier;
import dev.trackerdb.generated.enums.OutletCred;
import dev.trackerdb.generated.tables.records.EventSignpostLinksRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.time.OffsetDateTime;

import static dev.trackerdb.generated.Tables.EVENT_SIGNPOST_LINKS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@FreshDatabase(per = FreshDatabase.Per.METHOD)
class SignpostLinkerTest {

    TrackerDatabase tracker;
    int event;
    int signpost;

    @BeforeEach
    void seed(Connection connection) {
        tracker = new TrackerDatabase(connection);
        event = tracker.event("GPT-N passes exam", null, "p", OffsetDateTime.now(), EvidenceTier.A);
        signpost = tracker.signpost("swe_bench_85");
    }

    @Test
    void linksAndRelinksWithNewConfidence() {
        SignpostLinker linker = new SignpostLinker(tracker.db());
        linker.link(event, signpost, 0.4, OutletCred.B, "first read", OffsetDateTime.now());
        linker.link(event, signpost, 0.9, OutletCred.B, "confirmed", OffsetDateTime.now());

        EventSignpostLinksRecord link = tracker.db().fetchSingle(EVENT_SIGNPOST_LINKS);
        assertEquals(0.9, link.getConfidence());
        assertEquals("confirmed", link.getRationale());
        assertTrue(link.getProvisional(), "a B-tier link stays provisional");
    }

    @Test
    void anATierLinkIsNotProvisional() {
        new SignpostLinker(tracker.db()).link(event, signpost, 1.0, OutletCred.A, null, OffsetDateTime.now());
        assertFalse(tracker.db().fetchSingle(EVENT_SIGNPOST_LINKS).getProvisional());
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.01, -0.01, 7})
    void confidenceOutsideZeroToOneIsADomainError(double confidence) {
        SignpostLinker linker = new SignpostLinker(tracker.db());
        ConfidenceOutOfRangeException e = assertThrows(ConfidenceOutOfRangeException.class,
                () -> linker.link(event, signpost, confidence, OutletCred.B, null, OffsetDateTime.now()));
        assertEquals(confidence, e.confidence());
        assertEquals(0, tracker.db().fetchCount(EVENT_SIGNPOST_LINKS), "nothing stored");
    }
}
