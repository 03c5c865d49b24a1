package fr.plateformecitoyens.local;

import com.fasterxml.jackson.databind.JsonNode;

/** What the first command prints once the platform is up: where to go and how to sign in. */
final class Banner {

    private Banner() {
    }

    static String text(LocalCloud cloud, long millis) {
        JsonNode d = cloud.description();
        String base = d.path("baseUrl").asText();
        StringBuilder out = new StringBuilder();
        out.append("\nPlateforme Citoyens is running (ready in ").append(millis).append(" ms).\n\n");
        out.append("  Portal (citizens)        ").append(base).append("/\n");
        out.append("  Back-office (agents)     ").append(base).append("/agents/\n");
        out.append("  API                      ").append(base).append("/api/v1/health\n");
        out.append("  E-mails sent             ").append(d.path("endpoints").path("ses").asText()).append("/\n");
        out.append("  Settings for scripts     .local/cloud.json\n");
        out.append("  Open311 (demo key)       ").append(base).append("/open311/v2/services.json?jurisdiction_id=")
                .append(d.path("tenantId").asText()).append("  api_key=").append(d.path("open311ApiKey").asText())
                .append("\n\n");
        out.append("  Demo accounts:\n");
        for (JsonNode a : d.path("accounts")) {
            out.append(String.format("    %-8s %-50s %-24s (%s)%n", a.path("role").asText(),
                    a.path("username").asText(),
                    a.path("password").asText(), a.path("tenantId").asText()));
        }
        out.append("\n  Run a schedule now:      curl -X POST ").append(base)
                .append("/_local/schedules/DecisionClockFunction\n");
        out.append("  Stop:                    Ctrl-C (every emulator stops with it)\n");
        return out.toString();
    }
}
