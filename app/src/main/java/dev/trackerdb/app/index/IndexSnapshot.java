package dev.trackerdb.app.index;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The composite index for one preset on one day. */
public record IndexSnapshot(String preset, LocalDate asOfDate, BigDecimal capabilities, BigDecimal agents,
                            BigDecimal inputs, BigDecimal security, BigDecimal overall, BigDecimal safetyMargin) {
}
