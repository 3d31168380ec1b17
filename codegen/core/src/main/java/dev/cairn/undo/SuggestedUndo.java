package dev.cairn.undo;

import dev.cairn.catalog.CatalogDdl;
import dev.cairn.catalog.CatalogSnapshot;

import java.util.List;

/**
 * DDL that would take the catalog of version n back to n-1, for a migration without an undo
 * script: the one DDL writer ({@link CatalogDdl}, which drift's repair also uses) from the catalog
 * after n to the catalog before it, both already read by the round trip. A starting point for a
 * person to review, not a verified undo.
 */
final class SuggestedUndo {

    private SuggestedUndo() {
    }

    static List<String> forStep(CatalogSnapshot before, CatalogSnapshot after) {
        List<String> ddl = CatalogDdl.between(after, before).stream().map(st -> st.sql() + ";").toList();
        return ddl.isEmpty() ? List.of("-- no schema difference: a comment-only undo (like a data migration's) will do") : ddl;
    }
}
