package com.example;

import org.jooq.DSLContext;

import static com.example.db.Tables.ORDERS;

public final class Orders {

    public static int shipped(DSLContext db) {
        return db.fetchCount(ORDERS, ORDERS.STATUS.eq("shipped"));
    }
}
