package fr.plateformecitoyens.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A configuration of the function JVMs compared with the default one in the same rounds: extra JVM flags,
 * extra environment variables, or the AppCDS archive built during the warm-up round.
 *
 * @param name   how the report names it; empty for the default configuration
 * @param flags  extra JVM flags
 * @param env    extra environment variables
 * @param appCds whether the JVM maps the AppCDS archive
 */
record Config(String name, List<String> flags, Map<String, String> env, boolean appCds) {

    static final Config DEFAULT = new Config("", List.of(), Map.of(), false);
    static final Config APP_CDS = new Config("AppCDS", List.of(), Map.of(), true);

    /**
     * Reads {@code COLD_START_VARIANTS}: configurations separated by {@code ;}, each {@code name: words}, where a
     * word starting with {@code -} is a JVM flag, a {@code NAME=value} word an environment variable and the word
     * {@code AppCDS} the archive. {@code AppCDS} alone, with no colon, is the configuration of that name.
     */
    static List<Config> parse(String text) {
        List<Config> configs = new ArrayList<>();
        for (String item : text.split(";")) {
            if (item.isBlank()) {
                continue;
            }
            int colon = item.indexOf(':');
            String name = (colon < 0 ? item : item.substring(0, colon)).trim();
            if (name.equals(APP_CDS.name) && colon < 0) {
                configs.add(APP_CDS);
                continue;
            }
            List<String> flags = new ArrayList<>();
            Map<String, String> env = new LinkedHashMap<>();
            boolean appCds = false;
            for (String word : (colon < 0 ? "" : item.substring(colon + 1)).trim().split("\\s+")) {
                if (word.equals(APP_CDS.name)) {
                    appCds = true;
                } else if (word.startsWith("-")) {
                    flags.add(word);
                } else if (word.indexOf('=') > 0) {
                    env.put(word.substring(0, word.indexOf('=')), word.substring(word.indexOf('=') + 1));
                } else if (!word.isEmpty()) {
                    throw new IllegalArgumentException("COLD_START_VARIANTS: '" + word + "' in '" + item.trim()
                            + "' is neither a -flag nor NAME=value");
                }
            }
            configs.add(new Config(name, List.copyOf(flags), Map.copyOf(env), appCds));
        }
        return configs;
    }

    /** What the configuration adds, for the report. */
    String description() {
        List<String> words = new ArrayList<>(flags);
        env.forEach((key, value) -> words.add(key + "=" + value));
        String archive = "the AppCDS archive (`-XX:SharedArchiveFile`)";
        if (words.isEmpty()) {
            return appCds ? archive : "nothing more";
        }
        return (appCds ? archive + " and " : "") + "`" + String.join(" ", words) + "`";
    }

    /** The configuration as {@code COLD_START_VARIANTS} spells it. */
    String spelling() {
        if (equals(APP_CDS)) {
            return name;
        }
        List<String> words = new ArrayList<>();
        if (appCds) {
            words.add(APP_CDS.name);
        }
        words.addAll(flags);
        env.forEach((key, value) -> words.add(key + "=" + value));
        return name + ": " + String.join(" ", words);
    }
}
