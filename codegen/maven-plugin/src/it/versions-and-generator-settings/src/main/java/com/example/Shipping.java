package com.example;

import com.example.db.tables.pojos.Orders;
import org.jooq.DSLContext;

import java.time.Instant;
import java.util.List;

import static com.example.db.tables.OrdersTable.ORDERS;

/** Compiles only with the team's generator settings: the matcher's table class, POJOs, Instant. */
public final class Shipping {

    private final DSLContext db;

    public Shipping(DSLContext db) {
        this.db = db;
    }

    public List<Orders> unshippedSince(Instant since) {
        return db.selectFrom(ORDERS)
                .where(ORDERS.SHIPPED_AT.isNull())
                .and(ORDERS.PLACED_AT.ge(since))
                .fetchInto(Orders.class);
    }

    public Instant placedAt(Orders order) {
        return order.getPlacedAt();
    }
}
