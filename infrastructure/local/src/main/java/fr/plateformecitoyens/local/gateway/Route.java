package fr.plateformecitoyens.local.gateway;

import fr.plateformecitoyens.local.runtime.FunctionHost;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One route of the HTTP API as template.yaml declares it ({@code GET /api/v1/tenants/{tenantId}}), the
 * function it leads to and whether the JWT authorizer guards it.
 */
public record Route(String method, String path, boolean authorized, FunctionHost function) {

    /** The route key API Gateway puts in the event. */
    public String key() {
        return method + " " + path;
    }

    /** How specific the route is: literal segments count most, as API Gateway prefers them. */
    public int specificity() {
        int score = 0;
        for (String segment : path.split("/")) {
            score += segment.startsWith("{") ? (segment.endsWith("+}") ? 0 : 1) : 3;
        }
        return score;
    }

    /** The path parameters when {@code requestPath} matches, or empty. */
    public Optional<Map<String, String>> match(String requestMethod, String requestPath) {
        if (!method.equals("ANY") && !method.equalsIgnoreCase(requestMethod)) {
            return Optional.empty();
        }
        StringBuilder regex = new StringBuilder("^");
        Matcher params = Pattern.compile("\\{([A-Za-z0-9_]+)(\\+?)}").matcher(path);
        int last = 0;
        java.util.List<String> names = new java.util.ArrayList<>();
        while (params.find()) {
            regex.append(Pattern.quote(path.substring(last, params.start())));
            regex.append(params.group(2).isEmpty() ? "([^/]+)" : "(.+)");
            names.add(params.group(1) + params.group(2));
            last = params.end();
        }
        regex.append(Pattern.quote(path.substring(last))).append('$');
        Matcher m = Pattern.compile(regex.toString()).matcher(requestPath);
        if (!m.matches()) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            values.put(names.get(i), java.net.URLDecoder.decode(m.group(i + 1),
                    java.nio.charset.StandardCharsets.UTF_8));
        }
        return Optional.of(values);
    }
}
