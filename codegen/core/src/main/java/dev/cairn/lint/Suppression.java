package dev.cairn.lint;

import dev.cairn.lint.SqlLexer.Comment;
import dev.cairn.lint.rules.Rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code -- lint:ignore <rule-id>[,<rule-id>] reason: <text>} comment. Directly above a
 * statement it silences those rules (a group id: all of its rules) for that statement; a comment without a reason or with an
 * unknown rule id silences nothing and is reported itself. The one reader of these comments: the
 * rules observed on the database ({@code dev.cairn.observe.ObservedGate}) use it too.
 */
public record Suppression(int line, Set<String> rules, List<String> unknownIds, boolean hasReason) {

    static final String MARKER = "lint:ignore";

    boolean valid() {
        return hasReason && unknownIds.isEmpty();
    }

    boolean covers(LintRule rule) {
        return valid() && rule.suppressible() && rules.contains(rule.id());
    }

    /** Whether a valid comment (with a reason) names {@code ruleId} or its group. */
    public boolean covers(String ruleId) {
        return valid() && rules.contains(ruleId);
    }

    /** The comment whose text (after {@code --}) is {@code commentText}, on {@code line}; empty for any other comment. */
    public static Optional<Suppression> parse(String commentText, int line) {
        return of(new Comment(commentText, line, true));
    }

    static Optional<Suppression> of(Comment comment) {
        String text = comment.text();
        if (!text.startsWith(MARKER)) return Optional.empty();
        String rest = text.substring(MARKER.length()).trim();
        int space = indexOfWhitespace(rest);
        String ids = space < 0 ? rest : rest.substring(0, space);
        String after = space < 0 ? "" : rest.substring(space).trim();
        Set<String> rules = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String id : ids.split(",")) {
            if (id.isBlank()) continue;
            // a group id (destructive, not-idempotent) silences every rule split from it
            List<LintRule> named = Rules.resolve(id.trim());
            if (named.isEmpty()) unknown.add(id.trim());
            named.forEach(r -> rules.add(r.id()));
        }
        boolean hasReason = after.regionMatches(true, 0, "reason:", 0, 7) && !after.substring(7).isBlank();
        return Optional.of(new Suppression(comment.line(), Set.copyOf(rules), List.copyOf(unknown), hasReason));
    }

    static List<Suppression> in(List<Comment> comments) {
        return comments.stream().map(Suppression::of).flatMap(Optional::stream).toList();
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) if (Character.isWhitespace(s.charAt(i))) return i;
        return -1;
    }
}
