package fr.plateformecitoyens.app.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.core.document.DocumentRef;
import fr.plateformecitoyens.core.message.Message;

/** Messages as JSON. The text goes out as a JSON string: it is text, and the pages show it as text. */
final class MessageViews {

    private MessageViews() {
    }

    static ObjectNode message(Message m, boolean forAgent) {
        ObjectNode node = Json.object().put("id", m.id()).put("at", m.at().toString());
        node.putObject("author").put("kind", m.author().kind().code()).put("name", m.author().displayName())
                .put("role", m.author().role());
        node.put("text", m.text());
        if (forAgent) {
            node.put("visibility", m.visibility().code());
        }
        ArrayNode files = node.putArray("attachments");
        for (int i = 0; i < m.attachments().size(); i++) {
            DocumentRef ref = m.attachments().get(i);
            files.addObject().put("index", i).put("fileName", ref.fileName()).put("contentType", ref.contentType())
                    .put("size", ref.size());
        }
        return node;
    }
}
