package dev.cairn.build;

import dev.cairn.config.CairnSettings;

import java.nio.file.Path;

/**
 * This repository's own build ({@code exec:java} in codegen/core): {@code generate DIR} or
 * {@code verify-undo DIR}, with the settings of DIR's cairn.properties, {@code -Dcairn.*} and
 * {@code CAIRN_*}, through the same {@link Goals} as the Maven plugin. A project outside this
 * repository uses cairn-maven-plugin; Maven cannot run a plugin that its own reactor builds.
 * A failure throws (which fails the Maven build) instead of System.exit, which would end Maven.
 */
public final class BuildEntry {

    private BuildEntry() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) throw new IllegalArgumentException("usage: BuildEntry generate|verify-undo PROJECT_DIR");
        QuietLibraries.apply();
        CairnSettings settings = CairnSettings.fromSystem(Path.of(args[1])).withFrontEnd(dev.cairn.config.FrontEnd.REPOSITORY);
        int code;
        try {
            code = switch (args[0]) {
                case "generate" -> Goals.generate(settings, System.getenv(), System.out::println, System.err::println);
                case "verify-undo" -> Goals.verifyUndo(settings, System.out::println);
                default -> throw new IllegalArgumentException("unknown goal " + args[0]);
            };
        } catch (Exception e) {
            System.err.println("error: " + ErrorText.of(e));
            if (Boolean.getBoolean("cairn.stacktrace")) e.printStackTrace();
            code = Goals.FAILURE;
        }
        if (code != Goals.OK) {
            throw new IllegalStateException("cairn " + args[0] + " failed (exit code " + code + "); the reason is printed above.");
        }
    }
}
