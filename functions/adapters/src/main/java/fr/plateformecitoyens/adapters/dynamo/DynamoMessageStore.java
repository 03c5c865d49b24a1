package fr.plateformecitoyens.adapters.dynamo;

import static fr.plateformecitoyens.adapters.dynamo.Attributes.n;
import static fr.plateformecitoyens.adapters.dynamo.Attributes.s;
import static fr.plateformecitoyens.adapters.dynamo.Attributes.string;

import fr.plateformecitoyens.core.document.DocumentRef;
import fr.plateformecitoyens.core.error.DomainException;
import fr.plateformecitoyens.core.message.Author;
import fr.plateformecitoyens.core.message.Message;
import fr.plateformecitoyens.core.message.MessageIds;
import fr.plateformecitoyens.core.message.MessageStore;
import fr.plateformecitoyens.core.message.Visibility;
import fr.plateformecitoyens.core.request.Page;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Messages in the request's own partition: {@code REQUEST#ref} / {@code MESSAGE#<id>}, ids ordered by time, so
 * a thread is one Query in either direction. Beside them, {@code MESSAGEKEY#<hash>} records the first use of
 * an idempotency key and {@code THREAD} who spoke last. The citizen's reads filter internal notes out inside
 * DynamoDB: they never leave the table on a citizen's path.
 */
public final class DynamoMessageStore implements MessageStore {

    static final String PREFIX = "MESSAGE#";
    private static final String THREAD = "THREAD";
    /** Items read per Query round: a thread is small, and a citizen's page skips the internal notes. */
    private static final int ROUND = 50;
    private static final DateTimeFormatter MARK =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoMessageStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean createIfAbsent(Message message) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(toItem(message))
                    .conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public Optional<Message> find(String reference, String messageId) {
        var item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Attributes.key(Keys.request(reference), PREFIX + messageId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public Page<Message> thread(String reference, boolean publicOnly, boolean newestFirst, Optional<String> cursor,
            int limit) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":p", s(Keys.request(reference)));
        values.put(":m", s(PREFIX));
        if (publicOnly) {
            values.put(":public", s(Visibility.PUBLIC.code()));
        }
        Map<String, AttributeValue> start = cursor.map(c -> startKey(reference, c)).orElse(null);
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        boolean more;
        do {
            QueryRequest.Builder query = QueryRequest.builder().tableName(table).consistentRead(true)
                    .keyConditionExpression("pk = :p AND begins_with(sk, :m)")
                    .expressionAttributeValues(values).scanIndexForward(!newestFirst)
                    .limit(Math.max(ROUND, limit + 1)).exclusiveStartKey(start);
            if (publicOnly) {
                query.filterExpression("visibility = :public");
            }
            QueryResponse response = dynamo.query(query.build());
            found.addAll(response.items());
            more = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty();
            start = more ? response.lastEvaluatedKey() : null;
        } while (more && found.size() <= limit);
        boolean next = found.size() > limit;
        List<Map<String, AttributeValue>> shown = next ? found.subList(0, limit) : found;
        Optional<String> nextCursor = next ? Optional.of(encode(string(shown.get(limit - 1), Keys.SK)))
                : Optional.empty();
        return new Page<>(shown.stream().map(DynamoMessageStore::fromItem).toList(), nextCursor);
    }

    @Override
    public Optional<KeyUse> keyUse(String reference, String keyHash) {
        var item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Attributes.key(Keys.request(reference), "MESSAGEKEY#" + keyHash))).item();
        return item == null || item.isEmpty() ? Optional.empty()
                : Optional.of(new KeyUse(string(item, "messageId"), string(item, "fingerprint")));
    }

    @Override
    public Optional<KeyUse> reserveKey(String reference, String keyHash, KeyUse use) {
        Map<String, AttributeValue> item =
                new HashMap<>(Attributes.key(Keys.request(reference), "MESSAGEKEY#" + keyHash));
        item.put("messageId", s(use.messageId()));
        item.put("fingerprint", s(use.fingerprint()));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            return Optional.empty();
        } catch (ConditionalCheckFailedException e) {
            return keyUse(reference, keyHash);
        }
    }

    @Override
    public ThreadState state(String reference) {
        var item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Attributes.key(Keys.request(reference), THREAD))).item();
        if (item == null || item.isEmpty()) {
            return new ThreadState(Optional.empty(), Optional.empty());
        }
        return new ThreadState(Attributes.optionalString(item, "lastCitizenMessageAt").map(Instant::parse),
                Attributes.optionalString(item, "lastAgentReplyAt").map(Instant::parse));
    }

    @Override
    public void markSpoken(String reference, Author.Kind author, Instant at) {
        String attribute = author == Author.Kind.CITIZEN ? "lastCitizenMessageAt" : "lastAgentReplyAt";
        try {
            // ISO instants of the same precision sort as text; the condition keeps the mark from going back.
            dynamo.updateItem(b -> b.tableName(table).key(Attributes.key(Keys.request(reference), THREAD))
                    .updateExpression("SET #a = :at")
                    .conditionExpression("attribute_not_exists(#a) OR #a < :at")
                    .expressionAttributeNames(Map.of("#a", attribute))
                    .expressionAttributeValues(Map.of(":at", s(fixed(at)))));
        } catch (ConditionalCheckFailedException e) {
            // A later message already moved it.
        }
    }

    static Map<String, AttributeValue> toItem(Message m) {
        Map<String, AttributeValue> item =
                new HashMap<>(Attributes.key(Keys.request(m.reference()), PREFIX + m.id()));
        item.put("reference", s(m.reference()));
        item.put("messageId", s(m.id()));
        item.put("at", s(m.at().toString()));
        item.put("authorKind", s(m.author().kind().code()));
        item.put("authorId", s(m.author().id()));
        item.put("authorName", s(m.author().displayName()));
        item.put("authorRole", s(m.author().role()));
        item.put("text", s(m.text()));
        item.put("visibility", s(m.visibility().code()));
        item.put("fingerprint", s(m.fingerprint()));
        List<AttributeValue> files = new ArrayList<>();
        for (DocumentRef ref : m.attachments()) {
            files.add(AttributeValue.fromM(Map.of("key", s(ref.key()), "fileName", s(ref.fileName()),
                    "contentType", s(ref.contentType()), "size", n(ref.size()))));
        }
        item.put("attachments", AttributeValue.fromL(files));
        return item;
    }

    static Message fromItem(Map<String, AttributeValue> item) {
        List<DocumentRef> files = new ArrayList<>();
        AttributeValue list = item.get("attachments");
        if (list != null && list.hasL()) {
            for (AttributeValue file : list.l()) {
                Map<String, AttributeValue> f = file.m();
                files.add(new DocumentRef(string(f, "key"), string(f, "fileName"), string(f, "contentType"),
                        Attributes.number(f, "size")));
            }
        }
        Author author = new Author(Author.Kind.valueOf(string(item, "authorKind").toUpperCase(java.util.Locale.ROOT)),
                string(item, "authorId"), string(item, "authorName"), string(item, "authorRole"));
        return new Message(string(item, "reference"), string(item, "messageId"), Instant.parse(string(item, "at")),
                author, string(item, "text"), files,
                Visibility.fromCode(string(item, "visibility")).orElse(Visibility.INTERNAL),
                string(item, "fingerprint"));
    }

    /** Millisecond precision, always with its digits, so that marks compare as text in time order. */
    private static String fixed(Instant at) {
        return MARK.format(at);
    }

    /** A cursor is the last message id shown; the partition always comes from the request the caller may read. */
    private static String encode(String sortKey) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(sortKey.substring(PREFIX.length()).getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, AttributeValue> startKey(String reference, String cursor) {
        String id;
        try {
            id = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            id = null;
        }
        if (!MessageIds.isWellFormed(id)) {
            throw new DomainException.BadRequest("Le curseur de pagination n'est pas valide.");
        }
        return Attributes.key(Keys.request(reference), PREFIX + id);
    }
}
