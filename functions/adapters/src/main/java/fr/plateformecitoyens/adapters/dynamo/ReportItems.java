package fr.plateformecitoyens.adapters.dynamo;

import static fr.plateformecitoyens.adapters.dynamo.Attributes.n;
import static fr.plateformecitoyens.adapters.dynamo.Attributes.number;
import static fr.plateformecitoyens.adapters.dynamo.Attributes.optionalString;
import static fr.plateformecitoyens.adapters.dynamo.Attributes.s;
import static fr.plateformecitoyens.adapters.dynamo.Attributes.string;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.core.report.Location;
import fr.plateformecitoyens.core.report.Report;
import fr.plateformecitoyens.core.report.ReportCategory;
import fr.plateformecitoyens.core.report.ReportChange;
import fr.plateformecitoyens.core.report.ReportPhoto;
import fr.plateformecitoyens.core.report.ReportStatus;
import fr.plateformecitoyens.core.report.Reporter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps reports, their photos and the tenants' report categories to items and back.
 *
 * <pre>
 * item             pk               sk                 index keys (pk / sk)
 * report category  TENANT#t         REPORTCAT#code
 * report           REPORT#id        REPORT             gsi1: REPORTER#sub / createdAt#id
 *                                                      gsi2: REPORTS#t#OPEN|CLOSED / createdAt#id
 *                                                      gsi3 (while open): GEO#t#geohash5 / geohash9#id
 * report photo     REPORT#id        PHOTO#photoId
 * request link     REQUEST#ref      REPORT#id
 * </pre>
 */
public final class ReportItems {

    /** Precision of the geohash partition of the open reports. */
    static final int GEO_PARTITION = 5;

    private ReportItems() {
    }

    public static String reportKey(String reportId) {
        return "REPORT#" + reportId;
    }

    static String tenantReports(String tenantId, boolean open) {
        return "REPORTS#" + tenantId + (open ? "#OPEN" : "#CLOSED");
    }

    static String geoPartition(String tenantId, String cell) {
        return "GEO#" + tenantId + "#" + cell.substring(0, GEO_PARTITION);
    }

    public static Map<String, AttributeValue> categoryItem(ReportCategory c) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, s(Keys.tenant(c.tenantId())));
        item.put(Keys.SK, s("REPORTCAT#" + c.code()));
        item.put("tenantId", s(c.tenantId()));
        item.put("code", s(c.code()));
        item.put("name", s(c.name()));
        item.put("description", s(c.description()));
        item.put("serviceId", s(c.serviceId()));
        item.put("group", s(c.group()));
        item.put("keywords", s(String.join(",", c.keywords())));
        return item;
    }

    static ReportCategory category(Map<String, AttributeValue> item) {
        String keywords = optionalString(item, "keywords").orElse("");
        return new ReportCategory(string(item, "tenantId"), string(item, "code"), string(item, "name"),
                string(item, "description"), string(item, "serviceId"), string(item, "group"),
                keywords.isEmpty() ? List.of() : List.of(keywords.split(",")));
    }

    static Map<String, AttributeValue> toItem(Report r) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, s(reportKey(r.id())));
        item.put(Keys.SK, s("REPORT"));
        item.putAll(mutable(r));
        item.put("gsi1pk", s("REPORTER#" + r.reporter().id()));
        item.put("gsi1sk", s(r.createdAt() + "#" + r.id()));
        item.put("reportId", s(r.id()));
        item.put("tenantId", s(r.tenantId()));
        item.put("categoryCode", s(r.categoryCode()));
        item.put("categoryName", s(r.categoryName()));
        item.put("serviceId", s(r.serviceId()));
        item.put("description", s(r.description()));
        item.put("lat", n(r.location().lat()));
        item.put("lon", n(r.location().lon()));
        item.put("address", s(r.location().address()));
        item.put("reporterId", s(r.reporter().id()));
        item.put("reporterGivenName", s(r.reporter().givenName()));
        item.put("reporterFamilyName", s(r.reporter().familyName()));
        item.put("reporterEmail", s(r.reporter().email() == null ? "" : r.reporter().email()));
        item.put("channel", s(r.channel()));
        item.put("createdAt", s(r.createdAt().toString()));
        item.put("fingerprint", s(r.fingerprint()));
        item.put("photoCount", n(0));
        return item;
    }

    /** The attributes a change may rewrite; the geohash keys exist only while the report is open. */
    static Map<String, AttributeValue> mutable(Report r) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("gsi2pk", s(tenantReports(r.tenantId(), r.status().open())));
        item.put("gsi2sk", s(r.createdAt() + "#" + r.id()));
        if (r.status().open()) {
            String cell = r.location().geohash(9);
            item.put("gsi3pk", s(geoPartition(r.tenantId(), cell)));
            item.put("gsi3sk", s(cell + "#" + r.id()));
        }
        item.put("status", s(r.status().code()));
        item.put("updatedAt", s(r.updatedAt().toString()));
        item.put("history", s(Json.write(history(r.history()))));
        item.put("assigneeId", s(r.assigneeId().orElse("")));
        item.put("assigneeName", s(r.assigneeName()));
        item.put("requestReference", s(r.requestReference().orElse("")));
        item.put("version", n(r.version()));
        return item;
    }

    private static ArrayNode history(List<ReportChange> changes) {
        ArrayNode array = Json.array();
        for (ReportChange c : changes) {
            array.addObject().put("at", c.at().toString()).put("by", c.actorId())
                    .put("from", c.from() == null ? null : c.from().code()).put("to", c.to().code())
                    .put("note", c.note()).put("assignee", c.assigneeName());
        }
        return array;
    }

    static Report fromItem(Map<String, AttributeValue> item) {
        List<ReportChange> history = new ArrayList<>();
        for (JsonNode c : Json.parse(string(item, "history"))) {
            history.add(new ReportChange(Instant.parse(c.path("at").asText()), c.path("by").asText(),
                    c.hasNonNull("from") ? ReportStatus.fromCode(c.get("from").asText()) : null,
                    ReportStatus.fromCode(c.path("to").asText()), c.path("note").asText(""),
                    c.path("assignee").asText("")));
        }
        return new Report(string(item, "tenantId"), string(item, "reportId"), string(item, "categoryCode"),
                string(item, "categoryName"), string(item, "serviceId"), string(item, "description"),
                new Location(Attributes.decimal(item, "lat"), Attributes.decimal(item, "lon"),
                        string(item, "address")),
                new Reporter(string(item, "reporterId"), string(item, "reporterGivenName"),
                        string(item, "reporterFamilyName"), string(item, "reporterEmail")),
                string(item, "channel"), ReportStatus.fromCode(string(item, "status")),
                Instant.parse(string(item, "createdAt")), Instant.parse(string(item, "updatedAt")), history,
                optionalString(item, "assigneeId"), string(item, "assigneeName"),
                optionalString(item, "requestReference"), number(item, "version"), string(item, "fingerprint"));
    }

    static Map<String, AttributeValue> photoItem(ReportPhoto p) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, s(reportKey(p.reportId())));
        item.put(Keys.SK, s("PHOTO#" + p.photoId()));
        item.put("status", s(p.state().code()));
        item.put("tenantId", s(p.tenantId()));
        item.put("createdAt", s(p.createdAt().toString()));
        item.put("uploadKey", s(p.uploadKey()));
        return item;
    }

    static ReportPhoto photo(Map<String, AttributeValue> item) {
        String sk = string(item, Keys.SK);
        String reportId = string(item, Keys.PK).substring("REPORT#".length());
        return new ReportPhoto(reportId, sk.substring("PHOTO#".length()), string(item, "tenantId"),
                ReportPhoto.State.fromCode(string(item, "status")), instant(item, "createdAt").orElse(Instant.EPOCH),
                string(item, "uploadKey"), optionalString(item, "webKey"), optionalString(item, "thumbKey"),
                (int) number(item, "width"), (int) number(item, "height"), instant(item, "processedAt"),
                optionalString(item, "reason").orElse(""));
    }

    private static Optional<Instant> instant(Map<String, AttributeValue> item, String name) {
        return optionalString(item, name).map(Instant::parse);
    }
}
