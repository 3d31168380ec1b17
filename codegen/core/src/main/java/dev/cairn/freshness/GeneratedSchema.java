package dev.cairn.freshness;

import dev.cairn.files.FileTrees;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The schema objects a tree of generated jOOQ sources describes, read back from the source text:
 * tables and views with their columns and checks (table classes), keys (Keys.java), indexes
 * (Indexes.java), enums with their values, sequences. jOOQ's output format is fixed for a given
 * version and configuration, so a few patterns are enough, and no class has to be compiled or
 * loaded. Used to explain a stale generated/ by object instead of by file diff.
 *
 * @param objects owner (e.g. "table events") to member (e.g. "column title") to its definition
 *                (the generator's expression for it); the member "" holds an owner-level definition
 */
public record GeneratedSchema(SortedMap<String, SortedMap<String, String>> objects) {

    private static final Pattern TABLE_CLASS = Pattern.compile("extends TableImpl<");
    private static final Pattern TABLE_NAME = Pattern.compile("this\\(DSL\\.name\\(\"((?:[^\"\\\\]|\\\\.)+)\"\\), null\\);");
    private static final Pattern TABLE_CONSTANT = Pattern.compile("public static final (\\w+) (\\w+) = new \\1\\(\\);");
    private static final Pattern COLUMN = Pattern.compile(
            "= createField\\(DSL\\.name\\(\"((?:[^\"\\\\]|\\\\.)+)\"\\), (.+), this, \"(?:[^\"\\\\]|\\\\.)*\"\\);$", Pattern.MULTILINE);
    private static final Pattern CHECK = Pattern.compile(
            "Internal\\.createCheck\\(this, DSL\\.name\\(\"((?:[^\"\\\\]|\\\\.)+)\"\\), (.+)\\),?$", Pattern.MULTILINE);
    private static final Pattern PRIMARY_KEY = Pattern.compile("getPrimaryKey\\(\\) \\{\\s*return Keys\\.(\\w+);");
    private static final Pattern KEY = Pattern.compile(
            "public static final (?:UniqueKey|ForeignKey)<.*> (\\w+) = Internal\\.create(UniqueKey|ForeignKey)\\((\\w+\\.\\w+), DSL\\.name\\(\"((?:[^\"\\\\]|\\\\.)+)\"\\), (.+)\\);$",
            Pattern.MULTILINE);
    private static final Pattern INDEX = Pattern.compile(
            "public static final Index \\w+ = Internal\\.createIndex\\(DSL\\.name\\(\"((?:[^\"\\\\]|\\\\.)+)\"\\), (\\w+\\.\\w+), (.+)\\);$",
            Pattern.MULTILINE);
    private static final Pattern ENUM_CLASS = Pattern.compile("public enum \\w+ implements EnumType");
    private static final Pattern ENUM_NAME = Pattern.compile("getName\\(\\) \\{\\s*return \"((?:[^\"\\\\]|\\\\.)+)\";");
    private static final Pattern ENUM_VALUE = Pattern.compile("^    \\w+\\(\"((?:[^\"\\\\]|\\\\.)*)\"\\)[,;]$", Pattern.MULTILINE);
    private static final Pattern SEQUENCE = Pattern.compile(
            "Internal\\.createSequence\\(\"((?:[^\"\\\\]|\\\\.)+)\", (.+)\\);$", Pattern.MULTILINE);

    public static GeneratedSchema read(Path root) throws IOException {
        Map<String, String> sources = new TreeMap<>();
        for (Map.Entry<String, Path> f : FileTrees.files(root).entrySet()) {
            if (f.getKey().endsWith(".java")) sources.put(f.getKey(), Files.readString(f.getValue(), StandardCharsets.UTF_8));
        }
        SortedMap<String, SortedMap<String, String>> objects = new TreeMap<>();
        Map<String, String> tableByConstant = new HashMap<>();
        Set<String> primaryKeyConstants = new HashSet<>();

        for (String src : sources.values()) {
            if (TABLE_CLASS.matcher(src).find()) {
                Matcher name = TABLE_NAME.matcher(src);
                if (!name.find()) continue;
                String owner = (src.contains("TableOptions.table()") ? "table " : "view ") + unescape(name.group(1));
                SortedMap<String, String> members = objects.computeIfAbsent(owner, k -> new TreeMap<>());
                Matcher constant = TABLE_CONSTANT.matcher(src);
                if (constant.find()) tableByConstant.put(constant.group(1) + "." + constant.group(2), owner);
                for (Matcher m = COLUMN.matcher(src); m.find(); ) members.put("column " + unescape(m.group(1)), m.group(2));
                for (Matcher m = CHECK.matcher(src); m.find(); ) members.put("check " + unescape(m.group(1)), m.group(2));
                Matcher pk = PRIMARY_KEY.matcher(src);
                if (pk.find()) primaryKeyConstants.add(pk.group(1));
            } else if (ENUM_CLASS.matcher(src).find()) {
                Matcher name = ENUM_NAME.matcher(src);
                if (!name.find()) continue;
                SortedMap<String, String> members = objects.computeIfAbsent("enum " + unescape(name.group(1)), k -> new TreeMap<>());
                int position = 1;
                for (Matcher m = ENUM_VALUE.matcher(src); m.find(); ) {
                    members.put("value '" + unescape(m.group(1)) + "'", "position " + position++);
                }
            }
        }
        for (String src : sources.values()) {
            for (Matcher m = KEY.matcher(src); m.find(); ) {
                String kind = m.group(2).equals("ForeignKey") ? "foreign key "
                        : primaryKeyConstants.contains(m.group(1)) ? "primary key " : "unique key ";
                objects.computeIfAbsent(tableByConstant.getOrDefault(m.group(3), "table " + m.group(3)), k -> new TreeMap<>())
                        .put(kind + unescape(m.group(4)), m.group(5));
            }
            for (Matcher m = INDEX.matcher(src); m.find(); ) {
                objects.computeIfAbsent(tableByConstant.getOrDefault(m.group(2), "table " + m.group(2)), k -> new TreeMap<>())
                        .put("index " + unescape(m.group(1)), m.group(3));
            }
            for (Matcher m = SEQUENCE.matcher(src); m.find(); ) {
                objects.computeIfAbsent("sequence " + unescape(m.group(1)), k -> new TreeMap<>()).put("", m.group(2));
            }
        }
        return new GeneratedSchema(objects);
    }

    private static String unescape(String javaString) {
        return javaString.replace("\\\"", "\"").replace("\\\\", "\\");
    }
}
