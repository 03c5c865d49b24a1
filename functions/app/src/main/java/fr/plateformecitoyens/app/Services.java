package fr.plateformecitoyens.app;

import fr.plateformecitoyens.adapters.Config;
import fr.plateformecitoyens.adapters.PlatformClock;
import fr.plateformecitoyens.adapters.aws.AwsClients;
import fr.plateformecitoyens.adapters.dynamo.DynamoBookingStore;
import fr.plateformecitoyens.adapters.dynamo.DynamoCatalogue;
import fr.plateformecitoyens.adapters.dynamo.DynamoInbox;
import fr.plateformecitoyens.adapters.dynamo.DynamoStatistics;
import fr.plateformecitoyens.adapters.dynamo.DynamoLedger;
import fr.plateformecitoyens.adapters.dynamo.DynamoResourceCatalogue;
import fr.plateformecitoyens.adapters.dynamo.DynamoRequestStore;
import fr.plateformecitoyens.adapters.dynamo.DynamoTenantDirectory;
import fr.plateformecitoyens.adapters.forms.SchemaFormValidator;
import fr.plateformecitoyens.adapters.messaging.SesMailer;
import fr.plateformecitoyens.adapters.messaging.SqsEventPublisher;
import fr.plateformecitoyens.adapters.storage.S3DocumentStore;
import fr.plateformecitoyens.core.booking.BookingStore;
import fr.plateformecitoyens.core.booking.Bookings;
import fr.plateformecitoyens.core.booking.Ledger;
import fr.plateformecitoyens.core.booking.ResourceCatalogue;
import fr.plateformecitoyens.core.inbox.InboxIndex;
import fr.plateformecitoyens.core.stats.StatisticsStore;
import fr.plateformecitoyens.core.port.Catalogue;
import fr.plateformecitoyens.core.port.DocumentStore;
import fr.plateformecitoyens.core.port.EventPublisher;
import fr.plateformecitoyens.core.port.Mailer;
import fr.plateformecitoyens.core.port.RequestStore;
import fr.plateformecitoyens.core.port.TenantDirectory;
import java.time.Clock;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The adapters a function needs, each built once and only when first asked for: a function that never
 * sends e-mail never builds an SES client, which keeps its cold start short.
 */
public final class Services {

    private final Supplier<DynamoDbClient> dynamo = memoize(AwsClients::dynamoDb);
    private final Supplier<String> table = memoize(() -> Config.required("TABLE_NAME"));
    private final Supplier<TenantDirectory> tenants =
            memoize(() -> new DynamoTenantDirectory(dynamo.get(), table.get()));
    private final Supplier<Catalogue> catalogue = memoize(() -> new DynamoCatalogue(dynamo.get(), table.get()));
    private final Supplier<RequestStore> requests = memoize(() -> new DynamoRequestStore(dynamo.get(), table.get()));
    private final Supplier<EventPublisher> events = memoize(() -> new SqsEventPublisher(AwsClients.sqs(),
            Config.required("EVENTS_QUEUE_URL")));
    private final Supplier<Mailer> mailer = memoize(() -> new SesMailer(AwsClients.ses(),
            Config.required("MAIL_SENDER")));
    private final Supplier<SchemaFormValidator> validator = memoize(SchemaFormValidator::new);
    private final Supplier<ResourceCatalogue> resources =
            memoize(() -> new DynamoResourceCatalogue(dynamo.get(), table.get()));
    private final Supplier<Ledger> ledger = memoize(() -> new DynamoLedger(dynamo.get(), table.get()));
    private final Supplier<BookingStore> bookings = memoize(() -> new DynamoBookingStore(dynamo.get(), table.get()));
    private final Supplier<DocumentStore> documents = memoize(() -> new S3DocumentStore(AwsClients.s3(),
            AwsClients.s3Presigner(), Config.required("DOCUMENTS_BUCKET")));
    private final Supplier<InboxIndex> inbox = memoize(() -> new DynamoInbox(dynamo.get(), table.get()));
    private final Supplier<StatisticsStore> statistics =
            memoize(() -> new DynamoStatistics(dynamo.get(), table.get()));
    private final Clock clock = new PlatformClock();

    public DynamoDbClient dynamo() {
        return dynamo.get();
    }

    public String table() {
        return table.get();
    }

    public TenantDirectory tenants() {
        return tenants.get();
    }

    public Catalogue catalogue() {
        return catalogue.get();
    }

    public RequestStore requests() {
        return requests.get();
    }

    public EventPublisher events() {
        return events.get();
    }

    public Mailer mailer() {
        return mailer.get();
    }

    public SchemaFormValidator validator() {
        return validator.get();
    }

    public ResourceCatalogue resources() {
        return resources.get();
    }

    public Ledger ledger() {
        return ledger.get();
    }

    public BookingStore bookings() {
        return bookings.get();
    }

    /** The private bucket of documents: acknowledgements, decisions, uploads. */
    public DocumentStore documents() {
        return documents.get();
    }

    /** The booking use cases over this function's adapters. */
    public Bookings booking() {
        return new Bookings(resources(), ledger(), bookings(), events(), clock);
    }

    /** The agents' inbox views (index queries). */
    public InboxIndex inbox() {
        return inbox.get();
    }

    /** The monthly counters per tenant. */
    public StatisticsStore statistics() {
        return statistics.get();
    }

    public Clock clock() {
        return clock;
    }

    public String portalUrl() {
        return Config.optional("PORTAL_URL").orElse("http://localhost:8080");
    }

    private static <T> Supplier<T> memoize(Supplier<T> factory) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T result = value;
                if (result == null) {
                    synchronized (this) {
                        result = value;
                        if (result == null) {
                            result = factory.get();
                            value = result;
                        }
                    }
                }
                return result;
            }
        };
    }
}
