package dev.cairn.cli;

import dev.cairn.config.Setting;
import dev.cairn.config.SettingsReference;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every setting has its CLI option under the one name ({@link Setting#option()}). */
class SettingOptionsTest {

    @Test
    void everySettingIsAnOptionOfGenerateOrVerifyUndo() {
        CommandLine cli = Cairn.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        List<String> missing = new ArrayList<>();
        for (Setting s : Setting.values()) {
            if (!SettingsReference.hasOption(s)) continue;
            boolean found = cli.getSubcommands().get("generate").getCommandSpec().findOption(s.option()) != null
                    || cli.getSubcommands().get("verify-undo").getCommandSpec().findOption(s.option()) != null;
            if (!found) missing.add(s.option());
        }
        assertEquals(List.of(), missing);
    }
}
