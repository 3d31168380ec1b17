package dev.cairn.lint;

import java.util.List;
import java.util.Locale;

/** How the rules compare object names: lower case, and {@code public.t} is {@code t}. */
final class ObjectNames {

    private ObjectNames() {
    }

    static String of(List<String> parts) {
        List<String> p = parts.stream().filter(s -> s != null && !s.isEmpty()).map(s -> s.toLowerCase(Locale.ROOT)).toList();
        if (p.size() > 1 && p.getFirst().equals("public")) p = p.subList(1, p.size());
        return String.join(".", p);
    }

    static String of(org.jooq.Named named) {
        return named == null ? null : of(List.of(named.getQualifiedName().getName()));
    }
}
