package dev.cairn.maven;

import dev.cairn.config.Setting;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.DataInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pom names of the goals' parameters are the settings' keys, and their -D properties the
 * settings' properties: read from the descriptor maven-plugin-plugin generated, as Maven sees it.
 */
class PluginDescriptorTest {

    /** Settings that only the generate goal (and check, and watch) take; the rest every goal takes. */
    private static final Set<Setting> GENERATE_ONLY = Set.of(Setting.OUTPUT_DIRECTORY, Setting.PACKAGE_NAME,
            Setting.GENERATOR_CONFIG, Setting.LOCK_FILE, Setting.FINGERPRINT_FILE, Setting.FORCE, Setting.CHECK, Setting.CI,
            Setting.SNAPSHOT_CACHE, Setting.SNAPSHOT_CACHE_SIZE, Setting.DAEMON);

    @Test
    void everySettingIsAParameterUnderItsOneName() throws Exception {
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new File("target/classes/META-INF/maven/plugin.xml"));
        Map<String, Map<String, String>> goals = new HashMap<>();
        NodeList mojos = d.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            String goal = mojo.getElementsByTagName("goal").item(0).getTextContent();
            Map<String, String> params = new HashMap<>();
            NodeList ps = ((Element) mojo.getElementsByTagName("parameters").item(0)).getElementsByTagName("parameter");
            for (int j = 0; j < ps.getLength(); j++) {
                params.put(((Element) ps.item(j)).getElementsByTagName("name").item(0).getTextContent(), "");
            }
            NodeList config = mojo.getElementsByTagName("configuration");
            if (config.getLength() > 0) {
                NodeList entries = config.item(0).getChildNodes();
                for (int j = 0; j < entries.getLength(); j++) {
                    if (entries.item(j) instanceof Element e && params.containsKey(e.getTagName())) {
                        params.put(e.getTagName(), e.getTextContent());
                    }
                }
            }
            goals.put(goal, params);
        }
        assertEquals(Set.of("generate", "check", "lint", "lock", "verify-undo", "watch", "clean-cache"), goals.keySet());
        List<String> wrong = new ArrayList<>();
        for (Setting s : Setting.values()) {
            for (String goal : goals.keySet()) {
                boolean expected = goal.equals("generate") || goal.equals("check") || goal.equals("watch") || !GENERATE_ONLY.contains(s);
                if (s == Setting.REQUIRE_ALL_UNDO) expected = goal.equals("verify-undo");
                if (s == Setting.LOCK_FILE && goal.equals("lock")) expected = true;
                Map<String, String> params = goals.get(goal);
                if (!expected) continue;
                if (!params.containsKey(s.key())) {
                    wrong.add(goal + " lacks <" + s.key() + ">");
                } else if (s != Setting.PLACEHOLDERS && !params.get(s.key()).equals("${" + s.property() + "}")) {
                    wrong.add(goal + " <" + s.key() + "> reads " + params.get(s.key()) + ", not ${" + s.property() + "}");
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(goals.get("generate").containsKey("generator"), "generate takes jOOQ's <generator> inline");
        assertTrue(goals.get("watch").containsKey("generator"), "watch generates the same way");
    }

    /**
     * A Maven on Java 17 can load every class of the plugin (class file version 61), so what it prints is
     * the mojo's one line about JDK 21, not an UnsupportedClassVersionError; and its descriptor says 17.
     */
    @Test
    void theMojosLoadOnJava17() throws Exception {
        List<String> newer = new ArrayList<>();
        try (Stream<Path> classes = Files.walk(Path.of("target/classes"))) {
            for (Path c : classes.filter(p -> p.toString().endsWith(".class")).toList()) {
                int major = classFileMajor(c);
                if (major > 61) newer.add(c.getFileName() + " (class file version " + major + ")");
            }
        }
        assertEquals(List.of(), newer);
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new File("target/classes/META-INF/maven/plugin.xml"));
        assertEquals("17", d.getElementsByTagName("requiredJavaVersion").item(0).getTextContent());
    }

    private static int classFileMajor(Path classFile) throws IOException {
        try (InputStream in = Files.newInputStream(classFile); DataInputStream data = new DataInputStream(in)) {
            data.readInt(); // 0xCAFEBABE
            data.readUnsignedShort(); // minor
            return data.readUnsignedShort();
        }
    }
}
