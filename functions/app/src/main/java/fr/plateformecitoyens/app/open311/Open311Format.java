package fr.plateformecitoyens.app.open311;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.app.http.ApiResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The two formats of GeoReport v2. A response is a list of records (ordered maps whose values are
 * strings, numbers, booleans, nulls or nested lists of records); JSON writes the list as an array of
 * objects, XML as a root element holding one element per record, with the JDK's StAX writer.
 */
public enum Open311Format {
    JSON("application/json; charset=utf-8"), XML("text/xml; charset=utf-8");

    private static final XMLOutputFactory XML_OUTPUT = XMLOutputFactory.newFactory();

    private final String contentType;

    Open311Format(String contentType) {
        this.contentType = contentType;
    }

    /** The format a resource name ends with ({@code services.xml}), or null when neither. */
    public static Open311Format of(String resource) {
        if (resource.endsWith(".json")) {
            return JSON;
        }
        return resource.endsWith(".xml") ? XML : null;
    }

    /** The resource name without its format suffix. */
    public static String strip(String resource) {
        int dot = resource.lastIndexOf('.');
        return dot < 0 ? resource : resource.substring(0, dot);
    }

    /** An ordered record, for readable call sites. */
    public static Map<String, Object> record(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /** A list of records as the body: {@code root} and {@code element} name the XML elements. */
    public ApiResponse list(int status, String root, String element, List<Map<String, Object>> records) {
        byte[] body;
        if (this == JSON) {
            ArrayNode array = Json.array();
            records.forEach(r -> array.add(object(r)));
            body = Json.writeBytes(array);
        } else {
            body = xml(root, element, records, false);
        }
        return respond(status, body);
    }

    /** One record as the body (a JSON object, or an XML root element of its fields). */
    public ApiResponse single(int status, String root, Map<String, Object> record) {
        return respond(status, this == JSON ? Json.writeBytes(object(record)) : xml(root, null, List.of(record), true));
    }

    private ApiResponse respond(int status, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", contentType);
        headers.put("cache-control", "no-store");
        return new ApiResponse(status, headers, body, false);
    }

    /** The error body of the spec: a list of {@code {code, description}}, with the code as HTTP status. */
    public ApiResponse error(int code, String description) {
        return list(code, "errors", "error", List.of(record("code", code, "description", description)));
    }

    @SuppressWarnings("unchecked")
    private static ObjectNode object(Map<String, Object> record) {
        ObjectNode node = Json.object();
        record.forEach((name, value) -> {
            if (value == null) {
                node.putNull(name);
            } else if (value instanceof List<?> list) {
                ArrayNode array = node.putArray(name);
                list.forEach(item -> array.add(object((Map<String, Object>) item)));
            } else if (value instanceof Number number) {
                node.set(name, Json.MAPPER.valueToTree(number));
            } else if (value instanceof Boolean flag) {
                node.put(name, flag);
            } else {
                node.put(name, value.toString());
            }
        });
        return node;
    }

    private static byte[] xml(String root, String element, List<Map<String, Object>> records, boolean single) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XML_OUTPUT.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement(root);
            for (Map<String, Object> record : records) {
                if (!single) {
                    xml.writeStartElement(element);
                }
                fields(xml, record);
                if (!single) {
                    xml.writeEndElement();
                }
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write XML", e);
        }
        return out.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private static void fields(XMLStreamWriter xml, Map<String, Object> record) throws XMLStreamException {
        for (var field : record.entrySet()) {
            Object value = field.getValue();
            if (value instanceof List<?> list) {
                xml.writeStartElement(field.getKey());
                String child = field.getKey().endsWith("s") ? field.getKey().substring(0, field.getKey().length() - 1)
                        : field.getKey();
                for (Object item : list) {
                    xml.writeStartElement(child);
                    fields(xml, (Map<String, Object>) item);
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            } else if (value == null) {
                xml.writeEmptyElement(field.getKey());
            } else {
                xml.writeStartElement(field.getKey());
                xml.writeCharacters(value.toString());
                xml.writeEndElement();
            }
        }
    }

    /** The body of a form post ({@code application/x-www-form-urlencoded}), names to values. */
    public static Map<String, String> form(byte[] body) {
        Map<String, String> values = new LinkedHashMap<>();
        String text = new String(body, StandardCharsets.UTF_8);
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.putIfAbsent(name, value);
        }
        return values;
    }
}
