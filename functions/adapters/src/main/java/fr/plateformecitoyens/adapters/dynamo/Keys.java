package fr.plateformecitoyens.adapters.dynamo;

import java.time.LocalDate;

/**
 * The key design of the single table. Every access path is a GetItem or a Query on one of these keys.
 *
 * <pre>
 * item                 pk                 sk                   index keys (pk / sk)
 * tenant               TENANTS            TENANT#id
 * handling service     TENANT#t           SERVICE#id
 * agent membership     TENANT#t           AGENT#sub            gsi1: AGENT#sub / TENANT#t
 * démarche version     TENANT#t           PROCEDURE#id#V0001
 * published démarche   CATALOGUE#t        PROCEDURE#id
 * démarche draft       TENANT#t           DRAFT#id
 * household            CITIZEN#sub        HOUSEHOLD
 * request              REQUEST#ref        REQUEST              gsi1: CITIZEN#sub / at#t#ref
 *                                                              gsi2: INBOX#t#service#OPEN|DONE / at#ref
 *                                                              gsi3: DUE#day / t#ref (while the clock runs)
 *                                                              gsi4: ASSIGNEE#t#agent#OPEN|DONE / at#ref, or
 *                                                                    UNASSIGNED#t#service (open only) / at#ref
 *                                                              gsi5: PROC#t#service#procedure#OPEN|DONE / at#ref
 *                                                              gsi6: DUEBY#t#service / day#at#ref (clock runs)
 *                                                              gsi7: NAME#t#service#XY / NAME#GIVEN#at#ref
 *                                                              gsi8: CHANNEL#t#service#channel#OPEN|DONE / at#ref
 *                                                                    (sparse: counter, phone and post only)
 * statistics month     STATS#t            MONTH#yyyy-MM
 * statistics marker    REQUEST#ref        STATS#v<version>
 * bookable resource    TENANT#t           RESOURCE#KIND#id
 * booking              BOOKING#id         BOOKING              see BookingItems
 * </pre>
 */
public final class Keys {

    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String GSI1 = "gsi1";
    public static final String GSI2 = "gsi2";
    public static final String GSI3 = "gsi3";
    public static final String GSI4 = "gsi4";
    public static final String GSI5 = "gsi5";
    public static final String GSI6 = "gsi6";
    public static final String GSI7 = "gsi7";
    public static final String GSI8 = "gsi8";

    private Keys() {
    }

    public static String tenants() {
        return "TENANTS";
    }

    public static String tenant(String tenantId) {
        return "TENANT#" + tenantId;
    }

    public static String service(String serviceId) {
        return "SERVICE#" + serviceId;
    }

    public static String agent(String agentId) {
        return "AGENT#" + agentId;
    }

    public static String catalogue(String tenantId) {
        return "CATALOGUE#" + tenantId;
    }

    public static String procedure(String procedureId) {
        return "PROCEDURE#" + procedureId;
    }

    public static String procedureVersion(String procedureId, int version) {
        return String.format("PROCEDURE#%s#V%04d", procedureId, version);
    }

    public static String draft(String procedureId) {
        return "DRAFT#" + procedureId;
    }

    public static String household() {
        return "HOUSEHOLD";
    }

    /** References are unique across the platform, so a citizen can find a request by reference alone. */
    public static String request(String reference) {
        return "REQUEST#" + reference;
    }

    public static String citizen(String applicantId) {
        return "CITIZEN#" + applicantId;
    }

    public static String inbox(String tenantId, String serviceId, boolean open) {
        return "INBOX#" + tenantId + "#" + serviceId + (open ? "#OPEN" : "#DONE");
    }

    public static String due(LocalDate day) {
        return "DUE#" + day;
    }

    public static String assignee(String tenantId, String agentId, boolean open) {
        return "ASSIGNEE#" + tenantId + "#" + agentId + (open ? "#OPEN" : "#DONE");
    }

    public static String unassigned(String tenantId, String serviceId) {
        return "UNASSIGNED#" + tenantId + "#" + serviceId;
    }

    public static String procedureInbox(String tenantId, String serviceId, String procedureId, boolean open) {
        return "PROC#" + tenantId + "#" + serviceId + "#" + procedureId + (open ? "#OPEN" : "#DONE");
    }

    public static String dueBy(String tenantId, String serviceId) {
        return "DUEBY#" + tenantId + "#" + serviceId;
    }

    public static String names(String tenantId, String serviceId, String partition) {
        return "NAME#" + tenantId + "#" + serviceId + "#" + partition;
    }

    public static String channelInbox(String tenantId, String serviceId, String channel, boolean open) {
        return "CHANNEL#" + tenantId + "#" + serviceId + "#" + channel + (open ? "#OPEN" : "#DONE");
    }

    public static String statistics(String tenantId) {
        return "STATS#" + tenantId;
    }
}
