package fr.plateformecitoyens.app.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.core.error.DomainException;
import fr.plateformecitoyens.core.port.DocumentStore;
import fr.plateformecitoyens.core.report.Report;
import fr.plateformecitoyens.core.report.ReportCategory;
import fr.plateformecitoyens.core.report.ReportChange;
import fr.plateformecitoyens.core.report.ReportPhoto;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The JSON shapes of reports, their photos and categories, for the portal and the back-office. */
public final class ReportViews {

    /** How long the links to a photo's renditions hold. */
    public static final Duration PHOTO_LINK = Duration.ofMinutes(15);
    private static final Pattern ETAG = Pattern.compile("^\"(.+)-v(\\d+)\"$");

    private ReportViews() {
    }

    public static ObjectNode category(ReportCategory c) {
        ObjectNode node = Json.object().put("code", c.code()).put("name", c.name()).put("description", c.description())
                .put("group", c.group()).put("serviceId", c.serviceId());
        c.keywords().forEach(node.putArray("keywords")::add);
        return node;
    }

    /** What anybody may see of a report: no reporter, no assignee, no photo. */
    public static ObjectNode publicView(Report r) {
        ObjectNode node = Json.object().put("id", r.id()).put("tenantId", r.tenantId());
        node.putObject("category").put("code", r.categoryCode()).put("name", r.categoryName());
        node.put("description", r.description());
        node.set("location", location(r));
        node.put("status", r.status().code()).put("statusLabel", r.status().label())
                .put("createdAt", r.createdAt().toString()).put("updatedAt", r.updatedAt().toString())
                .put("statusNote", r.latestNote());
        return node;
    }

    /** The reporter's own view: the public one, its timeline, its photos and the request it led to. */
    public static ObjectNode detail(Report r, List<ReportPhoto> photos, Supplier<DocumentStore> documents) {
        ObjectNode node = publicView(r);
        node.put("version", r.version());
        node.put("requestReference", r.requestReference().orElse(null));
        ArrayNode history = node.putArray("history");
        for (ReportChange c : r.history()) {
            if (c.statusChange()) {
                history.addObject().put("at", c.at().toString()).put("from", c.from() == null ? null : c.from().code())
                        .put("to", c.to().code()).put("label", c.to().label()).put("note", c.note());
            }
        }
        ArrayNode list = node.putArray("photos");
        photos.forEach(p -> list.add(photo(p, documents)));
        return node;
    }

    /** An agent's view: the reporter's plus who reported, who handles it and every assignment. */
    public static ObjectNode forAgent(Report r, List<ReportPhoto> photos, Supplier<DocumentStore> documents) {
        ObjectNode node = detail(r, photos, documents);
        node.put("serviceId", r.serviceId()).put("channel", r.channel());
        node.putObject("reporter").put("name", r.reporter().displayName()).put("email", r.reporter().email());
        node.putObject("assignee").put("id", r.assigneeId().orElse(null))
                .put("name", r.assigneeId().isPresent() ? r.assigneeName() : null);
        ArrayNode assignments = node.putArray("assignments");
        r.history().stream().filter(c -> !c.statusChange()).forEach(c -> assignments.addObject()
                .put("at", c.at().toString()).put("assignee", c.assigneeName()));
        ArrayNode next = node.putArray("next");
        r.status().next().stream().sorted().forEach(s -> next.add(s.code()));
        return node;
    }

    public static ObjectNode summaryForAgent(Report r) {
        ObjectNode node = publicView(r);
        node.put("serviceId", r.serviceId()).put("assigneeName", r.assigneeId().isPresent() ? r.assigneeName() : null)
                .put("version", r.version());
        return node;
    }

    /** A photo; the store is only reached (and its client built) for a ready photo's links. */
    public static ObjectNode photo(ReportPhoto p, Supplier<DocumentStore> documents) {
        ObjectNode node = Json.object().put("id", p.photoId()).put("status", p.state().code());
        boolean ready = p.state() == ReportPhoto.State.READY && p.webKey().isPresent() && p.thumbKey().isPresent();
        node.put("thumbnailUrl", ready ? documents.get().grantDownload(p.thumbKey().get(), "miniature-" + p.photoId()
                + ".jpg", PHOTO_LINK).toString() : null);
        node.put("webUrl", ready ? documents.get().grantDownload(p.webKey().get(), "photo-" + p.photoId() + ".jpg",
                PHOTO_LINK).toString() : null);
        if (ready) {
            node.put("width", p.width()).put("height", p.height());
        }
        node.put("reason", p.state() == ReportPhoto.State.FAILED ? p.reason() : null);
        return node;
    }

    private static ObjectNode location(Report r) {
        return Json.object().put("lat", r.location().lat()).put("long", r.location().lon())
                .put("address", r.location().address());
    }

    public static String etag(Report r) {
        return "\"" + r.id() + "-v" + r.version() + "\"";
    }

    /** The version an If-Match header names for this report; refuses a missing or foreign one. */
    public static long expectedVersion(java.util.Optional<String> ifMatch, String reportId) {
        String value = ifMatch.orElseThrow(() -> new DomainException.PreconditionRequired(
                "L'en-tête If-Match est obligatoire : renvoyez l'ETag du signalement tel que vous l'avez lu."));
        Matcher matcher = ETAG.matcher(value.strip());
        if (!matcher.matches() || !matcher.group(1).equals(reportId)) {
            throw new DomainException.PreconditionFailed("Ce signalement a été modifié par ailleurs. Rechargez-le.");
        }
        return Long.parseLong(matcher.group(2));
    }
}
