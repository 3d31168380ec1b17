package com.example;

import static com.example.db.Tables.PRODUCTS;

/** Compiles only against classes generated from schema shop, found through flyway-maven-plugin's settings. */
public final class Catalog {
    private Catalog() {
    }

    public static String currencyColumn() {
        return PRODUCTS.CURRENCY.getName();
    }
}
